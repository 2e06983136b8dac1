"""Whole reports through the pipeline: which happenings become events of the report.

Background history, the places an attacker came from, and reports that tell no codable event
(diplomacy, opinion, history, statistics, disasters, threats, hypotheticals) make no event; one
report may hold several events, one per place and day. The texts are written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import khabar
from khabar.model import Event

PUBLISHED = "2023-11-17"  # a Friday


def events_of(text: str, published: str = PUBLISHED) -> list[Event]:
    return khabar.extract(text, published=published, outlet="Test Wire").events


def place_names(event: Event) -> set[str]:
    return {location.name for location in event.locations}


def test_agreement_told_as_background_is_no_event() -> None:
    text = (
        "Government forces shelled the town of Saraqib on Thursday, killing two people. "
        "The shelling was the heaviest since a ceasefire agreed in March."
    )
    events = events_of(text)
    assert [event.sub_event_type for event in events] == ["Shelling/artillery/missile attack"]


def test_history_dated_months_before_publication_is_no_event() -> None:
    text = (
        "Rebels attacked an army checkpoint near Saraqib on Wednesday. "
        "Government forces captured the town of Khan Shaykhun in August."
    )
    events = events_of(text)
    assert "Government regains territory" not in [event.sub_event_type for event in events]
    assert len(events) == 1


def test_pluperfect_with_a_recent_date_of_its_own_is_current() -> None:
    text = "By Wednesday the villages near Saraqib had been recaptured by rebels."
    assert [event.sub_event_type for event in events_of(text)] == ["Non-state actor overtakes territory"]


def test_where_the_attacker_came_from_is_no_second_event() -> None:
    text = (
        "An air strike hit a market in Ariha in Idlib province on Thursday, killing six people. "
        "A monitor said the strike was carried out by a jet that took off from Hama airbase."
    )
    (event,) = events_of(text)
    assert event.sub_event_type == "Air/drone strike"
    assert "Hama" not in " ".join(place_names(event))


NON_EVENT_REPORTS = {
    "diplomacy": (
        "The foreign ministers of Turkey and Iran met in Ankara on Tuesday to discuss the war in "
        "Syria. Both sides called for calm and said their talks would continue next month."
    ),
    "opinion": (
        "The war has brought nothing but misery to ordinary families, and the world has looked "
        "away for too long. Leaders must find the courage to end the bloodshed."
    ),
    "history": (
        "The town was captured by rebels in 2012 and retaken by government forces in 2016. Its "
        "old market, destroyed in the fighting, was rebuilt in 2019."
    ),
    "statistics": (
        "More than 300,000 people have been killed in the conflict since 2011, a monitor said in "
        "a new report. Airstrikes have killed thousands of civilians over the past decade."
    ),
    "disaster": (
        "A powerful earthquake struck the border region on Monday, killing at least 40 people "
        "and destroying hundreds of homes. Rescuers searched the rubble through the night."
    ),
    "future threat": (
        "The armed group threatened to attack government buildings in the capital if its "
        "fighters are not released. Officials warned of possible bombings during the holiday."
    ),
    "hypothetical": (
        "If the talks collapse, the army could launch an offensive on the province within days. "
        "Analysts said such an assault would displace hundreds of thousands of people."
    ),
}


@pytest.mark.parametrize("kind", sorted(NON_EVENT_REPORTS))
def test_report_without_a_codable_event_makes_none(kind: str) -> None:
    assert events_of(NON_EVENT_REPORTS[kind]) == []


def test_one_report_holds_an_event_per_place_and_day() -> None:
    text = (
        "An air strike hit a market in Ariha on Thursday, killing six people. "
        "Separately, rebels and government troops clashed near Saraqib on Wednesday."
    )
    events = events_of(text)
    assert [event.sub_event_type for event in events] == ["Air/drone strike", "Armed clash"]
    assert [event.date.value.isoformat() for event in events] == ["2023-11-16", "2023-11-15"]
    assert place_names(events[0]) != place_names(events[1])


def test_sample_report_codes_its_three_happenings() -> None:
    """The project's sample: the strike (retold with the airbase the jet came from), the
    shelling and the clashes; the ceasefire agreed in March is background."""
    sample = Path(khabar.__file__).parent / "samples" / "sample-report.txt"
    events = events_of(sample.read_text(encoding="utf-8"))
    assert [event.sub_event_type for event in events] == [
        "Air/drone strike",
        "Shelling/artillery/missile attack",
        "Armed clash",
    ]
    assert events[0].main
    assert not any("Hama" in name for event in events for name in place_names(event))
    assert events[2].date.precision == "day"

"""One happening the event stage told as two events: its sources' tolls are still compared
(``claim_happenings.same_happenings``). Texts and events are written for the tests."""

from __future__ import annotations

import datetime as dt

from report_helpers import ledger_of_report
from spacy.language import Language

from khabar.model import Actor, ArticleLedger, Event, EventDate, Location
from khabar.pipeline.claim_happenings import same_happenings


def event(event_id: str, sub_type: str, day: int | None, *places: tuple[str, str, str]) -> Event:
    date = EventDate(dt.date(2016, 6, day) if day else None, "day")
    locations = [Location(name, "SYR", None, None, precision, admin1) for name, precision, admin1 in places]  # type: ignore[arg-type]
    return Event(
        id=event_id, sub_event_type=sub_type, date=date, locations=locations, actor1=Actor(name=None)
    )


TOWN = ("Kafr Nabl", "town", "Idlib")
PROVINCE = ("Idlib", "admin1", "Idlib")
OTHER_TOWN = ("Saraqib", "town", "Idlib")
STRIKE, SHELLING = "Air/drone strike", "Shelling/artillery/missile attack"


def test_a_town_strike_and_its_provinces_bombardment_of_one_day_are_one_happening() -> None:
    happenings = same_happenings([event("e1", STRIKE, 7, TOWN), event("e2", SHELLING, 7, PROVINCE)])
    assert happenings["e2"] == happenings["e1"] == "e1"


def test_another_day_another_type_or_another_town_is_another_happening() -> None:
    assert same_happenings([event("e1", STRIKE, 7, TOWN), event("e2", STRIKE, 6, PROVINCE)])["e2"] == "e2"
    assert "e2" not in same_happenings([event("e1", STRIKE, 7, TOWN), event("e2", "Agreement", 7, PROVINCE)])
    assert same_happenings([event("e1", STRIKE, 7, TOWN), event("e2", STRIKE, 7, OTHER_TOWN)])["e2"] == "e2"


def test_a_place_told_as_near_a_town_is_on_the_towns_scale() -> None:
    near = ("Kafr Nabl", "near_town", "Idlib")
    happenings = same_happenings([event("e1", STRIKE, 7, TOWN), event("e2", SHELLING, 7, near)])
    assert happenings["e2"] == happenings["e1"] == "e1"


def test_a_province_event_beside_two_towns_is_a_round_up_that_joins_neither() -> None:
    events = [
        event("e1", STRIKE, 7, TOWN),
        event("e2", STRIKE, 7, PROVINCE),
        event("e3", STRIKE, 7, OTHER_TOWN),
    ]
    happenings = same_happenings(events)
    assert "e2" not in happenings
    assert happenings["e1"] == "e1" and happenings["e3"] == "e3"


def test_a_country_is_too_wide_to_tell_one_happening() -> None:
    country = ("Syria", "country", "")
    assert same_happenings([event("e1", STRIKE, 7, country), event("e2", STRIKE, 7, country)])["e2"] == "e2"


def run(nlp: Language, text: str) -> ArticleLedger:
    return ledger_of_report(nlp, text, dt.date(2016, 6, 8))


def test_two_sources_tolls_of_one_strike_on_two_events_contradict(nlp: Language) -> None:
    text = (
        "Government air strikes on the town of Kafr Nabl in Idlib province on Tuesday killed 16 "
        "people, a spokesman at the town's hospital said. The attacks came as government forces "
        "and Russian jets stepped up their bombardment of Idlib, the Syrian Observatory for Human "
        "Rights reported. The Observatory said there were no deaths from the strike on the hospital."
    )
    ledger = run(nlp, text)
    killed = [c for c in ledger.claims if c.kind == "killed"]
    assert len({c.about for c in killed}) == 2  # the event stage's two events, left as they are
    assert [set(c.values) for c in ledger.contradictions if c.field == "killed"] == [{16, 0}]


def test_the_reports_own_total_is_not_set_against_one_incident(nlp: Language) -> None:
    # a round-up: the report's total of the province and a monitor's figure of one of its attacks
    text = (
        "At least 40 civilians were killed in air raids and shelling across Aleppo province on "
        "Saturday. Rebel shelling killed nine civilians in the west of Aleppo city, the Syrian "
        "Observatory for Human Rights said."
    )
    assert [c for c in run(nlp, text).contradictions if c.field == "killed"] == []


def test_a_figure_of_one_day_alone_is_a_part_of_the_campaigns_toll(nlp: Language) -> None:
    text = (
        "Renewed bombing of eastern Aleppo has killed at least 32 people over two days, rescue "
        "workers said. The Syrian Observatory for Human Rights said the air strikes on Wednesday "
        "alone killed at least 21 people."
    )
    assert [c for c in run(nlp, text).contradictions if c.field == "killed"] == []


def test_a_sources_toll_its_own_words_place_is_compared_with_that_places_toll(nlp: Language) -> None:
    # the monitor's 30 "in Aleppo province" lands on the Idlib event, beside its own Idlib figure
    # ("another 12"); its own words put it in the province of the activists' Aleppo strikes
    text = (
        "At least 45 people were killed in air strikes on the city of Aleppo on Saturday, activists "
        "said. Separately, warplanes struck a market in the city of Idlib, killing at least 20 "
        "people, the civil defence said. The Syrian Observatory for Human Rights said 30 people were "
        "killed in Aleppo province and another 12 were killed in Idlib province."
    )
    ledger = ledger_of_report(nlp, text, dt.date(2016, 9, 11))
    by_value = {c.value: c for c in ledger.claims if c.kind == "killed"}
    assert by_value[45].about != by_value[30].about  # the event stage's reading, left as it is
    assert [set(c.values) for c in ledger.contradictions if c.field == "killed"] == [{45, 30}]


def test_a_toll_its_own_words_place_elsewhere_is_not_compared(nlp: Language) -> None:
    text = (
        "At least 45 people were killed in air strikes on the city of Aleppo on Saturday, activists "
        "said. Separately, warplanes struck a market in the city of Idlib, killing at least 20 "
        "people, the civil defence said. The Syrian Observatory for Human Rights said 30 people were "
        "killed in Hama province and another 12 were killed in Idlib province."
    )
    ledger = ledger_of_report(nlp, text, dt.date(2016, 9, 11))
    assert not [c for c in ledger.contradictions if c.field == "killed"]


def test_tolls_of_two_kinds_of_violence_in_one_town_on_one_day_are_not_compared(nlp: Language) -> None:
    text = (
        "Two SDF soldiers were killed in clashes with Islamic State in the town of al-Bab on Sunday, "
        "the Syrian Observatory for Human Rights said. Separately, the Turkish military said one of "
        "its soldiers had been killed in a car bomb attack in al-Bab on Sunday."
    )
    ledger = ledger_of_report(nlp, text, dt.date(2016, 12, 19))
    assert not [c for c in ledger.contradictions if c.field == "killed"]

"""Cross-outlet place and date contradictions of one ledger event."""

from __future__ import annotations

import dataclasses
import datetime as dt

from khabar.model import Claim, Span
from khabar.reconcile import ArticleEventRef
from khabar.reconcile.ledger import ledger_event_of

from .conftest import make_ref


def stated(ref: ArticleEventRef, *, date: str | None = None, night: bool = False) -> ArticleEventRef:
    """The ref with its location (and date, if given) stated in the text, and one event claim."""
    event = ref.event
    location = dataclasses.replace(event.locations[0], evidence=[Span(10, 20, event.locations[0].name)])
    words = "late on Tuesday" if night else "on Tuesday"
    when = dataclasses.replace(event.date, evidence=[Span(200, 210, words)]) if date is None else None
    if date is not None:
        when = dataclasses.replace(
            event.date, value=dt.date.fromisoformat(date), evidence=[Span(200, 218, "early on Wednesday")]
        )
    claim = Claim(id="c1", speaker=None, kind="event", status="asserted", evidence=[Span(0, 50, "x" * 50)])
    return dataclasses.replace(
        ref, event=dataclasses.replace(event, locations=[location], date=when), claims=(claim,)
    )


def test_outlets_placing_one_attack_in_distant_towns_contradict() -> None:
    refs = [
        stated(make_ref("a1", outlet="reuters", place="Khan Shaykhun")),
        stated(make_ref("a2", outlet="sana", place="Saraqib")),  # 48 km away
        stated(make_ref("a3", outlet="trt", place="Khan Shaykhun")),
    ]
    event = ledger_event_of(refs)
    place = next(item for item in event.contradictions if item.field == "location")
    assert place.values == ["Khan Shaykhun", "Saraqib"]
    assert [side.outlets for side in place.sides] == [["reuters", "trt"], ["sana"]]
    assert place.sides[1].claims == ["a2:c1"]
    assert "location" in event.disputed


def test_the_same_town_or_one_outlet_alone_is_no_contradiction() -> None:
    same = [stated(make_ref("a1", outlet="reuters")), stated(make_ref("a2", outlet="sana"))]
    assert not [c for c in ledger_event_of(same).contradictions if c.field == "location"]
    one_outlet = [
        stated(make_ref("a1", outlet="sana", place="Khan Shaykhun")),
        stated(make_ref("a2", outlet="sana", place="Saraqib")),
    ]
    assert not [c for c in ledger_event_of(one_outlet).contradictions if c.field == "location"]


def test_a_location_no_text_states_is_not_a_side() -> None:
    refs = [stated(make_ref("a1", outlet="reuters")), make_ref("a2", outlet="sana", place="Saraqib")]
    assert not [c for c in ledger_event_of(refs).contradictions if c.field == "location"]


def test_outlets_dating_one_attack_days_apart_contradict() -> None:
    refs = [
        stated(make_ref("a1", outlet="reuters", day="2017-04-04")),
        stated(make_ref("a2", outlet="sana", day="2017-04-02", published="2017-04-04")),
    ]
    date = next(item for item in ledger_event_of(refs).contradictions if item.field == "date")
    assert date.values == ["2017-04-04", "2017-04-02"]


def test_a_night_attack_either_side_of_midnight_is_one_date() -> None:
    refs = [
        stated(make_ref("a1", outlet="reuters", day="2017-04-04"), night=True),
        stated(make_ref("a2", outlet="sana", day="2017-04-04"), date="2017-04-05"),
    ]
    assert not [c for c in ledger_event_of(refs).contradictions if c.field == "date"]


def test_a_date_from_the_publication_day_is_not_a_side() -> None:
    refs = [
        stated(make_ref("a1", outlet="reuters", day="2017-04-04")),
        make_ref("a2", outlet="sana", day="2017-04-06"),
    ]
    assert not [c for c in ledger_event_of(refs).contradictions if c.field == "date"]


def test_a_dateline_is_the_day_of_the_report_not_of_the_event() -> None:
    dateline = stated(make_ref("a2", outlet="sana", day="2017-04-05"))
    event = dataclasses.replace(
        dateline.event, date=dataclasses.replace(dateline.event.date, evidence=[Span(5, 15, "5 Apr 2017")])
    )
    refs = [
        stated(make_ref("a1", outlet="reuters", day="2017-04-04")),
        dataclasses.replace(dateline, event=event),
    ]
    assert not [c for c in ledger_event_of(refs).contradictions if c.field == "date"]

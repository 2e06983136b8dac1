"""The event page's disputed section shows each disagreement once."""

from __future__ import annotations

import datetime as dt

from khabar.model import Actor, Event, EventDate
from khabar.web.present import disputed_fields

SYRIA, RUSSIA = "Military Forces of Syria", "Military Forces of Russia"


def _event() -> Event:
    actor1 = Actor(name=SYRIA, country="SYR", inter=1, claims=["c1"], disputed=True,
                   alternatives=[{"name": RUSSIA, "claims": ["c2"]}])  # fmt: skip
    day = EventDate(value=dt.date(2023, 11, 16), precision="day")
    return Event(id="e1", sub_event_type="Air/drone strike", date=day, locations=[], actor1=actor1)


def test_a_perpetrator_contradiction_on_the_disputed_actor_is_shown_once() -> None:
    contradiction = {"field": "perpetrator", "values": [SYRIA, RUSSIA], "claims": ["c1", "c2"]}
    fields = disputed_fields(_event(), {}, [contradiction])
    assert [(f["field"], f.get("contradiction", False)) for f in fields] == [("actor1", True)]
    assert [side["value"] for side in fields[0]["sides"]] == [SYRIA, RUSSIA]


def test_a_contradiction_on_other_actors_keeps_its_own_sides() -> None:
    contradiction = {"field": "perpetrator", "values": [SYRIA, "Islamic State"], "claims": ["c1", "c3"]}
    fields = disputed_fields(_event(), {}, [contradiction])
    assert [f["field"] for f in fields] == ["actor1", "perpetrator"]

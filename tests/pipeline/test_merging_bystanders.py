"""Civilians also killed in a strike, a massacre told by its strike, and its bombing are the strike.

Run through the whole pipeline on texts written for these tests.
"""

from __future__ import annotations

import datetime as dt

from report_helpers import events_of
from spacy.language import Language


def test_civilians_also_killed_in_the_strikes_are_no_second_strike(nlp: Language) -> None:
    text = (
        "Coalition air strikes killed 14 Islamic State fighters near the town of Shaddadi on Tuesday, "
        "a monitoring group said. Two civilians were also killed in the air strikes, it said."
    )
    events = events_of(nlp, text, dt.date(2015, 3, 5))
    assert [event.sub_event_type for event in events].count("Air/drone strike") == 1


def test_a_massacre_told_by_its_air_strikes_is_one_strike(nlp: Language) -> None:
    text = (
        "Government forces committed a massacre in the town of Kafr Nabl on Sunday, killing 17 civilians. "
        "The victims were hit by air strikes of government forces on the market of Kafr Nabl on Sunday."
    )
    events = events_of(nlp, text, dt.date(2016, 3, 8))
    assert [event.sub_event_type for event in events] == ["Air/drone strike"]


def test_an_attack_on_a_bus_beside_a_strike_stays_an_attack(nlp: Language) -> None:
    text = (
        "Government soldiers attacked a bus carrying civilians in the town of Kafr Nabl on Sunday, "
        "killing five. Air strikes by government forces hit the market of Kafr Nabl on Sunday, "
        "killing three people."
    )
    types = [event.sub_event_type for event in events_of(nlp, text, dt.date(2016, 3, 8))]
    assert "Attack" in types and "Air/drone strike" in types


def test_the_bombing_of_an_air_strike_is_no_explosive_device(nlp: Language) -> None:
    text = (
        "Government air strikes hit the town of Kafr Nabl on Sunday, in a second day of renewed "
        "bombing that has killed 12 people."
    )
    types = [event.sub_event_type for event in events_of(nlp, text, dt.date(2016, 3, 8))]
    assert types == ["Air/drone strike"]


def test_a_car_bomb_beside_an_air_strike_stays_a_device(nlp: Language) -> None:
    text = (
        "Government air strikes hit the town of Kafr Nabl on Sunday. A car bomb exploded at a "
        "checkpoint in Kafr Nabl on Sunday, killing 12 people."
    )
    types = [event.sub_event_type for event in events_of(nlp, text, dt.date(2016, 3, 8))]
    assert "Remote explosive/landmine/IED" in types and "Air/drone strike" in types

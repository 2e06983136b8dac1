"""Merging drafts into one event per type, place and day, and dropping what no coder could code.

Run through the whole pipeline on texts written for these tests.
"""

from __future__ import annotations

import datetime as dt

from report_helpers import events_of
from spacy.language import Language


def test_a_headline_with_no_place_or_day_retells_the_story_below_it(nlp: Language) -> None:
    text = (
        "Coalition air strikes kill ten civilians. "
        "Ten civilians were killed on Wednesday in air strikes on tents north of Raqqa city, "
        "local sources said."
    )
    events = events_of(nlp, text, dt.date(2016, 11, 24))
    strikes = [event for event in events if event.sub_event_type == "Air/drone strike"]
    assert len(strikes) == 1
    assert strikes[0].date.value == dt.date(2016, 11, 23)
    assert strikes[0].locations[0].country == "SYR" and strikes[0].locations[0].precision != "country"


def test_fighting_told_with_no_place_day_figure_or_side_is_no_event(nlp: Language) -> None:
    text = (
        "Air strikes killed four people in Douma on Monday, a monitor said. "
        "The city is witnessing fierce battles and the situation is bad, an activist said."
    )
    events = events_of(nlp, text, dt.date(2017, 4, 4))
    assert [event.sub_event_type for event in events] == ["Air/drone strike"]


def test_the_striker_taken_for_a_target_does_not_split_one_strike(nlp: Language) -> None:
    text = (
        "US-led coalition air strikes killed ten civilians on Wednesday north of Raqqa city. "
        "Sources said aircraft of the international US-led coalition bombed on Wednesday evening "
        "tents for displaced people north of Raqqa city."
    )
    events = events_of(nlp, text, dt.date(2016, 11, 24))
    assert [event.sub_event_type for event in events] == ["Air/drone strike"]


def test_unidentified_armed_groups_name_no_side_that_makes_an_event(nlp: Language) -> None:
    text = (
        "Air strikes killed four people in Douma on Monday, a monitor said. "
        "Dozens of agreements have been brokered among the myriad of armed groups fighting in the "
        "Syria's complex war."
    )
    events = events_of(nlp, text, dt.date(2017, 4, 4))
    assert [event.sub_event_type for event in events] == ["Air/drone strike"]


def test_an_act_told_by_a_finite_verb_is_an_event_without_place_or_day(nlp: Language) -> None:
    events = events_of(nlp, "Unknown gunmen shot the guards of the bank.", dt.date(2017, 4, 4))
    assert len(events) == 1


def test_the_same_trigger_noun_with_the_same_attacker_retells_one_strike(nlp: Language) -> None:
    text = (
        "At least 12 Syrian soldiers were killed in Israeli air raids on positions near Quneitra "
        'on Tuesday, a monitor said. "At least 12 Syrian soldiers were killed in Israeli raids against '
        'military positions near Quneitra," the monitor said.'
    )
    events = events_of(nlp, text, dt.date(2015, 3, 4))
    assert [event.sub_event_type for event in events] == ["Air/drone strike"]


def test_a_strike_told_in_an_earlier_month_is_not_the_report_s_strike(nlp: Language) -> None:
    text = (
        "US warplanes bombed two markets in the town of Manbij, killing 30 civilians. "
        "Also in March over 20 civilians were killed in US Air Force strikes on a village near Manbij."
    )
    events = events_of(nlp, text, dt.date(2016, 4, 9))
    months = sorted((event.date.value.month, event.sub_event_type) for event in events if event.date.value)
    assert months == [(3, "Air/drone strike"), (4, "Air/drone strike")]


def test_a_date_in_a_clause_of_another_happening_does_not_date_the_event(nlp: Language) -> None:
    text = (
        "Government shelling killed 20 people in the town of Rankous on Saturday, a monitor said. "
        "The bombardment of Rankous began after the army said militants killed a pilot when he was "
        "forced to eject from his plane on Friday."
    )
    events = events_of(nlp, text, dt.date(2016, 7, 3))
    shelling = [e for e in events if e.sub_event_type == "Shelling/artillery/missile attack"]
    assert [event.date.value for event in shelling] == [dt.date(2016, 7, 2)]


def test_a_date_whose_clause_holds_the_trigger_dates_it(nlp: Language) -> None:
    text = (
        "On Sunday at least 29 fighters were killed when rebels launched an assault on the town of Rankous."
    )
    events = events_of(nlp, text, dt.date(2016, 7, 12))
    assert [event.date.value for event in events] == [dt.date(2016, 7, 10)]


def test_a_casualty_headline_told_before_its_strike_is_that_strike(nlp: Language) -> None:
    text = (
        "Governor says US attack caused deaths. "
        "A US missile strike on an airbase near the Syrian city of Homs on Friday caused deaths "
        "but no big human losses, the governor of Homs said."
    )
    events = events_of(nlp, text, dt.date(2016, 5, 14))
    assert [event.sub_event_type for event in events] == ["Shelling/artillery/missile attack"]
    assert events[0].locations[0].name == "Homs"


def test_a_casualty_headline_does_not_lend_its_day_to_an_undated_fight(nlp: Language) -> None:
    text = (
        "Five civilians were killed in the town of Saqba on Monday, a monitor said. "
        "Last month rebels launched an assault on the city but were repelled after a week of fighting."
    )
    events = events_of(nlp, text, dt.date(2017, 4, 4))
    monday = [event.sub_event_type for event in events if event.date.value == dt.date(2017, 4, 3)]
    assert "Armed clash" not in monday

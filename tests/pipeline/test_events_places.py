"""Where an event told with no place of its own happened: where its sentence, else the report, is."""

from __future__ import annotations

import datetime as dt

from report_helpers import events_of
from spacy.language import Language


def test_an_event_with_no_place_takes_the_place_told_before_it(nlp: Language) -> None:
    text = (
        "Rebel fighters launched a major assault on government-held districts of Aleppo on Monday. "
        "On Sunday at least 29 opposition fighters were killed when rebels launched a fruitless "
        "assault to reopen the road."
    )
    events = events_of(nlp, text, dt.date(2016, 7, 12))
    sunday = [event for event in events if event.date.value == dt.date(2016, 7, 10)]
    assert sunday and [location.name for location in sunday[0].locations] == ["Aleppo"]


def test_a_place_its_sentence_names_locates_an_event_no_place_is_linked_to(nlp: Language) -> None:
    text = "Hours of air strikes and shelling on Saturday struck Jayrud, a monitor said on Sunday."
    events = events_of(nlp, text, dt.date(2016, 7, 3))
    assert events and all([loc.name for loc in event.locations] == ["Jayrud"] for event in events)


def test_a_country_that_modifies_the_striker_is_no_place_beside_a_town(nlp: Language) -> None:
    text = "The US Air Force bombed two residential areas in the town of Manbij on Friday, killing 23."
    events = events_of(nlp, text, dt.date(2016, 8, 6))
    assert [[loc.name for loc in event.locations] for event in events] == [["Manbij"]]


def test_a_landmark_of_the_events_sentence_beats_a_place_told_sentences_before(nlp: Language) -> None:
    text = (
        "ISIS militants entered the historic city of Palmyra on Monday. "
        # a town the gazetteer holds under no spelling ('Dumeir' is now read as Ad Dumayr)
        "ISIS fighters also claimed a suicide attack on a rival rebel group in the town of Zuweina "
        "east of Damascus on Sunday that killed 16 people."
    )
    events = events_of(nlp, text, dt.date(2016, 7, 12))
    suicide = [event for event in events if event.sub_event_type == "Suicide bomb"]
    assert suicide and [loc.name for loc in suicide[0].locations] == ["Damascus"]


def test_a_place_named_in_a_later_sentence_of_the_event_locates_it(nlp: Language) -> None:
    text = (
        "Fierce government bombardment of an opposition-held Syrian town has killed 43 people. "
        "Hours of shelling on Saturday struck Jayrud, a monitor said."
    )
    events = events_of(nlp, text, dt.date(2016, 7, 3))
    assert [[loc.name for loc in event.locations] for event in events] == [["Jayrud"]]


def test_the_most_specific_place_of_the_sentence_before_locates_an_unplaced_event(nlp: Language) -> None:
    text = (
        "Dozens of civilians were killed by air strikes in the city of Manbij in the governorate of "
        "Aleppo on Tuesday. The monitor said the air strikes mistakenly targeted civilians. "
        "On Sunday a strike killed a woman and four of her children."
    )
    events = events_of(nlp, text, dt.date(2016, 7, 21))
    sunday = [event for event in events if event.date.value == dt.date(2016, 7, 17)]
    assert sunday and [loc.name for loc in sunday[0].locations] == ["Manbij"]

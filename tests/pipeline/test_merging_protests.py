"""A protest and what was done to it are one protest event (ACLED codes one event per gathering).

Run through the whole pipeline on texts written for these tests.
"""

from __future__ import annotations

import datetime as dt

from report_helpers import events_of
from spacy.language import Language

PUBLISHED = dt.date(2016, 5, 10)


def test_a_protest_and_its_dispersal_are_one_protest_with_intervention(nlp: Language) -> None:
    text = "Hundreds of students protested in Idlib on Monday. Police fired tear gas to disperse them."
    events = events_of(nlp, text, PUBLISHED)
    assert [event.sub_event_type for event in events] == ["Protest with intervention"]


def test_protesters_fired_on_are_one_excessive_force_event(nlp: Language) -> None:
    text = (
        "Hundreds of students protested in Idlib on Monday. "
        "Security forces opened fire on the protesters, killing two."
    )
    events = events_of(nlp, text, PUBLISHED)
    assert [event.sub_event_type for event in events] == ["Excessive force against protesters"]


def test_protests_in_two_towns_stay_two_events(nlp: Language) -> None:
    text = (
        "Hundreds of students protested in Idlib on Monday. "
        "In Aleppo, police dispersed a protest of teachers with tear gas on Monday."
    )
    events = events_of(nlp, text, PUBLISHED)
    assert len(events) == 2

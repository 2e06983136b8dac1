"""A bombing or a massacre told with no place of its own is the strike of that day.

Texts written for these tests.
"""

from __future__ import annotations

import datetime as dt

from report_helpers import events_of
from spacy.language import Language


def test_a_bombing_with_no_place_of_its_own_is_the_shelling_of_that_day(nlp: Language) -> None:
    text = (
        "Regime forces shelled a funeral in the town of Madaya with mortars on Thursday, killing three "
        "women. The intensity of the bombing made many mourners flee."
    )
    events = events_of(nlp, text, dt.date(2016, 8, 12))
    assert [event.sub_event_type for event in events] == ["Shelling/artillery/missile attack"]


def test_a_massacre_with_no_place_of_its_own_is_the_air_strike_of_that_day(nlp: Language) -> None:
    text = (
        "The opposition condemned the massacre carried out by Russian warplanes in which 20 civilians "
        "were killed. Two schools were targeted by Russian aircraft this morning in the town of Azaz."
    )
    events = events_of(nlp, text, dt.date(2016, 1, 11))
    assert [event.sub_event_type for event in events] == ["Air/drone strike"]
    assert events[0].fatalities.best == 20

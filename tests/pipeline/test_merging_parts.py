"""The weapons a side seized or the vehicles it destroyed in a fight are part of that fight.

Run through the whole pipeline on texts written for these tests.
"""

from __future__ import annotations

import datetime as dt

from report_helpers import events_of
from spacy.language import Language

PUBLISHED = dt.date(2016, 5, 5)


def test_weapons_the_army_seized_in_its_clash_are_no_second_event(nlp: Language) -> None:
    text = (
        "Syrian army units clashed with Nusra Front militants near the town of Jisr al-Shughur on Wednesday, "
        "killing 12 of them. The army unit confiscated the militants' weapons, including machine guns "
        "and rocket launchers."
    )
    events = events_of(nlp, text, PUBLISHED)
    assert [event.sub_event_type for event in events] == ["Armed clash"]


def test_a_weapons_seizure_by_other_sides_elsewhere_stays_an_event(nlp: Language) -> None:
    text = (
        "Police seized a large cache of weapons in the city of Homs on Wednesday. "
        "Kurdish fighters clashed with Islamic State militants near Kobane on Wednesday."
    )
    events = events_of(nlp, text, PUBLISHED)
    assert sorted(event.sub_event_type for event in events) == ["Armed clash", "Disrupted weapons use"]

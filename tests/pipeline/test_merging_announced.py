"""A weak trigger told before the full telling announces it; being ready to fight is no clash."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from khabar.model import Article, Event


def events_of(nlp: Language, text: str, published: dt.date) -> list[Event]:
    doc = nlp.make_doc(text)
    doc._.article = Article(text=text, id="t", published=published)
    return nlp(doc)._.events


def test_a_weak_headline_with_no_place_or_day_joins_the_strike_told_below(nlp: Language) -> None:
    text = (
        "Governor says U.S. attack caused deaths. "
        "A U.S. missile strike on an airbase near the city of Homs on Friday caused deaths, "
        "the governor said."
    )
    events = events_of(nlp, text, dt.date(2017, 4, 7))
    assert len(events) == 1
    assert events[0].sub_event_type == "Shelling/artillery/missile attack"


def test_getting_ready_to_fight_is_no_clash(nlp: Language) -> None:
    doc = nlp("A bomber detonated an explosive belt among rebels getting ready to fight the militants.")
    types = [m.sub_event_type for m in doc._.event_mentions if m.modality == "asserted" and not m.generic]
    assert "Armed clash" not in types

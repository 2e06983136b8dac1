"""Actors as the events stage assigns them, on invented sentences through the whole pipeline."""

from __future__ import annotations

from spacy.language import Language

from khabar.pipeline.actors import dominant_country


def test_an_agent_modifying_another_word_of_the_trigger_is_the_attacker(nlp: Language) -> None:
    doc = nlp("Monday regime air strikes killed nine people in Aleppo, medics said.")
    assert [event.actor1.name for event in doc._.events] == ["Military Forces of Syria"]


def test_news_agencies_and_monitors_are_no_places(nlp: Language) -> None:
    doc = nlp("Shelling hit a market in Homs, SANA reported. The Observatory said five died.")
    assert [mention.span.text for mention in doc._.places] == ["Homs"]


def test_a_speaking_capital_counts_less_than_where_things_happen(nlp: Language) -> None:
    doc = nlp("Washington said jets bombed a hospital in Aleppo.")
    assert dominant_country(doc) == "SYR"

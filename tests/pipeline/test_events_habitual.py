"""A trigger told with how often it happens ('the shelling is daily') is a kind of event, not one."""

from __future__ import annotations

from spacy.language import Language


def _generic(nlp: Language, text: str) -> list[bool]:
    return [mention.generic for mention in nlp(text)._.event_mentions]


def test_a_frequency_word_on_the_trigger_or_its_verb_makes_it_generic(nlp: Language) -> None:
    assert _generic(nlp, "The shelling is daily and intense, an activist said.") == [True]
    assert all(_generic(nlp, "The district is targeted regularly by air strikes and artillery."))


def test_a_strike_on_one_day_stays_an_event(nlp: Language) -> None:
    assert _generic(nlp, "Air strikes hit the district on Monday, killing four people.") == [False]

"""A figure a toll's verb gives belongs to the event the toll names ("the death toll from a bomb
attack ... has reached 126"), not to the trigger nearest to it."""

from __future__ import annotations

from spacy.language import Language

from khabar.pipeline.linking import toll_trigger


def _token(doc, word: str):  # type: ignore[no-untyped-def]
    return next(token for token in doc if token.text == word)


def test_a_tolls_figure_goes_to_the_first_trigger_of_its_phrase(nlp: Language) -> None:
    doc = nlp("The death toll from a bomb attack on a crowded bus convoy has reached 126 a monitor said.")
    attack, bomb = _token(doc, "attack"), _token(doc, "bomb")
    # "attack" is the nearer word to the figure; "bomb attack" is the bombing the toll counts
    assert toll_trigger(_token(doc, "126"), [{attack.i}, {bomb.i}]) == 1
    rose = nlp("The toll of the air strikes on the market rose to 33 on Sunday.")
    assert toll_trigger(_token(rose, "33"), [{_token(rose, "strikes").i}]) == 0


def test_a_figure_of_no_toll_is_left_to_the_other_rules(nlp: Language) -> None:
    doc = nlp("Rebels said the bomb attack on the convoy killed 126 people.")
    assert toll_trigger(_token(doc, "126"), [{_token(doc, "attack").i}]) is None

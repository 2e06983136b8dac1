"""Acronyms that collide with common words get a norm the model reads as a name (``khabar_token_norms``)."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from khabar.extract import ledger_of
from khabar.model import Article


def parse(nlp: Language, text: str):  # type: ignore[no-untyped-def]
    doc = nlp.make_doc(text)
    doc._.article = Article(text=text, published=dt.date(2017, 5, 2))
    return nlp(doc)


def test_the_norms_are_set_before_the_model_reads_the_doc(nlp: Language) -> None:
    assert nlp.pipe_names[0] == "khabar_token_norms"


def test_the_islamic_states_acronym_is_a_name_not_the_verb(nlp: Language) -> None:
    doc = parse(nlp, "The monitor reported that at least five IS militants had been killed in Raqqa.")
    acronym = next(token for token in doc if token.text == "IS")
    assert acronym.norm_ == "isis"
    assert acronym.pos_ != "AUX" and acronym.head.text == "militants"
    ledger = ledger_of(doc)
    assert [event.fatalities.low for event in ledger.events] == [5]
    assert ledger.events[0].actor2.name == "Islamic State (Syria)"


def test_a_headline_in_capitals_keeps_the_verb(nlp: Language) -> None:
    doc = parse(nlp, "WHY THE WAR IS NOT OVER. Fighting went on in Idlib.")
    assert next(token for token in doc if token.text == "IS").norm_ == "is"


def test_the_norms_found_through_the_array_are_those_of_a_token_by_token_pass(nlp: Language) -> None:
    from khabar.pipeline.token_norms import _in_capitals, norm_table

    text = "WAR NEWS: WHY IS IT SO HARD? Five IS militants died; IS fighters left. Is it over? IS"
    norms = nlp.get_pipe("khabar_token_norms")(nlp.make_doc(text))
    table = norm_table()
    expected = nlp.make_doc(text)
    for token in expected:
        if token.text in table and not _in_capitals(token):
            token.norm_ = table[token.text]
    assert [t.norm_ for t in norms] == [t.norm_ for t in expected]
    assert [t.norm_ for t in norms if t.text == "IS"] == ["is", "isis", "isis", "isis"]

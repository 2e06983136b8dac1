"""The Doc attributes and per-Doc caches the stages share."""

from __future__ import annotations

from spacy.language import Language

from khabar.pipeline.extensions import sentence_numbers


def test_sentence_numbers_say_which_tokens_share_a_sentence(base_nlp: Language) -> None:
    doc = base_nlp("Shelling hit the town. Two people died, medics said! Was it a drone? Nobody knows")
    numbers = sentence_numbers(doc)
    assert len(numbers) == len(doc)
    for sentence in doc.sents:
        assert {numbers[token.i] for token in sentence} == {numbers[sentence.start]}
    assert len(set(numbers)) == len(list(doc.sents))

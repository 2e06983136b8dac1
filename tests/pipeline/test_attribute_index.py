"""The indexed attribute ruler: the model's attribute ruler's matches and token attributes, faster."""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler

from khabar.pipeline import MODEL
from khabar.pipeline.attribute_index import IndexedAttributeRuler, index_attribute_ruler

TEXT = (
    "I'd have said nothin' 'bout 'em, but they ain't gonna stop. There's a man who does it, and "
    "she has been there. Let's go: y'all got ta run!  Those who were hit could not leave.\n\n"
    "It is what it is; we did, he had, you'd see. That was when the shelling began in Idlib."
)


def token_attributes(nlp: Language, text: str) -> list[tuple[str, ...]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in nlp(text)]


def test_matches_and_token_attributes_are_the_model_rulers(base_nlp: Language) -> None:
    indexed = spacy.load(MODEL)
    index_attribute_ruler(indexed)
    ruler = indexed.get_pipe("attribute_ruler")
    assert isinstance(ruler, IndexedAttributeRuler)
    assert indexed.pipe_names == base_nlp.pipe_names
    with indexed.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        doc = indexed(TEXT)
    matches = ruler.match(doc)
    assert matches == AttributeRuler.match(ruler, doc)
    assert len(matches) > len(doc)  # most tokens match a tag rule, some a second rule
    assert token_attributes(indexed, TEXT) == token_attributes(base_nlp, TEXT)


def test_patterns_it_cannot_index_fall_back_to_the_matcher(base_nlp: Language) -> None:
    indexed = spacy.load(MODEL)
    index_attribute_ruler(indexed)
    ruler = indexed.get_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "the"}, {"IS_ALPHA": True, "OP": "+"}]], {"LEMMA": "X"})
    with indexed.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        doc = indexed(TEXT)
    assert ruler.match(doc) == AttributeRuler.match(ruler, doc)


def test_annotations_are_set_on_the_rules_token_as_spacy_sets_them(base_nlp: Language) -> None:
    """Rules whose token is the second of a two-token match ('ai n't') included."""
    indexed = spacy.load(MODEL)
    index_attribute_ruler(indexed)
    ruler = indexed.get_pipe("attribute_ruler")
    assert 1 in ruler.indices  # the model has rules set on a match's second token
    with indexed.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        fast, stock = indexed(TEXT), indexed(TEXT)
    matches = ruler.match(fast)
    ruler.set_annotations(fast, matches)
    AttributeRuler.set_annotations(ruler, stock, matches)
    attributes = [[(t.pos_, str(t.morph), t.lemma_) for t in doc] for doc in (fast, stock)]
    assert attributes[0] == attributes[1]
    assert any(t.pos_ for t in fast)

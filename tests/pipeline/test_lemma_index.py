"""The indexed lemmatizer: the model's lemmas, each distinct word form lemmatised once."""

from __future__ import annotations

import spacy
from spacy.language import Language

from khabar.pipeline import MODEL
from khabar.pipeline.lemma_index import IndexedLemmatizer, index_lemmatizer

TEXTS = (
    "Warplanes struck the villages; two children were killed and dozens wounded, medics said.",
    "She has been saying that they'd fled. The strikes killed 12 people, and the children fled.",
    "Activists reported better-organised attacks, worse shelling and the best-known commanders.",
)


def test_lemmas_are_the_stock_lemmatizers(base_nlp: Language) -> None:
    indexed = spacy.load(MODEL)
    index_lemmatizer(indexed)
    assert isinstance(indexed.get_pipe("lemmatizer"), IndexedLemmatizer)
    assert indexed.pipe_names == base_nlp.pipe_names
    for text in TEXTS:  # later texts repeat word forms: answered from the memo
        assert [t.lemma_ for t in indexed(text)] == [t.lemma_ for t in base_nlp(text)]
    assert [t.lemma_ for t in indexed("children killed")] == ["child", "kill"]


#: regular and irregular forms, words the index lacks (made up), forms with other characters
RULE_TEXT = (
    "The mice went by; children were fleeing, glorbed and snarfing the wolves' better shelters. "
    "Co-ops sold 3Ds, bigger tanks and happiest days; they'd been running, swum, and outflanked "
    "the drones' quickest blurkings, feet and geese, worse than the oxen's ladies."
)


def test_rule_lemmas_as_set_are_spacys(base_nlp: Language) -> None:
    """The index asked as a set gives spaCy's rule lemmatizer's every form, in its order."""
    indexed = spacy.load(MODEL)
    index_lemmatizer(indexed)
    fast = indexed.get_pipe("lemmatizer")
    stock = base_nlp.get_pipe("lemmatizer")
    assert not isinstance(stock, IndexedLemmatizer)
    doc = base_nlp(RULE_TEXT)
    assert [fast.rule_lemmatize(token) for token in doc] == [stock.rule_lemmatize(token) for token in doc]
    assert fast.rule_lemmatize(doc[1]) == ["mouse"]

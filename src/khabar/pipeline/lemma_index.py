"""The English model's rule lemmatizer, with its answers kept per (word, POS, morphology).

spaCy's rule lemmatizer visits every token in Python and builds its cache key from a new
``MorphAnalysis`` each time: several microseconds a token, about 5% of the spaCy pipeline on
news text. Its lemma is a function of the token's ORTH, POS and MORPH (the very key of its
own cache), so this one reads those three as arrays, asks the lemmatizer once per distinct
triple (remembered across documents) and writes all lemmas back in one ``Doc.from_array``.
Tokens that already have a lemma (from the attribute ruler) keep it, as in spaCy, and any
mode but "rule" without overwrite runs spaCy's own code.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.tokens import Doc

#: how many (ORTH, POS, MORPH) answers are remembered before the memo starts afresh
MEMO_LIMIT = 200_000


class IndexedLemmatizer(EnglishLemmatizer):
    """``EnglishLemmatizer`` that lemmatises each distinct (ORTH, POS, MORPH) once."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._lemma_ids: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if self.overwrite or self.mode != "rule" or not len(doc):
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables()
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        lemmas = [
            lemma or self._lemma_id(doc, index, orth, pos, morph)
            for index, (orth, pos, morph, lemma) in enumerate(rows)
        ]
        doc.from_array([LEMMA], np.array(lemmas, dtype=np.uint64))
        return doc

    def _lemma_id(self, doc: Doc, index: int, orth: int, pos: int, morph: int) -> int:
        key = (orth, pos, morph)
        lemma = self._lemma_ids.get(key)
        if lemma is None:
            if len(self._lemma_ids) >= MEMO_LIMIT:
                self._lemma_ids.clear()
            lemma = self._lemma_ids[key] = self.vocab.strings.add(self.lemmatize(doc[index])[0])
        return lemma


@Language.factory(
    "khabar_lemmatizer",
    default_config={
        "model": None,
        "mode": "rule",
        "overwrite": False,
        "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"},
    },
)
def make_indexed_lemmatizer(
    nlp: Language, model: Any, name: str, mode: str, overwrite: bool, scorer: Any
) -> IndexedLemmatizer:
    return IndexedLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer)


def index_lemmatizer(nlp: Language, name: str = "lemmatizer") -> None:
    """Swap the model's English rule lemmatizer for the indexed one, with the same tables."""
    if name not in nlp.pipe_names:
        return
    old = nlp.get_pipe(name)
    if isinstance(old, IndexedLemmatizer) or type(old) is not EnglishLemmatizer:
        return
    config = {"mode": old.mode, "overwrite": old.overwrite}
    new = nlp.replace_pipe(name, "khabar_lemmatizer", config=config)
    new.initialize(lookups=old.lookups)

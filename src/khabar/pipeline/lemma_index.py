"""The English model's rule lemmatizer, with its answers kept per (word, POS, morphology).

spaCy's rule lemmatizer visits every token in Python and builds its cache key from a new
``MorphAnalysis`` each time: several microseconds a token, about 5% of the spaCy pipeline on
news text. Its lemma is a function of the token's ORTH, POS and MORPH (the very key of its
own cache), so this one reads those three as arrays, asks the lemmatizer once per distinct
triple (remembered across documents) and writes all lemmas back in one ``Doc.from_array``.
A word it has not seen goes through spaCy's rule lemmatizer with one change: the lemma index
of each part of speech (lists of up to 57,000 words, searched one by one for each candidate
form) is asked as a set, which gives the same answers (``rule_lemmatize``, from spaCy 3.8).
Tokens that already have a lemma (from the attribute ruler) keep it, as in spaCy, and any
mode but "rule" without overwrite runs spaCy's own code.
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Warnings
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.tokens import Doc, Token

#: how many (ORTH, POS, MORPH) answers are remembered before the memo starts afresh
MEMO_LIMIT = 200_000


class IndexedLemmatizer(EnglishLemmatizer):
    """``EnglishLemmatizer`` that lemmatises each distinct (ORTH, POS, MORPH) once."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._lemma_ids: dict[tuple[int, int, int], int] = {}
        self._index_sets: dict[str, frozenset[str]] = {}

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

    def rule_lemmatize(self, token: Token) -> list[str]:
        """spaCy's ``Lemmatizer.rule_lemmatize`` (3.8), the index asked as a set (``index_set``)."""
        cache_key = (token.orth, token.pos, token.morph.key)
        if cache_key in self.cache:
            return self.cache[cache_key]
        string = token.text
        univ_pos = token.pos_.lower()
        if univ_pos in ("", "eol", "space"):
            if univ_pos == "":
                warnings.warn(Warnings.W108, stacklevel=2)
            return [string.lower()]
        if self.is_base_form(token):
            return [string.lower()]
        index_table = self.lookups.get_table("lemma_index", {})
        exc_table = self.lookups.get_table("lemma_exc", {})
        rules_table = self.lookups.get_table("lemma_rules", {})
        if not any((index_table.get(univ_pos), exc_table.get(univ_pos), rules_table.get(univ_pos))):
            return [string] if univ_pos == "propn" else [string.lower()]
        forms, oov_forms = self._rule_forms(string.lower(), univ_pos, rules_table.get(univ_pos, {}))
        # as spaCy: exceptions go first, forms of letters alone count only when nothing else does
        for form in exc_table.get(univ_pos, {}).get(string.lower(), []):
            if form not in forms:
                forms.insert(0, form)
        if not forms:
            forms.extend(oov_forms)
        if not forms:
            forms.append(string)
        self.cache[cache_key] = forms
        return forms

    def _rule_forms(self, string: str, univ_pos: str, rules: list[list[str]]) -> tuple[list[str], list[str]]:
        """The forms the suffix rules make of ``string``: those in the lemma index (first, in
        reverse rule order) or with other characters than letters, each once; and the others."""
        index = self.index_set(univ_pos)
        forms: list[str] = []
        oov_forms: list[str] = []
        for old, new in rules:
            if not string.endswith(old):
                continue
            form = string[: len(string) - len(old)] + new
            if not form:
                continue
            if form in index:
                forms.insert(0, form)
            elif not form.isalpha():
                forms.append(form)
            else:
                oov_forms.append(form)
        return list(dict.fromkeys(forms)), oov_forms

    def index_set(self, univ_pos: str) -> frozenset[str]:
        """The lemma index of a part of speech as a set, built on first use."""
        index = self._index_sets.get(univ_pos)
        if index is None:
            words = self.lookups.get_table("lemma_index", {}).get(univ_pos, {})
            index = self._index_sets[univ_pos] = frozenset(words)
        return index


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

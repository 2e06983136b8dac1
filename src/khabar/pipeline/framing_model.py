"""A small learned tagger of propaganda spans, beside the framing rules.

A logistic regression says, token by token, how likely the token lies in a span of loaded
language or a propaganda technique (SemEval-2020 task 11, task SI). Its inputs
(``framing_features``) are hashed sparse features of the word, its neighbours and its parse,
plus the context vectors the pipeline's token-to-vector layer has already computed
(``Doc.tensor``): the token's, its neighbours' and its sentence's mean. All are built for the
whole document with array operations.

Decoding is by sentence, because PTC spans are phrases and clauses, and the SI measure gives
partial-overlap credit: a sentence holds a span when its gate passes ``sentence_threshold``
(its most likely token's probability, blended with a sentence classifier's: ``gate_mix``);
the span then runs from the first to the last token of the sentence
that passes ``token_threshold`` (edge stop words and marks trimmed), and must hold a word the
annotators marked (the ``support`` check below).

The weights are trained by ``khabar.framing_train`` on the PTC train split only (see there)
and shipped in ``data/en/framing/span_model.npz``. Without that file the stage runs on rules
alone. The model says *where*; ``framing_techniques`` says *which technique*.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
from spacy.tokens import Token

from ..langdata import data_path
from .framing_features import FEATURE_SPACE, WORD_TEMPLATE, DocFeatures, sentence_features

MODEL_FILE = ("en", "framing", "span_model.npz")
QUOTE_MARKS = ('"', "“", "”")


@dataclass(frozen=True, slots=True)
class TokenView:
    """What the technique model reads of one token (built from a parsed spaCy token by ``view_of``)."""

    lower: str
    text: str
    pos: str
    tag: str
    dep: str
    head: str
    #: a stop word or a punctuation mark: never the edge of a span
    light: bool


def view_of(token: Token) -> TokenView:
    light = token.is_stop or token.is_punct
    return TokenView(token.lower_, token.text, token.pos_, token.tag_, token.dep_, token.head.lower_, light)


def sentence_views(tokens: Sequence[Token]) -> list[TokenView]:
    """The technique model's view of a sentence's tokens (whitespace tokens left out by the caller)."""
    return [view_of(token) for token in tokens]


def trimmed(features: DocFeatures, start: int, end: int) -> tuple[int, int] | None:
    """Rows [start, end) without edge stop words and marks, if a word of judgement is left.

    The tagger learnt from opinion pieces; on wire copy its weakest spans are a lone "the",
    a title or a name. A span must hold an adjective, adverb, verb or common noun to count.
    """
    light = features.light
    while start < end and light[start]:
        start += 1
    while end > start and light[end - 1]:
        end -= 1
    if start == end or not (features.content[start:end] & ~light[start:end]).any():
        return None
    return start, end


@dataclass(frozen=True, slots=True)
class SpanModel:
    """Sparse weights (FEATURE_SPACE + 1, the last is padding), dense weights, and the decoding.

    ``dense``: weights of the context vectors (``framing_features.DENSE_PARTS`` x the tensor
    width); a document without a tensor is scored on the sparse features alone.
    ``sentence_threshold`` and ``token_threshold``: see the module docstring. ``support``: a
    span must hold a token whose own word weight (the ``w`` template) passes this margin, so
    a span rests on a word the annotators marked, not only on the tone of its sentence (which,
    on wire copy, marks plain words like "secretary" as loaded); ``-inf`` switches it off.
    ``snap_end``: a span whose last likely token is at most this many tokens before the end of
    its sentence runs to that end (PTC spans often run to the end of the clause, where the
    tagger's probability fades on the last words).
    ``sentence_weights`` / ``sentence_dense``: a sentence classifier ("holds a span") over
    ``framing_features.sentence_features``; ``gate_mix``: its share in the sentence gate, the
    rest being the likeliest token's probability (0: the tokens alone). The two rank sentences
    differently (the classifier sees the whole sentence, the token its neighbours), and the
    blend ranks them better than either (cross-validated AUC 0.749 against 0.742 and 0.696).
    """

    weights: np.ndarray
    dense: np.ndarray
    sentence_threshold: float
    token_threshold: float
    support: float = float("-inf")
    snap_end: int = 0
    gate_mix: float = 0.0
    sentence_weights: np.ndarray | None = None
    sentence_dense: np.ndarray | None = None

    def probabilities(self, features: DocFeatures) -> np.ndarray:
        scores = self.weights[features.sparse].sum(axis=1)
        if len(self.dense) and features.dense.shape[1] == len(self.dense):
            scores += features.dense @ self.dense
        return 1.0 / (1.0 + np.exp(-scores))

    def sentence_probabilities(self, features: DocFeatures) -> np.ndarray | None:
        """Per sentence, the sentence classifier's probability (None when the gate does not use it)."""
        if self.gate_mix <= 0 or self.sentence_weights is None or not len(features.sentence):
            return None
        rows, means = sentence_features(features)
        scores = self.sentence_weights[rows].sum(axis=1)
        if self.sentence_dense is not None and means.shape[1] == len(self.sentence_dense):
            scores += means @ self.sentence_dense
        return 1.0 / (1.0 + np.exp(-scores))

    def spans(self, features: DocFeatures) -> list[tuple[int, int]]:
        """Row ranges [start, end) of the spans of one document (rows: its non-space tokens)."""
        probabilities = self.probabilities(features)
        return self.decode(features, probabilities, self.sentence_probabilities(features))

    def decode(
        self,
        features: DocFeatures,
        probabilities: np.ndarray,
        sentence_probabilities: np.ndarray | None = None,
    ) -> list[tuple[int, int]]:
        if not len(probabilities):
            return []
        sentence = features.sentence
        starts = np.flatnonzero(np.r_[True, sentence[1:] != sentence[:-1]])
        gate = np.maximum.reduceat(probabilities, starts)
        if sentence_probabilities is not None and self.gate_mix > 0:
            gate = (1.0 - self.gate_mix) * gate + self.gate_mix * sentence_probabilities
        gated = gate > self.sentence_threshold
        passing = np.flatnonzero((probabilities > self.token_threshold) & gated[sentence])
        if not len(passing):
            return []
        # the first and the last passing row of each sentence that has one
        owners = sentence[passing]
        firsts = passing[np.r_[True, owners[1:] != owners[:-1]]]
        lasts = passing[np.r_[owners[1:] != owners[:-1], True]]
        sentence_ends = np.r_[starts[1:], len(sentence)][sentence[lasts]]
        lasts = np.where(sentence_ends - 1 - lasts <= self.snap_end, sentence_ends - 1, lasts)
        word_weights = self.weights[features.sparse[:, WORD_TEMPLATE]]
        found = []
        for first, last in zip(firsts.tolist(), lasts.tolist(), strict=True):
            kept = trimmed(features, first, last + 1)
            if kept is not None and word_weights[kept[0] : kept[1]].max() > self.support:
                found.append(kept)
        return found

    def save(self, path: Path) -> None:
        np.savez_compressed(
            path,
            weights=self.weights.astype(np.float16),
            dense=self.dense.astype(np.float16),
            sentence_threshold=self.sentence_threshold,
            token_threshold=self.token_threshold,
            support=self.support,
            snap_end=self.snap_end,
            gate_mix=self.gate_mix,
            **(
                {
                    "sentence_weights": self.sentence_weights.astype(np.float16),
                    "sentence_dense": np.asarray(self.sentence_dense, dtype=np.float16),
                }
                if self.sentence_weights is not None
                else {}
            ),
        )

    @classmethod
    def load(cls, path: Path) -> SpanModel:
        with np.load(path) as data:
            return cls(
                data["weights"].astype(np.float32),
                data["dense"].astype(np.float32),
                float(data["sentence_threshold"]),
                float(data["token_threshold"]),
                float(data["support"]),
                int(data["snap_end"]) if "snap_end" in data else 0,
                float(data["gate_mix"]) if "gate_mix" in data else 0.0,
                data["sentence_weights"].astype(np.float32) if "sentence_weights" in data else None,
                data["sentence_dense"].astype(np.float32) if "sentence_dense" in data else None,
            )


@cache
def span_model() -> SpanModel | None:
    """The shipped model, or None when the package has none (the stage then uses rules alone)."""
    path = data_path(*MODEL_FILE)
    return SpanModel.load(path) if path.is_file() else None


__all__ = ["FEATURE_SPACE", "MODEL_FILE", "QUOTE_MARKS", "SpanModel", "TokenView", "span_model", "trimmed"]

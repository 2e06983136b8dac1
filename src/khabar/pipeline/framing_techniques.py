"""Which propaganda technique a span of the learned tagger uses (SemEval-2020 task 11, task TC).

The span tagger (``framing_model``) says *where*; this multinomial logistic regression says
*which technique*, from the span's words, length, first and last parts of speech, the lexicon
techniques inside it, its neighbours, whether it is quoted or in a question, and how often its
words recur in the article (Repetition is a property of the article, not of the span). It is
trained by ``khabar.framing_train`` on the gold spans of the PTC train split and shipped as
``data/en/framing/technique_model.npz``; without that file the tagger's spans stay
``Loaded_Language``.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Protocol

import numpy as np
from spacy.strings import get_string_id

from ..langdata import data_path
from .framing_lexicon import TECHNIQUES, framing_lexicon
from .framing_model import QUOTE_MARKS, TokenView

#: size of the hashed feature space of span features (one more slot: padding)
SPAN_FEATURE_SPACE = 2**14
#: features per span: the padded width (longer spans keep their first words)
SPAN_WIDTH = 40
TECHNIQUE_FILE = ("en", "framing", "technique_model.npz")
_LENGTH_BUCKETS = (1, 2, 3, 6, 12)


class WordCountsLike(Protocol):
    def __getitem__(self, word: str, /) -> int: ...


@dataclass(frozen=True, slots=True)
class WordCounts:
    """How often each word of an article occurs, read like a ``Counter`` of lower-cased words.

    Built from the string ids the parse already has, with one ``np.unique``, rather than a
    Python pass over every token (the counts are only read for the few spans found).
    """

    by_id: dict[int, int]

    @classmethod
    def of(cls, words: np.ndarray) -> WordCounts:
        ids, counts = np.unique(words, return_counts=True)
        return cls(dict(zip(ids.tolist(), counts.tolist(), strict=True)))

    def __getitem__(self, word: str) -> int:
        return self.by_id.get(get_string_id(word), 0)


def span_feature_index(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) % SPAN_FEATURE_SPACE


def span_features(
    tokens: Sequence[TokenView], start: int, end: int, article_counts: WordCountsLike, raw: str
) -> list[int]:
    """Hashed features of tokens[start:end] of one sentence (``raw``: the sentence text)."""
    lexicon = _technique_of_word()
    span = tokens[start:end]
    content = [token.lower for token in span if not token.light] or [span[-1].lower]
    length = next((i for i, limit in enumerate(_LENGTH_BUCKETS) if len(span) <= limit), len(_LENGTH_BUCKETS))
    before = tokens[start - 1].lower if start > 0 else "<s>"
    after = tokens[end].lower if end < len(tokens) else "</s>"
    features = [
        "bias",
        f"len={length}",
        f"first={span[0].lower}",
        f"last={span[-1].lower}",
        f"pos_first={span[0].pos}",
        f"pos_last={span[-1].pos}",
        f"before={before}",
        f"after={after}",
        # a word used again and again in the article is what Repetition marks
        f"recurs={min(max(article_counts[word] for word in content), 4)}",
        f"ask={'?' in raw}",
        f"bang={'!' in raw}",
        f"quote={any(mark in raw for mark in QUOTE_MARKS)}",
        f"title={span[0].text[:1].isupper()}",
    ]
    features += [f"lex={lexicon[word]}" for word in content if word in lexicon]
    features += [f"w={word}" for word in content]
    return [span_feature_index(feature) for feature in features][:SPAN_WIDTH]


@cache
def _technique_of_word() -> dict[str, str]:
    return {term: entry.technique for term, entry in framing_lexicon().entries.items() if " " not in term}


def padded(rows: list[list[int]]) -> np.ndarray:
    matrix = np.full((len(rows), SPAN_WIDTH), SPAN_FEATURE_SPACE, dtype=np.int64)
    for i, row in enumerate(rows):
        matrix[i, : len(row)] = row
    return matrix


@dataclass(frozen=True, slots=True)
class TechniqueModel:
    """Weights (SPAN_FEATURE_SPACE + 1) x len(TECHNIQUES); the last row is padding."""

    weights: np.ndarray

    def scores(self, rows: np.ndarray) -> np.ndarray:
        return self.weights[rows].sum(axis=1)

    def technique(self, features: list[int]) -> str:
        return TECHNIQUES[int(np.argmax(self.scores(padded([features]))[0]))]

    def save(self, path: Path) -> None:
        np.savez_compressed(path, weights=self.weights.astype(np.float16))

    @classmethod
    def load(cls, path: Path) -> TechniqueModel:
        with np.load(path) as data:
            return cls(data["weights"].astype(np.float32))


@cache
def technique_model() -> TechniqueModel | None:
    path = data_path(*TECHNIQUE_FILE)
    return TechniqueModel.load(path) if path.is_file() else None


def fit_techniques(
    rows: np.ndarray, labels: np.ndarray, *, epochs: int = 12, rate: float = 0.3, seed: int = 0
) -> np.ndarray:
    """Softmax regression with AdaGrad on padded hashed rows; ``labels`` index TECHNIQUES."""
    classes = len(TECHNIQUES)
    weights = np.zeros((SPAN_FEATURE_SPACE + 1, classes))
    squares = np.full_like(weights, 1e-8)
    rng = np.random.default_rng(seed)
    order = np.arange(len(labels))
    targets = np.eye(classes)[labels]
    for _epoch in range(epochs):
        rng.shuffle(order)
        for begin in range(0, len(order), 256):
            batch = order[begin : begin + 256]
            scores = weights[rows[batch]].sum(axis=1)
            scores -= scores.max(axis=1, keepdims=True)
            probabilities = np.exp(scores)
            probabilities /= probabilities.sum(axis=1, keepdims=True)
            residual = (probabilities - targets[batch]) / len(batch)
            gradient = np.zeros_like(weights)
            np.add.at(gradient, rows[batch], residual[:, None, :])
            squares += gradient * gradient
            weights -= rate * gradient / np.sqrt(squares)
            weights[SPAN_FEATURE_SPACE] = 0.0  # padding carries nothing
    return weights

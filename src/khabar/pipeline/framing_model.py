"""A small learned tagger of propaganda spans, beside the framing rules.

A logistic regression over hashed features says, token by token, whether the token lies in a
span of loaded language or a propaganda technique (SemEval-2020 task 11, task SI). Features: the
word, its neighbours (two each side, and the bigrams with them), its suffix and shape, the
framing-lexicon technique of it and its neighbours, and the words of its sentence (so a token
knows the tone of what surrounds it). Consecutive tokens over the threshold form a span.

The weights are trained by ``khabar.framing_train`` on the PTC train split only (see there)
and shipped in ``data/en/framing/span_model.npz``. Without that file the stage runs on rules
alone. The model says *where*, not *which technique*: its spans are reported as
``Loaded_Language``, the most frequent technique of short spans in PTC, unless a rule or the
lexicon says more.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from ..langdata import data_path
from .framing_lexicon import framing_lexicon

#: size of the hashed feature space (the weight vector has one more slot: padding)
FEATURE_SPACE = 2**18
#: at most this many words of a sentence become features of each of its tokens
MAX_SENTENCE_WORDS = 56
#: features per token: the padded width of the feature matrix
WIDTH = 16 + MAX_SENTENCE_WORDS + 4
MODEL_FILE = ("en", "framing", "span_model.npz")
QUOTE_MARKS = ('"', "“", "”")


def feature_index(feature: str) -> int:
    """The slot of a feature string: CRC-32, stable across runs and machines."""
    return zlib.crc32(feature.encode("utf-8")) % FEATURE_SPACE


def sentence_features(words: Sequence[str], raw: str) -> list[int]:
    """Features shared by every token of one sentence: its words, length and punctuation."""
    features = [feature_index("S=" + word) for word in sorted(set(words))][:MAX_SENTENCE_WORDS]
    features += [
        feature_index(f"len={min(len(words) // 8, 6)}"),
        feature_index(f"quote={any(mark in raw for mark in QUOTE_MARKS)}"),
        feature_index(f"bang={'!' in raw}"),
        feature_index(f"ask={'?' in raw}"),
    ]
    return features


def token_features(words: Sequence[str], texts: Sequence[str], i: int) -> list[int]:
    """Features of token ``i`` of a sentence (lower-cased ``words``, original ``texts``)."""
    lexicon = _technique_of_word()

    def word(j: int) -> str:
        return words[j] if 0 <= j < len(words) else ("<s>" if j < 0 else "</s>")

    current = words[i]
    features = [
        "bias",
        f"w={current}",
        f"p={word(i - 1)}",
        f"n={word(i + 1)}",
        f"pp={word(i - 2)}",
        f"nn={word(i + 2)}",
        f"pw={word(i - 1)}|{current}",
        f"wn={current}|{word(i + 1)}",
        f"s3={current[-3:]}",
        f"lex={lexicon.get(current, '-')}",
        f"lexp={lexicon.get(word(i - 1), '-')}",
        f"lexn={lexicon.get(word(i + 1), '-')}",
        f"shape={_shape(texts[i])}",
        f"at={min(i // 4, 3)}",
    ]
    return [feature_index(feature) for feature in features]


def _shape(text: str) -> str:
    if text.isupper():
        return "upper"
    if text[:1].isupper():
        return "title"
    return "lower" if text.isalpha() else "other"


@cache
def _technique_of_word() -> dict[str, str]:
    return {term: entry.technique for term, entry in framing_lexicon().entries.items() if " " not in term}


def feature_rows(sentence_words: Sequence[str], sentence_texts: Sequence[str], raw: str) -> np.ndarray:
    """The padded feature matrix (tokens x WIDTH) of one sentence."""
    shared = sentence_features(sentence_words, raw)
    rows = np.full((len(sentence_words), WIDTH), FEATURE_SPACE, dtype=np.int64)
    for i in range(len(sentence_words)):
        features = token_features(sentence_words, sentence_texts, i) + shared
        rows[i, : len(features)] = features[:WIDTH]
    return rows


@dataclass(frozen=True, slots=True)
class SpanModel:
    """Weights (FEATURE_SPACE + 1, the last is padding) and the decision threshold."""

    weights: np.ndarray
    threshold: float

    def probabilities(self, rows: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.weights[rows].sum(axis=1)))

    def save(self, path: Path) -> None:
        np.savez_compressed(path, weights=self.weights.astype(np.float16), threshold=self.threshold)

    @classmethod
    def load(cls, path: Path) -> SpanModel:
        with np.load(path) as data:
            weights = data["weights"].astype(np.float32)
            return cls(weights=weights, threshold=float(data["threshold"]))


@cache
def span_model() -> SpanModel | None:
    """The shipped model, or None when the package has none (the stage then uses rules alone)."""
    path = data_path(*MODEL_FILE)
    return SpanModel.load(path) if path.is_file() else None


def runs(probabilities: np.ndarray, threshold: float) -> list[tuple[int, int]]:
    """Runs of consecutive positions whose probability passes ``threshold``: [start, end)."""
    found: list[tuple[int, int]] = []
    start = None
    for i, above in enumerate(probabilities > threshold):
        if above and start is None:
            start = i
        elif not above and start is not None:
            found.append((start, i))
            start = None
    if start is not None:
        found.append((start, len(probabilities)))
    return found

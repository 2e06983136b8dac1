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
from functools import cache, lru_cache
from pathlib import Path

import numpy as np
from spacy.tokens import Token

from ..langdata import data_path
from .framing_lexicon import framing_lexicon

#: size of the hashed feature space (the weight vector has one more slot: padding)
FEATURE_SPACE = 2**20
#: at most this many words of a sentence become features of each of its tokens
MAX_SENTENCE_WORDS = 56
#: features per token: the padded width of the feature matrix
WIDTH = 26 + MAX_SENTENCE_WORDS + 5
MODEL_FILE = ("en", "framing", "span_model.npz")
QUOTE_MARKS = ('"', "“", "”")


@lru_cache(maxsize=1 << 18)
def feature_index(feature: str) -> int:
    """The slot of a feature string: CRC-32, stable across runs and machines (cached: features repeat)."""
    return zlib.crc32(feature.encode("utf-8")) % FEATURE_SPACE


@dataclass(frozen=True, slots=True)
class TokenView:
    """What the tagger reads of one token (built from a parsed spaCy token by ``view_of``)."""

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
    """The tagger's view of a sentence's tokens (whitespace tokens are left out by the caller)."""
    return [view_of(token) for token in tokens]


#: parts of speech that can carry judgement (a learned span needs one)
JUDGEMENT_POS = frozenset({"ADJ", "ADV", "VERB", "NOUN"})


def content_span(tokens: Sequence[TokenView], start: int, end: int) -> tuple[int, int] | None:
    """A tagger run without its edge stop words and marks, if a word of judgement is left.

    The tagger learnt from opinion pieces; on wire copy its weakest runs are a lone "the",
    a title or a name. A run must hold an adjective, adverb, verb or common noun to count.
    """
    while start < end and tokens[start].light:
        start += 1
    while end > start and tokens[end - 1].light:
        end -= 1
    content = [token for token in tokens[start:end] if token.pos in JUDGEMENT_POS and not token.light]
    return (start, end) if content else None


def sentence_features(words: Sequence[str], raw: str, index: int = 0) -> list[int]:
    """Features shared by every token of one sentence: its words, length, punctuation, place."""
    features = [feature_index("S=" + word) for word in sorted(set(words))][:MAX_SENTENCE_WORDS]
    features += [
        feature_index(f"len={min(len(words) // 8, 6)}"),
        feature_index(f"quote={any(mark in raw for mark in QUOTE_MARKS)}"),
        feature_index(f"bang={'!' in raw}"),
        feature_index(f"ask={'?' in raw}"),
        # the title and lead sentences of a piece carry its framing more often than the body
        feature_index(f"sent_at={min(index, 3)}"),
    ]
    return features


def token_features(tokens: Sequence[TokenView], i: int, quoted: bool) -> list[int]:
    """Features of token ``i`` of a sentence: words around it, its parse, the lexicon."""
    lexicon = _technique_of_word()

    def word(j: int) -> str:
        return tokens[j].lower if 0 <= j < len(tokens) else ("<s>" if j < 0 else "</s>")

    def pos(j: int) -> str:
        return tokens[j].pos if 0 <= j < len(tokens) else "-"

    token = tokens[i]
    current = token.lower
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
        f"s2={current[-2:]}",
        f"p3={current[:3]}",
        f"lex={lexicon.get(current, '-')}",
        f"lexp={lexicon.get(word(i - 1), '-')}",
        f"lexn={lexicon.get(word(i + 1), '-')}",
        f"lexh={lexicon.get(token.head, '-')}",
        f"shape={_shape(token.text)}",
        f"at={min(i // 4, 3)}",
        f"to_end={min((len(tokens) - i) // 4, 3)}",
        # the parse generalises beyond the words seen in training: an adjective modifying
        # a noun, an adverb on a verb, the head a word hangs from
        f"pos={token.pos}",
        f"tag={token.tag}",
        f"dep={token.dep}",
        f"wpos={current}|{token.pos}",
        f"pos3={pos(i - 1)}|{token.pos}|{pos(i + 1)}",
        f"head={token.head}",
        f"dephead={token.dep}|{token.head}",
        f"quoted={quoted}",
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


def _inside_quotes(tokens: Sequence[TokenView]) -> list[bool]:
    """Whether each token is between quote marks of its sentence (a speaker's words)."""
    inside, state = [], False
    for token in tokens:
        if token.text == '"':
            state = not state
        elif token.text in ("“", "”"):
            state = token.text == "“"
        inside.append(state)
    return inside


def feature_rows(tokens: Sequence[TokenView], raw: str, index: int = 0) -> np.ndarray:
    """The padded feature matrix (tokens x WIDTH) of one sentence, the ``index``-th of its text."""
    shared = sentence_features([token.lower for token in tokens], raw, index)
    rows = np.full((len(tokens), WIDTH), FEATURE_SPACE, dtype=np.int64)
    for i, quoted in enumerate(_inside_quotes(tokens)):
        features = token_features(tokens, i, quoted) + shared
        rows[i, : len(features)] = features[:WIDTH]
    return rows


@dataclass(frozen=True, slots=True)
class SpanModel:
    """Weights (FEATURE_SPACE + 1, the last is padding) and how spans are decoded from them.

    ``threshold``: a token is in a span when its probability passes it. ``gap``: runs apart by
    at most this many tokens below the threshold are one span (PTC spans are phrases; the
    tagger's probability dips on their function words). ``support``: a span must hold a token
    whose own word weight (the ``w=`` feature) passes this margin, so a span rests on a word
    the annotators marked, not only on the tone of its sentence (which, on wire copy, marks
    plain words like "secretary" as loaded); ``-inf`` switches the check off. ``max_joined``:
    joining across gaps stops at this many tokens (0: no limit), so a string of weak hits in a
    long sentence of wire copy does not become one clause-long span.
    """

    weights: np.ndarray
    threshold: float
    gap: int = 0
    support: float = float("-inf")
    max_joined: int = 0

    def probabilities(self, rows: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.weights[rows].sum(axis=1)))

    def word_weights(self, words: Sequence[str]) -> np.ndarray:
        return self.weights[[feature_index("w=" + word) for word in words]]

    def spans(self, rows: np.ndarray, words: Sequence[str]) -> list[tuple[int, int]]:
        """Token runs [start, end) of one sentence that pass the threshold and the support check."""
        found = runs(self.probabilities(rows), self.threshold, self.gap, self.max_joined or None)
        if self.support == float("-inf"):
            return found
        weights = self.word_weights(words)
        return [(start, end) for start, end in found if weights[start:end].max() > self.support]

    def save(self, path: Path) -> None:
        np.savez_compressed(
            path,
            weights=self.weights.astype(np.float16),
            threshold=self.threshold,
            gap=self.gap,
            support=self.support,
            max_joined=self.max_joined,
        )

    @classmethod
    def load(cls, path: Path) -> SpanModel:
        with np.load(path) as data:
            weights = data["weights"].astype(np.float32)
            gap = int(data["gap"]) if "gap" in data else 0
            support = float(data["support"]) if "support" in data else float("-inf")
            max_joined = int(data["max_joined"]) if "max_joined" in data else 0
            return cls(weights, float(data["threshold"]), gap, support, max_joined)


@cache
def span_model() -> SpanModel | None:
    """The shipped model, or None when the package has none (the stage then uses rules alone)."""
    path = data_path(*MODEL_FILE)
    return SpanModel.load(path) if path.is_file() else None


def runs(
    probabilities: np.ndarray, threshold: float, gap: int = 0, max_joined: int | None = None
) -> list[tuple[int, int]]:
    """Runs of positions whose probability passes ``threshold``: [start, end).

    Runs at most ``gap`` positions apart are joined into one, while the joined run stays within
    ``max_joined`` positions (a run that passes the threshold throughout is never cut).
    """
    found: list[tuple[int, int]] = []
    for i in np.flatnonzero(probabilities > threshold).tolist():
        joinable = max_joined is None or i + 1 - found[-1][0] <= max_joined if found else False
        if found and (i == found[-1][1] or (i - found[-1][1] <= gap and joinable)):
            found[-1] = (found[-1][0], i + 1)
        else:
            found.append((i, i + 1))
    return found

"""Features of the framing span tagger, built for a whole document at once with numpy.

Every token's features come from arrays the parse already holds (``Doc.to_array``: word,
suffix, shape, part of speech, tag, dependency, head, sentence starts) and from ``Doc.tensor``,
the context vectors of the pipeline's own token-to-vector layer (computed for the tagger and
parser anyway, so they cost nothing extra). No Python runs per token: sparse features are
hashed from the 64-bit string ids spaCy already gives every word, with array arithmetic.

``DocFeatures`` holds, for the non-space tokens of a document:

- ``sparse``: (tokens x N_TEMPLATES) slots of a hashed feature space (the word, its neighbours
  and bigrams, suffix, shape, part of speech, tag, dependency, head word, the framing-lexicon
  technique of the word, its neighbours and its head, whether it is inside quote marks, its
  place in the sentence, the sentence's place in the text, its length and punctuation);
- ``dense``: (tokens x DENSE_PARTS * tensor width) context vectors: the token's, its neighbours' (within the
  sentence) and the mean of its sentence (the tone of what surrounds it);
- ``words``: the string ids of the lower-cased words; ``sentence``: the sentence number of
  each token; ``light``: stop words and punctuation (never the edge of a span); ``content``:
  parts of speech that can carry judgement.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np
from spacy.attrs import DEP, HEAD, IS_PUNCT, IS_SPACE, IS_STOP, LOWER, POS, SENT_START, SHAPE, SUFFIX, TAG
from spacy.strings import get_string_id
from spacy.tokens import Doc

from .framing_lexicon import TECHNIQUES, framing_lexicon

#: size of the hashed feature space (the weight vector has one more slot: padding)
FEATURE_SPACE = 2**20
#: parts of speech that can carry judgement (a learned span needs one)
JUDGEMENT_POS = ("ADJ", "ADV", "VERB", "NOUN")
_ATTRS = [LOWER, SUFFIX, SHAPE, POS, TAG, DEP, HEAD, SENT_START, IS_STOP, IS_PUNCT, IS_SPACE]
_MASK = np.uint64(2**64 - 1)
_MIX = (np.uint64(0x9E3779B97F4A7C15), np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB))
#: stand-ins for the word before the first and after the last token of a sentence
_START, _END = np.uint64(get_string_id("<s>")), np.uint64(get_string_id("</s>"))
_QUOTE, _OPEN, _CLOSE = (np.uint64(get_string_id(mark)) for mark in ('"', "“", "”"))
_MARKS = tuple(np.uint64(get_string_id(mark)) for mark in ("!", "?"))
#: names of the sparse templates, in column order (a template's number is part of its hash)
TEMPLATES = (
    "bias", "w", "w-1", "w+1", "w-2", "w+2", "w-1|w", "w|w+1", "suffix", "shape",
    "lex", "lex-1", "lex+1", "lex_head", "pos", "tag", "dep", "w|pos", "pos-1|pos|pos+1",
    "head", "dep|head", "quoted", "at", "to_end", "sent_at", "sent_len", "sent_marks",
)  # fmt: skip
N_TEMPLATES = len(TEMPLATES)
WORD_TEMPLATE = TEMPLATES.index("w")


def _mix(template: int, first: np.ndarray, second: np.ndarray | int = 0) -> np.ndarray:
    """A 64-bit hash of (template, first, second) per position (wrapping arithmetic, stable)."""
    with np.errstate(over="ignore"):
        value = np.asarray(first, dtype=np.uint64) ^ (np.uint64(template + 1) * _MIX[0])
        value = (value ^ (value >> np.uint64(31))) * _MIX[1]
        value = (value ^ np.asarray(second, dtype=np.uint64)) * _MIX[2]
        return value ^ (value >> np.uint64(29))


def slots(template: int, first: np.ndarray, second: np.ndarray | int = 0) -> np.ndarray:
    """The feature slots of (template, first, second) values: [0, FEATURE_SPACE)."""
    return (_mix(template, first, second) % np.uint64(FEATURE_SPACE)).astype(np.int64)


def word_slots(words: list[str]) -> np.ndarray:
    """The slots of the word feature (``w``) of ``words``: what the support check reads."""
    return slots(WORD_TEMPLATE, np.array([get_string_id(word.lower()) for word in words], dtype=np.uint64))


@dataclass(frozen=True, slots=True)
class DocFeatures:
    sparse: np.ndarray
    dense: np.ndarray
    #: spaCy string ids of the lower-cased words
    words: np.ndarray
    sentence: np.ndarray
    light: np.ndarray
    content: np.ndarray
    #: doc token index of each row (space tokens are left out)
    token_index: np.ndarray


@cache
def _lexicon_table() -> tuple[np.ndarray, np.ndarray]:
    """Sorted string ids of single-word lexicon terms and their technique numbers (1-based)."""
    entries = {
        get_string_id(term): TECHNIQUES.index(entry.technique) + 1
        for term, entry in framing_lexicon().entries.items()
        if " " not in term
    }
    keys = np.array(sorted(entries), dtype=np.uint64)
    return keys, np.array([entries[int(key)] for key in keys], dtype=np.uint64)


def _lexicon_of(words: np.ndarray) -> np.ndarray:
    """The lexicon technique number of each word id (0: not in the lexicon)."""
    keys, values = _lexicon_table()
    if not len(keys):
        return np.zeros(len(words), dtype=np.uint64)
    at = np.minimum(np.searchsorted(keys, words), len(keys) - 1)
    return np.where(keys[at] == words, values[at], np.uint64(0))


@cache
def _pos_ids() -> np.ndarray:
    return np.array([get_string_id(pos) for pos in JUDGEMENT_POS], dtype=np.uint64)


def _shifted(values: np.ndarray, sentence: np.ndarray, offset: int, edge: np.uint64) -> np.ndarray:
    """values[i + offset] where that token is in the same sentence, else ``edge``."""
    n = len(values)
    index = np.arange(n) + offset
    valid = (index >= 0) & (index < n)
    index = np.clip(index, 0, max(n - 1, 0))
    valid &= sentence[index] == sentence
    return np.where(valid, values[index], edge)


def _inside_quotes(words: np.ndarray, sentence: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """Whether each token lies between quote marks of its own sentence (a speaker's words)."""

    def within_sentence(counts: np.ndarray) -> np.ndarray:
        total = np.cumsum(counts)
        before = total - counts
        return total - before[starts][sentence]

    straight = within_sentence((words == _QUOTE).astype(np.int64)) % 2 == 1
    curly = within_sentence((words == _OPEN).astype(np.int64) - (words == _CLOSE).astype(np.int64)) > 0
    return straight | curly


def doc_features(doc: Doc) -> DocFeatures:
    """The tagger's features of every non-space token of ``doc`` (see the module docstring)."""
    array = doc.to_array(_ATTRS)
    keep = array[:, 10] == 0
    token_index = np.flatnonzero(keep)
    array = array[keep]
    words, suffix, shape, pos, tag, dep = (array[:, column] for column in range(6))
    n = len(words)
    head = array[:, 6].astype(np.int64)
    starts_flag = array[:, 7].astype(np.int64) == 1
    if n:
        starts_flag[0] = True
    sentence = np.cumsum(starts_flag) - 1
    starts = np.flatnonzero(starts_flag)
    lengths = np.diff(np.append(starts, n))
    position = np.arange(n) - starts[sentence]
    # a head is a doc index; map it to a row (a space-token head keeps the word itself)
    head_row = np.searchsorted(token_index, token_index + head).clip(0, max(n - 1, 0))
    head_words = words[head_row] if n else words
    lex = _lexicon_of(words)
    before, after = _shifted(words, sentence, -1, _START), _shifted(words, sentence, 1, _END)
    pos_before = _shifted(pos, sentence, -1, _START)
    pos_after = _shifted(pos, sentence, 1, _END)
    marks = _sentence_marks(words, sentence, len(starts))
    columns = [
        np.zeros(n, dtype=np.uint64),
        words,
        before,
        after,
        _shifted(words, sentence, -2, _START),
        _shifted(words, sentence, 2, _END),
        _mix(0, before, words),
        _mix(0, words, after),
        suffix,
        shape,
        lex,
        _lexicon_of(before),
        _lexicon_of(after),
        _lexicon_of(head_words),
        pos,
        tag,
        dep,
        _mix(0, words, pos),
        _mix(_mix(0, pos_before, pos), pos_after),
        head_words,
        _mix(0, dep, head_words),
        _inside_quotes(words, sentence, starts),
        np.minimum(position // 4, 3),
        np.minimum((lengths[sentence] - position) // 4, 3),
        np.minimum(sentence, 3),
        np.minimum(lengths[sentence] // 8, 6),
        marks[sentence],
    ]
    sparse = np.stack([slots(template, column) for template, column in enumerate(columns)], axis=1)
    return DocFeatures(
        sparse=sparse,
        words=words,
        dense=_dense(doc, token_index, sentence, starts),
        sentence=sentence,
        light=(array[:, 8] == 1) | (array[:, 9] == 1),
        content=np.isin(pos, _pos_ids()),
        token_index=token_index,
    )


def _sentence_marks(words: np.ndarray, sentence: np.ndarray, n_sentences: int) -> np.ndarray:
    """Per sentence, bits: it has an exclamation mark (1), a question mark (2), quote marks (4)."""

    def holds(marks: tuple[np.uint64, ...]) -> np.ndarray:
        return np.bincount(sentence[np.isin(words, marks)], minlength=n_sentences) > 0

    return holds(_MARKS[:1]) * 1 + holds(_MARKS[1:]) * 2 + holds((_QUOTE, _OPEN, _CLOSE)) * 4


#: context vectors per token: its own, the previous and next token's, its sentence's mean
DENSE_PARTS = 4


def _dense(doc: Doc, token_index: np.ndarray, sentence: np.ndarray, starts: np.ndarray) -> np.ndarray:
    tensor = doc.tensor
    n = len(token_index)
    if not isinstance(tensor, np.ndarray) or tensor.ndim != 2 or tensor.shape[0] != len(doc) or n == 0:
        return np.zeros((n, 0), dtype=np.float32)
    vectors = np.asarray(tensor, dtype=np.float32)[token_index]
    width = vectors.shape[1]
    padded = np.vstack([np.zeros((1, width), np.float32), vectors, np.zeros((1, width), np.float32)])
    same_before = np.append(False, sentence[1:] == sentence[:-1])
    same_after = np.append(sentence[:-1] == sentence[1:], False)
    previous = padded[:-2] * same_before[:, None]
    following = padded[2:] * same_after[:, None]
    lengths = np.diff(np.append(starts, n)).astype(np.float32)
    means = np.add.reduceat(vectors, starts, axis=0) / lengths[:, None]
    return np.hstack([vectors, previous, following, means[sentence]])


#: templates whose values, pooled over a sentence, describe the sentence for the sentence gate
SENTENCE_TEMPLATES = ("w", "w-1|w", "lex", "sent_marks", "sent_len")
#: slots a sentence keeps (a longer sentence keeps the lowest: rare, and the gate is a blend)
SENTENCE_WIDTH = 60 * len(SENTENCE_TEMPLATES)


def sentence_features(features: DocFeatures) -> tuple[np.ndarray, np.ndarray]:
    """Per sentence: its distinct slots of SENTENCE_TEMPLATES (padded) and its mean context vector.

    What the sentence gate reads: a bag of the sentence's words, word pairs and lexicon
    techniques, with its marks and length, and the tone of its context vectors.
    """
    sentence = features.sentence
    if not len(sentence):
        return np.zeros((0, SENTENCE_WIDTH), np.int64), np.zeros((0, 0), np.float32)
    starts = np.flatnonzero(np.r_[True, sentence[1:] != sentence[:-1]])
    ends = np.r_[starts[1:], len(sentence)]
    columns = [TEMPLATES.index(name) for name in SENTENCE_TEMPLATES]
    chosen = features.sparse[:, columns]
    rows = np.full((len(starts), SENTENCE_WIDTH), FEATURE_SPACE, dtype=np.int64)
    for number, (start, end) in enumerate(zip(starts.tolist(), ends.tolist(), strict=True)):
        distinct = np.unique(chosen[start:end])[:SENTENCE_WIDTH]
        rows[number, : len(distinct)] = distinct
    width = features.dense.shape[1] // DENSE_PARTS
    # the last dense block of every token is its sentence's mean vector
    means = features.dense[starts, (DENSE_PARTS - 1) * width :] if width else features.dense[starts]
    return rows, np.asarray(means, dtype=np.float32)

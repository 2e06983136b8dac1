"""Near-duplicate articles (wire copies with a new headline or a changed paragraph), by MinHash LSH.

Two texts are near-duplicates when the Jaccard similarity of their sets of word 5-grams
("shingles") is at least the threshold, 0.8 by default. For two texts of equal length of which
a share ``d`` of the shingles differs, Jaccard is about ``(1 - d) / (1 + d)``: 0.8 allows about a
tenth of the text to differ (one paragraph in ten edited; wholly rewritten, it gives about 0.78),
while two outlets' own reports of the same event share few 5-grams. On FA-KES (804 articles)
0.8 links 34 pairs, 19 of them identical texts (exact duplicates, caught first by hash); 0.7
links 41, adding cross-outlet wire copies (0.72-0.79) but also pages of one site that share
long boilerplate. The headline is not part of the text compared: a new headline changes nothing.

Finding candidates must not compare each new article with every stored one, so each original's
MinHash signature (``NUM_PERM`` minimum hashes of its shingles under fixed random permutations)
is cut into ``BANDS`` bands of ``ROWS`` values, and each band hashed to one 63-bit bucket key,
which the store indexes. Two texts share a bucket with probability ``1 - (1 - J**ROWS)**BANDS``:
above 0.99 at J = 0.8, 0.92 at J = 0.7, 0.62 at J = 0.6, 0.01 at J = 0.3, so only likely copies are looked
at. Each candidate is then checked with the exact Jaccard of the two shingle sets, which is the
similarity recorded. Below a threshold of ``MIN_THRESHOLD`` the banding would miss too many
pairs, so thresholds under it are refused.

The permutations come from a fixed seed: bucket keys are stored, so they must not change
between runs or versions. Changing ``NUM_PERM``, ``BANDS``, ``ROWS``, ``SHINGLE_WORDS`` or the
hashing means a new migration that re-indexes the store.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

#: words per shingle: long enough that shared phrases ("the Syrian Observatory for Human
#: Rights said") rarely make two different reports similar
SHINGLE_WORDS = 5
NUM_PERM = 120
BANDS = 20
ROWS = 6
DEFAULT_THRESHOLD = 0.8
MIN_THRESHOLD = 0.5
_SEED = 20240306
_MERSENNE_PRIME = np.uint64((1 << 61) - 1)
_MAX_HASH = np.uint64((1 << 32) - 1)
_WORD = re.compile(r"\w+")


def _permutations() -> tuple[np.ndarray, np.ndarray]:
    generator = np.random.Generator(np.random.PCG64(_SEED))
    a = generator.integers(1, int(_MERSENNE_PRIME), size=NUM_PERM, dtype=np.uint64)
    b = generator.integers(0, int(_MERSENNE_PRIME), size=NUM_PERM, dtype=np.uint64)
    return a, b


_A, _B = _permutations()


def shingles(text: str) -> frozenset[int]:
    """The 32-bit hashes of the text's word 5-grams (lower case); one shingle for a shorter text."""
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE_WORDS:
        grams = [" ".join(words)] if words else []
    else:
        grams = [" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)]
    # a stable hash (not Python's salted hash()): signatures are stored and compared across runs
    return frozenset(
        int.from_bytes(hashlib.blake2b(g.encode(), digest_size=4).digest(), "little") for g in grams
    )


def signature(hashes: Iterable[int]) -> np.ndarray:
    """The MinHash signature of a shingle set: NUM_PERM minima of (a*h + b) mod p, kept to 32 bits."""
    values = np.fromiter(hashes, dtype=np.uint64)
    if values.size == 0:
        return np.full(NUM_PERM, _MAX_HASH, dtype=np.uint64)
    # uint64 products wrap around; the universal hashing still mixes well enough (as datasketch does)
    with np.errstate(over="ignore"):
        permuted = (np.outer(values, _A) + _B) % _MERSENNE_PRIME & _MAX_HASH
    return permuted.min(axis=0)


def band_keys(sig: np.ndarray) -> list[int]:
    """One bucket key per band: a 63-bit hash of the band's number and its rows (fits BIGINT)."""
    keys = []
    for band in range(BANDS):
        rows = sig[band * ROWS : (band + 1) * ROWS].astype("<u8").tobytes()
        digest = hashlib.blake2b(band.to_bytes(2, "little") + rows, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little") >> 1)
    return keys


def text_band_keys(text: str) -> list[int]:
    """The bucket keys under which the store indexes an article's text."""
    return band_keys(signature(shingles(text)))


def jaccard(first: frozenset[int], second: frozenset[int]) -> float:
    if not first and not second:
        return 1.0
    return len(first & second) / len(first | second)


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What near-duplicate detection needs of one text: its shingles and its bucket keys."""

    shingles: frozenset[int]
    keys: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> Fingerprint:
        grams = shingles(text)
        return cls(grams, tuple(band_keys(signature(grams))))


class BatchIndex:
    """The LSH index of the articles of one run that are not in the store yet (being extracted)."""

    def __init__(self) -> None:
        self._buckets: dict[int, set[str]] = {}
        self._fingerprints: dict[str, Fingerprint] = {}

    def add(self, article_id: str, fingerprint: Fingerprint) -> None:
        self._fingerprints[article_id] = fingerprint
        for key in fingerprint.keys:
            self._buckets.setdefault(key, set()).add(article_id)

    def remove(self, article_id: str) -> None:
        fingerprint = self._fingerprints.pop(article_id, None)
        if fingerprint is None:
            return
        for key in fingerprint.keys:
            members = self._buckets.get(key)
            if members is not None:
                members.discard(article_id)
                if not members:
                    del self._buckets[key]

    def candidates(self, fingerprint: Fingerprint) -> dict[str, frozenset[int]]:
        """id -> shingles of every indexed article that shares a bucket with ``fingerprint``."""
        found: set[str] = set()
        for key in fingerprint.keys:
            found |= self._buckets.get(key, set())
        return {article_id: self._fingerprints[article_id].shingles for article_id in found}


def best_match(
    fingerprint: Fingerprint, candidates: dict[str, frozenset[int]], *, threshold: float, besides: str
) -> tuple[str, float] | None:
    """The candidate most similar to ``fingerprint`` at or above ``threshold`` (ties: the smallest
    id, so the answer does not depend on the order candidates came in), or None."""
    best: tuple[str, float] | None = None
    for article_id, grams in sorted(candidates.items()):
        if article_id == besides:
            continue
        similarity = jaccard(fingerprint.shingles, grams)
        if similarity >= threshold and (best is None or similarity > best[1]):
            best = (article_id, similarity)
    return best

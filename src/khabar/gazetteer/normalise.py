"""Normalised keys of place names, so that spelling variants of one name meet in the index.

Two levels:

* ``normalise_name`` folds case, diacritics, apostrophes (ʿ ʾ ' ’), hyphens and dots:
  "Kafr-Nabl" / "kafr nabl", "Ḩamāh" / "Hamah", "Dar'ā" / "Dara" meet.
* ``name_key`` (what the index is keyed by) also drops a leading Arabic article
  ("al-", "el-", "az-", ...) and collapses doubled letters, because transliterations of
  Arabic names disagree on both: "al-Zahraa" / "Az Zahra" / "Zahraa" share the key "zahra".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Marks that transliterations use for ayn/hamza, and typographic apostrophes: dropped.
_APOSTROPHES = re.compile(r"['’‘`´ʿʾʻʼ′]")
# Separators that vary between spellings of one name: read as a space.
_SEPARATORS = re.compile(r"[\-‐‑‒–—_.,/()]+")
# Letters that have no decomposition into base letter + diacritic.
_FOLD = str.maketrans(
    {"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "ß": "ss", "æ": "ae", "œ": "oe"}
)
# The Arabic article in its transliterations, assimilated or not ("ash-Sham", "ad-Dana").
_ARTICLE = re.compile(r"^(?:al|el|ul|ar|as|ad|an|at|az|ash|ath|adh|ed|es|et|er|en|ez)\s+(?=\S)")
_DOUBLED = re.compile(r"(.)\1+")
# Abbreviated first words of names: "St. Petersburg" is "Saint Petersburg"
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "pt": "port"}


@lru_cache(maxsize=65536)
def normalise_name(text: str) -> str:
    """Case-, diacritic- and punctuation-folded form of a name ("Ḩamāh" -> "hamah")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    stripped = _APOSTROPHES.sub("", stripped.translate(_FOLD))
    return " ".join(_SEPARATORS.sub(" ", stripped).split())


@lru_cache(maxsize=65536)
def own_spelling(text: str) -> str:
    """Normalised, abbreviations spelled out; doubled letters and the article are kept.

    Two texts with one own spelling write the same name. Collapsing doubled letters is right
    for finding transliterations ("Maarrat" / "Marat") but not for saying a text is a place's
    own name: "Baath" is not how anyone writes Bath, nor "Deraa" Dera in Ethiopia.
    """
    normal = normalise_name(text)
    first, _, rest = normal.partition(" ")
    if rest and first in _ABBREVIATIONS:
        normal = f"{_ABBREVIATIONS[first]} {rest}"
    return normal


@lru_cache(maxsize=65536)
def spelling_form(text: str) -> str:
    """Normalised, abbreviations spelled out, doubled letters collapsed; the article is kept."""
    return _DOUBLED.sub(r"\1", own_spelling(text))


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """The index key of a name: its spelling form without a leading Arabic article."""
    return _ARTICLE.sub("", spelling_form(text))


def is_latin(text: str) -> bool:
    """True when a normalised name is written in Latin letters (other scripts are not indexed)."""
    return bool(text) and all(char.isascii() for char in text) and any(char.isalpha() for char in text)

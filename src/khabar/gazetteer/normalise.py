"""Normalised keys of place names, so that spelling variants of one name meet in the index.

Two levels:

* ``normalise_name`` folds case, diacritics, apostrophes (ʿ ʾ ' ’), hyphens and dots:
  "Kafr-Nabl" / "kafr nabl", "Ḩamāh" / "Hamah", "Dar'ā" / "Dara" meet.
* ``name_key`` (what the index is keyed by) also drops a leading Arabic article
  ("al-", "el-", "az-", ...) and collapses doubled letters, because transliterations of
  Arabic names disagree on both: "al-Zahraa" / "Az Zahra" / "Zahraa" share the key "zahra".

A third, looser form is only for a last-resort lookup within one country:

* ``spelling_skeleton`` keeps a name's consonants ("Taduf" / "Tadif" -> "tdf"), as the
  romanisations of an Arabic name agree on its consonants and not on its vowels.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from ..langdata import load_json

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


@dataclass(frozen=True, slots=True)
class _SkeletonRules:
    """``data/geo/spelling.json``: how romanisations of one name are folded together."""

    articles: frozenset[str]
    glued_article: re.Pattern[str]
    letter_folds: tuple[tuple[str, str], ...]
    final_h: re.Pattern[str]
    dropped_letters: re.Pattern[str]
    min_letters: int
    loose_letters: int
    countries: frozenset[str]


@cache
def _skeleton_rules() -> _SkeletonRules:
    data = load_json("geo", "spelling.json")
    vowels, semivowels = data["vowels"], data["semivowels"]
    glued = "|".join(sorted(data["glued_articles"], key=len, reverse=True))
    return _SkeletonRules(
        articles=frozenset(data["articles"]),
        # "alwaer": the article written onto a word that starts with a consonant
        glued_article=re.compile(rf"^(?:{glued})(?=[^{vowels}\W][a-z]{{{data['glued_rest'] - 1},}}$)"),
        letter_folds=tuple((old, new) for old, new in data["letter_folds"]),
        final_h=re.compile(rf"(?<=[{vowels}])h$"),
        # vowels, and semivowels that close a syllable ("ay", "ou", "aw") rather than open one
        dropped_letters=re.compile(rf"(?:[{vowels}]|[{semivowels}](?![{vowels}]))+"),
        min_letters=int(data["min_letters"]),
        loose_letters=int(data["loose_letters"]),
        countries=frozenset(data["countries"]),
    )


def skeleton_countries() -> frozenset[str]:
    """ISO3 codes of the countries whose places are looked up by ``spelling_skeleton``."""
    return _skeleton_rules().countries


def _folded_words(text: str) -> list[str]:
    """The words of a name without articles, with letter groups folded and a final 'h' after a
    vowel dropped: the common ground of ``spelling_skeleton`` and ``vowel_pattern``."""
    rules = _skeleton_rules()
    words = []
    for word in name_key(text).split():
        if word in rules.articles:
            continue
        word = rules.glued_article.sub("", word)
        for old, new in rules.letter_folds:
            word = word.replace(old, new)
        words.append(rules.final_h.sub("", word))
    return words


@lru_cache(maxsize=65536)
def spelling_skeleton(text: str) -> str:
    """The consonants of a name, on which its romanisations agree ("Taduf" / "Tadif" -> "tdf",
    "Jisr al-Shaghour" / "Jisr ash Shughur" -> "jsr shgr"); "" when too short to tell a
    place by (fewer than ``min_letters`` letters). Rules in ``data/geo/spelling.json``."""
    rules = _skeleton_rules()
    words = [_DOUBLED.sub(r"\1", rules.dropped_letters.sub("", word)) for word in _folded_words(text)]
    skeleton = " ".join(word for word in words if word)
    return skeleton if sum(char.isalpha() for char in skeleton) >= rules.min_letters else ""


@lru_cache(maxsize=65536)
def vowel_pattern(text: str) -> str:
    """The skeleton with a slot ("V") for each run of vowels, a word's final one left out:
    "Taduf" / "Tadif" -> "tVdVf", "Sukhna" / "As Sukhnah" -> "sVkn", "Salma" -> "sVlm" but
    "Salamiyah" -> "sVlVmVy". Two spellings of one short name agree on it."""
    rules = _skeleton_rules()
    words = []
    for word in _folded_words(text):
        slotted = _DOUBLED.sub(r"\1", rules.dropped_letters.sub("V", word))
        words.append(slotted.removesuffix("V") if len(slotted) > 1 else slotted)
    return " ".join(word for word in words if word)


def needs_vowel_pattern(skeleton: str) -> bool:
    """A skeleton this short matches too many names by its consonants alone."""
    return sum(char.isalpha() for char in skeleton) < _skeleton_rules().loose_letters

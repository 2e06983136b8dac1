"""The framing lexicon and rule data (``data/en/framing/``), loaded once and checked.

``lexicon.tsv`` lists loaded terms and labels with their technique, a neutral alternative,
how a match grows (``kind``) and in whose voice it counts (``scope``). ``rules.json`` holds
the word lists of the rules a lexicon cannot express (Flag-Waving, Reductio ad Hitlerum,
Doubt, Whataboutism, Repetition, Slogans). See the README there for the format.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from ..errors import KhabarError
from ..langdata import data_path, load_json, load_tsv

#: SemEval-2020 task 11 technique names, exactly as in the PTC labels
TECHNIQUES: tuple[str, ...] = (
    "Appeal_to_Authority",
    "Appeal_to_fear-prejudice",
    "Bandwagon,Reductio_ad_hitlerum",
    "Black-and-White_Fallacy",
    "Causal_Oversimplification",
    "Doubt",
    "Exaggeration,Minimisation",
    "Flag-Waving",
    "Loaded_Language",
    "Name_Calling,Labeling",
    "Repetition",
    "Slogans",
    "Thought-terminating_Cliches",
    "Whataboutism,Straw_Men,Red_Herring",
)

Kind = Literal["word", "modifier", "intensifier"]
Scope = Literal["any", "quoted"]
_KINDS: frozenset[str] = frozenset({"word", "modifier", "intensifier"})
_SCOPES: frozenset[str] = frozenset({"any", "quoted"})
#: in the neutral column: this word simply goes (an adjective of judgement)
DROP = "-"


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    """One loaded term: its technique, its neutral form, how its span grows, whose voice counts."""

    term: str
    technique: str
    #: None: no neutral alternative; "": drop the word; else the replacement
    neutral: str | None
    kind: Kind
    scope: Scope


@dataclass(frozen=True, slots=True)
class FramingLexicon:
    entries: dict[str, LexiconEntry]
    rules: dict[str, Any]


@cache
def framing_lexicon() -> FramingLexicon:
    """The lexicon and rules shipped in ``data/en/framing/``; E120 on a bad row."""
    path = data_path("en", "framing", "lexicon.tsv")
    entries: dict[str, LexiconEntry] = {}
    for number, row in enumerate(load_tsv("en", "framing", "lexicon.tsv"), start=2):
        for term in row["term"].split("|"):
            entries[term.lower()] = _entry(term.lower(), row, path=str(path), number=number)
    return FramingLexicon(entries=entries, rules=load_json("en", "framing", "rules.json"))


def _entry(term: str, row: dict[str, str], *, path: str, number: int) -> LexiconEntry:
    technique, kind, scope = row["technique"], row["kind"], row["scope"]
    if technique not in TECHNIQUES:
        raise KhabarError("E120", path=path, row=number, field="technique", value=technique)
    if kind not in _KINDS:
        raise KhabarError("E120", path=path, row=number, field="kind", value=kind)
    if scope not in _SCOPES:
        raise KhabarError("E120", path=path, row=number, field="scope", value=scope)
    neutral = row["neutral"]
    return LexiconEntry(
        term=term,
        technique=technique,
        neutral=None if not neutral else ("" if neutral == DROP else neutral),
        kind=kind,  # type: ignore[arg-type]
        scope=scope,  # type: ignore[arg-type]
    )

"""The offline gazetteer: places by name, built once from installed GeoNames-derived packages.

``open_gazetteer()`` returns the process-wide :class:`Gazetteer`, building the index on
first use (offline, about a minute) when it is missing. ``country_of_demonym("Turkish")``
gives "TUR" for the stages that need a nationality's country.
"""

from __future__ import annotations

import sqlite3
from functools import cache
from pathlib import Path

from ..errors import KhabarError
from ..langdata import load_tsv
from .index import Candidate, Gazetteer, default_index_path
from .normalise import name_key, normalise_name

__all__ = [
    "Candidate",
    "Gazetteer",
    "build_gazetteer",
    "country_of_demonym",
    "default_index_path",
    "is_demonym",
    "name_key",
    "normalise_name",
    "open_gazetteer",
]


def build_gazetteer(path: Path | None = None) -> dict[str, int]:
    """(Re)build the index from the installed packages and ``data/geo``; returns row counts."""
    from .build import build_index

    target = Path(path) if path else default_index_path()
    try:
        return build_index(target)
    except (OSError, sqlite3.Error) as exc:
        raise KhabarError("E030", path=target, detail=str(exc)) from exc


@cache
def open_gazetteer(path: str | None = None) -> Gazetteer:
    """The gazetteer at ``path`` (default: the cache index), built first if it is missing."""
    target = Path(path) if path else default_index_path()
    if not target.exists():
        if path:
            raise KhabarError("E030", path=target, detail="no such file")
        build_gazetteer(target)
    return Gazetteer(target)


@cache
def _demonyms() -> dict[str, str]:
    return {normalise_name(row["demonym"]): row["iso3"] for row in load_tsv("geo", "demonyms.tsv")}


def is_demonym(text: str) -> bool:
    """True for adjectives and nouns of nationality or people ("Syrian", "Turks", "Kurdish")."""
    return normalise_name(text) in _demonyms()


def country_of_demonym(text: str) -> str | None:
    """The ISO3 country of a nationality word: "Turkish" -> "TUR"; None for "Kurdish" or unknown words."""
    return _demonyms().get(normalise_name(text)) or None

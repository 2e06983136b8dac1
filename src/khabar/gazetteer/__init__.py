"""The offline gazetteer: places by name, built once from installed GeoNames-derived packages.

``open_gazetteer()`` returns the process-wide :class:`Gazetteer`, building the index on
first use (offline, about a minute) when it is missing. ``country_of_demonym("Turkish")``
gives "TUR" for the stages that need a nationality's country.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
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


def open_gazetteer(path: str | None = None) -> Gazetteer:
    """The gazetteer at ``path`` (default: the cache index), built first if it is missing."""
    # one cache key for "no path" however it is spelt, so a process opens the index once
    return _open_gazetteer(str(path) if path else None)


@cache
def _open_gazetteer(path: str | None) -> Gazetteer:
    if path:
        target = Path(path)
        if not target.exists():
            raise KhabarError("E030", path=target, detail="no such file")
        return Gazetteer(target)
    target = default_index_path()
    if _is_fresh(target):
        return Gazetteer(target)
    # one process builds, the others wait for it and then use its index
    target.parent.mkdir(parents=True, exist_ok=True)
    with _build_lock(target):
        if not _is_fresh(target):
            build_gazetteer(target)
    return Gazetteer(target)


def _is_fresh(target: Path) -> bool:
    """True when the index exists and was built from the curated data as it is now."""
    from .build import curated_data_hash

    if not target.exists():
        return False
    try:
        gazetteer = Gazetteer(target)
        try:
            return gazetteer.meta().get("data_hash") == curated_data_hash()
        finally:
            gazetteer.close()
    except sqlite3.Error:
        return False


@contextmanager
def _build_lock(target: Path) -> Iterator[None]:
    import fcntl

    with target.with_suffix(".lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@cache
def _demonyms() -> dict[str, str]:
    return {normalise_name(row["demonym"]): row["iso3"] for row in load_tsv("geo", "demonyms.tsv")}


def is_demonym(text: str) -> bool:
    """True for adjectives and nouns of nationality or people ("Syrian", "Turks", "Kurdish")."""
    return normalise_name(text) in _demonyms()


def country_of_demonym(text: str) -> str | None:
    """The ISO3 country of a nationality word: "Turkish" -> "TUR"; None for "Kurdish" or unknown words."""
    return _demonyms().get(normalise_name(text)) or None

"""Named, ordered SQL migrations, one folder per dialect; each runs in its own transaction.

A migration is ``<dialect>/NNNN_name.sql``; its name (the file stem) is recorded in the store's
``migrations`` table when it has run. Never edit a migration that has shipped: add the next one.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True, slots=True)
class Migration:
    name: str
    sql: str


def migrations_of(dialect: str) -> list[Migration]:
    """The migrations of ``dialect`` ('sqlite' or 'postgres'), in the order they run."""
    folder = resources.files(__package__).joinpath(dialect)
    files = sorted((entry for entry in folder.iterdir() if entry.name.endswith(".sql")), key=lambda e: e.name)
    return [Migration(name=entry.name.removesuffix(".sql"), sql=entry.read_text("utf-8")) for entry in files]

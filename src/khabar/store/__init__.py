"""The ledger store: article ledgers in SQLite (default) or PostgreSQL, behind one interface.

``open_store(url_or_path)`` picks the implementation: a ``postgresql://`` (or ``postgres://``)
URL opens PostgreSQL, anything else is a SQLite file path. Opening a store for writing runs
its pending migrations.
"""

from __future__ import annotations

from pathlib import Path

from .base import EventRow, PutAction, SearchHit, SqlStore, Store, StoredState, split_event_id
from .filters import EventFilters
from .rows import content_hash

#: the store of the ledger commands when neither --db nor KHABAR_DB says otherwise
DEFAULT_DB = "./khabar.db"
POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def open_store(url_or_path: str | Path, *, read_only: bool = False) -> SqlStore:
    """The store at ``url_or_path``; ``read_only`` opens it for reading only (it must exist)."""
    target = str(url_or_path)
    if target.startswith(POSTGRES_SCHEMES):
        from .postgres import PostgresStore

        return PostgresStore(target, read_only=read_only)
    from .sqlite import SQLiteStore

    return SQLiteStore(target, read_only=read_only)


__all__ = [
    "DEFAULT_DB",
    "EventFilters",
    "EventRow",
    "PutAction",
    "SearchHit",
    "SqlStore",
    "Store",
    "StoredState",
    "content_hash",
    "open_store",
    "split_event_id",
]

"""The SQLite store: one file, zero set-up, the default.

WAL journal (readers do not block the writer, and a killed writer loses only its open
transaction), ``foreign_keys`` on, and ``synchronous=NORMAL``, which in WAL mode is durable
against a crashed or killed process (not against power loss, which is the usual trade).
Each write transaction starts with ``BEGIN IMMEDIATE``, so it holds the write lock before it
reads what it will change. Full text is FTS5 with Porter stemming.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import KhabarError
from .base import Row, SqlStore

#: how long a writer waits for another writer's lock before giving up
BUSY_TIMEOUT_MS = 30_000

_SEARCH_SQL = """
SELECT kind, article_id, claim_id, title, snippet FROM (
    SELECT 'article' AS kind, a.id AS article_id, NULL AS claim_id, a.title AS title,
           snippet(articles_fts, 1, '[', ']', '…', 16) AS snippet, bm25(articles_fts) AS rank
    FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
    WHERE articles_fts MATCH ?
    UNION ALL
    SELECT 'claim', c.article_id, c.claim_id, a.title,
           snippet(claims_fts, 0, '[', ']', '…', 16), bm25(claims_fts)
    FROM claims_fts JOIN claims c ON c.rowid = claims_fts.rowid JOIN articles a ON a.id = c.article_id
    WHERE claims_fts MATCH ?
) ORDER BY rank LIMIT ?
"""


class SQLiteStore(SqlStore):
    dialect = "sqlite"

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.url = str(path)
        self.read_only = read_only
        self._conn = _connect(self.path, read_only=read_only)
        self._prepare()

    def close(self) -> None:
        self._conn.close()

    def _query(self, sql: str, values: Sequence[Any] = ()) -> list[Row]:
        return self._conn.execute(sql, tuple(values)).fetchall()

    def _execute(self, sql: str, values: Sequence[Any] = ()) -> None:
        self._conn.execute(sql, tuple(values))

    def _execute_many(self, sql: str, rows: list[tuple[Any, ...]]) -> None:
        self._conn.executemany(sql, rows)

    def _run_script(self, sql: str) -> None:
        # executescript() would COMMIT the open transaction first: run statement by statement
        for statement in split_statements(sql):
            self._conn.execute(statement)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def _has_table(self, name: str) -> bool:
        return bool(self._query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)))

    def _search_sql(self) -> str:
        return _SEARCH_SQL

    def _search_value(self, q: str) -> str | None:
        """The words of ``q`` as an FTS5 query that matches them all, in any order.

        Each word is quoted, so FTS5's own syntax (AND, NEAR, column filters, stray quotes)
        in a user's query cannot make it fail.
        """
        words = re.findall(r"\w+", q)
        return " ".join(f'"{word}"' for word in words) or None

    def check_integrity(self) -> list[str]:
        """Problems SQLite finds in the file, the foreign keys and the full-text indexes ([] when sound)."""
        problems = [row["integrity_check"] for row in self._query("PRAGMA integrity_check")]
        problems = [problem for problem in problems if problem != "ok"]
        problems += [f"foreign key: {dict(row)}" for row in self._query("PRAGMA foreign_key_check")]
        for table in ("articles_fts", "claims_fts"):
            try:
                self._execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
            except sqlite3.DatabaseError as exc:
                problems.append(f"{table}: {exc}")
        return problems


def _connect(path: Path, *, read_only: bool) -> sqlite3.Connection:
    try:
        if read_only:
            if not path.is_file():
                raise KhabarError("E140", url=str(path), detail="no such file; `khabar ingest` creates it")
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(path, isolation_level=None)
        conn.row_factory = _dict_row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if not read_only:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.Error as exc:
        raise KhabarError("E140", url=str(path), detail=str(exc)) from exc
    return conn


def _dict_row(cursor: sqlite3.Cursor, row: tuple[Any, ...]) -> Row:
    return {column[0]: value for column, value in zip(cursor.description, row, strict=True)}


def split_statements(sql: str) -> list[str]:
    """The statements of a script; a trigger body's inner ';' does not end its statement."""
    statements: list[str] = []
    current = ""
    for line in sql.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            if _has_code(current):
                statements.append(current.strip())
            current = ""
    if _has_code(current):
        statements.append(current.strip())
    return statements


def _has_code(sql: str) -> bool:
    return any(line.strip() and not line.strip().startswith("--") for line in sql.splitlines())

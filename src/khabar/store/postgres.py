"""The PostgreSQL store, for a shared team server: ``open_store("postgresql://...")``.

The schema is the SQLite one in PostgreSQL types (DATE, BOOLEAN, JSON, TIMESTAMPTZ), with
full text as generated ``tsvector`` columns and GIN indexes. Writers of the same article are
serialised by a transaction-scoped advisory lock on its id, so two ``khabar ingest`` runs
against one server cannot interleave an article's rows. Needs ``psycopg`` 3.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from ..errors import KhabarError
from .base import Row, SqlStore

#: rank first and cut to the limit, then build snippets only for the rows returned
_SEARCH_SQL = """
WITH query AS (SELECT websearch_to_tsquery('english', %s) AS q),
top_articles AS (
    SELECT a.id, a.title, a.text, ts_rank(a.search, query.q) AS rank
    FROM articles a, query WHERE a.search @@ query.q ORDER BY rank DESC, a.id LIMIT %s
),
top_claims AS (
    SELECT c.article_id, c.claim_id, c.text, ts_rank(c.search, query.q) AS rank
    FROM claims c, query WHERE c.search @@ query.q ORDER BY rank DESC, c.article_id, c.seq LIMIT %s
)
SELECT kind, article_id, claim_id, title, snippet FROM (
    SELECT 'article' AS kind, t.id AS article_id, NULL::text AS claim_id, t.title,
           ts_headline('english', coalesce(t.title, '') || ' ' || t.text, query.q,
                       'StartSel=[, StopSel=], MaxWords=24, MinWords=8') AS snippet, t.rank
    FROM top_articles t, query
    UNION ALL
    SELECT 'claim', t.article_id, t.claim_id, a.title,
           ts_headline('english', coalesce(t.text, ''), query.q, 'StartSel=[, StopSel=]'), t.rank
    FROM top_claims t JOIN articles a ON a.id = t.article_id, query
) hits ORDER BY rank DESC, article_id LIMIT %s
"""


class PostgresStore(SqlStore):
    dialect = "postgres"

    def __init__(self, url: str, *, read_only: bool = False) -> None:
        try:
            import psycopg
            from psycopg.rows import dict_row
        except ImportError as exc:
            raise KhabarError("E141") from exc
        self.url = redact(url)
        self.read_only = read_only
        try:
            self._conn = psycopg.connect(url, autocommit=True, row_factory=dict_row)
            if read_only:
                self._conn.execute("SET default_transaction_read_only = on")
        except psycopg.Error as exc:
            raise KhabarError("E140", url=self.url, detail=str(exc).strip()) from exc
        self._prepare()

    def close(self) -> None:
        self._conn.close()

    def _query(self, sql: str, values: Sequence[Any] = ()) -> list[Row]:
        with self._conn.cursor() as cursor:
            cursor.execute(_placeholders(sql), tuple(values))
            return cursor.fetchall() if cursor.description else []

    def _execute(self, sql: str, values: Sequence[Any] = ()) -> None:
        with self._conn.cursor() as cursor:
            cursor.execute(_placeholders(sql), tuple(values))

    def _execute_many(self, sql: str, rows: list[tuple[Any, ...]]) -> None:
        with self._conn.cursor() as cursor:
            cursor.executemany(_placeholders(sql), rows)

    def _run_script(self, sql: str) -> None:
        # with no parameters, one execute may hold several statements
        self._conn.execute(sql.encode("utf-8"))

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        with self._conn.transaction():
            yield

    def _lock(self, key: str) -> None:
        self._execute("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", (key,))

    def _has_table(self, name: str) -> bool:
        # to_regclass follows search_path, as the unqualified table names of the SQL do
        return self._query("SELECT to_regclass(?) IS NOT NULL AS found", (name,))[0]["found"]

    def _search_sql(self) -> str:
        return _SEARCH_SQL

    def _search_params(self, value: str, limit: int) -> tuple[object, ...]:
        return (value, limit, limit, limit)

    def _load_json(self, value: Any) -> Any:
        # psycopg has already decoded json columns
        return value


def _placeholders(sql: str) -> str:
    """The shared SQL's ``?`` placeholders as psycopg's ``%s`` (the shared SQL has no literal ? or %)."""
    return sql.replace("?", "%s")


def redact(url: str) -> str:
    """``url`` without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)

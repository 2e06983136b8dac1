"""The ``Store`` interface and the SQL both implementations share.

A store holds article ledgers: one ``articles`` row per article and rows in the child tables
for everything extracted from it (see ``migrations/``). Writes go through ``put`` and
``put_duplicate``, each one transaction: an article is stored whole or not at all, which is
what makes ``khabar ingest`` crash-safe. SQL is written once with ``?`` placeholders; the
dialects differ only in connections, transactions, JSON decoding, and full-text search.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, Protocol

from ..errors import KhabarError
from ..extractor_version import extractor_version as current_extractor_version
from ..model import Article, ArticleLedger, Event
from . import near_duplicates
from .filters import EventFilters, where_clause
from .migrations import migrations_of
from .rows import (
    ARTICLE_COLUMNS,
    CHILD_TABLES,
    SECTIONS,
    article_values,
    child_inserts,
    content_hash,
    iso,
    ledger_from_rows,
    now_utc,
)

if TYPE_CHECKING:
    from .ledger_events import LedgerEventRow, ReconcileSummary

#: what ``put`` did: stored a new article, replaced one whose text changed, re-coded one whose
#: text is the same (another extractor coded it, or ``force``), or nothing
PutAction = Literal["stored", "replaced", "recoded", "unchanged"]

Row = dict[str, Any]


@dataclass(frozen=True, slots=True)
class StoredState:
    """What the store holds under an article id, as ingest decides what to do with a text."""

    content_hash: str
    extractor_version: str | None  # None: a copy, or coded before versions were stored
    is_copy: bool  # an exact or near copy: its original's ledger stands for it
    superseded: bool  # the text asked about is one this id had before its current text


@dataclass(frozen=True, slots=True)
class EventRow:
    """One event as ``query_events`` lists it: the columns a table of events shows."""

    id: str  # ARTICLEID:e1
    article_id: str
    event_id: str
    event_type: str
    sub_event_type: str
    event_date: str | None
    date_precision: str | None
    actor1: str | None
    actor2: str | None
    location: str | None  # the first location's name
    country: str | None
    admin1: str | None
    fatalities_low: int | None
    fatalities_best: int | None
    fatalities_high: int | None
    injured_best: int | None
    disputed: bool
    status: str | None
    outlet: str | None
    title: str | None

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class SearchHit:
    """An article or a claim that matches a search; ``snippet`` marks the matches in [brackets]."""

    kind: Literal["article", "claim"]
    article_id: str
    claim_id: str | None
    title: str | None
    snippet: str

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}  # type: ignore[attr-defined]


class Store(Protocol):
    """What every ledger store does, whatever database is behind it."""

    url: str

    def put(
        self, ledger: ArticleLedger, *, force: bool = False, extractor_version: str | None = None
    ) -> PutAction: ...
    def put_duplicate(self, article: Article, *, of: str) -> PutAction: ...
    def has(self, article_id: str) -> bool: ...
    def stored_state(self, article_id: str, text_hash: str) -> StoredState | None: ...
    def coded_by(self, article_id: str) -> str | None: ...
    def count_stale(self, extractor_version: str | None = None) -> int: ...
    def stored_hash(self, article_id: str) -> str | None: ...
    def original_of(self, text_hash: str, *, besides: str) -> str | None: ...
    def get_ledger(self, article_id: str) -> ArticleLedger: ...
    def get_event(self, event_id: str) -> tuple[ArticleLedger, Event]: ...
    def iter_ledgers(self, filters: EventFilters | None = None) -> Iterator[ArticleLedger]: ...
    def query_events(
        self, filters: EventFilters | None = None, *, limit: int = 100, offset: int = 0
    ) -> list[EventRow]: ...
    def count_events(self, filters: EventFilters | None = None) -> int: ...
    def search(self, q: str, *, limit: int = 20) -> list[SearchHit]: ...
    def stats(self) -> dict[str, Any]: ...
    def close(self) -> None: ...


def split_event_id(event_id: str) -> tuple[str, str]:
    """('ARTICLEID', 'e1') of 'ARTICLEID:e1'; article ids may hold ':' themselves."""
    article_id, sep, local = event_id.rpartition(":")
    if not sep or not article_id or not local:
        raise KhabarError("E143", id=event_id)
    return article_id, local


_EVENT_SELECT = """
SELECT e.article_id, e.event_id, e.event_type, e.sub_event_type, e.event_date, e.date_precision,
       e.actor1, e.actor2, e.fatalities_low, e.fatalities_best, e.fatalities_high, e.injured_best,
       e.disputed, e.status, a.outlet, a.title,
       l.name AS location, l.country AS country, l.admin1 AS admin1
FROM article_events e
JOIN articles a ON a.id = e.article_id
LEFT JOIN event_locations l ON l.article_id = e.article_id AND l.event_id = e.event_id AND l.seq = 0
"""
#: undated events last, on both databases (SQLite sorts NULL first, PostgreSQL last)
_EVENT_ORDER = "ORDER BY e.event_date IS NULL, e.event_date, e.article_id, e.seq"


class SqlStore:
    """The store logic over a DB-API-like connection; subclasses supply the dialect."""

    dialect: str
    url: str
    read_only: bool = False

    # --- what a dialect provides -------------------------------------------------------

    def _query(self, sql: str, values: Sequence[Any] = ()) -> list[Row]:
        raise NotImplementedError

    def _execute(self, sql: str, values: Sequence[Any] = ()) -> None:
        raise NotImplementedError

    def _execute_many(self, sql: str, rows: list[tuple[Any, ...]]) -> None:
        raise NotImplementedError

    def _run_script(self, sql: str) -> None:
        raise NotImplementedError

    def _transaction(self) -> AbstractContextManager[None]:
        """A write transaction that holds the database's write lock from its start."""
        raise NotImplementedError

    def _lock(self, key: str) -> None:
        """Serialise writers of ``key`` within the current transaction (no-op where writes are serial)."""

    def _search_sql(self) -> str:
        raise NotImplementedError

    def _search_value(self, q: str) -> str | None:
        return q.strip() or None

    def _search_params(self, value: str, limit: int) -> tuple[object, ...]:
        """The values bound to ``_search_sql()``: the query (articles), the query (claims), the limit."""
        return (value, value, limit)

    def _load_json(self, value: Any) -> Any:
        return json.loads(value) if isinstance(value, str) else value

    def _dump_json(self, value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> SqlStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- migrations --------------------------------------------------------------------

    def _prepare(self) -> None:
        """Migrate a store opened for writing, check one opened for reading; close it if that fails."""
        try:
            if self.read_only:
                self.check_schema()
            else:
                self.migrate()
        except BaseException:
            self.close()
            raise

    def migrate(self) -> list[str]:
        """Run the migrations this store has not run yet, each in its own transaction; their names."""
        self._execute(
            "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
        ran: list[str] = []
        for migration in migrations_of(self.dialect):
            with self._transaction():
                self._lock("khabar migrations")
                # another process may have run it since we looked
                if self._query("SELECT 1 FROM migrations WHERE name = ?", (migration.name,)):
                    continue
                self._run_script(migration.sql)
                self._execute(
                    "INSERT INTO migrations (name, applied_at) VALUES (?, ?)", (migration.name, now_utc())
                )
                ran.append(migration.name)
        self._check_no_unknown_migrations()
        return ran

    def applied_migrations(self) -> list[str]:
        if not self._has_table("migrations"):
            return []
        return [row["name"] for row in self._query("SELECT name FROM migrations ORDER BY name")]

    def _check_no_unknown_migrations(self) -> None:
        known = {migration.name for migration in migrations_of(self.dialect)}
        unknown = sorted(set(self.applied_migrations()) - known)
        if unknown:
            raise KhabarError("E144", url=self.url, names=", ".join(unknown))

    def check_schema(self) -> None:
        """For a read-only store: every migration must have run (a writer runs them)."""
        self._check_no_unknown_migrations()
        pending = [m.name for m in migrations_of(self.dialect) if m.name not in self.applied_migrations()]
        if pending:
            raise KhabarError("E146", url=self.url, names=", ".join(pending))

    def _has_table(self, name: str) -> bool:
        raise NotImplementedError

    # --- writing -----------------------------------------------------------------------

    def put(
        self, ledger: ArticleLedger, *, force: bool = False, extractor_version: str | None = None
    ) -> PutAction:
        """Store ``ledger``, coded by ``extractor_version`` (default: this process's; ``UNKNOWN_EXTRACTOR``
        is stored as NULL), in one transaction.

        The same id with the same text coded by the same extractor is left as it is (unless
        ``force``); coded by another, it is re-coded; the same id with another text is
        replaced, children and all, and the old text's hash kept in ``article_versions``.
        """
        article = ledger.article
        data = ledger.to_dict()
        version = current_extractor_version() if extractor_version is None else extractor_version or None
        with self._transaction():
            self._lock(article.id)
            previous = self._article_state(article.id)
            same_text = previous is not None and previous["content_hash"] == content_hash(article.text)
            if same_text and not force and previous["extractor_version"] == version:  # type: ignore[index]
                return "unchanged"
            if previous is not None and not same_text:
                self._hand_over_duplicates(article.id)
            self._write_article(
                article, data, duplicate_of=None, previous=previous, extractor_version=version
            )
            for insert in child_inserts(ledger, data, dump=self._dump_json):
                if insert.rows:
                    self._execute_many(insert.sql, insert.rows)
            near_duplicates.index_original(self, article.id, article.text)
        if previous is None:
            return "stored"
        return "recoded" if same_text else "replaced"

    def put_duplicate(self, article: Article, *, of: str) -> PutAction:
        """Store ``article`` as an exact copy of article ``of``: no extraction of its own."""
        with self._transaction():
            self._lock(article.id)
            previous = self._article_state(article.id)
            if previous is not None and previous["content_hash"] == content_hash(article.text):
                return "unchanged"
            if previous is not None:
                self._hand_over_duplicates(article.id)
            self._write_article(article, article_dict(article), duplicate_of=of, previous=previous)
            near_duplicates.forget(self, article.id)
        return "stored" if previous is None else "replaced"

    def _article_state(self, article_id: str) -> Row | None:
        rows = self._query(
            "SELECT content_hash, duplicate_of, extractor_version FROM articles WHERE id = ?", (article_id,)
        )
        return rows[0] if rows else None

    def _write_article(
        self,
        article: Article,
        data: dict[str, Any],
        *,
        duplicate_of: str | None,
        previous: Row | None,
        extractor_version: str | None = None,
    ) -> None:
        """Write the ``articles`` row (``previous``: the row's state before, None for a new id)."""
        values = article_values(
            data, article, duplicate_of=duplicate_of, dump=self._dump_json,
            extractor_version=extractor_version,
        )  # fmt: skip
        if previous is not None:
            self._remember_superseded(article.id, old=previous["content_hash"], new=values[1])
            for table in CHILD_TABLES:
                self._execute(f"DELETE FROM {table} WHERE article_id = ?", (article.id,))
            assignments = ", ".join(f"{column} = ?" for column in ARTICLE_COLUMNS[1:])
            self._execute(f"UPDATE articles SET {assignments} WHERE id = ?", (*values[1:], article.id))
        else:
            marks = ", ".join("?" for _ in ARTICLE_COLUMNS)
            self._execute(f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}) VALUES ({marks})", values)

    def _remember_superseded(self, article_id: str, *, old: str, new: str) -> None:
        """Keep the hash of a text an id is losing, so that a rerun does not put it back; a text
        the id gets back (``--force``) is no longer superseded."""
        if old != new:
            self._execute(
                "INSERT INTO article_versions (article_id, content_hash, superseded_at) VALUES (?, ?, ?) "
                "ON CONFLICT DO NOTHING",
                (article_id, old, now_utc()),
            )
            self._execute(
                "DELETE FROM article_versions WHERE article_id = ? AND content_hash = ?", (article_id, new)
            )

    def _hand_over_duplicates(self, article_id: str) -> None:
        """Before an article's text changes, its copies keep the old text's ledger.

        The first copy becomes the original (it receives the ledger, rebuilt under its own
        article), and the other copies now point to it.
        """
        copies = self._query("SELECT id FROM articles WHERE duplicate_of = ? ORDER BY id", (article_id,))
        if not copies:
            return
        heir = copies[0]["id"]
        old = self.get_ledger(article_id)
        heir_ledger = self.get_ledger(heir)
        old.article = heir_ledger.article
        self._execute("UPDATE articles SET duplicate_of = NULL WHERE id = ?", (heir,))
        self._execute("UPDATE articles SET duplicate_of = ? WHERE duplicate_of = ?", (heir, article_id))
        for insert in child_inserts(old, old.to_dict(), dump=self._dump_json):
            if insert.rows:
                self._execute_many(insert.sql, insert.rows)
        near_duplicates.index_original(self, heir, old.article.text)

    # --- reading -----------------------------------------------------------------------

    def has(self, article_id: str) -> bool:
        return self._article_state(article_id) is not None

    def stored_state(self, article_id: str, text_hash: str) -> StoredState | None:
        """What is stored under ``article_id`` (None: nothing), and whether ``text_hash`` is a
        text it had before (one query: ingest asks this of every article it reads)."""
        rows = self._query(
            "SELECT a.content_hash, a.extractor_version, a.duplicate_of IS NOT NULL AS exact_copy, "
            "EXISTS (SELECT 1 FROM near_duplicates n WHERE n.article_id = a.id) AS near_copy, "
            "EXISTS (SELECT 1 FROM article_versions v WHERE v.article_id = a.id AND v.content_hash = ?) "
            "AS superseded FROM articles a WHERE a.id = ?",
            (text_hash, article_id),
        )
        if not rows:
            return None
        row = rows[0]
        return StoredState(
            content_hash=row["content_hash"],
            extractor_version=row["extractor_version"],
            is_copy=bool(row["exact_copy"]) or bool(row["near_copy"]),
            superseded=bool(row["superseded"]),
        )

    def coded_by(self, article_id: str) -> str | None:
        """The extractor version that coded article ``article_id`` (None: unknown, or a copy)."""
        state = self._article_state(article_id)
        return state["extractor_version"] if state else None

    def stored_hash(self, article_id: str) -> str | None:
        """The content hash of the stored article ``article_id``, or None when there is none."""
        state = self._article_state(article_id)
        return state["content_hash"] if state else None

    def original_of(self, text_hash: str, *, besides: str) -> str | None:
        """The id of a stored original (not itself a copy) with this text, other than ``besides``."""
        rows = self._query(
            "SELECT id FROM articles WHERE content_hash = ? AND duplicate_of IS NULL AND id <> ? "
            "ORDER BY id LIMIT 1",
            (text_hash, besides),
        )
        return rows[0]["id"] if rows else None

    def get_ledger(self, article_id: str) -> ArticleLedger:
        rows = self._query("SELECT * FROM articles WHERE id = ?", (article_id,))
        if not rows:
            raise KhabarError("E142", id=article_id)
        sections = {
            name: [self._load_json(row["data"]) for row in self._query(
                f"SELECT data FROM {table} WHERE article_id = ? ORDER BY seq", (article_id,)
            )]
            for name, table in zip(SECTIONS, _SECTION_TABLES, strict=True)
        }  # fmt: skip
        return ledger_from_rows(rows[0], sections, load=self._load_json)

    def get_event(self, event_id: str) -> tuple[ArticleLedger, Event]:
        """The event 'ARTICLEID:e1' and the ledger of its article (for its claims and text)."""
        article_id, local = split_event_id(event_id)
        if not self._query(
            "SELECT 1 FROM article_events WHERE article_id = ? AND event_id = ?", (article_id, local)
        ):
            raise KhabarError("E143", id=event_id)
        ledger = self.get_ledger(article_id)
        event = next(event for event in ledger.events if event.id == local)
        return ledger, event

    def iter_ledgers(self, filters: EventFilters | None = None) -> Iterator[ArticleLedger]:
        """Every original article's ledger, by id; with filters, only articles with a matching
        event, and in each only the matching events."""
        if filters is None or filters.is_empty():
            ids = self._query("SELECT id FROM articles WHERE duplicate_of IS NULL ORDER BY id")
            for row in ids:
                yield self.get_ledger(row["id"])
            return
        where, values = where_clause(filters)
        matches = self._query(
            f"SELECT e.article_id, e.event_id FROM article_events e JOIN articles a ON a.id = e.article_id "
            f"{where} ORDER BY e.article_id, e.seq",
            values,
        )
        by_article: dict[str, set[str]] = {}
        for row in matches:
            by_article.setdefault(row["article_id"], set()).add(row["event_id"])
        for article_id, event_ids in by_article.items():
            ledger = self.get_ledger(article_id)
            ledger.events = [event for event in ledger.events if event.id in event_ids]
            yield ledger

    def query_events(
        self, filters: EventFilters | None = None, *, limit: int = 100, offset: int = 0
    ) -> list[EventRow]:
        where, values = where_clause(filters or EventFilters())
        rows = self._query(
            f"{_EVENT_SELECT} {where} {_EVENT_ORDER} LIMIT ? OFFSET ?", (*values, limit, offset)
        )
        return [_event_row(row) for row in rows]

    def count_events(self, filters: EventFilters | None = None) -> int:
        where, values = where_clause(filters or EventFilters())
        rows = self._query(
            f"SELECT count(*) AS n FROM article_events e JOIN articles a ON a.id = e.article_id {where}",
            values,
        )
        return int(rows[0]["n"])

    def search(self, q: str, *, limit: int = 20) -> list[SearchHit]:
        """Articles (title, text) and claims (evidence text) that match the words of ``q``."""
        value = self._search_value(q)
        if value is None:
            return []
        rows = self._query(self._search_sql(), self._search_params(value, limit))
        return [
            SearchHit(kind=row["kind"], article_id=row["article_id"], claim_id=row["claim_id"],
                      title=row["title"], snippet=row["snippet"] or "")
            for row in rows
        ]  # fmt: skip

    def stats(self) -> dict[str, Any]:
        """Counts of what the store holds, for ``khabar query --stats`` and the web UI."""
        counts = {
            table: int(self._query(f"SELECT count(*) AS n FROM {table}")[0]["n"])
            for table in ("articles", "article_events", "event_locations", "claims", "framing", "places")
        }
        duplicates = self._query("SELECT count(*) AS n FROM articles WHERE duplicate_of IS NOT NULL")[0]["n"]
        span = self._query("SELECT min(event_date) AS first, max(event_date) AS last FROM article_events")[0]
        by_type = self._query(
            "SELECT event_type, count(*) AS n FROM article_events "
            "GROUP BY event_type ORDER BY count(*) DESC, event_type"
        )
        outlets = self._query("SELECT count(DISTINCT outlet) AS n FROM articles")[0]["n"]
        coded_by = self._query(
            f"SELECT a.extractor_version, count(*) AS n FROM articles a WHERE {_ORIGINAL} "
            "GROUP BY a.extractor_version ORDER BY count(*) DESC, a.extractor_version"
        )
        return {
            "articles": counts["articles"],
            "duplicates": int(duplicates),
            "events": counts["article_events"],
            "event_locations": counts["event_locations"],
            "claims": counts["claims"],
            "framing": counts["framing"],
            "places": counts["places"],
            "outlets": int(outlets),
            "first_event_date": iso(span["first"]),
            "last_event_date": iso(span["last"]),
            "events_by_type": {row["event_type"]: int(row["n"]) for row in by_type},
            # originals by the extractor that coded them ("unknown": stored before versions were)
            "coded_by": {row["extractor_version"] or "unknown": int(row["n"]) for row in coded_by},
            "migrations": self.applied_migrations(),
        }

    def count_stale(self, extractor_version: str | None = None) -> int:
        """Originals coded by another extractor than ``extractor_version`` (default: this
        process's), or by an unknown one: what ``khabar ingest`` would re-code."""
        version = extractor_version or current_extractor_version()
        rows = self._query(
            f"SELECT count(*) AS n FROM articles a WHERE {_ORIGINAL} "
            "AND (a.extractor_version IS NULL OR a.extractor_version <> ?)",
            (version,),
        )
        return int(rows[0]["n"])

    # --- reconciled ledger events (the work is in ledger_events.py) ------------------------

    def reconcile(self) -> ReconcileSummary:
        """Reconcile every stored article event into ledger events and write them (idempotent)."""
        from .ledger_events import reconcile_store

        return reconcile_store(self)

    def get_ledger_event(self, ledger_event_id: str) -> dict[str, Any]:
        """A ledger event 'L-...' as ``LedgerEvent.to_dict()``, with ``member_articles``."""
        from .ledger_events import get_ledger_event

        return get_ledger_event(self, ledger_event_id)

    def query_ledger_events(
        self, filters: EventFilters | None = None, *, limit: int = 100, offset: int = 0, min_articles: int = 1
    ) -> list[LedgerEventRow]:
        from .ledger_events import query_ledger_events

        return query_ledger_events(self, filters, limit=limit, offset=offset, min_articles=min_articles)

    def count_ledger_events(self, filters: EventFilters | None = None, *, min_articles: int = 1) -> int:
        from .ledger_events import count_ledger_events

        return count_ledger_events(self, filters, min_articles=min_articles)

    def ledger_event_of(self, event_id: str) -> str | None:
        """The ledger event that article event 'ARTICLEID:e1' belongs to, or None."""
        from .ledger_events import ledger_event_of

        return ledger_event_of(self, *split_event_id(event_id))


#: an extracted article: neither an exact copy nor a near copy (those have no coding of their own)
_ORIGINAL = (
    "a.duplicate_of IS NULL AND NOT EXISTS (SELECT 1 FROM near_duplicates n WHERE n.article_id = a.id)"
)

_SECTION_TABLES = ("article_events", "claims", "revisions", "contradictions", "framing", "places")


def article_dict(article: Article) -> dict[str, Any]:
    """The ledger dict of an article with nothing extracted (a copy's own row)."""
    return {"article": article.to_dict(), **{name: [] for name in SECTIONS}}


def _event_row(row: Row) -> EventRow:
    return EventRow(
        id=f"{row['article_id']}:{row['event_id']}",
        article_id=row["article_id"],
        event_id=row["event_id"],
        event_type=row["event_type"],
        sub_event_type=row["sub_event_type"],
        event_date=iso(row["event_date"]),
        date_precision=row["date_precision"],
        actor1=row["actor1"],
        actor2=row["actor2"],
        location=row["location"],
        country=row["country"],
        admin1=row["admin1"],
        fatalities_low=row["fatalities_low"],
        fatalities_best=row["fatalities_best"],
        fatalities_high=row["fatalities_high"],
        injured_best=row["injured_best"],
        disputed=bool(row["disputed"]),
        status=row["status"],
        outlet=row["outlet"],
        title=row["title"],
    )

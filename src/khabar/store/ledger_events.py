"""Reconciled ledger events in the store: read the article events out, write the ledger events back.

``reconcile_store(store)`` is what ``khabar reconcile`` runs:

1. **Read** every original article's events with their claims, a page of articles at a time
   (``iter_event_refs``); article texts are never read, so memory holds the events and claims
   only, which is what clustering needs anyway.
2. **Reconcile** them (``khabar.reconcile.reconcile``: blocked, O(n log n)).
3. **Write** the ledger events and their members in one transaction (``put_ledger_events``):
   an event whose JSON (by its sha256, ``data_hash``) and members are unchanged is left as it
   is, a changed one is rewritten, one that no longer exists is deleted. A crash leaves the
   previous reconciliation whole, and a re-run on an unchanged store writes nothing.

Ledger event ids (``L-`` and a hash of the earliest member, see ``reconcile/ledger.py``) are
stable across runs. The tables are those of migrations 0002 and 0005.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import KhabarError
from ..model import Claim, Event, Location
from ..reconcile import ArticleEventRef, LedgerEvent, reconcile
from ..reconcile.config import LinkingConfig
from ..reconcile.model import article_place, claims_about
from .filters import EventFilters, _like_pattern
from .rows import iso, now_utc

if TYPE_CHECKING:
    from .base import SqlStore

#: articles read per query when streaming the article events out of the store
ARTICLES_PER_PAGE = 500
#: rows written per executemany
WRITE_BATCH = 1000
#: the lock name that serialises two reconciliations of one store
RECONCILE_LOCK = "khabar reconcile"

_LEDGER_COLUMNS = (
    "id", "event_type", "sub_event_type", "event_date", "date_end", "date_precision", "country",
    "admin1", "location", "lat", "lon", "actor1", "actor2", "fatalities_low", "fatalities_best",
    "fatalities_high", "injured_low", "injured_best", "injured_high", "disputed", "n_articles",
    "n_outlets", "updated_at", "data", "data_hash",
)  # fmt: skip
_MEMBER_COLUMNS = ("ledger_event_id", "article_id", "event_id", "seq", "claims")


# --- reading the article events ------------------------------------------------------------


def iter_event_refs(store: SqlStore, *, page: int = ARTICLES_PER_PAGE) -> Iterator[ArticleEventRef]:
    """Every event of every original article (copies have none), with its claims and the place its
    article names most often, by article id."""
    last = ""
    while True:
        articles = store._query(
            "SELECT id, outlet, published FROM articles WHERE duplicate_of IS NULL AND id > ? "
            "ORDER BY id LIMIT ?",
            (last, page),
        )
        if not articles:
            return
        ids = [row["id"] for row in articles]
        events = _sections(store, "article_events", ids)
        claims = _sections(store, "claims", ids)
        places = _sections(store, "places", ids)
        for row in articles:
            place = article_place(places.get(row["id"], []))
            yield from _refs_of_article(row, events.get(row["id"], []), claims.get(row["id"], []), place)
        last = ids[-1]


def _sections(store: SqlStore, table: str, ids: list[str]) -> dict[str, list[Any]]:
    """article id -> the decoded ``data`` of its rows of ``table``, in ``seq`` order."""
    marks = ", ".join("?" for _ in ids)
    rows = store._query(
        f"SELECT article_id, data FROM {table} WHERE article_id IN ({marks}) ORDER BY article_id, seq", ids
    )
    found: dict[str, list[Any]] = {}
    for row in rows:
        found.setdefault(row["article_id"], []).append(store._load_json(row["data"]))
    return found


def _refs_of_article(
    article: dict[str, Any],
    events: list[dict[str, Any]],
    claims: list[dict[str, Any]],
    place: Location | None = None,
) -> Iterator[ArticleEventRef]:
    published = iso(article["published"])
    all_claims = [Claim.from_dict(data) for data in claims]
    for data in events:
        event = Event.from_dict(data)
        yield ArticleEventRef(
            article_id=article["id"],
            outlet=article["outlet"],
            published=dt.date.fromisoformat(published) if published else None,
            event=event,
            claims=tuple(claims_about(event, all_claims)),
            article_place=place,
        )


# --- writing the ledger events -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReconcileSummary:
    """What one reconciliation did to the store."""

    article_events: int
    ledger_events: int
    written: int  # new or changed
    unchanged: int
    removed: int

    def to_dict(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in self.__slots__}  # type: ignore[attr-defined]


def reconcile_store(store: SqlStore, *, config: LinkingConfig | None = None) -> ReconcileSummary:
    """Reconcile every article event of the store and write the ledger events (see the module doc)."""
    refs = list(iter_event_refs(store))
    events = reconcile(refs, config=config)
    return put_ledger_events(store, events, article_events=len(refs))


def put_ledger_events(
    store: SqlStore, events: Iterable[LedgerEvent], *, article_events: int = 0
) -> ReconcileSummary:
    """Make the store's ledger events exactly ``events``, in one transaction."""
    try:
        with store._transaction():
            store._lock(RECONCILE_LOCK)
            return _replace_all(store, events, article_events)
    except KhabarError:
        raise
    except Exception as exc:  # the driver's own error types differ by database
        raise KhabarError("E222", url=store.url, detail=f"{type(exc).__name__}: {exc}") from exc


def _replace_all(store: SqlStore, events: Iterable[LedgerEvent], article_events: int) -> ReconcileSummary:
    existing = {
        row["id"]: (row["data_hash"], int(row["n"]))
        for row in store._query(
            "SELECT le.id, le.data_hash, count(m.ledger_event_id) AS n FROM ledger_events le "
            "LEFT JOIN ledger_event_members m ON m.ledger_event_id = le.id GROUP BY le.id, le.data_hash"
        )
    }
    seen: set[str] = set()
    stale: list[tuple[str]] = []
    ledger_rows: list[tuple[Any, ...]] = []
    member_rows: list[tuple[Any, ...]] = []
    updated_at = now_utc()
    for event in events:
        seen.add(event.id)
        data = event.to_dict()
        dumped = json.dumps(data, ensure_ascii=False, sort_keys=True)
        data_hash = hashlib.sha256(dumped.encode("utf-8")).hexdigest()
        # members vanish with their article when it is re-ingested: the hash alone would miss it
        if existing.get(event.id) == (data_hash, len(event.members)):
            continue
        if event.id in existing:
            stale.append((event.id,))
        ledger_rows.append(_ledger_row(event, data, data_hash, updated_at, store))
        member_rows.extend(_member_rows(event, store))
    removed = [(ledger_id,) for ledger_id in existing if ledger_id not in seen]
    _delete(store, stale + removed)
    _insert(store, "ledger_events", _LEDGER_COLUMNS, ledger_rows)
    _insert(store, "ledger_event_members", _MEMBER_COLUMNS, member_rows)
    return ReconcileSummary(
        article_events=article_events,
        ledger_events=len(seen),
        written=len(ledger_rows),
        unchanged=len(seen) - len(ledger_rows),
        removed=len(removed),
    )


def _ledger_row(
    event: LedgerEvent, data: dict[str, Any], data_hash: str, updated_at: str, store: SqlStore
) -> tuple[Any, ...]:
    location = event.location
    return (
        event.id, event.event_type, event.sub_event_type, _date(event.date_start), _date(event.date_end),
        event.date_precision, location.country if location else None, location.admin1 if location else None,
        location.name if location else None, location.lat if location else None,
        location.lon if location else None, event.actor1.name, event.actor2.name,
        event.fatalities.low, event.fatalities.best, event.fatalities.high,
        event.injured.low, event.injured.best, event.injured.high, bool(event.disputed),
        len(event.articles), len(event.outlets), updated_at, store._dump_json(data), data_hash,
    )  # fmt: skip


def _member_rows(event: LedgerEvent, store: SqlStore) -> Iterator[tuple[Any, ...]]:
    for seq, key in enumerate(event.members):
        article_id, _, event_id = key.rpartition("#")  # event ids never hold '#'
        claims = store._dump_json(event.member_claims.get(key, []))
        yield (event.id, article_id, event_id, seq, claims)


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _delete(store: SqlStore, ids: list[tuple[str]]) -> None:
    for start in range(0, len(ids), WRITE_BATCH):
        chunk = ids[start : start + WRITE_BATCH]
        store._execute_many("DELETE FROM ledger_event_members WHERE ledger_event_id = ?", chunk)
        store._execute_many("DELETE FROM ledger_events WHERE id = ?", chunk)


def _insert(store: SqlStore, table: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    marks = ", ".join("?" for _ in columns)
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"
    for start in range(0, len(rows), WRITE_BATCH):
        store._execute_many(sql, rows[start : start + WRITE_BATCH])


# --- reading the ledger events -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LedgerEventRow:
    """One ledger event as a listing shows it."""

    id: str
    event_type: str
    sub_event_type: str
    date_start: str | None
    date_end: str | None
    location: str | None
    admin1: str | None
    country: str | None
    actor1: str | None
    actor2: str | None
    fatalities_low: int | None
    fatalities_best: int | None
    fatalities_high: int | None
    injured_best: int | None
    disputed: bool
    articles: int
    outlets: int

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}  # type: ignore[attr-defined]


_LEDGER_SELECT = """
SELECT le.id, le.event_type, le.sub_event_type, le.event_date, le.date_end, le.location, le.admin1,
       le.country, le.actor1, le.actor2, le.fatalities_low, le.fatalities_best, le.fatalities_high,
       le.injured_best, le.disputed, le.n_articles, le.n_outlets
FROM ledger_events le
"""
#: undated last on both databases, as the article-event listing
_LEDGER_ORDER = "ORDER BY le.event_date IS NULL, le.event_date, le.id"
_MEMBER_MATCH = (
    "EXISTS (SELECT 1 FROM ledger_event_members m JOIN articles a ON a.id = m.article_id "
    "WHERE m.ledger_event_id = le.id AND {condition})"
)


def ledger_where(filters: EventFilters, *, min_articles: int = 1) -> tuple[str, list[object]]:
    """``WHERE ...`` over ``ledger_events le`` for the event filters that apply to ledger events."""
    if filters.status is not None:
        raise KhabarError("E221", name="status")
    conditions: list[str] = []
    values: list[object] = []

    def add(condition: str, *bound: object) -> None:
        conditions.append(condition)
        values.extend(bound)

    # a ledger event spans days: it matches a window it overlaps
    if filters.since is not None:
        add("coalesce(le.date_end, le.event_date) >= ?", filters.since.isoformat())
    if filters.until is not None:
        add("le.event_date <= ?", filters.until.isoformat())
    if filters.country is not None:
        add("upper(le.country) = upper(?)", filters.country)
    if filters.admin1 is not None:
        add("lower(le.admin1) = lower(?)", filters.admin1)
    if filters.event_type is not None:
        add("lower(le.event_type) = lower(?)", filters.event_type)
    if filters.sub_event_type is not None:
        add("lower(le.sub_event_type) = lower(?)", filters.sub_event_type)
    if filters.actor is not None:
        pattern = _like_pattern(filters.actor)
        add("(lower(le.actor1) LIKE ? ESCAPE '\\' OR lower(le.actor2) LIKE ? ESCAPE '\\')", pattern, pattern)
    if filters.outlet is not None:
        add(_MEMBER_MATCH.format(condition="lower(a.outlet) = lower(?)"), filters.outlet)
    if filters.article_id is not None:
        add(_MEMBER_MATCH.format(condition="m.article_id = ?"), filters.article_id)
    if filters.disputed is not None:
        add("le.disputed = ?", filters.disputed)
    if min_articles > 1:
        add("le.n_articles >= ?", min_articles)
    return ("WHERE " + " AND ".join(conditions) if conditions else ""), values


def query_ledger_events(
    store: SqlStore,
    filters: EventFilters | None = None,
    *,
    limit: int = 100,
    offset: int = 0,
    min_articles: int = 1,
) -> list[LedgerEventRow]:
    where, values = ledger_where(filters or EventFilters(), min_articles=min_articles)
    sql = f"{_LEDGER_SELECT} {where} {_LEDGER_ORDER} LIMIT ? OFFSET ?"
    rows = store._query(sql, (*values, limit, offset))
    return [_listing_row(row) for row in rows]


def count_ledger_events(
    store: SqlStore, filters: EventFilters | None = None, *, min_articles: int = 1
) -> int:
    where, values = ledger_where(filters or EventFilters(), min_articles=min_articles)
    return int(store._query(f"SELECT count(*) AS n FROM ledger_events le {where}", values)[0]["n"])


def iter_ledger_event_data(
    store: SqlStore, filters: EventFilters | None = None, *, min_articles: int = 1, page: int = 500
) -> Iterator[dict[str, Any]]:
    """Every matching ledger event as ``LedgerEvent.to_dict()`` gave it, in listing order, a page
    of ``page`` events at a time (for exports)."""
    where, values = ledger_where(filters or EventFilters(), min_articles=min_articles)
    sql = f"SELECT le.data FROM ledger_events le {where} {_LEDGER_ORDER} LIMIT ? OFFSET ?"
    offset = 0
    while rows := store._query(sql, (*values, page, offset)):
        for row in rows:
            yield store._load_json(row["data"])
        offset += len(rows)


def _listing_row(row: dict[str, Any]) -> LedgerEventRow:
    return LedgerEventRow(
        id=row["id"],
        event_type=row["event_type"],
        sub_event_type=row["sub_event_type"],
        date_start=iso(row["event_date"]),
        date_end=iso(row["date_end"]),
        location=row["location"],
        admin1=row["admin1"],
        country=row["country"],
        actor1=row["actor1"],
        actor2=row["actor2"],
        fatalities_low=row["fatalities_low"],
        fatalities_best=row["fatalities_best"],
        fatalities_high=row["fatalities_high"],
        injured_best=row["injured_best"],
        disputed=bool(row["disputed"]),
        articles=int(row["n_articles"]),
        outlets=int(row["n_outlets"]),
    )


def get_ledger_event(store: SqlStore, ledger_event_id: str) -> dict[str, Any]:
    """The ledger event as ``LedgerEvent.to_dict()`` gave it, plus ``updated_at`` and
    ``member_articles``: each member's article id, event id, outlet, published, title, claims."""
    rows = store._query("SELECT data, updated_at FROM ledger_events WHERE id = ?", (ledger_event_id,))
    if not rows:
        raise KhabarError("E220", id=ledger_event_id)
    data = store._load_json(rows[0]["data"])
    data["updated_at"] = str(rows[0]["updated_at"])
    members = store._query(
        "SELECT m.article_id, m.event_id, m.claims, a.outlet, a.published, a.title "
        "FROM ledger_event_members m LEFT JOIN articles a ON a.id = m.article_id "
        "WHERE m.ledger_event_id = ? ORDER BY m.seq",
        (ledger_event_id,),
    )
    data["member_articles"] = [
        {
            "article_id": row["article_id"],
            "event_id": row["event_id"],
            "outlet": row["outlet"],
            "published": iso(row["published"]),
            "title": row["title"],
            "claims": store._load_json(row["claims"]) if row["claims"] is not None else [],
        }
        for row in members
    ]
    return data


def ledger_event_of(store: SqlStore, article_id: str, event_id: str) -> str | None:
    """The id of the ledger event that article event ``ARTICLE:e1`` belongs to (None before reconciling)."""
    rows = store._query(
        "SELECT ledger_event_id FROM ledger_event_members WHERE article_id = ? AND event_id = ? "
        "ORDER BY ledger_event_id LIMIT 1",
        (article_id, event_id),
    )
    return rows[0]["ledger_event_id"] if rows else None


def is_ledger_event_id(value: str) -> bool:
    """Ledger event ids are ``L-<hex>``; article event ids always hold a ':'."""
    return value.startswith("L-") and ":" not in value

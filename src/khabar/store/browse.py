"""Read-only queries for browsing a store (the web app's map, timeline and outlet pages).

Small functions over any ``SqlStore``, beside its interface rather than in it: the same
bound-value SQL runs on SQLite and PostgreSQL, and the filters are ``where_clause``'s.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from .base import _EVENT_ORDER, _EVENT_SELECT, EventRow, SqlStore, _event_row
from .filters import EventFilters, where_clause
from .rows import iso


@dataclass(frozen=True, slots=True)
class BoundingBox:
    """West, south, east, north in degrees; a box across the antimeridian has west > east."""

    west: float
    south: float
    east: float
    north: float


@dataclass(frozen=True, slots=True)
class EventPoint:
    """One located event as the map draws it."""

    id: str
    event_type: str
    sub_event_type: str
    event_date: str | None
    fatalities: int | None
    location: str | None
    lat: float
    lon: float

    def to_feature(self) -> dict[str, Any]:
        properties = {
            name: getattr(self, name)
            for name in ("id", "event_type", "sub_event_type", "event_date", "fatalities", "location")
        }
        return {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [self.lon, self.lat]},
            "properties": properties,
        }  # fmt: skip


def _and(where: str, condition: str) -> str:
    return f"{where} AND {condition}" if where else f"WHERE {condition}"


#: the most events a browse count counts: beyond it, the total is given as "at least"
COUNT_CAP = 10_000
#: the most located events the map's count counts (it shows "20,000+" beyond)
MAP_COUNT_CAP = 20_000
#: the cap when a filter must read every event (a substring of an actor's name: no index helps)
SCAN_COUNT_CAP = 2_000

#: the location filters, as conditions over ``event_locations l`` (the same as ``where_clause``'s)
_LOCATION_CONDITIONS = {"country": "upper(l.country) = upper(?)", "admin1": "lower(l.admin1) = lower(?)"}


def browse_where(filters: EventFilters) -> tuple[str, str, list[object]]:
    """(FROM, WHERE, values) selecting the events of ``filters`` from ``article_events e``.

    The conditions are ``where_clause``'s, with two changes that matter on a large store: the
    articles table is joined only when a filter needs it (the outlet), and a location filter
    is a semi-join ``(e.article_id, e.event_id) IN (...)`` that reads the matching events from
    the location index instead of testing every event with a correlated EXISTS.
    """
    where, values = where_clause(replace(filters, country=None, admin1=None))
    for name, condition in _LOCATION_CONDITIONS.items():
        value = getattr(filters, name)
        if value is not None:
            where = _and(
                where,
                f"(e.article_id, e.event_id) IN "
                f"(SELECT l.article_id, l.event_id FROM event_locations l WHERE {condition})",
            )
            values.append(value)
    source = "article_events e"
    if filters.outlet is not None:  # the only filter on the article (where_clause's `a.outlet`)
        source += " JOIN articles a ON a.id = e.article_id"
    return source, where, values


def count_events_capped(store: SqlStore, filters: EventFilters, *, cap: int = COUNT_CAP) -> tuple[int, bool]:
    """How many events match ``filters``, counted up to ``cap`` (``SCAN_COUNT_CAP`` with an actor
    filter); and whether that count is exact.

    Counting stops at ``cap`` so that a broad filter on a large store answers as fast as a narrow
    one (Datasette bounds its counts the same way); pages say "10,000+" then.
    """
    if filters.actor is not None:
        cap = min(cap, SCAN_COUNT_CAP)
    source, where, values = browse_where(filters)
    rows = store._query(f"SELECT count(*) AS n FROM (SELECT 1 FROM {source} {where} LIMIT ?) capped",
                        (*values, cap + 1))  # fmt: skip
    n = int(rows[0]["n"])
    return min(n, cap), n <= cap


def page_of_events(store: SqlStore, filters: EventFilters, *, limit: int, offset: int) -> list[EventRow]:
    """``store.query_events(filters, limit=limit, offset=offset)``, read as a deferred join.

    The page's keys come first, from the listing index alone (a deep offset skips index
    entries, not joined rows); then only those events are read with their article and place.
    """
    where, values = where_clause(filters)
    source = "article_events e"
    if filters.outlet is not None:  # the only filter on the article (where_clause's `a.outlet`)
        source += " JOIN articles a ON a.id = e.article_id"
    keys = store._query(
        f"SELECT e.article_id, e.event_id FROM {source} {where} {_EVENT_ORDER} LIMIT ? OFFSET ?",
        (*values, limit, offset),
    )
    if not keys:
        return []
    # an OR of primary keys: both databases look each one up (SQLite scans for IN (VALUES ...))
    matches = " OR ".join("(e.article_id = ? AND e.event_id = ?)" for _ in keys)
    rows = store._query(
        f"{_EVENT_SELECT} WHERE {matches}",
        [value for key in keys for value in (key["article_id"], key["event_id"])],
    )
    by_key = {(row["article_id"], row["event_id"]): row for row in rows}
    return [_event_row(by_key[(key["article_id"], key["event_id"])]) for key in keys]


def _located(where: str, values: list[object], bbox: BoundingBox | None, *, indexed: bool) -> str:
    """``where`` narrowed to located events (in ``bbox``); ``indexed=False`` writes the box as
    ``+l.lat`` (a no-op in SQL, which tells SQLite not to drive the query from the coordinates)."""
    where = _and(where, "l.lat IS NOT NULL AND l.lon IS NOT NULL")
    if bbox is None:
        return where
    plus = "" if indexed else "+"
    where = _and(where, f"{plus}l.lat BETWEEN ? AND ?")
    values.extend((bbox.south, bbox.north))
    if bbox.west <= bbox.east:
        where = _and(where, f"{plus}l.lon BETWEEN ? AND ?")
    else:
        where = _and(where, f"({plus}l.lon >= ? OR {plus}l.lon <= ?)")
    values.extend((bbox.west, bbox.east))
    return where


_POINT_COLUMNS = (
    "e.article_id, e.event_id, e.event_type, e.sub_event_type, e.event_date, e.fatalities_best, "
    "l.name, l.lat, l.lon"
)
_LOCATIONS_JOIN = "JOIN event_locations l ON l.article_id = e.article_id AND l.event_id = e.event_id"


def event_points(
    store: SqlStore, filters: EventFilters, *, bbox: BoundingBox | None = None, limit: int = 5000
) -> tuple[list[EventPoint], int, bool]:
    """The located events matching ``filters`` (one point per event location), at most ``limit``;
    how many there are (counted up to ``MAP_COUNT_CAP``), and whether that count is exact.

    When all of them fit, they are read in whatever order the indexes serve best; when they do
    not, the newest ``limit`` are read by walking the listing index backwards (undated first),
    which stops at the limit instead of sorting every match.
    """
    source, where, values = browse_where(filters)
    where = _located(where, values, bbox, indexed=True)
    located = f"FROM {source} {_LOCATIONS_JOIN} {where}"
    rows = store._query(f"SELECT {_POINT_COLUMNS} {located} LIMIT ?", (*values, limit + 1))
    total, cap = len(rows), max(limit, MAP_COUNT_CAP)
    if total > limit:  # they do not all fit: count them (up to the cap), read the newest
        counted = store._query(
            f"SELECT count(*) AS n FROM (SELECT 1 {located} LIMIT ?) capped", (*values, cap + 1)
        )
        total = int(counted[0]["n"])
        ordered_where, ordered_values = where_clause(filters)
        ordered_where = _located(ordered_where, ordered_values, bbox, indexed=False)
        outlet_join = " JOIN articles a ON a.id = e.article_id" if filters.outlet is not None else ""
        rows = store._query(
            f"SELECT {_POINT_COLUMNS} FROM article_events e{outlet_join} {_LOCATIONS_JOIN} {ordered_where} "
            "ORDER BY e.event_date IS NULL DESC, e.event_date DESC, e.article_id DESC, e.seq DESC LIMIT ?",
            (*ordered_values, limit),
        )
    points = [
        EventPoint(
            id=f"{row['article_id']}:{row['event_id']}", event_type=row["event_type"],
            sub_event_type=row["sub_event_type"], event_date=iso(row["event_date"]),
            fatalities=row["fatalities_best"], location=row["name"], lat=float(row["lat"]),
            lon=float(row["lon"]),
        )
        for row in rows
    ]  # fmt: skip
    return points, min(total, cap), total <= cap


def events_by_date(store: SqlStore, filters: EventFilters) -> list[tuple[str, int, int]]:
    """(date, events, best fatalities) per event date of the matching events, in date order."""
    source, where, values = browse_where(filters)
    where = _and(where, "e.event_date IS NOT NULL")
    rows = store._query(
        "SELECT e.event_date AS day, count(*) AS n, sum(coalesce(e.fatalities_best, 0)) AS killed "
        f"FROM {source} {where} "
        "GROUP BY e.event_date ORDER BY e.event_date",
        values,
    )
    return [(str(iso(row["day"])), int(row["n"]), int(row["killed"] or 0)) for row in rows]


def outlet_article_ids(store: SqlStore, outlet: str, *, limit: int = 500) -> list[str]:
    """Ids of the original (not duplicate) articles of ``outlet`` (case ignored), newest first."""
    rows = store._query(
        "SELECT id FROM articles WHERE lower(outlet) = lower(?) AND duplicate_of IS NULL "
        "ORDER BY published DESC, id LIMIT ?",
        (outlet, limit),
    )
    return [row["id"] for row in rows]


def outlet_names(store: SqlStore, *, limit: int = 200) -> list[tuple[str, int]]:
    """(outlet, articles) for the outlets in the store, the largest first."""
    rows = store._query(
        "SELECT outlet, count(*) AS n FROM articles WHERE outlet IS NOT NULL "
        "GROUP BY outlet ORDER BY count(*) DESC, outlet LIMIT ?",
        (limit,),
    )
    return [(row["outlet"], int(row["n"])) for row in rows]


def ledger_events_of(store: SqlStore, article_id: str, event_id: str) -> list[dict[str, Any]]:
    """The reconciled ledger events an article event belongs to (empty until reconciliation has run):
    each with its id, its coded columns and the article events that report it."""
    rows = store._query(
        "SELECT le.id, le.event_type, le.sub_event_type, le.event_date, le.country, "
        "le.fatalities_low, le.fatalities_best, le.fatalities_high "
        "FROM ledger_event_members m JOIN ledger_events le ON le.id = m.ledger_event_id "
        "WHERE m.article_id = ? AND m.event_id = ? ORDER BY le.id",
        (article_id, event_id),
    )
    found = []
    for row in rows:
        members = store._query(
            "SELECT article_id, event_id FROM ledger_event_members WHERE ledger_event_id = ? "
            "ORDER BY article_id, event_id",
            (row["id"],),
        )
        found.append({**row, "event_date": iso(row["event_date"]),
                      "members": [f"{m['article_id']}:{m['event_id']}" for m in members]})  # fmt: skip
    return found

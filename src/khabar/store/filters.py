"""Event filters, shared by ``query_events``, ``iter_ledgers``, ``khabar query`` and ``khabar export``.

A filter becomes a SQL condition over ``article_events e`` joined to ``articles a``, with every
value bound; the same SQL runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

from ..errors import KhabarError


@dataclass(frozen=True, slots=True)
class EventFilters:
    """Which events to return; None means no condition. Text matches ignore case."""

    since: dt.date | None = None  # event date on or after
    until: dt.date | None = None  # event date on or before
    country: str | None = None  # ISO3 of any of the event's locations
    admin1: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None  # substring of actor1 or actor2
    outlet: str | None = None
    status: str | None = None
    disputed: bool | None = None
    article_id: str | None = None

    def is_empty(self) -> bool:
        return all(getattr(self, item.name) is None for item in fields(self))


def parse_date(value: str, *, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise KhabarError("E145", option=option, value=value, expected="a date YYYY-MM-DD") from None


def country_code(value: str) -> str:
    """ISO3 of a country given as ISO3, ISO2 or name ('SYR', 'SY', 'Syria')."""
    import pycountry

    try:
        return str(pycountry.countries.lookup(value.strip()).alpha_3)
    except LookupError:
        raise KhabarError(
            "E145", option="--country", value=value, expected="a country name or ISO code"
        ) from None


def _like_pattern(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, with LIKE's wildcards taken literally."""
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


_LOCATION_MATCH = (
    "EXISTS (SELECT 1 FROM event_locations l WHERE l.article_id = e.article_id "
    "AND l.event_id = e.event_id AND {condition})"
)


def where_clause(filters: EventFilters) -> tuple[str, list[object]]:
    """``WHERE ...`` (or '') over ``article_events e JOIN articles a``, and its bound values."""
    conditions: list[str] = []
    values: list[object] = []

    def add(condition: str, *bound: object) -> None:
        conditions.append(condition)
        values.extend(bound)

    if filters.since is not None:
        add("e.event_date >= ?", filters.since.isoformat())
    if filters.until is not None:
        add("e.event_date <= ?", filters.until.isoformat())
    if filters.country is not None:
        add(_LOCATION_MATCH.format(condition="upper(l.country) = upper(?)"), filters.country)
    if filters.admin1 is not None:
        add(_LOCATION_MATCH.format(condition="lower(l.admin1) = lower(?)"), filters.admin1)
    if filters.event_type is not None:
        add("lower(e.event_type) = lower(?)", filters.event_type)
    if filters.sub_event_type is not None:
        add("lower(e.sub_event_type) = lower(?)", filters.sub_event_type)
    if filters.actor is not None:
        pattern = _like_pattern(filters.actor)
        add("(lower(e.actor1) LIKE ? ESCAPE '\\' OR lower(e.actor2) LIKE ? ESCAPE '\\')", pattern, pattern)
    if filters.outlet is not None:
        add("lower(a.outlet) = lower(?)", filters.outlet)
    if filters.status is not None:
        add("e.status = ?", filters.status)
    if filters.disputed is not None:
        add("e.disputed = ?", filters.disputed)
    if filters.article_id is not None:
        add("e.article_id = ?", filters.article_id)
    return ("WHERE " + " AND ".join(conditions) if conditions else ""), values

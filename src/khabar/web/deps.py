"""What requests share: a read-only store per worker thread, and the event filters.

FastAPI runs plain ``def`` endpoints in a thread pool; a SQLite connection belongs to the
thread that opened it, so each thread keeps its own read-only store (opened once, reused).
The filters are the same query parameters on every list, map, timeline and export, and on
the pages: an empty value (as an HTML form sends) means no condition.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, fields
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Query, Request

from ..errors import KhabarError
from ..store import EventFilters, SqlStore, open_store
from ..store.filters import country_code

_local = threading.local()


def read_store(request: Request) -> SqlStore:
    """This thread's read-only store of the app's database."""
    stores: dict[str, SqlStore] = _local.__dict__.setdefault("stores", {})
    db = request.app.state.config.db
    store = stores.get(db)
    if store is None:
        store = open_store(db, read_only=True)
        stores[db] = store
    return store


def close_thread_stores() -> None:
    """Close this thread's stores. A SQLite connection can be closed only by its own thread, so
    the worker threads' stores close when their threads end with the process."""
    for store in _local.__dict__.pop("stores", {}).values():
        store.close()


_DATE_PATTERN = r"^(\d{4}-\d{2}-\d{2})?$"
_BOOL_PATTERN = r"^(|true|false|1|0|yes|no)$"


@dataclass(frozen=True, slots=True)
class FilterParams:
    """The filter parameters as given (strings), to echo in forms and links."""

    since: str | None = None
    until: str | None = None
    country: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    outlet: str | None = None
    status: str | None = None
    disputed: str | None = None

    def query(self, **extra: object) -> str:
        """The query string of these filters (and ``extra``), empty values left out."""
        items = [(item.name, getattr(self, item.name)) for item in fields(self)]
        items += list(extra.items())
        return urlencode([(key, str(value)) for key, value in items if value not in (None, "")])

    def to_filters(self) -> EventFilters:
        return EventFilters(
            since=_date(self.since, "since"),
            until=_date(self.until, "until"),
            country=country_code(self.country) if self.country else None,
            admin1=self.admin1 or None,
            event_type=self.event_type or None,
            sub_event_type=self.sub_event_type or None,
            actor=self.actor or None,
            outlet=self.outlet or None,
            status=self.status or None,
            disputed=_bool(self.disputed),
        )


def _date(value: str | None, name: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise KhabarError("E180", name=name, problem="is not a date YYYY-MM-DD") from None


def _bool(value: str | None) -> bool | None:
    if not value:
        return None
    return value in ("true", "1", "yes")


def _text(description: str) -> Any:
    return Query(description=description, max_length=200)


def _date_query(description: str) -> Any:
    return Query(description=description, pattern=_DATE_PATTERN)


def filter_params(
    since: Annotated[str | None, _date_query("On or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, _date_query("On or before (YYYY-MM-DD).")] = None,
    country: Annotated[str | None, _text("Country of a location: ISO3, ISO2 or name.")] = None,
    admin1: Annotated[str | None, _text("First-level region of a location.")] = None,
    event_type: Annotated[str | None, _text("ACLED event type, e.g. 'Battles'.")] = None,
    sub_event_type: Annotated[str | None, _text("ACLED sub-event type.")] = None,
    actor: Annotated[str | None, _text("Text in the name of actor1 or actor2.")] = None,
    outlet: Annotated[str | None, _text("The outlet that published the article.")] = None,
    status: Annotated[str | None, _text("Event status (asserted, unverified, ...).")] = None,
    disputed: Annotated[str | None, Query(description="true: with a disputed field; false: without.",
                                          pattern=_BOOL_PATTERN)] = None,
) -> FilterParams:  # fmt: skip
    return FilterParams(since=since, until=until, country=country, admin1=admin1, event_type=event_type,
                        sub_event_type=sub_event_type, actor=actor, outlet=outlet, status=status,
                        disputed=disputed)  # fmt: skip


def checked_filters(params: FilterParams) -> EventFilters:
    """The EventFilters of ``params``; a bad country or date is a 400 with the catalogue's message."""
    try:
        return params.to_filters()
    except KhabarError as exc:
        if exc.code == "E145":  # the CLI's message names --country; the API names the parameter
            raise KhabarError("E180", name="country", problem="is not a country name or ISO code") from None
        raise

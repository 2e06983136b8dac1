"""UCDP GED-like CSV: one row per event and location, with the GED's column names and codes.

The columns are those of the UCDP Georeferenced Event Dataset (``ucdpged`` 23.1) that a single
article can fill; dataset-level ones (conflict and dyad ids, priogrid cells, Gleditsch-Ward
numbers) are left out. Two choices differ from the GED and are deliberate:

- ``id`` is the khabar event id (``ARTICLEID:e1``, the id of the store and the web app; a
  second location of the same event adds ``@2``, ``@3`` ...), not a GED integer, and
  ``relid`` spells country, year, type and that id.
- Events are not filtered to those with deaths, as the GED is: ``best`` is empty when the
  article gives no figure (unknown is not zero); filter ``best > 0`` to match the GED.

``type_of_violence`` is derived from the ACLED event type and the inter codes of the two
actors (ACLED inter: 1 state forces, 2 rebels, 3 political militias, 4 identity militias,
5 rioters, 6 protesters, 7 civilians, 8 external/other forces, which khabar uses for state
forces abroad):

- 3 one-sided: Violence against civilians, or any organised violence whose target is civilians
  (inter2 7) or whose victims are all civilians;
- 1 state-based: Battles or Explosions/Remote violence where either side is a state (1 or 8);
- 2 non-state: the same types between non-state armed groups only (2, 3, 4);
- empty: protests, riots and strategic developments (not organised violence in UCDP's sense),
  and violence whose sides are unknown.

Dates follow the GED's ``date_prec`` (1 the exact day, 2 two to six days, 3 a week, 4 a month,
5 a year) with ``date_start``/``date_end`` spanning the period khabar resolved (a week starts on
its Monday). ``where_prec`` follows the GED's scale (1 the exact place, 2 within 25 km, 3 a
second-order division, 4 a first-order division, 5 a larger region, 6 the country).
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
from collections.abc import Iterable, Iterator
from typing import TextIO

from ..model import Actor, ArticleLedger, Event, EventDate, Location
from . import register_renderer

COLUMNS = (
    "id",
    "relid",
    "year",
    "type_of_violence",
    "side_a",
    "side_b",
    "source_article",
    "source_office",
    "source_date",
    "source_headline",
    "where_prec",
    "where_coordinates",
    "where_description",
    "adm_1",
    "adm_2",
    "latitude",
    "longitude",
    "country",
    "iso3",
    "date_prec",
    "date_start",
    "date_end",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
    "best",
    "high",
    "low",
    "event_type",
    "sub_event_type",
    "article_id",
)
STATE_BASED, NON_STATE, ONE_SIDED = 1, 2, 3
STATE_INTERS = frozenset({1, 8})
NON_STATE_ARMED_INTERS = frozenset({2, 3, 4})
CIVILIAN_INTER = 7
ORGANISED_VIOLENCE = frozenset({"Battles", "Explosions/Remote violence"})
#: khabar location precision -> GED where_prec
WHERE_PREC = {
    "town": 1,
    "site": 1,
    "near_town": 2,
    "district": 3,
    "admin2": 3,
    "admin1": 4,
    "region": 5,
    "country": 6,
}
#: khabar date precision -> GED date_prec (2, "two to six days", khabar never resolves)
DATE_PREC = {"day": 1, "week": 3, "month": 4, "year": 5}


def type_of_violence(event: Event) -> int | None:
    """UCDP's type of violence of ``event`` (see the module docstring), or None."""
    if event.event_type == "Violence against civilians":
        return ONE_SIDED
    if event.event_type not in ORGANISED_VIOLENCE:
        return None
    inter1, inter2 = event.actor1.inter, event.actor2.inter
    if inter2 == CIVILIAN_INTER:
        return ONE_SIDED
    inters = {inter for inter in (inter1, inter2) if inter is not None}
    if inters & STATE_INTERS:
        return STATE_BASED
    if inters and inters <= NON_STATE_ARMED_INTERS:
        return NON_STATE
    return None


def sides(event: Event, violence: int | None) -> tuple[Actor, Actor]:
    """(side_a, side_b): in state-based violence side A is the state, as in the GED."""
    actor1, actor2 = event.actor1, event.actor2
    if violence == STATE_BASED and actor1.inter not in STATE_INTERS and actor2.inter in STATE_INTERS:
        return actor2, actor1
    return actor1, actor2


def date_window(date: EventDate) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day of the period ``date`` names."""
    value = date.value
    if value is None:
        return None, None
    if date.precision == "week":
        return value, value + dt.timedelta(days=6)
    if date.precision == "month":
        last = calendar.monthrange(value.year, value.month)[1]
        return value.replace(day=1), value.replace(day=last)
    if date.precision == "year":
        return value.replace(month=1, day=1), value.replace(month=12, day=31)
    return value, value


def deaths(event: Event, violence: int | None) -> dict[str, int | str]:
    """GED's deaths_* split: only what the ledger can tell apart; the rest is 'unknown'."""
    best = event.fatalities.best
    split: dict[str, int | str] = {
        "deaths_a": "",
        "deaths_b": "",
        "deaths_civilians": "",
        "deaths_unknown": "",
    }
    if best is None:
        return split
    if violence == ONE_SIDED:
        split["deaths_civilians"] = best
    else:
        split["deaths_unknown"] = best
    return split


def event_id(ledger: ArticleLedger, event: Event, number: int) -> str:
    suffix = f"@{number + 1}" if number else ""
    return f"{ledger.article.id}:{event.id}{suffix}"


def rows_of(ledger: ArticleLedger) -> Iterator[dict[str, object]]:
    for event in ledger.events:
        for number, location in enumerate(event.locations or [None]):
            yield row_of(ledger, event, location, number)


def row_of(ledger: ArticleLedger, event: Event, location: Location | None, number: int) -> dict[str, object]:
    from ..pipeline.assemble import country_name

    violence = type_of_violence(event)
    side_a, side_b = sides(event, violence)
    start, end = date_window(event.date)
    year = start.year if start else ""
    iso3 = (location.country if location else None) or ""
    identifier = event_id(ledger, event, number)
    first = number == 0
    counts = event.fatalities
    row: dict[str, object] = {
        "id": identifier,
        "relid": f"{iso3 or 'XXX'}-{year}-{violence or 0}-{identifier}",
        "year": year,
        "type_of_violence": violence or "",
        "side_a": side_a.name or "",
        "side_b": side_b.name or "",
        "source_article": ledger.article.url or ledger.article.title or ledger.article.id,
        "source_office": ledger.article.outlet or "",
        "source_date": ledger.article.published.isoformat() if ledger.article.published else "",
        "source_headline": ledger.article.title or "",
        "where_prec": WHERE_PREC.get(location.precision, 6) if location else "",
        "where_coordinates": location.name if location else "",
        "where_description": location_text(location),
        "adm_1": (location.admin1 if location else None) or "",
        "adm_2": (location.admin2 if location else None) or "",
        "latitude": location.lat if location and location.lat is not None else "",
        "longitude": location.lon if location and location.lon is not None else "",
        "country": country_name(iso3) if iso3 else "",
        "iso3": iso3,
        "date_prec": DATE_PREC[event.date.precision],
        "date_start": start.isoformat() if start else "",
        "date_end": end.isoformat() if end else "",
        # an event at several places carries its deaths once, on its first row
        **deaths(event, violence),
        "best": blank(counts.best),
        "high": blank(counts.high),
        "low": blank(counts.low),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "article_id": ledger.article.id,
    }
    if not first:
        for column in ("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low"):
            row[column] = 0 if row[column] != "" else ""
    return row


def location_text(location: Location | None) -> str:
    """The words of the article that placed the event (GED's where_description)."""
    if location is None:
        return ""
    return "; ".join(span.text.strip() for span in location.evidence[:2])


def blank(value: int | None) -> int | str:
    return "" if value is None else value


@register_renderer("ucdp")
def render_ucdp(ledgers: Iterable[ArticleLedger], out: TextIO) -> None:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for ledger in ledgers:
        writer.writerows(rows_of(ledger))

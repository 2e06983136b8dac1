"""ACLED CSV: one row per event and location, with ACLED's column names and codes.

``event_id_cnty`` is one id per ledger event, shared by its rows. Fatalities are ACLED's
conservative figure (the event's ``low``); an event coded at several locations carries its
fatalities on its first row only, so that summing the column does not count them twice.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import TextIO

from ..model import ArticleLedger, Event, Location
from . import register_renderer

COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "iso3",
    "country",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
    "article_id",
)
#: ACLED geo_precision: 1 the town itself, 2 near a town or a small district, 3 a province or larger
GEO_PRECISION = {"town": 1, "site": 1, "near_town": 2, "district": 2, "admin2": 2, "admin1": 3, "region": 3}
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}


def event_id_cnty(ledger: ArticleLedger, event: Event) -> str:
    country = next((loc.country for loc in event.locations if loc.country), None) or "XXX"
    return f"{country}-{ledger.article.id}-{event.id}"


def interaction(inter1: int | None, inter2: int | None) -> str:
    """ACLED's interaction code: the two inter codes, smaller first ('18'); '10'-style for one actor."""
    if inter1 is None:
        return ""
    if inter2 is None:
        return f"{inter1}0"
    low, high = sorted((inter1, inter2))
    return f"{low}{high}"


def rows_of(ledger: ArticleLedger) -> Iterator[dict[str, object]]:
    for event in ledger.events:
        for number, location in enumerate(event.locations or [None]):
            yield row_of(ledger, event, location, first=number == 0)


def row_of(
    ledger: ArticleLedger, event: Event, location: Location | None, *, first: bool
) -> dict[str, object]:
    from ..pipeline.assemble import country_name

    date = event.date.value
    return {
        "event_id_cnty": event_id_cnty(ledger, event),
        "event_date": date.isoformat() if date else "",
        "year": date.year if date else "",
        "time_precision": TIME_PRECISION[event.date.precision],
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1.name or "",
        "assoc_actor_1": "; ".join(a.name for a in event.associated if a.name),
        "inter1": event.actor1.inter or "",
        "actor2": event.actor2.name or "",
        "assoc_actor_2": "",
        "inter2": event.actor2.inter or "",
        "interaction": interaction(event.actor1.inter, event.actor2.inter),
        "iso3": location.country if location else "",
        "country": country_name(location.country) if location and location.country else "",
        "admin1": (location.admin1 if location else None) or "",
        "admin2": (location.admin2 if location else None) or "",
        "location": location.name if location else "",
        "latitude": location.lat if location and location.lat is not None else "",
        "longitude": location.lon if location and location.lon is not None else "",
        "geo_precision": GEO_PRECISION.get(location.precision, 3) if location else "",
        "source": ledger.article.outlet or "",
        "notes": notes_of(event),
        "fatalities": (event.fatalities.low or 0) if first else 0,
        "article_id": ledger.article.id,
    }


def notes_of(event: Event) -> str:
    """ACLED's notes: the evidence sentences on one line, and the alternatives of a disputed actor1."""
    text = " ".join(" ".join(span.text.split()) for span in event.evidence[:2])
    others = ", ".join(str(alt["name"]) for alt in event.actor1.alternatives if alt.get("name"))
    if event.actor1.disputed and others:
        text += f" [actor1 disputed; alternatives: {others}]"
    return text


@register_renderer("acled")
def render_acled(ledgers: Iterable[ArticleLedger], out: TextIO) -> None:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for ledger in ledgers:
        writer.writerows(rows_of(ledger))

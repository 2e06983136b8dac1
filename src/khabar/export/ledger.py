"""Reconciled ledger events (``khabar reconcile``) as ACLED CSV, GeoJSON or JSONL: one happening
per row, feature or line, however many articles reported it.

The input is each ledger event as the store keeps it (``LedgerEvent.to_dict()``). ACLED's
columns are those of ``export/acled.py``, filled from the reconciled fields: ``event_id_cnty``
is the country and the ledger event id (``SYR-L-062b...``), ``event_date`` the first day of its
date range, ``fatalities`` the conservative figure (``low``, as ACLED codes and as the
article-level export does), ``source`` every outlet that reported it, ``notes`` the number of
reports, the low/best/high figures and the disputed fields, and ``article_id`` the member
articles, so that every row leads back to its reports.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

from ..errors import KhabarError
from .acled import COLUMNS, GEO_PRECISION, TIME_PRECISION, interaction

LedgerData = dict[str, Any]
#: the formats a ledger-event export can take
LEDGER_FORMATS = ("acled", "geojson", "jsonl")


def render_ledger(name: str, events: Iterable[LedgerData], out: TextIO) -> None:
    renderers = {"acled": render_ledger_acled, "geojson": render_ledger_geojson, "jsonl": render_ledger_jsonl}
    if name not in renderers:
        raise KhabarError("E060", format=name, known=", ".join(LEDGER_FORMATS))
    renderers[name](events, out)


def render_ledger_acled(events: Iterable[LedgerData], out: TextIO) -> None:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(acled_row(event) for event in events)


def acled_row(event: LedgerData) -> dict[str, object]:
    from ..pipeline.assemble import country_name

    location = event.get("location") or {}
    actor1, actor2 = event.get("actor1") or {}, event.get("actor2") or {}
    start = (event.get("date") or {}).get("start") or ""
    country = location.get("country") or ""
    return {
        "event_id_cnty": f"{country or 'XXX'}-{event['id']}",
        "event_date": start,
        "year": start[:4],
        "time_precision": TIME_PRECISION.get((event.get("date") or {}).get("precision") or "", 3),
        "event_type": event["acled"]["event_type"],
        "sub_event_type": event["acled"]["sub_event_type"],
        "actor1": actor1.get("name") or "",
        "assoc_actor_1": "",
        "inter1": actor1.get("inter") or "",
        "actor2": actor2.get("name") or "",
        "assoc_actor_2": "",
        "inter2": actor2.get("inter") or "",
        "interaction": interaction(actor1.get("inter"), actor2.get("inter")),
        "iso3": country,
        "country": country_name(country) if country else "",
        "admin1": location.get("admin1") or "",
        "admin2": location.get("admin2") or "",
        "location": location.get("name") or "",
        "latitude": location.get("lat") if location.get("lat") is not None else "",
        "longitude": location.get("lon") if location.get("lon") is not None else "",
        "geo_precision": GEO_PRECISION.get(location.get("precision") or "", 3) if location else "",
        "source": "; ".join(event.get("outlets") or []),
        "notes": notes_of(event),
        "fatalities": (event.get("fatalities") or {}).get("low") or 0,
        "article_id": " ".join(event.get("articles") or []),
    }


def notes_of(event: LedgerData) -> str:
    """How many reported it, the figures as low/best/high, and what the outlets disagree on."""
    articles, outlets = len(event.get("articles") or []), len(event.get("outlets") or [])
    parts = [f"{_counted(articles, 'report')} from {_counted(outlets, 'outlet')}"]
    for name in ("fatalities", "injured"):
        figure = event.get(name) or {}
        if figure.get("best") is not None:
            low, best, high = figure.get("low"), figure.get("best"), figure.get("high")
            parts.append(f"{name} low/best/high {low}/{best}/{high}")
    if event.get("disputed"):
        parts.append("disputed: " + ", ".join(event["disputed"]))
    return "; ".join(parts)


def _counted(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def render_ledger_geojson(events: Iterable[LedgerData], out: TextIO) -> None:
    features = [feature for event in events if (feature := geojson_feature(event)) is not None]
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False, indent=1)
    out.write("\n")


def geojson_feature(event: LedgerData) -> dict[str, Any] | None:
    """A Point at the ledger event's place ([longitude, latitude]); None when it has no coordinates."""
    location = event.get("location") or {}
    if location.get("lat") is None or location.get("lon") is None:
        return None
    date = event.get("date") or {}
    fatalities = event.get("fatalities") or {}
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [location["lon"], location["lat"]]},
        "properties": {
            "ledger_event_id": event["id"],
            "event_type": event["acled"]["event_type"],
            "sub_event_type": event["acled"]["sub_event_type"],
            "date_start": date.get("start"),
            "date_end": date.get("end"),
            "date_precision": date.get("precision"),
            "location": location.get("name"),
            "country": location.get("country"),
            "admin1": location.get("admin1"),
            "geo_precision": location.get("precision"),
            "actor1": (event.get("actor1") or {}).get("name"),
            "actor2": (event.get("actor2") or {}).get("name"),
            "fatalities_low": fatalities.get("low"),
            "fatalities_best": fatalities.get("best"),
            "fatalities_high": fatalities.get("high"),
            "disputed": event.get("disputed") or [],
            "articles": len(event.get("articles") or []),
            "outlets": event.get("outlets") or [],
        },
    }


def render_ledger_jsonl(events: Iterable[LedgerData], out: TextIO) -> None:
    for event in events:
        out.write(json.dumps(event, ensure_ascii=False) + "\n")

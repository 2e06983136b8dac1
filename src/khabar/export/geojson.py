"""GeoJSON: one Point feature per event and location (RFC 7946: [longitude, latitude])."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from ..model import ArticleLedger
from . import register_renderer


def features_of(ledger: ArticleLedger) -> Iterator[dict[str, Any]]:
    for event in ledger.events:
        for location in event.locations:
            if location.lat is None or location.lon is None:
                continue
            yield {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [location.lon, location.lat]},
                "properties": {
                    "article_id": ledger.article.id,
                    "event_id": event.id,
                    "event_type": event.event_type,
                    "sub_event_type": event.sub_event_type,
                    "event_date": event.date.value.isoformat() if event.date.value else None,
                    "date_precision": event.date.precision,
                    "location": location.name,
                    "country": location.country,
                    "admin1": location.admin1,
                    "geo_precision": location.precision,
                    "actor1": event.actor1.name,
                    "actor2": event.actor2.name,
                    "fatalities_low": event.fatalities.low,
                    "fatalities_best": event.fatalities.best,
                    "fatalities_high": event.fatalities.high,
                    "outlet": ledger.article.outlet,
                },
            }


@register_renderer("geojson")
def render_geojson(ledgers: Iterable[ArticleLedger], out: TextIO) -> None:
    features = [feature for ledger in ledgers for feature in features_of(ledger)]
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False, indent=1)
    out.write("\n")

"""PLOVER JSON Lines: one record per ledger event, with the field names of the PLOVER manual.

The names follow the "Data Fields" chapter of the PLOVER manual (2021, the version that
replaced "source"/"target" with ``actor``/``recipient``): ``id``, ``date``, ``enddate``,
``actor`` and ``recipient`` (lists of entity objects: ``code``, ``sector``, ``entity_text``,
``identifier_text``), ``event``, ``mode`` and ``context`` (lists), ``event_loc`` (the location
object: ``extracted_place``, ``resolved_place``, ``geonameid``, ``lat``, ``lon``, ``district``,
``province``, ``country``, ``country_code``, ``resolution``), ``event_text``, ``quad_code``,
``size`` (``dead``, ``injured``), ``cite_info``, ``coder`` and ``coded_date``. The manual invites
providers to add fields; khabar adds the provenance it is built for: ``evidence`` (character
offsets of every span behind the event), ``date_precision``, ``event_locs`` (every location,
when there are several), ``acled`` (the ACLED types), ``article_id``, and on entities
``evidence``, ``inter`` and ``disputed``/``alternatives``.

``code`` is the ISO 3166 alpha-3 code of the actor's country, as the manual allows. An actor
khabar could not name gives an empty list: the event is still recorded, with its evidence.
The record's shape is written down as a JSON Schema in ``plover.schema.json`` beside this file.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from ..model import Actor, ArticleLedger, Event, Location, Span
from . import register_renderer

CODER = "khabar"
CODEBOOK = "plover-2021"
#: PLOVER quad categories: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
#: 4 material conflict (the manual's table "Quad categories in PLOVER")
QUAD_CODES = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), 1),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), 2),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "SANCTION", "THREATEN"), 3),
    **dict.fromkeys(("PROTEST", "MOBILIZE", "COERCE", "ASSAULT"), 4),
}
#: PLOVER location resolution: 5 sub-city, 4 city, 3 district, 2 province, 1 country
RESOLUTION = {
    "site": 5,
    "town": 4,
    "near_town": 4,
    "district": 3,
    "admin2": 3,
    "admin1": 2,
    "region": 1,
    "country": 1,
}
#: the sector of an actor khabar gave no sector, from its ACLED inter code
SECTOR_OF_INTER = {1: "MIL", 2: "REB", 3: "PRM", 4: "PRM", 5: "CVL", 6: "CVL", 7: "CVL", 8: "MIL"}
#: what an event is in PLOVER when the lexicon gave it no PLOVER category, per ACLED type
EVENT_OF_ACLED_TYPE = {
    "Battles": "ASSAULT",
    "Explosions/Remote violence": "ASSAULT",
    "Violence against civilians": "ASSAULT",
    "Protests": "PROTEST",
    "Riots": "PROTEST",
}


def records_of(ledger: ArticleLedger, *, coded: dt.date | None = None) -> Iterator[dict[str, Any]]:
    for event in ledger.events:
        yield record_of(ledger, event, coded=coded)


def record_of(ledger: ArticleLedger, event: Event, *, coded: dt.date | None = None) -> dict[str, Any]:
    from .ucdp import date_window

    start, end = date_window(event.date)
    category = plover_event(event)
    record: dict[str, Any] = {
        "id": f"{ledger.article.id}:{event.id}",
        "date": start.isoformat() if start else None,
        "enddate": end.isoformat() if end and end != start else None,
        "date_precision": event.date.precision,
        "actor": entities(event.actor1),
        "recipient": entities(event.actor2),
        "event": [category] if category else [],
        "mode": [event.plover.mode] if event.plover and event.plover.mode else [],
        "context": list(event.plover.context) if event.plover else [],
        "quad_code": QUAD_CODES.get(category or ""),
        "event_loc": location_object(event.locations[0]) if event.locations else None,
        "event_text": [span.text for span in event.evidence],
        "size": {"dead": event.fatalities.best, "injured": event.injured.best},
        "acled": {"event_type": event.event_type, "sub_event_type": event.sub_event_type},
        "evidence": [span.to_dict() for span in event.evidence],
        "article_id": ledger.article.id,
        "cite_info": cite_info(ledger),
        "coder": CODER,
        "coded_date": (coded or dt.date.today()).isoformat(),
    }
    if len(event.locations) > 1:
        record["event_locs"] = [location_object(location) for location in event.locations]
    return record


def plover_event(event: Event) -> str | None:
    if event.plover and event.plover.event:
        return event.plover.event
    return EVENT_OF_ACLED_TYPE.get(event.event_type)


def entities(actor: Actor) -> list[dict[str, Any]]:
    """PLOVER's list of entity objects for one khabar actor (empty when it is unknown)."""
    if actor.name is None:
        return []
    entity: dict[str, Any] = {
        "code": actor.country,
        "sector": actor.sector or SECTOR_OF_INTER.get(actor.inter or 0),
        "entity_text": first_text(actor.evidence) or actor.name,
        "identifier_text": actor.name,
        "inter": actor.inter,
        "evidence": [span.to_dict() for span in actor.evidence],
    }
    if actor.disputed:
        entity["disputed"] = True
        entity["alternatives"] = actor.alternatives
    return [entity]


def location_object(location: Location) -> dict[str, Any]:
    from ..pipeline.assemble import country_name

    return {
        "extracted_place": first_text(location.evidence) or location.name,
        "resolved_place": location.name,
        "geonameid": location.geonameid,
        "lat": location.lat,
        "lon": location.lon,
        "district": location.admin2,
        "province": location.admin1,
        "country": country_name(location.country) if location.country else None,
        "country_code": location.country,
        "resolution": RESOLUTION.get(location.precision),
        "evidence": [span.to_dict() for span in location.evidence],
    }


def cite_info(ledger: ArticleLedger) -> dict[str, Any]:
    article = ledger.article
    return {
        "citation": article.id,
        "url": article.url,
        "title": article.title,
        "language": article.language,
        "publication": article.outlet,
        "date": article.published.isoformat() if article.published else None,
        "coder": CODER,
        "codebook": CODEBOOK,
    }


def first_text(spans: list[Span]) -> str | None:
    return spans[0].text if spans else None


@register_renderer("plover")
def render_plover(ledgers: Iterable[ArticleLedger], out: TextIO) -> None:
    for ledger in ledgers:
        for record in records_of(ledger):
            out.write(json.dumps(record, ensure_ascii=False))
            out.write("\n")

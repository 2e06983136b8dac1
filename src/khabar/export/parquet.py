"""Parquet: an ``articles`` table (one row per article, the whole ledger as JSON plus flat
columns) and an ``events`` table (one row per event and location, ACLED-like typed columns).

Parquet is binary and holds one table per file, so it does not fit the text-stream renderer
interface: ``write_parquet(ledgers, directory)`` writes ``articles.parquet`` and
``events.parquet`` into a directory. The registered ``parquet`` renderer is for a text stream
that has a binary buffer underneath (a file or stdout): it writes the events table only.

The schemas are fixed (not inferred from the rows), so every file of a batch has the same
columns and types even when a partition holds no event, and readers can concatenate them.
The ``ledger`` column holds ``ArticleLedger.to_dict()`` as JSON; with the ``text`` column it
rebuilds the full ledger (``ledger_of_row``), which is how ``khabar load`` fills a store.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import KhabarError
from ..model import Article, ArticleLedger, Event, Location
from . import register_renderer

ARTICLES_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("published", pa.date32()),
        ("outlet", pa.string()),
        ("title", pa.string()),
        ("url", pa.string()),
        ("language", pa.string()),
        ("events", pa.int32()),
        ("claims", pa.int32()),
        ("fatalities_best", pa.int32()),
        ("error", pa.string()),
        ("text", pa.large_string()),
        ("ledger", pa.large_string()),
    ]
)
EVENTS_SCHEMA = pa.schema(
    [
        ("event_id", pa.string()),  # ARTICLEID:e1, the id of the store and the web app
        ("article_id", pa.string()),
        ("event_id_cnty", pa.string()),
        ("location_seq", pa.int16()),
        ("event_date", pa.date32()),
        ("year", pa.int16()),
        ("time_precision", pa.int8()),
        ("date_precision", pa.string()),
        ("event_type", pa.string()),
        ("sub_event_type", pa.string()),
        ("plover_event", pa.string()),
        ("plover_mode", pa.string()),
        ("actor1", pa.string()),
        ("assoc_actor_1", pa.string()),
        ("inter1", pa.int8()),
        ("actor1_disputed", pa.bool_()),
        ("actor2", pa.string()),
        ("inter2", pa.int8()),
        ("interaction", pa.string()),
        ("iso3", pa.string()),
        ("country", pa.string()),
        ("admin1", pa.string()),
        ("admin2", pa.string()),
        ("location", pa.string()),
        ("latitude", pa.float64()),
        ("longitude", pa.float64()),
        ("geo_precision", pa.int8()),
        ("fatalities", pa.int32()),
        ("fatalities_low", pa.int32()),
        ("fatalities_best", pa.int32()),
        ("fatalities_high", pa.int32()),
        ("injured_best", pa.int32()),
        ("status", pa.string()),
        ("source", pa.string()),
        ("notes", pa.string()),
    ]
)
#: zstd: about a third smaller than snappy on ledger JSON, and every reader of note has it
COMPRESSION = "zstd"


@dataclass(frozen=True, slots=True)
class ArticleOutcome:
    """One article as a batch saw it: its ledger, or the error that stopped its extraction."""

    article: Article
    ledger: ArticleLedger | None = None
    error: str | None = None


def articles_table(outcomes: Iterable[ArticleOutcome]) -> pa.Table:
    rows = [article_row(outcome) for outcome in outcomes]
    return pa.Table.from_pylist(rows, schema=ARTICLES_SCHEMA)


def article_row(outcome: ArticleOutcome) -> dict[str, Any]:
    article, ledger = outcome.article, outcome.ledger
    return {
        "article_id": article.id,
        "published": article.published,
        "outlet": article.outlet,
        "title": article.title,
        "url": article.url,
        "language": article.language,
        "events": len(ledger.events) if ledger else None,
        "claims": len(ledger.claims) if ledger else None,
        "fatalities_best": total_fatalities(ledger) if ledger else None,
        "error": outcome.error,
        "text": article.text,
        "ledger": json.dumps(ledger.to_dict(), ensure_ascii=False) if ledger else None,
    }


def total_fatalities(ledger: ArticleLedger) -> int | None:
    figures = [event.fatalities.best for event in ledger.events if event.fatalities.best is not None]
    return sum(figures) if figures else None


def events_table(ledgers: Iterable[ArticleLedger]) -> pa.Table:
    rows = [row for ledger in ledgers for row in event_rows(ledger)]
    return pa.Table.from_pylist(rows, schema=EVENTS_SCHEMA)


def event_rows(ledger: ArticleLedger) -> Iterator[dict[str, Any]]:
    for event in ledger.events:
        for number, location in enumerate(event.locations or [None]):
            yield event_row(ledger, event, location, number)


def event_row(ledger: ArticleLedger, event: Event, location: Location | None, number: int) -> dict[str, Any]:
    from ..pipeline.assemble import country_name
    from .acled import GEO_PRECISION, TIME_PRECISION, event_id_cnty, interaction, notes_of

    date = event.date.value
    iso3 = location.country if location else None
    return {
        "event_id": f"{ledger.article.id}:{event.id}",
        "article_id": ledger.article.id,
        "event_id_cnty": event_id_cnty(ledger, event),
        "location_seq": number,
        "event_date": date,
        "year": date.year if date else None,
        "time_precision": TIME_PRECISION[event.date.precision],
        "date_precision": event.date.precision,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "plover_event": event.plover.event if event.plover else None,
        "plover_mode": event.plover.mode if event.plover else None,
        "actor1": event.actor1.name,
        "assoc_actor_1": "; ".join(a.name for a in event.associated if a.name) or None,
        "inter1": event.actor1.inter,
        "actor1_disputed": event.actor1.disputed,
        "actor2": event.actor2.name,
        "inter2": event.actor2.inter,
        "interaction": interaction(event.actor1.inter, event.actor2.inter) or None,
        "iso3": iso3,
        "country": country_name(iso3) if iso3 else None,
        "admin1": location.admin1 if location else None,
        "admin2": location.admin2 if location else None,
        "location": location.name if location else None,
        "latitude": location.lat if location else None,
        "longitude": location.lon if location else None,
        "geo_precision": GEO_PRECISION.get(location.precision, 3) if location else None,
        # ACLED's conservative figure, on the first row of the event only (sums stay right)
        "fatalities": (event.fatalities.low or 0) if number == 0 else 0,
        "fatalities_low": event.fatalities.low,
        "fatalities_best": event.fatalities.best,
        "fatalities_high": event.fatalities.high,
        "injured_best": event.injured.best,
        "status": event.status,
        "source": ledger.article.outlet,
        "notes": notes_of(event) or None,
    }


def ledger_of_row(row: dict[str, Any]) -> ArticleLedger | None:
    """The ledger of an ``articles`` row, text and all; None for an article that failed."""
    if not row.get("ledger"):
        return None
    return ArticleLedger.from_dict(json.loads(row["ledger"]), text=row.get("text") or "")


def write_table(table: pa.Table, path: str | Path) -> None:
    pq.write_table(table, str(path), compression=COMPRESSION)


def write_parquet(ledgers: Iterable[ArticleLedger], directory: str | Path) -> tuple[Path, Path]:
    """Write ``articles.parquet`` and ``events.parquet`` for ``ledgers`` into ``directory``."""
    target = Path(directory)
    if target.exists() and not target.is_dir():
        raise KhabarError("E160", path=target)
    target.mkdir(parents=True, exist_ok=True)
    items = list(ledgers)
    articles_path, events_path = target / "articles.parquet", target / "events.parquet"
    write_table(articles_table(ArticleOutcome(ledger.article, ledger) for ledger in items), articles_path)
    write_table(events_table(items), events_path)
    return articles_path, events_path


@register_renderer("parquet")
def render_parquet(ledgers: Iterable[ArticleLedger], out: TextIO) -> None:
    """The events table, written to the binary buffer under ``out`` (stdout, or an -o file)."""
    buffer = getattr(out, "buffer", None)
    if buffer is None:
        raise KhabarError("E161")
    table = events_table(ledgers)
    out.flush()
    pq.write_table(table, buffer, compression=COMPRESSION)
    buffer.flush()

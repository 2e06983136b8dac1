"""Between ledgers and table rows: one ArticleLedger becomes rows of every table, and back.

Each row keeps the item's own dict (``to_dict()``) in ``data``, so rebuilding a ledger is
``ArticleLedger.from_dict`` over those dicts and round-trips exactly. The other columns are
copies for filtering. Keys of the ledger (or of its article) that the schema has no column or
table for, such as a section added to the model later, are kept in ``articles.extra``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..model import Article, ArticleLedger, Claim, Event, Framing, PlaceMention, Span

#: the ledger sections with a table of their own, in ``to_dict`` order
SECTIONS = ("events", "claims", "revisions", "contradictions", "framing", "places")
#: the article keys with a column of their own
ARTICLE_KEYS = ("id", "published", "outlet", "title", "url", "language")
#: the child tables of an article, in an order that deletes children before their parents
CHILD_TABLES = (
    "event_locations",
    "article_events",
    "claims",
    "revisions",
    "contradictions",
    "framing",
    "places",
)

Json = Callable[[Any], Any]


def content_hash(text: str) -> str:
    """The identity of an article's text: equal texts are exact duplicates."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def now_utc() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class Insert:
    """One INSERT statement and the rows it writes."""

    table: str
    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]

    @property
    def sql(self) -> str:
        marks = ", ".join("?" for _ in self.columns)
        return f"INSERT INTO {self.table} ({', '.join(self.columns)}) VALUES ({marks})"


ARTICLE_COLUMNS = (
    "id", "content_hash", "title", "url", "outlet", "published", "language", "text",
    "ingested_at", "duplicate_of", "extra", "extractor_version",
)  # fmt: skip


def article_values(
    ledger_dict: dict[str, Any],
    article: Article,
    *,
    duplicate_of: str | None,
    dump: Json,
    extractor_version: str | None = None,
) -> tuple:
    """The ``articles`` row of an article, in ARTICLE_COLUMNS order; ``extractor_version`` is
    the extractor that coded it (None for a copy, which is not extracted)."""
    extra = {key: value for key, value in ledger_dict.items() if key not in ("article", *SECTIONS)}
    article_extra = {k: v for k, v in ledger_dict["article"].items() if k not in ARTICLE_KEYS}
    if article_extra:
        extra["article"] = article_extra
    published = article.published.isoformat() if article.published else None
    return (
        article.id, content_hash(article.text), article.title, article.url, article.outlet, published,
        article.language, article.text, now_utc(), duplicate_of, dump(extra) if extra else None,
        extractor_version,
    )  # fmt: skip


def child_inserts(ledger: ArticleLedger, ledger_dict: dict[str, Any], *, dump: Json) -> list[Insert]:
    """The rows of every child table of ``ledger``, parents before children."""
    aid = ledger.article.id
    events = _pairs(ledger.events, ledger_dict["events"])
    claims = _pairs(ledger.claims, ledger_dict["claims"])
    framing = _pairs(ledger.framing, ledger_dict["framing"])
    places = _pairs(ledger.places, ledger_dict["places"])
    revisions = [
        (aid, n, d.get("about"), d.get("field"), d.get("by"), dump(d))
        for n, d in enumerate(ledger_dict["revisions"])
    ]
    contradictions = [
        (aid, n, d.get("about"), d.get("field"), dump(d)) for n, d in enumerate(ledger_dict["contradictions"])
    ]
    return [
        Insert(
            "article_events", EVENT_COLUMNS, [event_row(aid, n, *pair, dump) for n, pair in enumerate(events)]
        ),
        Insert(
            "event_locations", LOCATION_COLUMNS, [row for e, _ in events for row in location_rows(aid, e)]
        ),
        Insert("claims", CLAIM_COLUMNS, [claim_row(aid, n, *pair, dump) for n, pair in enumerate(claims)]),
        Insert("revisions", REVISION_COLUMNS, revisions),
        Insert("contradictions", CONTRADICTION_COLUMNS, contradictions),
        Insert(
            "framing", FRAMING_COLUMNS, [framing_row(aid, n, *pair, dump) for n, pair in enumerate(framing)]
        ),
        Insert("places", PLACE_COLUMNS, [place_row(aid, n, *pair, dump) for n, pair in enumerate(places)]),
    ]


def _pairs(items: list[Any], dicts: list[dict[str, Any]]) -> list[tuple[Any, dict[str, Any]]]:
    return list(zip(items, dicts, strict=True))


EVENT_COLUMNS = (
    "article_id", "event_id", "seq", "event_type", "sub_event_type", "event_date", "date_precision",
    "actor1", "actor1_country", "actor1_inter", "actor2", "actor2_country", "actor2_inter",
    "disputed", "status", "fatalities_low", "fatalities_best", "fatalities_high",
    "injured_low", "injured_best", "injured_high", "data",
)  # fmt: skip


def event_row(article_id: str, seq: int, event: Event, data: dict[str, Any], dump: Json) -> tuple:
    actors = (event.actor1, event.actor2, *event.associated)
    disputed = event.status == "disputed" or any(actor.disputed for actor in actors)
    date = event.date.value.isoformat() if event.date.value else None
    return (
        article_id, event.id, seq, event.event_type, event.sub_event_type, date, event.date.precision,
        event.actor1.name, event.actor1.country, event.actor1.inter,
        event.actor2.name, event.actor2.country, event.actor2.inter,
        disputed, event.status, event.fatalities.low, event.fatalities.best, event.fatalities.high,
        event.injured.low, event.injured.best, event.injured.high, dump(data),
    )  # fmt: skip


LOCATION_COLUMNS = (
    "article_id", "event_id", "seq", "name", "country", "admin1", "admin2", "lat", "lon",
    "geo_precision", "geonameid",
)  # fmt: skip


def location_rows(article_id: str, event: Event) -> list[tuple]:
    return [
        (article_id, event.id, seq, loc.name, loc.country, loc.admin1, loc.admin2, loc.lat, loc.lon,
         loc.precision, loc.geonameid)
        for seq, loc in enumerate(event.locations)
    ]  # fmt: skip


CLAIM_COLUMNS = (
    "article_id", "seq", "claim_id", "speaker", "kind", "status", "about", "value",
    "start_offset", "end_offset", "text", "data",
)  # fmt: skip


def claim_row(article_id: str, seq: int, claim: Claim, data: dict[str, Any], dump: Json) -> tuple:
    start, end = _first_offsets(claim.evidence)
    text = " … ".join(span.text for span in claim.evidence) or None
    return (
        article_id, seq, claim.id, claim.speaker, claim.kind, claim.status, claim.about,
        dump(claim.value), start, end, text, dump(data),
    )  # fmt: skip


def _first_offsets(spans: list[Span]) -> tuple[int | None, int | None]:
    return (spans[0].start, spans[0].end) if spans else (None, None)


REVISION_COLUMNS = ("article_id", "seq", "about", "field", "revised_by", "data")
CONTRADICTION_COLUMNS = ("article_id", "seq", "about", "field", "data")
FRAMING_COLUMNS = ("article_id", "seq", "start_offset", "end_offset", "text", "technique", "voice", "data")


def framing_row(article_id: str, seq: int, item: Framing, data: dict[str, Any], dump: Json) -> tuple:
    span = item.span
    return (article_id, seq, span.start, span.end, span.text, item.technique, item.voice, dump(data))


PLACE_COLUMNS = (
    "article_id", "seq", "start_offset", "end_offset", "text", "name", "country", "admin1",
    "lat", "lon", "geonameid", "data",
)  # fmt: skip


def place_row(article_id: str, seq: int, mention: PlaceMention, data: dict[str, Any], dump: Json) -> tuple:
    span, place = mention.span, mention.place
    return (
        article_id, seq, span.start, span.end, span.text, place.name, place.country, place.admin1,
        place.lat, place.lon, place.geonameid, dump(data),
    )  # fmt: skip


def iso(value: Any) -> str | None:
    """A date column as ISO text, whichever type the driver returned (str in SQLite, date in PostgreSQL)."""
    if value is None or isinstance(value, str):
        return value
    return value.isoformat()


def ledger_from_rows(
    article: dict[str, Any], sections: dict[str, list[dict[str, Any]]], *, load: Json
) -> ArticleLedger:
    """The ledger of an ``articles`` row and the ``data`` of its child rows, in ``seq`` order."""
    extra = load(article["extra"]) if article.get("extra") is not None else {}
    article_dict = {
        "id": article["id"],
        "published": iso(article["published"]),
        "outlet": article["outlet"],
        "title": article["title"],
        "url": article["url"],
        "language": article["language"],
        **extra.pop("article", {}),
    }
    data = {"article": article_dict, **{name: sections.get(name, []) for name in SECTIONS}, **extra}
    return ArticleLedger.from_dict(data, text=article["text"])

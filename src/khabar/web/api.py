"""The JSON API under ``/api``: read-only everywhere except ``POST /api/articles`` (Bearer token).

Every list takes the same filters (``deps.filter_params``) and ``limit``/``offset`` and says
its ``total``. Errors have one shape (``errors.error_body``).
"""

from __future__ import annotations

import io
import json
import threading
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from ..errors import InputError, KhabarError
from ..framing_profile import framing_profile
from ..store import SqlStore, open_store
from ..store.browse import (
    BoundingBox,
    count_events_capped,
    event_points,
    events_by_date,
    ledger_events_of,
    outlet_article_ids,
    outlet_names,
    page_of_events,
)
from .config import DEFAULT_MAP_POINTS, MAX_INGEST_ARTICLES, MAX_MAP_POINTS, MAX_PAGE
from .deps import FilterParams, checked_filters, filter_params, read_store
from .guards import require_token
from .present import article_detail, event_detail

router = APIRouter(prefix="/api", tags=["api"])

Store = Annotated[SqlStore, Depends(read_store)]
Filters = Annotated[FilterParams, Depends(filter_params)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"At most this many items (≤ {MAX_PAGE}).")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Skip this many items first.")]
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"description": "A bad parameter (one error shape)."},
    404: {"description": "No such item (one error shape)."},
}


def fast_json(data: dict[str, Any]) -> Response:
    """Plain ``json.dumps`` of data that is JSON already: large answers (thousands of map
    points) skip FastAPI's per-item encoding, which costs more than the query."""
    return Response(
        json.dumps(data, ensure_ascii=False, separators=(",", ":")), media_type="application/json"
    )


def events_page(store: SqlStore, params: FilterParams, *, limit: int, offset: int) -> dict[str, Any]:
    """A page of events matching the filters, with the total and the next page's query string.

    ``total`` is exact up to ``COUNT_CAP`` events; beyond, ``total_exact`` is false and the
    total is a lower bound (counting every match of a broad filter would cost more than the page).
    """
    filters = checked_filters(params)
    total, exact = count_events_capped(store, filters)
    rows = page_of_events(store, filters, limit=limit, offset=offset)
    following = offset + len(rows)
    more = following < total or (not exact and len(rows) == limit)
    return {
        "total": total,
        "total_exact": exact,
        "limit": limit,
        "offset": offset,
        "events": [row.to_dict() for row in rows],
        "next": f"/api/events?{params.query(limit=limit, offset=following)}" if more else None,
    }


@router.get("/events", responses=ERRORS, summary="Events matching the filters, a page at a time")
def list_events(store: Store, params: Filters, limit: Limit = 50, offset: Offset = 0) -> Response:
    return fast_json(events_page(store, params, limit=limit, offset=offset))


@router.get("/events/{event_id:path}", responses=ERRORS, summary="One event with its claims and evidence")
def get_event(event_id: str, store: Store) -> dict[str, Any]:
    ledger, event = store.get_event(event_id)
    return event_detail(ledger, event, ledger_events=ledger_events_of(store, ledger.article.id, event.id))


@router.get("/articles/{article_id:path}", responses=ERRORS, summary="One article: text and whole ledger")
def get_article(article_id: str, store: Store) -> dict[str, Any]:
    return article_detail(store.get_ledger(article_id))


@router.get("/outlets", summary="The outlets in the store, with their article counts")
def list_outlets(store: Store) -> dict[str, Any]:
    return {"outlets": [{"name": name, "articles": n} for name, n in outlet_names(store)]}


def outlet_profile(store: SqlStore, name: str) -> dict[str, Any]:
    ids = outlet_article_ids(store, name)
    if not ids:
        raise KhabarError("E188", name=name)
    ledgers = [store.get_ledger(article_id) for article_id in ids]
    profile = next(iter(framing_profile(ledgers, max_examples=12).values()))
    return {"name": ledgers[0].article.outlet or name, "article_ids": ids, **profile}


@router.get("/outlets/{name:path}", responses=ERRORS, summary="An outlet's framing profile, with examples")
def get_outlet(name: str, store: Store) -> dict[str, Any]:
    return outlet_profile(store, name)


@router.get("/search", responses=ERRORS, summary="Full-text search over articles and claims")
def search(
    store: Store,
    q: Annotated[str, Query(max_length=500, description="Words to find (all of them, any order).")] = "",
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> dict[str, Any]:
    hits = store.search(q, limit=limit)
    return {"q": q, "hits": [hit.to_dict() for hit in hits]}


@router.get("/timeline", responses=ERRORS, summary="Events and best fatalities per event date")
def timeline(store: Store, params: Filters) -> Response:
    rows = events_by_date(store, checked_filters(params))
    return fast_json({"days": [{"date": day, "events": n, "fatalities": killed} for day, n, killed in rows]})


@router.get("/map", responses=ERRORS, summary="Located events as GeoJSON, capped, optionally in a box")
def map_points(
    store: Store,
    params: Filters,
    bbox: Annotated[str | None, Query(description="west,south,east,north in degrees",
                                      pattern=r"^-?\d+(\.\d+)?(,-?\d+(\.\d+)?){3}$")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_MAP_POINTS)] = DEFAULT_MAP_POINTS,
) -> Response:  # fmt: skip
    box = _bbox(bbox) if bbox else None
    points, total, exact = event_points(store, checked_filters(params), bbox=box, limit=limit)
    return fast_json(
        {
            "type": "FeatureCollection",
            "features": [point.to_feature() for point in points],
            "total": total,
            "total_exact": exact,
            "truncated": total > len(points),
        }
    )


def _bbox(value: str) -> BoundingBox:
    west, south, east, north = (float(part) for part in value.split(","))
    if not (-90 <= south <= north <= 90 and -180 <= west <= 180 and -180 <= east <= 180):
        raise KhabarError("E180", name="bbox", problem="is not west,south,east,north within the globe")
    return BoundingBox(west, south, east, north)


@router.get("/stats", summary="Counts of what the store holds")
def stats(store: Store) -> dict[str, Any]:
    return store.stats()


EXPORT_MEDIA = {"acled": ("text/csv; charset=utf-8", "csv"), "geojson": ("application/geo+json", "geojson")}


@router.get("/export", responses=ERRORS, summary="Download the matching events as ACLED CSV or GeoJSON")
def export(store: Store, params: Filters, format: Literal["acled", "geojson"] = "acled") -> Response:
    from ..export import render

    out = io.StringIO()
    render(format, store.iter_ledgers(checked_filters(params)), out)
    media, suffix = EXPORT_MEDIA[format]
    headers = {"Content-Disposition": f'attachment; filename="khabar-events.{suffix}"'}
    return Response(out.getvalue(), media_type=media, headers=headers)


# --- writing ------------------------------------------------------------------------------


class ArticleIn(BaseModel):
    """One article to extract and store: its text and what is known about it."""

    text: str = Field(min_length=1, max_length=1_000_000)
    id: str | None = Field(None, max_length=200, description="Default: a hash of the text.")
    published: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$", description="YYYY-MM-DD")
    outlet: str | None = Field(None, max_length=200)
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000)


class IngestResultOut(BaseModel):
    id: str | None
    outcome: str  # stored | replaced | unchanged | duplicate | failed | rejected
    error: str | None = None
    events: list[str] = []


_write_lock = threading.Lock()


@router.post(
    "/articles",
    dependencies=[Depends(require_token)],
    responses={**ERRORS, 401: {"description": "No or wrong Bearer token."}},
    summary="Extract and store one article or a list of them (needs the Bearer token)",
)
def post_articles(
    request: Request,
    body: Annotated[ArticleIn | list[ArticleIn], Body(description="An article, or a list of articles.")],
) -> dict[str, Any]:
    from ..ingest.documents import Metadata, ReadOptions, make_article
    from ..store.ingest import ingest

    items = body if isinstance(body, list) else [body]
    if not 1 <= len(items) <= MAX_INGEST_ARTICLES:
        raise KhabarError("E180", name="body", problem=f"must hold 1 to {MAX_INGEST_ARTICLES} articles")
    results: list[IngestResultOut] = []
    articles = []
    for n, item in enumerate(items):
        metadata = Metadata(id=item.id, published=item.published, outlet=item.outlet, title=item.title,
                            url=item.url)  # fmt: skip
        try:
            articles.append(make_article(item.text, metadata, name=f"article {n}", options=ReadOptions()))
        except InputError as exc:
            results.append(IngestResultOut(id=item.id, outcome="rejected", error=str(exc)))
    # one writer at a time in this process; the store's own transactions order other processes
    with _write_lock:
        store = open_store(request.app.state.config.db)
        try:
            for result in ingest(store, articles):
                events = []
                if result.outcome in ("stored", "replaced", "unchanged"):
                    ledger = store.get_ledger(result.article_id)
                    events = [f"{result.article_id}:{event.id}" for event in ledger.events]
                results.append(IngestResultOut(id=result.article_id, outcome=result.outcome,
                                               error=result.error, events=events))  # fmt: skip
        finally:
            store.close()
    return {"results": [result.model_dump() for result in results]}

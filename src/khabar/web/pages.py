"""The HTML pages; each has a JSON twin under ``/api`` (linked in the page, built from the
same data), and the filters of ``/`` are the query string the API takes."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response

from ..model import ACLED_EVENT_TYPES
from ..store import SqlStore
from ..store.browse import events_by_date, ledger_events_of, outlet_names
from .api import events_page, outlet_profile
from .charts import timeline
from .config import MAX_PAGE
from .deps import FilterParams, checked_filters, filter_params, read_store
from .highlight import context_parts, snippet_parts
from .present import article_page, event_page

router = APIRouter(include_in_schema=False)

Store = Annotated[SqlStore, Depends(read_store)]
Filters = Annotated[FilterParams, Depends(filter_params)]

#: marker colour of each ACLED event type (the legend and the map share it)
TYPE_COLOURS = {
    "Battles": "#d62728",
    "Explosions/Remote violence": "#ff7f0e",
    "Violence against civilians": "#9467bd",
    "Protests": "#1f77b4",
    "Riots": "#e377c2",
    "Strategic developments": "#7f7f7f",
}


def render(request: Request, template: str, context: dict[str, Any], *, twin: str) -> Response:
    """A page, with ``twin`` (its JSON) linked in the header and in ``<link rel=alternate>``."""
    templates = request.app.state.templates
    return templates.TemplateResponse(request, template, {"twin": twin, **context})


@router.get("/", response_class=HTMLResponse)
def index(
    request: Request,
    store: Store,
    params: Filters,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> Response:
    page = events_page(store, params, limit=limit, offset=offset)
    days = events_by_date(store, checked_filters(params))
    query = params.query()
    return render(request, "index.html", {
        "page": page,
        "params": params,
        "filters_query": query,
        "timeline": timeline(days),
        "event_types": ACLED_EVENT_TYPES,
        "type_colours": TYPE_COLOURS,
        "previous_query": params.query(limit=limit, offset=max(offset - limit, 0)) if offset else None,
        "next_query": params.query(limit=limit, offset=offset + limit) if page["next"] else None,
        "map_ready": request.app.state.vendor_ready,
    }, twin=f"/api/events?{query}")  # fmt: skip


@router.get("/events/{event_id:path}", response_class=HTMLResponse)
def event(request: Request, event_id: str, store: Store) -> Response:
    ledger, found = store.get_event(event_id)
    context = event_page(ledger, found, ledger_events=ledger_events_of(store, ledger.article.id, found.id))
    return render(request, "event.html", context, twin=f"/api/events/{quote(event_id, safe='')}")


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article(request: Request, article_id: str, store: Store) -> Response:
    context = article_page(store.get_ledger(article_id))
    return render(request, "article.html", context, twin=f"/api/articles/{quote(article_id, safe='')}")


@router.get("/outlets", response_class=HTMLResponse)
def outlets(request: Request, store: Store) -> Response:
    return render(request, "outlets.html", {"outlets": outlet_names(store)}, twin="/api/outlets")


@router.get("/outlets/{name:path}", response_class=HTMLResponse)
def outlet(request: Request, name: str, store: Store) -> Response:
    profile = outlet_profile(store, name)
    texts = {aid: store.get_ledger(aid).article.text for aid in {ex["article"] for ex in profile["examples"]}}
    examples = [
        {**example, "parts": context_parts(texts[example["article"]], example["start"], example["end"])}
        for example in profile["examples"]
    ]
    twin = f"/api/outlets/{quote(name, safe='')}"
    return render(request, "outlet.html", {"profile": profile, "examples": examples}, twin=twin)


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, store: Store, q: Annotated[str, Query(max_length=500)] = "") -> Response:
    hits = [{**hit.to_dict(), "parts": snippet_parts(hit.snippet)} for hit in store.search(q, limit=50)]
    return render(request, "search.html", {"q": q, "hits": hits}, twin=f"/api/search?{urlencode({'q': q})}")

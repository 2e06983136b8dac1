"""``khabar serve``: the analyst's desk, a JSON API and HTML pages over one ledger store.

``create_app(WebConfig(...))`` builds the FastAPI application; ``khabar.cli.serve`` hands it
to uvicorn. Modules: ``config`` (settings), ``errors`` (one error shape), ``guards`` (body
limit, cross-site writes, token), ``deps`` (store per thread, shared filters), ``api`` (JSON),
``pages`` (HTML), ``present`` (what a page shows of a ledger), ``highlight`` and ``charts``
(escaped text segments and SVG geometry), ``vendor`` (the npm files the pages load).
"""

from __future__ import annotations

from .app import create_app
from .config import WebConfig

__all__ = ["WebConfig", "create_app"]

"""The application factory: ``create_app(config)`` wires the API, the pages and the guards."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import quote

import jinja2
from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from ..figure_text import stated_figure
from ..store import open_store
from . import api, pages, vendor
from .config import WebConfig
from .deps import close_thread_stores
from .errors import install_error_handlers
from .guards import GuardMiddleware

HERE = Path(__file__).resolve().parent


def templates_environment() -> jinja2.Environment:
    """Jinja with autoescape on for every template (article text is untrusted)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["urlpart"] = lambda value: quote(str(value), safe="")
    # a claim's figure as its source stated it ("more than 20", not the bound 21 after "more than")
    env.filters["stated"] = stated_figure
    return env


def prepare_store(db: str) -> None:
    """Create the store if it is new and run its migrations once, before serving reads from it."""
    store = open_store(db)
    store.close()


def api_docs() -> HTMLResponse:
    """The OpenAPI docs (Swagger UI) with every file served locally: no CDN."""
    return get_swagger_ui_html(
        openapi_url="/openapi.json",
        title="khabar API",
        swagger_js_url="/vendor/swagger-ui-bundle.js",
        swagger_css_url="/vendor/swagger-ui.css",
        swagger_favicon_url="/vendor/favicon-32x32.png",
    )


def create_app(config: WebConfig) -> FastAPI:
    prepare_store(config.db)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        close_thread_stores()

    app = FastAPI(
        title="khabar",
        summary="The auditable conflict-event ledger: events, claims, evidence, framing.",
        version="0.1.0",
        lifespan=lifespan,
        # the stock /docs loads Swagger UI from a CDN; ours serves it from node_modules
        docs_url=None,
        redoc_url=None,
    )
    node_modules = config.node_modules or vendor.default_node_modules()
    app.state.config = config
    app.state.node_modules = node_modules
    app.state.vendor_ready = vendor.vendor_available(node_modules)
    app.state.templates = Jinja2Templates(env=templates_environment())
    app.add_middleware(GuardMiddleware, max_body_bytes=config.max_body_bytes)
    install_error_handlers(app)
    app.include_router(api.router)
    app.include_router(vendor.router)
    app.include_router(pages.router)
    app.add_api_route("/docs", api_docs, include_in_schema=False)
    # StaticFiles refuses paths that leave its directory
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    return app

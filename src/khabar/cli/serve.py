"""``khabar serve``: the web UI and JSON API over a ledger store (uvicorn in the foreground).

Secure defaults (as Datasette): it binds 127.0.0.1; ``--host 0.0.0.0`` exposes it. Reads need
nothing; the write endpoint (``POST /api/articles``) always needs the Bearer token: ``--token``,
else ``KHABAR_TOKEN``, else one generated now and printed.
"""

from __future__ import annotations

from typing import Annotated

import typer

from ..store import DEFAULT_DB
from .common import err_console
from .ledger import DbOption, user_errors


def serve_command(
    db: DbOption = DEFAULT_DB,
    host: Annotated[
        str, typer.Option(help="Interface to bind. 127.0.0.1 keeps it on this machine; 0.0.0.0 exposes it.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(envvar="KHABAR_TOKEN", help="Bearer token for POST /api/articles (default: generated)."),
    ] = None,
    log_level: Annotated[str, typer.Option(help="uvicorn log level.")] = "warning",
) -> None:
    """Serve the map, event, article, outlet and search pages and the JSON API (docs at /docs)."""
    import uvicorn

    from ..web import WebConfig, create_app
    from ..web.config import new_token

    generated = token is None
    token = token or new_token()
    with user_errors():
        app = create_app(WebConfig(db=db, token=token))
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}/"
    err_console.print(f"khabar serves {db} at {url}  (API docs: {url}docs)", soft_wrap=True)
    if generated:
        err_console.print(
            f"write token (POST /api/articles, 'Authorization: Bearer …'): {token}", soft_wrap=True
        )
    if host not in ("127.0.0.1", "localhost", "::1"):
        err_console.print(f"[yellow]exposed on {host}:[/] reads are open to anyone who can reach it.")
    uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False)

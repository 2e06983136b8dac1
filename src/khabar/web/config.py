"""The settings of one ``khabar serve``, declared once (name, default, why)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path

#: the largest request body accepted (an ingest of many articles fits; a flood does not)
MAX_BODY_BYTES = 2 * 1024 * 1024
#: the most events one API page returns
MAX_PAGE = 500
#: the most points the map endpoint returns for one filter (the rest is counted, not sent)
MAX_MAP_POINTS = 20_000
DEFAULT_MAP_POINTS = 2_000
#: the most articles one POST /api/articles may carry
MAX_INGEST_ARTICLES = 50


def new_token() -> str:
    return secrets.token_urlsafe(24)


@dataclass(frozen=True, slots=True)
class WebConfig:
    """``db``: the store (SQLite path or postgresql:// URL). ``token``: the Bearer token that
    write endpoints demand (always: without one, writes are refused). ``node_modules``: where
    the npm front-end libraries are (default: the repository's ``node_modules``)."""

    db: str
    token: str | None = None
    max_body_bytes: int = MAX_BODY_BYTES
    node_modules: Path | None = None

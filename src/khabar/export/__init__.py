"""Exporters: each renders a stream of article ledgers in one format the field uses.

A renderer is registered by name and used by ``khabar extract --format`` (and later by
``khabar export`` and the web app). ``render(name, ledgers, out)`` writes to a text stream.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TextIO

from ..errors import KhabarError
from ..model import ArticleLedger

Renderer = Callable[[Iterable[ArticleLedger], TextIO], None]
RENDERERS: dict[str, Renderer] = {}


def register_renderer(name: str) -> Callable[[Renderer], Renderer]:
    def decorator(function: Renderer) -> Renderer:
        RENDERERS[name] = function
        return function

    return decorator


def render(name: str, ledgers: Iterable[ArticleLedger], out: TextIO) -> None:
    renderer = RENDERERS.get(name)
    if renderer is None:
        raise KhabarError("E060", format=name, known=", ".join(sorted(RENDERERS)))
    renderer(ledgers, out)


# Registration happens on import of the renderer modules.
from . import acled, geojson, jsonfmt, parquet, plover, summary, ucdp  # noqa: E402

__all__ = [
    "RENDERERS",
    "acled",
    "geojson",
    "jsonfmt",
    "parquet",
    "plover",
    "register_renderer",
    "render",
    "summary",
    "ucdp",
]

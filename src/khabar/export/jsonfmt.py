"""JSON renderers: ``json`` (one object for one article, a list for several) and ``jsonl``."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from ..model import ArticleLedger
from . import register_renderer


@register_renderer("json")
def render_json(ledgers: Iterable[ArticleLedger], out: TextIO) -> None:
    items = [ledger.to_dict() for ledger in ledgers]
    payload = items[0] if len(items) == 1 else items
    json.dump(payload, out, ensure_ascii=False, indent=2)
    out.write("\n")


@register_renderer("jsonl")
def render_jsonl(ledgers: Iterable[ArticleLedger], out: TextIO) -> None:
    for ledger in ledgers:
        out.write(json.dumps(ledger.to_dict(), ensure_ascii=False))
        out.write("\n")
        out.flush()

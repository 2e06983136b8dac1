"""RSS and Atom feeds, from files (``.rss``, ``.atom``, ``.xml``) or URLs: one article per item.

An item that carries the full text (``content:encoded`` in RSS, ``<content>`` in Atom) with at
least ``FULL_TEXT_MIN_WORDS`` words is read as it is; any other item's link is fetched and the
page's main text read (most feeds carry a teaser, not the report). An item with no link is read
from its summary, with warning W201. Each item keeps its own metadata: title, link (its id and
url), publication date (``published``, else ``updated``), and the feed's title as the outlet;
the page's metadata fills only what the item leaves open. An item whose link cannot be fetched
is one error naming the feed, the item and the URL; the other items are still read.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Iterator
from typing import Any

from ..errors import InputError, warn
from ..model import Article
from .checks import MAX_BYTES_PER_CHAR, normalise_newlines
from .documents import Metadata, ReadOptions, make_article
from .html import extract_html
from .source import Source
from .urls import Fetcher, page_article

#: an item's own content with fewer words than this is a teaser: its link is fetched instead
FULL_TEXT_MIN_WORDS = 150
#: a feed may be this many times an article's byte limit (it holds many items)
FEED_ALLOWANCE = 20
#: an RSS, RDF (RSS 1.0) or Atom root element, after an optional XML declaration, comments, doctype
_FEED_ROOT = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:(?:<!--.*?-->|<\?[^>]*>|<!DOCTYPE[^>]*>)\s*)*<(?:rss\b|feed\b|rdf:RDF\b)",
    re.I | re.S,
)


def looks_like_feed(head: bytes) -> bool:
    """Whether the first bytes are an RSS, RDF or Atom document."""
    return _FEED_ROOT.match(head.removeprefix(b"\xef\xbb\xbf")[:4096]) is not None


def read_feed_source(source: Source, options: ReadOptions) -> Iterator[Article | InputError]:
    """Every item of a feed file; links are fetched (see the module docstring)."""
    limit = options.max_chars * MAX_BYTES_PER_CHAR * FEED_ALLOWANCE
    try:
        data = source.read_bytes(limit)
    except OSError as error:
        yield InputError("E012", name=source.name, detail=error.strerror or str(error))
        return
    if data is None:
        yield InputError("E004", name=source.name, size=f"over {limit:,} bytes", limit=options.max_chars)
        return
    with Fetcher() as fetcher:
        yield from read_feed(data, name=source.name, options=options, fetcher=fetcher)


def read_feed(
    data: bytes, *, name: str, options: ReadOptions, fetcher: Fetcher
) -> Iterator[Article | InputError]:
    """Every item of the feed ``data`` (named ``name`` in messages), in feed order."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries and (parsed.bozo or not parsed.version):
        detail = str(parsed.get("bozo_exception") or "no RSS or Atom items")
        yield InputError("E206", name=name, detail=detail)
        return
    outlet = _clean(parsed.feed.get("title"))
    for index, entry in enumerate(parsed.entries, start=1):
        try:
            yield _item_article(entry, index, name=name, outlet=outlet, options=options, fetcher=fetcher)
        except InputError as error:
            yield error


def _item_article(
    entry: Any, index: int, *, name: str, outlet: str | None, options: ReadOptions, fetcher: Fetcher
) -> Article:
    link = _clean(entry.get("link"))
    item_name = f"{name} item {index}" + (f" ({link})" if link else "")
    known = Metadata(
        id=link or _clean(entry.get("id")),
        published=_item_date(entry),
        outlet=outlet or options.outlet,
        title=_clean(entry.get("title")),
        url=link,
    )
    full_text = _content_text(entry.get("content") or [])
    if full_text and len(full_text.split()) >= FULL_TEXT_MIN_WORDS:
        return make_article(full_text, known, name=item_name, options=options)
    if link:
        return page_article(fetcher.fetch(link), known, name=item_name, options=options)
    summary = full_text or _content_text([entry.get("summary_detail") or {"value": entry.get("summary")}])
    if not summary:
        raise InputError("E207", index=index, name=name)
    warn("W201", index=index, name=name)
    return make_article(summary, known, name=item_name, options=options)


def _content_text(contents: list[Any]) -> str:
    """The longest of an item's contents, as plain text (HTML content through the HTML extractor)."""
    texts = []
    for content in contents:
        value = content.get("value") or ""
        if "html" in (content.get("type") or "text/html"):
            value = extract_html(value).text
        texts.append(normalise_newlines(value).strip())
    return max(texts, key=len, default="")


def _item_date(entry: Any) -> str | None:
    """The item's publication date (``published``, else ``updated``) as YYYY-MM-DD."""
    for key in ("published_parsed", "updated_parsed"):
        parsed: time.struct_time | None = entry.get(key)
        if parsed is not None:
            return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat()
    return None


def _clean(value: object) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text or None

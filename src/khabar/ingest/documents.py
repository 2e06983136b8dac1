"""One document in, one Article out: plain text and HTML files, and the checks every article passes.

The text of the Article is exactly what the extractor sees and what evidence offsets refer
to: decoded, with ``\\r\\n`` turned into ``\\n``, and for HTML the extracted main text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from ..errors import InputError, warn
from ..model import Article
from .checks import (
    MAX_BYTES_PER_CHAR,
    check_byte_size,
    check_char_count,
    check_not_binary,
    check_not_empty,
    decode,
    normalise_newlines,
)
from .dates import plausible_date, published_date
from .html import HtmlDocument, extract_html
from .language import detect_language
from .source import Source

#: the longest article khabar reads, in characters, unless told otherwise
DEFAULT_MAX_CHARS = 1_000_000
#: HTML pages carry markup around their text: their byte limit is this many times a text file's
HTML_MARKUP_ALLOWANCE = 5


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """What the caller says about every input: metadata defaults, and the limits."""

    published: dt.date | None = None
    outlet: str | None = None
    max_chars: int = DEFAULT_MAX_CHARS
    allow_non_english: bool = False


@dataclass(frozen=True, slots=True)
class Metadata:
    """What an input says about itself; the caller's options fill the gaps."""

    id: str | None = None
    published: str | None = None
    outlet: str | None = None
    title: str | None = None
    url: str | None = None


def read_text_document(source: Source, options: ReadOptions) -> Iterator[Article | InputError]:
    """A plain-text file as one Article."""
    yield from _read_document(source, options, html=False)


def read_html_document(source: Source, options: ReadOptions) -> Iterator[Article | InputError]:
    """An HTML page as one Article of its main text; the page's metadata fills what options leave open."""
    yield from _read_document(source, options, html=True)


def _read_document(source: Source, options: ReadOptions, *, html: bool) -> Iterator[Article | InputError]:
    try:
        text = _decoded_text(source, options, html=html)
        metadata = Metadata()
        if html:
            text, metadata = _html_text(text, name=source.name, options=options)
        yield make_article(text, metadata, name=source.name, options=options)
    except InputError as error:
        yield error
    except OSError as error:
        yield InputError("E012", name=source.name, detail=error.strerror or str(error))


def _decoded_text(source: Source, options: ReadOptions, *, html: bool) -> str:
    """The text of ``source``, after the checks that need only its bytes."""
    byte_limit = options.max_chars * MAX_BYTES_PER_CHAR * (HTML_MARKUP_ALLOWANCE if html else 1)
    size = source.size()
    if size is not None:
        # say no to a huge file before reading it
        check_byte_size(size, name=source.name, max_chars=byte_limit // MAX_BYTES_PER_CHAR)
    data = source.read_bytes(byte_limit)
    if data is None:
        raise InputError("E004", name=source.name, size=f"over {byte_limit:,} bytes", limit=options.max_chars)
    if not data.strip():
        raise InputError("E001", name=source.name)
    check_not_binary(data, name=source.name)
    return normalise_newlines(decode(data, name=source.name))


def _html_text(markup: str, *, name: str, options: ReadOptions) -> tuple[str, Metadata]:
    """The main text of a page, and its metadata where the caller's options give none."""
    check_not_empty(markup, name=name)
    page: HtmlDocument = extract_html(markup)
    if not page.text.strip():
        raise InputError("E010", name=name)
    metadata = Metadata(
        published=None if options.published else plausible_date(page.published, name=name),
        outlet=None if options.outlet else page.outlet,
        title=page.title,
        url=page.url,
    )
    return page.text, metadata


def make_article(text: str, metadata: Metadata, *, name: str, options: ReadOptions) -> Article:
    """The Article of checked, decoded ``text``; raises ``InputError`` when it fails a check."""
    check_not_empty(text, name=name)
    check_char_count(text, name=name, max_chars=options.max_chars)
    language = check_language(text, name=name, allow_non_english=options.allow_non_english)
    return Article(
        text=text,
        id=metadata.id or "",
        published=_published(metadata, options, name=name),
        outlet=metadata.outlet or options.outlet,
        title=metadata.title,
        url=metadata.url,
        language=language,
    )


def _published(metadata: Metadata, options: ReadOptions, *, name: str) -> dt.date | None:
    if metadata.published:
        return published_date(metadata.published, name=name)
    return options.published


def check_language(text: str, *, name: str, allow_non_english: bool) -> str:
    """The language code of ``text``; E005 when it is not English, unless that is allowed (then W002)."""
    language = detect_language(text) or "en"  # too short to tell: let it through
    if language != "en":
        if not allow_non_english:
            raise InputError("E005", name=name, language=language)
        warn("W002", name=name, language=language)
    return language

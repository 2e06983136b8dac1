"""WARC (``.warc``, ``.warc.gz``): each archived HTML or text page becomes an Article.

Only ``response`` records with HTTP status 200 (and ``resource`` records, which carry a page
without HTTP headers) whose content type is HTML or plain text are read; every other response
or resource record is skipped and counted, and the counts are one warning (W200) per file.
Requests, metadata, revisits and ``warcinfo`` records are not pages and pass silently.

An article's id is the record's target URI (the page's address, stable across crawls, so a
page archived again with new text replaces its ledger), else the record's payload digest.
Its publication date is the caller's ``--published``, else the page's own metadata, else the
HTTP ``Last-Modified`` header, else the HTTP ``Date`` header, else the capture date.

A truncated or corrupt file is one error (E200) naming the file and the byte offset of the
record where reading stopped; the articles read before it are kept. warcio reads a cut gzip
member or a short record without complaint, so truncation is found by counting: a record
whose block is shorter than its ``Content-Length``, or bytes left after the last whole record.
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import IO, Any

from ..errors import InputError, warn
from ..model import Article
from .checks import check_not_binary, decode, normalise_newlines
from .dates import plausible_date
from .documents import Metadata, ReadOptions, make_article
from .html import extract_html
from .source import Source

#: the first bytes of an uncompressed WARC file
WARC_MAGIC = b"WARC/"
#: record types that carry an archived page
PAGE_RECORDS = ("response", "resource")
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
#: a page's HTML may be this many times its text limit (markup, scripts and styles)
MARKUP_ALLOWANCE = 5


def looks_like_warc(head: bytes) -> bool:
    """Whether the first bytes are a WARC file, plain or gzip-compressed (one member per record)."""
    if head.startswith(WARC_MAGIC):
        return True
    if not head.startswith(b"\x1f\x8b"):
        return False
    try:
        start = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, len(WARC_MAGIC))
    except zlib.error:
        return False
    return start.startswith(WARC_MAGIC)


@dataclass(frozen=True, slots=True)
class _Page:
    """What one page record holds, before it becomes an Article."""

    uri: str | None
    digest: str | None
    content_type: str
    charset: str | None
    body: bytes
    dates: tuple[str | None, ...]  # Last-Modified, Date, WARC-Date: the fallbacks for `published`


class _CountingReader:
    """A byte stream that counts what has been read from it, to find bytes left unread."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw
        self.count = 0

    def read(self, size: int = -1) -> bytes:
        data = self.raw.read(size)
        self.count += len(data)
        return data

    def readline(self, size: int = -1) -> bytes:
        data = self.raw.readline(size)
        self.count += len(data)
        return data


def read_warc_source(source: Source, options: ReadOptions) -> Iterator[Article | InputError]:
    """Every page of a WARC file as an Article, in file order; errors in place of bad pages."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    skipped: Counter[str] = Counter()
    read = 0
    try:
        with source.open() as handle:
            stream = _CountingReader(handle)
            records = ArchiveIterator(stream, no_record_parse=False)
            try:
                for record in records:
                    outcome = _record_page(record, options, skipped)
                    if isinstance(outcome, _Truncated):
                        yield _corrupt(source, records.get_record_offset(), outcome.detail, read)
                        return
                    if outcome is None:
                        continue
                    item = _page_article(outcome, source.name, records.get_record_offset(), options)
                    read += isinstance(item, Article)
                    yield item
            except (ArchiveLoadFailed, EOFError, zlib.error, ValueError, AttributeError) as exc:
                # AttributeError: warcio's reader of a gzip member cut inside its header
                yield _corrupt(source, records.offset, _reason(exc), read)
                return
            if stream.count > records.offset or (read == 0 and not skipped and stream.count):
                yield _corrupt(source, records.offset, "an incomplete record at the end", read)
    except OSError as error:
        yield InputError("E012", name=source.name, detail=error.strerror or str(error))
    finally:
        if skipped:
            detail = ", ".join(f"{count} {reason}" for reason, count in sorted(skipped.items()))
            warn("W200", name=source.name, count=sum(skipped.values()), detail=detail)


@dataclass(frozen=True, slots=True)
class _Truncated:
    detail: str


def _record_page(record: Any, options: ReadOptions, skipped: Counter[str]) -> _Page | _Truncated | None:
    """The page of ``record``; None when it is not one (counted in ``skipped`` when it is a
    response or resource record that is not a readable page)."""
    if record.rec_type not in PAGE_RECORDS:
        return None
    status = record.http_headers.get_statuscode() if record.http_headers else "200"
    content_type, charset = _content_type(record)
    limit = options.max_chars * 4 * MARKUP_ALLOWANCE
    body = record.content_stream().read(limit + 1)
    record.raw_stream.read()  # drain, so the record's own length can be checked
    if getattr(record.raw_stream, "limit", 0) > 0:
        return _Truncated(f"the record of '{_uri(record)}' ends early")
    if status != "200":
        skipped[f"with HTTP status {status}"] += 1
        return None
    if content_type not in HTML_TYPES + TEXT_TYPES:
        skipped[f"of type {content_type or 'unknown'}"] += 1
        return None
    if len(body) > limit:
        skipped["over the size limit"] += 1
        return None
    http = record.http_headers
    return _Page(
        uri=_uri(record),
        digest=record.rec_headers.get_header("WARC-Payload-Digest")
        or record.rec_headers.get_header("WARC-Block-Digest"),
        content_type=content_type,
        charset=charset,
        body=body,
        dates=(
            http.get_header("Last-Modified") if http else None,
            http.get_header("Date") if http else None,
            record.rec_headers.get_header("WARC-Date"),
        ),
    )


def _uri(record: Any) -> str | None:
    return record.rec_headers.get_header("WARC-Target-URI")


def _content_type(record: Any) -> tuple[str, str | None]:
    """The page's media type (lower case, no parameters) and its declared charset, if any."""
    header = (record.http_headers.get_header("Content-Type") if record.http_headers else None) or (
        record.rec_headers.get_header("Content-Type")
    )
    return split_content_type(header)


def split_content_type(header: str | None) -> tuple[str, str | None]:
    """('text/html', 'utf-8') of 'text/html; charset=UTF-8'; ('', None) of nothing."""
    if not header:
        return "", None
    media_type, *parameters = header.split(";")
    charset = None
    for parameter in parameters:
        key, _, value = parameter.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'").lower() or None
    return media_type.strip().lower(), charset


def _page_article(page: _Page, file_name: str, offset: int, options: ReadOptions) -> Article | InputError:
    name = f"{file_name} record at offset {offset} ({page.uri or page.digest})"
    try:
        text = decode_body(page.body, page.charset, name=name)
        metadata = Metadata(id=page.uri or page.digest, url=page.uri)
        if page.content_type in HTML_TYPES:
            text, metadata = _html_page(text, metadata, name=name, options=options)
        if not metadata.published and not options.published:
            metadata = _with_published(metadata, header_date(page.dates, name=name))
        return make_article(text, metadata, name=name, options=options)
    except InputError as error:
        return error


def decode_body(body: bytes, charset: str | None, *, name: str) -> str:
    """The text of a page's bytes: its declared charset when that decodes them, else sniffed."""
    if charset:
        try:
            return normalise_newlines(body.decode(charset))
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declaration: let the bytes speak
    check_not_binary(body[:8192], name=name)
    return normalise_newlines(decode(body, name=name))


def _html_page(markup: str, metadata: Metadata, *, name: str, options: ReadOptions) -> tuple[str, Metadata]:
    page = extract_html(markup)
    if not page.text.strip():
        raise InputError("E010", name=name)
    return page.text, Metadata(
        id=metadata.id,
        published=None if options.published else plausible_date(page.published, name=name),
        outlet=None if options.outlet else page.outlet,
        title=page.title,
        url=metadata.url or page.url,
    )


def _with_published(metadata: Metadata, published: str | None) -> Metadata:
    return Metadata(
        id=metadata.id, published=published, outlet=metadata.outlet, title=metadata.title, url=metadata.url
    )


def header_date(values: tuple[str | None, ...], *, name: str) -> str | None:
    """The first of ``values`` (HTTP dates, or ISO 8601 for WARC-Date) that is a plausible date."""
    for value in values:
        if not value:
            continue
        try:
            date = parsedate_to_datetime(value).date().isoformat()
        except (TypeError, ValueError):
            date = value[:10]
        if plausible_date(date, name=name):
            return date
    return None


def _corrupt(source: Source, offset: int, detail: str, count: int) -> InputError:
    return InputError("E200", name=source.name, offset=offset, detail=detail, count=count)


def _reason(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__

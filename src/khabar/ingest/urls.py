"""http(s) URLs as inputs: fetched with a timeout and a size cap, then read as a page or a feed.

``khabar ingest https://host/report.html`` reads one article (the page's main text, through
``ingest/html.py``); a URL that answers with an RSS or Atom feed reads every item of it
(``ingest/feeds.py``). Every way a fetch can fail (a name that does not resolve, a refused
connection, an HTTP error status, a type that is neither a page nor a feed, a body over the
size cap, a server that does not answer in time) is one ``InputError`` naming the URL, and
the batch goes on.

An article fetched from a URL has that URL as its id (as given, before redirects: the same
URL ingested again is the same article, and a page whose text changed replaces its ledger).
Its metadata comes from the page; its publication date, when the page declares none, from
the ``Last-Modified`` header (never ``Date``: that is when it was fetched, not written).
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from types import TracebackType

import httpx

from ..errors import InputError
from ..model import Article
from .dates import plausible_date
from .documents import Metadata, ReadOptions, make_article
from .html import extract_html, looks_like_html
from .warc_reader import decode_body, header_date, split_content_type

#: seconds to connect, and between two reads of the body; the whole fetch gets FETCH_DEADLINE_FACTOR times it
DEFAULT_TIMEOUT_S = 20.0
FETCH_DEADLINE_FACTOR = 3
#: the largest body read from one URL, in bytes: far above any article page, far below a video
DEFAULT_MAX_BYTES = 10_000_000
MAX_REDIRECTS = 5
USER_AGENT = "khabar (news ingest; +https://github.com/khabar)"
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/feed+json",
    "application/xml",
    "text/xml",
)
#: types a server gives when it does not know: the first bytes decide
UNKNOWN_TYPES = ("", "application/octet-stream", "binary/octet-stream")
_URL = re.compile(r"^https?://", re.I)


def is_url(value: object) -> bool:
    """Whether an input names an http(s) URL rather than a file."""
    return isinstance(value, str) and _URL.match(value) is not None


@dataclass(frozen=True, slots=True)
class Fetched:
    """One URL's answer: where it ended up, what it is, and its body."""

    url: str  # as requested
    final_url: str  # after redirects
    media_type: str
    charset: str | None
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        """'html', 'text', 'feed', or '' when it is none of them."""
        from .feeds import looks_like_feed

        if self.media_type in HTML_TYPES:
            return "html"
        if self.media_type in TEXT_TYPES:
            return "feed" if looks_like_feed(self.body[:4096]) else "text"
        if self.media_type in FEED_TYPES or looks_like_feed(self.body[:4096]):
            return "feed"
        if self.media_type in UNKNOWN_TYPES and looks_like_html(self.body[:4096]):
            return "html"
        return ""


class Fetcher:
    """Fetches URLs over one connection pool, within a timeout and a size cap."""

    def __init__(
        self,
        *,
        timeout_s: float | None = None,
        max_bytes: int | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        # the module defaults are read now, not at import, so a caller (or a test) can change them
        self.timeout_s = timeout_s if timeout_s is not None else DEFAULT_TIMEOUT_S
        self.max_bytes = max_bytes if max_bytes is not None else DEFAULT_MAX_BYTES
        self.client = httpx.Client(
            timeout=httpx.Timeout(self.timeout_s),
            follow_redirects=True,
            max_redirects=MAX_REDIRECTS,
            headers={"User-Agent": USER_AGENT},
            transport=transport,
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    def fetch(self, url: str) -> Fetched:
        """The answer of ``url``; ``InputError`` naming it when there is no usable answer."""
        try:
            with self.client.stream("GET", url) as response:
                return self._read(url, response)
        except httpx.TimeoutException:
            raise InputError("E205", url=url, seconds=self.timeout_s) from None
        except httpx.TooManyRedirects:
            raise InputError("E201", url=url, detail=f"more than {MAX_REDIRECTS} redirects") from None
        except httpx.ConnectError as exc:
            raise InputError("E201", url=url, detail=_connect_detail(exc)) from None
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            raise InputError("E201", url=url, detail=f"{type(exc).__name__}: {exc}") from None

    def _read(self, url: str, response: httpx.Response) -> Fetched:
        if response.status_code != 200:
            reason = f" {response.reason_phrase}" if response.reason_phrase else ""
            raise InputError("E202", url=url, status=response.status_code, reason=reason)
        media_type, charset = split_content_type(response.headers.get("content-type"))
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise InputError("E204", url=url, limit=self.max_bytes)
        body = self._body(url, response)
        return Fetched(
            url=url,
            final_url=str(response.url),
            media_type=media_type,
            charset=charset,
            body=body,
            headers={key.lower(): value for key, value in response.headers.items()},
        )

    def _body(self, url: str, response: httpx.Response) -> bytes:
        """The body, stopping at the size cap and at the deadline (a server may drip bytes forever)."""
        deadline = time.monotonic() + self.timeout_s * FETCH_DEADLINE_FACTOR
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self.max_bytes:
                raise InputError("E204", url=url, limit=self.max_bytes)
            if time.monotonic() > deadline:
                raise InputError("E205", url=url, seconds=self.timeout_s * FETCH_DEADLINE_FACTOR)
            chunks.append(chunk)
        return b"".join(chunks)


def _connect_detail(exc: httpx.ConnectError) -> str:
    text = str(exc)
    if "Name or service not known" in text or "nodename nor servname" in text or "getaddrinfo" in text:
        return f"the host name does not resolve ({text})"
    return text or "the connection failed"


def read_url(
    url: str, options: ReadOptions, *, fetcher: Fetcher | None = None
) -> Iterator[Article | InputError]:
    """The article of a page URL, or every item of a feed URL; an ``InputError`` naming it otherwise."""
    own = fetcher is None
    fetcher = fetcher or Fetcher()
    try:
        try:
            fetched = fetcher.fetch(url)
        except InputError as error:
            yield error
            return
        if fetched.kind == "feed":
            from .feeds import read_feed

            yield from read_feed(fetched.body, name=url, options=options, fetcher=fetcher)
            return
        try:
            yield page_article(fetched, Metadata(id=url), name=url, options=options)
        except InputError as error:
            yield error
    finally:
        if own:
            fetcher.close()


def page_article(fetched: Fetched, known: Metadata, *, name: str, options: ReadOptions) -> Article:
    """The Article of a fetched page; what ``known`` says (a feed item's title, date) wins over the page."""
    kind = fetched.kind
    if kind not in ("html", "text"):
        raise InputError("E203", url=fetched.url, content_type=fetched.media_type or "of no declared type")
    text = decode_body(fetched.body, fetched.charset, name=name)
    page_title = page_published = page_outlet = page_url = None
    if kind == "html":
        page = extract_html(text)
        if not page.text.strip():
            raise InputError("E010", name=name)
        text = page.text
        page_title, page_outlet, page_url = page.title, page.outlet, page.url
        page_published = plausible_date(page.published, name=name)
    published = known.published or page_published
    if not published:
        published = header_date((fetched.headers.get("last-modified"),), name=name)
    metadata = Metadata(
        id=known.id or fetched.url,
        published=None if options.published and not known.published else published,
        outlet=known.outlet or (None if options.outlet else page_outlet),
        title=known.title or page_title,
        url=known.url or page_url or fetched.final_url,
    )
    return make_article(text, metadata, name=name, options=options)

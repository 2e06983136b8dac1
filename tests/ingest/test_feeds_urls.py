"""http(s) URLs and RSS/Atom feeds, served by a local test server on 127.0.0.1 (no network)."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from khabar.errors import InputError
from khabar.ingest import format_of, read_inputs
from khabar.ingest import urls as urls_module
from khabar.ingest.source import Source
from khabar.model import Article

WEB = Path(__file__).resolve().parent.parent / "fixtures" / "web"
#: the slow page answers after this many seconds; the tests' timeout is shorter
SLOW_S = 1.5


class Site:
    """What the test server serves: path -> (status, headers, body), with {base} filled in."""

    def __init__(self) -> None:
        self.base = ""
        self.routes: dict[str, tuple[int, dict[str, str], bytes]] = {}

    def page(self, path: str, fixture: str, content_type: str) -> None:
        body = (WEB / fixture).read_text(encoding="utf-8").replace("{base}", self.base).encode()
        self.routes[path] = (200, {"Content-Type": content_type}, body)


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == "/slow.html":
                time.sleep(SLOW_S)
            if self.path == "/big-chunked.html":
                self._chunked(b"<p>" + b"x" * 4096 + b"</p>", count=600)
                return
            status, headers, body = site.routes.get(self.path, (404, {"Content-Type": "text/html"}, b"nope"))
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            if "Content-Length" not in headers:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _chunked(self, piece: bytes, *, count: int) -> None:
            """A body of unannounced length, sent in chunks: only counting can cap it."""
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            try:
                for _ in range(count):
                    self.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
                self.wfile.write(b"0\r\n\r\n")
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client stopped reading at its cap, as it should

        def log_message(self, format: str, *args: object) -> None:
            pass  # keep the test output clean

    return Handler


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    """A local web server for this module, stopped at the end."""
    site = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    site.page("/articles/saraqib.html", "saraqib.html", "text/html; charset=utf-8")
    site.page("/articles/ariha.html", "ariha.html", "text/html")
    site.page("/feed.rss", "feed.rss", "application/rss+xml; charset=utf-8")
    site.page("/feed.atom", "feed.atom", "application/atom+xml")
    site.page("/feed-as-text", "feed.rss", "text/plain")
    site.routes["/image.png"] = (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n....")
    site.routes["/big.html"] = (200, {"Content-Type": "text/html"}, b"<p>" + b"x" * 2_000_000 + b"</p>")
    site.routes["/slow.html"] = (200, {"Content-Type": "text/html"}, b"<p>late</p>")
    site.routes["/moved"] = (302, {"Location": "/articles/saraqib.html"}, b"")
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(autouse=True)
def small_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    """A short timeout and a 1 MB cap, so the failure cases are quick."""
    monkeypatch.setattr(urls_module, "DEFAULT_TIMEOUT_S", 0.5)
    monkeypatch.setattr(urls_module, "DEFAULT_MAX_BYTES", 1_000_000)


def read(*inputs: str | Path) -> list[Article | InputError]:
    return list(read_inputs(list(inputs)))


def test_a_page_url_becomes_an_article_with_the_page_metadata(site: Site) -> None:
    url = f"{site.base}/articles/saraqib.html"
    [article] = read(url)
    assert isinstance(article, Article)
    assert article.id == url  # as given: the same URL is the same article on the next run
    assert article.url == "https://wire.example/2024/03/04/saraqib"  # the page's canonical address
    assert article.title == "Shelling kills four in Saraqib" and article.outlet == "Idlib Wire"
    assert article.published == dt.date(2024, 3, 4) and article.language == "en"
    assert article.text.startswith("Shelling kills four in Saraqib\n\nGovernment forces shelled")
    assert "Home" not in article.text and "Invented report" not in article.text


def test_a_redirect_is_followed_and_the_page_without_metadata_keeps_its_final_url(site: Site) -> None:
    [saraqib, ariha] = read(f"{site.base}/moved", f"{site.base}/articles/ariha.html")
    assert isinstance(saraqib, Article) and saraqib.id == f"{site.base}/moved"
    assert isinstance(ariha, Article) and ariha.url == f"{site.base}/articles/ariha.html"
    assert ariha.title == "Air strike on Ariha market" and ariha.published is None


def test_an_rss_url_reads_each_item_from_its_link(site: Site) -> None:
    saraqib, ariha, removed = read(f"{site.base}/feed.rss")
    assert isinstance(saraqib, Article) and isinstance(ariha, Article)
    assert saraqib.id == f"{site.base}/articles/saraqib.html"
    assert saraqib.outlet == "Idlib Wire" and ariha.outlet == "Idlib Wire"  # the feed's title
    assert ariha.title == "Strike on Ariha market"  # the item's title wins over the page's
    assert ariha.published == dt.date(2024, 3, 5)  # from the item's pubDate
    assert "vegetable market in Ariha" in ariha.text  # the page's text, not the teaser
    assert isinstance(removed, InputError) and removed.code == "E202"
    assert f"{site.base}/articles/removed.html" in str(removed) and "404" in str(removed)


def test_an_atom_file_uses_full_text_when_it_has_it_and_fetches_the_rest(site: Site, tmp_path: Path) -> None:
    feed = tmp_path / "monitor.atom"
    feed.write_text((WEB / "feed.atom").read_text().replace("{base}", site.base))
    afrin, ariha = read(feed)
    # the full-text entry links to a host that does not exist: it was not fetched
    assert isinstance(afrin, Article) and afrin.id == "https://monitor.example/afrin-convoy"
    assert afrin.text.startswith("Turkish drones struck a convoy") and afrin.title.startswith("Drone strike")
    assert afrin.published == dt.date(2024, 3, 6) and afrin.outlet == "Aleppo Monitor"
    assert isinstance(ariha, Article) and "vegetable market in Ariha" in ariha.text
    assert ariha.published == dt.date(2024, 3, 7)  # no <published>: its <updated>


def test_feeds_are_recognised_by_extension_or_first_bytes(tmp_path: Path, site: Site) -> None:
    for name in ("a.rss", "a.atom", "a.xml", "no-extension", "a.txt"):
        path = tmp_path / name
        path.write_bytes((WEB / "feed.rss").read_bytes())
        assert format_of(Source(name=name, path=path)).name == "feed", name
    [_, _, _] = read(f"{site.base}/feed-as-text")  # served as text/plain, read as the feed it is


def test_a_file_that_is_not_a_feed_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.xml"
    path.write_text("<notes><note>nothing here</note></notes>")
    [error] = read(path)
    assert isinstance(error, InputError) and error.code == "E206" and str(path) in str(error)


@pytest.mark.parametrize(
    ("path", "code"),
    [
        ("/articles/removed.html", "E202"),
        ("/image.png", "E203"),
        ("/big.html", "E204"),
        ("/big-chunked.html", "E204"),
        ("/slow.html", "E205"),
    ],
    ids=["404", "not-html", "too-big", "too-big-unannounced", "timeout"],
)
def test_a_url_that_fails_is_one_error_naming_it(site: Site, path: str, code: str) -> None:
    url = f"{site.base}{path}"
    [error] = read(url)
    assert isinstance(error, InputError) and error.code == code and url in str(error)


def test_a_host_that_does_not_resolve_is_one_error_and_the_batch_goes_on(site: Site) -> None:
    error, article = read("https://news.invalid/report.html", f"{site.base}/articles/ariha.html")
    assert isinstance(error, InputError) and error.code == "E201"
    assert "https://news.invalid/report.html" in str(error)
    assert isinstance(article, Article)


def test_khabar_ingest_reads_a_feed_url_into_the_store(site: Site, tmp_path: Path) -> None:
    from khabar.cli import app
    from khabar.store import open_store

    db = tmp_path / "ledger.db"
    result = CliRunner().invoke(app, ["ingest", f"{site.base}/feed.rss", "--db", str(db), "--no-progress"])
    assert result.exit_code == 4, result.output  # one item's page is gone: skipped, reported
    assert f"{site.base}/articles/removed.html" in result.stderr and "E202" in result.stderr
    with open_store(db, read_only=True) as store:
        rows = store._query("SELECT id, outlet, language, published FROM articles ORDER BY published")
    assert [(row["outlet"], row["language"], str(row["published"])) for row in rows] == [
        ("Idlib Wire", "en", "2024-03-04"),
        ("Idlib Wire", "en", "2024-03-05"),
    ]

"""WARC files: archived pages become articles; other records are skipped and counted; a cut file
keeps what it read and names the offset where it stopped."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from khabar.errors import InputError, KhabarWarning
from khabar.ingest import format_of, read_inputs
from khabar.ingest.source import Source
from khabar.model import Article

REPORT = (
    "Government forces shelled the town of Saraqib in Idlib province on Monday, killing four "
    "civilians and wounding eleven others, a local rescue official said. Residents said the "
    "bombardment continued into the evening and that several houses were damaged."
)
PAGE = f"""<!doctype html><html><head><title>Shelling in Saraqib</title>
<meta property="article:published_time" content="2024-03-04T09:00:00Z">
<meta property="og:site_name" content="Idlib Wire"></head>
<body><nav>Home | World</nav><article><h1>Shelling in Saraqib</h1><p>{REPORT}</p></article></body></html>"""
OTHER_REPORT = REPORT.replace("Saraqib", "Ariha").replace("four", "six")


def response(
    writer: WARCWriter,
    uri: str,
    body: bytes,
    *,
    status: str = "200 OK",
    content_type: str = "text/html; charset=utf-8",
    headers: tuple[tuple[str, str], ...] = (),
) -> None:
    http = StatusAndHeaders(status, [("Content-Type", content_type), *headers], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        uri, "response", payload=io.BytesIO(body), length=len(body), http_headers=http
    )
    writer.write_record(record)


def crawl(*, gzip: bool) -> bytes:
    """A small crawl: two pages, an image, a 404, a redirect and a request record."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    response(writer, "https://news.example/saraqib", PAGE.encode())
    request_bytes = b"GET /saraqib HTTP/1.1\r\nHost: news.example\r\n\r\n"
    request = writer.create_warc_record(
        "https://news.example/saraqib",
        "request",
        payload=io.BytesIO(request_bytes),
        length=len(request_bytes),
    )
    writer.write_record(request)
    response(writer, "https://news.example/logo.png", b"\x89PNG\r\n\x1a\n....", content_type="image/png")
    response(writer, "https://news.example/gone", b"<html>gone</html>", status="404 Not Found")
    response(writer, "https://news.example/old", b"", status="301 Moved Permanently")
    response(
        writer,
        "https://news.example/ariha.txt",
        OTHER_REPORT.encode(),
        content_type="text/plain",
        headers=(
            ("Last-Modified", "Tue, 05 Mar 2024 10:00:00 GMT"),
            ("Date", "Wed, 06 Mar 2024 08:00:00 GMT"),
        ),
    )
    return buffer.getvalue()


def read(path: Path) -> list[Article | InputError]:
    return list(read_inputs([path]))


@pytest.mark.parametrize("gzip", [False, True], ids=["warc", "warc.gz"])
def test_pages_become_articles_and_other_records_are_counted(tmp_path: Path, gzip: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    path.write_bytes(crawl(gzip=gzip))
    with pytest.warns(KhabarWarning, match=r"W200.*3 record\(s\) skipped") as warned:
        saraqib, ariha = read(path)
    message = str(warned[0].message)
    assert "1 of type image/png" in message and "HTTP status 404" in message and "HTTP status 301" in message
    assert isinstance(saraqib, Article) and isinstance(ariha, Article)
    assert saraqib.id == saraqib.url == "https://news.example/saraqib"
    assert saraqib.text.startswith("Shelling in Saraqib") and REPORT in saraqib.text
    assert "Home | World" not in saraqib.text
    assert saraqib.title == "Shelling in Saraqib" and saraqib.outlet == "Idlib Wire"
    assert saraqib.published == dt.date(2024, 3, 4)  # the page's own date
    assert ariha.text == OTHER_REPORT
    assert ariha.published == dt.date(2024, 3, 5)  # Last-Modified before Date
    assert ariha.language == "en"


def test_a_warc_is_recognised_by_its_first_bytes(tmp_path: Path) -> None:
    for gzip in (False, True):
        path = tmp_path / f"crawl-{gzip}.bin"
        path.write_bytes(crawl(gzip=gzip))
        assert format_of(Source(name=str(path), path=path)).name == "warc"


def test_a_page_record_without_a_target_uri_takes_its_digest_as_id(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    record = writer.create_warc_record(
        "",
        "resource",
        payload=io.BytesIO(REPORT.encode()),
        length=len(REPORT),
        warc_content_type="text/plain",
    )
    record.rec_headers.remove_header("WARC-Target-URI")
    writer.write_record(record)
    path = tmp_path / "resource.warc"
    path.write_bytes(buffer.getvalue())
    [article] = read(path)
    assert isinstance(article, Article)
    assert article.id.startswith("sha1:") and article.url is None


@pytest.mark.parametrize("gzip", [False, True], ids=["warc", "warc.gz"])
@pytest.mark.parametrize("cut", [30, 200], ids=["end-cut", "mid-record"])
def test_a_truncated_warc_keeps_what_it_read_and_names_the_offset(
    tmp_path: Path, gzip: bool, cut: int
) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    response(writer, "https://news.example/saraqib", PAGE.encode())
    second_offset = buffer.tell()
    response(writer, "https://news.example/ariha", (f"<html><body><p>{OTHER_REPORT}</p>" * 20).encode())
    data = buffer.getvalue()
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) - cut])
    first, error = read(path)
    assert isinstance(first, Article) and first.id == "https://news.example/saraqib"
    assert isinstance(error, InputError) and error.code == "E200"
    assert str(path) in str(error) and f"offset {second_offset}" in str(error)
    assert "1 article(s) read before it were kept" in str(error)


def test_garbage_after_the_warc_header_is_an_error_at_offset_zero(tmp_path: Path) -> None:
    path = tmp_path / "broken.warc"
    path.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\n")
    [error] = read(path)
    assert isinstance(error, InputError) and error.code == "E200" and "offset 0" in str(error)


def test_a_non_english_page_is_an_error_naming_its_record(tmp_path: Path) -> None:
    french = (
        "Les forces gouvernementales ont bombardé la ville de Saraqib lundi, tuant quatre civils et "
        "blessant onze autres personnes, a déclaré un responsable local des secours."
    )
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    response(writer, "https://news.example/fr", french.encode(), content_type="text/plain; charset=utf-8")
    response(writer, "https://news.example/saraqib", PAGE.encode())
    path = tmp_path / "mixed.warc"
    path.write_bytes(buffer.getvalue())
    error, article = read(path)
    assert isinstance(error, InputError) and error.code == "E005" and "https://news.example/fr" in str(error)
    assert isinstance(article, Article)
    with pytest.warns(KhabarWarning, match="W002"):
        [kept, _] = list(read_inputs([path], allow_non_english=True))
    assert isinstance(kept, Article) and kept.language == "fr"

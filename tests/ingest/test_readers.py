"""Reading good inputs: text, HTML, JSONL, folders and stdin become the right Articles, in order."""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from pathlib import Path

import pytest

from khabar.errors import InputError, KhabarWarning
from khabar.ingest import InputFormat, format_of, read_inputs, read_jsonl, register_format
from khabar.ingest.readers import FORMATS
from khabar.ingest.source import Source
from khabar.model import Article, content_id

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "inputs"
ENGLISH = (
    "Government forces shelled two villages in the south of the province on Thursday, killing at "
    "least four civilians, according to a monitoring group that has sources on the ground."
)


def articles_of(paths: list[str | Path], **options: object) -> list[Article]:
    results = list(read_inputs(paths, **options))  # type: ignore[arg-type]
    errors = [item for item in results if isinstance(item, InputError)]
    assert not errors, errors
    return [item for item in results if isinstance(item, Article)]


def test_text_file_is_read_exactly_with_caller_metadata() -> None:
    path = FIXTURES / "report.txt"
    [article] = articles_of([path], published="2021-03-02", outlet="Example Wire")
    assert article.text == path.read_text(encoding="utf-8")
    assert article.id == content_id(article.text)
    assert article.published == dt.date(2021, 3, 2)
    assert article.outlet == "Example Wire"
    assert article.language == "en"


def test_crlf_becomes_lf_and_nothing_else_changes(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"  Heading\r\n\r\n" + ENGLISH.encode() + b"\r\nLast  line\rend\r\n")
    [article] = articles_of([path])
    assert article.text == "  Heading\n\n" + ENGLISH + "\nLast  line\nend\n"


@pytest.mark.parametrize(
    "published",
    ["2020-02-28", "2020-02-28T21:30:00+03:00", "Fri, 28 Feb 2020 09:00:00 GMT", "28 February 2020",
     "February 28, 2020"],
)  # fmt: skip
def test_publication_date_formats(published: str) -> None:
    [article] = articles_of([FIXTURES / "report.txt"], published=published)
    assert article.published == dt.date(2020, 2, 28)


def test_html_main_text_drops_boilerplate_and_scripts() -> None:
    [article] = articles_of([FIXTURES / "page.html"])
    text = article.text
    assert text.startswith("Drone strike hits fuel depot near Marib\n\nBy a staff reporter\n\nA drone struck")
    assert "the governorate's civil defence said." in text
    assert "Two guards were killed & four workers were injured" in text
    assert "civil defence, which" in text  # &nbsp; decoded and collapsed like other whitespace
    assert "shot down — a claim" in text
    for boilerplate in ("Home", "Trending", "Related", "Older story", "Subscribe", "Copyright", "SCRIPT",
                        "track(", "color: red", "Ignored title"):  # fmt: skip
        assert boilerplate not in text
    assert "\n\nClaims online\n\n" in text  # headings are paragraphs of their own


def test_html_metadata_from_the_page() -> None:
    [article] = articles_of([FIXTURES / "page.html"])
    assert article.title == "Drone strike hits fuel depot near Marib"
    assert article.outlet == "Example Wire"
    assert article.published == dt.date(2021, 3, 4)
    assert article.url == "https://wire.example/2021/03/marib-depot"


def test_command_line_metadata_wins_over_the_page() -> None:
    [article] = articles_of([FIXTURES / "page.html"], published="2021-03-05", outlet="Other Outlet")
    assert article.published == dt.date(2021, 3, 5)
    assert article.outlet == "Other Outlet"


def test_broken_html_still_gives_its_text() -> None:
    [article] = articles_of([FIXTURES / "broken.html"])
    assert "Clashes broke out on Friday" in article.text
    assert "several hours before the fighting" in article.text
    assert "moved toward the eastern district where" in article.text
    assert "<" not in article.text


def test_html_is_sniffed_without_an_html_extension(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(f"<!DOCTYPE html><html><body><nav>Menu</nav><p>{ENGLISH}</p></body></html>")
    [article] = articles_of([path])
    assert article.text == ENGLISH


def test_jsonl_with_two_bad_lines_yields_three_articles_in_order() -> None:
    path = FIXTURES / "articles.jsonl"
    results = list(read_jsonl(path))
    assert [type(item).__name__ for item in results] == [
        "Article", "InputError", "Article", "InputError", "Article"
    ]  # fmt: skip
    articles = [item for item in results if isinstance(item, Article)]
    assert [article.id for article in articles] == ["a-1", "a-3", "17"]
    assert articles[0].published == dt.date(2021, 5, 10)
    assert articles[0].outlet == "Example Wire"
    assert articles[1].title == "Students' families protest"
    assert articles[2].url == "https://wire.example/ied"
    errors = [item for item in results if isinstance(item, InputError)]
    assert [error.fields["line"] for error in errors] == [2, 4]
    assert all(str(path) in str(error) for error in errors)


def test_jsonl_through_read_inputs_is_the_same_stream() -> None:
    path = FIXTURES / "articles.jsonl"
    assert [repr(item) for item in read_inputs([path])] == [repr(item) for item in read_jsonl(path)]


def test_jsonl_line_metadata_wins_and_options_fill_gaps(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(
        f'{{"id": "x", "text": "{ENGLISH}", "published": "2020-01-02"}}\n\n'
        f'{{"id": "y", "text": "{ENGLISH}", "outlet": "Own Outlet"}}\n'
    )
    first, second = read_jsonl(path, published="2020-05-05", outlet="Default Outlet")
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.published, first.outlet) == (dt.date(2020, 1, 2), "Default Outlet")
    assert (second.published, second.outlet) == (dt.date(2020, 5, 5), "Own Outlet")


def test_folder_is_read_recursively_in_sorted_order_skipping_hidden_files(tmp_path: Path) -> None:
    for relative in ("b.txt", "a/z.txt", "a/c.txt", ".hidden.txt", ".git/x.txt"):
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{relative}: {ENGLISH}")
    texts = [article.text.split(":")[0] for article in articles_of([tmp_path])]
    assert texts == ["a/c.txt", "a/z.txt", "b.txt"]


def test_order_of_inputs_is_preserved() -> None:
    articles = articles_of([FIXTURES / "page.html", FIXTURES / "report.txt", FIXTURES / "broken.html"])
    assert [article.text[:10] for article in articles] == ["Drone stri", "Shelling h", "Clashes br"]


def test_stdin_text_and_stdin_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ENGLISH.encode())))
    [article] = articles_of(["-"])
    assert article.text == ENGLISH
    jsonl = f'{{"id": "s1", "text": "{ENGLISH}"}}\n'.encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(jsonl)))
    [article] = articles_of(["-"])
    assert article.id == "s1"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(jsonl)))
    [article] = read_jsonl("-")
    assert isinstance(article, Article) and article.id == "s1"


@pytest.mark.parametrize(
    ("encoding", "label"),
    [("utf-8-sig", "UTF-8 with a byte-order mark"), ("utf-16", "UTF-16"), ("cp1252", "Windows-1252")],
)
def test_other_encodings_are_decoded_with_a_warning(tmp_path: Path, encoding: str, label: str) -> None:
    text = "The café owner in Aleppo’s old city said “nobody came” on Thursday – naïve hopes. " + ENGLISH
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    with pytest.warns(KhabarWarning, match=rf"\[W001\].*{encoding}\.txt.*{label}"):
        [article] = articles_of([path])
    assert article.text == text


def test_non_english_is_read_when_allowed_with_a_warning() -> None:
    with pytest.warns(KhabarWarning, match=r"\[W002\].*french\.txt.*'fr'"):
        [article] = articles_of([FIXTURES / "french.txt"], allow_non_english=True)
    assert article.language == "fr"


def test_formats_are_chosen_by_extension_then_sniffing(tmp_path: Path) -> None:
    jsonl = tmp_path / "lines.txt"
    jsonl.write_text('{"text": "x"}\n')
    assert format_of(Source(name="x", path=jsonl)).name == "jsonl"
    assert format_of(Source(name="p", path=FIXTURES / "page.html")).name == "html"
    assert format_of(Source(name="r", path=FIXTURES / "report.txt")).name == "text"
    assert format_of(Source(name="w", path=tmp_path / "crawl.warc.gz")).name == "warc"


def test_a_registered_format_is_used_for_its_extension(tmp_path: Path) -> None:
    path = tmp_path / "table.csv"
    path.write_text("id,text\n1,hello\n")
    saved = FORMATS["csv"]

    def read_csv(source: Source, options: object) -> list[Article]:
        return [Article(text="from the csv reader", id=source.name)]

    register_format(InputFormat("csv", read_csv, (".csv",)))  # type: ignore[arg-type]
    try:
        [article] = articles_of([path])
    finally:
        register_format(saved)
    assert article.text == "from the csv reader"


def test_the_demo_sample_reads_as_one_english_article() -> None:
    sample = Path(__file__).resolve().parents[2] / "src" / "khabar" / "samples" / "sample-report.txt"
    [article] = articles_of([sample], published="2023-11-17", outlet="Khabar Sample Wire")
    assert article.language == "en"
    assert article.text.startswith("Air strike on Maarat al-Numan market")
    assert 300 < len(article.text.split()) < 400


def test_jsonl_text_that_is_an_html_page_is_extracted(tmp_path: Path) -> None:
    page = (
        '<!doctype html><html><head><meta property="og:site_name" content="Page Outlet"></head>'
        f"<body><nav>Home</nav><p>{ENGLISH}</p><script>x()</script></body></html>"
    )
    path = tmp_path / "pages.jsonl"
    path.write_text(json.dumps({"id": "p1", "text": page}) + "\n")
    [article] = read_jsonl(path)
    assert isinstance(article, Article)
    assert (article.id, article.text, article.outlet) == ("p1", ENGLISH, "Page Outlet")


def test_jsonl_with_a_byte_order_mark_warns_and_reads(tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": "b1", "text": ENGLISH}).encode() + b"\n")
    with pytest.warns(KhabarWarning, match=r"\[W001\].*bom\.jsonl"):
        [article] = read_jsonl(path)
    assert isinstance(article, Article) and article.id == "b1"

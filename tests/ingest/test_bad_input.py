"""Bad inputs: each class gives its numbered error naming the input, and the batch goes on."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import time
from pathlib import Path

import pytest

from khabar.errors import InputError
from khabar.ingest import read_inputs, read_jsonl
from khabar.ingest.dates import published_date
from khabar.model import Article

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "inputs"
ENGLISH = (
    "Government forces shelled two villages in the south of the province on Thursday, killing at "
    "least four civilians, according to a monitoring group that has sources on the ground."
)


def only_error(path: str | Path, **options: object) -> InputError:
    """The single result of reading ``path``, which must be an error naming it."""
    [result] = list(read_inputs([path], **options))  # type: ignore[arg-type]
    assert isinstance(result, InputError), result
    assert str(path) in str(result)
    return result


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_missing_file() -> None:
    assert only_error("no/such/report.txt").code == "E009"


@pytest.mark.parametrize("name", ["empty.txt", "whitespace.txt"])
def test_empty_and_whitespace_only(name: str) -> None:
    assert only_error(FIXTURES / name).code == "E001"


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (gzip.compress(ENGLISH.encode()), "gzip"),
        (b"Some text\x00\x00\x00with NUL bytes in it", "NUL bytes"),
        (bytes(range(1, 9)) * 40 + ENGLISH.encode(), "control characters"),
    ],
)
def test_binary_inputs_name_what_they_are(tmp_path: Path, data: bytes, kind: str) -> None:
    error = only_error(write(tmp_path, "input.txt", data))
    assert error.code == "E002"
    assert kind in str(error)


def test_undecodable_bytes(tmp_path: Path) -> None:
    error = only_error(write(tmp_path, "mojibake.txt", bytes(range(0x80, 0x100)) * 20))
    assert error.code == "E003"


def test_ten_megabyte_file_is_rejected_quickly_by_its_size(tmp_path: Path) -> None:
    path = write(tmp_path, "huge.txt", (ENGLISH + "\n").encode() * (10_485_760 // (len(ENGLISH) + 1)))
    started = time.perf_counter()
    error = only_error(path)
    assert time.perf_counter() - started < 0.5
    assert error.code == "E004"
    assert f"{path.stat().st_size:,} bytes" in str(error)
    assert "1,000,000 characters" in str(error)


def test_text_over_the_character_limit(tmp_path: Path) -> None:
    path = write(tmp_path, "long.txt", ENGLISH.encode())
    error = only_error(path, max_chars=100)
    assert error.code == "E004"
    assert f"{len(ENGLISH):,} characters" in str(error)


def test_non_english() -> None:
    error = only_error(FIXTURES / "french.txt")
    assert error.code == "E005"
    assert "'fr'" in str(error)


def test_arabic_is_not_english(tmp_path: Path) -> None:
    text = "قصفت القوات الحكومية قريتين في جنوب المحافظة يوم الخميس مما أدى إلى مقتل أربعة مدنيين على الأقل"
    error = only_error(write(tmp_path, "ar.txt", text.encode()))
    assert error.code == "E005"


def test_html_without_text() -> None:
    assert only_error(FIXTURES / "scripts-only.html").code == "E010"


@pytest.mark.parametrize(
    ("value", "code"),
    [("last Tuesday", "E006"), ("2020-02-30", "E006"), ("1850-06-01", "E011"), ("2999-01-01", "E011")],
)
def test_bad_publication_dates_reject_the_input(value: str, code: str) -> None:
    error = only_error(FIXTURES / "report.txt", published=value)
    assert error.code == code
    assert value in str(error)


def test_tomorrow_is_allowed_but_not_the_day_after() -> None:
    today = dt.date(2024, 6, 1)
    assert published_date("2024-06-02", name="x", today=today) == dt.date(2024, 6, 2)
    with pytest.raises(InputError, match="E011"):
        published_date("2024-06-03", name="x", today=today)


def test_empty_folder(tmp_path: Path) -> None:
    (tmp_path / ".hidden").write_text(ENGLISH)
    assert only_error(tmp_path).code == "E014"


def test_format_not_read_yet(tmp_path: Path) -> None:
    error = only_error(write(tmp_path, "articles.json", b'[{"text": "..."}]'))
    assert error.code == "E015"
    assert "JSON" in str(error)


def test_a_bad_input_does_not_stop_the_batch(tmp_path: Path) -> None:
    bad = write(tmp_path, "bad.pdf", b"%PDF-1.4 ...")
    results = list(read_inputs([bad, "missing.txt", FIXTURES / "report.txt", FIXTURES / "french.txt"]))
    assert [getattr(item, "code", "article") for item in results] == ["E002", "E009", "article", "E005"]


def test_jsonl_errors_name_the_file_and_line(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "ok", "text": ENGLISH}),
        '{"id": "cut", "text": "unterminated',
        '"just a string"',
        json.dumps({"id": "no-text"}),
        json.dumps({"id": "blank", "text": "   "}),
        json.dumps({"id": ["a"], "text": ENGLISH}),
        json.dumps({"id": "t", "text": 42}),
        json.dumps({"id": "d", "text": ENGLISH, "published": "yesterday"}),
        json.dumps({"id": "f", "text": ENGLISH, "published": "2999-01-01"}),
        json.dumps({"id": "o", "text": ENGLISH, "outlet": 5}),
    ]
    path = write(tmp_path, "in.jsonl", "\n".join(lines).encode() + b"\n\xff\xfe{}\n")
    results = list(read_jsonl(path))
    assert isinstance(results[0], Article)
    errors = results[1:]
    assert [error.code for error in errors] == [
        "E007", "E007", "E008", "E008", "E013", "E013", "E006", "E011", "E013", "E007"
    ]  # fmt: skip
    for line, error in enumerate(errors, start=2):
        assert isinstance(error, InputError)
        assert f"Line {line} of '{path}'" in str(error) or f"'{path} line {line}'" in str(error)
    assert "Line 2 of" in str(errors[0])
    assert "field 'id' must be a string or an integer, not array" in str(errors[4])


def test_jsonl_line_over_the_limit_is_skipped_and_the_next_read(tmp_path: Path) -> None:
    long_line = json.dumps({"id": "big", "text": "word " * 300})
    path = write(tmp_path, "big.jsonl", f'{long_line}\n{{"id": "next", "text": "{ENGLISH}"}}\n'.encode())
    first, second = read_jsonl(path, max_chars=200)
    assert isinstance(first, InputError) and first.code == "E004" and "big.jsonl line 1" in str(first)
    assert isinstance(second, Article) and second.id == "next"


def test_jsonl_non_english_line_names_the_line(tmp_path: Path) -> None:
    french = (FIXTURES / "french.txt").read_text(encoding="utf-8").replace("\n", " ")
    path = write(tmp_path, "mixed.jsonl", f'{{"text": "{ENGLISH}"}}\n{{"text": "{french}"}}\n'.encode())
    first, second = read_jsonl(path)
    assert isinstance(first, Article)
    assert isinstance(second, InputError) and second.code == "E005" and "mixed.jsonl line 2" in str(second)


def test_missing_and_binary_jsonl(tmp_path: Path) -> None:
    [missing] = read_jsonl(tmp_path / "nope.jsonl")
    assert isinstance(missing, InputError) and missing.code == "E009"
    [garbage] = read_jsonl(write(tmp_path, "z.jsonl", gzip.compress(b'{"text": "x"}\n')))
    assert isinstance(garbage, InputError) and garbage.code == "E002" and "z.jsonl" in str(garbage)
    assert "gzip" in str(garbage)


def test_unreadable_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "locked.txt", ENGLISH.encode())

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    error = only_error(path)
    assert error.code == "E012"
    assert "Permission denied" in str(error)

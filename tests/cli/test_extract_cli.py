"""``khabar extract`` as a user runs it: formats, exit codes, bad input reported and skipped."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from khabar.cli import app
from khabar.export.acled import COLUMNS

REPORT = (
    "Government forces shelled the town of Saraqib in Idlib province on Monday, killing four "
    "civilians, a local rescue official said.\n"
)
runner = CliRunner()


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_one_file_gives_one_json_ledger(tmp_path: Path) -> None:
    path = write(tmp_path, "report.txt", REPORT)
    result = runner.invoke(app, ["extract", str(path), "--published", "2024-03-06", "--outlet", "Wire"])
    assert result.exit_code == 0, result.output
    ledger = json.loads(result.stdout)
    assert ledger["article"]["published"] == "2024-03-06"
    assert ledger["article"]["outlet"] == "Wire"
    assert set(ledger) >= {"article", "events", "claims", "places", "framing"}


def test_acled_format_has_acled_columns(tmp_path: Path) -> None:
    path = write(tmp_path, "report.txt", REPORT)
    result = runner.invoke(app, ["extract", str(path), "--published", "2024-03-06", "--format", "acled"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert tuple(csv.reader(io.StringIO(result.stdout)).__next__()) == COLUMNS
    for row in rows:
        assert row["event_date"] and row["sub_event_type"]


def test_bad_jsonl_lines_are_reported_and_the_rest_extracted(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a1", "text": REPORT, "published": "2024-03-06"}),
        "{not json",
        json.dumps({"id": "a2", "text": REPORT}),
        json.dumps({"id": "a3", "text": ""}),
    ]
    path = write(tmp_path, "in.jsonl", "\n".join(lines) + "\n")
    result = runner.invoke(app, ["extract", "--jsonl", str(path)])
    assert result.exit_code == 4
    ids = [json.loads(line)["article"]["id"] for line in result.stdout.splitlines() if line.strip()]
    assert ids == ["a1", "a2"]
    assert "Line 2" in result.stderr and "in.jsonl" in result.stderr


def test_only_bad_inputs_exit_3_without_traceback(tmp_path: Path) -> None:
    empty = write(tmp_path, "empty.txt", "")
    binary = write(tmp_path, "blob.bin", b"\x00\x01\x02PK\x03\x04" * 100)
    result = runner.invoke(app, ["extract", str(empty), str(binary)])
    assert result.exit_code == 3
    assert "empty.txt" in result.stderr and "blob.bin" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_unparseable_publication_date_is_rejected_by_name(tmp_path: Path) -> None:
    path = write(tmp_path, "report.txt", REPORT)
    result = runner.invoke(app, ["extract", str(path), "--published", "the day after"])
    assert result.exit_code == 3
    assert "the day after" in result.stderr and "report.txt" in result.stderr

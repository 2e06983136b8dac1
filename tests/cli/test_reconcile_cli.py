"""``khabar reconcile``, ``khabar show L-...`` and ``khabar query --ledger`` as a user runs them."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from types import ModuleType

import pytest
from typer.testing import CliRunner

from khabar.cli import app
from khabar.store import open_store

runner = CliRunner()


def _corpus_module() -> ModuleType:
    """The invented strike corpus of the store tests (tests/ is not a package, so load it by path)."""
    path = Path(__file__).resolve().parents[1] / "store" / "reconcile_ledgers.py"
    spec = importlib.util.spec_from_file_location("reconcile_ledgers", path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


@pytest.fixture
def db(tmp_path: Path) -> str:
    """A SQLite store holding the three strike reports and the unrelated one, not reconciled yet."""
    path = str(tmp_path / "ledger.db")
    with open_store(path) as store:
        for ledger in _corpus_module().corpus():
            store.put(ledger)
    return path


def reconciled(db: str) -> str:
    result = runner.invoke(app, ["reconcile", "--db", db])
    assert result.exit_code == 0, result.output
    return db


def ledger_rows(db: str, *args: str) -> list[dict]:
    result = runner.invoke(app, ["query", "--ledger", "--json", "--db", db, *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def strike_id(db: str) -> str:
    return next(row["id"] for row in ledger_rows(db) if row["articles"] == 3)


def test_reconcile_reports_what_it_wrote_and_a_rerun_writes_nothing(db: str) -> None:
    first = runner.invoke(app, ["reconcile", "--db", db])
    assert first.exit_code == 0, first.output
    assert "4 article events → 2 ledger events: written 2, unchanged 0, removed 0" in first.stderr
    again = runner.invoke(app, ["reconcile", "--db", db])
    assert "written 0, unchanged 2, removed 0" in again.stderr


def test_query_ledger_lists_and_filters(db: str) -> None:
    reconciled(db)
    rows = ledger_rows(db)
    assert [(row["location"], row["articles"], row["outlets"]) for row in rows] == [
        ("Mosul", 1, 1),
        ("Khan Shaykhun", 3, 3),
    ]
    assert [row["location"] for row in ledger_rows(db, "--min-articles", "2")] == ["Khan Shaykhun"]
    assert [row["location"] for row in ledger_rows(db, "--country", "Iraq")] == ["Mosul"]
    table = runner.invoke(app, ["query", "--ledger", "--db", db])
    assert "3 (3 outlets)" in table.stdout and "1-2 of 2 ledger events" in table.stdout


def test_show_a_ledger_event_with_claims_per_outlet_timeline_and_contradictions(db: str) -> None:
    reconciled(db)
    result = runner.invoke(app, ["show", strike_id(db), "--db", db])
    assert result.exit_code == 0, result.output
    text = result.stdout
    for expected in (
        "Explosions/Remote violence / Chemical weapon",
        "2017-04-04",
        "Khan Shaykhun, Idlib, SYR",
        "3 articles from 3 outlets: Wire, Daily, Gazette",
        "disputed — also: Hayat Tahrir al-Sham (Daily; daily-1:c2",
        "fatalities: as reported",
        "the Syrian Observatory",
        "superseded",
        "contradictions between outlets",
        "claims by outlet",
        "gazette-1:e1",
    ):
        assert expected in text, expected
    # a qualified figure reads as its source stated it
    assert re.search(r"killed\s*│\s*at least 86\s*│", text)
    # low, best, high: the smallest, the lower median and the largest of the three outlets' figures
    assert re.search(r"fatalities\s*│\s*58\s*│\s*72\s*│\s*86\s*│", text)


def test_show_json_of_a_ledger_event(db: str) -> None:
    reconciled(db)
    result = runner.invoke(app, ["show", strike_id(db), "--json", "--db", db])
    data = json.loads(result.stdout)
    assert sorted(data["articles"]) == ["daily-1", "gazette-1", "wire-1"]
    assert {item["field"] for item in data["contradictions"]} == {"fatalities", "actor1"}
    assert [member["outlet"] for member in data["member_articles"]] == ["Wire", "Daily", "Gazette"]


def test_show_an_article_event_names_its_ledger_event(db: str) -> None:
    reconciled(db)
    ledger_id = strike_id(db)
    result = runner.invoke(app, ["show", "daily-1:e1", "--db", db])
    assert result.exit_code == 0, result.output
    assert f"ledger event: {ledger_id}" in result.stdout
    as_json = json.loads(runner.invoke(app, ["show", "daily-1:e1", "--json", "--db", db]).stdout)
    assert as_json["ledger_event"] == ledger_id


def test_unknown_ledger_event_and_article_only_filters_are_clear_errors(db: str) -> None:
    reconciled(db)
    missing = runner.invoke(app, ["show", "L-00000000", "--db", db])
    assert missing.exit_code == 1 and "E220" in missing.stderr
    status = runner.invoke(app, ["query", "--ledger", "--status", "asserted", "--db", db])
    assert status.exit_code == 1 and "E221" in status.stderr
    bad = runner.invoke(app, ["query", "--ledger", "--min-articles", "0", "--db", db])
    assert bad.exit_code == 1 and "E223" in bad.stderr


@pytest.mark.slow
def test_ingest_then_reconcile_in_one_command(tmp_path: Path) -> None:
    text = (
        "Government forces shelled the town of Saraqib in Idlib province on Monday, killing four civilians.\n"
    )
    inputs = tmp_path / "in.jsonl"
    inputs.write_text(
        json.dumps({"id": "s1", "text": text, "published": "2024-03-06", "outlet": "Wire"}) + "\n"
    )
    db = str(tmp_path / "ledger.db")
    result = runner.invoke(app, ["ingest", str(inputs), "--db", db, "--reconcile", "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "ledger events: written" in result.stderr
    assert ledger_rows(db)


def test_export_ledger_events_one_row_per_happening(db: str, tmp_path: Path) -> None:
    import csv

    before = runner.invoke(app, ["export", "--ledger", "--format", "acled", "--db", db])
    assert before.exit_code == 1 and "khabar reconcile" in before.stderr
    reconciled(db)
    out = tmp_path / "ledger.csv"
    result = runner.invoke(app, ["export", "--ledger", "--format", "acled", "-o", str(out), "--db", db])
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 2  # the strike three outlets reported, and the unrelated event
    strike = next(row for row in rows if row["location"] == "Khan Shaykhun")
    assert strike["event_id_cnty"] == f"SYR-{strike_id(db)}"
    assert sorted(strike["article_id"].split()) == ["daily-1", "gazette-1", "wire-1"]
    assert strike["fatalities"] == "58"  # the conservative (low) figure of the three outlets'
    assert "3 reports from 3 outlets" in strike["notes"] and "58/72/86" in strike["notes"]
    syria = ["export", "--ledger", "--format", "geojson", "--country", "SYR", "--db", db]
    geojson = runner.invoke(app, syria)
    features = json.loads(geojson.stdout)["features"]
    assert [feature["properties"]["ledger_event_id"] for feature in features] == [strike_id(db)]
    wrong = runner.invoke(app, ["export", "--ledger", "--format", "ucdp", "--db", db])
    assert wrong.exit_code == 2 and "acled, geojson, jsonl" in wrong.stderr

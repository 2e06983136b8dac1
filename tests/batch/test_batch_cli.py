"""``khabar batch`` and ``khabar load`` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

from batch_corpus import REPORTS
from typer.testing import CliRunner

from khabar.cli import app
from khabar.store import open_store

runner = CliRunner()


def test_batch_then_load_twice_changes_nothing_the_second_time(nlp, corpus: Path, tmp_path: Path) -> None:
    out, db = tmp_path / "out", tmp_path / "ledger.db"
    result = runner.invoke(
        app, ["batch", str(corpus), "--out", str(out), "--partition-size", "2", "--no-progress"]
    )
    assert result.exit_code == 4, result.output  # one bad line: partial
    assert "Line 3 of" in result.stderr and "3 partitions" in result.stderr
    assert json.loads((out / "_manifest.json").read_text())["totals"]["bad_inputs"] == 1

    first = runner.invoke(app, ["load", str(out), "--db", str(db)])
    assert first.exit_code == 0, first.output
    assert "stored 5" in first.stderr
    second = runner.invoke(app, ["load", str(out), "--db", str(db)])
    assert second.exit_code == 0 and "stored 0" in second.stderr and "unchanged 5" in second.stderr
    store = open_store(db, read_only=True)
    try:
        assert all(store.has(report_id) for report_id, _ in REPORTS)
        assert store.get_ledger("r1").article.text == REPORTS[0][1]
    finally:
        store.close()


def test_load_refuses_a_directory_that_is_not_a_batch(tmp_path: Path) -> None:
    result = runner.invoke(app, ["load", str(tmp_path), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 1 and "E168" in result.stderr


def test_an_unknown_engine_is_an_error(corpus: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["batch", str(corpus), "--out", str(tmp_path / "o"), "--engine", "ray"])
    assert result.exit_code == 1 and "E164" in result.stderr

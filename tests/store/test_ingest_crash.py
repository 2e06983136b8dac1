"""``khabar ingest`` killed with SIGKILL mid-way and run again loses and duplicates nothing.

Runs the real command in a subprocess, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from articles_for_ingest import write_jsonl
from typer.testing import CliRunner

from khabar.cli import app
from khabar.store import open_store

COUNT = 30
KHABAR = [sys.executable, "-c", "from khabar.cli import main; main()"]


def stored_count(url: str) -> int:
    try:
        with open_store(url, read_only=True) as store:
            return int(store.stats()["articles"])
    except Exception:  # the store is still being created by the ingest under test
        return 0


def ledgers_of(inputs: Path) -> dict[str, dict[str, Any]]:
    """What one uninterrupted extraction of ``inputs`` gives, in this process (once per content)."""
    return _ledgers_of_jsonl(inputs.read_text(encoding="utf-8"))


@functools.cache
def _ledgers_of_jsonl(content: str) -> dict[str, dict[str, Any]]:
    from khabar.extract import extract_articles
    from khabar.ingest.documents import ReadOptions
    from khabar.ingest.jsonl import read_jsonl_source
    from khabar.ingest.source import stdin_source

    articles = read_jsonl_source(stdin_source(io.BytesIO(content.encode("utf-8"))), ReadOptions())
    return {ledger.article.id: ledger.to_dict() for ledger in extract_articles(articles)}  # type: ignore[arg-type]


def kill_mid_way(process: subprocess.Popen[bytes], store_url: str) -> None:
    """SIGKILL ``process`` as soon as it has stored its first article."""
    deadline = time.monotonic() + 240
    try:
        while stored_count(store_url) == 0 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
    finally:
        with contextlib.suppress(ProcessLookupError):  # it may have ended on its own
            os.killpg(process.pid, signal.SIGKILL)  # the session holds only the ingest we started
        process.wait()


@pytest.mark.slow
def test_killed_ingest_resumes_without_loss_or_duplicates(store_url: str, tmp_path: Path) -> None:
    inputs = tmp_path / "reports.jsonl"
    ids = write_jsonl(inputs, COUNT, filler=1)
    log = tmp_path / "killed-ingest.log"
    with log.open("wb") as stderr:
        kill_mid_way(
            subprocess.Popen(
                [*KHABAR, "ingest", str(inputs), "--db", store_url, "--no-progress"],
                stdout=subprocess.DEVNULL, stderr=stderr, start_new_session=True,
            ),
            store_url,
        )  # fmt: skip
    before = stored_count(store_url)
    assert 0 < before < COUNT, f"the kill did not land mid-way ({before} stored): {log.read_text()[-2000:]}"

    # run again, in this process (its pipeline is loaded once for the whole test session)
    again = CliRunner().invoke(app, ["ingest", str(inputs), "--db", store_url, "--no-progress"])
    assert again.exit_code == 0, again.output
    assert f"stored {COUNT - before}," in again.stderr
    assert f"unchanged {before}," in again.stderr

    with open_store(store_url) as store:  # writable: FTS5's integrity check is an INSERT
        stats = store.stats()
        assert stats["articles"] == COUNT
        assert sorted(row["id"] for row in store._query("SELECT id FROM articles")) == ids
        # every article has its events exactly once, and nothing dangles
        per_article = store._query("SELECT article_id, count(*) AS n FROM article_events GROUP BY article_id")
        assert {row["article_id"] for row in per_article} == set(ids)
        orphans = store._query(
            "SELECT count(*) AS n FROM event_locations l LEFT JOIN article_events e "
            "ON e.article_id = l.article_id AND e.event_id = l.event_id WHERE e.event_id IS NULL"
        )
        assert orphans[0]["n"] == 0
        if hasattr(store, "check_integrity"):
            assert store.check_integrity() == []
        resumed = {ledger.article.id: ledger.to_dict() for ledger in store.iter_ledgers()}

    assert resumed == ledgers_of(inputs)  # the same as one uninterrupted extraction

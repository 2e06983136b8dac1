"""``khabar ingest`` killed with SIGKILL mid-way and run again loses and duplicates nothing.

Runs the real command in a subprocess, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import contextlib
import functools
import io
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from articles_for_ingest import report, write_jsonl
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


def kill_mid_way(
    process: subprocess.Popen[bytes], store_url: str, *, until: Callable[[], bool] | None = None
) -> None:
    """SIGKILL ``process`` as soon as it has stored its first article (or ``until`` holds)."""
    ready = until or (lambda: stored_count(store_url) > 0)
    deadline = time.monotonic() + 240
    try:
        while not ready() and process.poll() is None and time.monotonic() < deadline:
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


# --- reused ids and stale codings ------------------------------------------------------------------

OLD_VERSION = "0.0.1+0123456789ab"
#: more than two extraction batches (16 articles each): a kill after the first stored article
#: lands mid-way only when the articles are not all written in one burst
REUSED_COUNT = 40


def write_reused_ids(path: Path, count: int = REUSED_COUNT) -> None:
    """``count`` reports, then two ids given again with new texts, then one id's first text again
    (as FA-KES reuses ids): the store must end with each id's last new text."""
    records = [
        {"id": f"art-{n:03d}", "text": report(n, filler=1), "published": "2024-03-06"} for n in range(count)
    ]
    records += [
        {"id": "art-003", "text": report(count + 1, filler=1), "published": "2024-03-07"},
        {"id": "art-007", "text": report(count + 2, filler=1), "published": "2024-03-07"},
        records[3],
    ]
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")


def tables(url: str) -> dict[str, Any]:
    """What an ingest leaves, timestamps aside: articles, superseded texts, links and ledgers."""
    with open_store(url, read_only=True) as store:
        articles = store._query("SELECT id, content_hash, duplicate_of, extractor_version FROM articles")
        versions = store._query("SELECT article_id, content_hash FROM article_versions")
        return {
            "articles": sorted(tuple(row.values()) for row in articles),
            "versions": sorted(tuple(row.values()) for row in versions),
            "ledgers": {ledger.article.id: ledger.to_dict() for ledger in store.iter_ledgers()},
        }


@functools.cache
def _uninterrupted(content: str, folder: str) -> dict[str, Any]:
    inputs, url = Path(folder) / "reference.jsonl", str(Path(folder) / "reference.db")
    inputs.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(inputs), "--db", url, "--no-progress"])
    assert result.exit_code == 0, result.output
    return tables(url)


def uninterrupted(inputs: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The tables of one uninterrupted ingest of ``inputs`` (once per content in a session)."""
    return _uninterrupted(inputs.read_text(encoding="utf-8"), str(tmp_path_factory.getbasetemp()))


def coded_now(url: str) -> int:
    """Articles coded by this extractor: a recode run has written one once this is above 0."""
    try:
        with open_store(url, read_only=True) as store:
            return len(store._query("SELECT 1 FROM articles WHERE extractor_version <> ?", (OLD_VERSION,)))
    except Exception:
        return 0


def killed_ingest(inputs: Path, url: str, workers: int, log: Path, *, until: Any) -> None:
    with log.open("wb") as stderr:
        kill_mid_way(
            subprocess.Popen(
                [*KHABAR, "ingest", str(inputs), "--db", url, "--no-progress", "--workers", str(workers)],
                stdout=subprocess.DEVNULL, stderr=stderr, start_new_session=True,
            ),
            url,
            until=until,
        )  # fmt: skip


def ingest_in_process(inputs: Path, url: str, workers: int) -> dict[str, int]:
    result = CliRunner().invoke(
        app, ["ingest", str(inputs), "--db", url, "--no-progress", "--json", "--workers", str(workers)]
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_killed_ingests_of_reused_ids_and_stale_codings_end_as_uninterrupted_runs(
    store_url: str, workers: int, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    if workers == 2 and store_url.startswith("postgresql"):
        pytest.skip("the writes are the parent's whatever the workers: 2 workers run on SQLite only")
    inputs = tmp_path / "reused.jsonl"
    write_reused_ids(inputs)
    expected = uninterrupted(inputs, tmp_path_factory)
    assert len(expected["versions"]) == 2  # art-003's and art-007's first texts

    # killed mid-way, run again: the tables of an uninterrupted run, and a third run is a no-op
    killed_ingest(
        inputs, store_url, workers, tmp_path / "first.log", until=lambda: stored_count(store_url) > 0
    )
    assert 0 < stored_count(store_url) < REUSED_COUNT, (tmp_path / "first.log").read_text()[-2000:]
    ingest_in_process(inputs, store_url, workers)
    assert tables(store_url) == expected
    again = ingest_in_process(inputs, store_url, workers)
    assert (again["unchanged"], again["replaced"], again["recoded"]) == (REUSED_COUNT + 3, 0, 0)

    # an extractor upgrade: a recode killed mid-way, run again, re-codes each article once
    with open_store(store_url) as store:
        store._execute("UPDATE articles SET extractor_version = ? WHERE duplicate_of IS NULL", (OLD_VERSION,))
        assert store.count_stale() == REUSED_COUNT
    killed_ingest(inputs, store_url, workers, tmp_path / "recode.log", until=lambda: coded_now(store_url) > 0)
    done = coded_now(store_url)
    assert 0 < done < REUSED_COUNT, (tmp_path / "recode.log").read_text()[-2000:]
    resumed = ingest_in_process(inputs, store_url, workers)
    assert (resumed["recoded"], resumed["replaced"]) == (REUSED_COUNT - done, 0)
    assert tables(store_url) == expected

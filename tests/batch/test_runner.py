"""``run_batch`` with the local engine: files, manifest, restarts, bad inputs and failures."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from batch_corpus import REPORTS, write_jsonl

from khabar.batch import BatchOptions, BatchProgress, iter_batch_ledgers, read_manifest, run_batch
from khabar.batch.partitions import Partition
from khabar.errors import KhabarError
from khabar.ingest import read_jsonl
from khabar.model import Article
from khabar.pipeline import MAX_CHARS


def options(out: Path, size: int = 2) -> BatchOptions:
    return BatchOptions(out=out, engine="local", workers=1, partition_size=size)


def stamps(out: Path) -> dict[str, tuple[int, int]]:
    """(inode, mtime) of every partition file: a rewrite changes them."""
    files = sorted(out.glob("part-*.parquet")) + sorted(out.glob("_events/part-*.parquet"))
    return {str(path.relative_to(out)): (path.stat().st_ino, path.stat().st_mtime_ns) for path in files}


class StopAfter(BatchProgress):
    """Raises after ``count`` partitions are written, like a crash between partitions."""

    def __init__(self, count: int) -> None:
        self.count = count

    def partition_done(self, partition: Partition, entry: object) -> None:
        self.count -= 1
        if self.count == 0:
            raise KeyboardInterrupt


def test_a_batch_writes_partitions_events_and_a_manifest(nlp, corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    report = run_batch(read_jsonl(corpus), options(out))
    assert (report.partitions, report.done, report.read, report.bad_inputs) == (3, 3, 5, 1)
    assert sorted(path.name for path in out.glob("part-*.parquet")) == [
        "part-00000.parquet", "part-00001.parquet", "part-00002.parquet",
    ]  # fmt: skip
    # readers skip '_' names: the directory reads as the articles table, _events as the events
    articles = pq.read_table(out)
    events = pq.read_table(out / "_events")
    assert articles.column("article_id").to_pylist() == [report_id for report_id, _ in REPORTS]
    assert articles.schema.field("published").type == pa.date32()
    assert events.num_rows >= 3 and set(events.column("article_id").to_pylist()) <= {r for r, _ in REPORTS}
    manifest = json.loads((out / "_manifest.json").read_text())
    assert manifest["totals"] == {
        "partitions": 3, "articles": 5, "extracted": 5, "failed": 0, "events": report.events, "bad_inputs": 1,
    }  # fmt: skip
    (message,) = manifest["partitions"]["part-00000"]["bad_input_messages"]
    assert "Line 3" in message and "corpus.jsonl" in message
    # what the batch wrote is what the extractor gives
    ledgers = {ledger.article.id: ledger for ledger in iter_batch_ledgers(out)}
    assert ledgers["r1"].article.text == REPORTS[0][1]
    assert ledgers["r1"].article.published == dt.date(2024, 3, 8)
    assert any(event.fatalities.best == 4 for event in ledgers["r1"].events)


def test_a_rerun_after_a_crash_does_only_the_unfinished_partitions(nlp, corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        run_batch(read_jsonl(corpus), options(out), StopAfter(1))
    manifest = read_manifest(out)
    assert manifest is not None and list(manifest.partitions) == ["part-00000"]
    before = stamps(out)
    report = run_batch(read_jsonl(corpus), options(out))
    assert (report.skipped, report.done, report.articles) == (1, 2, 3)
    after = stamps(out)
    assert {name: after[name] for name in before} == before  # never rewritten
    assert len(after) == 6
    # a third run has nothing to do, and starts no extractor at all
    again = run_batch(read_jsonl(corpus), options(out))
    assert (again.skipped, again.done) == (3, 0) and stamps(out) == after


def test_other_inputs_or_partition_size_are_refused(nlp, corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch(read_jsonl(corpus), options(out))
    changed = write_jsonl(
        tmp_path / "changed.jsonl", ((REPORTS[0][0], "Something else entirely."), *REPORTS[1:])
    )
    with pytest.raises(KhabarError, match="E162"):
        run_batch(read_jsonl(changed), options(out))
    with pytest.raises(KhabarError, match="E162"):
        run_batch(read_jsonl(corpus), options(out, size=3))


def test_an_article_the_extractor_fails_on_is_recorded_not_fatal(nlp, tmp_path: Path) -> None:
    items = [
        Article(text=REPORTS[0][1], id="fine"),
        Article(text="x" * (MAX_CHARS + 1), id="too-long"),  # spaCy itself refuses it (E088)
    ]
    out = tmp_path / "out"
    report = run_batch(items, options(out, size=10))
    assert (report.extracted, report.failed) == (1, 1), report.failures
    assert "too-long" in report.failures
    rows = {row["article_id"]: row for row in pq.read_table(out).to_pylist()}
    assert rows["fine"]["error"] is None and rows["fine"]["ledger"]
    assert rows["too-long"]["ledger"] is None and rows["too-long"]["error"]
    manifest = read_manifest(out)
    assert manifest is not None and manifest.partitions["part-00000"].failed == 1


def test_killing_the_process_then_rerunning_finishes_the_batch(nlp, tmp_path: Path) -> None:
    corpus = write_jsonl(tmp_path / "corpus.jsonl")
    out = tmp_path / "out"
    command = [
        str(Path(sys.executable).parent / "khabar"), "batch", str(corpus), "--out", str(out),
        "--partition-size", "1", "--no-progress",
    ]  # fmt: skip
    process = subprocess.Popen(command, stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None:
            manifest = read_manifest(out) if (out / "_manifest.json").exists() else None
            if manifest is not None and len(manifest.partitions) >= 1:
                break
            time.sleep(0.05)
        was_running = process.poll() is None
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    finished = read_manifest(out)
    assert finished is not None
    done_before = len(finished.partitions)
    assert was_running and 1 <= done_before < 5
    # a partition the killed run wrote but had not yet committed to the manifest may be redone
    before = {name: stamp for name, stamp in stamps(out).items() if Path(name).stem in finished.partitions}
    report = run_batch(read_jsonl(corpus), options(out, size=1))
    assert report.skipped == done_before and report.done == 5 - done_before
    after = stamps(out)
    assert {name: after[name] for name in before} == before
    assert pq.read_table(out).num_rows == 5
    assert not list(out.glob(".*")) and not list((out / "_events").glob(".*"))  # no temporaries left


def test_partitions_coded_by_another_extractor_version_are_done_again(
    nlp, corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    monkeypatch.setenv("KHABAR_EXTRACTOR_VERSION", "0.0.1+0123456789ab")
    run_batch(read_jsonl(corpus), options(out))
    monkeypatch.setenv("KHABAR_EXTRACTOR_VERSION", "0.0.2+0123456789ab")  # an upgrade
    upgraded = run_batch(read_jsonl(corpus), options(out))
    assert (upgraded.done, upgraded.skipped) == (3, 0)
    manifest = read_manifest(out)
    assert manifest is not None
    assert {entry.extractor_version for entry in manifest.partitions.values()} == {"0.0.2+0123456789ab"}
    again = run_batch(read_jsonl(corpus), options(out))
    assert (again.done, again.skipped) == (0, 3)

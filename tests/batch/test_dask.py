"""The Dask engine on a real LocalCluster (2 worker processes): the same ledgers as the local
engine, one pipeline per worker, and nothing left running afterwards."""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psutil
import pyarrow.parquet as pq
import pytest
from batch_corpus import REPORTS, write_jsonl

from khabar.batch import BatchOptions, load_batch, run_batch
from khabar.batch.engines import DaskEngine
from khabar.extractor_version import VERSION_ENV
from khabar.ingest import read_jsonl
from khabar.store import open_store

#: x, then y, then x with another report, then x's first report again
REUSED = (("x", REPORTS[0][1]), ("y", REPORTS[1][1]), ("x", REPORTS[4][1]), ("x", REPORTS[0][1]))


def pipeline_loads() -> int:
    """How many times this process built the khabar pipeline (it is cached per process)."""
    from khabar.pipeline import load_pipeline

    return load_pipeline.cache_info().misses


def worker_processes() -> list[psutil.Process]:
    """Child processes started by spawn: Dask's nannies and workers."""
    children = psutil.Process().children(recursive=True)
    return [child for child in children if "spawn_main" in " ".join(child.cmdline())]


@contextmanager
def dask_default_port_taken() -> Iterator[None]:
    """Port 8787, Dask's default for its dashboard, held by another program (a notebook, a cluster)."""
    holder = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        holder.bind(("", 8787))
        holder.listen()
    except OSError:
        pass  # someone holds it already: the condition under test
    try:
        yield
    finally:
        holder.close()


def ledgers(out: Path) -> dict[str, dict]:
    rows = pq.read_table(out, columns=["article_id", "ledger"]).to_pylist()
    return {row["article_id"]: json.loads(row["ledger"]) for row in rows}


def test_dask_batch_matches_the_local_batch_with_one_pipeline_per_worker(
    nlp, corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    local = run_batch(read_jsonl(corpus), BatchOptions(out=tmp_path / "local", partition_size=2))

    dask_out = tmp_path / "dask"
    # one article per partition: five tasks for two workers, so each worker runs several
    options = BatchOptions(out=dask_out, engine="dask", workers=2, partition_size=1)
    # a corpus that reuses an id (as FA-KES does), on the same cluster
    reused = write_jsonl(tmp_path / "reused.jsonl", REUSED, bad_line_after=len(REUSED))
    reused_out = tmp_path / "reused"
    workers_version = os.environ[VERSION_ENV]
    with dask_default_port_taken(), DaskEngine(workers=2) as engine:
        report = run_batch(read_jsonl(corpus), options, engine=engine)
        # the client now runs other code than its workers: the workers' version is recorded
        monkeypatch.setenv(VERSION_ENV, "9.9.9+client")
        run_batch(
            read_jsonl(reused), BatchOptions(out=reused_out, engine="dask", partition_size=1), engine=engine
        )
        monkeypatch.setenv(VERSION_ENV, workers_version)
        loads = engine.client.run(pipeline_loads)
    manifest = json.loads((reused_out / "_manifest.json").read_text())
    assert {entry["extractor_version"] for entry in manifest["partitions"].values()} == {workers_version}
    assert list(loads.values()) == [1, 1]
    assert engine.client is None and worker_processes() == []  # the cluster is shut down

    assert (report.done, report.extracted, report.bad_inputs) == (5, 5, 1)
    assert report.cluster is not None and report.cluster.workers == 2
    assert len(report.cluster.memory_mb) == 2
    assert all(memory["peak_rss_mb"] > 50 for memory in report.cluster.memory_mb.values())
    assert ledgers(dask_out) == ledgers(tmp_path / "local") and local.events == report.events
    assert sorted(path.name for path in (dask_out / "_events").iterdir()) == [
        f"part-0000{index}.parquet" for index in range(5)
    ]
    assert json.loads((dask_out / "_manifest.json").read_text())["totals"]["articles"] == 5

    # loaded twice: the id keeps its last text, and the second load changes nothing
    with open_store(tmp_path / "ledger.db") as store:
        first = load_batch(reused_out, store).actions
        assert (first["stored"], first["replaced"], first["unchanged"]) == (2, 1, 1)
        assert load_batch(reused_out, store).actions == {"unchanged": 4}
        assert store.get_ledger("x").article.text == REPORTS[4][1]

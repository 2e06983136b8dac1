"""Scale benchmark of ``khabar ingest``: articles/s into a fresh SQLite file, on 1 and 2 workers.

``python -m khabar.bench.ingest_bench`` reads the FA-KES CSV the way ``khabar ingest
FA-KES-Dataset.csv --date-order mdy`` does (the same readers, the same ``store.ingest``:
extraction in worker processes, every write in the parent, one transaction per article) and
stores it into a new SQLite file, once per worker count, each run in a fresh subprocess so
memory and warm caches never carry over. Rounds alternate the worker counts (1, 2, 1, 2, ...)
so a change in the machine's load hits both alike.

Each run reports:

* ``load_s``: loading the pipeline (one process) or starting the pool (every worker loaded);
* ``seconds`` and ``articles_per_s``: the ingest itself, wall clock, after loading;
* ``cpu_s``: user + system CPU of the parent and of its workers over the ingest; on a shared
  machine ``articles_per_cpu_s`` is the steadier figure, and the speed-up a second core can
  give is bounded by ``cpu_s(1) / cpu_s(2) * 2``; ``parent_cpu_s`` is the parent's part
  (reading, near-duplicate search, rebuilding ledgers, writes), which the workers cannot share;
* ``peak_rss_mb``: the parent's peak, and each worker's (``VmHWM``);
* ``outcomes``: stored, duplicate, near-duplicate, ...: they must not depend on the workers;
* the load average before and after.

The summary gives the median of each figure per worker count and the 2-worker/1-worker ratios
of throughput (wall clock) and of CPU per article.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from ..model import Article
from . import memory
from .corpus import default_data_path


@dataclass(frozen=True, slots=True)
class RunSpec:
    """One measured ingest; the orchestrator passes it to the subprocess as JSON."""

    data: str
    db: str
    workers: int
    date_order: str = "mdy"
    limit: int | None = None


def read_articles(spec: RunSpec) -> Iterator[Article]:
    """The articles of the CSV as ``khabar ingest --date-order ...`` reads them."""
    from ..cli.extract import Tally, keep_articles
    from ..cli.ledger import csv_format
    from ..ingest import read_inputs
    from ..ingest.csv_reader import CsvColumns

    with csv_format(CsvColumns(date_order=spec.date_order)):  # type: ignore[arg-type]
        articles = list(keep_articles(read_inputs([spec.data]), Tally()))
    yield from islice(articles, spec.limit)


def measure(spec: RunSpec) -> dict[str, Any]:
    """Ingest into a new store in this process; the figures of one run."""
    from ..parallel import ParallelExtractor
    from ..pipeline import load_pipeline
    from ..store import open_store
    from ..store.ingest import ingest

    articles = list(read_articles(spec))
    load_before = os.getloadavg()
    started = time.perf_counter()
    extractor = ParallelExtractor(workers=spec.workers) if spec.workers > 1 else None
    if extractor is None:
        load_pipeline()
    else:
        extractor.start()
    load_s = time.perf_counter() - started
    outcomes: Counter[str] = Counter()
    store = open_store(spec.db)
    try:
        cpu_started, workers_cpu_started = time.process_time(), memory.descendant_cpu_seconds()
        started = time.perf_counter()
        for result in ingest(store, articles, workers=spec.workers, extractor=extractor):
            outcomes[result.outcome] += 1
        seconds = time.perf_counter() - started
        # read the workers before the pool closes: a reaped child's CPU and peak are gone
        workers_cpu = memory.descendant_cpu_seconds() - workers_cpu_started
        workers_peak = [p for p in memory.descendant_peaks_mb() if p["role"] == "worker"]
        parent_cpu_s = time.process_time() - cpu_started
        cpu_s = parent_cpu_s + workers_cpu
    finally:
        store.close()
        if extractor is not None:
            extractor.close()
    return {
        "workers": spec.workers,
        "articles": len(articles),
        "load_s": round(load_s, 2),
        "seconds": round(seconds, 2),
        "cpu_s": round(cpu_s, 2),
        # reading, near-duplicate search, rebuilding ledgers and every write: what the workers
        # cannot share, and so what bounds the speed-up more workers can give
        "parent_cpu_s": round(parent_cpu_s, 2),
        "articles_per_s": round(len(articles) / seconds, 3),
        "articles_per_cpu_s": round(len(articles) / cpu_s, 3) if cpu_s else None,
        "peak_rss_mb": round(memory.own_peak_mb(), 1),
        "worker_peak_rss_mb": [round(worker["peak_rss_mb"] or 0.0, 1) for worker in workers_peak],
        "outcomes": dict(sorted(outcomes.items())),
        "load_average_before": [round(value, 2) for value in load_before],
        "load_average_after": [round(value, 2) for value in os.getloadavg()],
    }


def run_in_subprocess(spec: RunSpec, *, timeout: float) -> dict[str, Any]:
    completed = subprocess.run(
        [sys.executable, "-m", "khabar.bench.ingest_bench", "--one", json.dumps(asdict(spec))],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"ingest run {spec} failed:\n{completed.stderr[-2000:]}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def summarise(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Medians per worker count, and the ratios of the most workers to one worker."""
    by_workers: dict[int, list[dict[str, Any]]] = {}
    for run in runs:
        by_workers.setdefault(run["workers"], []).append(run)
    medians = {
        workers: {
            key: statistics.median(run[key] for run in group)
            for key in ("load_s", "seconds", "cpu_s", "articles_per_s", "articles_per_cpu_s", "peak_rss_mb")
        }
        for workers, group in sorted(by_workers.items())
    }
    summary: dict[str, Any] = {"median": medians}
    most = max(medians)
    if 1 in medians and most > 1:
        one, many = medians[1], medians[most]
        summary[f"speedup_{most}_workers"] = round(many["articles_per_s"] / one["articles_per_s"], 3)
        summary[f"cpu_per_article_{most}_vs_1"] = round(
            one["articles_per_cpu_s"] / many["articles_per_cpu_s"], 3
        )
    outcomes = {json.dumps(run["outcomes"], sort_keys=True) for run in runs}
    summary["outcomes_identical"] = len(outcomes) == 1
    return summary


def table(summary: dict[str, Any]) -> str:
    lines = [
        "| workers | articles/s | articles/CPU-s | ingest s | CPU s | load s | parent peak MB |",
        "|---|---|---|---|---|---|---|",
    ]
    for workers, row in summary["median"].items():
        lines.append(
            f"| {workers} | {row['articles_per_s']:.2f} | {row['articles_per_cpu_s']:.2f} | "
            f"{row['seconds']:.1f} | {row['cpu_s']:.1f} | {row['load_s']:.1f} | {row['peak_rss_mb']:.0f} |"
        )
    ratios = {key: value for key, value in summary.items() if key not in ("median",)}
    lines.append("")
    lines.append(", ".join(f"{key}: {value}" for key, value in ratios.items()))
    return "\n".join(lines)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m khabar.bench.ingest_bench", description=__doc__)
    parser.add_argument("--data", type=Path, default=None, help="the FA-KES CSV (default: ../shared/data)")
    parser.add_argument("--date-order", default="mdy", choices=("dmy", "mdy", "ymd"))
    parser.add_argument("--limit", type=int, default=None, help="the first N articles (default: all)")
    parser.add_argument("--workers", default="1,2", help="worker counts, comma-separated (default: 1,2)")
    parser.add_argument("--repeat", type=int, default=1, help="rounds over the worker counts (default: 1)")
    parser.add_argument("--timeout", type=float, default=3600.0, help="seconds one run may take")
    parser.add_argument("--out", type=Path, default=Path("out/bench-ingest.json"), help="JSON results")
    parser.add_argument("--one", default=None, help=argparse.SUPPRESS)  # one run, in this process
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    options = parse_args(argv)
    if options.one is not None:
        print(json.dumps(measure(RunSpec(**json.loads(options.one)))))
        return 0
    data = (options.data or default_data_path()).resolve()
    counts = [int(part) for part in options.workers.split(",")]
    runs = []
    with tempfile.TemporaryDirectory(prefix="khabar-ingest-bench-") as folder:
        for round_number in range(options.repeat):
            for workers in counts:
                db = str(Path(folder) / f"round{round_number}-w{workers}.db")  # a fresh store each run
                spec = RunSpec(str(data), db, workers, options.date_order, options.limit)
                run = run_in_subprocess(spec, timeout=options.timeout)
                print(json.dumps(run), file=sys.stderr)
                runs.append(run)
    summary = summarise(runs)
    options.out.parent.mkdir(parents=True, exist_ok=True)
    options.out.write_text(json.dumps({"data": str(data), "runs": runs, "summary": summary}, indent=2) + "\n")
    print(table(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

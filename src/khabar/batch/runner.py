"""``run_batch``: extract a corpus partition by partition into a restartable Parquet directory.

The process that calls ``run_batch`` reads the inputs, splits them into partitions, skips
those the manifest lists as finished from the same inputs, hands the rest to an engine, and
writes each finished partition (files, then manifest entry). Killing it at any moment loses at
most the partitions in flight; the next run with the same inputs and ``--out`` does only those.
A bad input is reported through ``progress`` and counted in its partition's manifest entry; an
article the extractor fails on is recorded in the articles table (``error``) and the manifest.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

from ..errors import InputError
from ..model import Article
from .engines import ClusterInfo, DaskEngine, Engine, make_engine
from .manifest import Manifest, PartitionEntry, open_manifest, write_manifest
from .parquet import remove_stale_temporaries, write_partition
from .partitions import DEFAULT_PARTITION_SIZE, Partition, check_partition_size, partition_inputs


@dataclass(frozen=True, slots=True)
class BatchOptions:
    out: Path
    engine: str = "local"
    workers: int = 1
    scheduler: str | None = None
    partition_size: int = DEFAULT_PARTITION_SIZE
    batch_size: int = 16


@dataclass(slots=True)
class BatchReport:
    """What one run did. ``done`` partitions were extracted now; ``skipped`` were finished before."""

    partitions: int = 0
    read: int = 0  # articles read from the inputs, in every partition
    done: int = 0
    skipped: int = 0
    articles: int = 0  # articles extracted in this run (finished before: not counted)
    extracted: int = 0
    failed: int = 0
    events: int = 0
    bad_inputs: int = 0  # bad inputs met while reading, in every partition
    seconds: float = 0.0
    cluster: ClusterInfo | None = None
    failures: dict[str, str] = field(default_factory=dict)

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


class BatchProgress:
    """Hooks the CLI overrides to show progress; the library itself prints nothing."""

    def partition_seen(self, partition: Partition) -> None: ...
    def partition_skipped(self, partition: Partition) -> None: ...
    def partition_done(self, partition: Partition, entry: PartitionEntry) -> None: ...
    def bad_input(self, error: InputError) -> None: ...


def run_batch(
    items: Iterable[Article | InputError],
    options: BatchOptions,
    progress: BatchProgress | None = None,
    *,
    engine: Engine | None = None,
) -> BatchReport:
    """Extract ``items`` into ``options.out``; see the module docstring.

    ``engine`` is an engine the caller has opened (and will close), to run several batches on
    one cluster; without it, the engine ``options`` name is started here and shut down after.
    """
    check_partition_size(options.partition_size)
    hooks = progress or BatchProgress()
    out = Path(options.out)
    out.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(out)
    manifest = open_manifest(out, options.partition_size)
    report = BatchReport()
    started = time.perf_counter()
    owned = engine is None
    if engine is None:
        engine = make_engine(
            options.engine,
            workers=options.workers,
            scheduler=options.scheduler,
            batch_size=options.batch_size,
        )
    todo = pending(partition_inputs(items, options.partition_size), manifest, out, report, hooks)
    first = next(todo, None)
    if first is None:  # everything finished before: no pool or cluster to start
        report.seconds = time.perf_counter() - started
        return report
    with engine if owned else nullcontext(engine):
        for partition, outcomes, seconds, coded_by in engine.run(chain([first], todo)):
            entry = write_partition(out, partition, outcomes, seconds, coded_by)
            manifest.add(partition.name, entry)
            write_manifest(out, manifest)
            count(report, entry)
            hooks.partition_done(partition, entry)
        if isinstance(engine, DaskEngine):
            engine.measure_memory()
        report.cluster = engine.cluster
    report.seconds = time.perf_counter() - started
    return report


def pending(
    partitions: Iterator[Partition], manifest: Manifest, out: Path, report: BatchReport, hooks: BatchProgress
) -> Iterator[Partition]:
    """The partitions still to do; reports the bad inputs of all and skips the finished ones."""
    for partition in partitions:
        report.partitions += 1
        report.read += len(partition.articles)
        report.bad_inputs += len(partition.errors)
        hooks.partition_seen(partition)
        for error in partition.errors:
            hooks.bad_input(error)
        if manifest.is_finished(partition.name, partition.fingerprint, out):
            report.skipped += 1
            hooks.partition_skipped(partition)
            continue
        yield partition


def count(report: BatchReport, entry: PartitionEntry) -> None:
    report.done += 1
    report.articles += entry.articles
    report.extracted += entry.extracted
    report.failed += entry.failed
    report.events += entry.events
    report.failures.update(entry.failures)

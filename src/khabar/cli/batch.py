"""``khabar batch INPUT... --out DIR`` and ``khabar load DIR``: corpora on Dask, into Parquet, into the store.

``batch`` is restartable: run it again with the same inputs and ``--out`` after a crash (or a
kill) and it does only the partitions the manifest does not list. SIGTERM is handled like
Ctrl-C, so a killed batch still shuts its Dask cluster down. Exit codes: 0 all extracted,
3 no input could be read, 4 some inputs were skipped or articles failed, 1 other failure,
130 interrupted.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..batch import BatchOptions, BatchProgress, BatchReport, PartitionEntry, run_batch
from ..batch.partitions import DEFAULT_PARTITION_SIZE, Partition
from ..errors import InputError, KhabarError
from ..ingest.csv_reader import DATE_ORDERS, CsvColumns
from ..ingest.near_duplicates import DEFAULT_THRESHOLD as NEAR_DUP_THRESHOLD
from ..ingest.near_duplicates import MIN_THRESHOLD as MIN_NEAR_DUP_THRESHOLD
from ..store import DEFAULT_DB
from .common import ExitCode, err_console, report_error
from .extract import DEFAULT_MAX_CHARS, route_warnings_to_stderr
from .ledger import DbOption, csv_format, opened_store, user_errors

INTERRUPTED = 130


class ProgressBar(BatchProgress):
    """Partitions done / partitions read so far, on stderr; bad inputs as one line each."""

    def __init__(self, bar: Progress | None) -> None:
        self.bar = bar
        self.task = bar.add_task("batch", total=0) if bar else None

    def partition_seen(self, partition: Partition) -> None:
        if self.bar is not None and self.task is not None:
            self.bar.update(self.task, total=partition.index + 1)

    def partition_skipped(self, partition: Partition) -> None:
        self._advance()

    def partition_done(self, partition: Partition, entry: PartitionEntry) -> None:
        self._advance()
        for article_id, error in entry.failures.items():
            report_error(f"extraction failed for article '{article_id}': {error}")

    def bad_input(self, error: InputError) -> None:
        err_console.print(f"[yellow]skipped:[/] {error}", soft_wrap=True)

    def _advance(self) -> None:
        if self.bar is not None and self.task is not None:
            self.bar.advance(self.task)


@contextmanager
def progress_bar(enabled: bool) -> Iterator[ProgressBar]:
    if not enabled:
        yield ProgressBar(None)
        return
    columns = (TextColumn("partitions"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err_console, transient=True) as bar:
        yield ProgressBar(bar)


@contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """``kill PID`` unwinds like Ctrl-C, so the cluster and the worker pools are shut down."""

    def interrupt(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def batch_command(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, '-': text, HTML, JSONL, CSV.")],
    out: Annotated[Path, typer.Option("--out", help="Output directory (Parquet partitions + manifest).")],
    engine: Annotated[str, typer.Option(help="local (this machine's processes) or dask.")] = "local",
    scheduler: Annotated[
        str | None, typer.Option(help="A running Dask scheduler, tcp://HOST:PORT (implies --engine dask).")
    ] = None,
    workers: Annotated[int, typer.Option(help="Worker processes, one spaCy pipeline each.")] = 1,
    partition_size: Annotated[int, typer.Option(help="Articles per partition.")] = DEFAULT_PARTITION_SIZE,
    published: Annotated[str | None, typer.Option(help="Publication date of inputs that carry none.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet of inputs that name none.")] = None,
    text_column: Annotated[str | None, typer.Option(help="CSV column of the article text.")] = None,
    id_column: Annotated[str | None, typer.Option(help="CSV column of the article id.")] = None,
    date_column: Annotated[str | None, typer.Option(help="CSV column of the publication date.")] = None,
    date_order: Annotated[
        str | None, typer.Option(help="How CSV numeric dates like 4/5/2017 are written: dmy, mdy or ymd.")
    ] = None,
    max_chars: Annotated[int, typer.Option(help="Reject inputs longer than this.")] = DEFAULT_MAX_CHARS,
    allow_non_english: Annotated[bool, typer.Option(help="Keep inputs that are not in English.")] = False,
    progress: Annotated[bool, typer.Option(help="Show a progress bar on stderr.")] = True,
) -> None:
    """Extract a corpus partition by partition into Parquet files, restartably, locally or on Dask."""
    if date_order is not None and date_order not in DATE_ORDERS:
        report_error(f"--date-order must be one of {', '.join(DATE_ORDERS)}, not {date_order!r}")
        raise typer.Exit(ExitCode.USAGE)
    from ..ingest import read_inputs

    route_warnings_to_stderr()
    columns = CsvColumns(text=text_column, id=id_column, date=date_column, date_order=date_order)  # type: ignore[arg-type]
    options = BatchOptions(
        out=out,
        engine="dask" if scheduler else engine,
        workers=workers,
        scheduler=scheduler,
        partition_size=partition_size,
    )
    try:
        with sigterm_as_interrupt(), csv_format(columns), progress_bar(progress) as hooks:
            items = read_inputs(
                inputs,
                published=published,
                outlet=outlet,
                max_chars=max_chars,
                allow_non_english=allow_non_english,
            )
            report = run_batch(items, options, hooks)
    except KhabarError as exc:
        report_error(str(exc))
        raise typer.Exit(ExitCode.FAILURE) from exc
    except KeyboardInterrupt:
        report_error(f"interrupted; run the same command again to finish the batch in '{out}'")
        raise typer.Exit(INTERRUPTED) from None
    err_console.print(summary(report, out), soft_wrap=True)
    raise typer.Exit(batch_exit_code(report))


def summary(report: BatchReport, out: Path) -> str:
    line = (
        f"{report.partitions} partitions ({report.done} done now, {report.skipped} finished before): "
        f"{report.articles} articles in {report.seconds:.1f} s ({report.articles_per_second:.2f}/s), "
        f"{report.events} events, {report.failed} failed, {report.bad_inputs} bad inputs — {out}"
    )
    cluster = report.cluster
    if cluster is not None and cluster.workers:
        peaks = ", ".join(f"{memory['peak_rss_mb']:.0f}" for memory in cluster.memory_mb.values())
        line += (
            f"\ncluster: {cluster.workers} workers up in {cluster.start_seconds:.1f} s, "
            f"pipelines loaded at {cluster.ready_seconds:.1f} s; peak MB per worker: {peaks}"
        )
    return line


def batch_exit_code(report: BatchReport) -> ExitCode:
    if report.read == 0:
        return ExitCode.NO_INPUT
    if report.bad_inputs or report.failed:
        return ExitCode.PARTIAL
    return ExitCode.OK


def load_command(
    directory: Annotated[Path, typer.Argument(help="The --out directory of a `khabar batch` run.")],
    db: DbOption = DEFAULT_DB,
    near_dup_threshold: Annotated[
        float,
        typer.Option(
            help="Word 5-gram Jaccard similarity from which an article is a near copy of a stored one "
            "(stored as a copy, without its events, as `khabar ingest` does); 0 turns this off."
        ),
    ] = NEAR_DUP_THRESHOLD,
    recode: Annotated[
        bool,
        typer.Option(
            help="Replace stored codings of another extractor version with the batch's when this "
            "khabar coded it (--no-recode keeps them)."
        ),
    ] = True,
) -> None:
    """Put the ledgers of a batch output into the store (idempotent: loading twice changes nothing)."""
    from ..batch import load_batch

    if near_dup_threshold != 0 and not MIN_NEAR_DUP_THRESHOLD <= near_dup_threshold <= 1:
        report_error(str(KhabarError("E208", low=MIN_NEAR_DUP_THRESHOLD, value=near_dup_threshold)))
        raise typer.Exit(ExitCode.USAGE)
    with user_errors(), opened_store(db, read_only=False) as store:
        report = load_batch(directory, store, near_dup_threshold=near_dup_threshold or None, recode=recode)
        counts = ", ".join(
            f"{name} {report.actions.get(name, 0)}"
            for name in ("stored", "replaced", "recoded", "unchanged", "duplicate", "near-duplicate")
        )
        err_console.print(f"{report.articles} articles: {counts} — {store.url}")

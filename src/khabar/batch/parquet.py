"""The files of a batch directory, and reading them back.

::

    DIR/_manifest.json              finished partitions (the commit point, see manifest.py)
    DIR/part-00007.parquet          articles of partition 7: one row per article, ledger JSON
    DIR/_events/part-00007.parquet  its events: one row per event and location, ACLED-like

Readers of a directory skip names starting with ``_`` or ``.``, so ``pyarrow`` and ``pandas``
read ``DIR`` as the articles table and ``DIR/_events`` as the events table, and never see the
manifest or a temporary file. The columns are those of ``khabar.export.parquet``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import KhabarError
from ..export.parquet import ArticleOutcome, articles_table, events_table, ledger_of_row, write_table
from ..extractor_version import extractor_version
from ..model import ArticleLedger
from .manifest import Manifest, PartitionEntry, read_manifest, temporary_path
from .partitions import Partition

EVENTS_DIR = "_events"


def articles_file(name: str) -> str:
    return f"{name}.parquet"


def events_file(name: str) -> str:
    return f"{EVENTS_DIR}/{name}.parquet"


def write_partition(
    directory: Path,
    partition: Partition,
    outcomes: list[ArticleOutcome],
    seconds: float,
    coded_by: str | None = None,
) -> PartitionEntry:
    """Write the two files of ``partition`` atomically; the entry for the manifest.

    ``coded_by`` is the extractor version that extracted the partition (default: this process's).
    """
    name = partition.name
    ledgers = [outcome.ledger for outcome in outcomes if outcome.ledger is not None]
    events = events_table(ledgers)
    # events first: a partition whose articles file exists always has its events file too
    write_atomically(events, directory / events_file(name))
    write_atomically(articles_table(outcomes), directory / articles_file(name))
    return PartitionEntry(
        index=partition.index,
        fingerprint=partition.fingerprint,
        articles=len(outcomes),
        extracted=len(ledgers),
        failed=len(outcomes) - len(ledgers),
        events=sum(len(ledger.events) for ledger in ledgers),
        bad_inputs=len(partition.errors),
        bad_input_messages=[str(error) for error in partition.errors],
        failures={o.article.id: o.error for o in outcomes if o.error is not None},
        articles_file=articles_file(name),
        events_file=events_file(name),
        seconds=round(seconds, 3),
        extractor_version=coded_by or extractor_version(),
    )


def write_atomically(table: pa.Table, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = temporary_path(path)
    write_table(table, temporary)
    os.replace(temporary, path)


def remove_stale_temporaries(directory: Path) -> None:
    """Temporary files of a run that crashed: never part of the output, so they go."""
    for folder in (directory, directory / EVENTS_DIR):
        if folder.is_dir():
            for path in folder.glob(".*.tmp-*"):
                path.unlink(missing_ok=True)


def batch_manifest(directory: Path) -> Manifest:
    manifest = read_manifest(directory)
    if manifest is None:
        raise KhabarError("E168", path=directory)
    return manifest


def iter_batch_ledgers(directory: str | Path) -> Iterator[ArticleLedger]:
    """Every extracted ledger of a batch directory, text and all, in partition order."""
    for ledger, _ in iter_batch_codings(directory):
        yield ledger


def iter_batch_codings(directory: str | Path) -> Iterator[tuple[ArticleLedger, str]]:
    """Every extracted ledger of a batch directory with the extractor version that coded it
    ("" when the manifest is older than versions), in partition order."""
    root = Path(directory)
    manifest = batch_manifest(root)
    for name in sorted(manifest.partitions):
        entry = manifest.partitions[name]
        path = root / entry.articles_file
        try:
            table = pq.read_table(path, columns=["ledger", "text"])
        except (OSError, pa.ArrowException) as exc:
            raise KhabarError("E169", path=path, detail=str(exc)) from exc
        for row in table.to_pylist():
            ledger = ledger_of_row(row)
            if ledger is not None:
                yield ledger, entry.extractor_version

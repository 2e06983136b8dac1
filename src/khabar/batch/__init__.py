"""Batch runs over large corpora: partitions, Dask or local engines, restartable Parquet output.

``run_batch(items, BatchOptions(out=...))`` is the Python door of ``khabar batch``;
``load_batch(directory, store)`` the door of ``khabar load``. Dask is imported only when the
``dask`` engine is used.
"""

from __future__ import annotations

from .load import LoadReport, load_batch
from .manifest import MANIFEST_NAME, Manifest, PartitionEntry, read_manifest
from .parquet import EVENTS_DIR, iter_batch_ledgers
from .partitions import DEFAULT_PARTITION_SIZE, Partition, fingerprint, partition_inputs
from .runner import BatchOptions, BatchProgress, BatchReport, run_batch

__all__ = [
    "DEFAULT_PARTITION_SIZE",
    "EVENTS_DIR",
    "MANIFEST_NAME",
    "BatchOptions",
    "BatchProgress",
    "BatchReport",
    "LoadReport",
    "Manifest",
    "Partition",
    "PartitionEntry",
    "fingerprint",
    "iter_batch_ledgers",
    "load_batch",
    "partition_inputs",
    "read_manifest",
    "run_batch",
]

"""``DIR/_manifest.json``: which partitions of a batch are finished, from which inputs.

The manifest is the commit point of a partition: its Parquet files are renamed into place
first, then its entry is added and the manifest is replaced atomically (written to a temporary
name, then renamed). A crash at any moment leaves either the old manifest or the new one,
never half of one, and a partition missing from it is simply done again.

Only the process that runs the batch writes the manifest; workers never touch it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..errors import KhabarError
from ..extractor_version import extractor_version

MANIFEST_NAME = "_manifest.json"
FORMAT_VERSION = 1


@dataclass(slots=True)
class PartitionEntry:
    """What one finished partition holds and where its files are (relative to the batch dir)."""

    index: int
    fingerprint: str
    articles: int
    extracted: int
    failed: int
    events: int
    bad_inputs: int
    bad_input_messages: list[str]
    failures: dict[str, str]  # article id -> the extraction error
    articles_file: str
    events_file: str
    seconds: float
    finished: str = ""
    #: the extractor that coded it (``khabar/extractor_version.py``); "" in older manifests
    extractor_version: str = ""

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PartitionEntry:
        return cls(**data)


@dataclass(slots=True)
class Manifest:
    """The manifest of one batch directory."""

    partition_size: int
    partitions: dict[str, PartitionEntry] = field(default_factory=dict)
    version: int = FORMAT_VERSION

    def to_dict(self) -> dict[str, Any]:
        entries = [self.partitions[name] for name in sorted(self.partitions)]
        return {
            "version": self.version,
            "partition_size": self.partition_size,
            "totals": totals(entries),
            "partitions": {entry_name(entry): asdict(entry) for entry in entries},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Manifest:
        return cls(
            version=int(data.get("version", FORMAT_VERSION)),
            partition_size=int(data["partition_size"]),
            partitions={
                name: PartitionEntry.from_dict(entry) for name, entry in data.get("partitions", {}).items()
            },
        )

    def is_finished(self, name: str, fingerprint: str, directory: Path) -> bool:
        """Whether partition ``name`` is done from the same inputs by this extractor version;
        E162 if it was done from other inputs."""
        entry = self.partitions.get(name)
        if entry is None:
            return False
        if entry.fingerprint != fingerprint:
            raise KhabarError("E162", out=directory, detail=f"the articles of {name} differ")
        if entry.extractor_version != extractor_version():  # coded by older code: stale, done again
            return False
        # files deleted by hand: the partition is not there any more, so it is done again
        return (directory / entry.articles_file).is_file() and (directory / entry.events_file).is_file()

    def add(self, name: str, entry: PartitionEntry) -> None:
        entry.finished = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        self.partitions[name] = entry


def entry_name(entry: PartitionEntry) -> str:
    from .partitions import partition_name

    return partition_name(entry.index)


def totals(entries: list[PartitionEntry]) -> dict[str, int]:
    keys = ("articles", "extracted", "failed", "events", "bad_inputs")
    return {"partitions": len(entries), **{key: sum(getattr(e, key) for e in entries) for key in keys}}


def manifest_path(directory: Path) -> Path:
    return directory / MANIFEST_NAME


def read_manifest(directory: Path) -> Manifest | None:
    """The manifest of ``directory``, or None when there is none yet."""
    path = manifest_path(directory)
    if not path.exists():
        return None
    try:
        return Manifest.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise KhabarError("E163", path=path, detail=str(exc)) from exc


def open_manifest(directory: Path, partition_size: int) -> Manifest:
    """The manifest to continue, or a new one; E162 if it was made with another partition size."""
    manifest = read_manifest(directory)
    if manifest is None:
        return Manifest(partition_size=partition_size)
    if manifest.partition_size != partition_size:
        detail = f"partition size {manifest.partition_size}, not {partition_size}"
        raise KhabarError("E162", out=directory, detail=detail)
    return manifest


def write_manifest(directory: Path, manifest: Manifest) -> None:
    text = json.dumps(manifest.to_dict(), ensure_ascii=False, indent=1)
    atomic_write_bytes(manifest_path(directory), text.encode("utf-8"))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the whole new one."""
    temporary = temporary_path(path)
    with temporary.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


def temporary_path(path: Path) -> Path:
    """A hidden sibling of ``path`` (readers of the directory skip names starting with '.')."""
    return path.with_name(f".{path.name}.tmp-{os.getpid()}")

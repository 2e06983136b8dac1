"""The batch tests' corpus: a few invented reports as JSONL, with one malformed line."""

from __future__ import annotations

from pathlib import Path

import pytest
from batch_corpus import write_jsonl


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "corpus.jsonl")

"""Shared fixtures: the real spaCy pipeline (loaded once), and the shared data sets when present."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from spacy.language import Language

from khabar.extractor_version import VERSION_ENV, extractor_version

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
# one extractor version for the session and the khabar processes it starts: sources edited
# while the suite runs would otherwise make a subprocess's codings look stale to the test
os.environ.setdefault(VERSION_ENV, extractor_version())


@pytest.fixture(scope="session")
def base_nlp() -> Language:
    """The bare English model, for testing one stage on a real parse."""
    from khabar.pipeline import load_base_model
    from khabar.pipeline.extensions import register_extensions

    register_extensions()
    return load_base_model()


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The whole khabar pipeline."""
    from khabar.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """``../shared/data``; tests that need it are skipped where it is absent."""
    path = SHARED / "data"
    if not path.is_dir():
        pytest.skip("../shared/data is not present")
    return path

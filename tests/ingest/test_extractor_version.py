"""``extractor_version()``: changes with what extraction reads, not with what only shows ledgers."""

from __future__ import annotations

from pathlib import Path

import pytest

from khabar import extractor_version as version


def fingerprint_of(root: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(version, "PACKAGE_ROOT", root)
    version.code_fingerprint.cache_clear()
    try:
        return version.code_fingerprint()
    finally:
        version.code_fingerprint.cache_clear()


def package_at(root: Path) -> Path:
    for relative, text in {
        "pipeline/counts.py": "WORDS = 1\n",
        "data/en/cues.tsv": "killed\tdeath\n",
        "web/templates/event.html": "<p>{{ figure }}</p>\n",
        "data/reconcile/linking.json": "{}\n",
    }.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding="utf-8")
    return root


def test_a_change_to_extraction_code_or_data_changes_the_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = package_at(tmp_path)
    before = fingerprint_of(root, monkeypatch)
    (root / "data/en/cues.tsv").write_text("killed\tdeath\nslain\tdeath\n", encoding="utf-8")
    after_data = fingerprint_of(root, monkeypatch)
    (root / "pipeline/counts.py").write_text("WORDS = 2\n", encoding="utf-8")
    after_code = fingerprint_of(root, monkeypatch)
    assert len({before, after_data, after_code}) == 3


def test_a_change_to_presentation_or_reconciliation_keeps_the_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = package_at(tmp_path)
    before = fingerprint_of(root, monkeypatch)
    (root / "web/templates/event.html").write_text("<p>{{ figure }}!</p>\n", encoding="utf-8")
    (root / "data/reconcile/linking.json").write_text('{"weight": 2}\n', encoding="utf-8")
    assert fingerprint_of(root, monkeypatch) == before


def test_the_version_names_the_package_version_and_a_short_hash() -> None:
    package, _, digest = version.extractor_version().partition("+")
    assert package and len(digest) == 12 and int(digest, 16) >= 0


def test_the_environment_pins_the_version(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(version.VERSION_ENV, "1.2.3+pinned")
    assert version.extractor_version() == "1.2.3+pinned"
    monkeypatch.delenv(version.VERSION_ENV)
    assert version.extractor_version() == version.computed_version()

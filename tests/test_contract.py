"""``khabar extract`` output validates against the contract's JSON Schema (when ../shared is here)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import khabar

REPORT = (
    "Government forces shelled the town of Saraqib in Idlib province on Monday, killing four "
    "civilians and wounding at least 11 others, a local rescue official said. Rebels fought "
    "army units near Maarat al-Numan later in the day."
)


@pytest.fixture(scope="module")
def schema(shared_data: Path) -> dict:
    path = shared_data.parent / "design" / "article-ledger.schema.json"
    return json.loads(path.read_text(encoding="utf-8"))


def test_own_report_validates(schema: dict) -> None:
    ledger = khabar.extract(REPORT, published="2024-03-06", outlet="Test Wire").to_dict()
    jsonschema.validate(ledger, schema)
    assert ledger["article"]["outlet"] == "Test Wire"


def test_seed_report_validates(schema: dict, shared_data: Path) -> None:
    text = (shared_data / "seed" / "idlib-2020-02-27.txt").read_text(encoding="utf-8")
    ledger = khabar.extract(text, published="2020-02-28").to_dict()
    jsonschema.validate(ledger, schema)
    for mention in ledger["places"]:
        assert text[mention["start"] : mention["end"]] == mention["text"]
    for event in ledger["events"]:
        spans = event["evidence"] if isinstance(event["evidence"], list) else [event["evidence"]]
        for span in spans:
            assert text[span["start"] : span["end"]] == span["text"]

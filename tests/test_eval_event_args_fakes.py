"""The event-args reader of hand-annotated FA-KES articles: rows read from the CSV, hashes checked,
arguments scored on the article's own text. All texts here are invented for the test."""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

import pytest

from khabar.errors import KhabarError
from khabar.evaluate.event_args import evaluate, fakes_annotations, read_fakes

TEXTS = [
    "Opening remarks about the weather in the valley were long.",
    "Government warplanes bombed the bakery in Tal Warda on Monday."
    " The council said repairs would start soon.",
]


def span(text: str, phrase: str) -> dict:
    start = text.index(phrase)
    return {"start": start, "end": start + len(phrase), "text": phrase}


def write_csv(folder: Path, texts: list[str]) -> Path:
    path = folder / "articles.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["unit_id", "article_title", "article_content"])
        writer.writeheader()
        for index, text in enumerate(texts):
            writer.writerow({"unit_id": str(100 + index), "article_title": "t", "article_content": text})
    return path


def annotation(text: str, *, attacker: str = "Government warplanes", sha256: str | None = None) -> dict:
    return {
        "row": 1,
        "unit_id": "101",
        "sha256": sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "batch": "event-args-test",
        "events": [
            {
                "trigger": span(text, "bombed"),
                "attacker": [[span(text, attacker)]],
                "target": [[span(text, "the bakery"), span(text, "the bakery in Tal Warda")]],
            }
        ],
    }


def write_folder(folder: Path, record: dict) -> Path:
    notes = folder / "notes"
    notes.mkdir(parents=True)
    (notes / "fakes-101.json").write_text(json.dumps(record), encoding="utf-8")
    (notes / "other-schema.json").write_text(json.dumps({"row": 3, "claims": []}), encoding="utf-8")
    return notes


def test_reader_takes_the_annotated_files_and_their_spans(tmp_path: Path) -> None:
    folder = write_folder(tmp_path, annotation(TEXTS[1]))
    annotations = fakes_annotations(folder)
    assert [record["row"] for record in annotations] == [1]  # the file of another schema is left alone
    notes: list[str] = []
    [document] = read_fakes(annotations, dict(enumerate(TEXTS)), notes)
    assert notes == []
    [event] = document.events
    assert event.source == "fakes"
    assert document.text[slice(*event.trigger)] == "bombed"
    assert [document.text[slice(*spans[0])] for spans in event.arguments["attacker"]] == [
        "Government warplanes"
    ]
    assert len(event.arguments["target"][0]) == 2  # both acceptable spans kept


def test_an_article_whose_text_changed_is_skipped_with_a_note(tmp_path: Path) -> None:
    record = annotation(TEXTS[1], sha256=hashlib.sha256(b"another text").hexdigest())
    notes: list[str] = []
    assert list(read_fakes([record], dict(enumerate(TEXTS)), notes)) == []
    assert notes == ["fakes row 1: article missing or changed; skipped"]


def test_a_folder_without_event_argument_files_is_refused(tmp_path: Path) -> None:
    (tmp_path / "other.json").write_text(json.dumps({"row": 1, "claims": []}), encoding="utf-8")
    with pytest.raises(KhabarError) as error:
        evaluate(tmp_path, csv_path=write_csv(tmp_path, TEXTS))
    assert error.value.code == "E090"


def test_a_correct_prediction_is_scored_found_and_a_wrong_gold_is_not(tmp_path: Path) -> None:
    csv_path = write_csv(tmp_path, TEXTS)
    report = evaluate(write_folder(tmp_path / "right", annotation(TEXTS[1])), csv_path=csv_path)
    assert report.n_items == 1
    assert report.metrics["fakes_attacker_head_recall"] == 1.0
    assert report.metrics["fakes_target_head_recall"] == 1.0
    assert "wikievents_attacker_head_recall" not in report.metrics
    assert "wikievents_args_head_recall" not in report.metrics  # no zeros for a source not in the data
    # the same event with 'Monday' as its gold attacker: the predicted warplanes no longer find it
    report = evaluate(
        write_folder(tmp_path / "wrong", annotation(TEXTS[1], attacker="Monday")), csv_path=csv_path
    )
    assert report.metrics["fakes_attacker_head_recall"] == 0.0


def test_a_changed_article_is_left_out_of_the_score_and_noted(tmp_path: Path) -> None:
    record = annotation(TEXTS[1], sha256=hashlib.sha256(b"another text").hexdigest())
    report = evaluate(write_folder(tmp_path, record), csv_path=write_csv(tmp_path, TEXTS))
    assert report.n_items == 0
    assert "fakes row 1: article missing or changed; skipped" in report.notes

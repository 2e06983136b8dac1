"""``khabar eval event-location`` on a tiny file of records written for this test."""

from __future__ import annotations

import json
from pathlib import Path

from spacy.language import Language

from khabar.evaluate.event_location import case_of, evaluate, half_of, load_cases


def _record(id_: str, text: str, verb: str, place: tuple[int, int] | None, source: str = "RELABEL") -> dict:
    start = text.index(verb)
    spans = [
        {"start": start, "end": start + len(verb), "token_start": len(text[:start].split()), "label": "VERB"}
    ]
    if place is not None:
        # the data's location spans carry token offsets (end inclusive); their characters are unreliable
        spans.append(
            {"start": 0, "end": 0, "token_start": place[0], "token_end": place[1], "label": "LOCATION"}
        )
    return {"_id": id_, "text": text, "spans": spans, "source": source, "answer": "accept"}


def _write(tmp_path: Path) -> Path:
    records = [
        # Rebels(0) shelled(1) the(2) town(3) of(4) Saraqib(5) in(6) Idlib(7) province(8) ...
        _record("a1", "Rebels shelled the town of Saraqib in Idlib province on Monday.", "shelled", (5, 5)),
        _record("a2", "Two men were shot dead on Friday, the police said.", "shot", None),
        _record("a3", "Troops stormed the village of Kafr Nabl at dawn.", "stormed", (5, 6), source="AP"),
    ]
    path = tmp_path / "labeled_text.jsonl"
    path.write_text("\n".join(json.dumps(record) for record in records) + "\n", encoding="utf-8")
    return path


def test_only_adjudicated_records_with_one_verb_are_cases(tmp_path: Path) -> None:
    cases = load_cases(_write(tmp_path))
    assert [case.id for case in cases] == ["a1", "a2"]
    assert cases[0].locations == ((5, 5),) and cases[1].locations == ()
    assert case_of({"_id": 1, "text": "x", "source": "RELABEL"}) is None  # a record without spans


def test_the_split_is_a_fixed_rule_of_the_id() -> None:
    assert {half_of(str(n)) for n in range(20)} == {"tune", "held"}
    assert half_of("a1") == half_of("a1")


def test_the_town_not_its_province_is_the_event_s_place(tmp_path: Path, nlp: Language) -> None:
    report = evaluate(_write(tmp_path))
    metrics = report.metrics
    assert metrics["all.records"] == 2
    assert metrics["all.recall"] == 1.0  # Saraqib found
    assert metrics["all.precision"] == 1.0  # Idlib, which holds it, left out; nothing for the shooting
    assert report.anchors["held.recall"].value == 0.83

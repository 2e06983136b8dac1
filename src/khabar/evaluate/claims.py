"""``khabar eval claims``: claims, revisions and contradictions on a hand-annotated set.

PATH is a folder of annotation files (``notes/claims-annotations/*.json``, described in its
README): for each article its row in the FA-KES CSV, a hash of its text, and the gold claims
(speaker, kind, status, value and a snippet of a few words that locates the evidence), revisions
and contradictions. The articles themselves are read from the FA-KES CSV
(``../shared/data/fakes-syria/FA-KES-Dataset.csv``, or ``KHABAR_FAKES_CSV``); an article whose
text no longer matches its hash is skipped with a note.

Scores:

- ``claim_recall``: a gold claim is found when a predicted claim's evidence overlaps the gold
  snippet and the speaker matches loosely (a shared content word with the gold speaker or one of
  its ``speaker_also`` names; "the outlet" matches the outlet);
- ``speaker_accuracy``: of gold claims with an overlapping prediction, the share whose speaker
  matches; ``status_accuracy`` and ``kind_accuracy``: of found claims, the share with the gold
  status / kind;
- ``revision_recall``: gold revisions (field, from, to) among the predicted ones;
- ``contradiction_recall``: gold contradictions whose field matches and whose values are all
  among a predicted contradiction's values.

Annotation files may name a ``batch`` (files without one are the ``tuning`` batch, the articles
the claim finder was tuned on); the report's details give every batch's scores apart, so that
figures on articles nobody looked at while tuning stay visible beside the pooled ones.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from spacy.language import Language

from ..errors import KhabarError
from ..figure_text import stated_number
from ..model import ArticleLedger, Claim, Contradiction
from . import EvalReport, Progress

DEFAULT_CSV = "../shared/data/fakes-syria/FA-KES-Dataset.csv"
#: the batch of annotation files that name none: the articles the claim finder was tuned on
TUNING_BATCH = "tuning"
GOALS = {
    "claim_recall": 0.85,
    "status_accuracy": 0.85,
    "revision_recall": 0.9,
    "contradiction_recall": 0.9,
}
#: words that say nothing about who the speaker is
SPEAKER_STOPWORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "for",
        "and",
        "in",
        "on",
        "to",
        "its",
        "his",
        "her",
        "their",
        "local",
        "media",
        "state",
        "news",
        "based",
        "uk",
        "britain",
        "syrian",
        "syria",
        "group",
        "said",
    ]
)


def evaluate(
    path: Path, *, limit: int | None = None, progress: Progress | None = None, csv_path: Path | None = None
) -> EvalReport:
    notes: list[str] = []
    annotations = load_annotations(path)[:limit] if limit else load_annotations(path)
    texts = load_texts(csv_path or Path(os.environ.get("KHABAR_FAKES_CSV", DEFAULT_CSV)))
    items = []
    for annotation in annotations:
        text = texts.get(int(annotation["row"]))
        if text is None or hashlib.sha256(text.encode("utf-8")).hexdigest() != annotation["sha256"]:
            notes.append(f"row {annotation['row']}: article missing or changed; skipped")
            continue
        items.append((annotation, text))
    score = Score()
    by_batch: dict[str, Score] = {}
    for number, (ledger, (annotation, text)) in enumerate(zip(_ledgers(items, notes), items, strict=True), 1):
        score.add(annotation, text, ledger)
        by_batch.setdefault(annotation.get("batch", TUNING_BATCH), Score()).add(annotation, text, ledger)
        if progress:
            progress(number, len(items))
    return EvalReport(
        name="claims",
        dataset=str(path),
        n_items=len(items),
        metrics=score.metrics(),
        goals=dict(GOALS),
        details={
            "by_batch": {batch: by_batch[batch].metrics() for batch in sorted(by_batch)},
            "missed": score.missed[:40],
            "wrong_status": score.wrong_status[:40],
            "wrong_kind": score.wrong_kind[:40],
            "missed_revisions": score.missed_revisions,
            "missed_contradictions": score.missed_contradictions,
        },
        notes=notes,
    )


def load_annotations(path: Path) -> list[dict[str, Any]]:
    files = sorted(path.glob("*.json")) if path.is_dir() else [path]
    if not files:
        raise KhabarError("E041", path=path / "*.json")
    return [json.loads(file.read_text(encoding="utf-8")) for file in files]


def load_texts(csv_path: Path) -> dict[int, str]:
    """Row index -> article text of the FA-KES CSV."""
    if not csv_path.exists():
        raise KhabarError("E041", path=csv_path)
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    with csv_path.open(encoding="utf-8", errors="replace", newline="") as handle:
        return {index: row["article_content"] for index, row in enumerate(csv.DictReader(handle))}


def _pipeline(notes: list[str]) -> Language:
    """The whole pipeline; without a stage that cannot load here (noted), rather than nothing."""
    from ..pipeline import factories, load_base_model, load_pipeline

    try:
        return load_pipeline()
    except KhabarError as exc:
        notes.append(f"full pipeline unavailable ({exc}); stages that load were used")
    nlp = load_base_model()
    for name in factories.KHABAR_COMPONENTS:
        try:
            nlp.add_pipe(name)
        except KhabarError as exc:
            notes.append(f"stage {name} skipped: {exc}")
    return nlp


def _ledgers(items: list[tuple[dict[str, Any], str]], notes: list[str]) -> Iterator[ArticleLedger]:
    from ..extract import ledger_of
    from ..model import Article

    nlp = _pipeline(notes)
    for annotation, text in items:
        doc = nlp.make_doc(text)
        doc._.article = Article(text=text, id=f"fakes-{annotation['unit_id']}")
        yield ledger_of(nlp(doc))


# -- scoring ----------------------------------------------------------------------------------


def speaker_words(name: str | None) -> set[str]:
    words = re.findall(r"[a-z0-9]+", (name or "").lower())
    return {word for word in words if word not in SPEAKER_STOPWORDS and len(word) > 1}


def speaker_matches(gold: dict[str, Any], predicted: str | None) -> bool:
    names = [gold["speaker"], *gold.get("speaker_also", [])]
    if any(name == "the outlet" for name in names) and predicted in {None, "the outlet"}:
        return True
    if predicted and any(name.casefold() == predicted.casefold() for name in names):
        return True  # the same name, even when every word of it is a stopword ("Syrian state media")
    words = speaker_words(predicted)
    return any(words & speaker_words(name) for name in names if name != "the outlet")


def snippet_span(text: str, snippet: str, occurrence: int = 1) -> tuple[int, int] | None:
    start = -1
    for _ in range(occurrence):
        start = text.find(snippet, start + 1)
        if start < 0:
            return None
    return start, start + len(snippet)


def _overlapping(claims: list[Claim], span: tuple[int, int]) -> list[Claim]:
    return [c for c in claims if c.evidence and c.evidence[0].start < span[1] and span[0] < c.evidence[0].end]


def stated_values(claims: list[Claim]) -> dict[str, tuple[Any, Any]]:
    """Claim id -> (value, the number its source stated): a claim keeps the bound of "more than
    200" (201), the annotations write the stated 200."""
    return {claim.id: (claim.value, stated_number(claim.value, claim.qualifier)) for claim in claims}


def told(value: Any, claim_ids: list[str], stated: dict[str, tuple[Any, Any]]) -> list[Any]:
    """``value`` and the stated numbers of the claims that hold it."""
    return [value, *(stated[i][1] for i in claim_ids if i in stated and stated[i][0] == value)]


def told_any(values: list[Any], claim_ids: list[str], stated: dict[str, tuple[Any, Any]]) -> list[Any]:
    return [form for value in values for form in told(value, claim_ids, stated)]


def named_sides(gold_claims: list[dict[str, Any]], text: str) -> dict[tuple[str, str], list[tuple[int, int]]]:
    """(kind, value) -> the snippets of the gold claims that name that value, for values written
    as names (a perpetrator: "US forces", "terrorists")."""
    sides: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for gold in gold_claims:
        if not isinstance(gold.get("value"), str):
            continue
        span = snippet_span(text, gold["snippet"], gold.get("occurrence", 1))
        if span is not None:
            sides.setdefault((gold["kind"], gold["value"]), []).append(span)
    return sides


def named_sides_match(
    gold: dict[str, Any],
    predicted: Contradiction,
    claims: dict[str, Claim],
    sides: dict[tuple[str, str], list[tuple[int, int]]],
) -> bool:
    """Does a predicted dispute hold every side of a gold one whose values are names? The
    annotator writes a side as the text names it ("US forces", "terrorists"), the ledger as the
    actor it resolves to ("Military Forces of the United States"), so exact strings miss real
    disputes. A gold side is matched, as claims are, by a predicted claim of the dispute whose
    evidence overlaps a gold claim of that side; each gold side needs a value of its own."""
    if not all(isinstance(value, str) for value in gold["values"]):
        return False  # figures are compared as numbers
    options: list[set[Any]] = []
    for value in gold["values"]:
        spans = sides.get((gold["field"], value), [])
        held = {value} & set(predicted.values)
        for claim in (claims[i] for i in predicted.claims if i in claims):
            if claim.value in predicted.values and any(_overlapping([claim], span) for span in spans):
                held.add(claim.value)
        options.append(held)
    return _distinct_choice(options, set())


def _distinct_choice(options: list[set[Any]], taken: set[Any]) -> bool:
    """Can each option set give a value no other one gives?"""
    if not options:
        return True
    return any(_distinct_choice(options[1:], taken | {value}) for value in options[0] - taken)


class Score:
    def __init__(self) -> None:
        self.gold = self.overlapped = self.speaker_ok = self.found = 0
        self.status_ok = self.kind_ok = 0
        self.revisions = self.revisions_found = 0
        self.contradictions = self.contradictions_found = 0
        self.predicted = 0
        self.missed: list[str] = []
        self.wrong_status: list[str] = []
        self.wrong_kind: list[str] = []
        self.missed_revisions: list[str] = []
        self.missed_contradictions: list[str] = []

    def add(self, annotation: dict[str, Any], text: str, ledger: ArticleLedger) -> None:
        row = annotation["row"]
        self.predicted += len(ledger.claims)
        for gold in annotation["claims"]:
            self._claim(row, gold, text, ledger.claims)
        stated = stated_values(ledger.claims)
        for gold in annotation.get("revisions", []):
            self.revisions += 1
            found = any(
                r.field == gold["field"]
                and gold["from"] in told(r.before, r.claims, stated)
                and gold["to"] in told(r.after, r.claims, stated)
                for r in ledger.revisions
            )
            self.revisions_found += found
            if not found:
                self.missed_revisions.append(f"row {row}: {gold['field']} {gold['from']} -> {gold['to']}")
        sides = named_sides(annotation["claims"], text)
        claims = {claim.id: claim for claim in ledger.claims}
        for gold in annotation.get("contradictions", []):
            self.contradictions += 1
            found = any(
                c.field == gold["field"]
                and (
                    all(value in told_any(c.values, c.claims, stated) for value in gold["values"])
                    or named_sides_match(gold, c, claims, sides)
                )
                for c in ledger.contradictions
            )
            self.contradictions_found += found
            if not found:
                self.missed_contradictions.append(f"row {row}: {gold['field']} {gold['values']}")

    def _claim(self, row: int, gold: dict[str, Any], text: str, claims: list[Claim]) -> None:
        self.gold += 1
        span = snippet_span(text, gold["snippet"], gold.get("occurrence", 1))
        candidates = _overlapping(claims, span) if span else []
        if not candidates:
            self.missed.append(f"row {row} {gold['id']}: no claim at '{gold['snippet']}'")
            return
        self.overlapped += 1
        matching = [c for c in candidates if speaker_matches(gold, c.speaker)]
        if not matching:
            speakers = sorted({str(c.speaker) for c in candidates})
            self.missed.append(f"row {row} {gold['id']}: speaker {speakers} not '{gold['speaker']}'")
            return
        self.speaker_ok += 1
        self.found += 1
        best = next((c for c in matching if c.kind == gold["kind"]), matching[0])
        self.kind_ok += best.kind == gold["kind"]
        if best.kind != gold["kind"]:
            where = f"row {row} {gold['id']}"
            self.wrong_kind.append(f"{where}: {best.kind} not {gold['kind']} at '{gold['snippet']}'")
        if best.status == gold["status"]:
            self.status_ok += 1
        else:
            self.wrong_status.append(f"row {row} {gold['id']}: {best.status} not {gold['status']}")

    def metrics(self) -> dict[str, float]:
        def ratio(part: int, whole: int) -> float:
            return round(part / whole, 3) if whole else 0.0

        return {
            "claim_recall": ratio(self.found, self.gold),
            "speaker_accuracy": ratio(self.speaker_ok, self.overlapped),
            "status_accuracy": ratio(self.status_ok, self.found),
            "kind_accuracy": ratio(self.kind_ok, self.found),
            "revision_recall": ratio(self.revisions_found, self.revisions),
            "contradiction_recall": ratio(self.contradictions_found, self.contradictions),
            "gold_claims": float(self.gold),
            "predicted_claims": float(self.predicted),
        }

"""``khabar eval re3d``: entity spans of Syria/Iraq conflict documents (dstl re3d).

Data (``PATH`` = ``../shared/data/re3d``): one folder per source with ``documents.json``
and ``entities.json`` (one JSON object per line). Gold rows overlap and carry a
confidence; each distinct span keeps one label, its most confident one.

khabar's outputs are mapped to re3d's types: actor mentions -> Organisation (armed
forces, governments, groups) or Person; resolved places -> Location; dates -> Temporal;
casualty counts -> Quantity; the spaCy entities fill in where no khabar stage spoke
(ORG, PERSON, NORP, GPE/LOC/FAC, DATE/TIME, QUANTITY/CARDINAL/PERCENT, MONEY). Scores are
per type and micro-averaged over the scored types, with exact and overlap matching.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from ..errors import KhabarError
from ..pipeline import load_pipeline
from . import EvalReport, Progress

SCORED_TYPES = ("Organisation", "Person", "Nationality", "Location", "Temporal", "Quantity", "Money")
SPACY_TYPES = {
    "ORG": "Organisation",
    "PERSON": "Person",
    "NORP": "Nationality",
    "GPE": "Location",
    "LOC": "Location",
    "FAC": "Location",
    "DATE": "Temporal",
    "TIME": "Temporal",
    "QUANTITY": "Quantity",
    "CARDINAL": "Quantity",
    "PERCENT": "Quantity",
    "MONEY": "Money",
}
#: actor sectors that re3d annotates as organisations (forces, governments, groups)
ORGANISATION_SECTORS = frozenset({"MIL", "COP", "GOV", "REB", "INS", "UAF", "IGO", "PTY", "MED"})

Entity = tuple[int, int, str]


@dataclass(slots=True)
class GoldDocument:
    text: str
    entities: list[Entity]


def read_re3d(path: Path) -> Iterator[GoldDocument]:
    for folder in sorted(p for p in path.iterdir() if (p / "documents.json").exists()):
        by_document: dict[str, dict[tuple[int, int], tuple[float, str]]] = defaultdict(dict)
        for row in _json_lines(folder / "entities.json"):
            key = (int(row["begin"]), int(row["end"]))
            spans = by_document[row["documentId"]]
            confidence = float(row.get("confidence") or 0)
            if key not in spans or confidence > spans[key][0]:
                spans[key] = (confidence, row["type"])
        for document in _json_lines(folder / "documents.json"):
            spans = by_document.get(document["_id"], {})
            entities = [(start, end, label) for (start, end), (_, label) in sorted(spans.items())]
            yield GoldDocument(document["text"], entities)


def _json_lines(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8-sig") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def predicted_entities(doc: Doc) -> list[Entity]:
    """khabar's outputs as re3d entities; a khabar stage wins over a spaCy label it overlaps."""
    found: list[Entity] = []
    for mention in doc._.actors or []:
        label = "Organisation" if mention.actor.sector in ORGANISATION_SECTORS else None
        if label:
            found.append((mention.span.start, mention.span.end, label))
    for mention in doc._.places or []:
        found.append((mention.span.start, mention.span.end, "Location"))
    for mention in doc._.dates or []:
        found.append((mention.span.start, mention.span.end, "Temporal"))
    for count in doc._.counts or []:
        found.append((count.span.start, count.span.end, "Quantity"))
    taken = [(start, end) for start, end, _ in found]
    for ent in doc.ents:
        label = SPACY_TYPES.get(ent.label_)
        overlaps = any(start < ent.end_char and ent.start_char < end for start, end in taken)
        if label and not overlaps:
            found.append((ent.start_char, ent.end_char, label))
    return found


@dataclass(slots=True)
class Tally:
    gold: int = 0
    predicted: int = 0
    found: int = 0
    correct: int = 0

    def add(self, gold: list[Entity], predicted: list[Entity], *, exact: bool) -> None:
        self.gold += len(gold)
        self.predicted += len(predicted)
        self.found += sum(any(_same(g, p, exact=exact) for p in predicted) for g in gold)
        self.correct += sum(any(_same(g, p, exact=exact) for g in gold) for p in predicted)

    def metrics(self, prefix: str) -> dict[str, float]:
        recall = self.found / self.gold if self.gold else 0.0
        precision = self.correct / self.predicted if self.predicted else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            f"{prefix}_p": round(precision, 4),
            f"{prefix}_r": round(recall, 4),
            f"{prefix}_f1": round(f1, 4),
        }


def _same(gold: Entity, predicted: Entity, *, exact: bool) -> bool:
    if gold[2] != predicted[2]:
        return False
    if exact:
        return gold[:2] == predicted[:2]
    return predicted[0] < gold[1] and gold[0] < predicted[1]


def evaluate(path: Path, *, limit: int | None = None, progress: Progress | None = None) -> EvalReport:
    documents = list(read_re3d(path)) if path.is_dir() else []
    if not documents:
        raise KhabarError("E091", path=path)
    if limit is not None:
        documents = documents[:limit]
    nlp = load_pipeline()
    tallies: dict[tuple[str, str], Tally] = defaultdict(Tally)
    for index, (doc, gold) in enumerate(zip(nlp.pipe(d.text for d in documents), documents, strict=True)):
        predicted = predicted_entities(doc)
        for label in SCORED_TYPES:
            gold_of = [e for e in gold.entities if e[2] == label]
            predicted_of = [e for e in predicted if e[2] == label]
            for rule in ("exact", "overlap"):
                tallies[(label, rule)].add(gold_of, predicted_of, exact=rule == "exact")
                tallies[("micro", rule)].add(gold_of, predicted_of, exact=rule == "exact")
        if progress is not None:
            progress(index + 1, len(documents))
    metrics: dict[str, float] = {}
    for rule in ("exact", "overlap"):
        metrics.update(tallies[("micro", rule)].metrics(f"micro_{rule}"))
    for label in SCORED_TYPES:
        for rule in ("exact", "overlap"):
            metrics.update(tallies[(label, rule)].metrics(f"{label}_{rule}"))
    return EvalReport(
        name="re3d",
        dataset=str(path),
        n_items=len(documents),
        metrics=metrics,
        details={"gold_counts": {label: tallies[(label, "exact")].gold for label in SCORED_TYPES}},
        notes=[
            "One gold label per span (highest confidence). Scored types: " + ", ".join(SCORED_TYPES) + ".",
            "Weapon, MilitaryPlatform, Vehicle, DocumentReference, CommsIdentifier are not predicted.",
            "exact: same span and type; overlap: same type, any shared character.",
        ],
    )

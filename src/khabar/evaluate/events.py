"""``khabar eval events``: the events a coder would code, on hand-annotated FA-KES reports.

PATH is a folder of annotation files (``notes/event-annotations/*.json``, described in its
README): for each article its row in the FA-KES CSV, a hash of its text, its ``half`` (``tune``
or ``held``) and the gold events, one per location, day and event type as ACLED codes them. The
articles are read from the FA-KES CSV (``../shared/data/fakes-syria/FA-KES-Dataset.csv``, or
``KHABAR_FAKES_CSV``) with the CSV's date read month first, as ``khabar ingest --date-order mdy``
reads it; an article whose text no longer matches its hash is skipped with a note.

A predicted event counts once per location (ACLED writes one row per event and location). In
each article predicted and gold events are matched one to one: same event type, a date within
the gold date's precision (a day: one day either way; a week: seven days; a month: 31 days),
and the same place (within 50 km of the gold place, or in its admin1 region when the gold place
is a province or region). Gold events marked ``optional`` (a coder might or might not code
them) neither count when missed nor make a matched prediction a false positive.

Scores: event ``precision``, ``recall`` and ``f1``; on matched pairs ``sub_event_accuracy``,
``actor1_agreement`` (pairs whose gold actor1 is named) and ``fatalities_exact`` (pairs whose
gold gives a figure; the predicted best, else low, must equal it or one of ``fatalities_also``).
The details give the same per half, and every false positive and miss of the ``tune`` half
(the held half's errors are left out on purpose: it is scored, not read).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import ArticleLedger, Event, Location
from . import EvalReport, Progress
from .claims import DEFAULT_CSV, load_annotations

PLACE_KM = 50.0
DATE_DAYS = {"day": 1, "week": 7, "month": 31}
#: the half whose errors are listed; the other is only scored
TUNE_HALF = "tune"
REGION_PRECISIONS = frozenset(["admin1", "region", "country"])
_PERIOD = re.compile(r"\s*\(\d{4}-(\d{4})?\)")


def evaluate(
    path: Path, *, limit: int | None = None, progress: Progress | None = None, csv_path: Path | None = None
) -> EvalReport:
    notes: list[str] = []
    annotations = load_annotations(path)
    annotations = annotations[:limit] if limit else annotations
    rows = _read_rows(csv_path or Path(os.environ.get("KHABAR_FAKES_CSV", DEFAULT_CSV)))
    items = []
    for annotation in annotations:
        row = rows.get(int(annotation["row"]))
        text = row["article_content"] if row else None
        if text is None or hashlib.sha256(text.encode("utf-8")).hexdigest() != annotation["sha256"]:
            notes.append(f"row {annotation['row']}: article missing or changed; skipped")
            continue
        items.append((annotation, row))
    scores: dict[str, Score] = {"all": Score()}
    for number, (ledger, (annotation, _row)) in enumerate(zip(_ledgers(items, notes), items, strict=True), 1):
        half = annotation.get("half", TUNE_HALF)
        for name in ("all", half):
            scores.setdefault(name, Score()).add(annotation, ledger, keep_errors=half == TUNE_HALF)
        if progress:
            progress(number, len(items))
    tune = scores.get(TUNE_HALF, Score())
    return EvalReport(
        name="events",
        dataset=str(path),
        n_items=len(items),
        metrics=scores["all"].metrics(),
        details={
            "by_half": {name: scores[name].metrics() for name in sorted(scores) if name != "all"},
            "tune_false_positives": tune.false_positives,
            "tune_missed": tune.missed,
            "tune_mismatched": tune.mismatched,
        },
        notes=notes,
    )


def _read_rows(csv_path: Path) -> dict[int, dict[str, str]]:
    import csv
    import sys

    from ..errors import KhabarError

    if not csv_path.exists():
        raise KhabarError("E041", path=csv_path)
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    with csv_path.open(encoding="utf-8", errors="replace", newline="") as handle:
        return dict(enumerate(csv.DictReader(handle)))


def parse_us_date_of(row: dict[str, str]) -> dt.date | None:
    """The report's date as ``khabar ingest --date-order mdy`` reads the CSV's date column."""
    from ..bench.corpus import parse_us_date

    return parse_us_date(row.get("date", ""))


def _ledgers(items: list[tuple[dict[str, Any], dict[str, str]]], notes: list[str]) -> Iterator[ArticleLedger]:
    from ..extract import ledger_of
    from ..model import Article
    from .claims import _pipeline

    nlp = _pipeline(notes)
    for annotation, row in items:
        text = row["article_content"]
        doc = nlp.make_doc(text)
        doc._.article = Article(
            text=text,
            id=f"fakes-{annotation['unit_id']}",
            published=parse_us_date_of(row),
            outlet=row.get("source") or None,
            title=row.get("article_title") or None,
        )
        yield ledger_of(nlp(doc))


# -- matching ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Predicted:
    """One predicted event at one of its locations."""

    event: Event
    location: Location | None


def predicted_units(ledger: ArticleLedger) -> list[Predicted]:
    units = []
    for event in ledger.events:
        units.extend(Predicted(event, location) for location in event.locations or [None])
    return units


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    rlat1, rlat2 = math.radians(lat1), math.radians(lat2)
    half = math.sin((rlat2 - rlat1) / 2) ** 2
    half += math.cos(rlat1) * math.cos(rlat2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, half)))


def _key(name: str | None) -> str:
    return re.sub(r"[^a-z0-9]", "", (name or "").lower())


def place_matches(gold: dict[str, Any], location: Location | None) -> bool:
    if location is None:
        return False
    has_point = location.lat is not None and location.lon is not None
    if has_point and _km(gold["lat"], gold["lon"], location.lat, location.lon) <= PLACE_KM:  # type: ignore[arg-type]
        return True
    if gold.get("precision") in REGION_PRECISIONS and location.country == gold.get("country"):
        return bool(location.admin1) and _key(location.admin1) == _key(gold.get("admin1"))
    return _key(location.name) == _key(gold.get("name"))


def date_matches(gold: dict[str, Any], event: Event) -> bool:
    value = event.date.value
    if value is None:
        return False
    target = dt.date.fromisoformat(gold["value"])
    return abs((value - target).days) <= DATE_DAYS.get(gold.get("precision", "day"), 1)


def can_match(gold: dict[str, Any], unit: Predicted) -> bool:
    return (
        unit.event.event_type == gold["event_type"]
        and date_matches(gold["date"], unit.event)
        and place_matches(gold["place"], unit.location)
    )


def match(gold: list[dict[str, Any]], units: list[Predicted]) -> dict[int, int]:
    """gold index -> unit index: the one-to-one matching with the most required pairs, then the
    most optional ones, then the best pairs (same sub-event type, day, actor, nearest place).

    A required pair weighs more than all the optional and quality weights of an article can
    add up to, so an optional event never takes a required one's prediction.
    """
    weights = [[_weight(item, unit) for unit in units] for item in gold]
    return {g: u for g, u in _assign(weights).items() if weights[g][u] > 0}


def _weight(gold: dict[str, Any], unit: Predicted) -> float:
    if not can_match(gold, unit):
        return 0.0
    quality = 0.0
    if unit.event.sub_event_type == gold["sub_event_type"]:
        quality += 4
    if unit.event.date.value and unit.event.date.value.isoformat() == gold["date"]["value"]:
        quality += 2
    if gold.get("actor1") and actor_matches(gold, "actor1", unit.event.actor1.name):
        quality += 1
    location = unit.location
    if location is not None and location.lat is not None and location.lon is not None:
        quality += max(
            0.0, 1 - _km(gold["place"]["lat"], gold["place"]["lon"], location.lat, location.lon) / PLACE_KM
        )
    return (10.0 if gold.get("optional") else 1000.0) + quality


def _assign(weights: list[list[float]]) -> dict[int, int]:
    """Row -> column of the assignment of the largest total weight (Hungarian method, O(n^3))."""
    rows = len(weights)
    cols = len(weights[0]) if rows else 0
    size = max(rows, cols)
    if not size:
        return {}
    cost = [[-(weights[r][c] if r < rows and c < cols else 0.0) for c in range(size)] for r in range(size)]
    u, v = [0.0] * (size + 1), [0.0] * (size + 1)
    owner, way = [0] * (size + 1), [0] * (size + 1)
    for row in range(1, size + 1):
        owner[0], col0 = row, 0
        least, used = [math.inf] * (size + 1), [False] * (size + 1)
        while True:
            used[col0] = True
            row0, delta, col1 = owner[col0], math.inf, 0
            for col in range(1, size + 1):
                if used[col]:
                    continue
                reduced = cost[row0 - 1][col - 1] - u[row0] - v[col]
                if reduced < least[col]:
                    least[col], way[col] = reduced, col0
                if least[col] < delta:
                    delta, col1 = least[col], col
            for col in range(size + 1):
                if used[col]:
                    u[owner[col]] += delta
                    v[col] -= delta
                else:
                    least[col] -= delta
            col0 = col1
            if owner[col0] == 0:
                break
        while col0:
            col1 = way[col0]
            owner[col0] = owner[col1]
            col0 = col1
    return {owner[col] - 1: col - 1 for col in range(1, size + 1) if owner[col] - 1 < rows and col - 1 < cols}


# -- scoring ----------------------------------------------------------------------------------


def actor_matches(gold: dict[str, Any], field_name: str, predicted: str | None) -> bool:
    names = [gold.get(field_name), *gold.get(f"{field_name}_also", [])]
    wanted = {_key(_PERIOD.sub("", name)) for name in names if name}
    return _key(_PERIOD.sub("", predicted or "")) in wanted


def fatalities_match(gold: dict[str, Any], event: Event) -> bool:
    figure = event.fatalities.best if event.fatalities.best is not None else event.fatalities.low
    accepted = {gold["fatalities"], *gold.get("fatalities_also", [])}
    return (figure or 0) in accepted


def _describe(event: Event, location: Location | None) -> str:
    place = location.name if location else "-"
    date = event.date.value.isoformat() if event.date.value else "-"
    figure = event.fatalities.best
    return f"{event.sub_event_type} {date} {place} a1={event.actor1.name} fat={figure}"


def _describe_gold(gold: dict[str, Any]) -> str:
    return f"{gold['sub_event_type']} {gold['date']['value']} {gold['place']['name']} a1={gold['actor1']}"


@dataclass(slots=True)
class Score:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    sub_event_right: int = 0
    actor1_scored: int = 0
    actor1_right: int = 0
    fatalities_scored: int = 0
    fatalities_right: int = 0
    false_positives: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    mismatched: list[str] = field(default_factory=list)

    def add(self, annotation: dict[str, Any], ledger: ArticleLedger, *, keep_errors: bool = True) -> None:
        gold, units = annotation["events"], predicted_units(ledger)
        pairs = match(gold, units)
        on_optional = {u for g, u in pairs.items() if gold[g].get("optional")}
        required = [g for g, item in enumerate(gold) if not item.get("optional")]
        self.gold += len(required)
        self.predicted += len(units) - len(on_optional)
        row = annotation["row"]
        for g in required:
            if g not in pairs:
                if keep_errors:
                    self.missed.append(f"row {row} {gold[g]['id']}: {_describe_gold(gold[g])}")
                continue
            self._pair(row, gold[g], units[pairs[g]], keep_errors)
        taken = set(pairs.values())
        if keep_errors:
            self.false_positives.extend(
                f"row {row} {unit.event.id}: {_describe(unit.event, unit.location)}"
                for u, unit in enumerate(units)
                if u not in taken
            )

    def _pair(self, row: int, gold: dict[str, Any], unit: Predicted, keep_errors: bool) -> None:
        self.matched += 1
        event = unit.event
        wrong = []
        if event.sub_event_type in {gold["sub_event_type"], *gold.get("sub_event_type_also", [])}:
            self.sub_event_right += 1
        else:
            wrong.append(f"sub {event.sub_event_type}")
        if gold.get("actor1"):
            self.actor1_scored += 1
            if actor_matches(gold, "actor1", event.actor1.name):
                self.actor1_right += 1
            else:
                wrong.append(f"actor1 {event.actor1.name}")
        if gold.get("fatalities") is not None:
            self.fatalities_scored += 1
            if fatalities_match(gold, event):
                self.fatalities_right += 1
            else:
                wrong.append(f"fatalities {event.fatalities.best}")
        if wrong and keep_errors:
            self.mismatched.append(f"row {row} {gold['id']}: {_describe_gold(gold)}; got {', '.join(wrong)}")

    def metrics(self) -> dict[str, float]:
        def ratio(part: int, whole: int) -> float:
            return round(part / whole, 3) if whole else 0.0

        # F1 is twice the matches over gold plus predicted (the harmonic mean of P and R)
        return {
            "precision": ratio(self.matched, self.predicted),
            "recall": ratio(self.matched, self.gold),
            "f1": ratio(2 * self.matched, self.gold + self.predicted),
            "sub_event_accuracy": ratio(self.sub_event_right, self.matched),
            "actor1_agreement": ratio(self.actor1_right, self.actor1_scored),
            "fatalities_exact": ratio(self.fatalities_right, self.fatalities_scored),
            "gold_events": float(self.gold),
            "predicted_events": float(self.predicted),
            "matched": float(self.matched),
        }

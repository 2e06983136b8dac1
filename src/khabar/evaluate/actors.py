"""``khabar eval actors``: actor resolution on the NGEC actor cases (text + context -> country, sector).

Each JSON line has ``actor`` (the mention), ``context`` (a few words of the report, often empty),
``date`` and the expected ``correct_country`` (ISO3, ``IGO``, or empty for no country) and
``correct_code_1`` / ``correct_code_2`` (PLOVER sector codes; either one counts). The mention runs
through the English model and :func:`resolve_actor`; the context, read by the pipeline's rule
for a report's country (``pipeline/report_country.py``), stands in for the report.

Country accuracy counts every case that states ``correct_country`` (an empty one expects no
country); sector accuracy counts the cases with a non-empty ``correct_code_1``. The cases are split
by a fixed rule (CRC32 of the case name, even = tune, odd = held) so that rules are tuned on one
half and the other half shows whether they generalise.
"""

from __future__ import annotations

import json
import zlib
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..model import Actor
from ..pipeline import load_base_model
from ..pipeline.actors import find_actors, resolve_actor
from ..pipeline.extensions import register_extensions
from ..pipeline.report_country import REPORT_COUNTRY_KEY, report_country
from . import EvalReport, Progress

HALVES = ("tune", "held")


def load_cases(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def half_of(case: dict[str, Any]) -> str:
    """The fixed split: even CRC32 of the case name is the tune half."""
    return HALVES[zlib.crc32(str(case.get("test", "")).encode("utf-8")) % 2]


def context_country(nlp: Language, context: str) -> str | None:
    """The context's country by the pipeline's own rule for a report's country, if any."""
    if not context.strip():
        return None
    return report_country(nlp(context))


def resolve_case(nlp: Language, case: dict[str, Any]) -> Actor | None:
    """The actor khabar gives the case's mention, the context standing for the report."""
    doc: Doc = nlp(case["actor"])
    country = context_country(nlp, case.get("context") or "")
    if country:
        doc.user_data[REPORT_COUNTRY_KEY] = country
    actor = resolve_actor(doc[:], doc, bare_country="government")
    if actor is None:
        mentions = find_actors(doc)
        actor = mentions[-1].actor if mentions else None
    return actor


def expected_sectors(case: dict[str, Any]) -> set[str]:
    codes = (case.get("correct_code_1"), case.get("correct_code_2"), case.get("correct_code2"))
    return {code for code in codes if code}


def score_case(case: dict[str, Any], actor: Actor | None) -> dict[str, bool | None]:
    """Whether the country and the sector are right (None: the case does not test it)."""
    country_ok = None
    if "correct_country" in case:
        expected = case["correct_country"] or None
        country_ok = (actor.country if actor else None) == expected
    sectors = expected_sectors(case)
    sector_ok = (actor is not None and actor.sector in sectors) if sectors else None
    return {"country": country_ok, "sector": sector_ok}


def _accuracy(outcomes: list[bool | None]) -> float:
    tested = [ok for ok in outcomes if ok is not None]
    return round(sum(tested) / len(tested), 4) if tested else 0.0


def evaluate(path: Path, *, limit: int | None = None, progress: Progress | None = None) -> EvalReport:
    cases = load_cases(path)[:limit] if limit else load_cases(path)
    register_extensions()
    nlp = load_base_model()
    outcomes: dict[str, list[dict[str, bool | None]]] = {half: [] for half in HALVES}
    errors = []
    for number, case in enumerate(cases, start=1):
        actor = resolve_case(nlp, case)
        result = score_case(case, actor)
        outcomes[half_of(case)].append(result)
        if False in result.values():
            errors.append(_error(case, actor, result))
        if progress:
            progress(number, len(cases))
    metrics = {}
    everything = [row for rows in outcomes.values() for row in rows]
    for label, rows in (("all", everything), *outcomes.items()):
        metrics[f"country_accuracy_{label}"] = _accuracy([row["country"] for row in rows])
        metrics[f"sector_accuracy_{label}"] = _accuracy([row["sector"] for row in rows])
    return EvalReport(
        name="actors",
        dataset=str(path),
        n_items=len(cases),
        metrics=metrics,
        details={
            "n_country_cases": sum(row["country"] is not None for row in everything),
            "n_sector_cases": sum(row["sector"] is not None for row in everything),
            "n_by_half": {half: len(rows) for half, rows in outcomes.items()},
            "errors": errors,
        },
        notes=[
            "No published anchor: these are the unit cases of an actor resolver, not a benchmark.",
            "Split by CRC32 of the case name: even = tune, odd = held; tune rules on the tune half only.",
            "Many cases name people or bodies only an encyclopaedia knows; khabar uses its tables only.",
        ],
    )


def _error(case: dict[str, Any], actor: Actor | None, result: dict[str, bool | None]) -> dict[str, Any]:
    return {
        "test": case.get("test"),
        "half": half_of(case),
        "actor": case["actor"],
        "context": case.get("context"),
        "expected": [case.get("correct_country"), sorted(expected_sectors(case))],
        "predicted": [actor.name, actor.country, actor.sector] if actor else None,
        "wrong": [key for key, ok in result.items() if ok is False],
    }

"""``khabar eval``: score the extractor on the annotated data sets of the field.

Each set has a module here with ``evaluate(path, *, limit=None, progress=None) -> EvalReport``.
The data stays where the user keeps it (by default ``../shared/data/...``); nothing is copied.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from ..errors import KhabarError

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class Anchor:
    """The best published figure on a set, to print beside ours."""

    value: float
    who: str


@dataclass(slots=True)
class EvalReport:
    name: str
    dataset: str
    n_items: int
    metrics: dict[str, float]
    anchors: dict[str, Anchor] = field(default_factory=dict)
    goals: dict[str, float] = field(default_factory=dict)
    details: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "dataset": self.dataset,
            "n_items": self.n_items,
            "metrics": self.metrics,
            "anchors": {key: {"value": a.value, "who": a.who} for key, a in self.anchors.items()},
            "goals": self.goals,
            "details": self.details,
            "notes": self.notes,
        }


class Evaluator(Protocol):
    def __call__(
        self, path: Path, *, limit: int | None = None, progress: Progress | None = None
    ) -> EvalReport: ...


#: set name -> (module, default data path relative to the working directory)
EVALUATORS: dict[str, tuple[str, str]] = {
    "case2021": ("khabar.evaluate.case2021", "../shared/data/case2021-task2/snippets.tsv"),
    "geoparsing": ("khabar.evaluate.geoparsing", "../shared/data/geoparsing/GWN.xml"),
    "gva": ("khabar.evaluate.gva", "../shared/data/casualties-gva/dev"),
    "event-args": ("khabar.evaluate.event_args", "../shared/data/event-args"),
    "re3d": ("khabar.evaluate.re3d", "../shared/data/re3d"),
    "ptc": ("khabar.evaluate.ptc", "../shared/data/propaganda-ptc"),
    "clustering": ("khabar.evaluate.clustering", "../shared/data/fakes-syria/FA-KES-Dataset.csv"),
    "claims": ("khabar.evaluate.claims", "notes/claims-annotations"),
    "events": ("khabar.evaluate.events", "notes/event-annotations"),
    "actors": ("khabar.evaluate.actors", "../shared/data/actor-resolution/ngec_cases.jsonl"),
    "event-location": ("khabar.evaluate.event_location", "../shared/data/event-location/labeled_text.jsonl"),
}


def default_path(name: str) -> Path:
    return Path(_entry(name)[1])


def _entry(name: str) -> tuple[str, str]:
    try:
        return EVALUATORS[name]
    except KeyError:
        raise KhabarError("E040", name=name, known=", ".join(sorted(EVALUATORS))) from None


def run_evaluation(
    name: str, path: Path | None = None, *, limit: int | None = None, progress: Progress | None = None
) -> EvalReport:
    module_name, default = _entry(name)
    path = Path(path or default)
    if not path.exists():
        raise KhabarError("E041", path=path)
    module = importlib.import_module(module_name)
    evaluate: Evaluator = module.evaluate
    return evaluate(path, limit=limit, progress=progress)

"""``khabar eval case2021``: the report's main event type on CASE 2021 task 2 snippets.

The TSV has columns ``id``, ``EventSnippet`` and ``SubType``: 25 ACLED sub-event types under
CASE names (``AIR_STRIKE``...) plus five labels that are not ACLED events (``DIPLO``,
``ATTRIB``, ``NATURAL_DISASTER``, ``MAN_MADE_DISASTER``, ``ORG_CRIME``). The names map onto
ACLED's strings through ``data/en/events/case2021_labels.tsv``.

Each snippet runs through the English model and the event finder (snippets carry no
publication date, so no other stage is needed). The predicted label is the sub-event type of
the main event (``primary_sub_event_type``), unless the snippet is about a non-event topic
(``classify``), or ``NO_EVENT`` when nothing is found. As in CASE 2021, the headline metric is
the F1 weighted by support over the 25 ACLED classes; predictions of non-ACLED labels on ACLED
snippets count as misses, ACLED predictions on non-ACLED snippets as false alarms.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from ..errors import KhabarError
from ..langdata import load_tsv
from ..model import EventMention
from ..pipeline import load_base_model
from ..pipeline.events import (
    CONFIDENCE_WEAK,
    DATA_DIR,
    find_event_mentions,
    find_non_event_topics,
    primary_mention,
)
from . import Anchor, EvalReport, Progress

GOAL = 0.84
NO_EVENT = "NO_EVENT"
#: topics that make the report a non-event when no confident event is told before them
DISASTERS = ("NATURAL_DISASTER", "MAN_MADE_DISASTER")
#: event types that organised-crime wording turns into a criminal matter (ACLED codes neither)
CRIME_ABSORBS = ("Arrests", "Disrupted weapons use", "Attack", "Armed clash")
#: the label of reports about who is responsible for an event
ATTRIBUTION_LABEL = "ATTRIB"


def label_map() -> dict[str, str | None]:
    """CASE label -> ACLED sub-event type, or None for the non-ACLED labels."""
    rows = load_tsv(*DATA_DIR, "case2021_labels.tsv")
    return {row["case_label"]: _acled_or_none(row["sub_event_type"]) for row in rows}


def _acled_or_none(value: str) -> str | None:
    return None if value == "-" else value


def load_items(path: Path) -> list[tuple[str, str, str]]:
    """(id, snippet, CASE label) rows of the TSV."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        if not reader.fieldnames or not {"id", "EventSnippet", "SubType"} <= set(reader.fieldnames):
            raise KhabarError("E084", path=path)
        return [(row["id"], row["EventSnippet"] or "", (row["SubType"] or "").strip()) for row in reader]


def classify(
    mentions: Sequence[EventMention], topics: Sequence[tuple[str, int]], acled_to_case: dict[str, str]
) -> str:
    """A CASE label for a report from its event mentions and its non-event topics.

    ``topics`` are (category, character offset). A claim or denial of responsibility told before
    the main event makes the report an attribution; a disaster or diplomacy topic wins when no
    confident event comes before it; organised-crime wording absorbs arrests and seizures.
    """
    main = primary_mention(mentions)
    first_topic: dict[str, int] = {}
    for category, offset in topics:
        first_topic.setdefault(category, offset)
    if main is None:
        return min(first_topic, key=lambda c: first_topic[c]) if first_topic else NO_EVENT
    main_start = main.trigger.start
    # "X claimed responsibility for the bombing": the attribution governs the event it names
    if ATTRIBUTION_LABEL in first_topic and first_topic[ATTRIBUTION_LABEL] < main_start:
        return ATTRIBUTION_LABEL
    if "ORG_CRIME" in first_topic and main.sub_event_type in CRIME_ABSORBS:
        return "ORG_CRIME"
    # a generic trigger ("killed", "blast") is weak evidence; a dated one is not
    weak = main.confidence <= CONFIDENCE_WEAK
    first_event = (
        min(m.trigger.start for m in mentions if m.modality == "asserted" and m.confidence > CONFIDENCE_WEAK)
        if not weak
        else main_start
    )
    for category in DISASTERS:
        if category in first_topic and (first_topic[category] < first_event or weak):
            return category
    # a diplomatic move told before the event it reacts to ("sanctions in response to the
    # attack"); an agreement, though, is what diplomacy produces
    reactive = main.sub_event_type != "Agreement"
    if "DIPLO" in first_topic and (weak or (reactive and first_topic["DIPLO"] < main_start)):
        return "DIPLO"
    return acled_to_case[main.sub_event_type]


def _f1(tp: int, fp: int, fn: int) -> float:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score(gold: Sequence[str], predicted: Sequence[str], classes: Sequence[str]) -> dict[str, object]:
    """Weighted and macro F1 over ``classes`` (support-weighted as scikit-learn does), accuracy."""
    per_class: dict[str, dict[str, float]] = {}
    for label in classes:
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, predicted, strict=True) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, predicted, strict=True) if g == label and p != label)
        per_class[label] = {"f1": round(_f1(tp, fp, fn), 4), "support": tp + fn, "predicted": tp + fp}
    support = sum(int(c["support"]) for c in per_class.values())
    weighted = sum(c["f1"] * c["support"] for c in per_class.values()) / support if support else 0.0
    present = [c["f1"] for c in per_class.values() if c["support"]]
    macro = sum(present) / len(present) if present else 0.0
    accuracy = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p) / len(gold) if gold else 0.0
    return {"weighted_f1": weighted, "macro_f1": macro, "accuracy": accuracy, "per_class": per_class}


def evaluate(path: Path, *, limit: int | None = None, progress: Progress | None = None) -> EvalReport:
    items = load_items(path)[:limit] if limit else load_items(path)
    mapping = label_map()
    acled_to_case = {acled: case for case, acled in mapping.items() if acled}
    acled_classes = [case for case, acled in mapping.items() if acled]
    nlp = load_base_model()
    predicted: list[str] = []
    errors: list[dict[str, str]] = []
    for number, doc in enumerate(nlp.pipe(text for _, text, _ in items), start=1):
        mentions = find_event_mentions(doc)
        topics = [(category, span.start) for category, span in find_non_event_topics(doc)]
        label = classify(mentions, topics, acled_to_case)
        predicted.append(label)
        item_id, _, gold = items[number - 1]
        if label != gold:
            errors.append({"id": item_id, "gold": gold, "predicted": label})
        if progress:
            progress(number, len(items))
    gold_labels = [gold for _, _, gold in items]
    scores = score(gold_labels, predicted, acled_classes)
    return EvalReport(
        name="case2021",
        dataset=str(path),
        n_items=len(items),
        metrics={
            "weighted_f1_acled": round(float(scores["weighted_f1"]), 4),  # type: ignore[arg-type]
            "macro_f1_acled": round(float(scores["macro_f1"]), 4),  # type: ignore[arg-type]
            "accuracy_all_labels": round(float(scores["accuracy"]), 4),  # type: ignore[arg-type]
        },
        anchors={"weighted_f1_acled": Anchor(0.839, "Haneczok et al., CASE 2021 task 2 (best system)")},
        goals={"weighted_f1_acled": GOAL},
        details={
            "per_class": scores["per_class"],
            "confusions": Counter(f"{e['gold']} -> {e['predicted']}" for e in errors).most_common(40),
            "errors": errors,
        },
        notes=[
            "Lexicon and rules only: no training on CASE data.",
            "Non-ACLED labels (DIPLO, ATTRIB, disasters, ORG_CRIME) are predicted from topic cues; "
            f"{NO_EVENT} when nothing is found.",
        ],
    )

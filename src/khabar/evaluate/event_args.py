"""``khabar eval event-args``: attacker and target of attack events, given the gold trigger.

Data (``PATH`` = ``../shared/data/event-args``):

- ``wikievents/dev.jsonl``: ``Conflict.Attack.*`` (roles Attacker, Target) and
  ``Life.Die.*`` (Killer -> attacker, Victim -> target). ``dev_info.jsonl`` names, for
  each argument, its most informative coreferent mention; a gold argument counts as
  found when either its annotated mention or that coreferent is matched.
- ``rams/dev.jsonlines``: ``conflict.attack.*`` with roles attacker, target.

Matching rule (documented in the report's notes): a gold argument is found by a predicted
span of the same role when the predicted span contains the head of the gold span (its
syntactic root in our parse) or, for ``overlap``, shares any character with it; ``exact``
needs the same character span. Precision counts a predicted span correct when it finds
some gold argument of its role in the same event. The text is rebuilt from the gold
tokens so that offsets are ours; an argument may lie in another sentence.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ..errors import KhabarError
from ..model import Span as TextSpan
from ..pipeline import load_base_model
from ..pipeline.actors import find_actors
from ..pipeline.arguments import find_arguments
from ..pipeline.extensions import register_extensions
from . import Anchor, EvalReport, Progress

ROLES = ("attacker", "target")
WIKIEVENTS_ROLES = {"Attacker": "attacker", "Target": "target", "Killer": "attacker", "Victim": "target"}
RAMS_ROLE = re.compile(r"arg\d+(\w+)$")
MATCH_RULES = ("head", "overlap", "exact")


@dataclass(slots=True)
class GoldEvent:
    """One attack event: its trigger and gold arguments, each a set of acceptable spans."""

    source: str
    trigger: tuple[int, int]
    arguments: dict[str, list[list[tuple[int, int]]]] = field(default_factory=dict)


@dataclass(slots=True)
class GoldDocument:
    text: str
    events: list[GoldEvent]


@dataclass(slots=True)
class Tally:
    gold: int = 0
    predicted: int = 0
    found: int = 0  # gold arguments found
    correct: int = 0  # predicted spans that found one

    def metrics(self, prefix: str) -> dict[str, float]:
        recall = self.found / self.gold if self.gold else 0.0
        precision = self.correct / self.predicted if self.predicted else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            f"{prefix}_recall": round(recall, 4),
            f"{prefix}_precision": round(precision, 4),
            f"{prefix}_f1": round(f1, 4),
        }


def _text_from_tokens(sentences: list[list[str]]) -> tuple[str, list[tuple[int, int]]]:
    """Join tokens with spaces, one sentence per line; return the text and token offsets."""
    offsets: list[tuple[int, int]] = []
    lines = []
    position = 0
    for tokens in sentences:
        words = []
        for token in tokens:
            offsets.append((position, position + len(token)))
            words.append(token)
            position += len(token) + 1
        lines.append(" ".join(words))
    return "\n".join(lines), offsets


def _token_span(offsets: list[tuple[int, int]], first: int, last: int) -> tuple[int, int]:
    return offsets[first][0], offsets[last][1]


def read_wikievents(path: Path) -> Iterator[GoldDocument]:
    info_path = path / "dev_info.jsonl"
    infos = {}
    if info_path.exists():
        for line in info_path.open(encoding="utf-8"):
            record = json.loads(line)
            infos[record["doc_id"]] = record
    for line in (path / "dev.jsonl").open(encoding="utf-8"):
        record = json.loads(line)
        sentences = [[token for token, _, _ in sentence[0]] for sentence in record["sentences"]]
        text, offsets = _text_from_tokens(sentences)
        entities = {entity["id"]: entity for entity in record["entity_mentions"]}
        canonical = _canonical_arguments(infos.get(record["doc_id"]))
        events = []
        for mention in record["event_mentions"]:
            if not mention["event_type"].startswith(("Conflict.Attack", "Life.Die")):
                continue
            trigger = mention["trigger"]
            event = GoldEvent("wikievents", _token_span(offsets, trigger["start"], trigger["end"] - 1))
            for index, argument in enumerate(mention["arguments"]):
                role = WIKIEVENTS_ROLES.get(argument["role"])
                entity = entities.get(argument["entity_id"])
                if role is None or entity is None:
                    continue
                spans = [_token_span(offsets, entity["start"], entity["end"] - 1)]
                other = entities.get(canonical.get((mention["id"], index), ""))
                if other is not None:
                    spans.append(_token_span(offsets, other["start"], other["end"] - 1))
                event.arguments.setdefault(role, []).append(spans)
            events.append(event)
        if events:
            yield GoldDocument(text, events)


def _canonical_arguments(info: dict | None) -> dict[tuple[str, int], str]:
    """(event id, argument index) -> the coreferent entity dev_info names for that argument."""
    if info is None:
        return {}
    return {
        (mention["id"], index): argument["entity_id"]
        for mention in info["event_mentions"]
        for index, argument in enumerate(mention["arguments"])
    }


def read_rams(path: Path) -> Iterator[GoldDocument]:
    for line in (path / "dev.jsonlines").open(encoding="utf-8"):
        record = json.loads(line)
        event_type = record["evt_triggers"][0][2][0][0]
        if not event_type.startswith("conflict.attack"):
            continue
        text, offsets = _text_from_tokens(record["sentences"])
        first, last = record["evt_triggers"][0][:2]
        event = GoldEvent("rams", _token_span(offsets, first, last))
        for _, (start, end), label in record["gold_evt_links"]:
            role_match = RAMS_ROLE.search(label)
            if role_match and role_match.group(1) in ROLES:
                event.arguments.setdefault(role_match.group(1), []).append([_token_span(offsets, start, end)])
        yield GoldDocument(text, [event])


def _matches(
    predicted: TextSpan, gold: tuple[int, int], heads: dict[tuple[int, int], int], rule: str
) -> bool:
    if rule == "exact":
        return (predicted.start, predicted.end) == gold
    if rule == "overlap":
        return predicted.start < gold[1] and gold[0] < predicted.end
    head = heads[gold]
    return predicted.start <= head < predicted.end


def _gold_heads(doc: Doc, events: list[GoldEvent]) -> dict[tuple[int, int], int]:
    """Character offset of the syntactic head of every gold span, in our parse."""
    heads = {}
    for event in events:
        for alternatives in event.arguments.values():
            for start, end in (span for spans in alternatives for span in spans):
                span = doc.char_span(start, end, alignment_mode="expand")
                heads[(start, end)] = span.root.idx if span is not None and len(span) else start
    return heads


def _score_event(
    event: GoldEvent, predicted: dict[str, list[TextSpan]], heads: dict[tuple[int, int], int], tallies: dict
) -> None:
    for role in ROLES:
        gold = event.arguments.get(role, [])
        guesses = predicted[role]
        for rule in MATCH_RULES:
            for key in ((event.source, role, rule), ("all", role, rule)):
                tally = tallies.setdefault(key, Tally())
                tally.gold += len(gold)
                tally.predicted += len(guesses)
                tally.found += sum(
                    any(_matches(guess, span, heads, rule) for guess in guesses for span in spans)
                    for spans in gold
                )
                tally.correct += sum(
                    any(_matches(guess, span, heads, rule) for spans in gold for span in spans)
                    for guess in guesses
                )


def evaluate(path: Path, *, limit: int | None = None, progress: Progress | None = None) -> EvalReport:
    wikievents, rams = path / "wikievents", path / "rams"
    if not (wikievents / "dev.jsonl").exists() and not (rams / "dev.jsonlines").exists():
        raise KhabarError("E090", path=path)
    register_extensions()
    nlp = load_base_model()
    documents: list[GoldDocument] = []
    if (wikievents / "dev.jsonl").exists():
        documents.extend(read_wikievents(wikievents))
    if (rams / "dev.jsonlines").exists():
        documents.extend(read_rams(rams))
    if limit is not None:
        documents = documents[:limit]
    tallies: dict[tuple[str, str, str], Tally] = {}
    n_events = _run(nlp, documents, tallies, progress)
    metrics: dict[str, float] = {}
    for (source, role, rule), tally in sorted(tallies.items()):
        metrics.update(tally.metrics(f"{source}_{role}_{rule}"))
    for source in ("all", "wikievents", "rams"):
        combined = Tally()
        for role in ROLES:
            part = tallies.get((source, role, "head"))
            if part:
                combined.gold += part.gold
                combined.predicted += part.predicted
                combined.found += part.found
                combined.correct += part.correct
        metrics.update(combined.metrics(f"{source}_args_head"))
    return EvalReport(
        name="event-args",
        dataset=str(path),
        n_items=n_events,
        metrics=metrics,
        anchors={
            "wikievents_args_head_f1": Anchor(
                0.646, "BART-Gen (NAACL 2021), arg classification head F1, all roles"
            ),
            "rams_args_exact_f1": Anchor(0.486, "BART-Gen (NAACL 2021), span F1, all roles"),
        },
        goals={"all_attacker_head_recall": 0.65, "all_target_head_recall": 0.65},
        notes=[
            "Given the gold trigger; attack events only (WikiEvents Conflict.Attack + Life.Die killer/victim,"
            " RAMS conflict.attack).",
            "head: predicted span contains the head (syntactic root in our parse) of the gold span or of"
            " the coreferent mention WikiEvents' dev_info names; overlap: any shared character;"
            " exact: same span.",
            "Anchors cover all roles of all event types; these figures cover attacker and target"
            " of attacks only.",
        ],
    )


def _run(nlp: Language, documents: list[GoldDocument], tallies: dict, progress: Progress | None) -> int:
    n_events = 0
    for index, (doc, gold) in enumerate(zip(nlp.pipe(d.text for d in documents), documents, strict=True)):
        doc._.actors = find_actors(doc)
        heads = _gold_heads(doc, gold.events)
        for event in gold.events:
            arguments = find_arguments(doc, event.trigger)
            predicted = {"attacker": arguments.attackers, "target": arguments.targets}
            _score_event(event, predicted, heads, tallies)
            n_events += 1
        if progress is not None:
            progress(index + 1, len(documents))
    return n_events

"""``khabar eval event-args``: attacker and target of attack events, given the gold trigger.

Data (``PATH`` = ``../shared/data/event-args``):

- ``wikievents/dev.jsonl``: ``Conflict.Attack.*`` (roles Attacker, Target) and
  ``Life.Die.*`` (Killer -> attacker, Victim -> target). ``dev_info.jsonl`` names, for
  each argument, its most informative coreferent mention; a gold argument counts as
  found when either its annotated mention or that coreferent is matched.
- ``rams/dev.jsonlines``: ``conflict.attack.*`` with roles attacker, target.
- or ``PATH`` a folder of FA-KES annotation files (``notes/event-args-heldback/*.json``, described
  in its README): for each article its ``row`` in the FA-KES CSV (``KHABAR_FAKES_CSV``, else
  ``../shared/data/fakes-syria/FA-KES-Dataset.csv``), the ``sha256`` of its text and its attack
  events: ``trigger`` and ``attacker`` / ``target``, each a list of arguments, each a list of
  acceptable spans (character offsets into ``article_content``). Scored as source ``fakes`` on the
  article's own text; an article whose text no longer matches its hash is skipped with a note.

Matching rule (documented in the report's notes): a gold argument is found by a predicted
span of the same role when the head of the predicted span is the head of the gold span (its
syntactic root in our parse, or its last noun before any preposition when the parse roots the
phrase in a modifier: 'US-led coalition' is headed by 'coalition', not 'led'), as the
WikiEvents / RAMS head scorer compares heads; ``contains`` (the head rule until session 6)
only asks the predicted span to contain the gold head, so 'the forces of the regime' found
'the regime'; ``overlap``: any shared character; ``exact``: the same character span.
Precision counts a predicted span correct when it finds some gold argument of its role in
the same event. The text is rebuilt from the gold tokens (RAMS) or from each sentence's own
text and token offsets (WikiEvents), one sentence a line, so that offsets are ours; an
argument may lie in another sentence.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..errors import KhabarError
from ..model import Span as TextSpan
from ..pipeline import load_base_model
from ..pipeline.actors import find_actors
from ..pipeline.arguments import find_arguments, syntactic_arguments
from ..pipeline.extensions import register_extensions
from . import Anchor, EvalReport, Progress
from .claims import DEFAULT_CSV, load_texts

ROLES = ("attacker", "target")
WIKIEVENTS_ROLES = {"Attacker": "attacker", "Target": "target", "Killer": "attacker", "Victim": "target"}
RAMS_ROLE = re.compile(r"arg\d+(\w+)$")
MATCH_RULES = ("head", "contains", "overlap", "exact")
NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
#: the keys every FA-KES annotation file and each of its events has
FAKES_FILE_KEYS = frozenset({"row", "sha256", "events"})
FAKES_EVENT_KEYS = frozenset({"trigger", *ROLES})
#: report groups, besides each source's own
SOURCES = ("all", "wikievents", "rams", "rams_tune", "rams_heldout", "fakes")


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
    #: extra report groups: RAMS documents are split in halves, a tuning and a held-out one
    groups: tuple[str, ...] = ()


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
    """Join tokens with spaces, one sentence per line; return the text and token offsets.
    (RAMS keeps no original text; restoring the spacing by rule was tried and changed nothing.)"""
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


def _text_with_spacing(sentences: list[list]) -> tuple[str, list[tuple[int, int]]]:
    """WikiEvents keeps each sentence's own text and its tokens' offsets: join the sentences one
    a line with their spacing ("Syria's", "pro-Assad"), as the pipeline would read them, rather
    than tokens joined by spaces ("Syria ' s", which the parser misreads)."""
    offsets: list[tuple[int, int]] = []
    lines = []
    position = 0
    for tokens, sentence_text in sentences:
        first = tokens[0][1]
        offsets.extend((position + start - first, position + end - first) for _, start, end in tokens)
        lines.append(sentence_text)
        position += len(sentence_text) + 1
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
        text, offsets = _text_with_spacing(record["sentences"])
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


def fakes_annotations(path: Path) -> list[dict]:
    """The FA-KES annotation files in the folder ``path`` (or ``path`` itself), in name order;
    files of another schema are left alone."""
    files = sorted(path.glob("*.json")) if path.is_dir() else [path] if path.suffix == ".json" else []
    records = [json.loads(file.read_text(encoding="utf-8")) for file in files]
    return [record for record in records if _is_fakes_annotation(record)]


def _is_fakes_annotation(record: object) -> bool:
    return (
        isinstance(record, dict)
        and record.keys() >= FAKES_FILE_KEYS
        and all(isinstance(event, dict) and event.keys() >= FAKES_EVENT_KEYS for event in record["events"])
    )


def read_fakes(annotations: list[dict], texts: dict[int, str], notes: list[str]) -> Iterator[GoldDocument]:
    """One document per annotated article, its text read from the CSV by row; an article whose
    text is missing or no longer hashes to the annotated ``sha256`` is skipped with a note, as
    the offsets would point into another text."""
    for annotation in annotations:
        text = texts.get(int(annotation["row"]))
        if text is None or hashlib.sha256(text.encode("utf-8")).hexdigest() != annotation["sha256"]:
            notes.append(f"fakes row {annotation['row']}: article missing or changed; skipped")
            continue
        events = [_fakes_event(event) for event in annotation["events"]]
        if events:
            yield GoldDocument(text, events)


def _fakes_event(event: dict) -> GoldEvent:
    trigger = event["trigger"]
    gold = GoldEvent("fakes", (trigger["start"], trigger["end"]))
    for role in ROLES:
        for spans in event[role]:
            gold.arguments.setdefault(role, []).append([(span["start"], span["end"]) for span in spans])
    return gold


class Heads(dict[tuple[int, int], int]):
    """Character offset of the head of a span of the document, in our parse, worked out once
    for every gold span and on demand for a predicted one."""

    def __init__(self, doc: Doc) -> None:
        super().__init__()
        self.doc = doc

    def __missing__(self, key: tuple[int, int]) -> int:
        span = self.doc.char_span(*key, alignment_mode="expand")
        self[key] = _phrase_head(span).idx if span is not None and len(span) else key[0]
        return self[key]


def _matches(predicted: TextSpan, gold: tuple[int, int], heads: Heads, rule: str) -> bool:
    if rule == "exact":
        return (predicted.start, predicted.end) == gold
    if rule == "overlap":
        return predicted.start < gold[1] and gold[0] < predicted.end
    head = heads[gold]
    if rule == "contains":
        return predicted.start <= head < predicted.end
    # the head rule of the WikiEvents / RAMS scorers: the two phrases share their head word
    return predicted.start <= head < predicted.end and heads[(predicted.start, predicted.end)] == head


def _gold_heads(doc: Doc, events: list[GoldEvent]) -> Heads:
    """The heads of the document's spans (gold and predicted), worked out as they are asked for."""
    return Heads(doc)


def _phrase_head(span: Span) -> Token:
    """The head noun of a gold phrase. The parse sometimes roots a phrase in a modifier ('US-led
    coalition' -> 'led', 'civilian areas in places like Aleppo' -> 'in'); then the head is the
    last noun or pronoun before any preposition. A phrase without one keeps its root."""
    root = span.root
    if root.pos_ in NOMINAL_POS:
        return root
    nominals: list[Token] = []
    for token in span:
        if token.pos_ == "ADP" and nominals:
            break
        if token.pos_ in NOMINAL_POS:
            nominals.append(token)
    return nominals[-1] if nominals else root


def _score_event(
    event: GoldEvent,
    predicted: dict[str, list[TextSpan]],
    heads: Heads,
    tallies: dict,
    groups: tuple[str, ...] = (),
) -> None:
    for role in ROLES:
        gold = event.arguments.get(role, [])
        guesses = predicted[role]
        for rule in MATCH_RULES:
            for key in ((source, role, rule) for source in (event.source, "all", *groups)):
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


def evaluate(
    path: Path, *, limit: int | None = None, progress: Progress | None = None, csv_path: Path | None = None
) -> EvalReport:
    wikievents, rams = path / "wikievents", path / "rams"
    fakes = fakes_annotations(path)
    if not (wikievents / "dev.jsonl").exists() and not (rams / "dev.jsonlines").exists() and not fakes:
        raise KhabarError("E090", path=path)
    register_extensions()
    nlp = load_base_model()
    documents: list[GoldDocument] = []
    if (wikievents / "dev.jsonl").exists():
        documents.extend(read_wikievents(wikievents))
    if (rams / "dev.jsonlines").exists():
        documents.extend(read_rams(rams))
    _split_rams(documents)
    skipped: list[str] = []
    if fakes:
        texts = load_texts(csv_path or Path(os.environ.get("KHABAR_FAKES_CSV", DEFAULT_CSV)))
        documents.extend(read_fakes(fakes, texts, skipped))
    if limit is not None:
        documents = documents[:limit]
    tallies: dict[tuple[str, str, str], Tally] = {}
    diagnostics: dict[str, float] = {}
    n_events = _run(nlp, documents, tallies, progress, diagnostics)
    metrics: dict[str, float] = {}
    for (source, role, rule), tally in sorted(tallies.items()):
        metrics.update(tally.metrics(f"{source}_{role}_{rule}"))
    for source in SOURCES:
        if not any(key[0] == source for key in tallies):
            continue  # a source the data set lacks gets no zero figures
        combined = Tally()
        for role in ROLES:
            part = tallies.get((source, role, "head"))
            if part:
                combined.gold += part.gold
                combined.predicted += part.predicted
                combined.found += part.found
                combined.correct += part.correct
        metrics.update(combined.metrics(f"{source}_args_head"))
    for source in ("all", "wikievents", "rams", "fakes"):
        predicted = diagnostics.get(f"{source}_attacker_fallback_predicted", 0)
        if predicted:
            correct = diagnostics.get(f"{source}_attacker_fallback_correct", 0)
            diagnostics[f"{source}_attacker_fallback_precision"] = round(correct / predicted, 4)
        for role in ROLES:
            predicted = diagnostics.get(f"{source}_{role}_annotated_predicted", 0)
            if predicted:
                correct = diagnostics.get(f"{source}_{role}_annotated_correct", 0)
                diagnostics[f"{source}_{role}_annotated_precision"] = round(correct / predicted, 4)
    metrics.update(sorted(diagnostics.items()))
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
            "head: predicted span has the head (syntactic root in our parse; the last noun before"
            " any preposition when the parse roots the phrase in a modifier) of the gold span or of"
            " the coreferent mention WikiEvents' dev_info names, as the datasets' head scorers"
            " compare heads; contains: predicted span contains that head (the head rule until"
            " session 6, more lenient); overlap: any shared character; exact: same span.",
            "Anchors cover all roles of all event types; these figures cover attacker and target"
            " of attacks only.",
            "rams_tune / rams_heldout: the first and second half of the RAMS documents; rules are"
            " tuned on WikiEvents and rams_tune only, rams_heldout is a check.",
            "*_annotated_precision: head precision over events whose gold names someone in the"
            " role (WikiEvents leaves many mentions' attackers unannotated, so every guess there"
            " counts wrong in *_head_precision).",
            "fallback_*: attackers proposed only by the fallback (no syntactic argument found),"
            " scored on their own; miss_*: gold arguments not found, by cause (other_sentence:"
            " the gold head is outside the trigger's sentence; none_predicted: no span for the"
            " role; wrong_span: spans predicted but none matches).",
            "fakes: attack events of hand-annotated FA-KES articles (notes/event-args-heldback),"
            " scored on the article's own text; every attack mention of an article is annotated,"
            " its arguments named within the trigger's sentence and two sentences either side.",
            *skipped,
        ],
    )


def _split_rams(documents: list[GoldDocument]) -> None:
    """Mark the first half of the RAMS documents for tuning and the second half as held out."""
    rams = [document for document in documents if document.events[0].source == "rams"]
    half = len(rams) // 2
    for index, document in enumerate(rams):
        document.groups = ("rams_tune",) if index < half else ("rams_heldout",)


def _score_diagnostics(
    doc: Doc,
    event: GoldEvent,
    predicted: dict[str, list[TextSpan]],
    heads: Heads,
    metrics: dict[str, float],
) -> None:
    """Fallback precision and the causes of misses (head rule), under ``all`` and the source."""
    syntactic = syntactic_arguments(doc, event.trigger)
    plain = {(span.start, span.end) for span in syntactic.attackers}
    trigger = doc.char_span(*event.trigger, alignment_mode="expand")
    for source in ("all", event.source):
        for guess in predicted["attacker"]:
            if (guess.start, guess.end) in plain:
                continue
            _count(metrics, f"{source}_attacker_fallback_predicted")
            if any(
                _matches(guess, span, heads, "head")
                for spans in event.arguments.get("attacker", [])
                for span in spans
            ):
                _count(metrics, f"{source}_attacker_fallback_correct")
        for role in ROLES:
            if event.arguments.get(role):
                # precision where the annotators named someone in the role: WikiEvents leaves
                # the attacker of many mentions unannotated, which counts every guess wrong
                for guess in predicted[role]:
                    _count(metrics, f"{source}_{role}_annotated_predicted")
                    if _finds_gold(guess, event.arguments[role], heads):
                        _count(metrics, f"{source}_{role}_annotated_correct")
            for spans in event.arguments.get(role, []):
                if any(_matches(guess, span, heads, "head") for guess in predicted[role] for span in spans):
                    continue
                _count(
                    metrics, f"{source}_{role}_miss_{_miss_cause(doc, trigger, spans[0], predicted[role])}"
                )


def _finds_gold(guess: TextSpan, gold: list[list[tuple[int, int]]], heads: Heads) -> bool:
    return any(_matches(guess, span, heads, "head") for spans in gold for span in spans)


def _miss_cause(doc: Doc, trigger: Span | None, gold: tuple[int, int], guesses: list[TextSpan]) -> str:
    span = doc.char_span(*gold, alignment_mode="expand")
    if trigger is not None and span is not None and len(span) and span.root.sent != trigger.root.sent:
        return "other_sentence"
    return "wrong_span" if guesses else "none_predicted"


def _count(metrics: dict[str, float], key: str) -> None:
    metrics[key] = metrics.get(key, 0) + 1


def _run(
    nlp: Language,
    documents: list[GoldDocument],
    tallies: dict,
    progress: Progress | None,
    diagnostics: dict[str, float] | None = None,
) -> int:
    n_events = 0
    for index, (doc, gold) in enumerate(zip(nlp.pipe(d.text for d in documents), documents, strict=True)):
        doc._.actors = find_actors(doc)
        heads = _gold_heads(doc, gold.events)
        for event in gold.events:
            arguments = find_arguments(doc, event.trigger)
            predicted = {"attacker": arguments.attackers, "target": arguments.targets}
            _score_event(event, predicted, heads, tallies, gold.groups)
            if diagnostics is not None:
                _score_diagnostics(doc, event, predicted, heads, diagnostics)
            n_events += 1
        if progress is not None:
            progress(index + 1, len(documents))
    return n_events

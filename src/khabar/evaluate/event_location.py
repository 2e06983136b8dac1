"""``khabar eval event-location [PATH]``: the place where a given event verb happened (Halterman 2019).

Each JSON line of ``labeled_text.jsonl`` holds one sentence, one ``VERB`` span and the
``LOCATION`` spans (none, one, rarely more) of the place where that verb's event happened.
Records with ``source: RELABEL`` are adjudicated gold; only they are scored. The sentence runs
through khabar's pipeline up to the event mentions, and the event-place logic
(:func:`~khabar.pipeline.places_for_events.places_for_trigger`) is asked which of the sentence's
place mentions are the given verb's, the other triggers khabar finds in the sentence competing
for them.

Metrics are over tokens, as in Halterman (2019): precision is the share of the tokens of the
chosen place mentions that are gold location tokens; recall the share of gold location tokens
chosen (a record with no location adds only to precision's denominator, if a place is chosen).
The records are split by a fixed rule, written before any result was seen: CRC32 of the
record's id, even = ``tune``, odd = ``held``. Rules are tuned on the tune half only.

The location spans give token offsets of the original tokenisation (their character offsets
are unreliable, the tokens themselves were dropped), the verb both. spaCy's tokeniser
reproduces the original mostly; where the verb's token index differs, the location's token
offsets are shifted by the same amount, and records whose verb cannot be found are skipped
(both counted in ``details``).
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..errors import KhabarError
from ..pipeline.places_for_events import places_for_trigger
from . import Anchor, EvalReport, Progress

HALVES = ("tune", "held")
GOLD_SOURCE = "RELABEL"
ANCHOR = Anchor(0.83, "Halterman (2019): token precision and recall above")
#: the stages after the event mentions say nothing of where an event happened
UNNEEDED_STAGES = ("khabar_assemble", "khabar_claims", "khabar_framing")


@dataclass(frozen=True, slots=True)
class Case:
    """One gold record: the sentence, its verb (characters) and the gold location tokens."""

    id: str
    text: str
    verb: tuple[int, int]
    verb_token: int
    locations: tuple[tuple[int, int], ...]  # token offsets, end inclusive, as in the data

    @property
    def half(self) -> str:
        return half_of(self.id)


@dataclass(slots=True)
class Tally:
    true_positive: int = 0
    predicted: int = 0
    gold: int = 0
    records: int = 0
    exact: int = 0  # records whose chosen tokens are exactly the gold ones
    errors: list[dict[str, Any]] = field(default_factory=list)

    def add(self, case_id: str, predicted: set[int], gold: set[int], words: list[str]) -> None:
        self.records += 1
        self.true_positive += len(predicted & gold)
        self.predicted += len(predicted)
        self.gold += len(gold)
        self.exact += predicted == gold
        if predicted != gold:
            self.errors.append(
                {
                    "id": case_id,
                    "predicted": " ".join(words[i] for i in sorted(predicted)),
                    "gold": " ".join(words[i] for i in sorted(gold)),
                }
            )

    def metrics(self) -> dict[str, float]:
        precision = _ratio(self.true_positive, self.predicted)
        recall = _ratio(self.true_positive, self.gold)
        f1 = round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0
        return {
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "exact": _ratio(self.exact, self.records),
            "records": float(self.records),
        }


def half_of(case_id: str) -> str:
    """The fixed split: even CRC32 of the record's id is the tune half."""
    return HALVES[zlib.crc32(case_id.encode("utf-8")) % 2]


def load_cases(path: Path) -> list[Case]:
    """The adjudicated records of the file, in file order."""
    cases = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise KhabarError("E041", path=path) from exc
    for line in lines:
        if not line.strip():
            continue
        record = json.loads(line)
        case = case_of(record)
        if case is not None:
            cases.append(case)
    return cases


def case_of(record: dict[str, Any]) -> Case | None:
    """A gold case from one record, or None when it is not adjudicated or has no one verb."""
    if record.get("source") != GOLD_SOURCE or "spans" not in record:
        return None
    verbs = [span for span in record["spans"] if span["label"] == "VERB"]
    if len(verbs) != 1:
        return None
    verb = verbs[0]
    locations = tuple(
        (span["token_start"], span["token_end"]) for span in record["spans"] if span["label"] == "LOCATION"
    )
    return Case(
        id=str(record["_id"]).strip(),
        text=record["text"],
        verb=(verb["start"], verb["end"]),
        verb_token=verb["token_start"],
        locations=locations,
    )


def evaluate(path: Path, *, limit: int | None = None, progress: Progress | None = None) -> EvalReport:
    cases = load_cases(path)[:limit]
    nlp = _pipeline()
    tallies = {half: Tally() for half in HALVES}
    skipped = shifted = 0
    texts = (case.text for case in cases)
    with nlp.select_pipes(disable=[name for name in UNNEEDED_STAGES if name in nlp.pipe_names]):
        docs = nlp.pipe(texts, batch_size=32)
        for done, (case, doc) in enumerate(zip(cases, docs, strict=True), start=1):
            verb = doc.char_span(*case.verb, alignment_mode="expand")
            if verb is None or not len(verb):
                skipped += 1
                continue
            shift = verb.start - case.verb_token
            shifted += shift != 0
            gold = {i + shift for start, end in case.locations for i in range(start, end + 1)}
            predicted = predicted_tokens(doc, verb)
            tallies[case.half].add(case.id, predicted, gold, [token.text for token in doc])
            if progress:
                progress(done, len(cases))
    return _report(path, cases, tallies, skipped, shifted)


def predicted_tokens(doc: Doc, verb: Span) -> set[int]:
    """The tokens of the place mentions khabar gives the event of ``verb``."""
    others = [
        span
        for mention in doc._.event_mentions or []
        if (span := doc.char_span(mention.trigger.start, mention.trigger.end, alignment_mode="expand"))
        is not None
        and not (span.start < verb.end and verb.start < span.end)
    ]
    tokens: set[int] = set()
    for mention in places_for_trigger(doc, verb, others):
        span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
        if span is not None:
            tokens.update(range(span.start, span.end))
    return tokens


def _pipeline() -> Language:
    from ..pipeline import load_pipeline

    return load_pipeline()


def _report(
    path: Path, cases: list[Case], tallies: dict[str, Tally], skipped: int, shifted: int
) -> EvalReport:
    metrics: dict[str, float] = {}
    for half, tally in tallies.items():
        metrics.update({f"{half}.{key}": value for key, value in tally.metrics().items()})
    everything = Tally(
        true_positive=sum(t.true_positive for t in tallies.values()),
        predicted=sum(t.predicted for t in tallies.values()),
        gold=sum(t.gold for t in tallies.values()),
        records=sum(t.records for t in tallies.values()),
        exact=sum(t.exact for t in tallies.values()),
    )
    metrics.update({f"all.{key}": value for key, value in everything.metrics().items()})
    return EvalReport(
        name="event-location",
        dataset=str(path),
        n_items=len(cases),
        metrics=metrics,
        anchors={"held.precision": ANCHOR, "held.recall": ANCHOR},
        details={
            "skipped_no_verb": skipped,
            "shifted_tokenisation": shifted,
            "tune_errors": tallies["tune"].errors,
        },
        notes=[
            "only adjudicated records (source RELABEL) are scored",
            "split by CRC32 of the record id: even = tune, odd = held; rules are tuned on the tune half",
            "precision and recall are over location tokens, as in Halterman (2019)",
        ],
    )


def _ratio(numerator: int, denominator: int) -> float:
    return round(numerator / denominator, 4) if denominator else 0.0

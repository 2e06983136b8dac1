"""Nested check for the attacker and target rules on RAMS: the tuning half split again.

``khabar eval event-args`` splits the RAMS attack documents into a tuning half (the first
half, in file order) and a held-out half. Rules fitted on the whole tuning half still
fitted it (the held-out figure stayed put), so the tuning half is split again by a written
rule: a document is in part A when the CRC32 of its ``doc_key`` is even, else in part B.
Errors are read on A only; a rule is kept when it also helps B (or is neutral there and
clearly general). The held-out half is never parsed here.

A second check set: RAMS dev's killings and injuries (``life.die.deathcausedbyviolentevents``,
``life.injure`` but illness; killer or injurer -> attacker, victim -> target), none of them an attack
document and so none in the held-out half, split by the same rule into kA and kB. Earlier
sessions read all of them as an analysis set, so they are not blind either. ``allA`` / ``allB``
pool the two: errors are read on allA, rules are checked on allB.

    python notes/event-args/nested.py              # figures for tune, A and B
    python notes/event-args/nested.py --errors     # ... and the misses of the A parts (A and kA)
    python notes/event-args/nested.py --errors --part kA   # ... or of one of them

The data is read from ``../shared/data/event-args/rams`` (or ``--data``); nothing of it is
copied here.
"""

from __future__ import annotations

import argparse
import json
import re
import zlib
from pathlib import Path

from khabar.evaluate.event_args import (
    ROLES,
    GoldDocument,
    GoldEvent,
    Tally,
    _gold_heads,
    _matches,
    _text_from_tokens,
    _token_span,
    read_rams,
)
from khabar.model import Span as TextSpan
from khabar.pipeline import load_base_model
from khabar.pipeline.actors import find_actors
from khabar.pipeline.arguments import find_arguments
from khabar.pipeline.extensions import register_extensions

DEFAULT_DATA = Path("../shared/data/event-args/rams")


def part_of(doc_key: str) -> str:
    """The written rule: CRC32 of the document id, even -> A, odd -> B."""
    return "A" if zlib.crc32(doc_key.encode("utf-8")) % 2 == 0 else "B"


def tuning_documents(path: Path) -> list[tuple[str, GoldDocument]]:
    """(part, document) for the tuning half: the first half of the attack documents, the
    order and the halving of ``khabar eval event-args``."""
    keys = []
    for line in (path / "dev.jsonlines").open(encoding="utf-8"):
        record = json.loads(line)
        if record["evt_triggers"][0][2][0][0].startswith("conflict.attack"):
            keys.append(record["doc_key"])
    documents = list(read_rams(path))
    assert len(keys) == len(documents)
    half = len(documents) // 2
    return [(part_of(key), document) for key, document in zip(keys[:half], documents[:half], strict=True)]


#: RAMS killings and injuries, read as attacks: the killer or injurer is the attacker, the victim
#: the target (a second check set, scored apart from the attack events)
KILLING_TYPES = (
    "life.die.deathcausedbyviolentevents",
    "life.injure.injurycausedbyviolentevents",
    "life.injure.n/a",
)
KILLING_ROLES = {"killer": "attacker", "injurer": "attacker", "victim": "target"}
ROLE_LABEL = re.compile(r"arg\d+(\w+)$")


def killing_documents(path: Path) -> list[tuple[str, GoldDocument]]:
    """(part, document) for every RAMS dev killing or injury (no attack document among them,
    so none of the held-out half)."""
    chosen = []
    for line in (path / "dev.jsonlines").open(encoding="utf-8"):
        record = json.loads(line)
        if record["evt_triggers"][0][2][0][0] not in KILLING_TYPES:
            continue
        text, offsets = _text_from_tokens(record["sentences"])
        first, last = record["evt_triggers"][0][:2]
        event = GoldEvent("rams", _token_span(offsets, first, last))
        for _, (start, end), label in record["gold_evt_links"]:
            role = KILLING_ROLES.get(ROLE_LABEL.search(label).group(1))
            if role is not None:
                event.arguments.setdefault(role, []).append([_token_span(offsets, start, end)])
        chosen.append((part_of(record["doc_key"]), GoldDocument(text, [event])))
    return chosen


def _found(guesses: list[TextSpan], spans: list[tuple[int, int]], heads: dict) -> bool:
    return any(_matches(guess, span, heads, "head") for guess in guesses for span in spans)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument(
        "--errors", action="store_true", help="print the misses of the A parts (or of --part)"
    )
    parser.add_argument(
        "--part", choices=("allA", "A", "kA"), default="allA", help="whose misses --errors prints"
    )
    options = parser.parse_args()
    register_extensions()
    nlp = load_base_model()
    chosen = [(part, "", document) for part, document in tuning_documents(options.data)]
    chosen += [(part, "k", document) for part, document in killing_documents(options.data)]
    tallies: dict[tuple[str, str], Tally] = {}
    kinds: dict[tuple[str, str, str], int] = {}
    errors = []
    docs = nlp.pipe(document.text for _, _, document in chosen)
    for (part, prefix, gold), doc in zip(chosen, docs, strict=True):
        doc._.actors = find_actors(doc)
        heads = _gold_heads(doc, gold.events)
        for event in gold.events:
            arguments = find_arguments(doc, event.trigger)
            predicted = {"attacker": arguments.attackers, "target": arguments.targets}
            for role in ROLES:
                gold_args = event.arguments.get(role, [])
                groups = ("killings", prefix + part, "all" + part) if prefix else ("tune", part, "all" + part)
                for group in groups:
                    tally = tallies.setdefault((group, role), Tally())
                    tally.gold += len(gold_args)
                    tally.predicted += len(predicted[role])
                    tally.found += sum(_found(predicted[role], spans, heads) for spans in gold_args)
                    tally.correct += sum(
                        any(_matches(g, s, heads, "head") for spans in gold_args for s in spans)
                        for g in predicted[role]
                    )
                    for spans in gold_args:
                        if not _found(predicted[role], spans, heads):
                            kind = "wrong" if predicted[role] else "none"
                            key = (group, role, kind)
                            kinds[key] = kinds.get(key, 0) + 1
                if options.errors and options.part in (prefix + part, "all" + part):
                    missed = [s for s in gold_args if not _found(predicted[role], s, heads)]
                    if missed:
                        errors.append((role, doc, event, missed, predicted[role]))
    for group in ("tune", "A", "B", "killings", "kA", "kB", "allA", "allB"):
        for role in ROLES:
            tally = tallies.get((group, role), Tally())
            metrics = tally.metrics("")
            print(
                f"{group:5} {role:8} recall {metrics['_recall']:.3f} ({tally.found}/{tally.gold})"
                f"  precision {metrics['_precision']:.3f} ({tally.correct}/{tally.predicted})"
                f"  missed with none predicted {kinds.get((group, role, 'none'), 0)},"
                f" with a wrong one {kinds.get((group, role, 'wrong'), 0)}"
            )
    for role, doc, event, missed, guesses in errors:
        _print_error(role, doc, event, missed, guesses)


def _print_error(role: str, doc, event, missed, guesses) -> None:
    trigger = doc.char_span(*event.trigger, alignment_mode="expand")
    print(f"\n--- {role} miss; trigger '{trigger.text}' (sentence {_sentence_index(doc, trigger)})")
    for index, sentence in enumerate(doc.sents):
        print(f"  [{index}] {sentence.text}")
    for spans in missed:
        gold = doc.char_span(*spans[0], alignment_mode="expand")
        print(f"  gold: '{gold.text}' (sentence {_sentence_index(doc, gold)})")
    print(f"  predicted: {[doc.text[g.start : g.end] for g in guesses]}")


def _sentence_index(doc, span) -> int:
    return next(i for i, sentence in enumerate(doc.sents) if sentence.start <= span.start < sentence.end)


if __name__ == "__main__":
    main()

"""Do the argument rules fit the RAMS tuning half's texts? Two measurements on the nested parts
(A, B, kA, kB of ``nested.py``), with nothing of the held-out half parsed or read:

- where the gold attackers are: in the trigger's sentence or in another one, and how many of
  each khabar finds (a part whose doers are told elsewhere scores lower with the same rules);
- which rules carry what is found: each helper of ``pipeline/arguments.py`` (and the fallback
  and coreference stages) is switched off in turn (it returns nothing) and the arguments it
  costs are counted per part. A rule fitted to one part's texts would carry arguments there and
  none on the other.

    python notes/event-args/fit.py     # from the repository root, as nested.py

The data is read from ``../shared/data/event-args/rams`` (or ``--data``); nothing of it is
copied here.
"""

from __future__ import annotations

import argparse
import inspect
from collections.abc import Callable
from pathlib import Path

from nested import DEFAULT_DATA, _found, killing_documents, tuning_documents

from khabar.evaluate.event_args import ROLES, _gold_heads
from khabar.pipeline import arguments, load_base_model
from khabar.pipeline.actors import find_actors
from khabar.pipeline.extensions import register_extensions

PARTS = ("A", "B", "kA", "kB")
#: helpers that every path goes through: switching them off says nothing about one rule
PLUMBING = frozenset({"_find", "_parse_roles", "_to_spans", "_children", "_lemma_in", "_word_forms"})
#: the stages after the parse rules, switched off the same way
STAGES = {
    "coreferent_attackers": [],
    "claimed_attackers": [],
    "clause_subject": None,
    "nearby_perpetrator": None,
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    options = parser.parse_args()
    register_extensions()
    nlp = load_base_model()
    chosen = [(part, document) for part, document in tuning_documents(options.data)]
    chosen += [("k" + part, document) for part, document in killing_documents(options.data)]
    docs = list(nlp.pipe(document.text for _, document in chosen))
    for doc in docs:
        doc._.actors = find_actors(doc)
    items = [
        (part, gold, doc, _gold_heads(doc, gold.events))
        for (part, gold), doc in zip(chosen, docs, strict=True)
    ]
    _print_where(items)
    _print_carried(items)


def _print_where(items: list) -> None:
    print("gold attackers: in the trigger's sentence (found) / in another sentence (found)")
    counts = {part: [0, 0, 0, 0] for part in PARTS}
    for part, gold, doc, heads in items:
        for event in gold.events:
            trigger = doc.char_span(*event.trigger, alignment_mode="expand")
            guesses = arguments.find_arguments(doc, event.trigger).attackers
            for spans in event.arguments.get("attacker", []):
                argument = doc.char_span(*spans[0], alignment_mode="expand")
                column = 0 if argument.sent.start == trigger.sent.start else 2
                counts[part][column] += 1
                counts[part][column + 1] += _found(guesses, spans, heads)
    for part, (same, same_found, other, other_found) in counts.items():
        print(f"  {part:3} same sentence {same_found}/{same}   other sentence {other_found}/{other}")


def _score(items: list) -> dict[tuple[str, str], int]:
    found: dict[tuple[str, str], int] = {}
    for part, gold, doc, heads in items:
        for event in gold.events:
            result = arguments.find_arguments(doc, event.trigger)
            guesses = {"attacker": result.attackers, "target": result.targets}
            for role in ROLES:
                for spans in event.arguments.get(role, []):
                    found[(part, role)] = found.get((part, role), 0) + _found(guesses[role], spans, heads)
    return found


def _print_carried(items: list) -> None:
    base = _score(items)
    print(
        "\nfound with every rule:",
        "  ".join(f"{p} {r[0]} {base.get((p, r), 0)}" for p in PARTS for r in ROLES),
    )
    print("arguments lost when one helper returns nothing (a = attacker, t = target):")
    for name, empty in _switches():
        kept = getattr(arguments, name)
        setattr(arguments, name, _returning(empty))
        try:
            found = _score(items)
        finally:
            setattr(arguments, name, kept)
        lost = {f"{p}{r[0]}": found.get((p, r), 0) - base.get((p, r), 0) for p in PARTS for r in ROLES}
        lost = {key: value for key, value in lost.items() if value}
        if lost:
            print(f"  {name:32} {lost}")


def _switches() -> list[tuple[str, object]]:
    """Helpers that return a list or an optional token (off = empty), then the later stages."""
    switches: list[tuple[str, object]] = []
    for name, function in vars(arguments).items():
        if not (inspect.isfunction(function) and function.__module__ == arguments.__name__):
            continue
        if not name.startswith("_") or name in PLUMBING:
            continue
        returns = str(inspect.signature(function).return_annotation)
        if returns.startswith("list"):
            switches.append((name, []))
        elif "None" in returns and "Token" in returns and "tuple" not in returns:
            switches.append((name, None))
    return switches + list(STAGES.items())


def _returning(empty: object) -> Callable[..., object]:
    def switched_off(*_args: object, **_kwargs: object) -> object:
        return [] if isinstance(empty, list) else empty

    return switched_off


if __name__ == "__main__":
    main()

"""Choose the FA-KES articles of the session-11 held-back batches (events, claims, attack arguments).

Run from the repository root: ``.venv/bin/python notes/events-heldback4/select.py``.
Prints the pool size and three disjoint samples in sample order (row numbers only, never article
text): 20 rows for `notes/events-heldback4/`, 15 rows for `notes/claims-heldback7/`, then the
reading order (30 rows) for `notes/event-args-heldback3/`, whose annotator reads rows in that order
until enough attack events are annotated.

It is session 9's rule (`notes/events-heldback3/select.py`, reused rather than copied) with the
session-9 batches added to the exclusions: every row an annotation file of
`notes/events-heldback3/`, `notes/claims-heldback6/` or `notes/event-args-heldback2/` names, and
the whole of session 9's 65-row sample, including the reading-order rows the arguments annotator
never opened (engineers may read all of those from now on). A fresh seed draws the new sample.
"""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path
from types import ModuleType

SEED = 20261127
EVENTS_SIZE, CLAIMS_SIZE, ARGS_ORDER_SIZE = 20, 15, 30
SESSION9_RULE = Path("notes/events-heldback3/select.py")
SESSION9_DIRS = ("events-heldback3", "claims-heldback6", "event-args-heldback2")


def _session9_rule() -> ModuleType:
    # Loaded by path: the file is named select.py, which would shadow the standard module.
    spec = importlib.util.spec_from_file_location("session9_select", SESSION9_RULE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pool() -> list[int]:
    rule = _session9_rule()
    session9_pool = rule.pool()  # with session 9's exclusions only, so its sample is reproduced
    size = rule.EVENTS_SIZE + rule.CLAIMS_SIZE + rule.ARGS_ORDER_SIZE
    session9_sample = set(random.Random(rule.SEED).sample(session9_pool, size))
    rule.ANNOTATED_DIRS = (*rule.ANNOTATED_DIRS, *SESSION9_DIRS)
    return [row for row in rule.pool() if row not in session9_sample]


def main() -> None:
    candidates = pool()
    sample = random.Random(SEED).sample(candidates, EVENTS_SIZE + CLAIMS_SIZE + ARGS_ORDER_SIZE)
    claims_end = EVENTS_SIZE + CLAIMS_SIZE
    print(f"pool {len(candidates)}")
    print("events-heldback4:", " ".join(str(row) for row in sample[:EVENTS_SIZE]))
    print("claims-heldback7:", " ".join(str(row) for row in sample[EVENTS_SIZE:claims_end]))
    print("event-args-heldback3 order:", " ".join(str(row) for row in sample[claims_end:]))


if __name__ == "__main__":
    main()

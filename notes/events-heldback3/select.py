"""Choose the FA-KES articles of the session-9 held-back batches (events, claims, attack arguments).

Run from the repository root: ``.venv/bin/python notes/events-heldback3/select.py``.
Prints the pool size and three disjoint samples in sample order (row numbers only, never article
text): 20 rows for `notes/events-heldback3/`, 15 rows for `notes/claims-heldback6/`, then the
reading order (30 rows) for `notes/event-args-heldback2/`, whose annotator reads rows in that order
until enough attack events are annotated.

The pool excludes every article whose khabar output engineers are known to have studied:
every row an annotation file in ``notes/`` names (dev and earlier held-back batches alike, all
dev data now), the actor-review articles, and every row of the clustering reference
(`notes/clustering-reference/labels.txt`, whose split events were read). Rows read only by the
blind annotators of earlier batches while choosing (heldback3's and heldback4's reading lists)
stay in: nobody developed rules on them. Random FA-KES samples that engineers read to check
rules were not recorded, so a few pool rows may have been seen that way.
"""

from __future__ import annotations

import csv
import json
import os
import random
import sys
from pathlib import Path

CSV_PATH = Path(os.environ.get("KHABAR_FAKES_CSV", "../shared/data/fakes-syria/FA-KES-Dataset.csv"))
NOTES = Path("notes")
SEED = 20261126
EVENTS_SIZE, CLAIMS_SIZE, ARGS_ORDER_SIZE = 20, 15, 30
MIN_CHARS, MAX_CHARS = 600, 5000
# Fixed here, so that the batches written from this sample do not move it.
ANNOTATED_DIRS = (
    "claims-annotations",
    "claims-heldback",
    "claims-heldback2",
    "claims-heldback3",
    "claims-heldback4",
    "event-annotations",
    "events-heldback",
    "events-heldback2",
    "claims-heldback5",
    "event-args-heldback",
)


def _excluded_rows() -> set[int]:
    rows: set[int] = set()
    for folder in ANNOTATED_DIRS:
        for path in (NOTES / folder).glob("*.json"):
            rows.add(int(json.loads(path.read_text())["row"]))
    for line in (NOTES / "clustering-reference" / "labels.txt").read_text().splitlines():
        if line.startswith("#") or not line.strip():
            continue
        for field in line.split("\t")[1:]:
            rows.update(int(row) for row in field.split())
    return rows


def _excluded_unit_ids() -> set[str]:
    # The actor review names articles by unit_id in the first column of its sheets.
    ids: set[str] = set()
    for path in (NOTES / "actor-review").glob("*.tsv"):
        for line in path.read_text().splitlines():
            first = line.split("\t", 1)[0]
            if first.isdigit():
                ids.add(first)
    return ids


def _records() -> list[dict[str, str]]:
    # Read as the evaluator reads the CSV (utf-8, undecodable bytes replaced, Python csv).
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    with CSV_PATH.open(encoding="utf-8", errors="replace", newline="") as handle:
        return list(csv.DictReader(handle))


def pool() -> list[int]:
    records = _records()
    rows, uids = _excluded_rows(), _excluded_unit_ids()
    # A text already studied under another row is not distinct either.
    taken = {records[r]["article_content"] for r in rows if r < len(records)}
    taken |= {rec["article_content"] for rec in records if rec["unit_id"] in uids}
    chosen: list[int] = []
    for index, rec in enumerate(records):
        text = rec["article_content"]
        if not MIN_CHARS <= len(text) <= MAX_CHARS or text in taken:
            continue
        if index in rows or rec["unit_id"] in uids:
            continue
        taken.add(text)
        chosen.append(index)
    return chosen


def main() -> None:
    candidates = pool()
    sample = random.Random(SEED).sample(candidates, EVENTS_SIZE + CLAIMS_SIZE + ARGS_ORDER_SIZE)
    claims_end = EVENTS_SIZE + CLAIMS_SIZE
    print(f"pool {len(candidates)}")
    print("events-heldback3:", " ".join(str(row) for row in sample[:EVENTS_SIZE]))
    print("claims-heldback6:", " ".join(str(row) for row in sample[EVENTS_SIZE:claims_end]))
    print("event-args-heldback2 order:", " ".join(str(row) for row in sample[claims_end:]))


if __name__ == "__main__":
    main()

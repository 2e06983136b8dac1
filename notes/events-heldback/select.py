"""Choose the FA-KES articles of the held-back event annotations by the rule written in README.md.

Run from the repository root: ``.venv/bin/python notes/events-heldback/select.py``.
Prints the pool size and the 20 rows in sample order (row numbers only, never article text).
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
SEED = 20261124
SIZE = 20
MIN_CHARS, MAX_CHARS = 600, 5000
# Folders whose annotation files name a CSV row (their ``row`` field). Fixed here, so that batches
# written later (claims-heldback4 was being written while this one was chosen) do not move the sample.
ANNOTATED_DIRS = (
    "claims-annotations",
    "claims-heldback",
    "claims-heldback2",
    "claims-heldback3",
    "event-annotations",
)
# The 67 rows notes/claims-heldback3/README.md lists as read (its reading order, taken and rejected).
# fmt: off
READ_FOR_CLAIMS_HELDBACK3 = (
    281, 325, 20, 59, 134, 249, 23, 211, 390, 259, 391, 43, 107, 289, 217, 67, 356, 311, 181, 122,
    292, 286, 293, 339, 384, 361, 33, 16, 48, 309, 18, 284, 303, 104, 306, 336, 380, 330, 308, 389,
    278, 97, 304, 178, 307, 186, 287, 302, 327, 44, 285, 101, 147, 198, 36, 376, 359, 363, 100, 296,
    124, 112, 340, 51, 26, 357, 370,
)
# fmt: on


def _excluded_rows() -> set[int]:
    rows: set[int] = set(READ_FOR_CLAIMS_HELDBACK3)
    for folder in ANNOTATED_DIRS:
        for path in (NOTES / folder).glob("*.json"):
            rows.add(int(json.loads(path.read_text())["row"]))
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
    # A text already annotated or read under another row is not distinct either.
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
    sample = random.Random(SEED).sample(candidates, SIZE)
    print(f"pool {len(candidates)}")
    for order, row in enumerate(sample):
        print(order, row)


if __name__ == "__main__":
    main()

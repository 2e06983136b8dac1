"""Choose the FA-KES articles of the event annotations by the rule written in README.md.

Run from the repository root: ``.venv/bin/python notes/event-annotations/select.py``.
Prints the 24 rows in sample order (the first 12 are the tune half, the last 12 the held half).
"""

from __future__ import annotations

import csv
import json
import os
import random
from pathlib import Path

CSV_PATH = Path(os.environ.get("KHABAR_FAKES_CSV", "../shared/data/fakes-syria/FA-KES-Dataset.csv"))
NOTES = Path("notes")
SEED = 20261125
SIZE = 24
MIN_CHARS, MAX_CHARS = 600, 5000


def _excluded_rows() -> set[int]:
    rows: set[int] = set()
    for folder in ("claims-annotations", "claims-heldback"):
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


def pool() -> list[int]:
    with CSV_PATH.open(newline="", encoding="utf-8") as handle:
        records = list(csv.DictReader(handle))
    rows, uids = _excluded_rows(), _excluded_unit_ids()
    # A text already annotated under another row is not distinct either.
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
        print(order, "tune" if order < SIZE // 2 else "held", row)


if __name__ == "__main__":
    main()

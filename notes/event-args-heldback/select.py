"""Choose the FA-KES articles of the attacker/target held-back set by the rule in README.md.

Run from the repository root: ``.venv/bin/python notes/event-args-heldback/select.py``.
Prints the pool size and the rows in reading order (row numbers only, never article text).
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
SEED = 7171
MIN_CHARS, MAX_CHARS = 600, 4000
SHOWN = 30
# The two batches being annotated this session are named by their rows here and their folders
# are not opened (they must stay unseen by anyone who runs khabar).
HELD_BACK_ROWS = (
    18, 449, 601, 718, 353, 67, 676, 535, 274, 631, 200, 425, 774, 80, 765, 783, 446, 788, 73, 50,
    771, 401, 802, 721, 269, 772, 117, 348, 396, 587, 457, 509, 513, 388, 746,
)  # fmt: skip
UNOPENED_FOLDERS = frozenset({"events-heldback2", "claims-heldback5"})
OWN_FOLDER = "event-args-heldback"


def _annotated_rows() -> set[int]:
    """Every ``row`` field of a JSON file under notes/ (outside the unopened folders and this one)."""
    rows: set[int] = set()
    for path in NOTES.glob("**/*.json"):
        parts = set(path.relative_to(NOTES).parts)
        if parts & UNOPENED_FOLDERS or OWN_FOLDER in parts:
            continue
        record = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(record, dict) and isinstance(record.get("row"), int):
            rows.add(record["row"])
    return rows


def _clustering_rows() -> set[int]:
    rows: set[int] = set()
    for line in (NOTES / "clustering-reference" / "labels.txt").read_text().splitlines():
        if line.startswith("#"):
            continue
        for field in line.split("\t")[1:]:
            rows.update(int(token) for token in field.split() if token.isdigit())
    return rows


def load_texts(csv_path: Path) -> dict[int, str]:
    """Row -> article text, read exactly as ``khabar.evaluate.claims.load_texts`` reads the CSV
    (not imported: this file's name, select.py, hides the standard module that importing spaCy needs)."""
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    with csv_path.open(encoding="utf-8", errors="replace", newline="") as handle:
        return {index: row["article_content"] for index, row in enumerate(csv.DictReader(handle))}


def pool() -> list[int]:
    texts = load_texts(CSV_PATH)
    excluded = _annotated_rows() | _clustering_rows() | set(HELD_BACK_ROWS)
    # a text already read or held back under another row is not distinct either
    taken = {texts[row] for row in excluded if row in texts}
    chosen: list[int] = []
    for row, text in sorted(texts.items()):
        if row in excluded or text in taken or not MIN_CHARS <= len(text) <= MAX_CHARS:
            continue
        taken.add(text)
        chosen.append(row)
    return chosen


def main() -> None:
    candidates = pool()
    order = list(candidates)
    random.Random(SEED).shuffle(order)
    print(f"pool {len(candidates)}")
    for position, row in enumerate(order[:SHOWN]):
        print(position, row)


if __name__ == "__main__":
    main()

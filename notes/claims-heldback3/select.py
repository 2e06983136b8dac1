"""Choose the heldback3 claims batch: the pool and the order in which it is read.

Run from the repository root: ``.venv/bin/python notes/claims-heldback3/select.py``.
It prints row numbers and counts only, never article text.
"""

import csv
import json
import random
import re
from pathlib import Path

CSV = Path("../shared/data/fakes-syria/FA-KES-Dataset.csv")
NOTES = Path("notes")
ANNOTATED_DIRS = ("claims-annotations", "claims-heldback", "claims-heldback2", "event-annotations")
ROWS = range(0, 400)  # rows 400-804 are read by another engineer
MIN_CHARS, MAX_CHARS = 500, 6000
READ_ELSEWHERE = re.compile(
    r"more (people )?(had |have )?died|bringing the (death )?toll|raised the (death )?toll|no deaths|"
    r"no casualties|put the (death )?toll at|later died|a higher toll|rose to|risen to|climbed to|while the",
    re.I,
)
CANDIDATE = re.compile(
    r"rose to|risen to|climbed to|raised the|revised|initially|earlier toll|updated|higher toll|"
    r"other sources|while the|put the (death )?toll|put the number|another toll|differ|more had died|"
    r"later died|no deaths|increased to|jumped to|reached|up from|earlier (said|reported)|"
    r"previous(ly)? (toll|reported)|at least .* while",
    re.I,
)
SEED = 20261126


def grams(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + 5]) for i in range(len(words) - 4)}


def near_copy(a: set, b: set) -> bool:
    """More than half of the shorter text's word 5-grams are shared (one wire story, two outlets)."""
    shorter = min(len(a), len(b))
    return shorter > 0 and len(a & b) > shorter / 2


def load_texts() -> list[str]:
    csv.field_size_limit(2**31 - 1)
    with CSV.open(encoding="utf-8", errors="replace", newline="") as handle:
        return [row["article_content"] for row in csv.DictReader(handle)]


def annotated_rows() -> set[int]:
    return {json.loads(f.read_text())["row"] for d in ANNOTATED_DIRS for f in (NOTES / d).glob("*.json")}


def choose() -> tuple[list[int], list[int], list[int], set[int]]:
    texts = load_texts()
    annotated = annotated_rows()
    read_elsewhere = [i for i, t in enumerate(texts) if READ_ELSEWHERE.search(t)][:60]
    excluded = [grams(texts[i]) for i in sorted(annotated | set(read_elsewhere))]
    pool: list[int] = []
    pooled_grams: list[set] = []
    distinct: set[str] = set()
    for index in ROWS:
        text = texts[index]
        if not MIN_CHARS <= len(text) <= MAX_CHARS or text in distinct:
            continue
        distinct.add(text)
        if index in annotated or index in read_elsewhere:
            continue
        g = grams(text)
        # a near-copy of an annotated or read-elsewhere row, or of an article already pooled
        if any(near_copy(g, other) for other in excluded + pooled_grams):
            continue
        pool.append(index)
        pooled_grams.append(g)
    candidates = [i for i in pool if CANDIDATE.search(texts[i])]
    order = list(candidates)
    random.Random(SEED).shuffle(order)
    return pool, candidates, order, set(read_elsewhere)


if __name__ == "__main__":
    pool, candidates, order, read_elsewhere = choose()
    print("annotated", len(annotated_rows()), "read elsewhere", len(read_elsewhere), sorted(read_elsewhere))
    print("pool", len(pool))
    print("candidates", len(candidates))
    print("reading order", order)

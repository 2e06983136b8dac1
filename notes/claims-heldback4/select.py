"""Choose the heldback4 claims batch: the pool and the order in which it is read.

Run from the repository root: ``.venv/bin/python notes/claims-heldback4/select.py``.
It prints row numbers and counts only, never article text.
"""

import csv
import json
import random
import re
from pathlib import Path

CSV = Path("../shared/data/fakes-syria/FA-KES-Dataset.csv")
NOTES = Path("notes")
ANNOTATED_GLOBS = ("claims-annotations/*.json", "claims-heldback*/*.json", "event-annotations/*.json")
MIN_CHARS, MAX_CHARS = 400, 8000
# Rows already read by the coders of earlier batches (taken or rejected), copied from their READMEs:
# notes/claims-heldback3/README.md (its 67 candidates, all read) ...
READ_HELDBACK3 = (
    281, 325, 20, 59, 134, 249, 23, 211, 390, 259, 391, 43, 107, 289, 217, 67, 356, 311, 181, 122,
    292, 286, 293, 339, 384, 361, 33, 16, 48, 309, 18, 284, 303, 104, 306, 336, 380, 330, 308, 389,
    278, 97, 304, 178, 307, 186, 287, 302, 327, 44, 285, 101, 147, 198, 36, 376, 359, 363, 100, 296,
    124, 112, 340, 51, 26, 357, 370,
)
# ... and the dev5 section of notes/claims-annotations/README.md (7 taken, 33 read and rejected).
READ_DEV5 = (
    523, 683, 652, 557, 498, 589, 512,
    675, 702, 710, 773, 518, 692, 608, 486, 461, 684, 511, 685, 728, 472, 549, 771, 546, 600, 680,
    678, 459, 694, 783, 647, 552, 670, 719, 601, 669, 668, 526, 672, 462,
)
# heldback3's rule: the first 60 rows of the CSV whose text matches this were read by another engineer
READ_ELSEWHERE = re.compile(
    r"more (people )?(had |have )?died|bringing the (death )?toll|raised the (death )?toll|no deaths|"
    r"no casualties|put the (death )?toll at|later died|a higher toll|rose to|risen to|climbed to|while the",
    re.I,
)
# heldback3's CANDIDATE, widened with disagreement shapes (a second source set against the first)
# and toll shapes ("the toll", "at least 12", "and 30 others")
CANDIDATE = re.compile(
    r"rose to|risen to|climbed to|raised the|revised|initially|earlier toll|updated|higher toll|"
    r"other sources|while the|put the (death )?toll|put the number|another toll|differ|more had died|"
    r"later died|no deaths|increased to|jumped to|reached|up from|earlier (said|reported)|"
    r"previous(ly)? (toll|reported)|at least .* while|"
    r"\bwhile\b|\bwhereas\b|\bbut\b.{0,120}\bsaid\b|according to .{0,120}\bwhile\b|the toll|"
    r"\d+ others|at least \d+|denied|contradict",
    re.I,
)
SEED = 20261124


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
    return {json.loads(f.read_text())["row"] for pattern in ANNOTATED_GLOBS for f in NOTES.glob(pattern)}


def choose() -> tuple[list[int], list[int], list[int], set[int]]:
    texts = load_texts()
    read_elsewhere = {i for i, t in enumerate(texts) if READ_ELSEWHERE.search(t)}
    read_elsewhere = set(sorted(read_elsewhere)[:60])
    dropped = annotated_rows() | set(READ_HELDBACK3) | set(READ_DEV5) | read_elsewhere
    excluded = [grams(texts[i]) for i in sorted(dropped)]
    pool: list[int] = []
    pooled_grams: list[set] = []
    distinct: set[str] = set()
    for index, text in enumerate(texts):
        if not MIN_CHARS <= len(text) <= MAX_CHARS or text in distinct:
            continue
        distinct.add(text)
        if index in dropped:
            continue
        g = grams(text)
        # a near-copy of a dropped row, or of an article already pooled
        if any(near_copy(g, other) for other in excluded + pooled_grams):
            continue
        pool.append(index)
        pooled_grams.append(g)
    candidates = [i for i in pool if CANDIDATE.search(texts[i])]
    order = list(candidates)
    random.Random(SEED).shuffle(order)
    return pool, candidates, order, dropped


if __name__ == "__main__":
    pool, candidates, order, dropped = choose()
    print("annotated", len(annotated_rows()), "dropped before the near-copy rule", len(dropped))
    print("pool", len(pool))
    print("candidates", len(candidates))
    print("reading order", order)

"""Actor review on FA-KES: khabar's actor1/actor2 of 40 events against a coder's judgement sheet.

The events are chosen by a fixed written rule, before khabar's actors are looked at:
the FA-KES rows are read as ``khabar ingest --date-order mdy`` reads them, shuffled with
``random.Random(4)``, and each article in that order gives its main event (the one khabar
marks ``main``) until 40 events are taken; articles with no event are passed over.

    python notes/actor-review/review.py blind      # the events to judge (no actors shown)
    python notes/actor-review/review.py score      # khabar's actors against sheet.tsv
    python notes/actor-review/review.py score -v   # ... and every disagreement

A check sheet (``check.tsv``) holds the next 20 events of the same order (41-60), judged the
same way after the first round of changes and before any change made by looking at it:

    python notes/actor-review/review.py blind --check
    python notes/actor-review/review.py score --check

The CSV is read from ``../shared/data/fakes-syria/FA-KES-Dataset.csv`` (or ``KHABAR_FAKES_CSV``);
nothing of it is copied here: the sheet keeps the article id and a few words of the event.
"""

from __future__ import annotations

import csv
import os
import random
import re
import sys
from pathlib import Path

from khabar.extract import extract_articles
from khabar.ingest.csv_reader import CsvColumns, read_csv
from khabar.ingest.documents import ReadOptions
from khabar.ingest.source import Source
from khabar.model import Article, Event

HERE = Path(__file__).parent
SHEET = HERE / "sheet.tsv"
CHECK_SHEET = HERE / "check.tsv"
CHECK_EVENTS = 20
DEFAULT_CSV = "../shared/data/fakes-syria/FA-KES-Dataset.csv"
EVENTS = 40
SEED = 4
#: ACLED's regime period after a state's name ('Military Forces of Syria (2000-)'): khabar's
#: names leave it out (as the product's seed gold does), so a comparison ignores it
PERIOD = re.compile(r"\s*\(\d{4}-(\d{4})?\)")


def articles() -> list[Article]:
    path = Path(os.environ.get("KHABAR_FAKES_CSV", DEFAULT_CSV))
    read = read_csv(Source(name=str(path), path=path), ReadOptions(), CsvColumns(date_order="mdy"))
    return [item for item in read if isinstance(item, Article)]


def sampled_events(wanted: int = EVENTS) -> list[tuple[Article, Event]]:
    """The first ``wanted`` (article, main event) pairs of the written rule."""
    pool = articles()
    order = list(range(len(pool)))
    random.Random(SEED).shuffle(order)
    chosen: list[tuple[Article, Event]] = []
    batch_size = 12
    for start in range(0, len(order), batch_size):
        batch = [pool[index] for index in order[start : start + batch_size]]
        for ledger in extract_articles(batch):
            main = next((event for event in ledger.events if event.main), None)
            if main is not None and len(chosen) < wanted:
                chosen.append((ledger.article, main))
        if len(chosen) >= wanted:
            break
    return chosen


def chosen_events(check: bool) -> list[tuple[Article, Event]]:
    """The sheet's 40 events, or the check sheet's next 20."""
    if not check:
        return sampled_events()
    return sampled_events(EVENTS + CHECK_EVENTS)[EVENTS:]


def blind(check: bool) -> None:
    """Each event's sentence and the article, without khabar's actors, for judging."""
    for number, (article, event) in enumerate(chosen_events(check), 1):
        sentence = event.evidence[0].text if event.evidence else ""
        print(f"=== {number} id={article.id} outlet={article.outlet} date={article.published}")
        print(f"    type: {event.sub_event_type}; place: {[loc.name for loc in event.locations]}")
        print(f"    SENTENCE: {sentence}")
        print(f"    TEXT: {article.text[:1500]}")
        print()


def read_sheet(path: Path) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return {row["id"]: row for row in rows}


def same_name(expected: str, found: str | None) -> bool:
    return PERIOD.sub("", expected).strip() == (found or "-")


def same_inter(expected: str, found: int | None) -> bool:
    return expected == (str(found) if found is not None else "-")


def score(verbose: bool, check: bool) -> None:
    sheet = read_sheet(CHECK_SHEET if check else SHEET)
    tally = {key: 0 for key in ("actor1", "inter1", "actor2", "inter2")}
    judged = 0
    for article, event in chosen_events(check):
        row = sheet.get(str(article.id))
        if row is None:
            print(f"not judged: {article.id}")
            continue
        if row["actor1"] == "n/a":
            continue  # no one happening in the event's sentence: nothing to code
        judged += 1
        found = {
            "actor1": event.actor1.name,
            "inter1": event.actor1.inter,
            "actor2": event.actor2.name,
            "inter2": event.actor2.inter,
        }
        checks = {
            "actor1": same_name(row["actor1"], found["actor1"]),
            "inter1": same_inter(row["inter1"], found["inter1"]),
            "actor2": same_name(row["actor2"], found["actor2"]),
            "inter2": same_inter(row["inter2"], found["inter2"]),
        }
        for key, ok in checks.items():
            tally[key] += ok
        if verbose and not all(checks.values()):
            print(f"{article.id} [{row['event']}]")
            for key in ("actor1", "inter1", "actor2", "inter2"):
                mark = " " if checks[key] else "X"
                print(f"   {mark} {key}: expected {row[key]!r}, khabar {found[key]!r}")
            if row.get("note"):
                print(f"     note: {row['note']}")
    print(f"judged events: {judged}")
    for key, hits in tally.items():
        print(f"{key} agreement: {hits}/{judged} = {hits / max(judged, 1):.3f}")


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "score"
    if command == "blind":
        blind("--check" in sys.argv)
    else:
        score("-v" in sys.argv, "--check" in sys.argv)

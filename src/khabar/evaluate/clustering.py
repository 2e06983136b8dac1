"""``khabar eval clustering``: do reports of the same event end up in the same ledger event?

The data is the FA-KES corpus (``../shared/data/fakes-syria/FA-KES-Dataset.csv``: 804 Syrian-war
articles from 15 outlets). The reference says which articles report the same event; it was built
for khabar by reviewing the CSV's date + location groups title by title, and lives in
``notes/clustering-reference/labels.txt`` (procedure and limits in the README beside it).

Each article is extracted (or read from the ledger cache), all its events are reconciled
together with every other article's, and the article is placed in the ledger event of its
**main event**: the one the extractor flags ``"main": true`` (for ledgers cached before the flag,
the one whose evidence starts first). Scores are pairwise over
articles: a pair is positive when both articles are in one reference event; precision and
recall are over such pairs. Two variants: ``all`` counts the reference's probable members,
``sure`` leaves them out as singletons.

The reference is also split in two halves by a hash of each reference event's label (a
singleton's: its article id): ``tune`` is the half reconciliation settings may be chosen on,
``held`` the half to measure them on only. Every article is still reconciled with all others;
a half's scores count the pairs of two articles of that half (a wrong merge across halves
counts in neither). Settings chosen on the whole reference score optimistically on it.

Extraction takes minutes on 804 articles, so ledgers are cached as JSONL (one
``ArticleLedger.to_dict()`` per CSV row, article id ``fakes-r<row>``), by default in
``out/clustering-ledgers.jsonl``; ``KHABAR_CLUSTERING_LEDGERS`` or ``--ledgers`` name another.
The default cache is stamped with a fingerprint of khabar's code and data (a ``.fingerprint``
file beside it): once the extractor changes, it is extracted afresh, so the figures are always
those of the code that prints them. A cache named by the user is read as it is.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import time
import zlib
from collections import Counter
from collections.abc import Iterable
from math import comb
from pathlib import Path

from ..bench.corpus import parse_us_date
from ..errors import KhabarError
from ..model import Article, ArticleLedger, Event
from ..reconcile import reconcile, refs_of_ledger
from . import EvalReport, Progress

REPO = Path(__file__).resolve().parents[3]
REFERENCE = Path("notes") / "clustering-reference" / "labels.txt"
DEFAULT_CACHE = Path("out") / "clustering-ledgers.jsonl"
CACHE_ENV = "KHABAR_CLUSTERING_LEDGERS"


def evaluate(
    path: Path,
    *,
    limit: int | None = None,
    progress: Progress | None = None,
    ledgers: Path | None = None,
    reference: Path | None = None,
) -> EvalReport:
    articles = load_articles(path)
    if limit is not None:
        articles = articles[:limit]
    named = ledgers or os.environ.get(CACHE_ENV)
    cache = Path(named or DEFAULT_CACHE)
    if not named:
        discard_stale(cache)
    extracted = load_or_extract(articles, cache, progress=progress)
    if not named:
        fingerprint_path(cache).write_text(code_fingerprint(), encoding="utf-8")
    sure, probable = load_reference(reference or default_reference())
    started = time.perf_counter()
    predicted = predicted_clusters(extracted)
    seconds = time.perf_counter() - started
    ids = [article.id for article in articles]
    everything = {**probable, **sure}
    scores_all = pairwise_scores(predicted, everything, ids)
    scores_sure = pairwise_scores(predicted, sure, ids)
    metrics = {f"pairwise_{name}_all": value for name, value in scores_all.items()}
    metrics |= {f"pairwise_{name}_sure": value for name, value in scores_sure.items()}
    halves = split_halves(ids, everything)
    for half, members in halves.items():
        scores_half = pairwise_scores(predicted, everything, members)
        metrics |= {f"pairwise_{name}_all_{half}": value for name, value in scores_half.items()}
    sizes = Counter(Counter(predicted.values()).values())
    return EvalReport(
        name="clustering",
        dataset=str(path),
        n_items=len(articles),
        metrics=metrics,
        details={
            "reference_pairs_all": _pairs(everything, ids),
            "reference_pairs_sure": _pairs(sure, ids),
            **{f"reference_pairs_all_{half}": _pairs(everything, group) for half, group in halves.items()},
            "predicted_pairs": _pairs(predicted, ids),
            "ledger_events_of_main_events": len(set(predicted.values())),
            "articles_per_ledger_event": dict(sorted(sizes.items())),
            "reconcile_seconds": round(seconds, 3),
            "ledger_cache": str(cache),
        },
        notes=[
            "reference: reviewed groups of FA-KES date+location columns (notes/clustering-reference)",
            "an article counts in the ledger event of its main event (the extractor's 'main' flag)",
        ],
    )


def load_articles(path: Path) -> list[Article]:
    """Every row of the FA-KES CSV as an Article with a row-based id (the CSV's unit_id repeats)."""
    csv.field_size_limit(sys.maxsize)
    if not path.is_file():
        raise KhabarError("E041", path=path)
    with path.open(newline="", encoding="utf-8") as handle:
        return [
            Article(
                text=row.get("article_content") or " ",
                id=f"fakes-r{number}",
                published=parse_us_date(row.get("date", "")),
                outlet=row.get("source") or None,
                title=row.get("article_title") or None,
            )
            for number, row in enumerate(csv.DictReader(handle))
        ]


def default_reference() -> Path:
    for base in (Path.cwd(), REPO):
        if (base / REFERENCE).is_file():
            return base / REFERENCE
    return REPO / REFERENCE


def load_reference(path: Path) -> tuple[dict[str, str], dict[str, str]]:
    """(sure, probable): article id -> reference event label. Unlisted articles are singletons."""
    sure: dict[str, str] = {}
    probable: dict[str, str] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise KhabarError("E151", path=path, detail=str(exc)) from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 2 or not all(part.isdigit() for field in fields[1:] for part in field.split()):
            raise KhabarError("E151", path=path, detail=f"line {number} is not LABEL<TAB>ROWS[<TAB>ROWS]")
        for target, field in zip((sure, probable), fields[1:3], strict=False):
            for row in field.split():
                target[f"fakes-r{row}"] = fields[0]
    return sure, probable


def fingerprint_path(cache: Path) -> Path:
    return cache.with_suffix(".fingerprint")


def discard_stale(cache: Path) -> None:
    """Remove a ledger cache extracted by other code than this (or of unknown origin)."""
    stamp = fingerprint_path(cache)
    if cache.is_file() and (not stamp.is_file() or stamp.read_text(encoding="utf-8") != code_fingerprint()):
        cache.unlink()
        stamp.unlink(missing_ok=True)


def code_fingerprint() -> str:
    """What a cached extraction depends on: the extractor version ``khabar ingest`` stores too."""
    from ..extractor_version import extractor_version

    return extractor_version()


def load_or_extract(
    articles: list[Article], cache: Path, *, progress: Progress | None = None
) -> list[ArticleLedger]:
    """The ledgers of ``articles``: from the cache when it holds them all, else extracted and cached."""
    cached = read_cache(cache)
    missing = [article for article in articles if article.id not in cached]
    if missing:
        cached.update(extract_to_cache(missing, cache, progress=progress))
    return [cached[article.id] for article in articles]


def read_cache(cache: Path) -> dict[str, ArticleLedger]:
    if not cache.is_file():
        return {}
    ledgers: dict[str, ArticleLedger] = {}
    with cache.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            try:
                ledger = ArticleLedger.from_dict(json.loads(line))
            except (ValueError, KeyError, TypeError) as exc:
                raise KhabarError("E152", path=cache, line=number, detail=str(exc)) from exc
            ledgers[ledger.article.id] = ledger
    return ledgers


def extract_to_cache(
    articles: list[Article], cache: Path, *, progress: Progress | None = None
) -> dict[str, ArticleLedger]:
    from ..extract import extract_articles  # the spaCy pipeline loads only when needed

    cache.parent.mkdir(parents=True, exist_ok=True)
    ledgers: dict[str, ArticleLedger] = {}
    with cache.open("a", encoding="utf-8") as handle:
        for done, ledger in enumerate(extract_articles(articles), start=1):
            handle.write(json.dumps(ledger.to_dict(), ensure_ascii=False) + "\n")
            ledgers[ledger.article.id] = ledger
            if progress:
                progress(done, len(articles))
    return ledgers


def main_event(events: list[Event]) -> Event | None:
    """The article's main event: the one the extractor flags ``main``; ledgers extracted before
    the flag existed fall back to the one whose evidence starts first (the lead), ties by order."""
    if not events:
        return None
    flagged = next((event for event in events if event.main), None)
    if flagged is not None:
        return flagged
    return min(events, key=lambda event: min((span.start for span in event.evidence), default=sys.maxsize))


def predicted_clusters(ledgers: Iterable[ArticleLedger]) -> dict[str, str]:
    """Article id -> the ledger event of its main event (articles without events are their own)."""
    ledgers = list(ledgers)
    ledger_events = reconcile(ref for ledger in ledgers for ref in refs_of_ledger(ledger))
    by_member = {member: event.id for event in ledger_events for member in event.members}
    clusters: dict[str, str] = {}
    for ledger in ledgers:
        event = main_event(ledger.events)
        key = f"{ledger.article.id}#{event.id}" if event else None
        clusters[ledger.article.id] = by_member.get(key or "", f"alone:{ledger.article.id}")
    return clusters


#: the two halves of the reference: settings are chosen on ``tune`` and measured on ``held``
HALVES = ("tune", "held")


def split_halves(ids: list[str], reference: dict[str, str]) -> dict[str, list[str]]:
    """The articles of each half; a reference event's articles stay together (by its label)."""
    halves: dict[str, list[str]] = {half: [] for half in HALVES}
    for article in ids:
        label = reference.get(article, f"alone:{article}")
        halves[HALVES[zlib.crc32(label.encode("utf-8")) % 2]].append(article)
    return halves


def _pairs(labels: dict[str, str], ids: list[str]) -> int:
    counts = Counter(labels.get(article, f"alone:{article}") for article in ids)
    return sum(comb(size, 2) for size in counts.values())


def pairwise_scores(predicted: dict[str, str], reference: dict[str, str], ids: list[str]) -> dict[str, float]:
    """Pairwise precision, recall and F1 of article pairs put together."""
    both = Counter(
        (predicted.get(article, f"alone:{article}"), reference.get(article, f"alone:{article}"))
        for article in ids
    )
    true_pairs = sum(comb(size, 2) for size in both.values())
    predicted_pairs = _pairs(predicted, ids)
    reference_pairs = _pairs(reference, ids)
    precision = true_pairs / predicted_pairs if predicted_pairs else 0.0
    recall = true_pairs / reference_pairs if reference_pairs else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def main(argv: list[str] | None = None) -> int:
    """``python -m khabar.evaluate.clustering [PATH] [--ledgers CACHE] [--reference LABELS]``."""
    parser = argparse.ArgumentParser(prog="python -m khabar.evaluate.clustering", description=__doc__)
    parser.add_argument(
        "path", nargs="?", type=Path, default=Path("../shared/data/fakes-syria/FA-KES-Dataset.csv")
    )
    parser.add_argument("--ledgers", type=Path, default=None, help="ledger cache (JSONL); made if missing")
    parser.add_argument("--reference", type=Path, default=None, help="reference labels file")
    parser.add_argument("--limit", type=int, default=None)
    options = parser.parse_args(argv)
    report = evaluate(options.path, limit=options.limit, ledgers=options.ledgers, reference=options.reference)
    revision = subprocess.run(
        ["git", "log", "--oneline", "-3"], capture_output=True, text=True, cwd=REPO, check=False
    ).stdout
    sys.stdout.write(json.dumps({**report.to_dict(), "git": revision.splitlines()}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Scale benchmark of cross-article reconciliation (``khabar.reconcile``).

``run(n_events)`` builds a synthetic corpus of ``n_events`` article-level events and reconciles
it, returning the time and memory it took. The corpus replicates real extracted events (the
FA-KES ledger cache of ``khabar eval clustering``, else the sample report extracted once):

* happenings are drawn at a constant density: the corpus covers ``n_events / EVENTS_PER_DAY``
  days, the way a growing archive grows (more days), not more reports of each day;
* each happening copies a real event (its type, actors, figures, evidence objects are shared,
  as a real corpus of that size would hold its own), moved to a random day and to a random
  place within ``PLACE_SPREAD_DEGREES`` of where the real one was;
* it is reported by 1 to 6 articles (mean about 2.5) from different outlets, each dated the
  same day or the day after, placed within a few km, as outlets do.

``python -m khabar.bench.reconcile_bench --events 100000`` measures one size;
``--series 10000,30000,100000`` measures each in a fresh process (so peak RSS is per size) and
fits the growth exponent of time in n (log-log least squares).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import math
import random
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from ..model import ArticleLedger, Event, EventDate
from ..reconcile import ArticleEventRef, reconcile, refs_of_ledger

EVENTS_PER_DAY = 100  # article-level events per day: a busy conflict in many outlets
PLACE_SPREAD_DEGREES = 2.0
JITTER_KM = 5.0
MAX_REPORTS = 6
OUTLETS = tuple(f"outlet-{number}" for number in range(40))
DEFAULT_CACHE = Path("out") / "clustering-ledgers.jsonl"
START = dt.date(2011, 1, 1)


def load_templates(cache: Path = DEFAULT_CACHE) -> list[Event]:
    """Real article-level events: from the ledger cache, else from the sample report."""
    if cache.is_file():
        with cache.open(encoding="utf-8") as handle:
            ledgers = [ArticleLedger.from_dict(json.loads(line)) for line in handle]
    else:
        from importlib import resources

        from ..extract import extract

        text = (resources.files("khabar") / "samples" / "sample-report.txt").read_text(encoding="utf-8")
        ledgers = [extract(text, published="2020-02-28", outlet="sample")]
    events = [ref.event for ledger in ledgers for ref in refs_of_ledger(ledger)]
    return [event for event in events if event.date.value is not None]


def synthetic_corpus(n_events: int, templates: list[Event], *, seed: int = 13) -> list[ArticleEventRef]:
    rng = random.Random(seed)
    days = max(1, n_events // EVENTS_PER_DAY)
    refs: list[ArticleEventRef] = []
    happening = 0
    while len(refs) < n_events:
        template = rng.choice(templates)
        day = START + dt.timedelta(days=rng.randrange(days))
        shift = (rng.uniform(-1, 1) * PLACE_SPREAD_DEGREES, rng.uniform(-1, 1) * PLACE_SPREAD_DEGREES)
        # the smaller of two dice: most happenings get one to three reports, a few get six
        reports = min(rng.randint(1, MAX_REPORTS), rng.randint(1, MAX_REPORTS), n_events - len(refs))
        for outlet in rng.sample(OUTLETS, reports):
            published = day + dt.timedelta(days=rng.randint(0, 1))
            event = _moved(template, published, shift, rng)
            refs.append(
                ArticleEventRef(
                    article_id=f"h{happening}-{outlet}", outlet=outlet, published=published, event=event
                )
            )
        happening += 1
    return refs


def _moved(template: Event, day: dt.date, shift: tuple[float, float], rng: random.Random) -> Event:
    jitter = JITTER_KM / 111.0
    locations = [
        dataclasses.replace(
            location,
            lat=location.lat + shift[0] + rng.uniform(-jitter, jitter),
            lon=location.lon + shift[1] + rng.uniform(-jitter, jitter),
        )
        if location.lat is not None and location.lon is not None
        else location
        for location in template.locations
    ]
    date = EventDate(value=day, precision=template.date.precision, evidence=template.date.evidence)
    return dataclasses.replace(template, date=date, locations=locations)


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def run(n_events: int, *, cache: Path = DEFAULT_CACHE) -> dict[str, Any]:
    """Reconcile a synthetic corpus of ``n_events``; time and peak RSS (of this process)."""
    templates = load_templates(cache)
    baseline_rss = _rss_mb()
    started = time.perf_counter()
    refs = synthetic_corpus(n_events, templates)
    built = time.perf_counter() - started
    corpus_rss = _rss_mb()
    started, cpu_started = time.perf_counter(), time.process_time()
    ledger_events = reconcile(refs)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    return {
        "events": n_events,
        "templates": len(templates),
        "ledger_events": len(ledger_events),
        "corpus_seconds": round(built, 2),
        "reconcile_seconds": round(seconds, 2),
        # CPU time of this process: wall time on shared cores includes waiting for other work
        "reconcile_cpu_seconds": round(cpu_seconds, 2),
        "events_per_second": round(n_events / seconds) if seconds else None,
        "rss_before_corpus_mb": round(baseline_rss, 1),
        "rss_after_corpus_mb": round(corpus_rss, 1),
        "peak_rss_mb": round(_rss_mb(), 1),
    }


def growth_exponent(sizes: list[int], values: list[float]) -> float:
    """The slope of log(value) on log(size): 1 is linear, about 1.1 is n log n at these sizes."""
    xs = [math.log(size) for size in sizes]
    ys = [math.log(value) for value in values]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    numerator = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    denominator = sum((x - mean_x) ** 2 for x in xs)
    return numerator / denominator


def series(sizes: list[int]) -> dict[str, Any]:
    """Each size in a fresh process, then the growth exponent and a linear extrapolation to 1M."""
    results = []
    for size in sizes:
        output = subprocess.run(
            [sys.executable, "-m", "khabar.bench.reconcile_bench", "--events", str(size)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        results.append(json.loads(output))
    exponent = growth_exponent(sizes, [item["reconcile_cpu_seconds"] for item in results])
    # memory that grows with the corpus: the peak over what loading the templates took
    grown = [item["peak_rss_mb"] - item["rss_before_corpus_mb"] for item in results]
    memory_exponent = growth_exponent(sizes, grown)
    largest = results[-1]
    scale = 1_000_000 / largest["events"]
    return {
        "runs": results,
        "cpu_time_exponent": round(exponent, 3),
        "grown_rss_exponent": round(memory_exponent, 3),
        "extrapolated_1m_cpu_seconds": round(largest["reconcile_cpu_seconds"] * scale**exponent, 1),
        "extrapolated_1m_peak_rss_mb": round(
            largest["rss_before_corpus_mb"] + grown[-1] * scale ** max(1.0, memory_exponent), 1
        ),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m khabar.bench.reconcile_bench", description=__doc__)
    parser.add_argument("--events", type=int, default=100_000, help="corpus size for one measurement")
    parser.add_argument("--series", default=None, help="comma-separated sizes, each in a fresh process")
    options = parser.parse_args(argv)
    if options.series:
        result = series([int(size) for size in options.series.split(",")])
    else:
        result = run(options.events)
    sys.stdout.write(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

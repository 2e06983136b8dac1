"""Latency benchmark of the ``khabar serve`` JSON API on a large SQLite store.

``run(events=100_000)`` builds (or reuses) a store of ``events`` article-level events, made by
replicating a few hand-coded ledgers with shifted ids, dates and places (no extraction: the
store and the web layer are under test, not the extractor), then times each API call of
``QUERIES`` ``repeat`` times in-process (the ASGI app through its test client: request
parsing, SQL, JSON) and reports p50/p95/max in milliseconds. The target is p95 < 100 ms for
the list and filter calls. ``python -m khabar.bench.web_bench --events 100000``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

from ..model import Actor, Article, ArticleLedger, Claim, Count, Event, EventDate, Location, Span

#: events per synthetic article
EVENTS_PER_ARTICLE = 5
#: the calls timed: (name, path with query); list and filter calls carry the 100 ms target
QUERIES: tuple[tuple[str, str], ...] = (
    ("list first page", "/api/events?limit=50"),
    ("list deep page", "/api/events?limit=50&offset=50000"),
    ("filter country", "/api/events?country=SYR"),
    ("filter admin1", "/api/events?admin1=Idlib"),
    ("filter event type", "/api/events?event_type=Battles"),
    ("filter sub-type", "/api/events?sub_event_type=Air%2Fdrone%20strike"),
    ("filter date range", "/api/events?since=2021-03-01&until=2021-03-31"),
    ("filter actor", "/api/events?actor=russia"),
    ("filter outlet", "/api/events?outlet=Outlet%203"),
    ("filter disputed", "/api/events?disputed=true"),
    ("filter combined", "/api/events?country=SYR&event_type=Battles&since=2021-01-01&until=2021-06-30"),
    ("event detail", "/api/events/syn-000007:e3"),
    ("map capped 2000", "/api/map"),
    ("map filtered", "/api/map?country=UKR&since=2021-01-01&until=2021-12-31"),
    ("map bbox", "/api/map?bbox=35,33,38,37"),
    ("timeline", "/api/timeline?country=SYR"),
    ("search", "/api/search?q=shelling"),
)
LIST_TARGET_MS = 100.0

#: (name, ISO3, admin1, lat, lon)
PLACES = (
    ("Saraqib", "SYR", "Idlib", 35.86, 36.80), ("Maarat al-Numan", "SYR", "Idlib", 35.64, 36.67),
    ("Aleppo", "SYR", "Aleppo", 36.20, 37.16), ("Afrin", "SYR", "Aleppo", 36.51, 36.87),
    ("Hama", "SYR", "Hama", 35.13, 36.75), ("Douma", "SYR", "Rif Dimashq", 33.57, 36.40),
    ("Bakhmut", "UKR", "Donetsk", 48.59, 38.00), ("Kharkiv", "UKR", "Kharkiv", 49.99, 36.23),
    ("Kherson", "UKR", "Kherson", 46.64, 32.61), ("Mariupol", "UKR", "Donetsk", 47.10, 37.55),
    ("Mosul", "IRQ", "Nineveh", 36.34, 43.13), ("Kirkuk", "IRQ", "Kirkuk", 35.47, 44.39),
    ("Sanaa", "YEM", "Amanat al Asimah", 15.37, 44.19), ("Marib", "YEM", "Marib", 15.46, 45.33),
    ("Khartoum", "SDN", "Khartoum", 15.50, 32.56), ("El Fasher", "SDN", "North Darfur", 13.63, 25.35),
    ("Gao", "MLI", "Gao", 16.27, -0.04), ("Kabul", "AFG", "Kabul", 34.53, 69.17),
)  # fmt: skip
#: (sub-event type, actor1, actor2)
KINDS = (
    ("Air/drone strike", "Military Forces of Russia", "Civilians"),
    ("Shelling/artillery/missile attack", "Military Forces of Syria", "Rebel groups"),
    ("Armed clash", "Rebel groups", "Military Forces of Syria"),
    ("Attack", "Unidentified Armed Group", "Civilians"),
    ("Peaceful protest", "Protesters", None),
    ("Remote explosive/landmine/IED", "Unidentified Armed Group", "Military Forces of Iraq"),
)
TEXT = (
    "Shelling hit the town early on Monday, killing four people, a rescue official said. "
    "Rebels said nine were killed. The ministry denied any shelling took place there."
)


def synthetic_ledger(n: int, rng: random.Random, *, first_day: dt.date) -> ArticleLedger:
    """Article ``n`` of the synthetic store: EVENTS_PER_ARTICLE events at shifted places and dates."""
    article_id = f"syn-{n:06d}"
    published = first_day + dt.timedelta(days=rng.randrange(6 * 365))
    text = f"{TEXT} (report {n})"
    official = Span.of(text, text.index("killing four"), text.index("killing four") + 12)
    rebels = Span.of(text, text.index("Rebels said"), text.index("Rebels said") + 28)
    events = []
    for k in range(EVENTS_PER_ARTICLE):
        name, country, admin1, lat, lon = rng.choice(PLACES)
        sub_event_type, actor1, actor2 = rng.choice(KINDS)
        killed = rng.choice([None, 0, 1, 2, 4, 9, 33])
        events.append(
            Event(
                id=f"e{k + 1}",
                sub_event_type=sub_event_type,
                date=EventDate(published - dt.timedelta(days=rng.randrange(3)), "day"),
                locations=[Location(name=name, country=country, admin1=admin1, precision="town",
                                    lat=round(lat + rng.uniform(-0.2, 0.2), 4),
                                    lon=round(lon + rng.uniform(-0.2, 0.2), 4))],
                actor1=Actor(name=actor1, disputed=rng.random() < 0.1),
                actor2=Actor(name=actor2),
                fatalities=Count(low=killed, best=killed, high=killed, claims=["c1"] if killed else []),
                status=rng.choice(["asserted", "asserted", "unverified"]),
                evidence=[Span.of(text, 0, 8)],
            )
        )  # fmt: skip
    claims = [
        Claim(id="c1", speaker="a rescue official", kind="killed", status="asserted", value=4,
              evidence=[official], about="e1"),
        Claim(id="c2", speaker="Rebels", kind="killed", status="unverified", value=9, evidence=[rebels],
              about="e1"),
    ]  # fmt: skip
    article = Article(text=text, id=article_id, published=published, outlet=f"Outlet {n % 12}",
                      title=f"Report {n}")  # fmt: skip
    return ArticleLedger(article=article, events=events, claims=claims)


def build_store(path: Path, events: int, *, seed: int = 7) -> float:
    """Write ``events`` synthetic events into a new SQLite store at ``path``; the seconds it took."""
    from ..store import open_store

    rng = random.Random(seed)
    started = time.perf_counter()
    with open_store(path) as store:
        for n in range(-(-events // EVENTS_PER_ARTICLE)):
            store.put(synthetic_ledger(n, rng, first_day=dt.date(2019, 1, 1)))
    return time.perf_counter() - started


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def time_queries(db: Path, *, repeat: int) -> list[dict[str, Any]]:
    """p50/p95/max ms of each call in QUERIES (after one warm-up call each)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

    from ..web import WebConfig, create_app

    results = []
    with TestClient(create_app(WebConfig(db=str(db), token="bench"))) as client:
        for name, path in QUERIES:
            response = client.get(path)
            if response.status_code != 200:
                raise RuntimeError(f"{path} answered {response.status_code}: {response.text[:200]}")
            timings = []
            for _ in range(repeat):
                started = time.perf_counter()
                response = client.get(path)
                timings.append((time.perf_counter() - started) * 1000)
            body = response.json()
            results.append({
                "name": name, "path": path, "p50_ms": round(statistics.median(timings), 1),
                "p95_ms": round(percentile(timings, 0.95), 1), "max_ms": round(max(timings), 1),
                "total": body.get("total"), "bytes": len(response.content),
                "target_ms": LIST_TARGET_MS if path.startswith("/api/events?") else None,
            })  # fmt: skip
    return results


def run(events: int = 100_000, *, db: Path | None = None, repeat: int = 30) -> dict[str, Any]:
    """Build (unless ``db`` exists) a store of ``events`` events and time the API on it."""
    with tempfile.TemporaryDirectory(prefix="khabar-web-bench-") as scratch:
        path = db or Path(scratch) / "bench.db"
        build_seconds = None if path.exists() else round(build_store(path, events), 1)
        results = time_queries(path, repeat=repeat)
    over = [r["name"] for r in results if r["target_ms"] is not None and r["p95_ms"] >= r["target_ms"]]
    return {"events": events, "build_seconds": build_seconds, "repeat": repeat, "queries": results,
            "list_calls_over_target": over}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m khabar.bench.web_bench", description=__doc__)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=None, help="reuse (or create and keep) this store")
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--out", type=Path, default=None, help="also write the results as JSON here")
    args = parser.parse_args(argv)
    report = run(args.events, db=args.db, repeat=args.repeat)
    if args.db is not None and report["build_seconds"] is None:
        print(f"reused {args.db}", file=sys.stderr)
    print(f"{report['events']:,} events (store built in {report['build_seconds']} s)")
    print(f"{'call':<20} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'total':>8}")
    for row in report["queries"]:
        flag = " over target" if row["name"] in report["list_calls_over_target"] else ""
        total = "" if row["total"] is None else row["total"]
        print(
            f"{row['name']:<20} {row['p50_ms']:>8} {row['p95_ms']:>8} {row['max_ms']:>8} {total!s:>8}{flag}"
        )
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(report, indent=1))
    return 1 if report["list_calls_over_target"] else 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The ingest benchmark's summary: medians per worker count, the speed-up and the CPU ratio."""

from __future__ import annotations

from typing import Any

from khabar.bench.ingest_bench import summarise, table


def run(workers: int, seconds: float, cpu_s: float, outcomes: dict[str, int] | None = None) -> dict[str, Any]:
    articles = 100
    return {
        "workers": workers,
        "load_s": 5.0,
        "seconds": seconds,
        "cpu_s": cpu_s,
        "articles_per_s": articles / seconds,
        "articles_per_cpu_s": articles / cpu_s,
        "peak_rss_mb": 400.0,
        "outcomes": outcomes or {"stored": 100},
    }


def test_summary_gives_the_speedup_of_two_workers_and_their_cpu_cost() -> None:
    runs = [run(1, 100.0, 95.0), run(2, 50.0, 100.0), run(1, 120.0, 96.0), run(2, 60.0, 100.0)]
    summary = summarise(runs)
    assert summary["median"][1]["seconds"] == 110.0
    assert summary["speedup_2_workers"] == round((100 / 55) / (100 / 110), 3)  # 2.0
    assert summary["cpu_per_article_2_vs_1"] == round(100.0 / 95.5, 3)
    assert summary["outcomes_identical"] is True
    assert "| 2 |" in table(summary)


def test_summary_flags_outcomes_that_depend_on_the_workers() -> None:
    runs = [run(1, 100.0, 95.0), run(2, 50.0, 100.0, outcomes={"stored": 99, "failed": 1})]
    assert summarise(runs)["outcomes_identical"] is False

"""One measurement in this (fresh) process; ``python -m khabar.bench.measure SPEC_JSON``.

Prints one JSON object on stdout: load time, timed-pass seconds, counts and peak memory.
The orchestrator (``python -m khabar.bench``) starts one such process per measurement.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model import Article
from ..parallel import DEFAULT_CHUNK_SIZE, START_METHOD, ExtractionResult
from . import memory
from .corpus import count_words, load_articles

#: articles extracted before timing, so first-call costs (caches, lazy data) are not counted
WARMUP_ARTICLES = 16


@dataclass(frozen=True, slots=True)
class Spec:
    """What to measure; the orchestrator sends it as JSON."""

    mode: str  # spacy | khabar | parallel | profile | start
    data: str
    limit: int | None = None
    batch_size: int = 16
    workers: int = 2
    chunk_size: int = DEFAULT_CHUNK_SIZE
    start_method: str = START_METHOD

    @classmethod
    def from_json(cls, text: str) -> Spec:
        return cls(**json.loads(text))


def run(spec: Spec) -> dict[str, Any]:
    articles = load_articles(Path(spec.data), limit=spec.limit)
    measure = MODES[spec.mode]
    result = measure(spec, articles)
    return {
        "mode": spec.mode,
        "articles": len(articles),
        "words": count_words([article.text for article in articles]),
        **result,
        "peak_rss_mb": round(memory.own_peak_mb(), 1),
    }


def measure_spacy(spec: Spec, articles: list[Article]) -> dict[str, Any]:
    from ..pipeline import load_base_model

    nlp, load_s = timed(load_base_model)
    texts = [article.text for article in articles]
    consume(nlp.pipe(texts[:WARMUP_ARTICLES], batch_size=spec.batch_size))
    seconds, cpu_s = timed_pass(lambda: consume(nlp.pipe(texts, batch_size=spec.batch_size)))
    return {
        "load_s": round(load_s, 3),
        "seconds": round(seconds, 3),
        "cpu_s": round(cpu_s, 3),
        "components": factories_of(nlp),
    }


def factories_of(nlp: Any) -> dict[str, str]:
    """Component name -> the factory that built it: the extractor runs the model's attribute ruler
    and lemmatizer through khabar's indexed versions (same outputs), the baseline the stock ones."""
    return {name: nlp.get_pipe_meta(name).factory for name in nlp.pipe_names}


def measure_khabar(spec: Spec, articles: list[Article]) -> dict[str, Any]:
    """The extractor in this process. ``extract_isolated`` is ``extract_articles`` batch by
    batch, so a stage that raises on one article costs that article, not the measurement."""
    from ..parallel import extract_isolated
    from ..pipeline import load_pipeline

    nlp, load_s = timed(load_pipeline)
    consume(extract_isolated(articles[:WARMUP_ARTICLES], batch_size=spec.batch_size))
    counts = {"events": 0, "places": 0, "errors": 0}

    def extract_all() -> None:
        for result in extract_isolated(articles, batch_size=spec.batch_size):
            add_result(counts, result)

    seconds, cpu_s = timed_pass(extract_all)
    return {
        "load_s": round(load_s, 3),
        "seconds": round(seconds, 3),
        "cpu_s": round(cpu_s, 3),
        "components": factories_of(nlp),
        **counts,
    }


def add_result(counts: dict[str, Any], result: ExtractionResult) -> None:
    counts["errors"] += 0 if result.ok else 1
    if result.ledger is not None:
        counts["events"] += len(result.ledger.events)
        counts["places"] += len(result.ledger.places)


def measure_parallel(spec: Spec, articles: list[Article]) -> dict[str, Any]:
    from ..parallel import ParallelExtractor

    extractor = ParallelExtractor(
        workers=spec.workers,
        batch_size=spec.batch_size,
        chunk_size=spec.chunk_size,
        start_method=spec.start_method,
    )
    _, load_s = timed(extractor.start)
    try:
        consume(extractor.extract(articles[: WARMUP_ARTICLES * spec.workers]))
        counts: dict[str, Any] = {"events": 0, "places": 0, "errors": 0}
        workers_cpu_before = memory.descendant_cpu_seconds()

        def extract_all() -> None:
            for index, result in enumerate(extractor.extract(articles), start=1):
                add_result(counts, result)
                if index == len(articles):
                    # the workers are still alive here: read them before they exit
                    counts["processes"] = memory.descendant_peaks_mb()
                    counts["workers_cpu_s"] = memory.descendant_cpu_seconds() - workers_cpu_before

        seconds, own_cpu_s = timed_pass(extract_all)
    finally:
        extractor.close()
    cpu_s = own_cpu_s + counts.pop("workers_cpu_s")
    return {"load_s": round(load_s, 3), "seconds": round(seconds, 3), "cpu_s": round(cpu_s, 3), **counts}


def measure_profile(spec: Spec, articles: list[Article]) -> dict[str, Any]:
    from ..pipeline import load_pipeline
    from .profile import profile_stages

    nlp, load_s = timed(load_pipeline)
    profile_stages(nlp, articles[:WARMUP_ARTICLES], batch_size=spec.batch_size)
    profile, seconds = timed(lambda: profile_stages(nlp, articles, batch_size=spec.batch_size))
    return {
        "load_s": round(load_s, 3),
        "seconds": round(seconds, 3),
        "stages": {name: round(spent, 4) for name, spent in profile.seconds.items()},
        "errors": profile.failures,
    }


def measure_start(spec: Spec, articles: list[Article]) -> dict[str, Any]:
    """Time from creating the pool to every worker holding a loaded pipeline, and the CPU it
    took in all processes (the figure a busy machine disturbs least)."""
    from ..parallel import ParallelExtractor

    extractor = ParallelExtractor(workers=spec.workers, start_method=spec.start_method)
    cpu_started = time.process_time()
    try:
        _, load_s = timed(extractor.start)
        cpu_s = time.process_time() - cpu_started + memory.descendant_cpu_seconds()
    finally:
        extractor.close()
    return {
        "load_s": round(load_s, 3),
        "cpu_s": round(cpu_s, 3),
        "seconds": None,
        "start_method": spec.start_method,
    }


MODES: dict[str, Callable[[Spec, list[Article]], dict[str, Any]]] = {
    "spacy": measure_spacy,
    "khabar": measure_khabar,
    "parallel": measure_parallel,
    "profile": measure_profile,
    "start": measure_start,
}


def timed(work: Callable[[], Any]) -> tuple[Any, float]:
    started = time.perf_counter()
    result = work()
    return result, time.perf_counter() - started


def timed_pass(work: Callable[[], Any]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of ``work`` in this process. On a busy machine the CPU time
    is the steadier figure: it does not count the time other programs held the cores."""
    started, cpu_started = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - started, time.process_time() - cpu_started


def consume(items: Iterator[Any]) -> None:
    for _ in items:
        pass


def main() -> None:
    print(json.dumps(run(Spec.from_json(sys.argv[1]))))


if __name__ == "__main__":
    main()

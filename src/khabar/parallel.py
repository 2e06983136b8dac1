"""Multi-process extraction: the same ledgers as ``extract_articles``, on several cores.

``extract_parallel(articles, workers=N)`` yields one :class:`ExtractionResult` per input
article, in input order, while reading the input lazily: at most ``2 * workers`` chunks of
``chunk_size`` articles are in flight, so a corpus of any size runs in bounded memory.

Each worker process loads the khabar pipeline once, in its initializer. Articles go to the
workers as plain dicts and ledgers come back as plain dicts (``ArticleLedger.to_dict``), never
as pickled ``Doc`` objects: dicts are small, and the parent rebuilds each ledger with the
article text it already holds. The rebuilt ledger has the same ``to_dict()`` (the output) as
the in-process one; fields the dicts do not carry (a place mention's ``feature``, ``population``,
``admin2`` and ``score``) come back with their defaults.

Workers start with the "forkserver" method, not "fork": spaCy's numeric libraries may run
threads, and forking a process that has threads can deadlock. Against "spawn", forkserver
imports spaCy once in the server and forks the workers from it: on 2 busy cores the two start
equally fast (median 25 s vs 24 s until both workers held a loaded pipeline, 3 rounds each)
and forkserver used a little less CPU (8.0 vs 8.3 CPU-s); ``python -m khabar.bench
--start-methods`` measures both again.

A failure inside the pipeline on one article does not stop the others: a batch that raises is
redone one article at a time, and the article that still fails comes back with ``error`` set
and ``ledger`` None. ``workers=1`` takes the same path in-process, with no pool at all.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import Any

from .errors import KhabarError
from .extract import extract_articles
from .model import Article, ArticleLedger
from .pipeline import load_pipeline

#: articles per task sent to a worker: one spaCy batch. The round trip costs little next to
#: parsing 16 articles, and a small chunk keeps the idle tail at the end of a corpus short
DEFAULT_CHUNK_SIZE = 16
#: the start method of the worker processes (see the module docstring)
START_METHOD = "forkserver"
#: how long a worker may take to load the pipeline before start-up is declared failed
READY_TIMEOUT_S = 300.0
#: modules the forkserver imports once, so each forked worker starts with them loaded
FORKSERVER_PRELOAD = ("khabar.pipeline", "khabar.extract")


@dataclass(frozen=True, slots=True)
class ExtractionResult:
    """The outcome for one article: its ledger, or the error that stopped its extraction.

    Exactly one of ``ledger`` and ``error`` is set. ``error`` is ``"ExceptionType: message"``
    of the exception the pipeline raised on this article alone.
    """

    article_id: str
    ledger: ArticleLedger | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def extract_parallel(
    articles: Iterable[Article],
    *,
    workers: int,
    batch_size: int = 16,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
) -> Iterator[ExtractionResult]:
    """Extract ``articles`` with ``workers`` processes, yielding results in input order."""
    check_workers(workers)
    if workers == 1:
        yield from extract_isolated(articles, batch_size=batch_size)
        return
    with ParallelExtractor(workers=workers, batch_size=batch_size, chunk_size=chunk_size) as extractor:
        yield from extractor.extract(articles)


def check_workers(workers: int) -> None:
    if workers < 1:
        raise KhabarError("E100", workers=workers)


def extract_isolated(articles: Iterable[Article], *, batch_size: int = 16) -> Iterator[ExtractionResult]:
    """In-process extraction where one failing article only fails itself."""
    # loaded outside the per-article guard: a missing model is the user's error, not an article's
    load_pipeline()
    for batch in batched(articles, batch_size):
        yield from _extract_batch(batch, batch_size=batch_size)


def batched(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _extract_batch(batch: list[Article], *, batch_size: int) -> list[ExtractionResult]:
    try:
        ledgers = list(extract_articles(batch, batch_size=batch_size))
    except Exception:
        # the pipeline does not say which article raised: find it by redoing them one by one
        return [_extract_one(article) for article in batch]
    return [ExtractionResult(article_id=ledger.article.id, ledger=ledger) for ledger in ledgers]


def _extract_one(article: Article) -> ExtractionResult:
    try:
        (ledger,) = extract_articles([article])
    except Exception as exc:
        return ExtractionResult(article_id=article.id, error=f"{type(exc).__name__}: {exc}")
    return ExtractionResult(article_id=article.id, ledger=ledger)


class ParallelExtractor:
    """A pool of worker processes, each holding one loaded pipeline, reusable across corpora.

    Use it as a context manager: entering starts every worker and waits until each has loaded
    its pipeline, so model loading is over (and its errors raised) before the first article.
    """

    def __init__(
        self,
        *,
        workers: int,
        batch_size: int = 16,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
        start_method: str = START_METHOD,
    ) -> None:
        check_workers(workers)
        self.workers = workers
        self.batch_size = batch_size
        self.chunk_size = chunk_size
        self.start_method = start_method
        self._executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> ParallelExtractor:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def start(self) -> None:
        context = multiprocessing.get_context(self.start_method)
        if self.start_method == "forkserver":
            context.set_forkserver_preload(list(FORKSERVER_PRELOAD))
        # every worker waits at this barrier after loading, and so does the parent: when the
        # parent passes it, all pipelines are loaded
        ready = context.Barrier(self.workers + 1, timeout=READY_TIMEOUT_S)
        first_load = (context.Lock(), context.Event())
        self._executor = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=context,
            initializer=_init_worker,
            initargs=(ready, *first_load, os.getpid()),
        )
        # the executor starts a worker per submitted task while none is idle; none can be idle
        # before the barrier opens, so these tasks start exactly `workers` processes
        starters = [self._executor.submit(os.getpid) for _ in range(self.workers)]
        try:
            ready.wait()
        except threading.BrokenBarrierError as exc:
            self.close()
            raise KhabarError(
                "E101", detail="a worker could not load the pipeline (its error is above)"
            ) from exc
        for starter in starters:
            starter.result()

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def extract(self, articles: Iterable[Article]) -> Iterator[ExtractionResult]:
        """Yield the result of each article in input order, keeping a bounded window in flight."""
        if self._executor is None:
            self.start()
        pending: deque[tuple[list[Article], Future[list[dict[str, Any]]]]] = deque()
        max_in_flight = 2 * self.workers
        try:
            for chunk in batched(articles, self.chunk_size):
                pending.append((chunk, self._submit(chunk)))
                if len(pending) >= max_in_flight:
                    yield from self._collect(*pending.popleft())
            while pending:
                yield from self._collect(*pending.popleft())
        finally:
            # a caller that stops early leaves chunks queued: drop those not yet started
            for _, future in pending:
                future.cancel()

    def _submit(self, chunk: list[Article]) -> Future[list[dict[str, Any]]]:
        if self._executor is None:
            raise KhabarError("E101", detail="the extractor was closed while articles were pending")
        payload = [article.to_dict(with_text=True) for article in chunk]
        return self._executor.submit(_extract_chunk, payload, self.batch_size)

    def _collect(
        self, chunk: list[Article], future: Future[list[dict[str, Any]]]
    ) -> Iterator[ExtractionResult]:
        try:
            outcomes = future.result()
        except BrokenProcessPool as exc:
            self.close()
            raise KhabarError("E101", detail=str(exc) or "a worker process died") from exc
        for article, outcome in zip(chunk, outcomes, strict=True):
            yield _result_from_dict(article, outcome)


def _result_from_dict(article: Article, outcome: dict[str, Any]) -> ExtractionResult:
    ledger_data = outcome["ledger"]
    if ledger_data is None:
        return ExtractionResult(article_id=article.id, error=outcome["error"])
    ledger = ArticleLedger.from_dict(ledger_data, text=article.text)
    return ExtractionResult(article_id=article.id, ledger=ledger)


# --- inside a worker process -------------------------------------------------------------


def _init_worker(ready: Any, first_load_lock: Any, first_loaded: Any, parent: int | None = None) -> None:
    """Load the pipeline once for the life of this worker, then report ready.

    The first worker loads alone and the others wait for it, then load together: a stage that
    builds a cache on first use (the gazetteer index) then builds it once instead of racing
    another worker for the same file.
    """
    if parent is not None:
        _exit_with(parent)
    try:
        with first_load_lock:
            if not first_loaded.is_set():
                load_pipeline()
                first_loaded.set()
        load_pipeline()  # cached when this worker was the first
    except BaseException:
        ready.abort()  # wakes the parent at once instead of after READY_TIMEOUT_S
        raise
    ready.wait()


#: how often a worker checks that the process it works for is still alive
PARENT_CHECK_S = 2.0


def _exit_with(parent: int) -> None:
    """End this worker when ``parent`` ends, even by SIGKILL.

    A worker holds both ends of the pool's task pipe, so it never sees it close: without this,
    the workers (and the forkserver, kept alive by them) of a killed ``khabar ingest`` would
    wait forever, each holding a loaded pipeline's memory.
    """

    def watch() -> None:
        while is_alive(parent):
            time.sleep(PARENT_CHECK_S)
        os._exit(1)

    threading.Thread(target=watch, name="khabar-parent-watch", daemon=True).start()


def is_alive(pid: int) -> bool:
    """Whether process ``pid`` runs; a zombie (killed, not yet reaped) does not."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, under another user
        return True
    try:
        # the state is the first field after the command name, which is in parentheses
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):  # no /proc (not Linux): the signal test is all there is
        return True
    return state != "Z"


def _extract_chunk(payload: list[dict[str, Any]], batch_size: int) -> list[dict[str, Any]]:
    articles = [Article.from_dict(data) for data in payload]
    return [
        {
            "article_id": result.article_id,
            "ledger": result.ledger.to_dict() if result.ledger else None,
            "error": result.error,
        }
        for result in extract_isolated(articles, batch_size=batch_size)
    ]

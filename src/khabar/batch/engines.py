"""Where partitions are extracted: in this process (``local``) or on a Dask cluster (``dask``).

An engine is a context manager whose ``run(partitions)`` yields ``(partition, outcomes,
seconds, extractor_version)`` as partitions finish — in input order for ``local``, in completion order for
``dask``. Engines only extract; the runner writes files and the manifest.

``dask`` starts a ``distributed.LocalCluster`` of worker processes (one thread each: spaCy
holds the GIL, so threads would not add throughput) unless given the address of a running
scheduler, whose workers must have khabar installed. At most ``2 * workers`` partitions are in
flight, so the input is read as the cluster consumes it. Leaving the context always shuts the
client and a cluster it started down, whatever happened inside.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

from ..errors import KhabarError
from ..export.parquet import ArticleOutcome
from ..extractor_version import extractor_version
from ..model import Article, ArticleLedger
from ..parallel import ExtractionResult, ParallelExtractor, check_workers, extract_isolated
from .partitions import Partition

ENGINES = ("local", "dask")
#: a partition, its outcomes, the seconds it took and the version of the extractor that coded it
#: (the worker's own: a remote cluster may run other code than the client)
Finished = tuple[Partition, list[ArticleOutcome], float, str]


@dataclass(slots=True)
class ClusterInfo:
    """What the Dask engine measured: start-up times and the memory of each worker."""

    start_seconds: float = 0.0  # scheduler and worker processes up
    ready_seconds: float = 0.0  # ... and a pipeline loaded in every worker
    workers: int = 0
    memory_mb: dict[str, dict[str, float]] = field(default_factory=dict)


def outcomes_of(partition: Partition, results: list[ExtractionResult]) -> list[ArticleOutcome]:
    return [
        ArticleOutcome(article=article, ledger=result.ledger, error=result.error)
        for article, result in zip(partition.articles, results, strict=True)
    ]


class LocalEngine:
    """Partitions one after another in this process, on ``workers`` processes (one pipeline each)."""

    def __init__(self, *, workers: int, batch_size: int = 16) -> None:
        check_workers(workers)
        self.workers = workers
        self.batch_size = batch_size
        self._pool: ParallelExtractor | None = None
        self.cluster: ClusterInfo | None = None

    def __enter__(self) -> LocalEngine:
        if self.workers > 1:
            # one pool for the whole batch: the pipelines load once, not once per partition
            self._pool = ParallelExtractor(workers=self.workers, batch_size=self.batch_size)
            self._pool.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool = None

    def run(self, partitions: Iterator[Partition]) -> Iterator[Finished]:
        for partition in partitions:
            started = time.perf_counter()
            if self._pool is not None:
                results = list(self._pool.extract(partition.articles))
            else:
                results = list(extract_isolated(partition.articles, batch_size=self.batch_size))
            seconds = time.perf_counter() - started
            yield partition, outcomes_of(partition, results), seconds, extractor_version()


class DaskEngine:
    """Partitions as Dask tasks, one task per partition, on a local or a remote cluster."""

    def __init__(self, *, workers: int, scheduler: str | None = None, batch_size: int = 16) -> None:
        check_workers(workers)
        self.workers = workers
        self.scheduler = scheduler
        self.batch_size = batch_size
        self.cluster = ClusterInfo()
        self._client: Any = None
        self._local_cluster: Any = None

    def __enter__(self) -> DaskEngine:
        try:
            self._start()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def _start(self) -> None:
        from distributed import Client, LocalCluster

        from .worker import PipelinePlugin

        started = time.perf_counter()
        if self.scheduler:
            try:
                self._client = Client(self.scheduler, timeout="20s")
            except OSError as exc:
                raise KhabarError("E166", address=self.scheduler, detail=str(exc)) from exc
        else:
            self._local_cluster = LocalCluster(
                n_workers=self.workers,
                threads_per_worker=1,
                processes=True,
                # no dashboard, and the scheduler's HTTP routes on any free port: with no
                # address Dask takes 8787, which a notebook or another cluster may hold
                dashboard_address=":0",
                scheduler_kwargs={"dashboard": False},
                scheduler_port=0,  # any free port: several batches may run on one machine
                silence_logs=logging.ERROR,
            )
            self._client = Client(self._local_cluster)
        self.cluster.start_seconds = time.perf_counter() - started
        self._client.register_plugin(PipelinePlugin())
        self.cluster.ready_seconds = time.perf_counter() - started
        self.cluster.workers = len(self._client.scheduler_info()["workers"])

    @property
    def client(self) -> Any:
        """The ``distributed.Client`` while the engine is open (None otherwise)."""
        return self._client

    def close(self) -> None:
        client, cluster = self._client, self._local_cluster
        self._client = self._local_cluster = None
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()

    def run(self, partitions: Iterator[Partition]) -> Iterator[Finished]:
        from distributed import as_completed

        from .worker import extract_payload

        client = self._client
        in_flight: dict[str, Partition] = {}
        completed = as_completed()
        limit = 2 * max(self.cluster.workers, 1)
        try:
            for partition in partitions:
                payload = [article.to_dict(with_text=True) for article in partition.articles]
                future = client.submit(extract_payload, payload, self.batch_size, pure=False)
                in_flight[future.key] = partition
                completed.add(future)
                while completed.count() >= limit:
                    yield self._collect(next(completed), in_flight)
            for future in completed:
                yield self._collect(future, in_flight)
        finally:
            for key in list(in_flight):
                client.cancel([key], force=True)

    def _collect(self, future: Any, in_flight: dict[str, Partition]) -> Finished:
        partition = in_flight.pop(future.key)
        try:
            answer = future.result()
        except Exception as exc:  # a worker died repeatedly (KilledWorker) or the task broke
            raise KhabarError("E167", detail=f"{partition.name}: {type(exc).__name__}: {exc}") from exc
        outcomes = [
            outcome_of(article, item)
            for article, item in zip(partition.articles, answer["results"], strict=True)
        ]
        return partition, outcomes, float(answer["seconds"]), str(answer["extractor_version"])

    def measure_memory(self) -> None:
        from .worker import worker_memory

        if self._client is not None:
            self.cluster.memory_mb = self._client.run(worker_memory)


def outcome_of(article: Article, item: dict[str, Any]) -> ArticleOutcome:
    if item["ledger"] is None:
        return ArticleOutcome(article=article, error=item["error"])
    return ArticleOutcome(article=article, ledger=ArticleLedger.from_dict(item["ledger"], text=article.text))


Engine = LocalEngine | DaskEngine


def make_engine(
    engine: str, *, workers: int, scheduler: str | None = None, batch_size: int = 16
) -> LocalEngine | DaskEngine:
    if engine == "local":
        return LocalEngine(workers=workers, batch_size=batch_size)
    if engine == "dask":
        return DaskEngine(workers=workers, scheduler=scheduler, batch_size=batch_size)
    raise KhabarError("E164", engine=engine)

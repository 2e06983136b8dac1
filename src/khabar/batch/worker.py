"""What runs inside a Dask worker: one loaded pipeline per worker process, and the task.

The ``PipelinePlugin`` loads the khabar pipeline when a worker starts (``load_pipeline`` is
cached per process), so the model loads once per worker, before its first partition, and a
model that cannot load fails the start-up rather than every task. Articles travel to the
workers as plain dicts and ledgers come back as plain dicts, never as spaCy objects.
"""

from __future__ import annotations

import os
import resource
import time
from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

from ..extractor_version import extractor_version
from ..model import Article
from ..parallel import extract_isolated


class PipelinePlugin(WorkerPlugin):
    """Loads the khabar pipeline in each worker process as the worker starts."""

    name = "khabar-pipeline"

    def setup(self, worker: Any) -> None:
        from ..pipeline import load_pipeline

        load_pipeline()


def extract_payload(payload: list[dict[str, Any]], batch_size: int) -> dict[str, Any]:
    """Extract one partition's articles; one failing article fails only itself."""
    started = time.perf_counter()
    articles = [Article.from_dict(data) for data in payload]
    results = [
        {
            "article_id": result.article_id,
            "ledger": result.ledger.to_dict() if result.ledger else None,
            "error": result.error,
        }
        for result in extract_isolated(articles, batch_size=batch_size)
    ]
    return {
        "results": results,
        "seconds": time.perf_counter() - started,
        "pid": os.getpid(),
        # the worker's version, not the client's: the code that actually coded these ledgers
        "extractor_version": extractor_version(),
    }


def worker_memory() -> dict[str, float]:
    """This process's resident memory now and at its peak, in MB (Linux reports KB)."""
    import psutil

    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"rss_mb": psutil.Process().memory_info().rss / 2**20, "peak_rss_mb": peak_kb / 1024}

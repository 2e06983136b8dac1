"""``ingest(..., extractor=pool)`` extracts with a pool the caller started, and writes in this process."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from khabar.model import Article, ArticleLedger
from khabar.parallel import ExtractionResult
from khabar.store import SqlStore
from khabar.store.ingest import ingest


class CountingPool:
    """Stands in for a started ``ParallelExtractor``: empty ledgers, and a count of its articles."""

    def __init__(self) -> None:
        self.extracted: list[str] = []

    def extract(self, articles: Iterable[Article]) -> Iterator[ExtractionResult]:
        for article in articles:
            self.extracted.append(article.id)
            yield ExtractionResult(article.id, ledger=ArticleLedger(article=article))


def test_ingest_uses_the_given_pool_and_stores_each_article_once(store: SqlStore) -> None:
    articles = [Article(text=f"Report number {n} of the shelling.", id=f"a{n}") for n in range(3)]
    pool = CountingPool()
    outcomes = [result.outcome for result in ingest(store, articles, extractor=pool)]  # type: ignore[arg-type]
    assert outcomes == ["stored"] * 3
    assert pool.extracted == ["a0", "a1", "a2"]
    again = [result.outcome for result in ingest(store, articles, extractor=pool)]  # type: ignore[arg-type]
    assert again == ["unchanged"] * 3
    assert pool.extracted == ["a0", "a1", "a2"]  # nothing stored is extracted again

"""Multi-process extraction gives the in-process ledgers, in order, and isolates failures."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from khabar.errors import KhabarError
from khabar.extract import extract_articles
from khabar.model import Article
from khabar.parallel import ExtractionResult, ParallelExtractor, extract_parallel
from khabar.pipeline import MAX_CHARS

TEXTS = (
    "At least 33 Turkish soldiers were killed in an air strike in Idlib late on Thursday, "
    "the governor of Hatay said.",
    "Syrian government forces shelled the town of Kafr Nabl on Monday, killing five civilians "
    "and wounding a dozen, activists reported.",
    "Protesters gathered in Damascus on Friday. Police dispersed them; no one was hurt.",
    "Russia's Defence Ministry accused Turkey of supporting militants near Saraqib.",
    "A roadside bomb exploded near Aleppo on 3 March 2020, killing two members of a rebel group.",
    "The minister said talks would resume next week in Geneva.",
)


def fixture_articles() -> list[Article]:
    return [
        Article(text=text, id=f"a{index}", published=dt.date(2020, 3, 5), outlet="test outlet")
        for index, text in enumerate(TEXTS)
    ]


def too_long_article() -> Article:
    """An article spaCy itself refuses (E088): a real failure inside the pipeline."""
    return Article(text="x" * (MAX_CHARS + 1), id="too-long")


@pytest.fixture(scope="module")
def two_workers() -> Iterator[ParallelExtractor]:
    # chunks of two articles: the fixtures span several chunks, so ordering is exercised
    with ParallelExtractor(workers=2, batch_size=2, chunk_size=2) as extractor:
        yield extractor


def as_dicts(results: list[ExtractionResult]) -> list[dict]:
    return [result.ledger.to_dict() for result in results if result.ledger is not None]


def test_one_worker_gives_the_ledgers_of_extract_articles(nlp) -> None:
    articles = fixture_articles()
    results = list(extract_parallel(articles, workers=1))
    assert [result.article_id for result in results] == [article.id for article in articles]
    assert all(result.ok for result in results)
    expected = [ledger.to_dict() for ledger in extract_articles(articles)]
    assert as_dicts(results) == expected


def test_two_workers_give_the_same_ledgers_in_order(nlp, two_workers: ParallelExtractor) -> None:
    articles = fixture_articles() * 2
    parallel = list(two_workers.extract(articles))
    in_process = list(extract_parallel(articles, workers=1))
    assert [result.article_id for result in parallel] == [article.id for article in articles]
    assert as_dicts(parallel) == as_dicts(in_process)
    # the parent rebuilds each ledger with the full article text and metadata
    assert parallel[0].ledger is not None
    assert parallel[0].ledger.article.text == TEXTS[0]
    assert parallel[0].ledger.article.published == dt.date(2020, 3, 5)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_failing_article_does_not_stop_the_others(
    nlp, two_workers: ParallelExtractor, workers: int
) -> None:
    articles = fixture_articles()
    articles.insert(3, too_long_article())
    if workers == 1:
        results = list(extract_parallel(articles, workers=1, batch_size=4))
    else:
        results = list(two_workers.extract(articles))
    assert [result.article_id for result in results] == [article.id for article in articles]
    failed = results[3]
    assert failed.ledger is None
    assert failed.error is not None and "E088" in failed.error
    assert all(result.ok and result.ledger is not None for index, result in enumerate(results) if index != 3)


def test_input_is_read_lazily(two_workers: ParallelExtractor) -> None:
    consumed: list[int] = []

    def endless() -> Iterator[Article]:
        index = 0
        while True:
            consumed.append(index)
            yield Article(text=f"Report number {index}: shelling hit the town.", id=f"n{index}")
            index += 1

    results = two_workers.extract(endless())
    first = next(results)
    assert first.article_id == "n0"
    # at most 2 * workers chunks in flight, plus the chunk being read
    assert len(consumed) <= (2 * two_workers.workers + 1) * two_workers.chunk_size + 1
    results.close()


def test_workers_must_be_positive() -> None:
    with pytest.raises(KhabarError, match="E100"):
        list(extract_parallel([], workers=0))

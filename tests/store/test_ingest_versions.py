"""Stale codings and reused ids: ``ingest`` re-codes what another extractor version coded, and
never puts back a text an id had before (a rerun over the same input changes nothing).

A stand-in pool gives an empty ledger per article and records what it was asked to extract;
``ReadAheadPool`` reads its whole input before answering, as a pool of workers with articles
in flight does, so that the outcomes are shown not to depend on how far extraction has got.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from khabar.model import Article, ArticleLedger
from khabar.parallel import ExtractionResult
from khabar.store import SqlStore, content_hash, open_store
from khabar.store.ingest import ingest


class Pool:
    """Answers each article as it reads it (nothing in flight)."""

    def __init__(self) -> None:
        self.extracted: list[str] = []

    def extract(self, articles: Iterable[Article]) -> Iterator[ExtractionResult]:
        for article in articles:
            yield self.result(article)

    def result(self, article: Article) -> ExtractionResult:
        self.extracted.append(article.id)
        return ExtractionResult(article.id, ledger=ArticleLedger(article=article))


class ReadAheadPool(Pool):
    """Reads every article before the first result: all of them are in flight at once."""

    def extract(self, articles: Iterable[Article]) -> Iterator[ExtractionResult]:
        for article in list(articles):
            yield self.result(article)


def report(place: str, killed: int) -> str:
    return f"Shelling hit {place} on Monday and killed {killed} people, a rescue worker said."


def run(store: SqlStore, articles: list[Article], pool: Pool | None = None, **options: Any) -> list[str]:
    pool = pool or Pool()
    results = ingest(store, articles, extractor=pool, near_dup_threshold=None, **options)  # type: ignore[arg-type]
    return [result.outcome for result in results]


def texts(store: SqlStore) -> dict[str, str]:
    return {row["id"]: row["text"] for row in store._query("SELECT id, text FROM articles")}


def superseded(store: SqlStore) -> set[tuple[str, str]]:
    rows = store._query("SELECT article_id, content_hash FROM article_versions")
    return {(row["article_id"], row["content_hash"]) for row in rows}


# --- stale codings ---------------------------------------------------------------------------


def test_an_article_coded_by_another_extractor_version_is_recoded(store: SqlStore) -> None:
    articles = [Article(text=report(place, n), id=f"a{n}") for n, place in enumerate(("Douma", "Ariha"))]
    copy = Article(text=articles[0].text, id="copy-of-a0")
    assert run(store, [*articles, copy], extractor_version="v1") == ["stored", "stored", "duplicate"]
    assert store.count_stale("v1") == 0
    assert store.count_stale("v2") == 2  # the copy has no coding of its own
    assert store.stats()["coded_by"] == {"v1": 2}

    pool = Pool()
    assert run(store, [*articles, copy], pool, extractor_version="v2") == ["recoded", "recoded", "unchanged"]
    assert pool.extracted == ["a0", "a1"]
    assert store.count_stale("v2") == 0
    assert run(store, [*articles, copy], extractor_version="v2") == ["unchanged"] * 3


def test_keeping_old_codings_leaves_stale_articles_as_they_are(store: SqlStore) -> None:
    articles = [Article(text=report("Douma", 4), id="a0")]
    run(store, articles, extractor_version="v1")
    pool = Pool()
    assert run(store, articles, pool, extractor_version="v2", recode=False) == ["unchanged"]
    assert pool.extracted == []
    assert store.count_stale("v2") == 1


def test_articles_stored_before_versions_were_count_as_stale(store: SqlStore) -> None:
    run(store, [Article(text=report("Douma", 4), id="a0")], extractor_version="v1")
    store._execute("UPDATE articles SET extractor_version = NULL")
    assert store.stats()["coded_by"] == {"unknown": 1}
    assert store.count_stale("v1") == 1
    assert run(store, [Article(text=report("Douma", 4), id="a0")], extractor_version="v1") == ["recoded"]


# --- reused ids ------------------------------------------------------------------------------


@pytest.mark.parametrize("pool_type", [Pool, ReadAheadPool])
def test_a_rerun_over_an_input_that_reuses_an_id_changes_nothing(
    store: SqlStore, pool_type: type[Pool]
) -> None:
    first, second = report("Douma", 4), report("Harasta", 9)
    articles = [
        Article(text=first, id="x"),
        Article(text=report("Ariha", 2), id="y"),
        Article(text=second, id="x"),  # the corpus reuses x for another report
        Article(text=first, id="x"),  # and gives the first one again
    ]
    # outcomes settled without extraction come first when articles are in flight: compare counts
    assert sorted(run(store, articles, pool_type())) == ["replaced", "stored", "stored", "unchanged"]
    assert texts(store)["x"] == second
    assert superseded(store) == {("x", content_hash(first))}

    pool = pool_type()
    assert run(store, articles, pool) == ["unchanged"] * 4
    assert pool.extracted == []
    assert texts(store)["x"] == second


def test_a_new_text_for_an_id_still_replaces_it(store: SqlStore) -> None:
    first, second, third = report("Douma", 4), report("Harasta", 9), report("Saraqib", 3)
    run(store, [Article(text=first, id="x"), Article(text=second, id="x")])
    assert run(store, [Article(text=first, id="x"), Article(text=third, id="x")]) == ["unchanged", "replaced"]
    assert texts(store)["x"] == third
    assert superseded(store) == {("x", content_hash(first)), ("x", content_hash(second))}


def test_force_puts_an_older_text_back_and_a_rerun_keeps_it(store: SqlStore) -> None:
    first, second = report("Douma", 4), report("Harasta", 9)
    run(store, [Article(text=first, id="x"), Article(text=second, id="x")])
    assert run(store, [Article(text=first, id="x")], force=True) == ["replaced"]
    assert texts(store)["x"] == first
    assert superseded(store) == {("x", content_hash(second))}  # the text it got back is current
    assert run(store, [Article(text=first, id="x"), Article(text=second, id="x")]) == ["unchanged"] * 2


@pytest.mark.parametrize("pool_type", [Pool, ReadAheadPool])
def test_force_re_extracts_each_text_once_in_input_order(store: SqlStore, pool_type: type[Pool]) -> None:
    first, second = report("Douma", 4), report("Harasta", 9)
    articles = [Article(text=first, id="x"), Article(text=second, id="x"), Article(text=first, id="x")]
    run(store, articles)
    assert sorted(run(store, articles, pool_type(), force=True)) == ["replaced", "replaced", "unchanged"]
    assert texts(store)["x"] == second


def test_a_store_of_an_older_khabar_gains_the_version_history(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with open_store(path) as store:
        store._execute("DELETE FROM migrations WHERE name = '0007_extractor_versions'")
        store._execute("DROP TABLE article_versions")
        store._execute("ALTER TABLE articles DROP COLUMN extractor_version")
    with open_store(path) as store:
        assert "0007_extractor_versions" in store.applied_migrations()
        assert run(store, [Article(text=report("Douma", 4), id="a0")]) == ["stored"]

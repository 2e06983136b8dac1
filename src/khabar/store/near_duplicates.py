"""The store's side of near-duplicate detection: the LSH index of originals, and the links.

Every original article (one that was extracted) is indexed under its MinHash band keys in
``article_bands``, in the transaction that writes it, so the index is always in step with the
articles, whichever path wrote them (``khabar ingest``, ``khabar load``, the web API). Copies,
exact or near, are not indexed. A near copy is an ``articles`` row with its own text, no
extraction, and a ``near_duplicates`` row naming its original and their similarity.
See ``khabar/ingest/near_duplicates.py`` for the method and its threshold.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..ingest.near_duplicates import shingles, text_band_keys
from ..model import Article
from .rows import content_hash, now_utc

if TYPE_CHECKING:
    from .base import PutAction, SqlStore

#: stores written before migration 0006 hold unindexed originals: index this many per query
BACKFILL_CHUNK = 500


def index_original(store: SqlStore, article_id: str, text: str) -> None:
    """Index an article that has just been extracted and written (inside its transaction)."""
    forget(store, article_id)
    rows = [(key, article_id) for key in sorted(set(text_band_keys(text)))]
    store._execute_many("INSERT INTO article_bands (bucket, article_id) VALUES (?, ?)", rows)


def forget(store: SqlStore, article_id: str) -> None:
    """Drop an article's index entries and its near-duplicate link (its text is being rewritten)."""
    store._execute("DELETE FROM article_bands WHERE article_id = ?", (article_id,))
    store._execute("DELETE FROM near_duplicates WHERE article_id = ?", (article_id,))


def candidates(store: SqlStore, keys: tuple[int, ...]) -> dict[str, frozenset[int]]:
    """id -> shingles of every stored original that shares a band with ``keys``."""
    if not keys:
        return {}
    marks = ", ".join("?" for _ in keys)
    rows = store._query(
        f"SELECT a.id, a.text FROM articles a WHERE a.id IN "
        f"(SELECT DISTINCT article_id FROM article_bands WHERE bucket IN ({marks}))",
        keys,
    )
    return {row["id"]: shingles(row["text"]) for row in rows}


def put_near_duplicate(store: SqlStore, article: Article, *, of: str, similarity: float) -> PutAction:
    """Store ``article`` as a near copy of article ``of``: its own text, no extraction, a link."""
    from .base import article_dict

    with store._transaction():
        store._lock(article.id)
        previous = store._article_state(article.id)
        if previous is not None and previous["content_hash"] == content_hash(article.text):
            return "unchanged"
        if previous is not None:
            store._hand_over_duplicates(article.id)
        store._write_article(article, article_dict(article), duplicate_of=None, previous=previous)
        forget(store, article.id)
        store._execute(
            "INSERT INTO near_duplicates (article_id, original_id, similarity, detected_at) "
            "VALUES (?, ?, ?, ?)",
            (article.id, of, round(similarity, 4), now_utc()),
        )
    return "stored" if previous is None else "replaced"


def near_duplicate_of(store: SqlStore, article_id: str) -> tuple[str, float] | None:
    """(original id, similarity) when ``article_id`` is stored as a near copy."""
    rows = store._query(
        "SELECT original_id, similarity FROM near_duplicates WHERE article_id = ?", (article_id,)
    )
    return (rows[0]["original_id"], float(rows[0]["similarity"])) if rows else None


def backfill_index(store: SqlStore) -> int:
    """Index the originals a store written before migration 0006 holds; how many there were."""
    done = 0
    while True:
        rows = store._query(
            "SELECT a.id, a.text FROM articles a WHERE a.duplicate_of IS NULL "
            "AND NOT EXISTS (SELECT 1 FROM article_bands b WHERE b.article_id = a.id) "
            "AND NOT EXISTS (SELECT 1 FROM near_duplicates n WHERE n.article_id = a.id) "
            "ORDER BY a.id LIMIT ?",
            (BACKFILL_CHUNK,),
        )
        if not rows:
            return done
        with store._transaction():
            for row in rows:
                index_original(store, row["id"], row["text"])
        done += len(rows)

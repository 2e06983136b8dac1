"""``ingest(store, articles)``: extract what the store does not hold yet, one transaction per article.

Crash-safe and idempotent by construction: an article is written whole in one transaction
after its extraction, so a run killed at any point leaves every article either stored
completely or not at all, and the next run skips what is stored (same id, same text) and
extracts the rest. Exact copies (the same text under another id, such as wire copies) are
stored as rows that point to their original with ``duplicate_of`` and are not extracted again.

Near copies (a wire story with a new headline or a changed paragraph: word 5-gram Jaccard at
least ``near_dup_threshold``, 0.8 by default; see ``khabar/ingest/near_duplicates.py``) are
found against the store's LSH index and against the articles of the same run, stored with
their own text, linked to their original in ``near_duplicates``, and not extracted: they would
code the same events twice. A changed paragraph may carry a newer figure; its text stays in
the store, searchable, and ``near_dup_threshold=None`` (``--near-dup-threshold 0``) turns
detection off for those who want every copy coded.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from ..ingest.near_duplicates import DEFAULT_THRESHOLD, BatchIndex, Fingerprint, best_match
from ..model import Article
from . import near_duplicates
from .base import SqlStore
from .rows import content_hash

if TYPE_CHECKING:
    from ..parallel import ParallelExtractor

#: what happened to one article: stored, replaced (its text changed), unchanged (already
#: stored), duplicate (stored as an exact copy of another article), near-duplicate (stored as
#: a near copy, not extracted), failed (extraction raised)
Outcome = Literal["stored", "replaced", "unchanged", "duplicate", "near-duplicate", "failed"]


@dataclass(frozen=True, slots=True)
class IngestResult:
    article_id: str
    outcome: Outcome
    error: str | None = None
    duplicate_of: str | None = None
    similarity: float | None = None  # of a near-duplicate to its original


def ingest(
    store: SqlStore,
    articles: Iterable[Article],
    *,
    workers: int = 1,
    force: bool = False,
    near_dup_threshold: float | None = DEFAULT_THRESHOLD,
    extractor: ParallelExtractor | None = None,
) -> Iterator[IngestResult]:
    """Store the ledger of each of ``articles``, yielding what happened to each as it happens.

    Extraction runs in ``workers`` processes; every write happens here, in this process, one
    transaction per article, so a store needs no locking between writers. ``extractor`` is a
    started worker pool to use instead (its ``workers`` then apply), so that a long-lived
    caller, or a benchmark, pays for loading the pipelines once.
    ``force`` re-extracts and replaces articles already stored (after an extractor upgrade).
    ``near_dup_threshold`` is the similarity from which an article is a near copy (None: off).
    """
    from ..parallel import extract_parallel

    if near_dup_threshold is not None:
        near_duplicates.backfill_index(store)  # originals stored before the index existed
    run = _Run(store, force=force, near_dup_threshold=near_dup_threshold)
    pending = run.to_extract(articles)
    results = extractor.extract(pending) if extractor else extract_parallel(pending, workers=workers)
    for result in results:
        yield from run.decided()
        yield from run.finish(result.article_id, result.ledger, result.error)
    yield from run.decided()


class _Run:
    """The bookkeeping of one ingest run: which articles need extraction, and copies waiting
    for their original to be written."""

    def __init__(self, store: SqlStore, *, force: bool, near_dup_threshold: float | None = None) -> None:
        self.store = store
        self.force = force
        self.near_dup_threshold = near_dup_threshold
        #: the LSH index of the articles being extracted (the store indexes them once written)
        self.flying_near: BatchIndex = BatchIndex()
        #: id of an article being extracted -> near copies of it, with their similarity
        self.near_waiting: dict[str, list[tuple[Article, float]]] = {}
        #: outcomes decided without extraction, not yet yielded
        self.ready: deque[IngestResult] = deque()
        #: content hash -> id of the article with that text being extracted
        self.in_flight: dict[str, str] = {}
        #: (id, content hash) of the articles being extracted, in input order, which is the
        #: order their results come back in
        self.order: deque[tuple[str, str]] = deque()
        #: id -> how many articles of that id are being extracted
        self.flying_ids: dict[str, int] = {}
        #: content hash -> copies of the article being extracted with that text
        self.waiting: dict[str, list[Article]] = {}

    def to_extract(self, articles: Iterable[Article]) -> Iterator[Article]:
        """The articles that need extraction; the others are settled here, in passing."""
        for article in articles:
            text_hash = content_hash(article.text)
            # an id given again with another text while its first text is being extracted: the
            # stored text is about to change, so it cannot say this one is stored (the last wins)
            reissued = self.flying_ids.get(article.id, 0) > 0 and self.in_flight.get(text_hash) != article.id
            if not self.force and not reissued and self.store.stored_hash(article.id) == text_hash:
                self.ready.append(IngestResult(article.id, "unchanged"))
                continue
            twin = self.in_flight.get(text_hash)
            if twin == article.id:  # the same article twice in the input
                self.ready.append(IngestResult(article.id, "unchanged"))
                continue
            if twin is not None:  # its original is being extracted: write it once that is stored
                self.waiting.setdefault(text_hash, []).append(article)
                continue
            original = self.store.original_of(text_hash, besides=article.id)
            if original is not None:
                self.ready.append(self._put_copy(article, original))
                continue
            if self._settled_as_near_copy(article):
                continue
            self.in_flight[text_hash] = article.id
            self.order.append((article.id, text_hash))
            self.flying_ids[article.id] = self.flying_ids.get(article.id, 0) + 1
            yield article

    def decided(self) -> Iterator[IngestResult]:
        while self.ready:
            yield self.ready.popleft()

    def finish(self, article_id: str, ledger, error: str | None) -> Iterator[IngestResult]:  # type: ignore[no-untyped-def]
        done_id, text_hash = self.order.popleft()
        if done_id != article_id:  # extract_parallel keeps input order; this would be a bug there
            raise RuntimeError(f"ingest expected the result of '{done_id}', got '{article_id}'")
        del self.in_flight[text_hash]
        self.flying_ids[article_id] -= 1
        copies = self.waiting.pop(text_hash, [])
        near_copies = self.near_waiting.pop(article_id, []) if self.flying_ids[article_id] == 0 else []
        if ledger is None:
            self.flying_near.remove(article_id)
            yield IngestResult(article_id, "failed", error=error)
            for copy in [*copies, *(near for near, _ in near_copies)]:
                yield IngestResult(copy.id, "failed", error=f"a copy of '{article_id}', which failed")
            return
        action = self.store.put(ledger, force=self.force)
        self.flying_near.remove(article_id)  # the store indexes it now
        yield IngestResult(article_id, action)
        for copy in copies:
            yield self._put_copy(copy, article_id)
        for near, similarity in near_copies:
            yield self._put_near_copy(near, article_id, similarity)

    def _settled_as_near_copy(self, article: Article) -> bool:
        """Whether ``article`` is a near copy of a stored article or of one being extracted; then
        it is stored as such (or waits for its original), and indexed in the run otherwise."""
        if self.near_dup_threshold is None:
            return False
        fingerprint = Fingerprint.of(article.text)
        stored = near_duplicates.candidates(self.store, fingerprint.keys)
        flying = self.flying_near.candidates(fingerprint)
        match = best_match(
            fingerprint, {**stored, **flying}, threshold=self.near_dup_threshold, besides=article.id
        )
        if match is None:
            self.flying_near.add(article.id, fingerprint)
            return False
        original, similarity = match
        if original in flying:  # written once its original is stored
            self.near_waiting.setdefault(original, []).append((article, similarity))
        else:
            self.ready.append(self._put_near_copy(article, original, similarity))
        return True

    def _put_near_copy(self, article: Article, original: str, similarity: float) -> IngestResult:
        action = near_duplicates.put_near_duplicate(self.store, article, of=original, similarity=similarity)
        outcome: Outcome = "unchanged" if action == "unchanged" else "near-duplicate"
        return IngestResult(article.id, outcome, duplicate_of=original, similarity=similarity)

    def _put_copy(self, article: Article, original: str) -> IngestResult:
        action = self.store.put_duplicate(article, of=original)
        outcome: Outcome = "unchanged" if action == "unchanged" else "duplicate"
        return IngestResult(article.id, outcome, duplicate_of=original)

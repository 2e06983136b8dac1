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

Each extracted article is stored with the extractor version that coded it
(``khabar/extractor_version.py``). An article whose text is stored but was coded by another
version, or by an unknown one (stored before versions were), is extracted again and reported
``recoded``; ``recode=False`` (``--no-recode``) keeps such codings.

Some corpora reuse an id for different texts. The texts of an id rank by first appearance:
a text replaces the stored one only if the id never had it; the hashes of replaced texts are
kept in ``article_versions``, so a rerun over the same input changes nothing instead of putting
each older text back and then the newer one again. Within a run, the articles being extracted
count as stored, in input order, so the outcome does not depend on how far extraction has got
(1 or 2 workers, a run killed and run again). ``force`` re-extracts every text, older ones
too, except a text that a later one has replaced in the same run.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from ..extractor_version import extractor_version as current_extractor_version
from ..ingest.near_duplicates import DEFAULT_THRESHOLD, BatchIndex, Fingerprint, best_match
from ..model import Article
from . import near_duplicates
from .base import SqlStore
from .rows import content_hash

if TYPE_CHECKING:
    from ..parallel import ParallelExtractor

#: what happened to one article: stored, replaced (its text changed), recoded (the same text
#: extracted again: another extractor version had coded it, or ``force``), unchanged (already
#: stored, or an older text of its id), duplicate (stored as an exact copy of another article),
#: near-duplicate (stored as a near copy, not extracted), failed (extraction raised)
Outcome = Literal["stored", "replaced", "recoded", "unchanged", "duplicate", "near-duplicate", "failed"]
#: in the order summaries list them
OUTCOMES: tuple[Outcome, ...] = (
    "stored", "replaced", "recoded", "unchanged", "duplicate", "near-duplicate", "failed"
)  # fmt: skip


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
    recode: bool = True,
    near_dup_threshold: float | None = DEFAULT_THRESHOLD,
    extractor: ParallelExtractor | None = None,
    extractor_version: str | None = None,
) -> Iterator[IngestResult]:
    """Store the ledger of each of ``articles``, yielding what happened to each as it happens.

    Extraction runs in ``workers`` processes; every write happens here, in this process, one
    transaction per article, so a store needs no locking between writers. ``extractor`` is a
    started worker pool to use instead (its ``workers`` then apply), so that a long-lived
    caller, or a benchmark, pays for loading the pipelines once.
    ``force`` re-extracts and replaces articles already stored, whoever coded them.
    ``recode`` re-extracts those another extractor version coded (``extractor_version``, by
    default this process's, is the one that codes this run).
    ``near_dup_threshold`` is the similarity from which an article is a near copy (None: off).
    """
    from ..parallel import extract_parallel

    if near_dup_threshold is not None:
        near_duplicates.backfill_index(store)  # originals stored before the index existed
    run = _Run(
        store,
        force=force,
        recode=recode,
        near_dup_threshold=near_dup_threshold,
        extractor_version=extractor_version or current_extractor_version(),
    )
    pending = run.to_extract(articles)
    results = extractor.extract(pending) if extractor else extract_parallel(pending, workers=workers)
    for result in results:
        yield from run.decided()
        yield from run.finish(result.article_id, result.ledger, result.error)
    yield from run.decided()


class _Run:
    """The bookkeeping of one ingest run: which articles need extraction, and copies waiting
    for their original to be written."""

    def __init__(
        self,
        store: SqlStore,
        *,
        force: bool,
        extractor_version: str,
        recode: bool = True,
        near_dup_threshold: float | None = None,
    ) -> None:
        self.store = store
        self.force = force
        self.recode = recode
        self.extractor_version = extractor_version
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
        #: id -> content hashes of the articles of that id being extracted, in input order
        self.flying_texts: dict[str, deque[str]] = {}
        #: with ``force`` only, id -> every text it had in this run, in input order: the store
        #: cannot tell a text this run replaced from one an earlier run did (costs memory)
        self.run_texts: dict[str, list[str]] | None = {} if force else None
        #: content hash -> copies of the article being extracted with that text
        self.waiting: dict[str, list[Article]] = {}

    def to_extract(self, articles: Iterable[Article]) -> Iterator[Article]:
        """The articles that need extraction; the others are settled here, in passing."""
        for article in articles:
            text_hash = content_hash(article.text)
            if self._known(article.id, text_hash):
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
            self.flying_texts.setdefault(article.id, deque()).append(text_hash)
            yield article

    def _known(self, article_id: str, text_hash: str) -> bool:
        """Whether this text of ``article_id`` needs no extraction: stored and coded by this
        extractor, or one of the id's older texts (stored or being extracted count alike)."""
        if self.run_texts is not None:  # force: each text of the run once, whatever is stored
            texts = self.run_texts.setdefault(article_id, [])
            if text_hash in texts:  # given twice, or replaced earlier in this run: not again
                return True
            texts.append(text_hash)
            return False
        flying = self.flying_texts.get(article_id)
        if flying:
            if text_hash in flying:
                return True
            # a text of the id is being extracted and will be stored: as if it were already
            state = self.store.stored_state(article_id, text_hash)
            return state is not None and (state.content_hash == text_hash or state.superseded)
        state = self.store.stored_state(article_id, text_hash)
        if state is None:
            return False
        if state.content_hash != text_hash:
            return state.superseded
        return state.is_copy or not self.recode or state.extractor_version == self.extractor_version

    def decided(self) -> Iterator[IngestResult]:
        while self.ready:
            yield self.ready.popleft()

    def finish(self, article_id: str, ledger, error: str | None) -> Iterator[IngestResult]:  # type: ignore[no-untyped-def]
        done_id, text_hash = self.order.popleft()
        if done_id != article_id:  # extract_parallel keeps input order; this would be a bug there
            raise RuntimeError(f"ingest expected the result of '{done_id}', got '{article_id}'")
        del self.in_flight[text_hash]
        flying = self.flying_texts[article_id]
        flying.popleft()
        if not flying:
            del self.flying_texts[article_id]
        copies = self.waiting.pop(text_hash, [])
        near_copies = self.near_waiting.pop(article_id, []) if not flying else []
        if ledger is None:
            self.flying_near.remove(article_id)
            yield IngestResult(article_id, "failed", error=error)
            for copy in [*copies, *(near for near, _ in near_copies)]:
                yield IngestResult(copy.id, "failed", error=f"a copy of '{article_id}', which failed")
            return
        action = self.store.put(ledger, force=self.force, extractor_version=self.extractor_version)
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

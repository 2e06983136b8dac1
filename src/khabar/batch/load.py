"""``load_batch``: put the ledgers of a batch directory into a ledger store.

``store.put`` is idempotent per article (same id and text: unchanged), so loading a directory
twice, or loading it again after more partitions finished, stores each article once.

Copies are stored the way ``khabar ingest`` stores them, so that a corpus gives the same ledger
whichever way it went in: an exact copy of a stored article (the same text under another id) as
a row pointing to its original, and a near copy (word 5-gram Jaccard at least
``near_dup_threshold``, see ``khabar/ingest/near_duplicates.py``) with its own text, linked to
its original, and without its events: a batch extracts every article, but a wire story printed
twice would otherwise code its events twice. Articles are loaded in batch order, so the first
of two copies is the original, as in an ingest of the same inputs.

Each ledger is stored with the extractor version its partition was coded by (the manifest
says). A stored text coded by another version is re-coded when the batch's coding is this
khabar's (``recoded``); a text an id had before is not put back, as ``khabar ingest`` does.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..extractor_version import UNKNOWN_EXTRACTOR
from ..extractor_version import extractor_version as current_extractor_version
from ..ingest.near_duplicates import DEFAULT_THRESHOLD, Fingerprint, best_match
from ..model import ArticleLedger
from .parquet import iter_batch_codings

if TYPE_CHECKING:
    from ..store import SqlStore


@dataclass(slots=True)
class LoadReport:
    #: how many articles went how: stored, replaced, recoded, unchanged, duplicate, near-duplicate
    actions: Counter[str] = field(default_factory=Counter)

    @property
    def articles(self) -> int:
        return sum(self.actions.values())


def load_batch(
    directory: str | Path,
    store: SqlStore,
    *,
    on_article: Callable[[str], None] | None = None,
    near_dup_threshold: float | None = DEFAULT_THRESHOLD,
    recode: bool = True,
) -> LoadReport:
    """Put every extracted ledger of ``directory`` into ``store``; copies as copies."""
    from ..store import near_duplicates

    if near_dup_threshold is not None:
        near_duplicates.backfill_index(store)  # originals stored before the index existed
    report = LoadReport()
    for ledger, version in iter_batch_codings(Path(directory)):
        action = put_loaded(store, ledger, near_dup_threshold, extractor_version=version, recode=recode)
        report.actions[action] += 1
        if on_article is not None:
            on_article(ledger.article.id)
    return report


def put_loaded(
    store: SqlStore,
    ledger: ArticleLedger,
    near_dup_threshold: float | None,
    *,
    extractor_version: str = UNKNOWN_EXTRACTOR,
    recode: bool = True,
) -> str:
    """Store one ledger that ``extractor_version`` coded, or its article as a copy of a stored
    original; what was done. A text its id had before is not put back (as ``khabar ingest``)."""
    from ..store import content_hash, near_duplicates

    article = ledger.article
    text_hash = content_hash(article.text)
    state = store.stored_state(article.id, text_hash)
    if state is not None and state.content_hash == text_hash:
        if state.is_copy or not recode or not upgrades(state.extractor_version, extractor_version):
            return "unchanged"
        return store.put(ledger, extractor_version=extractor_version)
    if state is not None and state.superseded:
        return "unchanged"
    original = store.original_of(text_hash, besides=article.id)
    if original is not None:
        store.put_duplicate(article, of=original)
        return "duplicate"
    if near_dup_threshold is not None:
        fingerprint = Fingerprint.of(article.text)
        stored = near_duplicates.candidates(store, fingerprint.keys)
        match = best_match(fingerprint, stored, threshold=near_dup_threshold, besides=article.id)
        if match is not None:
            near_duplicates.put_near_duplicate(store, article, of=match[0], similarity=match[1])
            return "near-duplicate"
    return store.put(ledger, extractor_version=extractor_version)


def upgrades(stored: str | None, loaded: str) -> bool:
    """Whether a loaded coding replaces the stored coding of the same text: only one by this
    extractor replaces one by another, so loading an old batch output never downgrades."""
    current = current_extractor_version()
    return loaded == current and stored != current

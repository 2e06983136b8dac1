"""``load_batch``: put the ledgers of a batch directory into a ledger store.

``store.put`` is idempotent per article (same id and text: unchanged), so loading a directory
twice, or loading it again after more partitions finished, stores each article once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .parquet import iter_batch_ledgers

if TYPE_CHECKING:
    from ..store import Store


@dataclass(slots=True)
class LoadReport:
    #: how many puts did what: stored, replaced, unchanged
    actions: Counter[str] = field(default_factory=Counter)

    @property
    def articles(self) -> int:
        return sum(self.actions.values())


def load_batch(
    directory: str | Path, store: Store, *, on_article: Callable[[str], None] | None = None
) -> LoadReport:
    """Put every extracted ledger of ``directory`` into ``store``."""
    report = LoadReport()
    for ledger in iter_batch_ledgers(Path(directory)):
        report.actions[store.put(ledger)] += 1
        if on_article is not None:
            on_article(ledger.article.id)
    return report

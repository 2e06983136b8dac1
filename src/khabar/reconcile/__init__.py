"""Reconciliation: article-level events from many reports become ledger events.

``reconcile(refs)`` clusters :class:`ArticleEventRef` (one per event of an article ledger;
``refs_of_ledger`` makes them) into :class:`LedgerEvent`, each with every claim of every
article, UCDP-style low/best/high figures and their timeline, and the contradictions between
outlets. The steps are separate modules: ``features`` (what is compared), ``blocking``
(which pairs are compared), ``scoring`` (how), ``cluster`` (union-find), ``claims``,
``figures``, ``contradictions`` and ``ledger`` (building one ledger event). Every tunable
number is in ``data/reconcile/linking.json``.
"""

from __future__ import annotations

from collections.abc import Iterable

from .cluster import cluster_features
from .config import LinkingConfig, load_config
from .context import with_article_places
from .features import features_of
from .ledger import ledger_event_of
from .model import (
    ArticleEventRef,
    ContradictionSide,
    Figure,
    LedgerClaim,
    LedgerContradiction,
    LedgerEvent,
    SourceChain,
    TimelinePoint,
    refs_of_ledger,
)

__all__ = [
    "ArticleEventRef",
    "ContradictionSide",
    "Figure",
    "LedgerClaim",
    "LedgerContradiction",
    "LedgerEvent",
    "SourceChain",
    "TimelinePoint",
    "cluster_refs",
    "reconcile",
    "refs_of_ledger",
]


def cluster_refs(refs: list[ArticleEventRef], config: LinkingConfig | None = None) -> list[list[int]]:
    """Groups of indices into ``refs`` that report the same happening."""
    config = config or load_config()
    # cluster in the order of the refs' keys, so ties resolve the same whatever the input order
    order = sorted(range(len(refs)), key=lambda index: refs[index].key)
    article_numbers: dict[str, int] = {}
    articles = [article_numbers.setdefault(refs[index].article_id, len(article_numbers)) for index in order]
    features = with_article_places(
        [features_of(refs[index], config) for index in order],
        articles,
        config,
        [refs[index].article_place for index in order],
    )
    groups = cluster_features(features, config, articles)
    return [[order[position] for position in group] for group in groups]


def reconcile(events: Iterable[ArticleEventRef], *, config: LinkingConfig | None = None) -> list[LedgerEvent]:
    """Cluster article-level events into ledger events, ordered by their first report."""
    refs = list(events)
    groups = cluster_refs(refs, config)
    return [ledger_event_of([refs[index] for index in group]) for group in groups]

"""Clustering article-level events into happenings: blocking, scoring, constrained union-find.

1. Finely located events are scored against their block candidates; every pair at or above
   ``link_threshold`` is kept.
2. The pairs are merged best first (union-find). A merge is refused when it would
   * put two events of the **same article** together, when ``keep_article_events_apart`` is set
     (off by default: see ``data/reconcile/README.md``), or
   * make the group's **date span** exceed twice the widest date tolerance of its members, or
     its **extent** exceed twice its widest place radius (the span is also capped at
     ``max_group_span_days``, as vague dates would otherwise allow months). Without this, single-link chaining
     turns a city's daily shelling reports into one event spanning months.
3. Coarsely located events (province, country) are attached last, each to its best candidate
   whose group accepts it, so a vague report never bridges two distinct events.

Pairs are kept in compact arrays (12 bytes each), and the group state is merged small into
large, so the whole is O(n log n) in time once blocking bounds the candidates per event.
"""

from __future__ import annotations

from array import array

import numpy as np

from .blocking import BlockIndex
from .config import LinkingConfig
from .features import Features, haversine_km
from .scoring import pair_score


class Groups:
    """Union-find over events, each root holding what the merge constraints need."""

    def __init__(self, features: list[Features], articles: list[int], max_span: int) -> None:
        self.max_span = max_span
        self.parent = list(range(len(features)))
        self.articles: list[set[int] | None] = [{article} for article in articles]
        self.first_day = [item.day for item in features]
        self.last_day = [item.day for item in features]
        self.tolerance = [item.tolerance for item in features]
        self.box: list[tuple[float, float, float, float] | None] = [
            (item.lat, item.lon, item.lat, item.lon) if item.located else None  # type: ignore[misc]
            for item in features
        ]
        self.radius = [item.radius or 0.0 for item in features]

    def find(self, item: int) -> int:
        parent = self.parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]  # path halving keeps the trees shallow
            item = parent[item]
        return item

    def try_union(self, a: int, b: int) -> bool:
        """Merge the groups of ``a`` and ``b`` unless a constraint forbids it."""
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return True
        articles_a, articles_b = self.articles[root_a], self.articles[root_b]
        if len(articles_a) < len(articles_b):  # type: ignore[arg-type]
            root_a, root_b, articles_a, articles_b = root_b, root_a, articles_b, articles_a
        if not articles_b.isdisjoint(articles_a):  # type: ignore[union-attr, arg-type]
            return False
        if not self._dates_fit(root_a, root_b) or not self._places_fit(root_a, root_b):
            return False
        self.parent[root_b] = root_a
        articles_a.update(articles_b)  # type: ignore[union-attr, arg-type]
        self.articles[root_b] = None
        self._absorb(root_a, root_b)
        return True

    def _dates_fit(self, a: int, b: int) -> bool:
        first = _min(self.first_day[a], self.first_day[b])
        last = _max(self.last_day[a], self.last_day[b])
        if first is None or last is None:
            return True
        return last - first <= min(2 * max(self.tolerance[a], self.tolerance[b]), self.max_span)

    def _places_fit(self, a: int, b: int) -> bool:
        box = _merge_box(self.box[a], self.box[b])
        if box is None:
            return True
        return haversine_km(box[0], box[1], box[2], box[3]) <= 2 * max(self.radius[a], self.radius[b])

    def _absorb(self, root: int, other: int) -> None:
        self.first_day[root] = _min(self.first_day[root], self.first_day[other])
        self.last_day[root] = _max(self.last_day[root], self.last_day[other])
        self.tolerance[root] = max(self.tolerance[root], self.tolerance[other])
        self.box[root] = _merge_box(self.box[root], self.box[other])
        self.radius[root] = max(self.radius[root], self.radius[other])

    def members(self) -> list[list[int]]:
        groups: dict[int, list[int]] = {}
        for item in range(len(self.parent)):
            groups.setdefault(self.find(item), []).append(item)
        return list(groups.values())


def _min(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else min(a, b)


def _max(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else max(a, b)


Box = tuple[float, float, float, float]


def _merge_box(a: Box | None, b: Box | None) -> Box | None:
    if a is None or b is None:
        return a or b
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def cluster_features(
    features: list[Features], config: LinkingConfig, articles: list[int] | None = None
) -> list[list[int]]:
    """Groups of indices into ``features`` that report the same happening, in first-index order.

    ``articles[i]`` numbers the article of event ``i``; with ``keep_article_events_apart`` set,
    events of one article never merge.
    """
    if articles is None or not config.keep_article_events_apart:
        articles = list(range(len(features)))  # every event its own "article": no constraint
    index = BlockIndex(features, config)
    groups = Groups(features, articles, config.max_group_span_days)
    scores, firsts, seconds = _fine_pairs(index, features, config)
    # best pairs first; ties in index order, so the result does not depend on the input's order
    order = np.lexsort(
        (
            np.frombuffer(seconds, dtype=np.int64),
            np.frombuffer(firsts, dtype=np.int64),
            -np.frombuffer(scores, dtype=np.float32),
        )
    )
    for pair in order.tolist():
        groups.try_union(firsts[pair], seconds[pair])
    for item_index, item in enumerate(features):
        if not index.is_fine(item):
            _attach(item_index, index.coarse_candidates(item_index), features, groups, config)
    return groups.members()


def _fine_pairs(
    index: BlockIndex, features: list[Features], config: LinkingConfig
) -> tuple[array, array, array]:
    scores, firsts, seconds = array("f"), array("q"), array("q")
    for item_index, item in enumerate(features):
        if not index.is_fine(item):
            continue
        for other in index.fine_candidates(item_index):
            score = pair_score(item, features[other], config)
            if score is not None and score >= config.link_threshold:
                scores.append(score)
                firsts.append(min(item_index, other))
                seconds.append(max(item_index, other))
    return scores, firsts, seconds


def _attach(
    item_index: int, candidates: list[int], features: list[Features], groups: Groups, config: LinkingConfig
) -> None:
    """Join a coarsely located event to its best-scoring candidate whose group accepts it."""
    item = features[item_index]
    scored: list[tuple[float, int]] = []
    for other in candidates:
        score = pair_score(item, features[other], config)
        if score is None:
            continue
        both_located = item.located and features[other].located
        threshold = config.link_threshold if both_located else config.coarse_link_threshold
        if score >= threshold:
            scored.append((-score, other))
    for _, other in sorted(scored):
        if groups.try_union(item_index, other):
            return

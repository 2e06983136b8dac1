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

With ``main_events_anchor`` set, steps 1–3 run first over the **main events** only (each
report's lead story, as the extractor flags it), then again for the side events (background,
earlier attacks, reactions) with one more constraint: a merge may not put two groups that each
hold a main event together. Reports are about their main events; a side event mentioned in
passing ("a similar attack last month", "the war has killed ...") is weak evidence and must
not chain two reports' stories into one.

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
        self.radius = [item.reach or item.radius or 0.0 for item in features]
        self.has_main = [item.main for item in features]

    def find(self, item: int) -> int:
        parent = self.parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]  # path halving keeps the trees shallow
            item = parent[item]
        return item

    def try_union(self, a: int, b: int, *, one_main: bool = False) -> bool:
        """Merge the groups of ``a`` and ``b`` unless a constraint forbids it; with ``one_main``,
        also unless both groups already hold a main event."""
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return True
        if one_main and self.has_main[root_a] and self.has_main[root_b]:
            return False
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
        self.has_main[root] = self.has_main[root] or self.has_main[other]

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
    pairs = order.tolist()
    coarse = [item_index for item_index, item in enumerate(features) if not index.is_fine(item)]
    if not config.main_events_anchor:
        for pair in pairs:
            groups.try_union(firsts[pair], seconds[pair])
        _attach_coarse(coarse, index, features, groups, config)
        return groups.members()
    # the main events first, among themselves ...
    is_main_pair = [features[firsts[pair]].main and features[seconds[pair]].main for pair in pairs]
    for pair, both_main in zip(pairs, is_main_pair, strict=True):
        if both_main:
            groups.try_union(firsts[pair], seconds[pair])
    mains = [item_index for item_index in coarse if features[item_index].main]
    _attach_coarse(mains, index, features, groups, config, only_main=True)
    # ... then the side events, which may join one main event's group but never bridge two
    for pair, both_main in zip(pairs, is_main_pair, strict=True):
        if not both_main:
            groups.try_union(firsts[pair], seconds[pair], one_main=True)
    sides = [item_index for item_index in coarse if not features[item_index].main]
    _attach_coarse(sides, index, features, groups, config, one_main=True)
    return groups.members()


def _attach_coarse(
    items: list[int],
    index: BlockIndex,
    features: list[Features],
    groups: Groups,
    config: LinkingConfig,
    *,
    only_main: bool = False,
    one_main: bool = False,
) -> None:
    """Attach each coarse event in ``items`` to one group (see ``_attach``).

    With ``coarse_attach_fine_first``, a first pass offers each only finely located candidates,
    and the events left over then try every candidate. Otherwise the first coarse events,
    attaching to one another in index order, would form vague groups of their own beside the
    group of the well-located reports of the same happening, and the later ones would pick
    either; placing them on the located reports first keeps one happening in one group.
    """
    passes = [index.is_fine, lambda item: True] if config.coarse_attach_fine_first else [lambda item: True]
    left = items
    for accept in passes:
        unattached = []
        for item_index in left:
            candidates = [
                other
                for other in index.coarse_candidates(item_index)
                if accept(features[other]) and (features[other].main or not only_main)
            ]
            if not _attach(item_index, candidates, features, groups, config, one_main=one_main):
                unattached.append(item_index)
        left = unattached


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
    item_index: int,
    candidates: list[int],
    features: list[Features],
    groups: Groups,
    config: LinkingConfig,
    *,
    one_main: bool = False,
) -> bool:
    """Join a coarsely located event to its best-scoring candidate whose group accepts it;
    whether it found one."""
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
    # the best candidate whose group accepts it (any() stops at the first union made)
    return any(groups.try_union(item_index, other, one_main=one_main) for _, other in sorted(scored))

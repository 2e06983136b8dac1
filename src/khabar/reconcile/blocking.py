"""Candidate generation: which pairs of article-level events are worth scoring at all.

Comparing every event with every other is quadratic; instead each event is put in buckets
and compared only with the events of the buckets its tolerances reach.

* A **finely located** event (radius ≤ the grid cell: site, town, district, admin2) goes in a
  grid keyed by (date bucket, latitude cell, longitude cell). It compares with the events of the
  date buckets within its date tolerance and of the cells around its own: the cell is at least as
  wide as the largest fine radius, so a neighbour within reach is never missed. A pair is scored
  once, by the event with the wider date tolerance (ties: the later index), whose window covers
  the pair's window.
* A **coarsely located** event (admin1, region, country, or only a country code) compares with
  events of its country in the date buckets its tolerance reaches, keeping only the
  ``max_coarse_candidates`` nearest in date, and is attached to its single best match (see
  ``cluster.py``), so a vague report never bridges two distinct events.

Work per event is bounded by the density of events around it in time and space, not by the
corpus size: a corpus that grows by covering more days or places grows linearly.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator

from .config import LinkingConfig
from .features import Features

KM_PER_DEGREE = 111.32

GridKey = tuple[int, int, int]
CountryKey = tuple[str, int, str]  # country, date bucket, sub-event type


class BlockIndex:
    def __init__(self, features: list[Features], config: LinkingConfig) -> None:
        self.features = features
        self.config = config
        # a cell is as tall as this radius, and enough cells are searched east and west (see
        # fine_candidates), so every neighbour within a fine radius is in a searched cell
        self.fine_radius_km = config.cell_degrees * KM_PER_DEGREE
        self.max_tolerance = max((item.tolerance for item in features), default=0)
        self.grid: dict[GridKey, list[int]] = defaultdict(list)
        self.by_country: dict[CountryKey, list[int]] = defaultdict(list)
        for index, item in enumerate(features):
            if item.day is None:
                continue
            if self.is_fine(item):
                self.grid[self._grid_key(item)].append(index)
            if item.country:
                self.by_country[(item.country, self._bucket(item.day), item.sub_event_type)].append(index)
        # the sub-event types each type may link with, so candidates are looked up by type
        types = {item.sub_event_type for item in features}
        self.compatible_types = {
            kind: [other for other in types if config.type_weight(kind, other) > 0] for kind in types
        }

    def is_fine(self, item: Features) -> bool:
        return item.located and (item.radius or 0.0) <= self.fine_radius_km and item.day is not None

    def _bucket(self, day: int) -> int:
        return day // self.config.day_bucket

    def _cell(self, degrees: float) -> int:
        return math.floor(degrees / self.config.cell_degrees)

    def _grid_key(self, item: Features) -> GridKey:
        return (self._bucket(item.day), self._cell(item.lat), self._cell(item.lon))  # type: ignore[arg-type]

    def _buckets(self, day: int, tolerance: int) -> range:
        return range(self._bucket(day - tolerance), self._bucket(day + tolerance) + 1)

    def fine_candidates(self, index: int) -> Iterator[int]:
        """Finely located events within reach of a finely located event ``index``, each pair once."""
        item = self.features[index]
        lat_cell, lon_cell = self._cell(item.lat), self._cell(item.lon)  # type: ignore[arg-type]
        # longitude cells shrink towards the poles: widen the search so the radius stays covered
        shrink = max(0.1, math.cos(math.radians(item.lat)))  # type: ignore[arg-type]
        lon_reach = math.ceil(1 / shrink)
        for bucket in self._buckets(item.day, item.tolerance):  # type: ignore[arg-type]
            for dlat in (-1, 0, 1):
                for dlon in range(-lon_reach, lon_reach + 1):
                    for other in self.grid.get((bucket, lat_cell + dlat, lon_cell + dlon), ()):
                        if self._owns_pair(index, other):
                            yield other

    def _owns_pair(self, index: int, other: int) -> bool:
        mine, theirs = self.features[index].tolerance, self.features[other].tolerance
        return theirs < mine or (theirs == mine and other < index)

    def coarse_candidates(self, index: int) -> list[int]:
        """Compatible events of the same country nearest in date, at most ``max_coarse_candidates``.

        Buckets are visited outwards from the event's own, so a dense country costs no more
        than the few buckets needed to fill the quota.
        """
        item = self.features[index]
        if item.day is None or not item.country:
            return []
        # the other event's tolerance may be wider than ours: look as far as any event could reach
        reach = max(item.tolerance, self.max_tolerance)
        own = self._bucket(item.day)
        first, last = self._bucket(item.day - reach), self._bucket(item.day + reach)
        limit = self.config.max_coarse_candidates
        kinds = self.compatible_types[item.sub_event_type]
        found: list[int] = []
        for distance in range(max(own - first, last - own) + 1):
            for bucket in {own - distance, own + distance}:
                if first <= bucket <= last:
                    for kind in kinds:
                        found.extend(self.by_country.get((item.country, bucket, kind), ()))
            if len(found) >= limit:
                break
        found = [other for other in found if other != index]
        found.sort(key=lambda other: (abs(self.features[other].day - item.day), other))  # type: ignore[operator]
        return found[:limit]

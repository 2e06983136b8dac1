"""The tunable tables of reconciliation, read from ``data/reconcile/linking.json``."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..errors import KhabarError
from ..langdata import data_path, load_json
from ..model import ACLED_SUB_EVENT_TYPES

CONFIG_FILE = ("reconcile", "linking.json")


@dataclass(frozen=True, slots=True)
class LinkingConfig:
    type_weights: dict[tuple[str, str], float]
    date_tolerance_days: dict[str, int]
    geo_radius_km: dict[str, float | None]
    weights: dict[str, float]
    link_threshold: float
    coarse_link_threshold: float
    figure_agreement_ratio: float
    figure_outlier_ratio: float
    max_group_span_days: int
    keep_article_events_apart: bool
    #: main events (each report's lead story) link first; a side event may not join two of them
    main_events_anchor: bool
    #: coarse events try the finely located candidates before the other coarse ones
    coarse_attach_fine_first: bool
    #: a town named like its own province ("Idlib") reaches its province's places
    ambiguous_capital_reach: bool
    day_bucket: int
    cell_degrees: float
    max_coarse_candidates: int
    #: canonical actor names meaning "unknown" ("Unidentified Armed Group (Syria)")
    unknown_actor_prefixes: tuple[str, ...] = ()
    #: geo precision -> how much sharing a place of that precision says (1 when not listed)
    place_specificity: dict[str, float] = field(default_factory=dict)
    #: a coarse main event no other event of its article places takes the article's most named place
    article_place_from_mentions: bool = False
    #: two death tolls further apart than this ratio (smaller / larger) count against a link
    figure_conflict_ratio: float = 0.0
    #: how many of an article's events must name one place for its coarse main event to borrow it
    article_context_min_events: int = 1
    #: figure qualifiers (as the count stage writes them) that make a claim's number a bound
    lower_bound_qualifiers: frozenset[str] = frozenset()
    upper_bound_qualifiers: frozenset[str] = frozenset()

    def type_weight(self, a: str, b: str) -> float:
        """How compatible two sub-event types are: 1 when equal, the table's weight, else 0."""
        if a == b:
            return 1.0
        return self.type_weights.get((a, b), 0.0)

    def tolerance(self, precision: str | None) -> int:
        return self.date_tolerance_days.get(precision or "unknown", self.date_tolerance_days["unknown"])

    def known_actor(self, name: str | None) -> bool:
        return bool(name) and not name.startswith(self.unknown_actor_prefixes)  # type: ignore[union-attr]

    def specificity(self, precision: str | None) -> float:
        return self.place_specificity.get(precision or "unknown", 1.0)

    def radius(self, precision: str | None) -> float | None:
        return self.geo_radius_km.get(precision or "unknown")


@cache
def load_config() -> LinkingConfig:
    return config_from_dict(load_json(*CONFIG_FILE))


def config_from_dict(data: dict[str, Any]) -> LinkingConfig:
    """Build and check the config; an unknown sub-event type in the table is an error (E150)."""
    type_weights: dict[tuple[str, str], float] = {}
    for row in data["type_compatibility"]:
        for name in (row["a"], row["b"]):
            if name not in ACLED_SUB_EVENT_TYPES:
                raise KhabarError("E150", path=data_path(*CONFIG_FILE), value=name)
        type_weights[(row["a"], row["b"])] = float(row["weight"])
        type_weights[(row["b"], row["a"])] = float(row["weight"])
    blocking = data["blocking"]
    return LinkingConfig(
        type_weights=type_weights,
        date_tolerance_days={key: int(value) for key, value in data["date_tolerance_days"].items()},
        geo_radius_km={
            key: (float(value) if value is not None else None) for key, value in data["geo_radius_km"].items()
        },
        weights={key: float(value) for key, value in data["weights"].items()},
        link_threshold=float(data["link_threshold"]),
        coarse_link_threshold=float(data["coarse_link_threshold"]),
        figure_agreement_ratio=float(data["figure_agreement_ratio"]),
        figure_outlier_ratio=float(data["figure_outlier_ratio"]),
        max_group_span_days=int(data["max_group_span_days"]),
        keep_article_events_apart=bool(data["keep_article_events_apart"]),
        main_events_anchor=bool(data.get("main_events_anchor", False)),
        coarse_attach_fine_first=bool(data.get("coarse_attach_fine_first", False)),
        ambiguous_capital_reach=bool(data.get("ambiguous_capital_reach", False)),
        day_bucket=int(blocking["day_bucket"]),
        cell_degrees=float(blocking["cell_degrees"]),
        max_coarse_candidates=int(blocking["max_coarse_candidates"]),
        unknown_actor_prefixes=tuple(data.get("unknown_actor_prefixes", [])),
        article_context_min_events=int(data.get("article_context_min_events", 1)),
        figure_conflict_ratio=float(data.get("figure_conflict_ratio", 0.0)),
        article_place_from_mentions=bool(data.get("article_place_from_mentions", False)),
        place_specificity={key: float(value) for key, value in data.get("place_specificity", {}).items()},
        lower_bound_qualifiers=frozenset(data["figure_qualifiers"]["lower_bound"]),
        upper_bound_qualifiers=frozenset(data["figure_qualifiers"]["upper_bound"]),
    )

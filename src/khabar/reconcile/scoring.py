"""Whether two article-level events report the same happening: a score in [0, 1], or None.

None means a hard no (incompatible types, dates or places too far apart, different
countries); otherwise the score is the weighted sum of four components documented in
``data/reconcile/README.md``, compared by the caller with the link thresholds.
"""

from __future__ import annotations

from .config import LinkingConfig
from .features import UNKNOWN_MARK, Features, haversine_km

#: the place component when the only place evidence is "the same country"
SAME_COUNTRY_PLACE_SCORE = 0.3


def pair_score(a: Features, b: Features, config: LinkingConfig) -> float | None:
    type_weight = config.type_weight(a.sub_event_type, b.sub_event_type)
    if type_weight <= 0.0:
        return None
    date = _date_score(a, b)
    if date is None:
        return None
    place = _place_score(a, b)
    if place is None:
        return None
    actors = _actor_score(a, b)
    if not (a.located and b.located) and not _other_evidence(a, b, config):
        # a country is too big to say "same place": another field must agree
        return None
    weights = config.weights
    return (
        weights["type"] * type_weight
        + weights["date"] * date
        + weights["place"] * place
        + weights["actors"] * actors
        + weights.get("figures", 0.0) * _figure_score(a.killed, b.killed, config)
    )


def _figure_score(a: int | None, b: int | None, config: LinkingConfig) -> float:
    """1 when both death tolls agree, 0 when they are far apart, 0.5 otherwise (or unknown).

    Tolls of one happening rise as it is reported (43, then 112, then 126), so only figures
    further apart than ``figure_conflict_ratio`` count against a link: "3 killed" and "50
    killed" in one city on one day are two attacks far more often than one.
    """
    if not a or not b:
        return 0.5
    ratio = min(a, b) / max(a, b)
    if ratio >= config.figure_agreement_ratio:
        return 1.0
    return 0.0 if ratio < config.figure_conflict_ratio else 0.5


def _date_score(a: Features, b: Features) -> float | None:
    if a.day is None or b.day is None:
        return 0.0  # no date at all: neither for nor against
    tolerance = max(a.tolerance, b.tolerance)
    diff = abs(a.day - b.day)
    if diff > tolerance:
        return None
    return 1.0 - diff / (tolerance + 1)


def _place_score(a: Features, b: Features) -> float | None:
    if a.country and b.country and a.country != b.country:
        return None
    if a.located and b.located:
        radius = max(a.radius or 0.0, b.radius or 0.0)
        distance = haversine_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]
        if distance > radius and a.admin1 is not None and a.admin1 == b.admin1:
            radius = max(a.reach or 0.0, b.reach or 0.0)  # a city named like its province
        if distance > radius:
            return None
        return (1.0 - distance / radius) * min(a.specificity, b.specificity)
    if a.country and a.country == b.country:
        return SAME_COUNTRY_PLACE_SCORE
    return 0.0


def _actor_score(a: Features, b: Features) -> float:
    return (_one_actor_score(a.actor1, b.actor1) + _one_actor_score(a.actor2, b.actor2)) / 2


def _one_actor_score(a: str | None, b: str | None) -> float:
    if a == b and a is not None:
        return 1.0  # the same named actor, or the same "unidentified armed group" of one country
    if a is None or b is None or a.startswith(UNKNOWN_MARK) or b.startswith(UNKNOWN_MARK):
        return 0.5  # one side does not know: neither for nor against
    return 0.0


def figures_agree(a: int | None, b: int | None, ratio: float) -> bool:
    if not a or not b:
        return False
    return min(a, b) / max(a, b) >= ratio


def _other_evidence(a: Features, b: Features, config: LinkingConfig) -> bool:
    """Evidence beyond type and date that two loosely located events are one."""
    same_actor = a.actor1 is not None and a.actor1 == b.actor1
    same_target = a.actor2 is not None and a.actor2 == b.actor2
    return same_actor or same_target or figures_agree(a.killed, b.killed, config.figure_agreement_ratio)

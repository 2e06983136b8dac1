"""What an article's other events say about where its vaguely located main event happened.

The extractor often places a report's main event at country level ("a gas attack in Syria"),
while the same report's other events, usually the same happening split into several events
by the article-level assembler ("warplanes struck Khan Shaykhun", "the wounded were taken to
hospitals in the town"), carry the town. Linking the country-level main event across outlets
then rests on type, date and actors alone, which blurs the reports of a busy day into one
group, or leaves the report alone.

``with_article_places`` gives such a main event the place its article's compatible events
agree on: the finely located place named by most of the article's events of a sub-event
type compatible with the main event's, in the same country. When none does (the report has
no other located event), and ``article_place_from_mentions`` is set, it takes the place below
country level the article names most often (``model.article_place``: "Aleppo" in a report
headlined "Barrel bomb attack kills 11 children in Syria's Aleppo"). The borrowed place is
only as sure as the article's context, so it gets the ``article_context`` radius of
``geo_radius_km`` (wider than a town's) and at most the ``article_context`` specificity.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence

from ..model import Location
from .config import LinkingConfig
from .features import Features, is_named_like_its_province

#: coordinates are compared at this many decimals (about 100 m) to count one place once
PLACE_DECIMALS = 3


def with_article_places(
    features: Sequence[Features],
    articles: Sequence[int],
    config: LinkingConfig,
    named_places: Sequence[Location | None] | None = None,
) -> list[Features]:
    """``features`` with each coarse main event placed where its article's events agree, else
    (with ``article_place_from_mentions``) at ``named_places[i]``, the place its article names
    most often."""
    radius = config.radius("article_context")
    if radius is None:
        return list(features)
    by_article: dict[int, list[int]] = {}
    for index, article in enumerate(articles):
        by_article.setdefault(article, []).append(index)
    placed = list(features)
    for members in by_article.values():
        for index in members:
            item = features[index]
            if item.main and not item.located:
                place = _agreed_place(item, [features[other] for other in members if other != index], config)
                if place is not None:
                    placed[index] = _placed_at(item, place, radius, config)
                elif named_places is not None and config.article_place_from_mentions:
                    placed[index] = _placed_at_named(item, named_places[index], radius, config)
    return placed


def _placed_at_named(
    item: Features, place: Location | None, radius: float, config: LinkingConfig
) -> Features:
    """``item`` at the place its article names most often, when that is in the event's country."""
    if place is None or place.lat is None or (item.country is not None and place.country != item.country):
        return item
    precision = "admin1" if is_named_like_its_province(place) else "article_context"
    return dataclasses.replace(
        item,
        lat=place.lat,
        lon=place.lon,
        radius=radius,
        reach=radius,
        admin1=place.admin1,
        country=place.country,
        specificity=min(config.specificity(precision), config.specificity("article_context")),
    )


def _placed_at(item: Features, place: Features, radius: float, config: LinkingConfig) -> Features:
    return dataclasses.replace(
        item,
        lat=place.lat,
        lon=place.lon,
        radius=radius,
        reach=radius,
        admin1=place.admin1,
        country=place.country,
        specificity=min(place.specificity, config.specificity("article_context")),
    )


def _agreed_place(main: Features, others: list[Features], config: LinkingConfig) -> Features | None:
    """The finely located event that most of the article's compatible events share a place with."""
    candidates = [
        other
        for other in others
        if other.located
        and (other.radius or 0.0) < (config.radius("article_context") or 0.0)
        and (main.country is None or other.country == main.country)
        and config.type_weight(main.sub_event_type, other.sub_event_type) > 0
    ]
    if not candidates:
        return None
    votes = Counter(_place_key(other) for other in candidates)
    key, count = votes.most_common(1)[0]
    if count < config.article_context_min_events:
        return None
    return next(other for other in candidates if _place_key(other) == key)


def _place_key(item: Features) -> tuple[float, float]:
    return (round(item.lat or 0.0, PLACE_DECIMALS), round(item.lon or 0.0, PLACE_DECIMALS))

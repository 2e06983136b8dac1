"""What the linker compares, reduced to a small tuple per article-level event.

Reducing each event once to plain numbers and short strings keeps the pairwise comparisons
cheap and lets the original events be released (or stay untouched) while linking runs.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..model import Event, Location
from .config import LinkingConfig
from .model import ArticleEventRef

#: geo precisions from the most to the least precise; the linker uses an event's best location
GEO_PRECISION_ORDER = ("site", "town", "near_town", "district", "admin2", "admin1", "region", "country")
EARTH_RADIUS_KM = 6371.0


@dataclass(frozen=True, slots=True)
class Features:
    day: int | None  # proleptic ordinal of the event date (publication date when it has none)
    tolerance: int  # days either side the date may be off
    lat: float | None  # None when the event is located only to a country (or not at all)
    lon: float | None
    radius: float | None  # km; None for country-level or unlocated events
    country: str | None
    sub_event_type: str
    actor1: str | None
    actor2: str | None
    killed: int | None  # the article's conservative fatality figure, as evidence of sameness
    main: bool = False  # the report's main event (its lead story), as the extractor flags it
    admin1: str | None = None
    #: km; wider than ``radius`` for a town named like its province (see ``_reach``)
    reach: float | None = None
    #: how much "the same place" says at this precision, in [0, 1] (see ``place_specificity``)
    specificity: float = 1.0

    @property
    def located(self) -> bool:
        return self.lat is not None and self.radius is not None


def best_location(event: Event) -> Location | None:
    """The most precise location of an event (ACLED codes one event per place; we link on the best)."""
    if not event.locations:
        return None
    return min(event.locations, key=lambda loc: geo_precision_rank(loc.precision))


def geo_precision_rank(precision: str | None) -> int:
    try:
        return GEO_PRECISION_ORDER.index(precision or "")
    except ValueError:
        return len(GEO_PRECISION_ORDER)


def features_of(ref: ArticleEventRef, config: LinkingConfig) -> Features:
    event = ref.event
    date = event.date.value or ref.published
    precision = event.date.precision if event.date.value else "unknown"
    location = best_location(event)
    radius = config.radius(location.precision) if location else None
    located = location is not None and location.lat is not None and location.lon is not None and radius
    return Features(
        day=date.toordinal() if date else None,
        tolerance=config.tolerance(precision),
        lat=location.lat if located else None,  # type: ignore[union-attr]
        lon=location.lon if located else None,  # type: ignore[union-attr]
        radius=radius if located else None,
        country=location.country if location else None,
        sub_event_type=event.sub_event_type,
        actor1=_actor_key(event.actor1.name, config),
        actor2=_actor_key(event.actor2.name, config),
        killed=event.fatalities.best,
        main=event.main,
        admin1=location.admin1 if location else None,
        reach=_reach(location, radius, config) if located else None,  # type: ignore[arg-type]
        specificity=_specificity(location, config),
    )


def _specificity(location: Location | None, config: LinkingConfig) -> float:
    """How strongly sharing this place says "the same happening": a village far more than a
    province. A town named like its province ("Aleppo") may mean either, and a city of that
    size hosts several attacks a day in a war, so it counts as its province does."""
    if location is None:
        return config.specificity("unknown")
    if is_named_like_its_province(location):
        return config.specificity("admin1")
    return config.specificity(location.precision)


def _reach(location: Location, radius: float, config: LinkingConfig) -> float:
    """How far from its point a location may still be the same place as another of its province.

    "Idlib", "Hama", "Aleppo", "Raqqa" name both a city and its province, the gazetteer places
    them at the city, and reports often mean the province: "a gas attack in Idlib" and "a gas
    attack on Khan Shaykhun" (54 km from Idlib city) are one happening. Such a town reaches as
    far as a province does, towards places of the same province only (see ``scoring``).
    """
    if config.ambiguous_capital_reach and is_named_like_its_province(location):
        return max(radius, config.radius("admin1") or radius)
    return radius


def is_named_like_its_province(location: Location) -> bool:
    """A town that shares its province's name ("Idlib" in Idlib): the report may mean either."""
    return (
        location.precision in ("town", "near_town")
        and bool(location.admin1)
        and location.name.casefold() == (location.admin1 or "").casefold()
    )


#: marks an actor key as "unknown actor of this kind" ("unidentified armed group (syria)")
UNKNOWN_MARK = "?"


def _actor_key(name: str | None, config: LinkingConfig) -> str | None:
    if not name:
        return None
    return name.casefold() if config.known_actor(name) else UNKNOWN_MARK + name.casefold()


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlam = math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlam / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))

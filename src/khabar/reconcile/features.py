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

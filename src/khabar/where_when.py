"""Do two reports put one event in places, or on days, that cannot both be true?

Shared by the article-level claim links (``pipeline/claim_settings.py``) and the cross-article
contradictions (``reconcile/contradictions.py``), so that one article and the ledger judge a
disagreement alike.

Places: one inside the other (a town and its province or country) or two points near each other
never clash; a province and a town elsewhere, two provinces, or two towns far apart do. Dates:
each date stands for the days its precision allows (a day, about a week, a month, a year); two
dates clash only when those ranges do not meet.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from dataclasses import dataclass, replace
from functools import cache

from .langdata import load_json
from .model import Location, Place

#: two points this close are one place reported loosely (a town and its outskirts, a village nearby)
NEAR_KM = 25.0
#: a named region ("Eastern Ghouta", "the Euphrates valley") has no border here: this far from
#: its point still counts as inside it
REGION_KM = 60.0
#: how many days either side of its value a week-precision date ("last week") may mean
WEEK_SLACK_DAYS = 6
EARTH_RADIUS_KM = 6371.0
AREA_LEVELS = frozenset({"country", "admin1", "admin2"})


@dataclass(frozen=True, slots=True)
class Where:
    """A reported place reduced to what containment and distance need."""

    name: str
    level: str  # country | admin1 | admin2 | region | point
    country: str | None
    admin1: str | None
    admin2: str | None
    lat: float | None
    lon: float | None

    @classmethod
    def of_place(cls, place: Place) -> Where:
        return cls(
            place.name, _level(place.feature), place.country, place.admin1, place.admin2, place.lat, place.lon
        )

    @classmethod
    def of_location(cls, location: Location) -> Where:
        return cls(
            location.name,
            _level(location.precision),
            location.country,
            location.admin1,
            location.admin2,
            location.lat,
            location.lon,
        )


def _level(feature: str) -> str:
    if feature in AREA_LEVELS or feature == "region":
        return feature
    if feature == "district":
        return "admin2"
    return "point"  # town, near_town, site


def places_clash(first: Where, second: Where) -> bool:
    """True when neither place holds the other and they are not near each other."""
    if _fold(first.name) == _fold(second.name):
        return False
    first, second = _as_province(first), _as_province(second)
    if _contains(first, second) or _contains(second, first):
        return False
    if first.level in AREA_LEVELS or second.level in AREA_LEVELS:
        return _comparable_areas(first, second)
    distance = _distance(first, second)
    if distance is None:
        return False  # no coordinates: nothing to judge by
    reach = REGION_KM if "region" in {first.level, second.level} else NEAR_KM
    return distance > reach


def _as_province(where: Where) -> Where:
    """A city named like its province ("Idlib", "Aleppo", "Hama") may mean either: read it as
    the province, which holds the city, so that neither reading makes a false clash."""
    if where.level == "point" and where.admin1 and _fold(where.admin1) == _fold(where.name):
        return replace(where, level="admin1")
    return where


def _contains(outer: Where, inner: Where) -> bool:
    if outer.level == "country":
        return outer.country is not None and outer.country == inner.country
    if outer.level == "admin1":
        return _fold(inner.admin1) in {_fold(outer.name), _fold(outer.admin1)} and inner.admin1 is not None
    if outer.level == "admin2":
        return _fold(inner.admin2) in {_fold(outer.name), _fold(outer.admin2)} and inner.admin2 is not None
    return False


def _comparable_areas(first: Where, second: Where) -> bool:
    """An area against a place it does not hold: a clash only when both are known well enough
    to say so (a country, or a province with the place's own province known)."""
    for area, other in ((first, second), (second, first)):
        if area.level == "country" and other.country:
            return True
        if area.level == "admin1" and other.admin1 and other.country == area.country:
            return True
        if area.level == "admin1" and other.country and area.country and other.country != area.country:
            return True
        if area.level == "admin2" and other.admin2 and other.country == area.country:
            return True
    return False


def _distance(first: Where, second: Where) -> float | None:
    if None in (first.lat, first.lon, second.lat, second.lon):
        return None
    return haversine_km(first.lat, first.lon, second.lat, second.lon)  # type: ignore[arg-type]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dlam = math.radians(lon2 - lon1)
    h = math.sin((phi2 - phi1) / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlam / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def _fold(name: str | None) -> str:
    return (name or "").casefold().replace("-", " ").strip()


# -- dates ---------------------------------------------------------------------------------------


def date_range(value: dt.date, precision: str) -> tuple[dt.date, dt.date]:
    """The days a reported date allows at its precision."""
    if precision == "week":
        slack = dt.timedelta(days=WEEK_SLACK_DAYS)
        return value - slack, value + slack
    if precision == "month":
        last = calendar.monthrange(value.year, value.month)[1]
        return value.replace(day=1), value.replace(day=last)
    if precision == "year":
        return dt.date(value.year, 1, 1), dt.date(value.year, 12, 31)
    return value, value


@cache
def night_words() -> frozenset[str]:
    """Words of a night attack ("late", "overnight", "early"), from ``data/en/claims/settings.json``."""
    return frozenset(load_json("en", "claims", "settings.json")["night_words"])


def night_slack(texts: list[str]) -> int:
    """One day of slack when a date's words speak of the night, else none."""
    words = {word for text in texts for word in text.lower().split()}
    return 1 if words & night_words() else 0


def dates_clash(first: tuple[dt.date, str], second: tuple[dt.date, str], *, slack_days: int = 0) -> bool:
    """True when the days the two dates allow do not meet, even ``slack_days`` apart (a night
    attack reported as "late Tuesday" and "early Wednesday" is one night)."""
    a_start, a_end = date_range(*first)
    b_start, b_end = date_range(*second)
    slack = dt.timedelta(days=slack_days)
    return a_end + slack < b_start or b_end + slack < a_start

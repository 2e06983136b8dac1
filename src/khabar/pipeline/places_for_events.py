"""Where an event happened: from the place mentions linked to it to ACLED-style locations.

ACLED codes the most specific place named for an event, one row per location. A country or a
province named only as the parent of a more specific place ("Syria's Idlib province", "the
town of Kafr Nabl in Idlib") is not a location of its own.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Actor, GeoPrecision, Location, PlaceMention

#: gazetteer feature -> ACLED geo precision
FEATURE_PRECISION: dict[str, GeoPrecision] = {
    "town": "town",
    "site": "town",
    "admin2": "admin2",
    "admin1": "admin1",
    "country": "country",
    "region": "region",
}
SPECIFICITY: dict[str, int] = {"town": 0, "site": 0, "admin2": 1, "admin1": 2, "region": 3, "country": 4}


def location_from_mention(mention: PlaceMention) -> Location:
    precision = FEATURE_PRECISION.get(mention.place.feature, "town")
    return Location.from_place(mention.place, precision, [mention.span])


def choose_locations(mentions: list[PlaceMention]) -> list[Location]:
    """The distinct most-specific places among ``mentions``, in order of first mention."""
    distinct: dict[tuple[str, str | None], Location] = {}
    for mention in mentions:
        key = (mention.place.name, mention.place.country)
        if key in distinct:
            distinct[key].evidence.append(mention.span)
        else:
            distinct[key] = location_from_mention(mention)
    kept = [place for place in distinct.values() if not contains_another(place, distinct.values())]
    return kept


def contains_another(place: Location, others: object) -> bool:
    """Is ``place`` a country or province that another, more specific place lies in?"""
    for other in others:  # type: ignore[attr-defined]
        if other is place or SPECIFICITY[other.precision] >= SPECIFICITY[place.precision]:
            continue
        if place.precision == "country" and other.country == place.country:
            return True
        if place.precision == "admin1" and other.admin1 == place.admin1 and other.country == place.country:
            return True
    return False


def country_location(doc: Doc, *actors: Actor) -> Location | None:
    """No place named: the country of the target (or perpetrator), else the report's main country."""
    from .assemble import country_name, dominant_country

    country = next((actor.country for actor in actors if actor.country), None) or dominant_country(doc)
    if country is None:
        return None
    centroid = country_centroid(country)
    lat, lon = centroid if centroid else (None, None)
    return Location(name=country_name(country), country=country, lat=lat, lon=lon, precision="country")


def country_centroid(iso3: str) -> tuple[float, float] | None:
    from .. import gazetteer

    lookup = getattr(gazetteer, "country_centroid", None)
    return lookup(iso3) if lookup else None

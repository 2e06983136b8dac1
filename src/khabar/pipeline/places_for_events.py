"""Where an event happened: from the place mentions linked to it to ACLED-style locations.

ACLED codes the most specific place named for an event, one row per location. A country or a
province named only as the parent of a more specific place ("Syria's Idlib province", "the
town of Kafr Nabl in Idlib") is not a location of its own.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Actor, GeoPrecision, Location, Place, PlaceMention

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


def country_location(doc: Doc, target: Actor, perpetrator: Actor) -> Location | None:
    """No place named: the target's country, else the report's main country, else the perpetrator's.

    Perpetrators often act abroad (Turkish forces in Syria); targets and the report's focus
    say more about where it happened.
    """
    from .assemble import country_name, dominant_country

    country = target.country or dominant_country(doc) or perpetrator.country
    if country is None:
        return None
    place = country_place(country)
    if place is None:
        return Location(name=country_name(country), country=country, lat=None, lon=None, precision="country")
    return Location.from_place(place, "country")


def country_place(iso3: str | None) -> Place | None:
    """The gazetteer's entry for a country: its English name and a central point."""
    if not iso3:
        return None
    from ..gazetteer import open_gazetteer

    return open_gazetteer().country(iso3)

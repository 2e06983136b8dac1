"""One happening told as two events: which events' figures may still be compared."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from ..model import Event, Location, PlaceMention
from ..where_when import dates_clash, night_slack

if TYPE_CHECKING:
    from .claims import Draft

#: where ``link_events`` leaves the happening of each event for the comparisons (``doc.user_data``)
HAPPENINGS = "khabar_claim_happenings"
#: precisions of a place near another, and the scale they are on
NEAR_SCALES = {"near_town": "town"}
#: place precisions too wide to tell that two events are one happening
WIDE_PRECISIONS = frozenset({"country", "region"})


def same_happenings(events: list[Event]) -> dict[str, str]:
    """Event id -> the id of the happening it tells: the event stage may leave one strike on two
    events (the monitor's toll on "the strike on Kafr Takharim", the hospital's on "the
    bombardment of Idlib"), so their figures are never compared. Two events are one happening when
    their dates agree (or one is undated), one's places lie within the other's (or one is
    unplaced) and both are violence of one ACLED type; an event of several places, or one that
    would join two events that are not one happening themselves (a province's strikes beside two
    towns'), is a round-up and joins none."""
    # an event of several places is itself a round-up ("attacks in Aleppo, Hama and Damascus")
    violent = [e for e in events if e.event_type in _happening_types() and len(e.locations) <= 1]
    matches = {e.id: {o.id for o in violent if o is not e and _one_happening(e, o)} for e in violent}
    ambiguous = {
        event_id
        for event_id, partners in matches.items()
        if any(b not in matches[a] for a in partners for b in partners if a != b)
    }
    happening: dict[str, str] = {}
    for event in violent:  # events in report order: a happening is named after its first event
        if event.id in ambiguous or event.id in happening:
            continue
        happening[event.id] = event.id
        for partner in matches[event.id] - ambiguous:
            happening.setdefault(partner, event.id)
    return happening


def _one_happening(first: Event, second: Event) -> bool:
    if first.event_type != second.event_type:
        return False
    dates = first.date.value, second.date.value
    if None not in dates and (dates[0] != dates[1] or first.date.precision != second.date.precision):
        return False
    if not first.locations or not second.locations:
        return True
    return _places_within(first, second) or _places_within(second, first)


def _places_within(inner: Event, outer: Event) -> bool:
    """Every place of ``inner`` is a place of ``outer`` or lies in its province (a country or a
    region is too wide to tell one happening)."""
    return all(any(_place_within(place, other) for other in outer.locations) for place in inner.locations)


def _place_within(place, other) -> bool:  # type: ignore[no-untyped-def]
    if place.name == other.name and _scale(place.precision) == _scale(other.precision):
        return place.precision not in WIDE_PRECISIONS
    return other.precision == "admin1" and place.admin1 == other.name


def _scale(precision: str | None) -> str | None:
    """A place told as near a town ("outside Hassakeh", ACLED's near-town precision) is on that
    town's scale: its events and the town's may be one happening."""
    return NEAR_SCALES.get(precision or "", precision)


@cache
def _happening_types() -> frozenset[str]:
    from ..langdata import load_json

    return frozenset(load_json("en", "claims", "settings.json")["happening_event_types"])


def happening_of(draft: Draft) -> str | None:
    """The happening a claim is about (``same_happenings``), else its event."""
    about = draft.claim.about
    if about is None:
        return None
    return draft.sentence.doc.user_data.get(HAPPENINGS, {}).get(about, about)


@dataclass(frozen=True, slots=True)
class Setting:
    """Where and when a figure's victims fell, as far as the report tells: its own words' places
    and days, else its event's (``own_places``, ``own_dates``: its own words named them)."""

    places: tuple[Location, ...]
    dates: tuple[tuple, ...]  # type: ignore[type-arg]
    own_places: bool
    own_dates: bool

    @property
    def own(self) -> bool:
        return self.own_places or self.own_dates

    @property
    def placed(self) -> bool:
        """Its own words put it in a place no wider than a province."""
        return self.own_places and not any(place.precision in WIDE_PRECISIONS for place in self.places)


def setting_of(draft: Draft, events: dict[str, Event]) -> Setting:
    """The figure's own place and day ("30 people were killed in Aleppo province"), each else
    its event's: the event stage may have put a source's toll on another town's event."""
    from .claim_settings import own_setting

    places, dates = own_setting(draft.sentence.doc, draft)
    event = events.get(draft.claim.about or "")
    locations = tuple(_location(p) for p in places) or (tuple(event.locations) if event else ())
    days = tuple((d.value, d.precision) for d in dates)
    if not days and event is not None and event.date.value is not None:
        days = ((event.date.value, event.date.precision),)
    return Setting(locations, days, bool(places), bool(dates))


def _location(mention: PlaceMention) -> Location:
    place = mention.place
    precision = place.feature if place.feature in LOCATION_FEATURES else "town"
    return Location.from_place(place, precision)  # type: ignore[arg-type]


#: gazetteer features that are precisions of an event's place as they stand
LOCATION_FEATURES = frozenset({"town", "admin2", "admin1", "country", "region"})


def told_as_one(first: Draft, second: Draft, settings: dict[str, Setting], events: dict[str, Event]) -> bool:
    """Two figures of one happening, whatever events the event stage put them on: both of one
    type of violence (or one on no event), their places one within the other (neither a country or a
    region), their days the same (or one untold), and at least one told its own place or day
    (events' own settings were weighed by ``same_happenings`` already)."""
    told = [events[d.claim.about] for d in (first, second) if d.claim.about in events]
    if any(event.event_type not in _happening_types() for event in told):
        return False
    if len({event.event_type for event in told}) > 1:
        return False  # a car bomb's toll and a battle's, though both in one town that day
    one, other = (_setting(d, settings, events) for d in (first, second))
    if not (one.own or other.own) or not one.places or not other.places:
        return False
    if not (_placed_within(one, other) or _placed_within(other, one)):
        return False
    slack = night_slack([first.sentence.text, second.sentence.text])
    return not any(dates_clash(a, b, slack_days=slack) for a in one.dates for b in other.dates)


def _setting(draft: Draft, settings: dict[str, Setting], events: dict[str, Event]) -> Setting:
    if draft.claim.id not in settings:
        settings[draft.claim.id] = setting_of(draft, events)
    return settings[draft.claim.id]


def _placed_within(inner: Setting, outer: Setting) -> bool:
    """The inner figure's places lie in the outer's; an outer province that is only its event's
    place tells nothing (the event stage's province is often a round-up's, or a misplaced
    event's: a bombing in Qamishli put in Aleppo province beside strikes told in Aleppo city)."""
    if not outer.own_places and any(place.precision in PROVINCIAL for place in outer.places):
        return False
    return _within_all(inner.places, outer.places)


#: precisions of a province or a district: the outer place of a happening only in a figure's words
PROVINCIAL = frozenset({"admin1", "admin2"})


def _within_all(inner: tuple[Location, ...], outer: tuple[Location, ...]) -> bool:
    return all(any(_place_within(place, other) for other in outer) for place in inner)

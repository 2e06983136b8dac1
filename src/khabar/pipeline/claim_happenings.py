"""One happening told as two events: which events' figures may still be compared."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from ..model import Event

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

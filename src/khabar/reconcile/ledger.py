"""One ledger event from the group of article-level events that report the same happening.

The coded fields are the consensus of the members: the most frequent sub-event type (ties: the
earliest report), the span of their dates at the finest precision any gives, the most precise
location (ties: the most frequent name), the most frequent named actors. A field the outlets
disagree on keeps the consensus value, is marked ``disputed`` (actors carry the other sides as
``alternatives``) and has a contradiction record.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Callable, Iterable

from ..model import ACLED_SUB_EVENT_TYPES, Actor, Event, Location
from .claims import ledger_claims
from .config import load_config
from .contradictions import contradictions_of, setting_contradictions
from .features import best_location, geo_precision_rank, is_named_like_its_province
from .figures import figure_of, timeline_of
from .model import ArticleEventRef, LedgerClaim, LedgerContradiction, LedgerEvent

DATE_PRECISION_ORDER = ("day", "week", "month", "year")
_MIN_DATE = dt.date.min


def ledger_event_of(members: list[ArticleEventRef]) -> LedgerEvent:
    members = sorted(members, key=_report_order)
    events = [member.event for member in members]
    member_claims = {member.key: list(ledger_claims(member)) for member in members}
    claims = sorted(
        _unique_claims(claim for found in member_claims.values() for claim in found),
        key=lambda claim: (claim.chain.published or _MIN_DATE, claim.chain.article_id, claim.order),
    )
    contradictions = [*contradictions_of(claims), *setting_contradictions(members)]
    dates = [event.date.value for event in events if event.date.value]
    sub_event_type = _most_frequent([event.sub_event_type for event in events])
    return LedgerEvent(
        id=ledger_event_id(members),
        sub_event_type=sub_event_type,
        event_type=ACLED_SUB_EVENT_TYPES[sub_event_type],
        date_start=min(dates, default=None),
        date_end=max(dates, default=None),
        date_precision=_finest_date_precision(events),
        location=_location(events),
        actor1=_actor(events, lambda event: event.actor1, "actor1", contradictions),
        actor2=_actor(events, lambda event: event.actor2, "actor2", contradictions),
        members=[member.key for member in members],
        articles=_unique(member.article_id for member in members),
        outlets=_unique(member.outlet for member in members if member.outlet),
        claims=claims,
        fatalities=figure_of(claims, "killed"),
        injured=figure_of(claims, "injured"),
        timeline={"fatalities": timeline_of(claims, "killed"), "injured": timeline_of(claims, "injured")},
        contradictions=contradictions,
        member_claims={key: _unique(claim.id for claim in found) for key, found in member_claims.items()},
    )


def _unique_claims(claims: Iterable[LedgerClaim]) -> list[LedgerClaim]:
    """Each claim once: two events of one article may cite the same claim record."""
    return list({claim.id: claim for claim in reversed(list(claims))}.values())[::-1]


def _report_order(member: ArticleEventRef) -> tuple[dt.date, str, str]:
    return (member.published or _MIN_DATE, member.article_id, member.event.id)


def ledger_event_id(members: list[ArticleEventRef]) -> str:
    """A stable id, ``L-`` and a hash of the earliest report's ``ARTICLE#e1`` key.

    Derived from one member rather than all, so a ledger event keeps its id when later reports
    join it (a toll update, another outlet); only an earlier report joining moves it. Each
    article event belongs to one ledger event, so ids never collide.
    """
    earliest = min(members, key=_report_order)
    digest = hashlib.sha1(earliest.key.encode("utf-8"))
    return "L-" + digest.hexdigest()[:16]


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _most_frequent(values: list[str]) -> str:
    """The most frequent value; among equals, the one seen first (the earliest report)."""
    counts = Counter(values)
    top = max(counts.values())
    return next(value for value in values if counts[value] == top)


def _finest_date_precision(events: list[Event]) -> str:
    ranks = [DATE_PRECISION_ORDER.index(event.date.precision) for event in events if event.date.value]
    return DATE_PRECISION_ORDER[min(ranks)] if ranks else "unknown"


def _location(events: list[Event]) -> Location | None:
    locations = [location for event in events if (location := best_location(event)) is not None]
    if not locations:
        return None
    names = Counter(location.name for location in locations)
    return min(locations, key=lambda location: (_precision_rank(location), -names[location.name]))


def _precision_rank(location: Location) -> int:
    """How precise a location is; "Idlib" the city-or-province counts as the province, so the
    town an attack hit (Khan Shaykhun) names the ledger event rather than the ambiguous name."""
    if load_config().ambiguous_capital_reach and is_named_like_its_province(location):
        return geo_precision_rank("admin1")
    return geo_precision_rank(location.precision)


def _actor(
    events: list[Event],
    get: Callable[[Event], Actor],
    field_name: str,
    contradictions: list[LedgerContradiction],
) -> Actor:
    actors = [get(event) for event in events]
    named = [actor for actor in actors if actor.name]
    # a named actor wins over "Unidentified Armed Group (...)", which says nobody knows
    known = [actor for actor in named if load_config().known_actor(actor.name)]
    named = known or named
    if not named:
        return actors[0] if actors else Actor(name=None)
    chosen_name = _most_frequent([actor.name for actor in named])  # type: ignore[misc]
    chosen = next(actor for actor in named if actor.name == chosen_name)
    disagreement = next((item for item in contradictions if item.field == field_name), None)
    if disagreement is None:
        return chosen
    alternatives = [
        {"name": side.value, "claims": side.claims, "outlets": side.outlets}
        for side in disagreement.sides
        if str(side.value).casefold() != chosen_name.casefold()
    ]
    return dataclasses.replace(chosen, disputed=True, alternatives=alternatives)

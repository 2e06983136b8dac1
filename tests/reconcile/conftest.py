"""Small hand-made article-level events for the reconciliation tests."""

from __future__ import annotations

import datetime as dt

import pytest

from khabar.model import Actor, Claim, Count, Event, EventDate, Location, Span
from khabar.reconcile import ArticleEventRef

#: places of the fixtures: (lat, lon, country)
PLACES = {
    "Khan Shaykhun": (35.44, 36.65, "SYR"),
    "Saraqib": (35.86, 36.80, "SYR"),  # 48 km north of Khan Shaykhun
    "Douma": (33.57, 36.40, "SYR"),
    "Mosul": (36.34, 43.13, "IRQ"),
}


def make_ref(
    article: str,
    *,
    outlet: str = "outlet-a",
    day: str = "2017-04-04",
    published: str | None = None,
    place: str = "Khan Shaykhun",
    precision: str = "town",
    date_precision: str = "day",
    sub_event_type: str = "Chemical weapon",
    actor1: str | None = "Military Forces of Syria",
    actor2: str | None = "Civilians (Syria)",
    killed: int | None = None,
    claims: tuple[Claim, ...] = (),
    event_id: str = "e1",
) -> ArticleEventRef:
    lat, lon, country = PLACES[place]
    location = Location(
        name=place,
        country=country,
        lat=None if precision == "country" else lat,
        lon=None if precision == "country" else lon,
        precision=precision,  # type: ignore[arg-type]
    )
    event = Event(
        id=event_id,
        sub_event_type=sub_event_type,
        date=EventDate(value=dt.date.fromisoformat(day), precision=date_precision),  # type: ignore[arg-type]
        locations=[location],
        actor1=Actor(name=actor1),
        actor2=Actor(name=actor2),
        fatalities=Count(low=killed, best=killed, high=killed),
    )
    return ArticleEventRef(
        article_id=article,
        outlet=outlet,
        published=dt.date.fromisoformat(published or day),
        event=event,
        claims=claims,
    )


def figure_claim(
    claim_id: str,
    value: int,
    *,
    speaker: str | None,
    status: str = "asserted",
    start: int = 0,
    **extra: object,
) -> Claim:
    return Claim(
        id=claim_id,
        speaker=speaker,
        kind="killed",
        status=status,  # type: ignore[arg-type]
        evidence=[Span(start, start + 5, "x" * 5)],
        value=value,
        about="e1",
        **extra,  # type: ignore[arg-type]
    )


@pytest.fixture
def ref_factory():  # type: ignore[no-untyped-def]
    return make_ref

"""Hand-built article ledgers for the store tests: every section filled, no extractor involved."""

from __future__ import annotations

import datetime as dt

from khabar.model import (
    Actor,
    Article,
    ArticleLedger,
    Claim,
    Contradiction,
    Count,
    Event,
    EventDate,
    Framing,
    Location,
    Place,
    PlaceMention,
    Plover,
    Revision,
    Span,
)

SARAQIB = (
    "Government forces shelled Saraqib on Monday, killing four civilians, a rescue official said. "
    "Rebels said nine were killed. The ministry denied the shelling, calling the rebels terrorists."
)
AFRIN = "Turkish drones struck a convoy near Afrin on 3 March, wounding twelve fighters, the SDF said."


def span(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span.of(text, start, start + len(needle))


def saraqib_ledger(article_id: str = "a-saraqib", text: str = SARAQIB, outlet: str = "Wire") -> ArticleLedger:
    article = Article(
        text=text, id=article_id, published=dt.date(2024, 3, 6), outlet=outlet, title="Shelling in Idlib"
    )
    place = Place(name="Saraqib", lat=35.86, lon=36.80, country="SYR", admin1="Idlib", geonameid=163345)
    claim1 = Claim(
        id="c1",
        speaker="a rescue official",
        kind="killed",
        status="asserted",
        value=4,
        evidence=[span(text, "killing four civilians")],
        cue="said",
    )
    claim2 = Claim(
        id="c2",
        speaker="Rebels",
        kind="killed",
        status="unverified",
        value=9,
        evidence=[span(text, "Rebels said nine were killed")],
    )
    claim3 = Claim(
        id="c3",
        speaker="The ministry",
        kind="denial",
        status="asserted",
        value={"denies": "shelling"},
        evidence=[span(text, "The ministry denied the shelling")],
        about="e1",
    )
    event = Event(
        id="e1",
        sub_event_type="Shelling/artillery/missile attack",
        date=EventDate(dt.date(2024, 3, 4), "day", [span(text, "on Monday")]),
        locations=[Location.from_place(place, "town", [span(text, "Saraqib")])],
        actor1=Actor(
            name="Military Forces of Syria",
            country="SYR",
            inter=1,
            disputed=True,
            alternatives=[{"name": "Unidentified Armed Group", "claims": ["c3"]}],
            evidence=[span(text, "Government forces")],
        ),
        actor2=Actor(name="Civilians (Syria)", country="SYR", inter=7, evidence=[span(text, "civilians")]),
        fatalities=Count(low=4, best=4, high=9, claims=["c1", "c2"], evidence=[span(text, "four")]),
        plover=Plover(event="ASSAULT", mode="artillery"),
        evidence=[span(text, "shelled")],
    )
    return ArticleLedger(
        article=article,
        events=[event],
        claims=[claim1, claim2, claim3],
        revisions=[Revision(about="e1", field="fatalities", before=4, after=9, claims=["c1", "c2"], by="x")],
        contradictions=[Contradiction(about="e1", field="fatalities", values=[4, 9], claims=["c1", "c2"])],
        framing=[
            Framing(span=span(text, "terrorists"), technique="Name_Calling,Labeling", voice="The ministry")
        ],
        places=[PlaceMention(span=span(text, "Saraqib"), place=place)],
    )


def afrin_ledger(article_id: str = "b-afrin", outlet: str = "Agency") -> ArticleLedger:
    text = AFRIN
    article = Article(text=text, id=article_id, published=dt.date(2024, 3, 5), outlet=outlet)
    afrin = Location(
        name="Afrin", country="SYR", lat=36.51, lon=36.87, precision="near_town", admin1="Aleppo"
    )
    kilis = Location(name="Kilis", country="TUR", lat=36.72, lon=37.12, precision="town", admin1="Kilis")
    event = Event(
        id="e1",
        sub_event_type="Air/drone strike",
        date=EventDate(dt.date(2024, 3, 3), "day"),
        locations=[afrin, kilis],
        actor1=Actor(name="Military Forces of Turkey", country="TUR", inter=8),
        actor2=Actor(name="SDF: Syrian Democratic Forces", country="SYR", inter=2),
        injured=Count(low=12, best=12, high=12),
        evidence=[span(text, "struck")],
    )
    undated = Event(
        id="e2",
        sub_event_type="Armed clash",
        date=EventDate(None, "month"),
        locations=[],
        actor1=Actor(name="SDF: Syrian Democratic Forces", country="SYR", inter=2),
    )
    return ArticleLedger(article=article, events=[event, undated])

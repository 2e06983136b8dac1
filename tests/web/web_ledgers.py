"""Hand-built ledgers for the web tests: the 9 → 33 → 34 story, a hostile report, a protest.

No extractor runs: each ledger is written with the model's classes and stored in a temporary
SQLite store, so the tests know exactly how many events, markers and claims there are.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

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
from khabar.store import open_store

IDLIB = (
    "At least 33 Turkish soldiers were killed in an air strike by Syrian government forces in Idlib, "
    "the governor of Hatay said. He first said nine soldiers had been killed, then raised the toll to 33. "
    "Social media posts blamed Russian jets. Later a ministry put the toll at 34. "
    "Turkish forces then shelled regime positions near Kafr Nabl, the foreign-sponsored terrorists said."
)
XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(1)>"
HOSTILE = (
    f"Militants stormed Kilis {XSS_SCRIPT} and killed two guards, a source said {XSS_IMG} on Monday. "
    "Residents called them <b>bandits</b>."
)
PROTEST = "Thousands protested in Istanbul on Sunday against the war, police said."

#: located event locations in the stored ledgers (each is one marker on the map)
MARKERS_ALL = 4  # Idlib e1 (Balyun), Idlib e2 (Kafr Nabl), hostile e1 (Kilis), protest e1 (Istanbul)
MARKERS_TUR = 2  # Kilis, Istanbul
IDLIB_ID = "idlib-2020"
HOSTILE_ID = "hostile-1"
PROTEST_ID = "protest-1"


def span(text: str, needle: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span.of(text, start, start + len(needle))


def idlib_ledger() -> ArticleLedger:
    text = IDLIB
    article = Article(
        text=text, id=IDLIB_ID, published=dt.date(2020, 2, 28), outlet="Agencies", title="Strike in Idlib"
    )
    balyun = Location(
        name="Balyun",
        country="SYR",
        lat=35.63,
        lon=36.55,
        precision="town",
        admin1="Idlib",
        evidence=[span(text, "Idlib")],
    )
    kafr = Place(name="Kafr Nabl", lat=35.61, lon=36.56, country="SYR", admin1="Idlib")
    claims = [
        Claim(
            id="c1",
            speaker="the governor of Hatay",
            kind="killed",
            status="superseded",
            value=9,
            evidence=[span(text, "nine soldiers had been killed")],
            about="e1",
            superseded_by="c2",
            via=["Anadolu"],
        ),
        Claim(
            id="c2",
            speaker="the governor of Hatay",
            kind="killed",
            status="asserted",
            value=33,
            qualifier="at least",
            evidence=[span(text, "raised the toll to 33")],
            about="e1",
            revises="c1",
            via=["Anadolu"],
        ),
        Claim(
            id="c3",
            speaker="a ministry",
            kind="killed",
            status="asserted",
            value=34,
            evidence=[span(text, "put the toll at 34")],
            about="e1",
        ),
        Claim(
            id="c4",
            speaker="Social media posts",
            kind="perpetrator",
            status="unverified",
            value="Military Forces of Russia",
            evidence=[span(text, "Social media posts blamed Russian jets")],
            about="e1",
        ),
    ]
    strike = Event(
        id="e1",
        sub_event_type="Air/drone strike",
        date=EventDate(dt.date(2020, 2, 27), "day"),
        locations=[balyun],
        actor1=Actor(
            name="Military Forces of Syria",
            country="SYR",
            inter=1,
            disputed=True,
            alternatives=[{"name": "Military Forces of Russia", "claims": ["c4"]}],
            evidence=[span(text, "Syrian government forces")],
        ),
        actor2=Actor(
            name="Military Forces of Turkey",
            country="TUR",
            inter=8,
            evidence=[span(text, "Turkish soldiers")],
        ),
        fatalities=Count(low=33, best=33, high=34, claims=["c2", "c3"], evidence=[span(text, "At least 33")]),
        plover=Plover(event="ASSAULT", mode="aerial"),
        evidence=[span(text, "air strike")],
    )
    shelling = Event(
        id="e2",
        sub_event_type="Shelling/artillery/missile attack",
        date=EventDate(dt.date(2020, 2, 28), "day"),
        locations=[Location.from_place(kafr, "near_town", [span(text, "Kafr Nabl")])],
        actor1=Actor(name="Military Forces of Turkey", country="TUR", inter=8),
        actor2=Actor(name="Military Forces of Syria", country="SYR", inter=1),
        evidence=[span(text, "shelled")],
    )
    return ArticleLedger(
        article=article,
        events=[strike, shelling],
        claims=claims,
        revisions=[
            Revision(
                about="e1",
                field="fatalities",
                before=9,
                after=33,
                claims=["c1", "c2"],
                by="the governor of Hatay",
            )
        ],
        contradictions=[Contradiction(about="e1", field="fatalities", values=[33, 34], claims=["c2", "c3"])],
        framing=[
            Framing(
                span=span(text, "foreign-sponsored terrorists"),
                technique="Name_Calling,Labeling",
                voice="outlet",
                neutral="opposition fighters",
            )
        ],
        places=[PlaceMention(span=span(text, "Kafr Nabl"), place=kafr)],
    )


def hostile_ledger() -> ArticleLedger:
    """A report whose text, title, outlet, speaker and place names all carry markup."""
    text = HOSTILE
    article = Article(
        text=text,
        id=HOSTILE_ID,
        published=dt.date(2024, 3, 5),
        outlet=f"Evil {XSS_IMG} Wire",
        title=f"Attack {XSS_SCRIPT}",
    )
    kilis = Place(name=f"Kilis {XSS_IMG}", lat=36.72, lon=37.12, country="TUR", admin1="Kilis")
    claim = Claim(
        id="c1",
        speaker=XSS_SCRIPT,
        kind="killed",
        status="asserted",
        value=2,
        evidence=[span(text, f"{XSS_SCRIPT} and killed two guards")],
        about="e1",
    )
    event = Event(
        id="e1",
        sub_event_type="Attack",
        date=EventDate(dt.date(2024, 3, 4), "day", [span(text, "on Monday")]),
        locations=[Location.from_place(kilis, "town", [span(text, "Kilis")])],
        actor1=Actor(name=f"Militants {XSS_IMG}", inter=3, evidence=[span(text, "Militants")]),
        actor2=Actor(name="Civilians (Turkey)", country="TUR", inter=7),
        fatalities=Count(low=2, best=2, high=2, claims=["c1"], evidence=[span(text, "two")]),
        evidence=[span(text, f"stormed Kilis {XSS_SCRIPT}")],
    )
    return ArticleLedger(
        article=article,
        events=[event],
        claims=[claim],
        framing=[
            Framing(span=span(text, "<b>bandits</b>"), technique="Name_Calling,Labeling", voice="outlet")
        ],
        places=[PlaceMention(span=span(text, "Kilis"), place=kilis)],
    )


def protest_ledger() -> ArticleLedger:
    text = PROTEST
    article = Article(text=text, id=PROTEST_ID, published=dt.date(2024, 3, 11), outlet="Bosphorus Daily")
    istanbul = Location(
        name="Istanbul", country="TUR", lat=41.01, lon=28.98, precision="town", admin1="Istanbul"
    )
    event = Event(
        id="e1",
        sub_event_type="Peaceful protest",
        date=EventDate(dt.date(2024, 3, 10), "day"),
        locations=[istanbul],
        actor1=Actor(name="Protesters (Turkey)", country="TUR", inter=6),
        evidence=[span(text, "protested")],
    )
    return ArticleLedger(article=article, events=[event])


def all_ledgers() -> list[ArticleLedger]:
    return [idlib_ledger(), hostile_ledger(), protest_ledger()]


def build_store(path: Path) -> Path:
    """A SQLite store at ``path`` holding ``all_ledgers()``."""
    with open_store(path) as store:
        for ledger in all_ledgers():
            store.put(ledger)
    return path

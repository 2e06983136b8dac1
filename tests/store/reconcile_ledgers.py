"""An invented corpus for the ledger-event tests: three outlets report one strike, one report is unrelated.

The strike on Khan Shaykhun (4 April) is told three ways: Wire says government aircraft killed
58 (a health official), Daily says 72 died and rebels' depot leaked (a government statement
blames Hayat Tahrir al-Sham), Gazette repeats 58 then revises to at least 86. The fourth article
is a bombing in Mosul on another day: it must stay its own ledger event.
"""

from __future__ import annotations

import datetime as dt

from khabar.model import Actor, Article, ArticleLedger, Claim, Count, Event, EventDate, Location, Span

KHAN_SHAYKHUN = Location(
    name="Khan Shaykhun", country="SYR", lat=35.44, lon=36.65, precision="town", admin1="Idlib"
)
MOSUL = Location(name="Mosul", country="IRQ", lat=36.34, lon=43.13, precision="town", admin1="Nineveh")
STRIKE_DAY = dt.date(2017, 4, 4)


def _span(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span.of(text, start, start + len(needle))


def _figure_claim(
    text: str, claim_id: str, speaker: str | None, value: int, needle: str, **extra: object
) -> Claim:
    return Claim(
        id=claim_id, speaker=speaker, kind="killed", status="asserted", value=value,
        evidence=[_span(text, needle)], about="e1", **extra,  # type: ignore[arg-type]
    )  # fmt: skip


def _strike_ledger(
    article_id: str,
    outlet: str,
    published: dt.date,
    text: str,
    claims: list[Claim],
    *,
    actor1: str,
    killed: int,
) -> ArticleLedger:
    event = Event(
        id="e1",
        sub_event_type="Chemical weapon",
        date=EventDate(STRIKE_DAY, "day"),
        locations=[KHAN_SHAYKHUN],
        actor1=Actor(name=actor1, country="SYR", inter=1 if "Military" in actor1 else 2),
        actor2=Actor(name="Civilians (Syria)", country="SYR", inter=7),
        fatalities=Count(
            low=killed, best=killed, high=killed, claims=[c.id for c in claims if c.kind == "killed"]
        ),
        evidence=[_span(text, "Khan Shaykhun")],
        main=True,
    )
    article = Article(text=text, id=article_id, published=published, outlet=outlet, title=text.split(".")[0])
    return ArticleLedger(article=article, events=[event], claims=claims)


def wire_ledger() -> ArticleLedger:
    text = (
        "Syrian government aircraft dropped sarin on Khan Shaykhun on Tuesday, killing 58 people, "
        "a local health official said."
    )
    claims = [_figure_claim(text, "c1", "a local health official", 58, "killing 58 people")]
    return _strike_ledger(
        "wire-1", "Wire", dt.date(2017, 4, 4), text, claims, actor1="Military Forces of Syria", killed=58
    )


def daily_ledger() -> ArticleLedger:
    text = (
        "In Khan Shaykhun 72 people died on Tuesday. The government said an air strike hit a rebel "
        "depot of chemical weapons and that the gas leaked from it, blaming Hayat Tahrir al-Sham."
    )
    claims = [
        _figure_claim(text, "c1", None, 72, "72 people died"),
        Claim(
            id="c2", speaker="The government", kind="perpetrator", status="asserted",
            value="Hayat Tahrir al-Sham", evidence=[_span(text, "blaming Hayat Tahrir al-Sham")], about="e1",
        ),
    ]  # fmt: skip
    return _strike_ledger(
        "daily-1", "Daily", dt.date(2017, 4, 5), text, claims, actor1="Hayat Tahrir al-Sham", killed=72
    )


def gazette_ledger() -> ArticleLedger:
    text = (
        "The toll of the gas attack on Khan Shaykhun on Tuesday rose from 58 to at least 86, "
        "the Syrian Observatory said, blaming government aircraft."
    )
    claims = [
        Claim(
            id="c1", speaker="the Syrian Observatory", kind="killed", status="superseded", value=58,
            evidence=[_span(text, "58")], about="e1", superseded_by="c2",
        ),
        _figure_claim(
            text, "c2", "the Syrian Observatory", 86, "at least 86", qualifier="at least", revises="c1"
        ),
    ]  # fmt: skip
    return _strike_ledger(
        "gazette-1",
        "Gazette",
        dt.date(2017, 4, 6),
        text,
        claims,
        actor1="Military Forces of Syria",
        killed=86,
    )


def mosul_ledger() -> ArticleLedger:
    text = "A car bomb killed 9 people in Mosul on Sunday, police said."
    event = Event(
        id="e1",
        sub_event_type="Remote explosive/landmine/IED",
        date=EventDate(dt.date(2017, 4, 2), "day"),
        locations=[MOSUL],
        actor1=Actor(name="Islamic State (Iraq)", country="IRQ", inter=2),
        fatalities=Count(low=9, best=9, high=9),
        evidence=[_span(text, "car bomb")],
        main=True,
    )
    article = Article(
        text=text, id="other-1", published=dt.date(2017, 4, 3), outlet="Wire", title="Mosul bomb"
    )
    return ArticleLedger(article=article, events=[event])


def corpus() -> list[ArticleLedger]:
    return [wire_ledger(), daily_ledger(), gazette_ledger(), mosul_ledger()]

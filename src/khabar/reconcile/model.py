"""The types of cross-article reconciliation: what goes in and what comes out.

In: one :class:`ArticleEventRef` per event of an article ledger (the article's id, outlet and
publication date, the article-level :class:`~khabar.model.Event` and the claims about it).
Out: one :class:`LedgerEvent` per happening, holding every claim of every article that reported
it (:class:`LedgerClaim`, with its source chain), the figures as low/best/high with their
timeline, and the contradictions between outlets (:class:`LedgerContradiction`).

All types have ``to_dict`` for the store, exporters and the API.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..model import Actor, ArticleLedger, Claim, Event, Location


@dataclass(frozen=True, slots=True)
class ArticleEventRef:
    """One article-level event with what reconciliation needs to know about its article."""

    article_id: str
    outlet: str | None
    published: dt.date | None
    event: Event
    claims: tuple[Claim, ...] = ()
    #: the place the article names most often (see ``article_place``): where a report whose
    #: main event the extractor placed only in a country most likely happened
    article_place: Location | None = None

    @property
    def key(self) -> str:
        """Unique within a corpus: the article id and the event id within it."""
        return f"{self.article_id}#{self.event.id}"


def refs_of_ledger(ledger: ArticleLedger) -> Iterator[ArticleEventRef]:
    """Every event of an article ledger, each with the claims that concern it."""
    article = ledger.article
    place = article_place(mention.to_dict() for mention in ledger.places)
    for event in ledger.events:
        yield ArticleEventRef(
            article_id=article.id,
            outlet=article.outlet,
            published=article.published,
            event=event,
            claims=tuple(claims_about(event, ledger.claims)),
            article_place=place,
        )


def article_place(mentions: Iterable[dict[str, Any]]) -> Location | None:
    """The resolved place an article names most often, among those below country level (the
    ones with a province); ties go to the one named first. ``mentions`` are place mentions as
    ``PlaceMention.to_dict()`` writes them (and the store keeps them)."""
    votes: Counter[tuple[float, float]] = Counter()
    first: dict[tuple[float, float], dict[str, Any]] = {}
    for mention in mentions:
        if not mention.get("admin1") or mention.get("lat") is None or mention.get("lon") is None:
            continue
        key = (round(float(mention["lat"]), 3), round(float(mention["lon"]), 3))
        votes[key] += 1
        first.setdefault(key, mention)
    if not votes:
        return None
    top = max(votes.values())
    chosen = next(mention for key, mention in first.items() if votes[key] == top)
    return Location(
        name=str(chosen.get("name") or ""),
        country=chosen.get("country"),
        lat=float(chosen["lat"]),
        lon=float(chosen["lon"]),
        precision="town",
        admin1=chosen.get("admin1"),
        geonameid=chosen.get("geonameid"),
    )


def claims_about(event: Event, claims: list[Claim]) -> list[Claim]:
    """The claims an event cites (in its figures or actors) or that say they are about it."""
    cited = set(event.fatalities.claims) | set(event.injured.claims)
    cited |= set(event.actor1.claims) | set(event.actor2.claims)
    for alternative in event.actor1.alternatives:
        cited |= set(alternative.get("claims", []))
    return [claim for claim in claims if claim.about == event.id or claim.id in cited]


@dataclass(frozen=True, slots=True)
class SourceChain:
    """Who a claim comes from: the article and outlet that printed it, the speaker, the relays."""

    article_id: str
    outlet: str | None
    published: dt.date | None
    speaker: str | None
    via: tuple[str, ...] = ()

    @property
    def source(self) -> str:
        """The distinct source a figure is counted under: the speaker, else the outlet's voice."""
        return (self.speaker or f"outlet:{self.outlet or self.article_id}").casefold()

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "outlet": self.outlet,
            "published": self.published.isoformat() if self.published else None,
            "speaker": self.speaker,
            "via": list(self.via),
        }


@dataclass(frozen=True, slots=True)
class LedgerClaim:
    """A claim of one article, addressed across the corpus as ``article_id:claim_id``.

    ``order`` is the claim's position in its article (its evidence offset), so claims sort by
    publication date then order into a timeline. A figure the article states in its own voice,
    with no claim record behind it, becomes a claim with ``synthetic`` True.
    """

    id: str
    chain: SourceChain
    kind: str
    value: Any
    status: str
    order: int
    low: int | None = None
    high: int | None = None
    qualifier: str | None = None
    synthetic: bool = False

    def to_dict(self) -> dict[str, Any]:
        data = {
            "id": self.id,
            **self.chain.to_dict(),
            "kind": self.kind,
            "value": self.value,
            "low": self.low,
            "high": self.high,
            "qualifier": self.qualifier,
            "status": self.status,
            "order": self.order,
        }
        if self.synthetic:
            data["synthetic"] = True
        return data


@dataclass(slots=True)
class Figure:
    """A casualty figure of a ledger event in the UCDP manner, with the rule that made ``best``."""

    low: int | None = None
    best: int | None = None
    high: int | None = None
    claims: list[str] = field(default_factory=list)
    rule: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "low": self.low,
            "best": self.best,
            "high": self.high,
            "claims": self.claims,
            "rule": self.rule,
        }


@dataclass(frozen=True, slots=True)
class TimelinePoint:
    """One figure as reported, in the order the world heard it."""

    published: dt.date | None
    claim: str
    source: str
    outlet: str | None
    low: int | None
    high: int | None
    status: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "published": self.published.isoformat() if self.published else None,
            "claim": self.claim,
            "source": self.source,
            "outlet": self.outlet,
            "low": self.low,
            "high": self.high,
            "status": self.status,
        }


@dataclass(slots=True)
class ContradictionSide:
    value: Any
    claims: list[str]
    outlets: list[str]

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "claims": self.claims, "outlets": self.outlets}


@dataclass(slots=True)
class LedgerContradiction:
    """Outlets (or their sources) disagree on a field of one ledger event."""

    field: str
    sides: list[ContradictionSide]

    @property
    def values(self) -> list[Any]:
        return [side.value for side in self.sides]

    def to_dict(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "values": self.values,
            "claims": [claim for side in self.sides for claim in side.claims],
            "outlets": sorted({outlet for side in self.sides for outlet in side.outlets}),
            "sides": [side.to_dict() for side in self.sides],
        }


@dataclass(slots=True)
class LedgerEvent:
    """A happening as reported by one or more articles: the unit of the reconciled ledger."""

    id: str
    sub_event_type: str
    event_type: str
    date_start: dt.date | None
    date_end: dt.date | None
    date_precision: str
    location: Location | None
    actor1: Actor
    actor2: Actor
    members: list[str]  # ArticleEventRef.key of every article-level event merged here
    articles: list[str]
    outlets: list[str]
    claims: list[LedgerClaim] = field(default_factory=list)
    fatalities: Figure = field(default_factory=Figure)
    injured: Figure = field(default_factory=Figure)
    timeline: dict[str, list[TimelinePoint]] = field(default_factory=dict)
    contradictions: list[LedgerContradiction] = field(default_factory=list)
    #: member key (ArticleEventRef.key) -> the ids of the claims that member brought
    member_claims: dict[str, list[str]] = field(default_factory=dict)

    @property
    def disputed(self) -> list[str]:
        """The fields whose values the sources do not agree on."""
        return sorted({item.field for item in self.contradictions})

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "acled": {"event_type": self.event_type, "sub_event_type": self.sub_event_type},
            "date": {
                "start": self.date_start.isoformat() if self.date_start else None,
                "end": self.date_end.isoformat() if self.date_end else None,
                "precision": self.date_precision,
            },
            "location": self.location.to_dict() if self.location else None,
            "actor1": self.actor1.to_dict(),
            "actor2": self.actor2.to_dict(),
            "fatalities": self.fatalities.to_dict(),
            "injured": self.injured.to_dict(),
            "timeline": {
                name: [point.to_dict() for point in points] for name, points in self.timeline.items()
            },
            "disputed": self.disputed,
            "contradictions": [item.to_dict() for item in self.contradictions],
            "members": self.members,
            "member_claims": self.member_claims,
            "articles": self.articles,
            "outlets": self.outlets,
            "claims": [claim.to_dict() for claim in self.claims],
        }

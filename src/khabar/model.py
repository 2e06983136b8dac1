"""The data model at the centre of khabar.

Every other module reads or writes these types: the extractor's stages produce
mentions (a span of the article plus what it means), the assembler turns mentions
into events, and the exporters, the store and the web app only read them.

Each type has a symmetric ``to_dict`` / ``from_dict`` pair whose field names are
those of the output contract (``shared/design/article-ledger.schema.json``).
Offsets are character offsets into the article text exactly as given.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

DatePrecision = Literal["day", "week", "month", "year"]
GeoPrecision = Literal["town", "near_town", "district", "admin2", "admin1", "country", "region", "site"]
CountKind = Literal["killed", "injured"]
ClaimStatus = Literal["asserted", "confirmed", "unverified", "denied", "disputed", "superseded"]
ClaimKind = Literal["killed", "injured", "perpetrator", "event", "accusation", "denial", "statement"]

ACLED_EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": (
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ),
    "Protests": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}
#: sub_event_type -> event_type, ACLED's exact strings (25 sub-event types).
ACLED_SUB_EVENT_TYPES: dict[str, str] = {
    sub: event_type for event_type, subs in ACLED_EVENT_TYPES.items() for sub in subs
}


def content_id(text: str) -> str:
    """The id of an article that came without one: a short hash of its text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _drop_none(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if value is not None}


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of evidence: character offsets into the article and the text between them."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Span:
        return cls(start=int(data["start"]), end=int(data["end"]), text=str(data["text"]))

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span of ``text[start:end]``."""
        return cls(start=start, end=end, text=text[start:end])


def _spans_to_json(spans: list[Span]) -> Any:
    if not spans:
        return []
    if len(spans) == 1:
        return spans[0].to_dict()
    return [span.to_dict() for span in spans]


def _spans_from_json(data: Any) -> list[Span]:
    if not data:
        return []
    if isinstance(data, dict):
        return [Span.from_dict(data)]
    return [Span.from_dict(item) for item in data]


@dataclass(slots=True)
class Article:
    """One news report as it entered khabar."""

    text: str
    id: str = ""
    published: dt.date | None = None
    outlet: str | None = None
    title: str | None = None
    url: str | None = None
    language: str | None = "en"

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_id(self.text)

    def to_dict(self, *, with_text: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "published": self.published.isoformat() if self.published else None,
            "outlet": self.outlet,
            "title": self.title,
            "url": self.url,
            "language": self.language,
        }
        if with_text:
            data["text"] = self.text
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        published = data.get("published")
        return cls(
            text=data.get("text", ""),
            id=data.get("id") or "",
            published=dt.date.fromisoformat(published) if published else None,
            outlet=data.get("outlet"),
            title=data.get("title"),
            url=data.get("url"),
            language=data.get("language"),
        )


@dataclass(slots=True)
class Place:
    """A gazetteer entry: a named place with coordinates and its administrative parents."""

    name: str
    lat: float
    lon: float
    country: str | None  # ISO3
    admin1: str | None = None
    admin2: str | None = None
    geonameid: int | None = None
    feature: str = "town"  # town | admin1 | admin2 | country | region | site
    population: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "lat": self.lat,
            "lon": self.lon,
            "country": self.country,
            "admin1": self.admin1,
            "admin2": self.admin2,
            "geonameid": self.geonameid,
            "feature": self.feature,
            "population": self.population,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Place:
        return cls(
            name=data["name"],
            lat=float(data["lat"]),
            lon=float(data["lon"]),
            country=data.get("country"),
            admin1=data.get("admin1"),
            admin2=data.get("admin2"),
            geonameid=data.get("geonameid"),
            feature=data.get("feature", "town"),
            population=int(data.get("population") or 0),
        )


@dataclass(slots=True)
class PlaceMention:
    """A toponym in the text resolved to a gazetteer place."""

    span: Span
    place: Place
    score: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        place = self.place
        return {
            **self.span.to_dict(),
            "name": place.name,
            "lat": place.lat,
            "lon": place.lon,
            "country": place.country,
            "admin1": place.admin1,
            "geonameid": place.geonameid,
        }


@dataclass(slots=True)
class Location:
    """Where an event happened, with ACLED-style geo precision."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    precision: GeoPrecision
    admin1: str | None = None
    admin2: str | None = None
    geonameid: int | None = None
    evidence: list[Span] = field(default_factory=list)

    @classmethod
    def from_place(
        cls, place: Place, precision: GeoPrecision, evidence: list[Span] | None = None
    ) -> Location:
        return cls(
            name=place.name,
            country=place.country,
            lat=place.lat,
            lon=place.lon,
            precision=precision,
            admin1=place.admin1,
            admin2=place.admin2,
            geonameid=place.geonameid,
            evidence=list(evidence or []),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "admin1": self.admin1,
            "admin2": self.admin2,
            "lat": self.lat,
            "lon": self.lon,
            "geonameid": self.geonameid,
            "precision": self.precision,
            "evidence": _spans_to_json(self.evidence),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Location:
        return cls(
            name=data["name"],
            country=data.get("country"),
            lat=data.get("lat"),
            lon=data.get("lon"),
            precision=data["precision"],
            admin1=data.get("admin1"),
            admin2=data.get("admin2"),
            geonameid=data.get("geonameid"),
            evidence=_spans_from_json(data.get("evidence")),
        )


@dataclass(slots=True)
class Actor:
    """A canonical actor, ACLED style: 'Military Forces of Turkey', 'Civilians (Syria)'."""

    name: str | None
    country: str | None = None  # ISO3
    inter: int | None = None  # ACLED inter code 1-8
    sector: str | None = None  # PLOVER/CAMEO sector: MIL, GOV, REB, CVL, ...
    disputed: bool = False
    alternatives: list[dict[str, Any]] = field(default_factory=list)
    claims: list[str] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "name": self.name,
            "country": self.country,
            "inter": self.inter,
            "evidence": _spans_to_json(self.evidence),
        }
        if self.sector:
            data["sector"] = self.sector
        if self.disputed:
            data["disputed"] = True
            data["alternatives"] = self.alternatives
        if self.claims:
            data["claims"] = self.claims
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Actor:
        return cls(
            name=data.get("name"),
            country=data.get("country"),
            inter=data.get("inter"),
            sector=data.get("sector"),
            disputed=bool(data.get("disputed", False)),
            alternatives=list(data.get("alternatives", [])),
            claims=list(data.get("claims", [])),
            evidence=_spans_from_json(data.get("evidence")),
        )


@dataclass(slots=True)
class ActorMention:
    """A span of text that names an actor, resolved to its canonical form."""

    span: Span
    actor: Actor
    head: int | None = None  # character offset of the syntactic head, for argument linking


@dataclass(slots=True)
class DateMention:
    """A temporal expression resolved against the publication date."""

    span: Span
    value: dt.date
    precision: DatePrecision


@dataclass(slots=True)
class CountMention:
    """A casualty figure: 'at least 33 Turkish soldiers have been killed'."""

    span: Span  # the figure itself: "At least 33", "dozens", "thirty-four"
    kind: CountKind
    low: int | None
    high: int | None
    qualifier: str | None = None  # "at least", "more than", "dozens", "about", ...
    victims: Span | None = None  # the noun the figure counts: "Turkish soldiers"
    trigger: Span | None = None  # the word that makes it a casualty: "killed", "wounded"
    #: the trigger says the victims were hit ("shot", "stabbed") but not that they survived;
    #: such a mention is kind "injured" and ``counts.article_totals`` nets the killed out of it
    harm: bool = False
    #: the figure counts some of the victims another figure counts ("Fifteen of the dead",
    #: "seven of them children"): a floor of the toll, never a toll of its own
    part: bool = False

    @property
    def best(self) -> int | None:
        """ACLED's conservative reading: the lower bound when there is one."""
        return self.low if self.low is not None else self.high


@dataclass(slots=True)
class EventMention:
    """A trigger of a codable event in one sentence, typed in ACLED and PLOVER."""

    trigger: Span
    sub_event_type: str
    sentence: Span
    plover_event: str | None = None
    plover_mode: str | None = None
    plover_context: list[str] = field(default_factory=list)
    confidence: float = 1.0
    #: asserted | negated | denied | future | intended | hypothetical | background (history told to
    #: set the scene); only asserted ones are events
    modality: str = "asserted"
    #: a summary statistic ("airstrikes have killed thousands since 2011"), not one event
    generic: bool = False
    #: an explicit year in the trigger's sentence; the assembler drops history far before publication
    reference_year: int | None = None
    #: id of the lexicon rule that fired (for audit and evaluation)
    rule: str | None = None

    @property
    def event_type(self) -> str:
        return ACLED_SUB_EVENT_TYPES[self.sub_event_type]


@dataclass(slots=True)
class Count:
    """A figure of an event as low / best / high, with the claims it derives from."""

    low: int | None = None
    best: int | None = None
    high: int | None = None
    claims: list[str] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)
    note: str | None = None
    #: sources in the report disagree on the figure (a contradiction record holds both sides)
    disputed: bool = False

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"low": self.low, "best": self.best, "high": self.high}
        if self.disputed:
            data["disputed"] = True
        if self.claims:
            data["claims"] = self.claims
        if self.evidence:
            data["evidence"] = _spans_to_json(self.evidence)
        if self.note:
            data["note"] = self.note
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Count:
        data = data or {}
        return cls(
            low=data.get("low"),
            best=data.get("best"),
            high=data.get("high"),
            claims=list(data.get("claims", [])),
            evidence=_spans_from_json(data.get("evidence")),
            note=data.get("note"),
            disputed=bool(data.get("disputed", False)),
        )


@dataclass(slots=True)
class EventDate:
    value: dt.date | None
    precision: DatePrecision
    evidence: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": self.value.isoformat() if self.value else None,
            "precision": self.precision,
            "evidence": _spans_to_json(self.evidence),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EventDate:
        value = data.get("value")
        return cls(
            value=dt.date.fromisoformat(value) if value else None,
            precision=data["precision"],
            evidence=_spans_from_json(data.get("evidence")),
        )


@dataclass(slots=True)
class Plover:
    event: str
    mode: str | None = None
    context: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"event": self.event, "mode": self.mode, "context": self.context}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Plover:
        return cls(event=data["event"], mode=data.get("mode"), context=list(data.get("context", [])))


@dataclass(slots=True)
class Event:
    """One coded event: ACLED codes one event per location and day."""

    id: str
    sub_event_type: str
    date: EventDate
    locations: list[Location]
    actor1: Actor
    actor2: Actor = field(default_factory=lambda: Actor(name=None))
    associated: list[Actor] = field(default_factory=list)
    fatalities: Count = field(default_factory=Count)
    injured: Count = field(default_factory=Count)
    plover: Plover | None = None
    status: str = "asserted"
    relation: dict[str, str] = field(default_factory=dict)
    evidence: list[Span] = field(default_factory=list)
    #: the report's main event (its lead story), as opposed to background and side events
    main: bool = False

    @property
    def event_type(self) -> str:
        return ACLED_SUB_EVENT_TYPES[self.sub_event_type]

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "main": self.main,
            "acled": {"event_type": self.event_type, "sub_event_type": self.sub_event_type},
            "plover": self.plover.to_dict() if self.plover else None,
            "date": self.date.to_dict(),
            "actor1": self.actor1.to_dict(),
            "actor2": self.actor2.to_dict(),
            "associated": [actor.to_dict() for actor in self.associated],
            "fatalities": self.fatalities.to_dict(),
            "injured": self.injured.to_dict(),
            "status": self.status,
            "evidence": _spans_to_json(self.evidence),
        }
        if len(self.locations) == 1:
            data["location"] = self.locations[0].to_dict()
        else:
            data["locations"] = [location.to_dict() for location in self.locations]
        if self.relation:
            data["relation"] = self.relation
        return _drop_none(data)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        raw_locations = data.get("locations") or ([data["location"]] if "location" in data else [])
        return cls(
            id=data["id"],
            sub_event_type=data["acled"]["sub_event_type"],
            date=EventDate.from_dict(data["date"]),
            locations=[Location.from_dict(item) for item in raw_locations],
            actor1=Actor.from_dict(data.get("actor1") or {}),
            actor2=Actor.from_dict(data.get("actor2") or {}),
            associated=[Actor.from_dict(item) for item in data.get("associated", [])],
            fatalities=Count.from_dict(data.get("fatalities")),
            injured=Count.from_dict(data.get("injured")),
            plover=Plover.from_dict(data["plover"]) if data.get("plover") else None,
            status=data.get("status", "asserted"),
            relation=dict(data.get("relation", {})),
            evidence=_spans_from_json(data.get("evidence")),
            main=bool(data.get("main", False)),
        )


@dataclass(slots=True)
class Claim:
    """An attributed statement: who said what, through whom, how sure."""

    id: str
    speaker: str | None
    kind: ClaimKind
    status: ClaimStatus
    evidence: list[Span]
    value: Any = None
    qualifier: str | None = None
    role: str | None = None
    speaker_actor: str | None = None
    via: list[str] = field(default_factory=list)
    cue: str | None = None
    about: str | None = None
    revises: str | None = None
    superseded_by: str | None = None
    #: a figure of some of the victims another figure counts ("including four children"):
    #: a floor of the toll, not a toll, so never a revision or a contradiction of it
    part: bool = False

    def to_dict(self) -> dict[str, Any]:
        data = {
            "id": self.id,
            "speaker": self.speaker,
            "role": self.role,
            "speaker_actor": self.speaker_actor,
            "via": self.via,
            "cue": self.cue,
            "kind": self.kind,
            "value": self.value,
            "qualifier": self.qualifier,
            "about": self.about,
            "status": self.status,
            "revises": self.revises,
            "superseded_by": self.superseded_by,
            "part": self.part,
            "evidence": _spans_to_json(self.evidence),
        }
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Claim:
        return cls(
            id=data["id"],
            speaker=data.get("speaker"),
            kind=data["kind"],
            status=data["status"],
            evidence=_spans_from_json(data.get("evidence")),
            value=data.get("value"),
            qualifier=data.get("qualifier"),
            role=data.get("role"),
            speaker_actor=data.get("speaker_actor"),
            via=list(data.get("via", [])),
            cue=data.get("cue"),
            about=data.get("about"),
            revises=data.get("revises"),
            superseded_by=data.get("superseded_by"),
            part=bool(data.get("part", False)),
        )


@dataclass(slots=True)
class Revision:
    about: str | None
    field: str
    before: Any
    after: Any
    claims: list[str]
    by: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "about": self.about,
            "field": self.field,
            "from": self.before,
            "to": self.after,
            "by": self.by,
            "claims": self.claims,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Revision:
        return cls(
            about=data.get("about"),
            field=data["field"],
            before=data.get("from"),
            after=data.get("to"),
            claims=list(data.get("claims", [])),
            by=data.get("by"),
        )


@dataclass(slots=True)
class Contradiction:
    """Sources disagreeing on a field of one event: killed, injured, perpetrator, place, date.

    ``sides`` (optional) says which claims hold each value (``{"value", "claims"}``) where a
    claim's own value is not the disputed one: a place or a date is said in an event claim.
    """

    about: str | None
    field: str
    values: list[Any]
    claims: list[str]
    sides: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data = {"about": self.about, "field": self.field, "values": self.values, "claims": self.claims}
        if self.sides:
            data["sides"] = self.sides
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Contradiction:
        return cls(
            about=data.get("about"),
            field=data["field"],
            values=list(data.get("values", [])),
            claims=list(data.get("claims", [])),
            sides=[dict(side) for side in data.get("sides", [])],
        )


@dataclass(slots=True)
class Framing:
    """A span of loaded language or a propaganda technique, and whose voice it is."""

    span: Span
    technique: str
    voice: str
    neutral: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.span.to_dict(),
            "technique": self.technique,
            "voice": self.voice,
            "neutral": self.neutral,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Framing:
        return cls(
            span=Span.from_dict(data),
            technique=data["technique"],
            voice=data["voice"],
            neutral=data.get("neutral"),
        )


@dataclass(slots=True)
class ArticleLedger:
    """Everything khabar extracts from one article: the output of ``khabar extract``."""

    article: Article
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    revisions: list[Revision] = field(default_factory=list)
    contradictions: list[Contradiction] = field(default_factory=list)
    framing: list[Framing] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article.to_dict(),
            "events": [event.to_dict() for event in self.events],
            "claims": [claim.to_dict() for claim in self.claims],
            "revisions": [revision.to_dict() for revision in self.revisions],
            "contradictions": [item.to_dict() for item in self.contradictions],
            "framing": [item.to_dict() for item in self.framing],
            "places": [mention.to_dict() for mention in self.places],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, text: str = "") -> ArticleLedger:
        article = Article.from_dict({**data["article"], "text": text})
        places = [
            PlaceMention(
                span=Span.from_dict(item),
                place=Place.from_dict(item),
            )
            for item in data.get("places", [])
        ]
        return cls(
            article=article,
            events=[Event.from_dict(item) for item in data.get("events", [])],
            claims=[Claim.from_dict(item) for item in data.get("claims", [])],
            revisions=[Revision.from_dict(item) for item in data.get("revisions", [])],
            contradictions=[Contradiction.from_dict(item) for item in data.get("contradictions", [])],
            framing=[Framing.from_dict(item) for item in data.get("framing", [])],
            places=places,
        )

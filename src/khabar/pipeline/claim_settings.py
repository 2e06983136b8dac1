"""Place and date contradictions in one report: two sources put one event in places, or on
days, that cannot both be true.

A *report* is what one speaker says in one sentence: the claims drawn from it, the places and
dates inside what is said (not in the speaker's own name, "a source in Hasaka", nor the day
the words were said, "the ministry said on Thursday"). A report belongs to the event its claims
are about, or, when it picks an event up again with a definite noun ("the strike hit Jableh"),
to the latest earlier event that noun names: the assembler makes a new event for every place
and day, so a source that moves the strike elsewhere would otherwise start an event of its own.
Reports of one event from different speakers whose places (or dates) all clash
(``where_when.py``) make a ``Contradiction`` of field ``place`` (or ``date``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from ..langdata import load_json
from ..model import Contradiction, DateMention, Event, PlaceMention
from ..where_when import Where, dates_clash, places_clash

if TYPE_CHECKING:
    from .claims import Draft

DATA = ("en", "claims", "settings.json")
#: claim kinds whose sentence says nothing of where the event was: a denial's content is denied
SILENT_KINDS = frozenset({"denial"})
#: a night attack may be dated on either side of midnight
NIGHT_SLACK_DAYS = 1


@dataclass(frozen=True, slots=True)
class SettingWords:
    event_nouns: frozenset[str]
    definite: frozenset[str]
    other: frozenset[str]
    night: frozenset[str]


@cache
def setting_words() -> SettingWords:
    data = load_json(*DATA)
    return SettingWords(
        frozenset(data["event_nouns"]),
        frozenset(data["definite_determiners"]),
        frozenset(data["other_event_modifiers"]),
        frozenset(data["night_words"]),
    )


@dataclass(slots=True)
class Report:
    """One speaker's words about an event in one sentence."""

    speaker: str | None
    sentence: Span
    drafts: list[Draft] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    event: str | None = None

    @property
    def claim_ids(self) -> list[str]:
        return [draft.claim.id for draft in self.drafts]


def setting_contradictions(doc: Doc, drafts: list[Draft]) -> list[Contradiction]:
    """Place and date contradictions between the speakers of one report."""
    events = list(doc._.events or [])
    if not events:
        return []
    reports = _reports(doc, drafts, events)
    found: list[Contradiction] = []
    for event in events:
        members = [report for report in reports if report.event == event.id]
        found.extend(_clashes(event.id, members, "place", _places_clash, _place_value))
        found.extend(_clashes(event.id, members, "date", _dates_clash, _date_value))
    return found


# -- reports ---------------------------------------------------------------------------------------


def _reports(doc: Doc, drafts: list[Draft], events: list[Event]) -> list[Report]:
    grouped: dict[tuple[int, str | None], Report] = {}
    for draft in drafts:
        if draft.claim.kind in SILENT_KINDS or draft.claim.status == "denied":
            continue
        key = (draft.sentence.start, draft.claim.speaker)
        grouped.setdefault(key, Report(draft.claim.speaker, draft.sentence)).drafts.append(draft)
    reports = list(grouped.values())
    for report in reports:
        region = _region(report)
        excluded = _excluded(doc, report)
        report.places = [p for p in doc._.places or [] if _inside(p.span, region, excluded)]
        cues = {d.attribution.cue.i for d in report.drafts if d.attribution is not None}
        report.dates = [
            d for d in doc._.dates or [] if _inside(d.span, region, excluded) and not _said_on(doc, d, cues)
        ]
        report.event = _event_of(doc, report, events)
    return reports


def _region(report: Report) -> tuple[int, int]:
    """Where the report's words are: its attributions' scopes, else the whole sentence."""
    doc = report.sentence.doc
    indices = [
        i
        for draft in report.drafts
        if draft.attribution is not None
        for i in draft.attribution.scope
        if report.sentence.start <= i < report.sentence.end
    ]
    if not indices:
        return report.sentence.start_char, report.sentence.end_char
    last = doc[max(indices)]
    return doc[min(indices)].idx, last.idx + len(last)


def _excluded(doc: Doc, report: Report) -> list[tuple[int, int]]:
    """The speaker phrases and actor names: "a source in Hasaka", "the Damascus government"."""
    spans = [
        (draft.attribution.speaker.start, draft.attribution.speaker.end)
        for draft in report.drafts
        if draft.attribution is not None
    ]
    spans += [(m.span.start, m.span.end) for m in doc._.actors or [] if _within(m.span, report.sentence)]
    return spans


def _within(span, sentence: Span) -> bool:  # type: ignore[no-untyped-def]
    return sentence.start_char <= span.start < sentence.end_char


def _inside(span, region: tuple[int, int], excluded: list[tuple[int, int]]) -> bool:  # type: ignore[no-untyped-def]
    if not (region[0] <= span.start and span.end <= region[1]):
        return False
    return not any(start < span.end and span.start < end for start, end in excluded)


def _said_on(doc: Doc, mention: DateMention, cues: set[int]) -> bool:
    """'the ministry said Thursday', 'said on Thursday': the day of the words, not of the event."""
    tokens = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    if tokens is None:
        return False
    head = tokens.root.head
    if head.i in cues:
        return True
    return head.dep_ == "prep" and head.head.i in cues


def _event_of(doc: Doc, report: Report, events: list[Event]) -> str | None:
    noun = _anaphoric_noun(report)
    if noun is not None:
        earlier = [e for e in events if e.evidence and e.evidence[0].start < report.sentence.start_char]
        named = [e for e in earlier if any(noun.lemma_.lower() in s.text.lower() for s in e.evidence)]
        if named or earlier:
            return (named or earlier)[-1].id
    abouts = [draft.claim.about for draft in report.drafts if draft.claim.about]
    return max(set(abouts), key=abouts.count) if abouts else None


def _anaphoric_noun(report: Report) -> Token | None:
    """'the strike', 'this attack': a definite, singular event noun with no 'another', 'second'."""
    words = setting_words()
    for token in report.sentence:
        if token.lemma_.lower() not in words.event_nouns or token.pos_ not in {"NOUN", "PROPN"}:
            continue
        if token.tag_ in {"NNS", "NNPS"}:
            continue  # "the strikes" may have hit several places
        modifiers = {child.lower_ for child in token.children if child.i < token.i}
        left = report.sentence.doc[max(report.sentence.start, token.i - 3) : token.i]
        if modifiers & words.other or any(t.lower_ in words.other for t in left):
            continue
        if modifiers & words.definite:
            return token
    return None


# -- clashes ----------------------------------------------------------------------------------------


def _clashes(event_id, reports: list[Report], name: str, clash, value) -> list[Contradiction]:  # type: ignore[no-untyped-def]
    """One contradiction of field ``name`` for an event, from every pair of speakers that clash."""
    clashing: list[Report] = []
    for index, first in enumerate(reports):
        for second in reports[index + 1 :]:
            if first.speaker == second.speaker or not clash(first, second):
                continue
            clashing.extend(report for report in (first, second) if report not in clashing)
    if not clashing:
        return []
    clashing.sort(key=lambda report: report.sentence.start)
    values = list(dict.fromkeys(value(report) for report in clashing))
    claims = list(dict.fromkeys(claim for report in clashing for claim in report.claim_ids))
    return [Contradiction(event_id, name, values, claims)]


def _places_clash(first: Report, second: Report) -> bool:
    if not first.places or not second.places:
        return False
    pairs = [(a.place, b.place) for a in first.places for b in second.places]
    return all(places_clash(Where.of_place(a), Where.of_place(b)) for a, b in pairs)


def _dates_clash(first: Report, second: Report) -> bool:
    if not first.dates or not second.dates:
        return False
    slack = NIGHT_SLACK_DAYS if _at_night(first) or _at_night(second) else 0
    return all(
        dates_clash((a.value, a.precision), (b.value, b.precision), slack_days=slack)
        for a in first.dates
        for b in second.dates
    )


def _at_night(report: Report) -> bool:
    night = setting_words().night
    return any(token.lower_ in night for token in report.sentence)


def _place_value(report: Report) -> str:
    return report.places[0].place.name


def _date_value(report: Report) -> str:
    return report.dates[0].value.isoformat()

"""Place and date contradictions in one report: two sources put one event in places, or on
days, that cannot both be true.

A *report* is what one speaker says in one sentence: the claims drawn from it, and the places
and dates that hang on the event's words in what is said ("killed 12 in the town of Saraqeb on
Tuesday"; not the speaker's own name, "a source in Hasaka", the day the words were said, "the
ministry said on Thursday", nor another clause, "since the war began in 2011").

The assembler makes an event for every place and day, and one article often reports several
strikes, so differing places or days alone say nothing. A contradiction needs a source that
picks the event up again with a definite, singular noun ("the strike hit Jableh", "the attack
took place on Sunday") and puts it somewhere, or on a day, that clashes (``where_when.py``)
with what another source said where the event was first reported. Such pairs make a
``Contradiction`` of field ``place`` (or ``date``) about that event.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from ..langdata import load_json
from ..model import Contradiction, DateMention, Event, PlaceMention
from ..where_when import Where, dates_clash, night_slack, places_clash

if TYPE_CHECKING:
    from .claims import Draft

DATA = ("en", "claims", "settings.json")
#: claim kinds whose sentence says nothing of where the event was: a denial's content is denied
SILENT_KINDS = frozenset({"denial"})
#: how a place or date hangs straight on an event word: "hit Jableh", "killed 12 Tuesday"
DIRECT_DEPS = frozenset({"dobj", "npadvmod", "advmod", "tmod", "nsubj", "nsubjpass", "appos", "compound"})


@dataclass(frozen=True, slots=True)
class SettingWords:
    event_nouns: frozenset[str]
    definite: frozenset[str]
    other: frozenset[str]
    place_prepositions: frozenset[str]
    date_prepositions: frozenset[str]
    place_nouns: frozenset[str]


@cache
def setting_words() -> SettingWords:
    data = load_json(*DATA)
    return SettingWords(
        frozenset(data["event_nouns"]),
        frozenset(data["definite_determiners"]),
        frozenset(data["other_event_modifiers"]),
        frozenset(data["place_prepositions"]),
        frozenset(data["date_prepositions"]),
        frozenset(data["place_nouns"]),
    )


@dataclass(slots=True)
class Report:
    """One speaker's words about an event in one sentence."""

    speaker: str | None
    sentence: Span
    drafts: list[Draft] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)

    @property
    def claim_ids(self) -> list[str]:
        return [draft.claim.id for draft in self.drafts]


def setting_contradictions(doc: Doc, drafts: list[Draft]) -> list[Contradiction]:
    """Place and date contradictions between the speakers of one report."""
    events = list(doc._.events or [])
    if not events:
        return []
    reports = _reports(doc, drafts)
    pairs: dict[str, list[tuple[Report, Report]]] = {}
    for later in reports:
        noun = _anaphoric_noun(later)
        event = _referent(noun, later, events) if noun is not None else None
        if event is None:
            continue
        introduced = _introducing_sentences(doc, event)
        pairs.setdefault(event.id, []).extend(
            (earlier, later)
            for earlier in reports
            if earlier.sentence.start in introduced
            and earlier.sentence.start < later.sentence.start
            and earlier.speaker != later.speaker
        )
    found: list[Contradiction] = []
    for event_id, candidates in pairs.items():
        found.extend(_clashes(event_id, candidates, "place", _places_clash, _place_value))
        found.extend(_clashes(event_id, candidates, "date", _dates_clash, _date_value))
    return found


def _referent(noun: Token, report: Report, events: list[Event]) -> Event | None:
    """The latest event reported before the sentence whose words hold the noun ('strike' in
    'an air strike killed ...'), else the latest event before it."""
    earlier = [e for e in events if e.evidence and e.evidence[0].start < report.sentence.start_char]
    named = [e for e in earlier if any(noun.lemma_.lower() in s.text.lower() for s in e.evidence)]
    return (named or earlier)[-1] if (named or earlier) else None


def _introducing_sentences(doc: Doc, event: Event) -> set[int]:
    """The sentences (first token) where the event's first words, place and date were given."""
    from .claim_attribution import sentence_of

    spans = [event.evidence[0]] if event.evidence else []
    spans += [span for location in event.locations for span in location.evidence]
    spans += list(event.date.evidence)
    return {sentence_of(tokens[0]).start for span in spans if (tokens := _tokens(doc, span)) is not None}


# -- reports ---------------------------------------------------------------------------------------


def _reports(doc: Doc, drafts: list[Draft]) -> list[Report]:
    grouped: dict[tuple[int, str | None], Report] = {}
    for draft in drafts:
        if draft.claim.kind in SILENT_KINDS or draft.claim.status == "denied":
            continue
        key = (draft.sentence.start, draft.claim.speaker)
        grouped.setdefault(key, Report(draft.claim.speaker, draft.sentence)).drafts.append(draft)
    reports = list(grouped.values())
    words = setting_words()
    triggers = [m.trigger for m in doc._.event_mentions or []]
    for report in reports:
        region = _region(report)
        excluded = _excluded(doc, report)
        anchors = _anchors(doc, report, triggers)
        report.places = [
            p
            for p in doc._.places or []
            if _inside(p.span, region, excluded) and _attached(doc, p.span, anchors, words.place_prepositions)
        ]
        cues = {d.attribution.cue.i for d in report.drafts if d.attribution is not None}
        report.dates = [
            d
            for d in doc._.dates or []
            if _inside(d.span, region, excluded)
            and not _said_on(doc, d, cues)
            and _attached(doc, d.span, anchors, words.date_prepositions)
        ]
    return reports


def _anchors(doc: Doc, report: Report, triggers: list) -> set[int]:  # type: ignore[type-arg]
    """The words that name the event in the report's sentence: its triggers, the figures' verbs
    ("killed"), the noun that picks it up again ("the strike")."""
    noun = _anaphoric_noun(report)
    if noun is not None:
        return {noun.i}  # "the strike hit Jableh": only what the picked-up event did
    sentence = report.sentence
    spans = [t for t in triggers if sentence.start_char <= t.start < sentence.end_char]
    spans += [d.count.trigger for d in report.drafts if d.count is not None and d.count.trigger is not None]
    return {token.i for span in spans if (tokens := _tokens(doc, span)) is not None for token in tokens}


def _tokens(doc: Doc, span) -> Span | None:  # type: ignore[no-untyped-def]
    return doc.char_span(span.start, span.end, alignment_mode="expand")


def _attached(doc: Doc, span, anchors: set[int], prepositions: frozenset[str]) -> bool:  # type: ignore[no-untyped-def]
    """Does the place or date say where or when the event happened? It must hang on the event's
    words ("the strike hit Jableh", "killed 12 in the town of Saraqeb on Tuesday"), not on
    another clause ("since the conflict began in 2011", "a US-led coalition", "UK-based")."""
    tokens = _tokens(doc, span)
    if tokens is None or not anchors:
        return False
    root = tokens.root
    place_nouns = setting_words().place_nouns
    if root.dep_ == "amod" and root.head.lemma_.lower() in place_nouns:
        root = root.head  # "in Aleppo province": the name modifies the place noun that hangs
    while root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in place_nouns:
        root = root.head.head  # "the town of Jableh": the phrase hangs where "the town" does
    if root.dep_ == "pobj":
        if root.head.lower_ not in prepositions:
            return False
        head = root.head.head
    elif (root.dep_ == "prep" and root.lower_ in prepositions) or root.dep_ in DIRECT_DEPS:
        head = root.head
    else:
        return False
    return _reaches_anchor(head, anchors)


def _reaches_anchor(head: Token, anchors: set[int]) -> bool:
    """The head is an event word, or the clause it belongs to names the event (subject/object)."""
    for _ in range(3):  # "killed 12 civilians in X": X may hang on the victims' noun
        if head.i in anchors:
            return True
        if head.pos_ in {"VERB", "AUX"}:
            arguments = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"}]
            return any(c.i in anchors for c in arguments)
        if head.head.i == head.i:
            return False
        head = head.head
    return False


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
        if modifiers & words.definite and not _introduced_before(token, report.sentence):
            return token
    return None


def _introduced_before(noun: Token, sentence: Span) -> bool:
    """'an air raid on a hospital wounded five ... whether the raid was Syrian': the definite
    noun points back to one introduced earlier in its own sentence, not to an earlier event."""
    return any(t.lemma_ == noun.lemma_ and t.i < noun.i for t in sentence)


# -- one claim's own setting ---------------------------------------------------------------------------


def own_setting(doc: Doc, draft: Draft) -> tuple[list[PlaceMention], list[DateMention]]:
    """The places and days a figure's own words put its victims in: those that hang on the
    figure's trigger ("30 people were killed in Aleppo province", "45 people were killed on
    Saturday"), not on another figure of the sentence ("and another 39 in Idlib province"), the
    speaker's name ("a source in Hasaka") or the day the words were said ("said on Thursday")."""
    count = draft.count
    trigger = _tokens(doc, count.trigger) if count is not None and count.trigger is not None else None
    if trigger is None:
        return [], []
    anchors = {token.i for token in trigger}
    sentence = draft.sentence
    region = (sentence.start_char, sentence.end_char)
    excluded = _excluded(doc, Report(draft.claim.speaker, sentence, [draft]))
    words = setting_words()
    places = [
        p
        for p in doc._.places or []
        if _inside(p.span, region, excluded) and _attached(doc, p.span, anchors, words.place_prepositions)
    ]
    cues = {draft.attribution.cue.i} if draft.attribution is not None else set()
    dates = [
        d
        for d in doc._.dates or []
        if _inside(d.span, region, excluded)
        and not _said_on(doc, d, cues)
        and _attached(doc, d.span, anchors, words.date_prepositions)
    ]
    return places, dates


# -- clashes ----------------------------------------------------------------------------------------


def _clashes(event_id, pairs: list[tuple[Report, Report]], name: str, clash, value) -> list[Contradiction]:  # type: ignore[no-untyped-def]
    """One contradiction of field ``name`` for an event, from every pair of reports that clash."""
    clashing: list[Report] = []
    for first, second in pairs:
        if clash(first, second):
            clashing.extend(report for report in (first, second) if report not in clashing)
    if not clashing:
        return []
    clashing.sort(key=lambda report: report.sentence.start)
    sides: dict[str, list[str]] = {}
    for report in clashing:
        held = sides.setdefault(value(report), [])
        held.extend(claim for claim in report.claim_ids if claim not in held)
    claims = list(dict.fromkeys(claim for report in clashing for claim in report.claim_ids))
    records = [{"value": shown, "claims": ids} for shown, ids in sides.items()]
    return [Contradiction(event_id, name, list(sides), claims, sides=records)]


def _places_clash(first: Report, second: Report) -> bool:
    if not first.places or not second.places:
        return False
    pairs = [(a.place, b.place) for a in first.places for b in second.places]
    return all(places_clash(Where.of_place(a), Where.of_place(b)) for a, b in pairs)


def _dates_clash(first: Report, second: Report) -> bool:
    if not first.dates or not second.dates:
        return False
    slack = night_slack([first.sentence.text, second.sentence.text])
    return all(
        dates_clash((a.value, a.precision), (b.value, b.precision), slack_days=slack)
        for a in first.dates
        for b in second.dates
    )


def _place_value(report: Report) -> str:
    return report.places[0].place.name


def _date_value(report: Report) -> str:
    return report.dates[0].value.isoformat()

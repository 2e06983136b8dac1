"""Links between claims: comments on the previous sentence, denials, the event each claim is
about, revisions (the same source changing a figure) and contradictions (sources disagreeing
on a figure or a perpetrator here; on a place or a date in ``claim_settings.py``).

Differing figures from different sources do not change either claim's status; they form a
``Contradiction`` and the event's field built from them is marked disputed.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from ..model import Actor, Claim, Contradiction, Count, CountMention, Event, Revision
from .assemble import finalise_inter
from .claim_attribution import sentence_of, sentences
from .figures import count_of

if TYPE_CHECKING:
    from .claims import Draft

#: how many sentences back a denial looks for the claim it denies
DENIAL_REACH = 3
#: how many sentences apart an earlier figure may be from its revision without a revision cue
REVISION_REACH = 2
FIGURE_KINDS = frozenset({"killed", "injured"})
#: subjects of a revision verb that continue the source named before ("he raised the toll")
#: claim statuses whose figures never make an event's range
WITHDRAWN = frozenset({"superseded", "denied"})
#: how a claim's status counts for a range (``figures.count_of``): the rest never count
FIGURE_STANDING = {"asserted": "asserted", "confirmed": "asserted", "unverified": "unverified"}
#: how far below its figure 'nearly N' may be, and how far 'about N' may stray either side
NEAR_SPAN = 0.2
APPROX_SPAN = 0.1
#: how far another source's figure must stand above an open one ("at least 22") to be another toll
OPEN_MARGIN = 0.25
#: more rival figures of one kind than this for one event: a round-up of incidents, not a dispute
MAX_SIDES = 3
#: the sentences of a report's lead (FA-KES runs the headline into the first one)
LEAD_SENTENCES = 2
#: how many tokens before a figure an earlier-figure cue marks it as the old one
EARLIER_WINDOW = 7
#: how many tokens an attribution before a figure may span and still mark it as earlier
ATTRIBUTION_REACH = 24
#: sectors of state actors: the army and the government of one country are one side
STATE_SECTORS = frozenset({"GOV", "MIL", "COP"})
#: actor categories that name a kind of actor, not one: they never contradict a named one
GENERIC_CATEGORIES = frozenset(
    {
        "rebels",
        "islamists",
        "unidentified",
        "progov_militia",
        "identity_militia",
        "rioters",
        "protesters",
        "civilians",
        "media",
        "asset",
    }
)
#: generic categories of armed groups: a source blaming one disputes another's blaming a state
ARMED_CATEGORIES = frozenset({"rebels", "islamists", "unidentified"})
#: speakers the attribution stage leaves as the pronoun of a relative clause
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})
ADDITIVE_WORDS = frozenset({"others", "other", "more", "another", "further", "additional"})
OTHERS_WORDS = frozenset({"others", "other"})
STATE_PREFIXES = ("Military Forces of", "Government of", "Police Forces of")
#: actor sectors of non-state armed groups (rebels, insurgents)
NON_STATE_ARMED_SECTORS = frozenset({"REB", "INS"})
#: where ``link_events`` leaves the happening of each event for the comparisons (``doc.user_data``)
HAPPENINGS = "khabar_claim_happenings"
#: place precisions too wide to tell that two events are one happening
WIDE_PRECISIONS = frozenset({"country", "region"})


def _sentence_index(doc: Doc) -> dict[int, int]:
    return {sentence.start: number for number, sentence in enumerate(sentences(doc))}


def apply_sentence_comments(doc: Doc, drafts: list[Draft]) -> None:
    """'None of this has so far been confirmed by Ankara': the previous sentence's claims are unverified."""
    from .claims import opens_with_comment, sentence_status, status_cues

    cues = status_cues(doc.vocab)
    for sentence in sentences(doc):
        if sentence.start == 0 or not opens_with_comment(sentence, cues):
            continue
        status = sentence_status(doc, sentence)
        if status is None:
            continue
        previous = sentence_of(doc[sentence.start - 1])
        for draft in drafts:
            if draft.sentence == previous and draft.claim.status in {"asserted", "confirmed"}:
                draft.claim.status = status  # type: ignore[assignment]


def apply_confirmations(found: list, drafts: list[Draft]) -> None:  # type: ignore[type-arg]
    """Another party corroborates a claim: 'announced by the YPG and confirmed by the Observatory'
    (the same sentence), or 'the ministry confirmed that 12 were killed' (an earlier figure). A
    confirming figure is itself confirmed only when it repeats the earlier one: a confirmation
    cue alone asserts (``status_by_kind``)."""
    for attribution in found:
        if attribution.kind != "confirmation" or attribution.negated:
            continue
        confirming = [d for d in drafts if d.attribution is attribution]
        for draft in drafts:
            if draft.claim.speaker == attribution.speaker.name or draft.claim.status != "asserted":
                continue
            if draft.attribution is not None and draft.attribution.kind == "confirmation":
                continue  # one confirmation does not confirm another's
            same_sentence = draft.sentence == attribution.sentence
            repeated = [c for c in confirming if _same_figure(c, draft) and draft.anchor < c.anchor]
            if same_sentence or repeated:
                draft.claim.status = "confirmed"
            for figure in repeated:
                if figure.claim.status == "asserted":
                    figure.claim.status = "confirmed"


def _same_figure(one: Draft, other: Draft) -> bool:
    kind = one.claim.kind
    return kind == other.claim.kind and kind in FIGURE_KINDS and one.claim.value == other.claim.value


def _denies_casualties(denial: Draft) -> bool:
    """Does the denial speak of deaths or injuries (then it denies a figure, not who did it)?"""
    words = casualty_words()
    return any(token.lower_ in words for token in denial.sentence)


@cache
def casualty_words() -> frozenset[str]:
    from ..langdata import load_json

    return frozenset(load_json("en", "claims", "cues.json")["denied_casualty_words"])


def apply_denials(doc: Doc, drafts: list[Draft]) -> None:
    """A denial marks the nearest earlier claim of another speaker (an accusation first) as denied."""
    index = _sentence_index(doc)
    for position, draft in enumerate(drafts):
        if draft.claim.kind != "denial":
            continue
        candidates = [
            other
            for other in drafts[:position]
            if other.claim.kind != "denial"
            and other.claim.speaker != draft.claim.speaker
            and index[draft.sentence.start] - index[other.sentence.start] <= DENIAL_REACH
        ]
        if not candidates:
            continue
        accusations = [c for c in candidates if c.claim.kind == "accusation"]
        perpetrators = [c for c in candidates if c.claim.kind == "perpetrator"]
        target = (accusations or perpetrators or candidates)[-1]
        figures = [c for c in candidates if c.claim.kind in FIGURE_KINDS]
        if figures and _denies_casualties(draft):  # "denied that any soldiers had died"
            target = figures[-1]
        target.claim.status = "denied"
        for other in perpetrators:  # the perpetrator named inside a denied accusation is denied too
            if other.attribution is not None and other.attribution is target.attribution:
                other.claim.status = "denied"


# -- events ------------------------------------------------------------------------------------


def link_events(doc: Doc, drafts: list[Draft]) -> None:
    """``about``: the event whose figures, actors or sentences hold the claim's evidence."""
    events: list[Event] = list(doc._.events or [])
    if not events:
        return
    previous: dict[str, str | None] = {}
    for draft in drafts:
        draft.claim.about = _event_of(draft, events)
        if draft.claim.about is None and draft.extra.get("quoted_toll"):
            # "The network put the number of dead at 15": a toll with no event words of its own
            # is a toll of the event whose figure of that kind was told last
            draft.claim.about = previous.get(draft.claim.kind)
        if draft.count is not None:
            previous[draft.claim.kind] = draft.claim.about
    doc.user_data[HAPPENINGS] = same_happenings(events)


# -- one happening told as two events -----------------------------------------------------------


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
    if place.name == other.name and place.precision == other.precision:
        return place.precision not in WIDE_PRECISIONS
    return other.precision == "admin1" and place.admin1 == other.name


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


def _event_of(draft: Draft, events: list[Event]) -> str | None:
    if draft.count is not None:
        for event in events:
            spans = [*event.fatalities.evidence, *event.injured.evidence]
            if any(span.start == draft.count.span.start for span in spans):
                return event.id
    if draft.claim.kind == "perpetrator" and _blames_pronoun(draft):
        # "Damascus blamed it on rebels": "it" is the attack told before the sentence, not the
        # blaming sentence's own event words
        told = [e for e in events if e.evidence and e.evidence[0].start < draft.sentence.start_char]
        if told:
            return told[-1].id
    if draft.actor is not None:
        for event in events:
            if any(_overlaps(span, draft.claim.evidence[0]) for span in _actor_spans(event.actor1)):
                return event.id
    anchor = draft.anchor
    holding = [e for e in events if any(s.start <= anchor < s.end for s in e.evidence)]
    if holding:
        return holding[0].id
    evidence = draft.claim.evidence[0]
    overlapping = [e for e in events if any(_overlaps(s, evidence) for s in e.evidence)]
    if overlapping:
        return overlapping[0].id
    if draft.claim.kind == "perpetrator":
        # "Turkish officials attributed the strike to ...": the event in focus before it
        before = [e for e in events if e.evidence and e.evidence[0].start < anchor]
        noun = str(draft.extra.get("object", "")).lower()
        named = [e for e in before if noun and any(noun in span.text.lower() for span in e.evidence)]
        if named:  # the most reported of them: several events may share one sentence
            return max(named, key=lambda e: (len(e.evidence), -named.index(e))).id
        return before[-1].id if before else None
    return None


def _blames_pronoun(draft: Draft) -> bool:
    """A blame whose object is a pronoun ("blamed it on rebels"; ``blamed_pronouns``)."""
    pronoun = str(draft.extra.get("object", "")).lower() in _blamed_pronouns()
    return bool(draft.extra.get("blamed")) and pronoun


@cache
def _blamed_pronouns() -> frozenset[str]:
    from ..langdata import load_json

    return frozenset(load_json("en", "claims", "cues.json")["blamed_pronouns"])


def _overlaps(a, b) -> bool:  # type: ignore[no-untyped-def]
    return a.start < b.end and b.start < a.end


def _actor_spans(actor: Actor) -> list:  # type: ignore[type-arg]
    from ..model import Span as TextSpan

    spans = list(actor.evidence)
    for alternative in actor.alternatives:
        evidence = alternative.get("evidence")
        if isinstance(evidence, dict):
            spans.append(TextSpan.from_dict(evidence))
    return spans


# -- revisions ---------------------------------------------------------------------------------


def find_revisions(doc: Doc, drafts: list[Draft], *, implied: bool = True) -> list[Revision]:
    """The same source giving a new figure of the same kind: the earlier claim is superseded.
    With ``implied``, a toll raised by an increment alone ("three more people died of their
    wounds", "the toll has risen by four") is a new claim, the old toll plus the increment,
    appended to ``drafts``."""
    from .claims import status_cues

    cues = status_cues(doc.vocab)
    index = _sentence_index(doc)
    _resolve_relative_speakers(drafts)
    revisions: list[Revision] = []
    figures = [d for d in drafts if d.claim.kind in FIGURE_KINDS and isinstance(d.claim.value, int)]
    increments = [d for d in figures if _increment_by(d) or (_additive(d) and _more_after(d))]
    figures = [d for d in figures if not _increment_by(d)]  # "risen by four": never the new toll
    parts = [d for d in figures if _dead_part(d)]
    figures = [d for d in figures if not _dead_part(d)]  # "including 58 civilians" revises nothing
    # "three more people had died, bringing the toll to 18": an increment is neither toll
    figures = [d for d in figures if not _additive(d) or _others_of_another_kind(d, figures)]
    revisions.extend(_marked_in_sentence(doc, figures, cues))
    revisions.extend(_earlier_told_after(doc, figures, cues, index))
    for position, later in enumerate(figures):
        if later.claim.revises is not None or later.claim.superseded_by is not None:
            continue
        if later.count is not None and (_pluperfect(doc, later) or _marked_earlier(doc, later, cues)):
            continue  # "which had given a toll of 17": an old figure, never the new one
        revised = bool(cues.revision(later.sentence))
        if revised:
            _continue_source(later, figures[:position], cues, index)
        for earlier in reversed(figures[:position]):
            # one state's media revise each other's figures with a revision cue ("state
            # television later said the toll had risen to 10" after "state media said six")
            family = revised and _same_figure_source(earlier, later, same_family)
            if not (family or _same_figure_source(earlier, later)):
                continue
            if earlier.claim.value == later.claim.value:
                continue
            if earlier.claim.superseded_by is not None or earlier.sentence == later.sentence:
                continue  # one sentence's other figure is an increment ("a number of people died
                # of their wounds, bringing the toll to 61"); an old one there is marked (above)
            marked = bool(cues.earlier_figure(earlier.sentence))
            distance = index[later.sentence.start] - index[earlier.sentence.start]
            if not (revised or (marked and distance <= REVISION_REACH)):
                continue
            revisions.append(_revise(earlier, later))
            break
    if implied:
        revisions.extend(_implied_totals(drafts, figures, increments, cues, index))
    _supersede_echoes(figures)
    _speak_as_whole(parts, figures)
    return revisions


def _supersede_echoes(figures: list[Draft]) -> None:
    """A figure its source later revised is withdrawn wherever the report repeats it before
    the revision: a headline's 'kills seven, governor says' goes with the lead's 'at least
    seven' when the governor 'later raised the toll to nine'."""
    by_id = {draft.claim.id: draft for draft in figures}
    for old in [draft for draft in figures if draft.claim.superseded_by is not None]:
        new = by_id.get(old.claim.superseded_by or "")
        if new is None or old.claim.about is None:
            continue
        for echo in figures:
            claim = echo.claim
            if claim.superseded_by is not None or claim.revises is not None or echo is new:
                continue
            if (claim.value, claim.about) != (old.claim.value, old.claim.about):
                continue
            if echo.sentence.start < new.sentence.start and _same_figure_source(echo, old):
                claim.status = "superseded"
                claim.superseded_by = new.claim.id


def _increment_by(draft: Draft) -> bool:
    """'The toll has since risen by four': a figure after 'by' on a revision verb is how much a
    toll grew, not a toll (``increment_prepositions`` of ``cues.json``)."""
    if draft.count is None:
        return False
    doc = draft.sentence.doc
    span = doc.char_span(draft.count.span.start, draft.count.span.end, alignment_mode="expand")
    if span is None:
        return False
    preposition = span.root.head
    return preposition.lower_ in increment_prepositions() and preposition.head.lower_ in _revision_verbs()


@cache
def increment_prepositions() -> frozenset[str]:
    from ..langdata import load_json

    return frozenset(load_json("en", "claims", "cues.json")["increment_prepositions"])


def _implied_totals(  # type: ignore[no-untyped-def]
    drafts: list[Draft], figures: list[Draft], increments: list[Draft], cues, index: dict[int, int]
) -> list[Revision]:
    """'An earlier toll of 15 ... three more people died of their wounds': the source's new toll
    is only implied, the old one plus the increment. It is made a claim of its own (evidence: the
    increment, then the old toll) that revises the old one; the increment stays a claim of its
    own but no longer counts in the event's range (``folded``)."""
    revisions: list[Revision] = []
    for increment in increments:
        if any(f.sentence == increment.sentence and f is not increment for f in figures if not _additive(f)):
            continue  # a total told beside it ("bringing the toll to 18") is the new toll
        old = _toll_before(increment, figures, index)
        if old is None or not _raises(increment, old, cues):
            continue
        total = _implied_total(old, increment, len(drafts) + 1)
        drafts.append(total)
        increment.extra["folded"] = True
        revisions.append(_revise(old, total))
    return revisions


def _toll_before(increment: Draft, figures: list[Draft], index: dict[int, int]) -> Draft | None:
    """The latest whole figure of the increment's kind before it, within the revision's reach,
    when it is the same source's (or the increment has no source of its own) and event."""
    before = [f for f in figures if f.anchor < increment.anchor and f.claim.kind == increment.claim.kind]
    before = [f for f in before if not _additive(f) and not _dead_part(f) and f.count is not None]
    if not before:
        return None
    old = before[-1]
    if old.claim.superseded_by is not None or old.sentence == increment.sentence:
        return None
    if index[increment.sentence.start] - index[old.sentence.start] > REVISION_REACH:
        return None
    sourced = increment.attribution is not None
    if sourced and not same_family(old.claim.speaker, increment.claim.speaker):
        return None
    if old.claim.about and increment.claim.about and happening_of(old) != happening_of(increment):
        return None
    return old if _victims_agree(old, increment) else None


def _raises(increment: Draft, old: Draft, cues) -> bool:  # type: ignore[no-untyped-def]
    """Does the increment add to that toll: said with a revision cue ("later died", "risen by"),
    or told after a figure given as a toll or an earlier one ("an earlier toll of 15")?"""
    if _increment_by(increment) or cues.revision(increment.sentence):
        return True
    doc = old.sentence.doc
    return _is_toll(old) or _marked_earlier(doc, old, cues)


def _implied_total(old: Draft, increment: Draft, number: int) -> Draft:
    from ..model import CountMention
    from .claims import Draft

    assert old.count is not None and increment.count is not None
    added = increment.count.low if increment.count.low is not None else increment.count.high
    low = old.count.low + added if old.count.low is not None and added is not None else None
    high = old.count.high + added if old.count.high is not None and added is not None else None
    count = CountMention(
        span=increment.count.span,
        kind=old.count.kind,
        low=low,
        high=high,
        qualifier=old.count.qualifier,
        victims=old.count.victims,
        trigger=increment.count.trigger,
    )
    source = increment if increment.attribution is not None else old
    claim = Claim(
        id=f"c{number}",
        speaker=source.claim.speaker,
        kind=old.claim.kind,
        status=increment.claim.status,
        evidence=[increment.claim.evidence[0], old.claim.evidence[0]],
        value=old.claim.value + added if isinstance(old.claim.value, int) and added is not None else low,
        qualifier=old.claim.qualifier,
        role=source.claim.role,
        speaker_actor=source.claim.speaker_actor,
        via=list(source.claim.via),
        cue=increment.claim.cue,
        about=increment.claim.about or old.claim.about,
    )
    extra: dict[str, object] = {"implied": True}
    anchor = increment.anchor
    return Draft(claim, increment.sentence, increment.attribution, count=count, anchor=anchor, extra=extra)


def _resolve_relative_speakers(drafts: list[Draft]) -> None:
    """'... said the Observatory, which on Thursday had given a toll of 17': a relative pronoun
    speaker is the named speaker told just before it in its sentence."""
    for draft in drafts:
        if (draft.claim.speaker or "").lower() not in RELATIVE_PRONOUNS:
            continue
        before = [
            other
            for other in drafts
            if other.sentence == draft.sentence
            and other.anchor < draft.anchor
            and (other.claim.speaker or "").lower() not in RELATIVE_PRONOUNS | {"the outlet"}
        ]
        if before:
            named = max(before, key=lambda other: other.anchor).claim
            draft.claim.speaker, draft.claim.via = named.speaker, list(named.via)
            draft.claim.speaker_actor = named.speaker_actor


def _speak_as_whole(parts: list[Draft], figures: list[Draft]) -> None:
    """'This was later updated to 82 on Sunday including 58 civilians': a part with no cue of its
    own is told by whoever told the figure it is part of (the last one before it, same sentence)."""
    for part in parts:
        if part.attribution is not None:
            continue
        wholes = [f for f in figures if f.sentence == part.sentence and f.anchor < part.anchor]
        if wholes:
            whole = wholes[-1].claim
            part.claim.speaker, part.claim.via, part.claim.speaker_actor = (
                whole.speaker,
                list(whole.via),
                whole.speaker_actor,
            )


def _earlier_told_after(doc: Doc, figures: list[Draft], cues, index: dict[int, int]) -> list[Revision]:  # type: ignore[no-untyped-def]
    """'... killing at least 21 people, the monitor said. It had initially given a toll of 22':
    a figure marked as the earlier one (the mark just before it, not "earlier this week"
    elsewhere in the sentence), told after the current one, is the one it replaced."""
    revisions: list[Revision] = []
    for position, old in enumerate(figures):
        if old.claim.superseded_by is not None or old.count is None:
            continue
        marked = _marked_earlier(doc, old, cues)
        if not marked and not _pluperfect(doc, old):
            continue
        for new in reversed(figures[:position]):
            # the source's latest figure before it, however far back: "initially" says which
            same_sentence = index[old.sentence.start] == index[new.sentence.start]
            if (same_sentence and new.anchor >= old.anchor) or new.claim.revises is not None:
                continue  # in its own sentence, only a figure told before it ('risen to 42 ... had given 17')
            if not marked and not cues.revision(new.sentence):
                continue  # "had been killed" is earlier only beside a toll that "has risen to 18"
            # the events may differ: a bare "a death toll of 22" has no event words of its own
            same = new.claim.kind == old.claim.kind and (
                same_source(new.claim.speaker, old.claim.speaker)
                # "the toll rose to 12, the reporter said ... According to earlier information
                # from a police source, 5 were killed": a risen toll replaces the figure the
                # report calls earlier, whoever gave it
                or (marked and bool(cues.revision(new.sentence)))
            )
            if same and _victims_agree(new, old) and new.claim.value != old.claim.value:
                if not cues.earlier_figure(new.sentence):
                    revisions.append(_revise(old, new))
                break
        if marked and old.claim.superseded_by is None:
            current = _current_toll(doc, old, figures[:position])
            if current is not None:
                revision = _revise(old, current)
                revision.by = old.claim.speaker  # the source revised its figure, the report told it
                revisions.append(revision)
    return revisions


def _current_toll(doc: Doc, old: Draft, before: list[Draft]) -> Draft | None:
    """'At least 28 civilians were killed ... The watchdog had earlier reported 12 dead': a source
    that gives only an earlier figure has since given the one the report tells in its own voice,
    the report's last such figure of that event before it (an old figure's source is the
    report's source of the new one)."""
    from .claims import _outlet_name

    outlet = _outlet_name(doc)
    if any(same_source(d.claim.speaker, old.claim.speaker) and d is not old for d in before):
        return None  # the source's own later figure, if any, is the one that replaced it
    for new in reversed(before):
        own_voice = new.attribution is None and new.claim.speaker == outlet
        if not own_voice or new.claim.kind != old.claim.kind or happening_of(new) != happening_of(old):
            continue
        if _victims_agree(new, old) and new.claim.value != old.claim.value and new.claim.revises is None:
            return new
    return None


def _pluperfect(doc: Doc, draft: Draft) -> bool:
    """'the Observatory reported that at least five had been killed': a figure told as of an
    earlier time (the verb of its figure takes 'had')."""
    assert draft.count is not None
    span = doc.char_span(draft.count.span.start, draft.count.span.end, alignment_mode="expand")
    if span is None:
        return False
    verb = next((t for t in span.root.ancestors if t.pos_ in {"VERB", "AUX"}), None)
    if verb is None or verb.lower_ in _revision_verbs():
        return False  # "said the toll had risen to 10": reported speech of a new figure
    return any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)


def _revision_verbs() -> frozenset[str]:
    """The one-word revision cues ("risen", "climbed", "raised") of ``cues.json``."""
    from .claim_figures import anaphor_cues

    return anaphor_cues()[1]


def _marked_in_sentence(doc: Doc, figures: list[Draft], cues) -> list[Revision]:  # type: ignore[no-untyped-def]
    """'killed 32 ..., updating an earlier toll of 15': the figure marked earlier is the old one,
    wherever it stands in the sentence."""
    revisions: list[Revision] = []
    for old in figures:
        if old.count is None or not _marked_earlier(doc, old, cues):
            continue
        partners = [
            new
            for new in figures
            if new is not old
            and new.sentence == old.sentence
            and _same_figure_source(old, new)
            and new.claim.value != old.claim.value
            and not _marked_earlier(doc, new, cues)
        ]
        if partners and old.claim.superseded_by is None:
            revisions.append(_revise(old, partners[0]))
    return revisions


def _marked_earlier(doc: Doc, draft: Draft, cues) -> bool:  # type: ignore[no-untyped-def]
    """An earlier-figure cue within a few tokens before the figure ("an earlier toll ... of 15")."""
    assert draft.count is not None
    span = doc.char_span(draft.count.span.start, draft.count.span.end, alignment_mode="expand")
    if span is None:
        return False
    window = doc[max(draft.sentence.start, span.start - EARLIER_WINDOW) : span.start]
    if cues.earlier_figure(window) or _from_figure(doc, span):
        return True
    if draft.attribution is not None and _opened_as_earlier(draft.sentence, cues):
        return True  # a source's figures; the report's own "earlier three were killed" in a
        # round-up is as often an earlier attack
    return _told_as_earlier(doc, draft, span, cues)


def _opened_as_earlier(sentence: Span, cues) -> bool:  # type: ignore[no-untyped-def]
    """'Earlier five civilians were killed and 27 others were injured ..., according to a source':
    a sentence opened by an earlier-figure mark tells each of its figures as an earlier one, also
    those beyond ``EARLIER_WINDOW``; not 'Earlier this week' or 'Earlier on Friday' (an earlier
    happening)."""
    words = [token for token in sentence if not token.is_punct]
    if len(words) < 2 or not cues.earlier_figure(sentence.doc[words[0].i : words[0].i + 1]):
        return False
    following = words[1]
    return not (following.ent_type_ in {"DATE", "TIME"} or following.pos_ == "ADP" or following.tag_ == "DT")


def _told_as_earlier(doc: Doc, draft: Draft, span: Span, cues) -> bool:  # type: ignore[no-untyped-def]
    """'According to earlier information provided by a police source, 5 were killed': the
    attribution before the figure calls what it says earlier."""
    attribution = draft.attribution
    if attribution is None or attribution.sentence != draft.sentence or attribution.cue.i >= span.start:
        return False
    if span.start - attribution.cue.i > ATTRIBUTION_REACH:
        return False
    return bool(cues.earlier_figure(doc[attribution.cue.i : span.start]))


def _from_figure(doc: Doc, span: Span) -> bool:
    """'raised the toll from 12 to 20': a figure after 'from' with 'to' and a number after it."""
    from .claim_figures import old_figure_prepositions

    if span.start == 0 or doc[span.start - 1].lower_ not in old_figure_prepositions():
        return False
    after = doc[span.end : span.end + 2]
    return len(after) == 2 and after[0].lower_ == "to" and after[1].like_num


def _same_figure_source(earlier: Draft, later: Draft, sources=None) -> bool:  # type: ignore[no-untyped-def]
    """Figures of one kind, source (``same_source``, or another test of two speakers), event
    and victims."""
    alike = sources or same_source
    if earlier.claim.kind != later.claim.kind or not alike(earlier.claim.speaker, later.claim.speaker):
        return False
    if earlier.claim.about and later.claim.about and happening_of(earlier) != happening_of(later):
        return False
    return _victims_agree(earlier, later)


def same_source(first: str | None, second: str | None) -> bool:
    """One source, though named in full once and by a short form of its name after ("the
    Observatory" for the Syrian Observatory for Human Rights): a capitalised name whose words
    are all in the other name."""
    if first == second:
        return True
    if not first or not second or "the outlet" in (first, second):
        return False
    short, full = sorted((first, second), key=len)
    words = [w for w in short.split() if w.lower() != "the"]
    return bool(words) and words[0][0].isupper() and {w.lower() for w in words} <= set(full.lower().split())


def same_family(first: str | None, second: str | None) -> bool:
    """Two outlets of one state's media ("Syrian Arab News Agency", "Syrian state television"),
    or a generic description of state media ("state media") and any of them (``families`` and
    ``state_media`` of ``sources.json``)."""
    if same_source(first, second):
        return True
    families, generic = source_families()
    found = []
    for name in (first, second):
        lowered = (name or "").lower()
        family = families.get(lowered) or ("*" if lowered in generic else None)
        if family is None:
            return False
        found.append(family)
    return "*" in found or found[0] == found[1]


@cache
def source_families() -> tuple[dict[str, str], frozenset[str]]:
    """(member name -> family, generic descriptions of state media), lower case."""
    from ..langdata import load_json

    data = load_json("en", "claims", "sources.json")
    members = {name: family for family, names in data["families"].items() for name in names}
    return members, frozenset(data["state_media"])


def _victims_agree(first: Draft, second: Draft) -> bool:
    """'five soldiers' and 'three civilians' are two figures, not one changed or disputed."""
    a = first.count.victims if first.count else None
    b = second.count.victims if second.count else None
    if a is None or b is None or _no_casualties(first) or _no_casualties(second):
        return True
    head_a, head_b = a.text.lower().split()[-1], b.text.lower().split()[-1]
    for head, draft in ((head_a, first), (head_b, second)):
        if head in toll_victims() and draft.attribution is not None:
            return True  # "state media reported only five deaths" counts the 20 people of another
    return head_a.rstrip("s") == head_b.rstrip("s")


def _part_above_whole(first: Draft, second: Draft) -> bool:
    """'at least 31 civilians' (state media) beside '23 people' (the monitor): a toll of some of the
    victims above another source's figure of all of them cannot both hold (``everyone_victims``;
    the part must be a toll word of ``whole_victims``)."""
    if first.claim.speaker == second.claim.speaker:
        return False
    for part, whole in ((first, second), (second, first)):
        head = _victim_head(whole)
        part_head = _victim_head(part)
        if head in everyone_victims() and part_head not in (None, head) and part_head in whole_victims():
            # a toll of civilians beside one of people; not '12 children' or '23 journalists',
            # which are as often figures of another event or a statistic
            return figure_range(part)[0] > figure_range(whole)[1]
    return False


def _two_tolls(first: Draft, second: Draft) -> bool:
    """'23 civilians had been killed' (the monitor) beside 'the deaths of 43 people' (rescuers):
    two sources' tolls of the victims of one event, though one counts civilians and the other
    everyone (both toll words of ``whole_victims``). Only definite figures: "at least 10
    civilians" is a floor of some of the victims, which a toll of all of them may well hold."""
    if first.claim.speaker == second.claim.speaker or _dead_part(first) or _dead_part(second):
        return False
    if _own_voice(first) or _own_voice(second):
        return False  # the report's own later figures are often other incidents' (a round-up)
    if float("inf") in (figure_range(first)[1], figure_range(second)[1]):
        return False
    heads = {_victim_head(first), _victim_head(second)}
    return None not in heads and heads <= whole_victims()


def _victim_head(draft: Draft) -> str | None:
    victims = draft.count.victims if draft.count else None
    if victims is None or not victims.text.strip():
        return None
    return victims.text.lower().split()[-1]


@cache
def everyone_victims() -> frozenset[str]:
    from ..langdata import load_json

    return frozenset(load_json("en", "claims", "cues.json")["everyone_victims"])


@cache
def toll_victims() -> frozenset[str]:
    from ..langdata import load_json

    return frozenset(load_json("en", "claims", "cues.json")["toll_victims"])


def _no_casualties(draft: Draft) -> bool:
    """'there were no deaths', 'no casualties': a zero of all victims, which any other source's
    figure of them contradicts, whatever victims it names (``zero_victims``)."""
    victims = draft.count.victims if draft.count else None
    if draft.claim.value != 0 or victims is None or not victims.text.strip():
        return False
    return victims.text.lower().split()[-1] in zero_victims()


@cache
def zero_victims() -> frozenset[str]:
    from ..langdata import load_json

    return frozenset(load_json("en", "claims", "cues.json")["zero_victims"])


def _splits_tally(sentence: Span) -> bool:
    """'30 were killed around Shadadi and another five outside Kobane': a number next to
    'another' / 'others' adds a part, though the count stage may not read it as a figure."""
    for token in sentence:
        following = sentence.doc[token.i + 1] if token.i + 1 < sentence.end else None
        if token.lower_ not in ADDITIVE_WORDS or (following is not None and following.lower_ == "than"):
            continue  # "more than 50" is a bound, not a further part
        window = sentence.doc[max(sentence.start, token.i - 2) : min(sentence.end, token.i + 3)]
        if any(other.like_num and other.i != token.i for other in window):
            return True
    return False


def _is_toll(draft: Draft) -> bool:
    """A figure told as a toll ("the toll to 12", "the number of dead at 15")."""
    trigger = draft.count.trigger if draft.count else None
    return trigger is not None and trigger.text.lower() in _toll_nouns()


@cache
def _toll_nouns() -> frozenset[str]:
    from ..langdata import load_json

    return frozenset(load_json("en", "claims", "cues.json")["toll_nouns"])


def _additive(draft: Draft) -> bool:
    """'21 others died', 'dozens more were injured': a figure on top of another, not instead of it."""
    count = draft.count
    if count is None:
        return False
    return bool(_figure_words(count) & ADDITIVE_WORDS) or _more_after(draft)


def _figure_words(count: CountMention) -> set[str]:
    """The words of a figure and its victims, without the bound of "more than 60" (a bound, not
    "60 more")."""
    text = " ".join([*(count.victims.text.lower().split() if count.victims else []), count.span.text.lower()])
    return set(text.replace("more than", " ").split())


def _others_of_another_kind(draft: Draft, figures: list[Draft]) -> bool:
    """'5 people were killed and 46 others were injured': 'others' beside the killed counts the
    injured apart from them, a tally of its own kind, not an increment of it."""
    assert draft.count is not None
    count = draft.count
    words = _figure_words(count)  # "more than 200 others": a bound, not "more"
    if _more_after(draft):
        doc = draft.sentence.doc
        after = doc.char_span(count.span.start, count.span.end, alignment_mode="expand")
        if after is not None and after.end < len(doc):
            words.add(doc[after.end].lower_)  # "five more" adds; "46 others" may not
    if not words & OTHERS_WORDS or words & (ADDITIVE_WORDS - OTHERS_WORDS):
        return False
    start = count.span.start
    before = [f for f in figures if f.sentence == draft.sentence and f.count and f.count.span.start < start]
    return bool(before) and all(f.claim.kind != draft.claim.kind for f in before)


def _more_after(draft: Draft) -> bool:
    """'Three more people later died', 'four more had died': 'more' right after the number (not
    'more than')."""
    assert draft.count is not None
    doc = draft.sentence.doc
    span = doc.char_span(draft.count.span.start, draft.count.span.end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return False
    following = doc[span.end]
    after = doc[span.end + 1] if span.end + 1 < len(doc) else None
    return following.lower_ in ADDITIVE_WORDS and (after is None or after.lower_ != "than")


def _continue_source(later: Draft, earlier: list[Draft], cues, index: dict[int, int]) -> None:  # type: ignore[no-untyped-def]
    """'Two hours later he raised the toll to 12': a figure the outlet tells with a revision verb
    whose subject is a personal pronoun is the word of the named source of the figure before it
    (within the revision's reach), so the two can be one source's revision."""
    if later.attribution is not None:
        return
    pronoun_subject = any(
        child.dep_ in ("nsubj", "nsubjpass") and child.lower_ in revising_pronouns()
        for _, start, _end in cues.revision(later.sentence)
        for child in later.sentence.doc[start].children
    )
    if not pronoun_subject:
        return
    for source in reversed(earlier):
        if index[later.sentence.start] - index[source.sentence.start] > REVISION_REACH:
            return
        if source.claim.kind == later.claim.kind and source.attribution is not None:
            later.claim.speaker, later.claim.via = source.claim.speaker, list(source.claim.via)
            later.claim.speaker_actor = source.claim.speaker_actor
            return


@cache
def revising_pronouns() -> frozenset[str]:
    """'he raised the toll to 12', 'This was later updated to 82' (``cues.json``)."""
    from ..langdata import load_json

    return frozenset(load_json("en", "claims", "cues.json")["revising_pronouns"])


def _revise(earlier: Draft, later: Draft) -> Revision:
    earlier.claim.status = "superseded"
    earlier.claim.superseded_by = later.claim.id
    later.claim.about = later.claim.about or earlier.claim.about
    later.claim.revises = earlier.claim.id
    return Revision(
        about=later.claim.about or earlier.claim.about,
        field=later.claim.kind,
        before=earlier.claim.value,
        after=later.claim.value,
        claims=[earlier.claim.id, later.claim.id],
        by=later.claim.speaker,
    )


# -- contradictions ----------------------------------------------------------------------------


def find_contradictions(doc: Doc, drafts: list[Draft]) -> list[Contradiction]:
    from .claim_settings import setting_contradictions

    add_counter_blames(doc, drafts)
    return [
        *_figure_contradictions(drafts),
        *_perpetrator_contradictions(drafts),
        *setting_contradictions(doc, drafts),
    ]


def _figure_contradictions(drafts: list[Draft]) -> list[Contradiction]:
    """Figures of one kind about one event whose ranges cannot both be true; then two named
    sources' figures of one happening the event stage told as two events (``same_happenings``)."""
    found: list[Contradiction] = []
    live = [d for d in drafts if d.claim.kind in FIGURE_KINDS and d.count is not None]
    live = [d for d in live if d.claim.status != "superseded" and isinstance(d.claim.value, int)]
    # history, a war's toll, a sum over several incidents ("in attacks across the country"): the
    # count stage sets them apart as no one event's figure, so none is a rival toll of the event
    live = [d for d in live if not d.extra.get("background")]
    increments, split = _increments_and_split(drafts)
    # a toll is a total even beside a part ("raised the toll to 12, saying five more bodies ...")
    live = [d for d in live if d.sentence.start not in split or _is_toll(d)]
    groups: dict[tuple[str | None, str], list[Draft]] = {}
    for draft in live:
        groups.setdefault((draft.claim.about, draft.claim.kind), []).append(draft)
    for (about, kind), members in groups.items():
        clashing = _clashing(members, increments)
        if about is None and len({d.claim.speaker for d in clashing}) < 2:
            continue  # no event to tie them to: one source's two figures are two tallies
        if _sides(clashing) > MAX_SIDES:
            continue  # a round-up of several incidents told as one event: no rival tolls
        if clashing:
            clashing.sort(key=lambda d: d.claim.evidence[0].start)
            values = list(dict.fromkeys(d.claim.value for d in clashing))
            found.append(Contradiction(about, kind, values, [d.claim.id for d in clashing]))
    _across_events(live, increments, found)
    return found


def _across_events(live: list[Draft], increments: list[Draft], found: list[Contradiction]) -> None:
    """Two named sources' clashing figures on two events of one happening: a contradiction of
    their own, or more sides of the one either figure already has (each event's own comparisons
    stand as they were; only pairs across the events are added)."""
    sourced = [d for d in live if d.claim.about is not None and d not in increments and _sourced(d)]
    by_id = {d.claim.id: d for d in live}
    for first_index, first in enumerate(sourced):
        for second in sourced[first_index + 1 :]:
            if first.claim.kind != second.claim.kind or first.claim.about == second.claim.about:
                continue
            if happening_of(first) != happening_of(second):
                continue
            if same_source(first.claim.speaker, second.claim.speaker):
                continue
            if _ranges_clash(first, second) and _same_victims(first, second) and not _part_of(first, second):
                _add_sides(found, first, second, by_id)


def _add_sides(found: list[Contradiction], first: Draft, second: Draft, by_id: dict[str, Draft]) -> None:
    ids = {first.claim.id, second.claim.id}
    held = next((c for c in found if c.field == first.claim.kind and ids & set(c.claims)), None)
    claims = sorted(ids | set(held.claims if held else ()), key=lambda i: by_id[i].claim.evidence[0].start)
    values = list(dict.fromkeys(by_id[i].claim.value for i in claims))
    if _sides([by_id[i] for i in claims]) > MAX_SIDES:
        return  # a round-up of several incidents: no rival tolls
    if held is None:
        found.append(Contradiction(by_id[claims[0]].claim.about, first.claim.kind, values, claims))
    else:
        held.values, held.claims = values, claims


def _sides(clashing: list[Draft]) -> int:
    """How many rival figures clash: a part of a source's toll ("20 people including 13
    civilians") stands with its whole, whose side it is, though it may clash with another
    source's lower toll (12) itself. (Counting only each source's highest figure as well found
    three sources' tolls beside a source's named victim, but let round-ups of several strikes
    through on unannotated reports.)"""
    return len({d.claim.value for d in clashing if not _dead_part(d)})


def _own_voice(draft: Draft) -> bool:
    """A figure the report tells in its own voice after its lead (``LEAD_SENTENCES``). The rules
    that read differing figures as rival tolls beyond what the numbers force (a floor well below
    another toll, civilians against people) do not hold for these: a
    report's own later figures are as often another incident of a round-up, an earlier attack, or
    a sum; its lead's figure is its toll of the event."""
    from .claims import _outlet_name

    doc = draft.sentence.doc
    if draft.attribution is not None or draft.claim.speaker != _outlet_name(doc):
        return False
    return sum(1 for sentence in sentences(doc) if sentence.start < draft.sentence.start) >= LEAD_SENTENCES


def _increments_and_split(drafts: list[Draft]) -> tuple[list[Draft], set[int]]:
    """Figures that add to a tally ("another five", "21 others" of the same kind), and the
    starts of the sentences such additions split into parts."""
    figures = [d for d in drafts if d.claim.kind in FIGURE_KINDS and d.count is not None]
    # not even "one was killed and six others wounded" beside the killed: read as a tally of its
    # own, such figures of a source set the many incidents of a round-up against each other
    increments = [d for d in figures if _additive(d)]
    split = {d.sentence.start for d in increments}
    split |= {d.sentence.start for d in figures if _splits_tally(d.sentence)}
    return increments, split


def _clashing(members: list[Draft], increments: list[Draft]) -> list[Draft]:
    """The members of one event's figures of one kind that clash with another member."""
    clashing: list[Draft] = []
    for first_index, first in enumerate(members):
        for second in members[first_index + 1 :]:
            if first in increments or second in increments:
                continue  # "another five", "21 others": parts of one tally
            if same_source(first.claim.speaker, second.claim.speaker):
                continue  # sources disagree (PRODUCT.md); one source's differing figures are parts
                # of a tally, several incidents, or a revision (``find_revisions``)
            if _ranges_clash(first, second) and _same_victims(first, second) and not _part_of(first, second):
                clashing.extend(d for d in (first, second) if d not in clashing)
    return clashing


def _sourced(draft: Draft) -> bool:
    """A figure a named source gives, not the report in its own voice."""
    from .claims import _outlet_name

    return draft.attribution is not None and draft.claim.speaker != _outlet_name(draft.sentence.doc)


def _same_victims(first: Draft, second: Draft) -> bool:
    """Two figures that count the same victims, as far as two tolls can be compared."""
    return _victims_agree(first, second) or _part_above_whole(first, second) or _two_tolls(first, second)


def _part_of(first: Draft, second: Draft) -> bool:
    """'killed 25 children' (one source) beside 'a toll of 82' (another): a figure of some of the
    victims below a bare toll is a part of it, whatever the speakers (``whole_victims``)."""
    for part, whole in ((first, second), (second, first)):
        values = (part.claim.value, whole.claim.value)
        if _dead_part(part) and all(isinstance(v, int) for v in values) and values[0] < values[1]:  # type: ignore[operator]
            return True  # "at least 10 of the dead" beside anyone's toll of 23
        if _marked_part(part) and figure_range(part)[0] < figure_range(whole)[0]:
            return True  # "on Wednesday alone killed at least 21" beside the campaign's 32
    if _contrasted(first) or _contrasted(second):
        return False
    for part, whole in ((first, second), (second, first)):
        victims = part.count.victims if part.count else None
        bare = whole.count is None or whole.count.victims is None
        if victims is None or not bare or not victims.text.strip():
            continue
        head = victims.text.lower().split()[-1]
        below = isinstance(part.claim.value, int) and isinstance(whole.claim.value, int)
        if head not in whole_victims() and below and part.claim.value < whole.claim.value:
            return True
    return False


def _marked_part(draft: Draft) -> bool:
    """A figure whose sentence says it counts one day or place of more ("alone"; ``part_marks``)."""
    return any(token.lower_ in _part_marks() for token in draft.sentence)


@cache
def _part_marks() -> frozenset[str]:
    from ..langdata import load_json

    return frozenset(load_json("en", "claims", "cues.json")["part_marks"])


def _dead_part(draft: Draft) -> bool:
    return draft.count is not None and draft.count.part


@cache
def whole_victims() -> frozenset[str]:
    from ..langdata import load_json

    return frozenset(load_json("en", "claims", "cues.json")["whole_victims"])


def _ranges_clash(first: Draft, second: Draft) -> bool:
    a_low, a_high = figure_range(first)
    b_low, b_high = figure_range(second)
    differ = first.claim.speaker != second.claim.speaker and first.claim.value != second.claim.value
    if differ and (_contrasted(first) or _contrasted(second)):
        return True  # "rescue workers gave a higher toll of 23": the report says they differ
    if a_high == b_high == float("inf") and a_low != b_low and first.claim.speaker != second.claim.speaker:
        return True  # "at least seven" (the monitor) and "at least four" (state media): two tolls
    if first.claim.speaker != second.claim.speaker and _far_above_open(first, second):
        return True
    return a_low > b_high or b_low > a_high


def _far_above_open(first: Draft, second: Draft) -> bool:
    """'at least 22 killed' (the monitor) beside '40 people had been killed' (the group that
    claims the attack): a floor is its source's count so far, and another source's figure well
    above it (by more than ``OPEN_MARGIN``) is a toll of its own, not one the floor allows. Of the
    same victims only: "at least 10 civilians" is not everyone's toll."""
    if not _victims_agree(first, second) or _own_voice(first) or _own_voice(second):
        return False
    for open_one, other in ((first, second), (second, first)):
        low, high = figure_range(open_one)
        other_low, other_high = figure_range(other)
        closed = other_high != float("inf")
        if high == float("inf") and closed and low > 0 and other_low > low * (1 + OPEN_MARGIN):
            return True
    return False


def _contrasted(draft: Draft) -> bool:
    """A contrast mark ("a higher toll of 23", "a lower toll of eight") just before the figure."""
    if draft.count is None:
        return False
    doc = draft.sentence.doc
    span = doc.char_span(draft.count.span.start, draft.count.span.end, alignment_mode="expand")
    if span is None:
        return False
    window = doc[max(draft.sentence.start, span.start - EARLIER_WINDOW) : span.start]
    return bool(_contrast_matcher(doc.vocab)(window))


@cache
def _contrast_matcher(vocab):  # type: ignore[no-untyped-def]
    from spacy.matcher import PhraseMatcher

    from ..langdata import load_json

    matcher = PhraseMatcher(vocab, attr="LOWER")
    phrases = load_json("en", "claims", "cues.json")["contrast_marks"]
    matcher.add("contrast", [Doc(vocab, words=phrase.split()) for phrase in phrases])
    return matcher


def figure_range(draft: Draft) -> tuple[float, float]:
    """The values a reported figure allows: 'nearly 50' is 40-50, 'about 30' 27-33, 'at least 33'
    33 and more, '34' only 34."""
    count = draft.count
    assert count is not None
    qualifier = (count.qualifier or "").lower()
    if qualifier in _near_qualifiers() and count.high is not None:
        return count.high * (1 - NEAR_SPAN), float(count.high)
    if qualifier and count.low is not None and count.low == count.high:
        return count.low * (1 - APPROX_SPAN), count.low * (1 + APPROX_SPAN)
    low = float(count.low) if count.low is not None else 0.0
    high = float(count.high) if count.high is not None else float("inf")
    return low, high


def _near_qualifiers() -> frozenset[str]:
    from ..langdata import load_json

    return frozenset(load_json("en", "claims", "cues.json")["near_qualifiers"])


def _perpetrator_contradictions(drafts: list[Draft]) -> list[Contradiction]:
    """Perpetrators of one event that are not the same side, from different claims."""
    found: list[Contradiction] = []
    groups: dict[str | None, list[Draft]] = {}
    for draft in drafts:
        if draft.claim.kind == "perpetrator" and draft.actor is not None and _comparable(draft):
            groups.setdefault(draft.claim.about, []).append(draft)
    for about, members in groups.items():
        if about is None:
            continue
        sides: dict[tuple[str | None, str | None], list[Draft]] = {}
        for draft in members:
            sides.setdefault(side_of(draft.actor), []).append(draft)
        sided = list(sides.values())
        clashing = [group for group in sided if any(_sides_clash(group, other) for other in sided)]
        speakers = {draft.claim.speaker for group in clashing for draft in group}
        if len(clashing) < 2 or len(speakers) < 2:
            continue  # one source naming two suspects ("Syrian or Russian planes") is unsure
        values = [_side_name(group) for group in clashing]
        claims = [draft.claim.id for group in clashing for draft in group]
        found.append(Contradiction(about, "perpetrator", values, claims))
    return found


def _side_name(group: list[Draft]) -> str | None:
    """The name a side of a perpetrator dispute goes by. A state blamed for an attack is blamed
    for what its forces did: ACLED codes a state's violence as its military forces', so "the
    Syrian government" a source blames and "Syrian warplanes" another names are one side,
    "Military Forces of Syria"."""
    names = [draft.actor.name for draft in group if draft.actor is not None and draft.actor.name]
    if not names or side_of(group[0].actor)[1] != "state":
        return names[0] if names else None
    forces = [name for name in names if name.startswith(STATE_PREFIXES[0])]
    if forces:
        return forces[0]
    government = STATE_PREFIXES[1]
    if names[0].startswith(government):
        return STATE_PREFIXES[0] + names[0][len(government) :]
    return names[0]


# -- counter-blames ------------------------------------------------------------------------------


def add_counter_blames(doc: Doc, drafts: list[Draft]) -> None:
    """A source naming an armed group as the owner, maker or user of an attack's toxic agent
    blames that group ("Russia said the gas leaked from a rebel depot", "denied any
    responsibility saying its air strikes hit a rebel depot containing chemical materials",
    "rebels may have released gas"; ``counter_blame`` of cues.json). A perpetrator claim that
    names the group is marked a blame; else the source gets a new one. The new claim is about
    the report's one toxic happening, where the source's own claim is about another event."""
    words = _counter_blame_words()
    for sentence in sentences(doc):
        sources = [d for d in drafts if d.sentence == sentence and _named_source(d)]
        if not sources:
            continue
        toxic = any(token.lower_ in words["toxic_words"] for token in sentence)
        for mention in _mentions_in(doc, sentence):
            if not _armed_group(mention.actor) or not _blamed_for_agent(doc, mention.span, words, toxic):
                continue
            naming = [
                d
                for d in drafts
                if d.claim.kind == "perpetrator" and _overlaps(d.claim.evidence[0], mention.span)
            ]
            for draft in naming:
                draft.extra["blamed"] = True
            if not naming:
                source = next(
                    (d for d in sources if _overlaps(d.claim.evidence[0], mention.span)), sources[0]
                )
                drafts.append(_counter_blame(doc, source, mention, len(drafts) + 1))


def _named_source(draft: Draft) -> bool:
    from .claims import OUTLET_SPEAKER

    return draft.attribution is not None and draft.claim.speaker not in {None, OUTLET_SPEAKER}


def _mentions_in(doc: Doc, sentence: Span) -> list:  # type: ignore[type-arg]
    return [m for m in doc._.actors or [] if sentence.start_char <= m.span.start < sentence.end_char]


def _armed_group(actor: Actor) -> bool:
    """A rebel, Islamist or unnamed armed group, or a named non-state armed one."""
    if side_of(actor)[1] == "state" or not actor.name:
        return False
    return actor.sector in NON_STATE_ARMED_SECTORS or actor.name.startswith(_armed_prefixes())


def _blamed_for_agent(doc: Doc, span, words: dict[str, frozenset[str]], toxic: bool) -> bool:  # type: ignore[no-untyped-def]
    """Is the group the owner of a store ("a rebel depot", "the rebels' stockpile"), the subject of
    using, keeping or releasing ("where terrorists stored", "rebels may have released gas"), the
    one the agent belongs to ("belonged to rebels"), or the maker of a provocation ("a rebel
    provocation")? Not the place it was used on ("the use of poison gas on rebel areas")."""
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    if tokens is None:
        return False
    root = tokens.root
    lemmas = {token.lemma_.lower() for token in tokens}
    if root.dep_ in {"compound", "amod", "poss", "nsubj"}:
        lemmas.add(root.head.lemma_.lower())  # "rebel chemical weapons depot", "rebels released"
    elif root.dep_ == "pobj" and root.head.lower_ == "to":
        lemmas.add(root.head.head.lemma_.lower())  # "belonged to rebels"
    if lemmas & words["false_flag_heads"]:
        return True
    return toxic and bool(lemmas & words["agent_heads"])


def _counter_blame(doc: Doc, source: Draft, mention, number: int) -> Draft:  # type: ignore[no-untyped-def]
    from .claims import Draft

    claim = Claim(
        id=f"c{number}",
        speaker=source.claim.speaker,
        kind="perpetrator",
        status="unverified",  # a blame is an accusation (``status_by_kind``)
        evidence=[mention.span],
        value=mention.actor.name,
        role=source.claim.role,
        speaker_actor=source.claim.speaker_actor,
        via=list(source.claim.via),
        cue=source.claim.cue,
        about=_agent_event(doc, source.claim.about),
    )
    extra: dict[str, object] = {"blamed": True, "counter_blame": True}
    return Draft(
        claim,
        source.sentence,
        source.attribution,
        actor=mention.actor,
        anchor=mention.span.start,
        extra=extra,
    )


def _agent_event(doc: Doc, about: str | None) -> str | None:
    """The event a counter-blame is about: the attack of an agent (``agent_event_types``) that is
    the source's own event or one happening with it (the event stage may tell "its air strikes
    hit a depot" as a strike of its own), else the report's one such happening, else the
    source's event. (Grouping every perpetrator by happening set joint attackers told on two
    events against each other on unannotated reports.)"""
    happenings = doc.user_data.get(HAPPENINGS, {})
    toxic = [e.id for e in doc._.events or [] if e.sub_event_type in _agent_event_types()]
    if about is not None:
        own = happenings.get(about, about)
        joined = [event_id for event_id in toxic if happenings.get(event_id, event_id) == own]
        if about in toxic or joined:
            return about if about in toxic else joined[0]
    told = {happenings.get(event_id, event_id) for event_id in toxic}
    return toxic[0] if len(told) == 1 else about


@cache
def _counter_blame_words() -> dict[str, frozenset[str]]:
    from ..langdata import load_json

    table = load_json("en", "claims", "cues.json")["counter_blame"]
    return {key: frozenset(words) for key, words in table.items()}


@cache
def _agent_event_types() -> frozenset[str]:
    from ..langdata import load_json

    return frozenset(load_json("en", "claims", "settings.json")["agent_event_types"])


def _comparable(draft: Draft) -> bool:
    """A named perpetrator, or a kind of armed group a source blames ("the government blamed
    Syrian rebels"): a blame is a claim about who did it even when it names no group."""
    assert draft.actor is not None
    if is_specific(draft.actor):
        return True
    blamed = bool(draft.extra.get("blamed")) or _subject_of_responsibility(draft)
    return blamed and (draft.actor.name or "").startswith(_armed_prefixes())


def _subject_of_responsibility(draft: Draft) -> bool:
    """'opposition fighters themselves were responsible for that attack': the perpetrator is the
    subject of a responsibility predicate (``responsible_predicates``), a blame."""
    from .claims import responsible_predicates

    doc = draft.sentence.doc
    evidence = draft.claim.evidence[0]
    span = doc.char_span(evidence.start, evidence.end, alignment_mode="expand")
    if span is None or span.root.dep_ != "nsubj" or span.root.head.lemma_ != "be":
        return False
    return any(child.lower_ in responsible_predicates() for child in span.root.head.children)


def _sides_clash(first: list[Draft], second: list[Draft]) -> bool:
    """Two sides disagree when both are named, or one is a state's forces: "rebels" may be the
    named group another source blames, but never the army that a third source blames."""
    a, b = first[0].actor, second[0].actor
    if first is second or a is None or b is None:
        return False
    if is_specific(a) and is_specific(b):
        return True
    return "state" in (side_of(a)[1], side_of(b)[1])


def _armed_prefixes() -> tuple[str, ...]:
    """Names of the armed kinds of actor (rebels, militants, unidentified gunmen)."""
    return _category_prefixes(ARMED_CATEGORIES)


@cache
def _category_prefixes(categories: frozenset[str]) -> tuple[str, ...]:
    """The names of the actor categories ``categories`` take, before their country."""
    from ..langdata import load_tsv

    prefixes = []
    for row in load_tsv("en", "actors", "categories.tsv"):
        if row["category"] in categories:
            prefixes.extend([row["template"].split("{country}")[0].rstrip(" ("), row["without_country"]])
    return tuple(prefix for prefix in prefixes if prefix and prefix != "-")


def is_specific(actor: Actor) -> bool:
    """A named perpetrator: a state's forces or a named group, not a generic category
    ('Unidentified Armed Group (Syria)', 'Islamist militant groups (Syria)', 'Civilians (Syria)')."""
    if side_of(actor)[1] == "state":
        return True
    return not (actor.name or "").startswith(_generic_prefixes())


def _generic_prefixes() -> tuple[str, ...]:
    return _category_prefixes(GENERIC_CATEGORIES)


def side_of(actor: Actor | None) -> tuple[str | None, str | None]:
    """A comparable side: a country's state forces are one side, other actors are themselves."""
    if actor is None:
        return (None, None)
    state_name = (actor.name or "").startswith(STATE_PREFIXES)
    if (actor.sector in STATE_SECTORS or state_name) and actor.country:
        return (actor.country, "state")
    return (actor.country, actor.name)


# -- events' claim lists -------------------------------------------------------------------------


def fill_event_claims(doc: Doc, drafts: list[Draft], contradictions: list[Contradiction]) -> None:
    """Events' fatalities / injured / actor1 list the claims they derive from; contested ones are disputed."""
    for event in doc._.events or []:
        about = [d for d in drafts if d.claim.about == event.id]
        event.fatalities.claims = [d.claim.id for d in about if d.claim.kind == "killed"]
        event.injured.claims = [d.claim.id for d in about if d.claim.kind == "injured"]
        _settle_range(event.fatalities, [d for d in about if d.claim.kind == "killed"], "killed")
        _settle_range(event.injured, [d for d in about if d.claim.kind == "injured"], "injured")
        _fill_actor_claims(event.actor1, [d for d in about if d.claim.kind == "perpetrator"])
        ids = {d.claim.id for d in about}
        for contradiction in contradictions:
            if contradiction.about != event.id and not ids & set(contradiction.claims):
                continue  # a happening told as two events: each event with a rival figure is disputed
            if contradiction.field == "killed":
                event.fatalities.disputed = True
            elif contradiction.field == "injured":
                event.injured.disputed = True
            elif contradiction.field == "perpetrator":
                event.actor1.disputed = True
                country = event.locations[0].country if event.locations else None
                perpetrators = [d for d in about if d.claim.kind == "perpetrator"]
                _add_claimed_alternatives(event.actor1, perpetrators, country)


def _settle_range(count: Count, behind: list[Draft], kind: str) -> None:
    """A range read before the claims were linked is read again when one of its claims was
    revised or denied: a superseded or denied figure never counts, the figure that replaced it
    does ("seven killed ... he raised the toll to 12" -> 12; "dozens", denied -> no figure)."""
    withdrawn = [d for d in behind if d.claim.status in WITHDRAWN]
    read = {span.start for span in count.evidence}
    # another source's toll the count stage did not read ("put the number of dead at 15")
    added = [d for d in behind if d.extra.get("quoted_toll") and d.count and d.count.span.start not in read]
    if not withdrawn and not added:
        return
    reported = [
        (d.count, FIGURE_STANDING[d.claim.status])
        for d in behind
        if d.count is not None and d.claim.status in FIGURE_STANDING and not d.extra.get("folded")
    ]
    settled = count_of(reported, kind)
    count.low, count.best, count.high = settled.low, settled.best, settled.high
    count.note = settled.note
    # the evidence is every figure behind the count, the one that replaced a withdrawn one too
    count.evidence = settled.evidence or count.evidence
    if not reported:  # nothing left standing: say what was withdrawn
        figures = {f"{d.claim.status}: {d.count.span.text if d.count else d.claim.value}" for d in withdrawn}
        count.note = "; ".join(sorted(figures))


def _add_claimed_alternatives(actor: Actor, perpetrators: list[Draft], event_country: str | None) -> None:
    """A perpetrator a source names against the coded one is an alternative of the disputed
    actor ("posts on social media attributed the strike to Russian warplanes"), with the
    claims that name it."""
    sides = {side_of(actor)} | {side_of(Actor.from_dict(other)) for other in actor.alternatives}
    for draft in perpetrators:
        if draft.actor is None or draft.actor.name is None or side_of(draft.actor) in sides:
            continue
        sides.add(side_of(draft.actor))
        named = Actor(name=draft.actor.name, country=draft.actor.country, inter=draft.actor.inter)
        finalise_inter(named, event_country)  # Russian forces in Syria are external (inter 8)
        alternative = {"name": named.name, "country": named.country, "inter": named.inter}
        alternative |= {"status": draft.claim.status, "evidence": draft.claim.evidence[0].to_dict()}
        alternative["claims"] = [d.claim.id for d in perpetrators if side_of(d.actor) == side_of(draft.actor)]
        actor.alternatives.append(alternative)


def _fill_actor_claims(actor: Actor, perpetrators: list[Draft]) -> None:
    primary = side_of(actor)
    actor.claims = [d.claim.id for d in perpetrators if side_of(d.actor) == primary]
    for alternative in actor.alternatives:
        side = side_of(Actor.from_dict(alternative))
        alternative["claims"] = [d.claim.id for d in perpetrators if side_of(d.actor) == side]

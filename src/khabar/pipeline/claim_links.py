"""Links between claims: comments on the previous sentence, confirmations, denials, the event
each claim is about, and the claims each event's fields are built from. Revisions (the same
source changing a figure) are found in ``claim_revisions.py``; contradictions (sources
disagreeing on a figure in ``claim_contradictions.py``, on a perpetrator in
``claim_perpetrators.py``, on a place or a date in ``claim_settings.py``).

Differing figures from different sources do not change either claim's status; they form a
``Contradiction`` and the event's field built from them is marked disputed.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from ..model import Actor, Contradiction, Count, Event
from .assemble import finalise_inter
from .claim_attribution import sentence_of, sentences
from .claim_happenings import HAPPENINGS, same_happenings
from .claim_perpetrators import side_of
from .claim_shared import FIGURE_KINDS, overlaps, sentence_index
from .figures import count_of

if TYPE_CHECKING:
    from .claims import Draft

#: how many sentences back a denial looks for the claim it denies
DENIAL_REACH = 3
#: claim statuses whose figures never make an event's range
WITHDRAWN = frozenset({"superseded", "denied"})
#: how a claim's status counts for a range (``figures.count_of``): the rest never count
FIGURE_STANDING = {"asserted": "asserted", "confirmed": "asserted", "unverified": "unverified"}


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
    index = sentence_index(doc)
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
            if any(overlaps(span, draft.claim.evidence[0]) for span in _actor_spans(event.actor1)):
                return event.id
    anchor = draft.anchor
    holding = [e for e in events if any(s.start <= anchor < s.end for s in e.evidence)]
    if holding:
        return holding[0].id
    evidence = draft.claim.evidence[0]
    overlapping = [e for e in events if any(overlaps(s, evidence) for s in e.evidence)]
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


def _actor_spans(actor: Actor) -> list:  # type: ignore[type-arg]
    from ..model import Span as TextSpan

    spans = list(actor.evidence)
    for alternative in actor.alternatives:
        evidence = alternative.get("evidence")
        if isinstance(evidence, dict):
            spans.append(TextSpan.from_dict(evidence))
    return spans


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
    # a figure the count stage set apart as history or a statistic ("Last month nearly 1200
    # civilians were killed") is a claim, never the event's figure
    reported = [
        (d.count, FIGURE_STANDING[d.claim.status])
        for d in behind
        if d.count is not None
        and d.claim.status in FIGURE_STANDING
        and not d.extra.get("folded")
        and not d.extra.get("background")
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

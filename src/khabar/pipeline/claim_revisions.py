"""Revisions: the same source giving a new figure of the same kind, so the earlier claim is
superseded; also a toll raised by an increment alone ("three more people died of their wounds")."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from ..model import Claim, CountMention, Revision
from .claim_happenings import happening_of
from .claim_shared import (
    EARLIER_WINDOW,
    FIGURE_KINDS,
    additive,
    dead_part,
    figure_span,
    is_toll,
    more_after,
    others_of_another_kind,
    same_family,
    same_source,
    sentence_index,
    victims_agree,
)

if TYPE_CHECKING:
    from .claims import Draft

#: how many sentences apart an earlier figure may be from its revision without a revision cue
REVISION_REACH = 2
#: how many tokens an attribution before a figure may span and still mark it as earlier
ATTRIBUTION_REACH = 24
#: speakers the attribution stage leaves as the pronoun of a relative clause
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})


def find_revisions(doc: Doc, drafts: list[Draft], *, implied: bool = True) -> list[Revision]:
    """The same source giving a new figure of the same kind: the earlier claim is superseded.
    With ``implied``, a toll raised by an increment alone ("three more people died of their
    wounds", "the toll has risen by four") is a new claim, the old toll plus the increment,
    appended to ``drafts``."""
    from .claims import status_cues

    cues = status_cues(doc.vocab)
    index = sentence_index(doc)
    _resolve_relative_speakers(drafts)
    revisions: list[Revision] = []
    figures = [d for d in drafts if d.claim.kind in FIGURE_KINDS and isinstance(d.claim.value, int)]
    increments = [d for d in figures if _increment_by(d) or (additive(d) and more_after(d))]
    figures = [d for d in figures if not _increment_by(d)]  # "risen by four": never the new toll
    parts = [d for d in figures if dead_part(d)]
    figures = [d for d in figures if not dead_part(d)]  # "including 58 civilians" revises nothing
    # "three more people had died, bringing the toll to 18": an increment is neither toll
    figures = [d for d in figures if not additive(d) or others_of_another_kind(d, figures)]
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
    span = figure_span(draft)
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
        if any(f.sentence == increment.sentence and f is not increment for f in figures if not additive(f)):
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
    before = [f for f in before if not additive(f) and not dead_part(f) and f.count is not None]
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
    return old if victims_agree(old, increment) else None


def _raises(increment: Draft, old: Draft, cues) -> bool:  # type: ignore[no-untyped-def]
    """Does the increment add to that toll: said with a revision cue ("later died", "risen by"),
    or told after a figure given as a toll or an earlier one ("an earlier toll of 15")?"""
    if _increment_by(increment) or cues.revision(increment.sentence):
        return True
    doc = old.sentence.doc
    return is_toll(old) or _marked_earlier(doc, old, cues)


def _implied_total(old: Draft, increment: Draft, number: int) -> Draft:
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
            if same and victims_agree(new, old) and new.claim.value != old.claim.value:
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
    report's source of the new one). Only a higher one: a toll grows as the victims are
    counted, so the report's own lower figure beside a source's "initial toll" of more ("25
    were wounded ... the initial toll included 55 injured, a police source said") is a
    dispute, not that source's revision."""
    from .claims import _outlet_name

    outlet = _outlet_name(doc)
    if any(same_source(d.claim.speaker, old.claim.speaker) and d is not old for d in before):
        return None  # the source's own later figure, if any, is the one that replaced it
    for new in reversed(before):
        own_voice = new.attribution is None and new.claim.speaker == outlet
        if not own_voice or new.claim.kind != old.claim.kind or happening_of(new) != happening_of(old):
            continue
        if victims_agree(new, old) and _grown(old, new) and new.claim.revises is None:
            return new
    return None


def _grown(old: Draft, new: Draft) -> bool:
    before, after = old.claim.value, new.claim.value
    return isinstance(before, int) and isinstance(after, int) and after > before


def _pluperfect(doc: Doc, draft: Draft) -> bool:
    """'the Observatory reported that at least five had been killed': a figure told as of an
    earlier time (the verb of its figure takes 'had')."""
    span = figure_span(draft)
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
    span = figure_span(draft)
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
    return victims_agree(earlier, later)


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

"""Contradictions: figures of one event (or of one happening told as two events) from different
sources whose ranges cannot both be true. Perpetrator disputes are found in
``claim_perpetrators.py``, place and date disputes in ``claim_settings.py``."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from ..model import Contradiction, Event
from .claim_attribution import sentences
from .claim_happenings import Setting, happening_of, setting_of, told_as_one
from .claim_perpetrators import add_counter_blames, mark_blames, perpetrator_contradictions
from .claim_shared import (
    ADDITIVE_WORDS,
    EARLIER_WINDOW,
    FIGURE_KINDS,
    additive,
    dead_part,
    everyone_victims,
    figure_range,
    figure_span,
    figure_words,
    is_toll,
    more_after,
    same_source,
    victim_head,
    victims_agree,
    whole_victims,
)
from .counts import ACCIDENT_COUNTS_KEY

if TYPE_CHECKING:
    from .claims import Draft

#: more rival figures of one kind than this for one event: a round-up of incidents, not a dispute
MAX_SIDES = 3
#: the sentences of a report's lead (FA-KES runs the headline into the first one)
LEAD_SENTENCES = 2


def find_contradictions(doc: Doc, drafts: list[Draft]) -> list[Contradiction]:
    """Figure, perpetrator, place and date disputes of one report (a counter-blame may add a
    perpetrator claim to ``drafts`` first)."""
    from .claim_settings import setting_contradictions

    add_counter_blames(doc, drafts)
    mark_blames(drafts)
    return [
        *_figure_contradictions(drafts),
        *perpetrator_contradictions(drafts),
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
    live = [d for d in live if (not d.extra.get("background") or _accident(d)) and not _cut_number(d)]
    increments, split = _increments_and_split(drafts)
    # a toll is a total even beside a part ("raised the toll to 12, saying five more bodies ...")
    apart = [d for d in live if d.sentence.start in split and not is_toll(d)]
    live = [d for d in live if d not in apart]
    groups: dict[tuple[str | None, str], list[Draft]] = {}
    for draft in live:
        groups.setdefault((draft.claim.about, draft.claim.kind), []).append(draft)
    for (about, kind), members in groups.items():
        members = [d for d in members if not _one_of_own_toll(d, members)]
        clashing = _clashing(members, increments)
        if about is None and len({d.claim.speaker for d in clashing}) < 2:
            continue  # no event to tie them to: one source's two figures are two tallies
        if _sides(clashing) > MAX_SIDES:
            continue  # a round-up of several incidents told as one event: no rival tolls
        if clashing:
            clashing.sort(key=lambda d: d.claim.evidence[0].start)
            values = list(dict.fromkeys(d.claim.value for d in clashing))
            found.append(Contradiction(about, kind, values, [d.claim.id for d in clashing]))
    _across_events(live, apart, increments, found)
    return found


def _accident(draft: Draft) -> bool:
    """A figure set apart only as an accident's ("killed when a warplane crashed into a market"):
    no attack's figure, but two sources' tolls of the crash still dispute each other."""
    accidents = draft.sentence.doc.user_data.get(ACCIDENT_COUNTS_KEY, [])
    return any(draft.count is mention for mention in accidents)


def _cut_number(draft: Draft) -> bool:
    """'Over 1 000 civilians': a figure written with a leading zero ("000") is the end of a
    number cut at its space, not a toll of nobody."""
    assert draft.count is not None
    text = draft.count.span.text.strip()
    return len(text) > 1 and text[0] == "0" and text[1].isdigit()


def _across_events(
    live: list[Draft], apart: list[Draft], increments: list[Draft], found: list[Contradiction]
) -> None:
    """Two named sources' clashing figures on two events of one happening, or on two events (or
    one on none) that the figures' own words put in one place on one day (``told_as_one``): a
    contradiction of their own, or more sides of the one either figure already has (each event's
    own comparisons stand as they were; only pairs across the events are added). A figure of a
    sentence split into parts (``apart``: "30 people were killed in Aleppo province and another
    39 in Idlib province") is its place's toll when its own words name the place: it is compared
    through those words alone."""
    events = {e.id: e for e in live[0].sentence.doc._.events or []} if live else {}
    settings: dict[str, Setting] = {}
    placed = [d for d in apart if d not in increments and _sourced(d) and _own_place(d, settings, events)]
    sourced = [d for d in live if d not in increments and _sourced(d)] + placed
    sourced.sort(key=lambda d: d.claim.evidence[0].start)
    by_id = {d.claim.id: d for d in [*live, *placed]}
    for first_index, first in enumerate(sourced):
        for second in sourced[first_index + 1 :]:
            if first.claim.kind != second.claim.kind or first.claim.about == second.claim.about:
                continue
            if same_source(first.claim.speaker, second.claim.speaker):
                continue
            if not _ranges_clash(first, second) or not _same_victims(first, second):
                continue
            if _part_of(first, second):
                continue
            joined = first not in placed and second not in placed and _one_happening(first, second)
            if joined or told_as_one(first, second, settings, events):
                _add_sides(found, first, second, by_id)


def _own_place(draft: Draft, settings: dict[str, Setting], events: dict[str, Event]) -> bool:
    if draft.claim.id not in settings:
        settings[draft.claim.id] = setting_of(draft, events)
    return settings[draft.claim.id].placed


def _one_happening(first: Draft, second: Draft) -> bool:
    """Two figures on two events the event stage told as one happening (``same_happenings``)."""
    return None not in (first.claim.about, second.claim.about) and happening_of(first) == happening_of(second)


def _add_sides(found: list[Contradiction], first: Draft, second: Draft, by_id: dict[str, Draft]) -> None:
    ids = {first.claim.id, second.claim.id}
    held = next((c for c in found if c.field == first.claim.kind and ids & set(c.claims)), None)
    claims = sorted(ids | set(held.claims if held else ()), key=lambda i: by_id[i].claim.evidence[0].start)
    nobody = 0 in (first.claim.value, second.claim.value)
    if held is not None and nobody and _sides([by_id[i] for i in claims]) > MAX_SIDES:
        # "there were no deaths" against a toll is a dispute of its own, never a round-up's part,
        # though the dispute of the toll's event has other sides (a floor against a hospital's toll)
        held, claims = None, sorted(ids, key=lambda i: by_id[i].claim.evidence[0].start)
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
    return len({d.claim.value for d in clashing if not dead_part(d)})


def _one_of_own_toll(draft: Draft, members: list[Draft]) -> bool:
    """'killed at least 25 members of the Nusra Front ... killed a senior member': one victim a
    source names beside its own larger figure of the same victims is one of those dead, neither
    a rival toll nor another side of a dispute."""
    head = victim_head(draft)
    if draft.claim.value != 1 or head is None:
        return False
    return any(
        other.claim.speaker == draft.claim.speaker
        and isinstance(other.claim.value, int)
        and other.claim.value > 1
        and (victim_head(other) or "").rstrip("s") == head.rstrip("s")
        for other in members
    )


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


def _splits_tally(sentence: Span, tallies: set[int]) -> bool:
    """'30 were killed around Shadadi and another five outside Kobane': a number next to
    'another' / 'others' adds a part, though the count stage may not read it as a figure; not
    the 'others' of a tally of its own (``tallies``: the tokens of such figures)."""
    for token in sentence:
        following = sentence.doc[token.i + 1] if token.i + 1 < sentence.end else None
        if token.lower_ not in ADDITIVE_WORDS or (following is not None and following.lower_ == "than"):
            continue  # "more than 50" is a bound, not a further part
        if token.i in tallies:
            continue
        window = sentence.doc[max(sentence.start, token.i - 2) : min(sentence.end, token.i + 3)]
        if any(other.like_num and other.i != token.i for other in window):
            return True
    return False


def _increments_and_split(drafts: list[Draft]) -> tuple[list[Draft], set[int]]:
    """Figures that add to a tally ("another five", "21 others" of the same kind), and the
    starts of the sentences such additions split into parts."""
    figures = [d for d in drafts if d.claim.kind in FIGURE_KINDS and d.count is not None]
    tallies = [d for d in figures if _tally_of_another_kind(d, figures) and not _round_up(d, figures)]
    increments = [d for d in figures if additive(d) and d not in tallies]
    split = {d.sentence.start for d in increments}
    own_words = {token.i for draft in tallies for token in _figure_tokens(draft)}
    split |= {d.sentence.start for d in figures if _splits_tally(d.sentence, own_words)}
    return increments, split


def _tally_of_another_kind(draft: Draft, figures: list[Draft]) -> bool:
    """'claiming the life of one person and injuring 20 others', 'one person was killed and six
    more wounded': others of another kind than every figure before them in the sentence count
    that kind apart from those, a tally of their own (``tally_words``; "another five" adds)."""
    assert draft.count is not None
    words = figure_words(draft.count) | ({"more"} if more_after(draft) else set())
    added = words & ADDITIVE_WORDS
    if not added or not added <= tally_words():
        return False
    start = draft.count.span.start
    before = [f for f in figures if f.sentence == draft.sentence and f.count and f.count.span.start < start]
    return bool(before) and all(f.claim.kind != draft.claim.kind for f in before)


@cache
def tally_words() -> frozenset[str]:
    from ..langdata import load_json

    return frozenset(load_json("en", "claims", "cues.json")["tally_words"])


def _round_up(draft: Draft, figures: list[Draft]) -> bool:
    """Does the report tell several incidents, so that a figure's 'others' are one incident's? So
    when one speaker gives the figure's event two figures of one kind (a part of another aside),
    or one figure of a kind is the sum of two or more others of the report ("Six civilians were
    killed" beside a source's two in one district and four in another).
    Without this guard 9 of 12 new records on 300 random FA-KES reports were a round-up's parts."""
    return any(_round_up_of(kind, draft.claim.about, figures) for kind in FIGURE_KINDS)


def _round_up_of(kind: str, about: str | None, figures: list[Draft]) -> bool:
    same = [f for f in figures if f.claim.kind == kind and isinstance(f.claim.value, int)]
    same = [f for f in same if f.claim.value > 0 and f.claim.status != "superseded" and not dead_part(f)]
    told: dict[str | None, set[int]] = {}
    for figure in same:
        if figure.claim.about == about:
            told.setdefault(figure.claim.speaker, set()).add(figure.claim.value)  # type: ignore[arg-type]
    if any(len(values) > 1 for values in told.values()):
        return True
    values: list[int] = [f.claim.value for f in same]  # type: ignore[misc]
    return any(_sum_of_others(values, index) for index in range(len(values)))


def _sum_of_others(values: list[int], index: int) -> bool:
    """Is ``values[index]`` the sum of two or more of the other values?"""
    target = values[index]
    one: set[int] = set()  # sums of exactly one of the values seen so far
    many: set[int] = set()  # sums of two or more of them
    for value in values[:index] + values[index + 1 :]:
        many |= {total + value for total in one | many if total + value <= target}
        one.add(value)
    return target in many


def _figure_tokens(draft: Draft) -> list[Token]:
    """The tokens of a figure and of its victims ("20 others"), and a 'more' after it."""
    assert draft.count is not None
    doc = draft.sentence.doc
    spans = [draft.count.span, *([draft.count.victims] if draft.count.victims else [])]
    found = [doc.char_span(span.start, span.end, alignment_mode="expand") for span in spans]
    tokens = [token for span in found if span is not None for token in span]
    if tokens and more_after(draft):  # "six more wounded": 'more' follows the figure's span
        tokens.append(doc[found[0].end if found[0] is not None else tokens[-1].i + 1])
    return tokens


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
    return victims_agree(first, second) or _part_above_whole(first, second) or _two_tolls(first, second)


def _part_above_whole(first: Draft, second: Draft) -> bool:
    """'at least 31 civilians' (state media) beside '23 people' (the monitor): a toll of some of the
    victims above another source's figure of all of them cannot both hold (``everyone_victims``;
    the part must be a toll word of ``whole_victims``)."""
    if first.claim.speaker == second.claim.speaker:
        return False
    for part, whole in ((first, second), (second, first)):
        head = victim_head(whole)
        part_head = victim_head(part)
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
    if first.claim.speaker == second.claim.speaker or dead_part(first) or dead_part(second):
        return False
    if _own_voice(first) or _own_voice(second):
        return False  # the report's own later figures are often other incidents' (a round-up)
    if float("inf") in (figure_range(first)[1], figure_range(second)[1]):
        return False
    heads = {victim_head(first), victim_head(second)}
    return None not in heads and heads <= whole_victims()


def _part_of(first: Draft, second: Draft) -> bool:
    """'killed 25 children' (one source) beside 'a toll of 82' (another): a figure of some of the
    victims below a bare toll is a part of it, whatever the speakers (``whole_victims``)."""
    for part, whole in ((first, second), (second, first)):
        values = (part.claim.value, whole.claim.value)
        if dead_part(part) and all(isinstance(v, int) for v in values) and values[0] < values[1]:  # type: ignore[operator]
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


def _ranges_clash(first: Draft, second: Draft) -> bool:
    a_low, a_high = figure_range(first)
    b_low, b_high = figure_range(second)
    differ = first.claim.speaker != second.claim.speaker and first.claim.value != second.claim.value
    if differ and (_contrasted(first) or _contrasted(second)):
        return True  # "rescue workers gave a higher toll of 23": the report says they differ
    two_floors = a_high == b_high == float("inf") and a_low != b_low and differ
    if two_floors and not (_own_voice(first) or _own_voice(second)):
        return True  # "at least seven" (the monitor) and "at least four" (state media): two tolls;
        # a report's own later floor is as often another incident of a round-up (``_own_voice``)
    if first.claim.speaker != second.claim.speaker and _above_open(first, second):
        return True
    return a_low > b_high or b_low > a_high


def _above_open(first: Draft, second: Draft) -> bool:
    """'at least 18 killed' (the monitor) beside '19 people were killed' (the civil defence): a
    floor is its source's count so far, and another source's higher figure is a toll of its own,
    as two sources' floors are ("at least 22" and "at least 24"). (The other figure had to stand
    more than a quarter above the floor before; the fourth held-back batch's annotator counts 18
    against 19, 12 against 13.) Of the same victims only: "at least 10 civilians" is not
    everyone's toll."""
    if not victims_agree(first, second) or _own_voice(first) or _own_voice(second):
        return False
    for open_one, other in ((first, second), (second, first)):
        low, high = figure_range(open_one)
        other_low, other_high = figure_range(other)
        closed = other_high != float("inf")
        if high == float("inf") and closed and low > 0 and other_low > low:
            return True
    return False


def _contrasted(draft: Draft) -> bool:
    """A contrast mark ("a higher toll of 23", "a lower toll of eight") just before the figure."""
    span = figure_span(draft)
    if span is None:
        return False
    doc = draft.sentence.doc
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

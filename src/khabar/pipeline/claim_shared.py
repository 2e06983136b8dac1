"""What the claim links share: one source under two names, the victims two figures count,
increments and parts of a toll, and the values a figure allows."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from ..model import CountMention
from .claim_attribution import sentences

if TYPE_CHECKING:
    from .claims import Draft

FIGURE_KINDS = frozenset({"killed", "injured"})
#: how far below its figure 'nearly N' may be, and how far 'about N' may stray either side
NEAR_SPAN = 0.2
APPROX_SPAN = 0.1
#: how many tokens before a figure an earlier-figure cue marks it as the old one
EARLIER_WINDOW = 7
ADDITIVE_WORDS = frozenset({"others", "other", "more", "another", "further", "additional"})
OTHERS_WORDS = frozenset({"others", "other"})


def sentence_index(doc: Doc) -> dict[int, int]:
    return {sentence.start: number for number, sentence in enumerate(sentences(doc))}


def overlaps(a, b) -> bool:  # type: ignore[no-untyped-def]
    return a.start < b.end and b.start < a.end


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


def victims_agree(first: Draft, second: Draft) -> bool:
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


def victim_head(draft: Draft) -> str | None:
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


def is_toll(draft: Draft) -> bool:
    """A figure told as a toll ("the toll to 12", "the number of dead at 15")."""
    trigger = draft.count.trigger if draft.count else None
    return trigger is not None and trigger.text.lower() in _toll_nouns()


@cache
def _toll_nouns() -> frozenset[str]:
    from ..langdata import load_json

    return frozenset(load_json("en", "claims", "cues.json")["toll_nouns"])


def additive(draft: Draft) -> bool:
    """'21 others died', 'dozens more were injured': a figure on top of another, not instead of it."""
    count = draft.count
    if count is None:
        return False
    return bool(figure_words(count) & ADDITIVE_WORDS) or more_after(draft)


def figure_words(count: CountMention) -> set[str]:
    """The words of a figure and its victims, without the bound of "more than 60" (a bound, not
    "60 more")."""
    text = " ".join([*(count.victims.text.lower().split() if count.victims else []), count.span.text.lower()])
    return set(text.replace("more than", " ").split())


def figure_span(draft: Draft) -> Span | None:
    """The tokens of a figure claim's number ("at least 15"), or None when they do not align."""
    if draft.count is None:
        return None
    doc = draft.sentence.doc
    return doc.char_span(draft.count.span.start, draft.count.span.end, alignment_mode="expand")


def more_after(draft: Draft) -> bool:
    """'Three more people later died', 'four more had died': 'more' right after the number (not
    'more than')."""
    doc = draft.sentence.doc
    span = figure_span(draft)
    if span is None or span.end >= len(doc):
        return False
    following = doc[span.end]
    after = doc[span.end + 1] if span.end + 1 < len(doc) else None
    return following.lower_ in ADDITIVE_WORDS and (after is None or after.lower_ != "than")


def dead_part(draft: Draft) -> bool:
    return draft.count is not None and draft.count.part


@cache
def whole_victims() -> frozenset[str]:
    from ..langdata import load_json

    return frozenset(load_json("en", "claims", "cues.json")["whole_victims"])


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


def others_of_another_kind(draft: Draft, figures: list[Draft]) -> bool:
    """'5 people were killed and 46 others were injured': 'others' beside the killed counts the
    injured apart from them, a tally of its own kind, not an increment of it."""
    assert draft.count is not None
    count = draft.count
    words = figure_words(count)  # "more than 200 others": a bound, not "more"
    if more_after(draft):
        doc = draft.sentence.doc
        after = doc.char_span(count.span.start, count.span.end, alignment_mode="expand")
        if after is not None and after.end < len(doc):
            words.add(doc[after.end].lower_)  # "five more" adds; "46 others" may not
    if not words & OTHERS_WORDS or words & (ADDITIVE_WORDS - OTHERS_WORDS):
        return False
    start = count.span.start
    before = [f for f in figures if f.sentence == draft.sentence and f.count and f.count.span.start < start]
    return bool(before) and all(f.claim.kind != draft.claim.kind for f in before)

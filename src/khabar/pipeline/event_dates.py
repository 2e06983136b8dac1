"""The date of an event whose own sentences carry no date phrase.

A report often tells the day once ("A man was found shot Sunday night in Eastside") and the
event again without it ("The shooting left one dead"). When no date phrase governs any of an
event's triggers, the day the report's discourse is on at that point is a better date than the
publication week: the last day-precise date told before the event's first mention, else the
first told after it. Never taken: dates after publication (plans, trials), dates long before it
(background), the dates of statements ("the network reported on Thursday"), which date the
telling, not the event, and a date across a sentence that opens on another happening
("Separately, artillery shelled ..."; `data/en/time/discourse.json`).

The same day sharpens a coarser date told with the event ("a shooting last week", "earlier this
month"): a report that tells the week often tells the day a sentence later ("Officers were called
at 1 a.m. Friday"); the day is taken when it lies in the period the coarser date names.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..langdata import load_json
from ..model import DateMention, EventDate
from . import reporting

# a date BACKGROUND_DAYS or more before publication is background, not the news of the day
# (the event finder's own threshold)
from .events import BACKGROUND_DAYS
from .extensions import doc_text
from .linking import clause_head, governing_trigger, span_at


def date_from_discourse(
    doc: Doc,
    start: int,
    published: dt.date | None,
    skip: Sequence[DateMention] = (),
    within: tuple[dt.date, dt.date] | None = None,
    near: tuple[int, int] | None = None,
) -> EventDate | None:
    """The event date the discourse gives at character ``start``, with its date phrase as evidence.

    Only the paragraph of ``start`` is read: a new paragraph may move on to another day. ``skip``
    holds dates that date the report rather than anything in it (the date line); ``within``, the
    first and last day a coarser date of the event allows; ``near``, the characters read within
    the paragraph.
    """
    verbs = reporting.load_cues(doc.vocab).reporting_verbs
    low, high = paragraph_bounds(doc_text(doc), start)
    if near is not None:
        low, high = max(low, near[0]), min(high, near[1])
    days = [
        mention
        for mention in doc._.dates or []
        if low <= mention.span.start < high
        and mention.precision == "day"
        and not any(mention is other for other in skip)
        and is_recent(mention, published)
        and (within is None or within[0] <= mention.value <= within[1])
        and not dates_a_statement(doc, mention, verbs)
    ]
    shifts = topic_shifts(doc, low, high)
    days = [
        mention
        for mention in days
        if not any(
            min(mention.span.start, start) < shift <= max(mention.span.start, start) for shift in shifts
        )
    ]
    mention = nearest_date(days, start)
    return EventDate(mention.value, mention.precision, [mention.span]) if mention else None


def sentences_around(doc: Doc, char: int, before: int, after: int) -> tuple[int, int]:
    """The characters from ``before`` sentences before the one holding ``char`` to the end of the
    ``after``-th sentence after it."""
    sentences = list(doc.sents)
    number = next((n for n, sentence in enumerate(sentences) if sentence.end_char > char), len(sentences) - 1)
    first, last = max(0, number - before), min(len(sentences) - 1, number + after)
    return sentences[first].start_char, sentences[last].end_char


def nearest_date(days: list[DateMention], start: int) -> DateMention | None:
    """The date nearest before character ``start``, else the first after it."""
    before = [mention for mention in days if mention.span.start <= start]
    if before:
        return max(before, key=lambda mention: mention.span.start)
    after = [mention for mention in days if mention.span.start > start]
    return min(after, key=lambda mention: mention.span.start) if after else None


def topic_shifts(doc: Doc, low: int, high: int) -> list[int]:
    """Starts of the sentences in characters [low, high) that open on another happening."""
    return [start for start in shift_starts(doc) if low <= start < high]


#: where ``shift_starts`` keeps a Doc's answer
SHIFTS_KEY = ("khabar", "topic_shifts")


def shift_starts(doc: Doc) -> list[int]:
    """Starts of all the sentences that open on another happening, read once per Doc (each
    event asks, and ``doc.sents`` builds every sentence's span again on each pass)."""
    starts = doc.user_data.get(SHIFTS_KEY)
    if starts is None:
        openings = shift_openings()
        text = doc_text(doc)
        starts = doc.user_data[SHIFTS_KEY] = [
            sentence.start_char
            for sentence in doc.sents
            if opens_with(text[sentence.start_char : sentence.end_char].lower(), openings)
        ]
    return starts


def opens_with(text: str, openings: tuple[str, ...]) -> bool:
    return any(
        text.startswith(opening) and text[len(opening) : len(opening) + 1] in (",", " ")
        for opening in openings
    )


@lru_cache(maxsize=1)
def shift_openings() -> tuple[str, ...]:
    return tuple(load_json("en", "time", "discourse.json")["topic_shifts"])


def paragraph_bounds(text: str, char: int) -> tuple[int, int]:
    """The characters of the paragraph (the run of text between line breaks) holding ``char``."""
    end = text.find("\n", char)
    return text.rfind("\n", 0, char) + 1, len(text) if end < 0 else end


def is_recent(mention: DateMention, published: dt.date | None) -> bool:
    """On or before publication and not background."""
    if published is None:
        return True
    return mention.value <= published and (published - mention.value).days < BACKGROUND_DAYS


def dates_a_statement(
    doc: Doc, mention: DateMention, verbs: frozenset[str], trigger_sets: Sequence[set[int]] = ()
) -> bool:
    """A date right after a verb of saying, or one no trigger governs in the clause of a verb of
    saying or of issuing a statement, dates the telling ("a monitor said Sunday in a new toll",
    "the network reported on Thursday", "released a statement Friday"), not the event; so does one
    of a case's later steps ("was sentenced Wednesday", "the victim was identified Tuesday") and
    a page's stamp ("UPDATE: March 5th, 2018")."""
    span = span_at(doc, mention.span.start, mention.span.end)
    if is_stamp(span) or follows_saying(span, verbs):
        return True
    token = span.root
    if governing_trigger(token, list(trigger_sets)) is not None:
        return False
    head = clause_head(token)
    if head.lemma_ in verbs and mention.precision == "day" and ends_a_reported_clause(span, head):
        return False
    return head.lemma_ in verbs or dates_a_step(token) or issues_a_statement(head)


def follows_saying(span: SpacySpan, verbs: frozenset[str]) -> bool:
    """A date right after a verb of saying ("a monitor said on Saturday", "police said Sunday")
    dates the saying, however the sentence parses (copy without commas parses badly); "said
    Sunday's shooting" is another reading, the date of the shooting, and so is "a shooting that
    was reported Sunday", the day the police were told of it."""
    doc = span.doc
    before = span.start - 1
    if before >= 0 and doc[before].lower_ == "on":
        before -= 1
    if before < 0 or (span.end < len(doc) and doc[span.end].lower_ in ("'s", "’s")):
        return False
    verb = doc[before]
    # a participle tells the happening as reported to police ("a shooting reported Sunday")
    return verb.pos_ in ("VERB", "AUX") and verb.tag_ != "VBN" and verb.lemma_ in verbs


def issues_a_statement(head: Token) -> bool:
    """The clause's verb takes a statement as its object ("MSF released a statement on Friday",
    "the army issued a communique Sunday", "a statement was released Friday") or tells of one ("a
    statement released Saturday"): its date is the telling's."""
    nouns = discourse_words("statement_nouns")
    if head.dep_ in ("acl", "relcl") and head.head.lemma_.lower() in nouns:
        return True  # "a statement released Saturday"
    objects = (child for child in head.children if child.dep_ in ("dobj", "nsubjpass"))
    return any(child.lemma_.lower() in nouns for child in objects)


#: dependencies of the speaker of a verb of saying
SPEAKER_DEPS = frozenset({"nsubj", "nsubjpass"})


def ends_a_reported_clause(date: SpacySpan, saying: Token) -> bool:
    """The day closes what is reported and the speaker follows it ("killed ten people on
    Tuesday the Observatory said", its comma lost): a verb told before the day in its sentence,
    only the speaker's words between the day and the verb of saying. A day that opens the
    sentence ("On Tuesday the monitor said ...", also run on after a caption), follows the
    speaker ("the group on Monday claimed") or the verb of saying dates the telling."""
    token = date.root
    if saying.i < token.i:
        return False
    opening = date.doc[date.start - 1] if date.start and date.doc[date.start - 1].dep_ == "prep" else date[0]
    if opening.is_title and opening.pos_ != "PROPN":
        return False
    speaker = {word.i for child in saying.children if child.dep_ in SPEAKER_DEPS for word in child.subtree}
    if not speaker or min(speaker) < date.start or not set(range(date.end, saying.i)) <= speaker:
        return False
    before = date.doc[date.sent.start : opening.i]
    return any(word.pos_ == "VERB" for word in before)


def dates_a_step(token: Token) -> bool:
    """The date modifies a verb of a case's later step itself ("was sentenced Wednesday", "was
    charged on Monday"), not a noun under it ("charged in Tuesday's shooting")."""
    head = token.head.head if token.head.dep_ == "prep" else token.head
    return head.i != token.i and head.lemma_ in discourse_words("procedure_verbs")


def is_stamp(span: SpacySpan) -> bool:
    """A date right after a word that stamps the page ("UPDATE:", "Posted", "Updated on")."""
    before = span.doc[max(0, span.start - 3) : span.start]
    return any(token.lower_ in discourse_words("stamp_words") for token in before)


@lru_cache(maxsize=4)
def discourse_words(name: str) -> frozenset[str]:
    return frozenset(load_json("en", "time", "discourse.json")[name])

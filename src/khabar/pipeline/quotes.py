"""Direct quotes and their speakers; the voice of any stretch of a report.

``quote_marks(text)`` pairs quotation marks in one linear pass: curly (“ ” ‘ ’), straight
(" ') and guillemets (« »). A double quote left open is capped at the end of its paragraph
unless the next paragraph opens with a quotation mark (the newspaper convention for a quote
running on), so a stray mark never swallows the rest of an article. Single quotes inside double
quotes are nested quotes (depth 1); a single quote that does not close within its paragraph is
an apostrophe, not a quote.

``quote_spans(doc)`` gives each top-level quote its speaker: the attribution (verb of saying,
"according to") around it, else the speaker of the quote just before it (a quote continued in
the next sentence or paragraph). ``voice_at(doc, start, end)`` is "outlet" outside quotes, the
speaker's name inside an attributed quote, and "unattributed" inside a quote with no speaker.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .claim_attribution import Attribution, attributions, sentence_of
from .extensions import doc_text

OPEN_DOUBLE = frozenset("“„«")
CLOSE_DOUBLE = frozenset("”»")
STRAIGHT_DOUBLE = '"'
OPEN_SINGLE = "‘"
SINGLE_CLOSERS = frozenset("’'")
#: characters after which a straight quote mark opens a quote
OPENING_CONTEXT = frozenset(" \t\n([{—–-:/")
USER_DATA_KEY = "khabar.quotes"
OUTLET_VOICE = "outlet"
UNATTRIBUTED = "unattributed"
#: how many characters back a quote may sit from the previous one and still continue it
CONTINUATION_GAP = 400


@dataclass(frozen=True, slots=True)
class QuoteMarks:
    """Where one quote is: marks included (start, end) and the quoted words (inner_start, inner_end)."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool
    depth: int = 0


@dataclass(frozen=True, slots=True)
class Quote:
    """A top-level direct quote with its speaker (None when the report names nobody)."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool
    speaker: str | None = None
    role: str | None = None
    speaker_kind: str | None = None
    cue: str | None = None
    via: tuple[str, ...] = ()


# -- marks -------------------------------------------------------------------------------------


def quote_marks(text: str) -> list[QuoteMarks]:
    """Every quote in ``text``, top-level and nested, in order of their opening marks."""
    found: list[QuoteMarks] = []
    carried: int | None = None  # an open double quote running on into the next paragraph
    for start, end in _paragraphs(text):
        carried = _scan_paragraph(text, start, end, carried, found)
    found.sort(key=lambda marks: (marks.start, marks.depth))
    return found


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for index, char in enumerate(text):
        if char == "\n":
            if index > start:
                spans.append((start, index))
            start = index + 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _scan_paragraph(
    text: str, start: int, end: int, carried: int | None, found: list[QuoteMarks]
) -> int | None:
    open_double = carried
    open_single: int | None = None
    first = _first_visible(text, start, end)
    for index in range(start, end):
        char = text[index]
        if carried is not None and index == first and (char in OPEN_DOUBLE or char == STRAIGHT_DOUBLE):
            continue  # the running-on quote's new opening mark
        if char in OPEN_DOUBLE or (char == STRAIGHT_DOUBLE and open_double is None):
            if open_double is not None:
                found.append(_marks(open_double, index, closed=False))
            open_double, open_single = index, None
        elif char in CLOSE_DOUBLE or char == STRAIGHT_DOUBLE:
            if open_double is not None:
                found.append(_marks(open_double, index + 1, closed=True))
                open_double, open_single = None, None
        elif _opens_single(text, index, char):
            if open_single is None:
                open_single = index
        elif char in SINGLE_CLOSERS and open_single is not None and _closes_single(text, index):
            depth = 1 if open_double is not None else 0
            found.append(_marks(open_single, index + 1, closed=True, depth=depth))
            open_single = None
    if open_double is None:
        return None
    if _next_paragraph_opens(text, end):
        return open_double
    found.append(_marks(open_double, end, closed=False))
    return None


def _marks(start: int, end: int, *, closed: bool, depth: int = 0) -> QuoteMarks:
    inner_end = end - 1 if closed else end
    return QuoteMarks(start, end, start + 1, max(start + 1, inner_end), closed, depth)


def _first_visible(text: str, start: int, end: int) -> int:
    index = start
    while index < end and text[index].isspace():
        index += 1
    return index


def _next_paragraph_opens(text: str, end: int) -> bool:
    index = end
    while index < len(text) and text[index].isspace():
        index += 1
    return index < len(text) and (text[index] in OPEN_DOUBLE or text[index] == STRAIGHT_DOUBLE)


def _opens_single(text: str, index: int, char: str) -> bool:
    if char != OPEN_SINGLE and char != "'":
        return False
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return (before in OPENING_CONTEXT or before in OPEN_DOUBLE or before == '"') and after.isalnum()


def _closes_single(text: str, index: int) -> bool:
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return not before.isspace() and not after.isalnum()


# -- speakers ----------------------------------------------------------------------------------


def quote_spans(doc: Doc) -> list[Quote]:
    """The report's top-level quotes with their speakers (computed once per Doc)."""
    cached = doc.user_data.get(USER_DATA_KEY)
    if cached is not None:
        return cached
    found = attributions(doc)
    quotes: list[Quote] = []
    text = doc_text(doc)
    top = [marks for marks in quote_marks(text) if marks.depth == 0]
    for marks in top:
        attribution = _attribution_of(doc, marks, found, top)
        if attribution is None:
            quotes.append(_continued(marks, quotes, starts_sentence=_starts_sentence(text, marks.start)))
            continue
        speaker = attribution.speaker
        quotes.append(
            Quote(
                marks.start,
                marks.end,
                marks.inner_start,
                marks.inner_end,
                marks.closed,
                speaker=speaker.name,
                role=speaker.role,
                speaker_kind=speaker.kind,
                cue=attribution.cue_text,
                via=tuple(attribution.via),
            )
        )
    doc.user_data[USER_DATA_KEY] = quotes
    return quotes


def voice_at(doc: Doc, start: int, end: int) -> str:
    """Whose words ``doc.text[start:end]`` are: "outlet", a speaker's name, or "unattributed"."""
    for quote in quote_spans(doc):
        if quote.inner_start <= start and end <= quote.end:
            return quote.speaker or UNATTRIBUTED
        if quote.start > end:
            break
    return OUTLET_VOICE


def quote_at(doc: Doc, start: int, end: int) -> Quote | None:
    """The top-level quote that holds characters [start, end), if any."""
    for quote in quote_spans(doc):
        if quote.inner_start <= start and end <= quote.end:
            return quote
    return None


def _attribution_of(
    doc: Doc, marks: QuoteMarks, found: list[Attribution], top: list[QuoteMarks]
) -> Attribution | None:
    """The cue outside the quote, in the sentences at its edges, that is nearest to it."""
    sentences = _edge_sentences(doc, marks)
    if not sentences:
        return None
    candidates = [
        a
        for a in found
        if any(s.start <= a.cue.i < s.end for s in sentences)
        and not _inside_any(a.cue, top)
        and not _speaker_inside(a, marks)
    ]
    if not candidates:
        return None
    inside = _tokens_inside(doc, marks)
    governing = [a for a in candidates if inside & a.scope]
    pool = governing or candidates
    return min(pool, key=lambda a: _distance(a.cue, marks))


def _edge_sentences(doc: Doc, marks: QuoteMarks) -> list:  # type: ignore[type-arg]
    sentences = []
    for char in (marks.inner_start, max(marks.inner_start, marks.inner_end - 1), marks.end):
        token = _token_at(doc, char)
        if token is not None and sentence_of(token) not in sentences:
            sentences.append(sentence_of(token))
    return sentences


def _token_at(doc: Doc, char: int) -> Token | None:
    length = len(doc_text(doc))
    if not len(doc) or char >= length:
        return doc[-1] if len(doc) and char >= length else None
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is not None and len(span):
        return span[0]
    return None


def _tokens_inside(doc: Doc, marks: QuoteMarks) -> set[int]:
    span = doc.char_span(marks.inner_start, marks.inner_end, alignment_mode="contract")
    return {token.i for token in span} if span is not None else set()


def _inside_any(token: Token, top: list[QuoteMarks]) -> bool:
    return any(m.inner_start <= token.idx < m.inner_end for m in top)


def _speaker_inside(attribution: Attribution, marks: QuoteMarks) -> bool:
    return marks.inner_start <= attribution.speaker.start < marks.inner_end


def _distance(token: Token, marks: QuoteMarks) -> int:
    if token.idx >= marks.end:
        return token.idx - marks.end
    return max(0, marks.start - token.idx)


def _starts_sentence(text: str, start: int) -> bool:
    """Does a quote open a sentence or paragraph (not a scare quote inside one)?"""
    index = start - 1
    while index >= 0 and text[index] in " \t":
        index -= 1
    return index < 0 or text[index] in "\n.!?”\"'’:"


def _continued(marks: QuoteMarks, earlier: list[Quote], *, starts_sentence: bool) -> Quote:
    """A whole-sentence quote with no cue of its own continues the speaker of the quote before it."""
    previous = earlier[-1] if earlier else None
    near = previous is not None and marks.start - previous.end <= CONTINUATION_GAP
    if previous is not None and previous.speaker and near and starts_sentence:
        return Quote(
            marks.start,
            marks.end,
            marks.inner_start,
            marks.inner_end,
            marks.closed,
            speaker=previous.speaker,
            role=previous.role,
            speaker_kind=previous.speaker_kind,
            cue=previous.cue,
            via=previous.via,
        )
    return Quote(marks.start, marks.end, marks.inner_start, marks.inner_end, marks.closed)

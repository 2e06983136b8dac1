"""Dates: temporal expressions resolved against the publication date, with precision.

A Matcher built once from the lexicon in ``data/en/time/`` finds candidate expressions
("late on Thursday", "Feb. 27, 2020", "two days ago", "last week"); each match is read
token by token into a weekday, day, month, year or relative offset and resolved against
the publication date. Weekdays resolve to the most recent such day on or before
publication, because news reports past events. Without a usable publication date only
absolute dates resolve; relative ones are skipped with warning W010.
"""

from __future__ import annotations

import calendar
import datetime as dt
import email.utils
import re
from dataclasses import dataclass
from functools import cache

import numpy as np
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.util import filter_spans

from ..errors import KhabarError
from ..langdata import load_json, load_tsv
from ..model import DateMention, DatePrecision, Span

#: how far after publication a date without a year may fall before it is read as last year's
FUTURE_TOLERANCE = dt.timedelta(days=183)
#: ``datetime.date.weekday()`` of Saturday, the first day of a weekend
SATURDAY = 5
#: ``doc.user_data`` key a caller sets to "dmy", "mdy" or "ymd" (``--date-order``): how the
#: report writes numeric dates, which decides "01-11-2014" before the outlet or the publication date
DATE_ORDER_KEY = "khabar.date_order"
#: one token holding a numeric date with its year: "2014/11/01", "1.11.2014", "11/1/14"
NUMERIC_DATE = r"^(\d{1,4})([/.])(\d{1,2})\2(\d{1,4})$"
_NUMERIC_DATE = re.compile(NUMERIC_DATE)

_PUBLISHED_FORMATS: tuple[str, ...] = (
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%B %d %Y",
    "%b %d %Y",
    "%d.%m.%Y",
)


def parse_published(value: str, *, name: str = "published") -> dt.date:
    """The publication date of an input given as text; raises E006 when it does not parse.

    Accepts YYYY-MM-DD, ISO datetimes, RFC 2822 ("Fri, 28 Feb 2020 09:00:00 GMT"),
    "28 February 2020" and "February 28, 2020".
    """
    text = value.strip() if isinstance(value, str) else ""
    parsed = _parse_iso(text) or _parse_rfc2822(text) or _parse_formats(text)
    if parsed is None:
        raise KhabarError("E006", name=name, value=value)
    return parsed


def _parse_iso(text: str) -> dt.date | None:
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def _parse_rfc2822(text: str) -> dt.date | None:
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def _parse_formats(text: str) -> dt.date | None:
    cleaned = " ".join(text.replace(",", ", ").split()).replace(" ,", ",")
    for layout in _PUBLISHED_FORMATS:
        try:
            return dt.datetime.strptime(cleaned, layout).date()
        except ValueError:
            continue
    return None


@dataclass(frozen=True, slots=True)
class TimeLexicon:
    weekdays: dict[str, int]
    months: dict[str, int]
    relative: dict[str, tuple[str, int, DatePrecision]]
    lead_ins: tuple[str, ...]
    day_parts: frozenset[str]
    ago_units: dict[str, str]
    trim_leading: frozenset[str]
    numbers: dict[str, int]
    outlet_orders: dict[str, str]
    separator_orders: dict[str, str]
    birth_cues: frozenset[str]


@cache
def time_lexicon() -> TimeLexicon:
    calendar = load_tsv("en", "time", "calendar.tsv")
    phrases = load_json("en", "time", "phrases.json")
    relative = {
        row["phrase"]: (row["unit"], int(row["offset"]), row["precision"])  # type: ignore[misc]
        for row in load_tsv("en", "time", "relative.tsv")
    }
    numbers = {
        row["word"]: int(row["value"])
        for row in load_tsv("en", "counts", "numbers.tsv")
        if row["kind"] in ("unit", "ten")
    }
    orders = load_json("en", "time", "date_orders.json")
    return TimeLexicon(
        weekdays={row["word"]: int(row["value"]) for row in calendar if row["kind"] == "weekday"},
        months={row["word"]: int(row["value"]) for row in calendar if row["kind"] == "month"},
        relative=relative,
        lead_ins=tuple(phrases["lead_ins"]),
        day_parts=frozenset(phrases["day_parts"]),
        ago_units=dict(phrases["ago_units"]),
        trim_leading=frozenset(phrases["trim_leading"]),
        numbers=numbers,
        outlet_orders=dict(orders["outlets"]),
        separator_orders=dict(orders["separators"]),
        birth_cues=frozenset(phrases["birth_cues"]),
    )


def _capitalised(words: list[str]) -> dict[str, object]:
    # month and weekday names must be capitalised: "may" the modal is not May
    return {"LOWER": {"IN": words}, "IS_LOWER": False}


def build_date_matcher(nlp_vocab: object, lexicon: TimeLexicon) -> Matcher:
    """The Matcher of candidate temporal expressions, built once per component.

    Every pattern holds an anchor token (see ``is_anchor``): a weekday or month name, the
    last word of a relative phrase, "ago", or a token that starts with a digit. The matcher
    only runs around anchors, so a pattern without one would never match.
    """
    matcher = Matcher(nlp_vocab)  # type: ignore[arg-type]
    weekday = _capitalised(sorted(lexicon.weekdays))
    month = _capitalised(sorted(lexicon.months))
    day_number = {"TEXT": {"REGEX": r"^(0?[1-9]|[12]\d|3[01])(st|nd|rd|th)?$"}}
    year = {"TEXT": {"REGEX": r"^(1[89]|20)\d\d$"}}
    comma = {"ORTH": ",", "OP": "?"}
    day_part = {"LOWER": {"IN": sorted(lexicon.day_parts)}, "OP": "?"}
    lead_patterns = [[{"LOWER": word} for word in lead.split()] for lead in lexicon.lead_ins]
    matcher.add("WEEKDAY", [[weekday, day_part]] + [[*lead, weekday, day_part] for lead in lead_patterns])
    matcher.add(
        "DATE",
        [
            [day_number, {"LOWER": "of", "OP": "?"}, month, comma, year],
            [day_number, {"LOWER": "of", "OP": "?"}, month],
            [month, day_number, comma, year],
            [month, day_number],
            [month, year],
            [{"LOWER": {"IN": ["in", "since", "during"]}}, month],
            [
                {"TEXT": {"REGEX": r"^\d{4}$"}},
                {"ORTH": "-"},
                {"TEXT": {"REGEX": r"^\d\d$"}},
                {"ORTH": "-"},
                {"TEXT": {"REGEX": r"^\d\d$"}},
            ],
            [{"LOWER": {"IN": ["in", "since", "during"]}}, year],
            [{"TEXT": {"REGEX": NUMERIC_DATE}}],
            [
                {"TEXT": {"REGEX": r"^\d{1,2}$"}},
                {"ORTH": "-"},
                {"TEXT": {"REGEX": r"^\d{1,2}$"}},
                {"ORTH": "-"},
                {"TEXT": {"REGEX": r"^(\d{2}|\d{4})$"}},
            ],
            [{"LOWER": "the"}, {"TEXT": {"REGEX": r"^(0?[1-9]|[12]\d|3[01])(st|nd|rd|th)$"}}],
        ],
    )
    for lead in lead_patterns:
        matcher.add("DATE", [[*lead, day_number, month], [*lead, month, day_number]])
    matcher.add("RELATIVE", [[{"LOWER": word} for word in phrase.split()] for phrase in lexicon.relative])
    number = {"LOWER": {"IN": sorted(lexicon.numbers)}}
    unit = {"LOWER": {"IN": sorted(lexicon.ago_units)}}
    matcher.add(
        "AGO",
        [
            [{"LIKE_NUM": True}, unit, {"LOWER": "ago"}],
            [number, unit, {"LOWER": "ago"}],
            [{"LOWER": {"IN": ["a", "one"]}}, unit, {"LOWER": "ago"}],
        ],
    )
    return matcher


def anchor_words(lexicon: TimeLexicon) -> frozenset[str]:
    """Lower-case words one of which every non-numeric date pattern holds."""
    relative_ends = {phrase.split()[-1] for phrase in lexicon.relative}
    return frozenset({*lexicon.weekdays, *lexicon.months, *relative_ends, "ago"})


def is_anchor(text: str, words: frozenset[str]) -> bool:
    """Can a date pattern hold this token? (the numeric patterns' tokens start with a digit)"""
    return text.lower() in words or text[:1].isdigit()


def longest_pattern(matcher: Matcher) -> int:
    return max(
        len(pattern) for label in ("WEEKDAY", "DATE", "RELATIVE", "AGO") for pattern in matcher.get(label)[1]
    )


class AnchoredMatcher:
    """The date Matcher run only on windows around anchor tokens, with the same matches.

    A match holds an anchor and is at most ``reach`` tokens long, so it lies within ``reach - 1``
    tokens of that anchor; the windows around anchors, merged, hold every match of the whole
    document, in the same order. Most of a report has no anchor: this skips the Matcher's
    per-token work there (two thirds of the stage's time).
    """

    def __init__(self, matcher: Matcher, lexicon: TimeLexicon) -> None:
        self.matcher = matcher
        self.words = anchor_words(lexicon)
        self.reach = longest_pattern(matcher)
        self._anchor_orths: dict[int, bool] = {}  # ORTH id -> is an anchor, across documents

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        found: list[tuple[int, int, int]] = []
        for start, end in self.windows(doc):
            found.extend(
                (label, start + first, start + last) for label, first, last in self.matcher(doc[start:end])
            )
        return found

    def windows(self, doc: Doc) -> list[tuple[int, int]]:
        """Disjoint token ranges, in text order, that hold every possible match."""
        windows: list[tuple[int, int]] = []
        for position in self.anchor_positions(doc):
            start, end = max(0, position - self.reach + 1), min(len(doc), position + self.reach)
            if windows and start <= windows[-1][1]:
                windows[-1] = (windows[-1][0], end)
            else:
                windows.append((start, end))
        return windows

    def anchor_positions(self, doc: Doc) -> list[int]:
        if not len(doc):
            return []
        orths = doc.to_array(ORTH)
        unique = np.unique(orths)
        anchors = unique[[self._is_anchor_orth(doc, int(orth)) for orth in unique]]
        return np.flatnonzero(np.isin(orths, anchors)).tolist()

    def _is_anchor_orth(self, doc: Doc, orth: int) -> bool:
        known = self._anchor_orths.get(orth)
        if known is None:
            known = self._anchor_orths[orth] = is_anchor(doc.vocab.strings[orth], self.words)
        return known


def find_dates(
    doc: Doc,
    published: dt.date | None,
    *,
    matcher: Matcher | AnchoredMatcher | None = None,
    order: str | None = None,
) -> list[DateMention]:
    """Every temporal expression of ``doc`` that resolves, in text order.

    ``order`` ("dmy", "mdy", "ymd") says how the report writes numeric dates ("01-11-2014");
    without it an ambiguous one is read by its publication date, else by its separator.
    """
    lexicon = time_lexicon()
    matcher = matcher or AnchoredMatcher(build_date_matcher(doc.vocab, lexicon), lexicon)
    candidates = [SpacySpan(doc, start, end, label=label) for label, start, end in matcher(doc)]
    mentions: list[DateMention] = []
    for span in sorted(filter_spans(candidates), key=lambda item: item.start):
        if is_birth_date(span, lexicon):
            continue
        resolved = _resolve(span, published, lexicon, order)
        if resolved is None:
            continue
        value, precision = resolved
        span = _trim(span, lexicon)
        mentions.append(
            DateMention(
                span=Span(start=span.start_char, end=span.end_char, text=span.text),
                value=value,
                precision=precision,
            )
        )
    return mentions


def is_birth_date(span: SpacySpan, lexicon: TimeLexicon) -> bool:
    """A date of birth: after "born" or "DOB", or in brackets after a person's name ("Jane Doe
    (8/4/1978)"). It dates no happening of the report, and read as one it would make the arrest
    or shooting told beside it look like history."""
    doc = span.doc
    before = [t.lower_ for t in doc[max(0, span.start - 3) : span.start]]
    if any(word in lexicon.birth_cues for word in before):
        return True
    opening = span.start > 1 and doc[span.start - 1].text == "("
    name = doc[span.start - 2] if opening else None
    if name is None or name.lower_ in lexicon.weekdays or name.lower_ in lexicon.months:
        return False  # "Monday (March 5)" restates the day
    return name.ent_type_ == "PERSON" or (name.pos_ == "PROPN" and name.ent_type_ not in ("DATE", "TIME"))


def _trim(span: SpacySpan, lexicon: TimeLexicon) -> SpacySpan:
    # "on 5 March" -> "5 March": a bare preposition or article is syntax, not the expression
    while len(span) > 1 and span[0].lower_ in lexicon.trim_leading:
        span = span[1:]
    return span


def _resolve(
    span: SpacySpan, published: dt.date | None, lexicon: TimeLexicon, order: str | None = None
) -> tuple[dt.date, DatePrecision] | None:
    numeric = numeric_date(span.text, published, lexicon, order)
    if numeric is not None:
        return numeric, "day"
    label = span.label_
    if label == "WEEKDAY":
        return _resolve_weekday(span, published, lexicon)
    if label == "RELATIVE":
        return _resolve_relative(span, published, lexicon)
    if label == "AGO":
        return _resolve_ago(span, published, lexicon)
    return _resolve_calendar(span, published, lexicon)


def _resolve_weekday(
    span: SpacySpan, published: dt.date | None, lexicon: TimeLexicon
) -> tuple[dt.date, DatePrecision] | None:
    if published is None:
        return None
    weekday = next(lexicon.weekdays[t.lower_] for t in span if t.lower_ in lexicon.weekdays)
    back = (published.weekday() - weekday) % 7
    return published - dt.timedelta(days=back), "day"


def _resolve_relative(
    span: SpacySpan, published: dt.date | None, lexicon: TimeLexicon
) -> tuple[dt.date, DatePrecision] | None:
    if published is None:
        return None
    unit, offset, precision = lexicon.relative[span.text.lower()]
    return _shift(published, unit, offset), precision


def _resolve_ago(
    span: SpacySpan, published: dt.date | None, lexicon: TimeLexicon
) -> tuple[dt.date, DatePrecision] | None:
    if published is None:
        return None
    first = span[0].lower_.replace(",", "")
    amount = 1 if first in ("a", "one") else lexicon.numbers.get(first)
    if amount is None and first.isdigit():
        amount = int(first)
    if amount is None:
        return None
    unit = lexicon.ago_units[span[1].lower_]
    precision: DatePrecision = "day" if unit == "day" else unit  # type: ignore[assignment]
    return _shift(published, unit, -amount), precision


def _shift(published: dt.date, unit: str, offset: int) -> dt.date:
    """``published`` moved by ``offset`` units; week/month/year values are the period's start."""
    if unit == "day":
        return published + dt.timedelta(days=offset)
    if unit == "week":
        monday = published - dt.timedelta(days=published.weekday())
        return monday + dt.timedelta(weeks=offset)
    if unit == "weekend":
        return weekend_start(published, offset)
    if unit == "month":
        months = published.year * 12 + published.month - 1 + offset
        return dt.date(months // 12, months % 12 + 1, 1)
    return dt.date(published.year + offset, 1, 1)


def weekend_start(published: dt.date, offset: int) -> dt.date:
    """The Saturday of "this weekend" (``offset`` 0: the last weekend begun by publication, the one
    just past on a weekday) or "last weekend" (-1: the one before that when published on a weekend
    day, else the one just past)."""
    saturday = published - dt.timedelta(days=(published.weekday() - SATURDAY) % 7)
    if offset < 0 and published.weekday() >= SATURDAY:
        saturday -= dt.timedelta(weeks=-offset)
    return saturday


def date_period(mention: DateMention) -> tuple[dt.date, dt.date]:
    """The first and last day a date allows at its precision ("last week": its Monday to Sunday,
    "over the weekend": its Saturday and Sunday, "in March": the month)."""
    value = mention.value
    if mention.precision == "week":
        relative = time_lexicon().relative.get(mention.span.text.lower())
        return value, value + dt.timedelta(days=1 if relative and relative[0] == "weekend" else 6)
    if mention.precision == "month":
        return value, value.replace(day=calendar.monthrange(value.year, value.month)[1])
    if mention.precision == "year":
        return value, value.replace(month=12, day=31)
    return value, value


def _resolve_calendar(
    span: SpacySpan, published: dt.date | None, lexicon: TimeLexicon
) -> tuple[dt.date, DatePrecision] | None:
    day: int | None = None
    month: int | None = None
    year: int | None = None
    numbers = [t for t in span if t.text[:1].isdigit()]
    if len(numbers) == 3 and span.text.count("-") == 2:  # ISO 2020-02-27
        year, month, day = (int(t.text) for t in numbers)
    else:
        for token in span:
            if token.lower_ in lexicon.months and month is None:
                month = lexicon.months[token.lower_]
            elif token.text[:1].isdigit():
                digits = int("".join(ch for ch in token.text if ch.isdigit()))
                if len(token.text) == 4 and token.text.isdigit():
                    year = digits
                else:
                    day = digits
    return _calendar_date(day, month, year, published)


def numeric_date(
    text: str, published: dt.date | None, lexicon: TimeLexicon, order: str | None = None
) -> dt.date | None:
    """The day of a numeric date ("01-11-2014", "1.11.2014", "2014/11/01", "11/1/14"), if it is one.

    A four-digit first number is the year (year, month, day). Otherwise the day and the month
    are told apart by a number above 12; where both could be either, by ``order``, else by the
    publication date (the reading on or before it and nearest to it: news tells what has
    happened), else by the separator's usual order (``date_orders.json``).
    """
    parts = _numeric_parts(text)
    if parts is None:
        return None
    first, separator, second, last = parts
    if len(first) == 4:
        return _checked(int(first), int(second), int(last)) if len(last) <= 2 else None
    if len(first) > 2 or len(last) not in (2, 4):
        return None
    year_text = last
    year = _full_year(year_text, published)
    day_first = _checked(year, int(second), int(first))
    month_first = _checked(year, int(first), int(second))
    readings = {reading for reading in (day_first, month_first) if reading is not None}
    if len(readings) < 2:
        return readings.pop() if readings else None
    if order is None and published is None:
        order = lexicon.separator_orders.get(separator, "mdy")
    if order in ("dmy", "mdy"):
        return day_first if order == "dmy" else month_first
    return _nearest_before(sorted(readings), published)


def _numeric_parts(text: str) -> tuple[str, str, str, str] | None:
    match = _NUMERIC_DATE.match(text)
    if match is not None:
        return match.group(1), match.group(2), match.group(3), match.group(4)
    pieces = text.replace(" ", "").split("-")
    if len(pieces) == 3 and all(piece.isdigit() for piece in pieces) and len(pieces[0]) <= 2:
        return pieces[0], "-", pieces[1], pieces[2]
    return None


def _full_year(text: str, published: dt.date | None) -> int:
    """A two-digit year in the publication's century ("11/1/14" -> 2014)."""
    if len(text) == 4:
        return int(text)
    century = (published.year if published else dt.date.today().year) // 100 * 100
    return century + int(text)


def _checked(year: int, month: int, day: int) -> dt.date | None:
    value = _safe_date(year, month, day)
    return None if value == dt.date.min else value


def _nearest_before(readings: list[dt.date], published: dt.date | None) -> dt.date:
    assert published is not None
    before = [reading for reading in readings if reading <= published]
    if before:
        return max(before)
    return min(readings, key=lambda reading: reading - published)


def outlet_date_order(outlet: str | None, lexicon: TimeLexicon) -> str | None:
    """The order an outlet writes numeric dates in, by a suffix of its address or a word of its name."""
    if not outlet:
        return None
    name = outlet.lower().rstrip("/")
    host = name.split("//")[-1].split("/")[0]
    for key, order in lexicon.outlet_orders.items():
        if host.endswith(key) or key in name.split():
            return order
    return None


def _calendar_date(
    day: int | None, month: int | None, year: int | None, published: dt.date | None
) -> tuple[dt.date, DatePrecision] | None:
    if month is None and day is None:
        return (dt.date(year, 1, 1), "year") if year else None
    if year is None:
        if published is None:
            return None
        if month is None:  # "the 27th": this month's, or last month's if still to come
            month = published.month if day and day <= published.day else (published.month - 2) % 12 + 1
            year = published.year if month <= published.month else published.year - 1
        else:
            year = published.year
            if _safe_date(year, month, day or 1) - published > FUTURE_TOLERANCE:
                year -= 1
    value = _safe_date(year, month, day or 1)
    if value == dt.date.min:
        return None
    return value, ("day" if day else "month")


def _safe_date(year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return dt.date.min


class DateResolver:
    """spaCy component: sets ``doc._.dates`` from ``doc._.article.published``."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        lexicon = time_lexicon()
        self.matcher = AnchoredMatcher(build_date_matcher(nlp.vocab, lexicon), lexicon)

    def __call__(self, doc: Doc) -> Doc:
        article = doc._.article
        published = article.published if article else None
        order = doc.user_data.get(DATE_ORDER_KEY) or outlet_date_order(
            article.outlet if article else None, time_lexicon()
        )
        doc._.dates = find_dates(doc, published, matcher=self.matcher, order=order)
        return doc

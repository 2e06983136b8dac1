"""Dates: temporal expressions resolved against the publication date, on the real parse."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from khabar.errors import KhabarError
from khabar.pipeline.dates import (
    AnchoredMatcher,
    build_date_matcher,
    find_dates,
    outlet_date_order,
    parse_published,
    time_lexicon,
)

FRIDAY = dt.date(2020, 2, 28)


def resolve(nlp: Language, text: str, published: dt.date | None = FRIDAY) -> list[tuple[str, str, str]]:
    return [(m.span.text, m.value.isoformat(), m.precision) for m in find_dates(nlp(text), published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The governor spoke late on Thursday.", ("late on Thursday", "2020-02-27", "day")),
        ("He spoke in the early hours of Friday.", ("early hours of Friday", "2020-02-28", "day")),
        ("Shelling resumed on Thursday night.", ("Thursday night", "2020-02-27", "day")),
        ("The convoy was hit yesterday.", ("yesterday", "2020-02-27", "day")),
        ("Clashes erupted two days ago.", ("two days ago", "2020-02-26", "day")),
        ("The town fell last week.", ("last week", "2020-02-17", "week")),
        ("Protests began earlier this month.", ("earlier this month", "2020-02-01", "month")),
        ("The siege ended on Feb. 27.", ("Feb. 27", "2020-02-27", "day")),
        ("It was signed on 5 March 2019.", ("5 March 2019", "2019-03-05", "day")),
        ("The record reads 2020-02-26.", ("2020-02-26", "2020-02-26", "day")),
        ("The group was founded in 2019.", ("2019", "2019-01-01", "year")),
        ("The raid came on the 27th.", ("27th", "2020-02-27", "day")),
    ],
)
def test_expressions_resolve_against_publication(
    nlp: Language, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in resolve(nlp, text)


def test_weekday_is_on_or_before_publication(nlp: Language) -> None:
    # published on a Friday: "Friday" is that day, "Saturday" the one before, never a future day
    found = dict((text, value) for text, value, _ in resolve(nlp, "Friday and Saturday were quiet."))
    assert found == {"Friday": "2020-02-28", "Saturday": "2020-02-22"}


def test_character_offsets_point_at_the_expression(nlp: Language) -> None:
    text = "Officials said late on Thursday that the toll rose."
    (mention,) = find_dates(nlp(text), FRIDAY)
    assert text[mention.span.start : mention.span.end] == "late on Thursday"


def test_modal_may_is_not_a_month(nlp: Language) -> None:
    assert resolve(nlp, "The toll may rise further.") == []


def test_matching_around_anchors_finds_what_the_whole_text_matcher_finds(nlp: Language) -> None:
    text = (
        "Late in the day on Thursday morning the convoy stopped. Nothing else happened for a long "
        "while, as the people of the town waited and the roads stayed shut to every car and truck. "
        "On the 3rd of March, 2020 and on 2020-02-27 the shelling resumed; two days ago, last week "
        "and yesterday evening there were raids, early this morning on Mon. 5 Jan. 1999 as well. "
        "In March 2019 it began, since 2018 it grew, during May it peaked, on the 21st it ended"
    )
    doc = nlp.make_doc(text)
    lexicon = time_lexicon()
    whole_text = build_date_matcher(nlp.vocab, lexicon)
    anchored = AnchoredMatcher(whole_text, lexicon)
    assert anchored(doc) == whole_text(doc)
    assert len(whole_text(doc)) > 15
    windows = anchored.windows(doc)
    assert sum(end - start for start, end in windows) < len(doc)  # the quiet middle is skipped


def test_without_publication_only_absolute_dates_resolve(nlp: Language) -> None:
    found = resolve(nlp, "Yesterday, on Thursday, fighting resumed as on 5 March 2019.", None)
    assert found == [("5 March 2019", "2019-03-05", "day")]


@pytest.mark.parametrize(
    "value",
    [
        "2020-02-28",
        "2020-02-28T09:00:00Z",
        "Fri, 28 Feb 2020 09:00:00 GMT",
        "28 February 2020",
        "February 28, 2020",
    ],
)
def test_parse_published_common_forms(value: str) -> None:
    assert parse_published(value) == FRIDAY


def test_parse_published_rejects_garbage() -> None:
    with pytest.raises(KhabarError) as caught:
        parse_published("next tuesday-ish", name="report.txt")
    assert caught.value.code == "E006"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a number above 12 tells the day from the month, whatever the separator
        ("The robbery was on 13.02.2020 at noon.", ("13.02.2020", "2020-02-13", "day")),
        ("Filed 02/13/2020 by the clerk.", ("02/13/2020", "2020-02-13", "day")),
        # a four-digit year first: year, month, day
        ("The log says 2020/02/03 for the raid.", ("2020/02/03", "2020-02-03", "day")),
        # ambiguous: the reading on or before publication and nearest to it (Feb 3, not Mar 2)
        ("The raid came on 03-02-2020 before dawn.", ("03-02-2020", "2020-02-03", "day")),
        ("The raid came on 2.3.2020 before dawn.", ("2.3.2020", "2020-02-03", "day")),
        ("Police were called on 2/3/20 to the house.", ("2/3/20", "2020-02-03", "day")),
    ],
)
def test_numeric_dates(nlp: Language, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in resolve(nlp, text)


def test_numeric_date_follows_the_given_order(nlp: Language) -> None:
    doc = nlp("The raid came on 03-02-2020 before dawn.")
    assert [m.value for m in find_dates(doc, FRIDAY, order="mdy")] == [dt.date(2020, 3, 2)]
    assert [m.value for m in find_dates(doc, FRIDAY, order="dmy")] == [dt.date(2020, 2, 3)]
    # without a publication date the separator's usual order reads it: "." day first, "/" month first
    assert [m.value for m in find_dates(nlp("On 03.02.2020 it began."), None)] == [dt.date(2020, 2, 3)]
    assert [m.value for m in find_dates(nlp("On 03/02/2020 it began."), None)] == [dt.date(2020, 3, 2)]


def test_outlet_date_order() -> None:
    lexicon = time_lexicon()
    assert outlet_date_order("https://www.example.co.uk/news/1", lexicon) == "dmy"
    assert outlet_date_order("news.example.us", lexicon) == "mdy"
    assert outlet_date_order("Example Gazette", lexicon) is None


def test_numbers_that_are_no_dates(nlp: Language) -> None:
    for text in ("Call 608-362-7463 for help.", "Photo 1/2 shows the house.", "He scored 3.5 points."):
        assert resolve(nlp, text) == []


def test_a_date_of_birth_dates_nothing_in_the_report(nlp: Language) -> None:
    text = (
        "Officers arrested Jane Doe (8/4/1978) and Leah Walker (11/24/1989) on Monday. The suspect, "
        "born on March 5, 1990, fled."
    )
    assert resolve(nlp, text) == [("Monday", "2020-02-24", "day")]


def test_a_date_in_brackets_after_a_weekday_restates_it(nlp: Language) -> None:
    found = resolve(nlp, "Two carjackings were reported Monday (Feb. 24) in the east.")
    assert ("Feb. 24", "2020-02-24", "day") in found


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # on a weekday "the weekend" is the one just past, not a weekend still to come
        ("Two men were shot over the weekend.", dt.date(2021, 3, 8), "2021-03-06"),
        ("Two men were shot this weekend.", dt.date(2021, 3, 10), "2021-03-06"),
        ("Two men were shot this weekend.", dt.date(2021, 3, 7), "2021-03-06"),
        ("Two men were shot last weekend.", dt.date(2021, 3, 10), "2021-03-06"),
        # told on a weekend, "last weekend" is the one before it
        ("Two men were shot last weekend.", dt.date(2021, 3, 7), "2021-02-27"),
    ],
)
def test_a_weekend_is_the_last_one_begun_by_publication(
    nlp: Language, text: str, published: dt.date, expected: str
) -> None:
    ((_, value, precision),) = resolve(nlp, text, published)
    assert (value, precision) == (expected, "week")


def test_the_period_of_a_date_is_the_days_it_allows(nlp: Language) -> None:
    from khabar.pipeline.dates import date_period

    published = dt.date(2021, 3, 10)
    weekend, week, month = find_dates(nlp("Over the weekend, last week and earlier this month."), published)
    assert date_period(weekend) == (dt.date(2021, 3, 6), dt.date(2021, 3, 7))
    assert date_period(week) == (dt.date(2021, 3, 1), dt.date(2021, 3, 7))
    assert date_period(month) == (dt.date(2021, 3, 1), dt.date(2021, 3, 31))

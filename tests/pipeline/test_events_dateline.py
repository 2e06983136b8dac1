"""The text's date line: the report's own date, which weekdays count from (not an event's date)."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from khabar.model import Article
from khabar.pipeline.assemble import dateline_of


def test_weekdays_count_from_the_date_line_when_the_metadata_gives_another_day(nlp: Language) -> None:
    text = (
        "Tuesday 12 July 2016 Rebels launch assault in Aleppo. "
        "Rebel fighters launched a major assault on government-held districts of Aleppo on Monday."
    )
    doc = nlp.make_doc(text)
    doc._.article = Article(text=text, id="t", published=dt.date(2016, 7, 6))  # a data set's stale date
    doc = nlp(doc)
    assert [(d.span.text, d.value) for d in dateline_of(doc._.dates)] == [
        ("Tuesday", dt.date(2016, 7, 12)),  # counted from the date line too
        ("12 July 2016", dt.date(2016, 7, 12)),
    ]
    dates = {event.date.value for event in doc._.events}
    assert dt.date(2016, 7, 11) in dates and dt.date(2016, 7, 4) not in dates


def test_a_full_date_later_in_the_text_is_no_date_line(nlp: Language) -> None:
    text = (
        "Rebel fighters launched a major assault on government-held districts of Aleppo "
        "and on the villages around it on 11 July 2016, a monitor said."
    )
    doc = nlp.make_doc(text)
    doc._.article = Article(text=text, id="t", published=dt.date(2016, 7, 12))
    assert dateline_of(nlp(doc)._.dates) == []


def test_every_weekday_of_the_report_counts_from_the_date_line(nlp: Language) -> None:
    text = "Tuesday 12 July 2016 Air raids on Aleppo killed 13 civilians on Monday, a monitor said."
    doc = nlp.make_doc(text)
    doc._.article = Article(text=text, id="t", published=dt.date(2016, 7, 6))
    doc = nlp(doc)
    assert [d.value for d in doc._.dates if d.span.text == "Monday"] == [dt.date(2016, 7, 11)]


def test_the_day_a_source_spoke_is_not_the_day_of_the_event(nlp: Language) -> None:
    text = "Fierce government bombardment of the town of Jayrud has killed 43 people, a monitor said Sunday."
    doc = nlp.make_doc(text)
    doc._.article = Article(text=text, id="t", published=dt.date(2016, 7, 4))
    events = nlp(doc)._.events
    assert events and all(event.date.value != dt.date(2016, 7, 3) for event in events)

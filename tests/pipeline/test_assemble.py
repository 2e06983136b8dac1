"""Assembly from mentions to events: linking, merging, figures, dates and places.

The mentions are set by hand on a real parse, so that these tests pin the assembler's rules
whatever the upstream stages find.
"""

from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc

from khabar.model import Article, CountMention, DateMention, EventMention, Place, PlaceMention, Span
from khabar.pipeline.assemble import assemble_events

TEXT = (
    "At least 12 civilians were killed in an air strike on the town of Maarat al-Numan on Tuesday. "
    "Officials had originally said seven people had been killed, but the toll was later revised to 12. "
    "Unverified reports on social media said dozens were killed in the air strike. "
    "Separately, artillery shelled the village of Kafr Rumah, a monitor said."
)
PUBLISHED = dt.date(2024, 3, 7)  # a Thursday
TOWN = Place("Maarat al-Numan", 35.64, 36.67, "SYR", admin1="Idlib", feature="town")
VILLAGE = Place("Kafr Rumah", 35.62, 36.62, "SYR", admin1="Idlib", feature="town")


def span(doc: Doc, text: str, occurrence: int = 0) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(text, start + 1)
    return Span.of(doc.text, start, start + len(text))


def sentence(doc: Doc, text: str, occurrence: int = 0) -> Span:
    token = doc.char_span(*bounds(span(doc, text, occurrence)), alignment_mode="expand")[0]
    return Span.of(doc.text, token.sent.start_char, token.sent.end_char)


def bounds(item: Span) -> tuple[int, int]:
    return item.start, item.end


def annotated(base_nlp: Language) -> Doc:
    doc = base_nlp(TEXT)
    doc._.article = Article(text=TEXT, published=PUBLISHED)

    def trigger(text: str, kind: str, occurrence: int = 0) -> EventMention:
        return EventMention(span(doc, text, occurrence), kind, sentence(doc, text, occurrence), "ASSAULT")

    doc._.event_mentions = [
        trigger("air strike", "Air/drone strike"),
        trigger("air strike", "Air/drone strike", 1),
        trigger("shelled", "Shelling/artillery/missile attack"),
    ]
    doc._.places = [
        PlaceMention(span(doc, "Maarat al-Numan"), TOWN),
        PlaceMention(span(doc, "Kafr Rumah"), VILLAGE),
    ]
    doc._.dates = [DateMention(span(doc, "Tuesday"), dt.date(2024, 3, 5), "day")]
    doc._.counts = [
        CountMention(span(doc, "At least 12"), "killed", 12, None, "at least"),
        CountMention(span(doc, "seven"), "killed", 7, 7),
        CountMention(span(doc, "12", 1), "killed", 12, 12),
        CountMention(span(doc, "dozens"), "killed", 12, None, "dozens"),
    ]
    doc._.actors = []
    return doc


def test_mentions_of_one_strike_merge_and_the_shelling_stays_apart(base_nlp: Language) -> None:
    events = assemble_events(annotated(base_nlp))
    assert [event.sub_event_type for event in events] == [
        "Air/drone strike",
        "Shelling/artillery/missile attack",
    ]
    assert len(events[0].evidence) == 2


def test_place_and_date_link_to_their_event(base_nlp: Language) -> None:
    strike, shelling = assemble_events(annotated(base_nlp))
    assert [loc.name for loc in strike.locations] == ["Maarat al-Numan"]
    assert strike.locations[0].precision == "town"
    assert [loc.name for loc in shelling.locations] == ["Kafr Rumah"]
    assert strike.date.value == dt.date(2024, 3, 5) and strike.date.precision == "day"
    # no date for the shelling: the publication date, at week precision
    assert shelling.date.value == PUBLISHED and shelling.date.precision == "week"


def test_superseded_and_unverified_figures_stay_out_of_the_range(base_nlp: Language) -> None:
    strike, _ = assemble_events(annotated(base_nlp))
    assert (strike.fatalities.low, strike.fatalities.best, strike.fatalities.high) == (12, 12, 12)
    assert len(strike.fatalities.evidence) == 4


def test_no_trigger_means_no_event(base_nlp: Language) -> None:
    doc = annotated(base_nlp)
    doc._.event_mentions = []
    assert assemble_events(doc) == []

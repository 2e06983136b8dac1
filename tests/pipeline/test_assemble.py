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
from khabar.pipeline.events import BACKGROUND_SENTENCES

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


def one_trigger_doc(base_nlp: Language, text: str, trigger: str) -> Doc:
    doc = base_nlp(text)
    doc._.article = Article(text=text, published=PUBLISHED)
    doc._.event_mentions = [EventMention(span(doc, trigger), "Attack", sentence(doc, trigger), "ASSAULT")]
    doc._.places, doc._.counts, doc._.actors = [], [], []
    return doc


def test_an_event_dated_months_before_publication_is_history(base_nlp: Language) -> None:
    text = "The hunters were out near the lake on December 18 when a man shot his wife."
    doc = one_trigger_doc(base_nlp, text, "shot")
    doc._.dates = [DateMention(span(doc, "December 18"), dt.date(2023, 12, 18), "day")]
    assert assemble_events(doc) == []


def test_an_old_date_of_background_in_the_sentence_leaves_the_event(base_nlp: Language) -> None:
    text = "Gunmen shot two guards, breaking a truce agreed in December."
    doc = one_trigger_doc(base_nlp, text, "shot")
    doc._.dates = [DateMention(span(doc, "December"), dt.date(2023, 12, 1), "month")]
    doc.user_data[BACKGROUND_SENTENCES] = frozenset({(0, len(text))})
    (event,) = assemble_events(doc)
    assert event.date.value == PUBLISHED and event.date.precision == "week"


def test_a_place_the_attacker_came_from_does_not_split_a_retelling(base_nlp: Language) -> None:
    text = (
        "An air strike hit the town of Maarat al-Numan on Tuesday. "
        "The strike was carried out by a jet that took off from Kafr Rumah."
    )
    doc = base_nlp(text)
    doc._.article = Article(text=text, published=PUBLISHED)
    doc._.event_mentions = [
        EventMention(span(doc, "air strike"), "Air/drone strike", sentence(doc, "air strike"), "ASSAULT"),
        EventMention(span(doc, "strike", 1), "Air/drone strike", sentence(doc, "took off"), "ASSAULT"),
    ]
    doc._.places = [
        PlaceMention(span(doc, "Maarat al-Numan"), TOWN),
        PlaceMention(span(doc, "Kafr Rumah"), VILLAGE),
    ]
    doc._.dates = [DateMention(span(doc, "Tuesday"), dt.date(2024, 3, 5), "day")]
    doc._.counts, doc._.actors = [], []
    (event,) = assemble_events(doc)
    assert [location.name for location in event.locations] == ["Maarat al-Numan"]

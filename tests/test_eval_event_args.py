"""The event-args scorer: which token of a gold phrase a prediction must have as its head."""

from __future__ import annotations

from spacy.language import Language

from khabar.evaluate.event_args import Heads, _matches, _phrase_head, _text_with_spacing
from khabar.model import Span as TextSpan


def head_of(nlp: Language, text: str, phrase: str) -> str:
    doc = nlp(text)
    start = text.index(phrase)
    span = doc.char_span(start, start + len(phrase), alignment_mode="expand")
    return _phrase_head(span).text


def span_of(text: str, phrase: str) -> TextSpan:
    start = text.index(phrase)
    return TextSpan(start, start + len(phrase), phrase)


def test_a_phrase_the_parse_roots_in_a_modifier_is_headed_by_its_noun(base_nlp: Language) -> None:
    text = "The deal required that Assad halt airstrikes against civilian areas in places like Aleppo ."
    assert head_of(base_nlp, text, "civilian areas in places like Aleppo") == "areas"
    text = "The assault will be supported by air strikes from the US - led coalition bombing IS in Iraq ."
    assert head_of(base_nlp, text, "US - led coalition") == "coalition"


def test_a_phrase_rooted_in_its_noun_keeps_the_root(base_nlp: Language) -> None:
    assert head_of(base_nlp, "The US - led coalition struck the town .", "the town") == "town"


def test_wikievents_text_keeps_each_sentences_own_spacing() -> None:
    sentences = [
        [[["Syria", 10, 15], ["’s", 15, 17], ["army", 18, 22]], "Syria’s army"],
        [[["It", 23, 25], ["fired", 26, 31], [".", 31, 32]], "It fired."],
    ]
    text, offsets = _text_with_spacing(sentences)
    assert text == "Syria’s army\nIt fired."
    assert [text[start:end] for start, end in offsets] == ["Syria", "’s", "army", "It", "fired", "."]


def test_head_match_needs_the_same_head_word_not_a_phrase_around_it(base_nlp: Language) -> None:
    text = "The warships of Europe shelled the port ."
    doc = base_nlp(text)
    heads = Heads(doc)
    gold = (text.index("Europe"), text.index("Europe") + len("Europe"))
    around = span_of(text, "The warships of Europe")
    assert _matches(around, gold, heads, "contains")
    assert not _matches(around, gold, heads, "head")  # the predicted phrase is headed by 'warships'
    assert _matches(span_of(text, "Europe"), gold, heads, "head")

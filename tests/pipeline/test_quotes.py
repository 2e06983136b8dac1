"""Quote marks, quote speakers and the voice of a stretch of text (``khabar.pipeline.quotes``)."""

from __future__ import annotations

from spacy.language import Language

from khabar.pipeline.quotes import quote_marks, quote_spans, voice_at


def inner(text: str) -> list[str]:
    return [text[m.inner_start : m.inner_end] for m in quote_marks(text) if m.depth == 0]


def test_curly_and_straight_quotes_pair() -> None:
    text = 'He said “we will win” and she said "we will not".'
    assert inner(text) == ["we will win", "we will not"]


def test_apostrophes_are_not_quotes() -> None:
    text = "Turkey’s army and the soldiers’ families said “it's over”, officials' aides added."
    assert inner(text) == ["it's over"]


def test_single_quotes_inside_double_quotes_are_nested() -> None:
    text = "“They called it ‘a massacre’ at once,” he said."
    marks = quote_marks(text)
    assert [text[m.inner_start : m.inner_end] for m in marks if m.depth == 1] == ["a massacre"]
    assert inner(text) == ["They called it ‘a massacre’ at once,"]


def test_unclosed_quote_stops_at_the_paragraph_end() -> None:
    text = "The minister said “this will end soon.\nIn other news, the market reopened."
    marks = quote_marks(text)
    assert len(marks) == 1 and not marks[0].closed
    assert text[marks[0].inner_start : marks[0].inner_end] == "this will end soon."


def test_quote_running_on_into_the_next_paragraph_continues() -> None:
    text = "“We were hit at dawn.\n“Then the second wave came,” the witness said."
    marks = quote_marks(text)
    assert len(marks) == 1 and marks[0].closed
    assert marks[0].end == text.index(",” the") + 2


def test_stray_closing_mark_does_not_open_a_quote() -> None:
    assert inner("Nobody spoke” and the talks ended.") == []


def test_ten_thousand_word_quote_is_one_closed_quote() -> None:
    text = "“" + "word " * 10_000 + "end,” the spokesman said."
    marks = quote_marks(text)
    assert len(marks) == 1 and marks[0].closed
    assert text[marks[0].inner_end :].startswith("” the spokesman")


def test_quote_speakers_and_voice(base_nlp: Language) -> None:
    text = (
        "Provincial Governor Ahmet Kaya told reporters the strike was deliberate. "
        "“The attackers will pay for this,” Kaya said. "
        "“Our people will not forget.” "
        "The militants were described as “outlaws” by the army."
    )
    doc = base_nlp(text)
    quotes = quote_spans(doc)
    assert [q.speaker for q in quotes[:2]] == ["Ahmet Kaya", "Ahmet Kaya"]
    start = text.index("will pay")
    assert voice_at(doc, start, start + 8) == "Ahmet Kaya"
    assert voice_at(doc, 0, 10) == "outlet"

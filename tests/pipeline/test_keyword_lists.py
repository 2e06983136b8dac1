"""A page's keyword list run into the story's lead is set apart. Texts written for these tests."""

from __future__ import annotations

from spacy.language import Language

LEAD = "At least 16 people were killed in airstrikes on the town on Monday, activists said."


def sentences(nlp: Language, text: str) -> list[str]:
    return [sentence.text for sentence in nlp(text).sents]


def test_the_keyword_list_is_a_sentence_and_the_lead_starts_after_it(nlp: Language) -> None:
    text = f"Rebels hold the line. Tags Syria Aleppo ceasefire Russia {LEAD}"
    assert sentences(nlp, text) == ["Rebels hold the line.", "Tags Syria Aleppo ceasefire Russia", LEAD]


def test_a_lead_opened_by_a_determiner_or_a_number_word(nlp: Language) -> None:
    text = "Talks stall. Tags Syria Idlib truce The army shelled the town on Monday."
    assert sentences(nlp, text)[-1] == "The army shelled the town on Monday."
    text = "Talks stall. Tags Syria Idlib truce Fourteen fighters died in clashes on Monday."
    assert sentences(nlp, text)[-1] == "Fourteen fighters died in clashes on Monday."


def test_words_of_the_keyword_list_make_no_event(nlp: Language) -> None:
    doc = nlp(f"Rebels hold the line. Tags Syria ceasefire truce airstrikes {LEAD}")
    types = {event.sub_event_type for event in doc._.events}
    assert "Agreement" not in types
    assert "Air/drone strike" in types


def test_a_list_without_a_clear_lead_is_left_as_it_is(nlp: Language) -> None:
    text = "Rebels hold the line. Tags Syria Idlib Rebels pushed into the town on Monday."
    with_list = sentences(nlp, text)
    assert "Tags Syria Idlib" not in with_list


def test_tags_inside_a_sentence_are_no_list_head(nlp: Language) -> None:
    text = "Soldiers read the Tags Syria sign. At least 16 people were killed on Monday."
    assert sentences(nlp, text)[0] == "Soldiers read the Tags Syria sign."

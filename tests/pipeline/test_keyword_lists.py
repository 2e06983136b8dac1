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
    assert "Tags Syria Idlib" not in sentences(nlp, text)
    assert nlp(text).user_data.get(("khabar", "keyword_lists")) is None


def test_tags_inside_a_sentence_are_no_list_head(nlp: Language) -> None:
    text = "Soldiers read the Tags Syria sign. At least 16 people were killed on Monday."
    assert sentences(nlp, text)[0] == "Soldiers read the Tags Syria sign."


def test_a_number_inside_the_lead_clause_is_no_lead_opener(nlp: Language) -> None:
    text = "Talks stall. Tags Syria Raqqa Overnight airstrikes on the city killed 25 civilians on Monday."
    doc = nlp(text)
    assert not any(sentence.text.startswith("25 civilians") for sentence in doc.sents)
    # no cut was made, so the lead's strike is still an event
    assert "Air/drone strike" in {event.sub_event_type for event in doc._.events}


def test_digits_after_a_keyword_open_the_lead(nlp: Language) -> None:
    text = "Talks stall. Tags Syria Aleppo 16 people were killed in airstrikes on the town on Monday."
    assert sentences(nlp, text)[-1] == "16 people were killed in airstrikes on the town on Monday."

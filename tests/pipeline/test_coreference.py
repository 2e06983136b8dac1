"""Definite group and perpetrator nouns stand for the name before them, on invented sentences."""

from __future__ import annotations

from spacy.language import Language

from khabar.pipeline.arguments import find_arguments, phrase_cues, role_cues
from khabar.pipeline.coreference import nominal_antecedent


def antecedent_of(nlp: Language, text: str, word: str) -> str | None:
    doc = nlp(text)
    noun = next(token for token in doc if token.text == word)
    found = nominal_antecedent(
        noun, group_nouns=phrase_cues().group_nouns, perpetrator_nouns=role_cues().perpetrator_nouns
    )
    return found.text if found is not None else None


def test_the_group_stands_for_the_organisation_named_before(base_nlp: Language) -> None:
    text = "Al-Shabaab fighters entered the town at dawn. Later the group attacked the police station."
    assert antecedent_of(base_nlp, text, "group") == "Shabaab"  # the last token of the name


def test_a_single_perpetrator_stands_for_a_person_not_a_group(base_nlp: Language) -> None:
    text = "Police named Karim Haddad, a member of Hamas. The gunman opened fire on the crowd."
    assert antecedent_of(base_nlp, text, "gunman") == "Haddad"


def test_an_indefinite_or_named_phrase_stands_for_no_one_else(base_nlp: Language) -> None:
    text = "Hamas said the strike was a crime. A gunman opened fire on the crowd."
    assert antecedent_of(base_nlp, text, "gunman") is None
    text = "Hamas said the strike was a crime. The Syrian militants attacked the crowd."
    assert antecedent_of(base_nlp, text, "militants") is None


def test_the_name_is_returned_beside_the_phrase_as_attacker(base_nlp: Language) -> None:
    text = "Al-Shabaab fighters entered the town at dawn. Later the group attacked the police station."
    doc = base_nlp(text)
    start = text.index("attacked")
    attackers = [span.text for span in find_arguments(doc, (start, start + len("attacked"))).attackers]
    assert attackers == ["the group", "Al-Shabaab"]

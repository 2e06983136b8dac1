"""A side described by the war it fights, and an attempt, are no happenings of their own."""

from __future__ import annotations

from spacy.language import Language


def _types(nlp: Language, text: str) -> list[str]:
    doc = nlp(text)
    return [m.sub_event_type for m in doc._.event_mentions if not m.generic and m.modality == "asserted"]


def test_a_force_fighting_the_militants_describes_a_side(nlp: Language) -> None:
    text = "The Kurdish militia has been the main force fighting the militants in the north."
    assert "Armed clash" not in _types(nlp, text)
    text = "Washington says the raids help Arab tribesmen fighting against the militants near Manbij."
    assert "Armed clash" not in _types(nlp, text)


def test_fighting_told_with_its_own_auxiliary_stays_a_clash(nlp: Language) -> None:
    text = "Rebels were fighting government troops in the village of Kafr Nabudah on Monday."
    assert "Armed clash" in _types(nlp, text)


def test_an_attempt_to_capture_a_town_takes_no_territory(nlp: Language) -> None:
    text = "The rebels are now attempting to capture the town of Marea from the militants."
    assert "Non-state actor overtakes territory" not in _types(nlp, text)

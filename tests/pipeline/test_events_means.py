"""An act word its target types ('attack') with its means compounded before it is that means' event."""

from __future__ import annotations

from spacy.language import Language


def _asserted(nlp: Language, text: str) -> list[str]:
    doc = nlp(text)
    return [m.sub_event_type for m in doc._.event_mentions if not m.generic and m.modality == "asserted"]


def test_a_bomb_attack_on_a_convoy_is_no_clash(nlp: Language) -> None:
    text = "The death toll from a bomb attack on a crowded bus convoy outside the city has reached 40."
    types = _asserted(nlp, text)
    assert "Armed clash" not in types
    assert "Remote explosive/landmine/IED" in types


def test_an_attack_on_a_convoy_with_no_means_named_stays_typed_by_its_target(nlp: Language) -> None:
    text = "Rebels launched an attack on an army convoy near the town on Monday."
    assert "Armed clash" in _asserted(nlp, text)

"""Being ready to fight is no clash: the fight is an aim."""

from __future__ import annotations

from spacy.language import Language


def test_getting_ready_to_fight_is_no_clash(nlp: Language) -> None:
    doc = nlp("A bomber detonated an explosive belt among rebels getting ready to fight the militants.")
    types = [m.sub_event_type for m in doc._.event_mentions if m.modality == "asserted" and not m.generic]
    assert "Armed clash" not in types

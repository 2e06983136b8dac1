"""'Bombed' by aircraft is an air strike, not a remote explosive."""

from __future__ import annotations

from spacy.language import Language


def test_bombed_with_aircraft_in_the_sentence_is_an_air_strike(nlp: Language) -> None:
    doc = nlp("Aircraft of the international coalition bombed tents for displaced people near Raqqa.")
    assert [m.sub_event_type for m in doc._.event_mentions] == ["Air/drone strike"]


def test_bombed_without_aircraft_stays_an_explosive(nlp: Language) -> None:
    doc = nlp("Militants bombed a police station in the town on Tuesday.")
    assert "Remote explosive/landmine/IED" in [m.sub_event_type for m in doc._.event_mentions]


def test_rebels_blowing_up_a_tunnel_is_a_remote_explosive(nlp: Language) -> None:
    doc = nlp("Nineteen soldiers were killed on Monday when rebels blew up a tunnel in the Old City.")
    assert "Remote explosive/landmine/IED" in [m.sub_event_type for m in doc._.event_mentions]

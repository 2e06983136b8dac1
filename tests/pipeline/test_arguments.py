"""Attacker and target around an attack trigger, on invented sentences parsed by the real model."""

from __future__ import annotations

from spacy.language import Language

from khabar.pipeline.arguments import Arguments, find_arguments


def arguments(nlp: Language, text: str, trigger: str) -> Arguments:
    doc = nlp(text)
    start = text.index(trigger)
    return find_arguments(doc, (start, start + len(trigger)))


def texts(spans: list) -> list[str]:
    return [span.text for span in spans]


def test_active_verb_subject_attacks_object(base_nlp: Language) -> None:
    found = arguments(base_nlp, "Rebel fighters ambushed a police convoy near the border.", "ambushed")
    assert texts(found.attackers) == ["Rebel fighters"]
    assert texts(found.targets) == ["a police convoy"]


def test_passive_by_agent_is_attacker_and_subject_is_target(base_nlp: Language) -> None:
    text = "In the north, Iraq's border guards were attacked by the insurgents in an ambush."
    found = arguments(base_nlp, text, "attacked")
    assert texts(found.attackers) == ["the insurgents"]
    assert texts(found.targets) == ["Iraq's border guards"]


def test_nominal_trigger_inside_a_passive_clause_takes_its_roles(base_nlp: Language) -> None:
    text = "Iraq's border guards were targeted by the insurgents in a drone strike."
    found = arguments(base_nlp, text, "strike")
    assert texts(found.attackers) == ["the insurgents"]
    assert texts(found.targets) == ["Iraq's border guards"]


def test_victims_of_killing_are_targets(base_nlp: Language) -> None:
    found = arguments(base_nlp, "Nine Kenyan policemen have been killed in a bombing in Mandera.", "bombing")
    assert texts(found.targets) == ["Nine Kenyan policemen"]


def test_nationality_modifier_of_a_nominal_trigger_is_the_attacker(base_nlp: Language) -> None:
    found = arguments(base_nlp, "A French airstrike on the camp killed four people.", "airstrike")
    assert texts(found.attackers) == ["French"]
    assert texts(found.targets) == ["the camp"]


def test_weapon_object_moves_target_to_the_at_phrase(base_nlp: Language) -> None:
    found = arguments(base_nlp, "Israeli tanks fired shells at the village on Friday.", "fired")
    assert texts(found.attackers) == ["Israeli tanks"]
    assert texts(found.targets) == ["the village"]
    assert texts(found.instruments) == ["shells"]


def test_subject_is_inherited_by_a_gerund_and_support_verb(base_nlp: Language) -> None:
    text = "Pakistan responded by launching strikes against militant hideouts."
    found = arguments(base_nlp, text, "strikes")
    assert texts(found.attackers) == ["Pakistan"]
    assert texts(found.targets) == ["militant hideouts"]


def test_conjoined_targets_are_all_returned(base_nlp: Language) -> None:
    found = arguments(base_nlp, "The gunmen attacked a school and a clinic.", "attacked")
    assert texts(found.targets) == ["a school", "a clinic"]


def test_blamed_on_names_the_attacker(base_nlp: Language) -> None:
    text = "They retaliated for a raid blamed on Tehran that killed six guards."
    found = arguments(base_nlp, text, "raid")
    assert texts(found.attackers) == ["Tehran"]
    assert texts(found.targets) == ["six guards"]


def test_unknown_trigger_offsets_give_no_arguments(base_nlp: Language) -> None:
    doc = base_nlp("Nothing happened.")
    assert find_arguments(doc, (100, 105)) == Arguments()

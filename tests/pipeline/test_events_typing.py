"""Typing of assaults on places, fended-off attacks, bombs from the air and withdrawals in a fight.

Texts written for these tests.
"""

from __future__ import annotations

from spacy.language import Language

TERRITORY = {"Non-state actor overtakes territory", "Government regains territory"}


def types_of(nlp: Language, text: str) -> list[str]:
    return [
        mention.sub_event_type
        for mention in nlp(text)._.event_mentions
        if mention.modality == "asserted" and not mention.generic
    ]


def test_storming_a_hotel_is_an_attack_not_a_capture(nlp: Language) -> None:
    types = types_of(nlp, "Gunmen stormed a hotel in the capital on Sunday.")
    assert "Attack" in types
    assert not TERRITORY & set(types)


def test_storming_a_checkpoint_is_an_armed_clash(nlp: Language) -> None:
    types = types_of(nlp, "Rebels stormed an army checkpoint near the town on Sunday.")
    assert types == ["Armed clash"]


def test_an_attack_the_army_foiled_in_a_fight_is_an_armed_clash(nlp: Language) -> None:
    types = types_of(
        nlp, "The army foiled an attack by militants on its positions near the town, killing 20 of them."
    )
    assert types == ["Armed clash"]


def test_a_bomb_attack_foiled_by_police_stays_disrupted_weapons_use(nlp: Language) -> None:
    types = types_of(
        nlp, "Police foiled a bomb attack in the city when they arrested a man carrying explosives."
    )
    assert "Disrupted weapons use" in types
    assert "Armed clash" not in types


def test_assaults_repelled_by_the_army_in_the_passive_are_an_armed_clash(nlp: Language) -> None:
    assert types_of(nlp, "The assaults on the town were repelled by the army on Sunday.") == ["Armed clash"]


def test_bombs_dropped_by_aircraft_are_an_air_strike(nlp: Language) -> None:
    assert types_of(nlp, "Regime aircraft dropped dozens of bombs on the town on Sunday.") == [
        "Air/drone strike"
    ]


def test_a_suicide_car_bomber_is_no_aircraft_for_the_bombing(nlp: Language) -> None:
    text = (
        "Media said the attack was carried out by a suicide car bomber. The opposition condemned the bombing."
    )
    assert "Air/drone strike" not in types_of(nlp, text)


def test_a_withdrawal_in_the_face_of_an_offensive_is_no_non_violent_transfer(nlp: Language) -> None:
    text = "The army withdrew from the farms on Sunday as it faced a rebel counter-offensive."
    assert "Non-violent transfer of territory" not in types_of(nlp, text)


def test_a_withdrawal_with_no_fighting_stays_a_non_violent_transfer(nlp: Language) -> None:
    text = "Government troops withdrew from the border town of Kassab on Sunday."
    assert types_of(nlp, text) == ["Non-violent transfer of territory"]


def test_what_rebels_often_do_is_no_event_of_a_day(nlp: Language) -> None:
    mentions = nlp("Rebels often fire rockets into the city from their strongholds.")._.event_mentions
    assert all(mention.generic for mention in mentions)

"""An attack mention without a doer takes the doer of another mention of the same attack."""

from __future__ import annotations

from spacy.language import Language

from khabar.pipeline.arguments import find_arguments, syntactic_arguments


def attackers(nlp: Language, text: str, trigger: str, *, occurrence: int = 0) -> list[str]:
    doc = nlp(text)
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(trigger, start + 1)
    return [span.text for span in find_arguments(doc, (start, start + len(trigger))).attackers]


def test_a_definite_attack_noun_refers_back_to_the_attack_told_before(base_nlp: Language) -> None:
    text = "Gunmen stormed the hotel on Friday. The attack killed 20 people."
    assert attackers(base_nlp, text, "attack") == ["Gunmen"]
    text = "The army launched an offensive on the town. The fighting has displaced thousands."
    assert attackers(base_nlp, text, "fighting") == ["The army"]


def test_the_parse_rules_alone_do_not_reach_the_other_sentence(base_nlp: Language) -> None:
    text = "Gunmen stormed the hotel on Friday. The attack killed 20 people."
    start = text.index("attack")
    assert syntactic_arguments(base_nlp(text), (start, start + 6)).attackers == []


def test_an_indefinite_mention_is_a_new_attack(base_nlp: Language) -> None:
    text = "Gunmen stormed the hotel on Friday. An attack on a bus killed 20 people a day later."
    assert attackers(base_nlp, text, "attack") == []


def test_only_an_armed_actor_is_handed_on_across_sentences(base_nlp: Language) -> None:
    text = "The reporter said she had witnessed the shooting. The attack left three people wounded."
    assert attackers(base_nlp, text, "attack") == []


def test_another_mention_of_the_same_clause_names_the_doer(base_nlp: Language) -> None:
    text = "The assault will be supported by air strikes from the coalition."
    assert attackers(base_nlp, text, "assault") == ["the coalition"]


def test_a_mention_set_in_time_against_another_tells_another_attack(base_nlp: Language) -> None:
    text = "The bombing came two days after Russian strikes on the market."
    assert attackers(base_nlp, text, "bombing") == []


def test_whoever_claims_responsibility_nearby_did_it(base_nlp: Language) -> None:
    text = "No group claimed the blast at first. The Taliban later claimed responsibility."
    assert attackers(base_nlp, text, "blast") == ["The Taliban"]
    text = "A bomb exploded at the market. No group has claimed responsibility."
    assert attackers(base_nlp, text, "exploded") == []


def test_a_target_of_the_trigger_is_never_its_inherited_doer(base_nlp: Language) -> None:
    text = "The rebels shelled the base on Monday. The attack on the rebels killed ten."
    assert attackers(base_nlp, text, "attack") == []
    text = "The rebels shelled the base on Monday. The attack on the village killed ten."
    assert attackers(base_nlp, text, "attack") == ["The rebels"]


def test_a_deed_among_the_targets_is_another_attack(base_nlp: Language) -> None:
    text = "The weekend saw deadly airstrikes on Aleppo and a US-led raid in the east."
    assert attackers(base_nlp, text, "airstrikes") == []


def test_conjoined_deeds_are_two_attacks(base_nlp: Language) -> None:
    text = "Airstrikes and a raid by US forces killed dozens in the province."
    assert attackers(base_nlp, text, "Airstrikes") == []


def test_a_weapon_is_never_handed_on_as_a_doer(base_nlp: Language) -> None:
    text = "Officials said a motorcycle bomb was behind the attack in the city."
    assert attackers(base_nlp, text, "attack") == []


def test_a_clause_telling_how_the_deed_came_about_names_its_doer(base_nlp: Language) -> None:
    text = "Twelve civilians were wounded as government forces shelled the district."
    assert attackers(base_nlp, text, "wounded") == ["government forces"]
    text = "Twelve civilians were wounded before government forces shelled the district."
    assert attackers(base_nlp, text, "wounded") == []


def test_a_death_told_without_its_cause_is_the_outcome_of_the_attack_before(base_nlp: Language) -> None:
    text = (
        "Turkish jets bombed a village near the border overnight. "
        "Local officials said nine people were killed."
    )
    assert attackers(base_nlp, text, "killed") == ["Turkish jets"]
    # a cause of its own, or fallen fighters, break the link
    text = "Turkish jets bombed a village near the border. Nine people were killed in a landslide."
    assert attackers(base_nlp, text, "killed") == []
    text = "Militants attacked an army post on Monday. Six militants were killed."
    assert attackers(base_nlp, text, "killed", occurrence=0) == []


def test_opening_fire_is_an_attack_the_shooting_refers_back_to(base_nlp: Language) -> None:
    text = "Witnesses said the suspect opened fire in the station. Four people were hurt in the shooting."
    assert attackers(base_nlp, text, "shooting") == ["the suspect"]


def test_a_death_of_victims_told_before_is_the_killing_told_before(base_nlp: Language) -> None:
    text = (
        "A French drone strike on the farm killed six fighters and a shepherd. "
        "Villagers buried the dead on Sunday. The shepherd who was killed had been grazing goats nearby."
    )
    assert attackers(base_nlp, text, "killed", occurrence=1) == ["French"]


def test_victims_told_before_take_the_doer_of_the_killing_that_named_them(base_nlp: Language) -> None:
    text = (
        "The army foiled an attack by rebels on Monday, killing two rebel commanders. "
        "The rebel commanders were killed during heavy fighting near the dam."
    )
    assert attackers(base_nlp, text, "killed") == ["The army"]


def test_fallen_fighters_take_the_doer_of_an_attack_on_their_side(base_nlp: Language) -> None:
    text = (
        "Russian jets carried out 40 airstrikes against the positions of Daesh militants on Monday. "
        "A total of 30 Daesh militants were eliminated in the Mayadin area, the ministry said."
    )
    assert attackers(base_nlp, text, "eliminated") == ["Russian jets"]


def test_fallen_fighters_of_the_attacking_side_take_no_doer(base_nlp: Language) -> None:
    text = (
        "Daesh militants carried out an assault on army positions on Monday. "
        "Twenty Daesh militants were killed, the ministry said."
    )
    assert attackers(base_nlp, text, "killed") == []


def test_a_definite_mention_hands_on_the_doer_it_refers_back_to(base_nlp: Language) -> None:
    # 'that attack' names no doer, but the shelling it refers back to does
    text = "Government troops shelled the town. As the result of that attack more fighters were killed."
    assert attackers(base_nlp, text, "killed") == ["Government troops"]


def test_a_definite_noun_refers_back_only_to_a_deed_of_its_kind(base_nlp: Language) -> None:
    # the blast is the bomb's, not the shelling's told in the caption before it
    text = "Rebels shell the city (archive). A bomb went off in the market on Monday. The blast killed six."
    assert attackers(base_nlp, text, "blast") == []
    text = "Rebels shelled the city on Monday. The shelling killed six."
    assert attackers(base_nlp, text, "shelling") == ["Rebels"]


def test_an_execution_is_referred_to_as_a_killing_not_an_attack(base_nlp: Language) -> None:
    text = "Forty people were executed by government forces. The killings took place on Tuesday."
    assert attackers(base_nlp, text, "killings") == ["government forces"]
    text = "Forty people were executed by government forces. The attack took place on Tuesday."
    assert attackers(base_nlp, text, "attack") == []

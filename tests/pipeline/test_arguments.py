"""Attacker and target around an attack trigger, on invented sentences parsed by the real model."""

from __future__ import annotations

from spacy.language import Language

from khabar.pipeline.arguments import Arguments, find_arguments, syntactic_arguments


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


def test_pronoun_argument_comes_with_its_antecedent(base_nlp: Language) -> None:
    text = "Hezbollah fighters crossed the border at dawn. They ambushed a patrol near the village."
    found = arguments(base_nlp, text, "ambushed")
    assert texts(found.attackers) == ["They", "Hezbollah fighters"]


def test_cue_verbs_match_when_the_lemma_is_wrong(base_nlp: Language) -> None:
    found = arguments(base_nlp, "Both countries are waging brutal assaults on rebel towns.", "assaults")
    assert texts(found.attackers) == ["Both countries"]
    assert texts(found.targets) == ["rebel towns"]


def test_adjective_trigger_takes_the_roles_of_its_verb(base_nlp: Language) -> None:
    found = arguments(base_nlp, "The smuggler was shot dead by border guards on Monday.", "dead")
    assert texts(found.attackers) == ["border guards"]
    assert texts(found.targets) == ["The smuggler"]


def test_participle_modifying_a_noun_names_the_victims(base_nlp: Language) -> None:
    found = arguments(base_nlp, "Five soldiers killed in a roadside blast were buried on Sunday.", "killed")
    assert texts(found.targets) == ["Five soldiers"]


def test_conjoined_verbs_share_the_object(base_nlp: Language) -> None:
    found = arguments(base_nlp, "The militia shelled and besieged the town for weeks.", "shelled")
    assert texts(found.attackers) == ["The militia"]
    assert texts(found.targets) == ["the town"]


def test_battle_between_two_sides(base_nlp: Language) -> None:
    found = arguments(base_nlp, "Ten people died in a battle between soldiers and smugglers.", "battle")
    assert texts(found.attackers) == ["soldiers"]
    assert texts(found.targets) == ["smugglers"]


def test_name_compounding_a_nominal_trigger_is_the_attacker(base_nlp: Language) -> None:
    found = arguments(base_nlp, "Dozens of villagers fled after the Boko Haram raids.", "raids")
    assert texts(found.attackers) == ["the Boko Haram"]


def test_city_compounding_a_nominal_trigger_is_a_target_not_an_attacker(base_nlp: Language) -> None:
    found = arguments(base_nlp, "The Mosul bombing left many families homeless.", "bombing")
    assert found.attackers == []
    assert texts(found.targets) == ["Mosul"]


def test_exploding_device_is_not_the_attacker(base_nlp: Language) -> None:
    found = arguments(base_nlp, "A car bomb exploded outside the ministry on Tuesday.", "exploded")
    assert found.attackers == []
    assert texts(found.instruments) == ["A car bomb"]


def test_weapon_that_is_shot_down_is_the_target(base_nlp: Language) -> None:
    found = arguments(base_nlp, "Air defences shot down a drone over the airport.", "shot")
    assert texts(found.targets) == ["a drone"]


def test_an_appositive_name_is_a_phrase_of_its_own_beside_the_description(base_nlp: Language) -> None:
    # (a phrase is headed by one word: the name and the description are two mentions of one
    # participant, as the annotated data sets have them)
    text = "The suspect, Ali Hassan, was shot by police officers."
    found = arguments(base_nlp, text, "shot")
    assert texts(found.targets) == ["The suspect", "Ali Hassan"]
    text = "The armed separatist group ETA bombed the station."
    assert texts(arguments(base_nlp, text, "bombed").attackers) == ["The armed separatist group", "ETA"]


def test_a_name_compounding_a_body_noun_is_a_phrase_of_its_own(base_nlp: Language) -> None:
    # 'the Hamas movement' is the body Hamas: the name is a second mention of the participant
    text = 'Police said the "Red Brigades" militant group shelled the barracks.'
    found = arguments(base_nlp, text, "shelled")
    assert texts(found.attackers) == ['the "Red Brigades" militant group', "Red Brigades"]
    found = arguments(base_nlp, "The Hamas movement fired rockets at the town.", "fired")
    assert texts(found.attackers) == ["The Hamas movement", "Hamas"]
    # members are not the body: 'Red Brigades militants' stays one phrase
    found = arguments(base_nlp, "Red Brigades militants stormed the town.", "stormed")
    assert texts(found.attackers) == ["Red Brigades militants"]


def test_involved_in_names_the_attacker(base_nlp: Language) -> None:
    found = arguments(base_nlp, "Police said three men were involved in the assassination.", "assassination")
    assert texts(found.attackers) == ["three men"]


def test_survivors_of_a_blast_are_its_targets(base_nlp: Language) -> None:
    found = arguments(base_nlp, "The workers survived the blast with minor injuries.", "blast")
    assert texts(found.targets) == ["The workers"]


def test_clash_makes_each_side_attacker_and_target(base_nlp: Language) -> None:
    found = arguments(base_nlp, "Protesters clashed with riot police in the capital.", "clashed")
    assert texts(found.attackers) == ["Protesters"]
    assert texts(found.targets) == ["riot police"]


def test_fallback_takes_the_armed_subject_of_the_clause(base_nlp: Language) -> None:
    text = "The army has retaken several districts with siege tactics, bombarding and starving people."
    found = arguments(base_nlp, text, "bombarding")
    assert texts(found.attackers) == ["The army"]
    assert (
        syntactic_arguments(
            base_nlp(text), (text.index("bombarding"), text.index("bombarding") + 10)
        ).attackers
        == []
    )


def test_fallback_ignores_a_speaker(base_nlp: Language) -> None:
    text = "The minister said the explosion damaged the bridge."
    found = arguments(base_nlp, text, "explosion")
    assert found.attackers == []


def test_a_phrase_counting_part_of_a_group_includes_the_group(base_nlp: Language) -> None:
    # (a part of a definite group, 'some of the rebels', is given as the group: see below)
    found = arguments(base_nlp, "Dozens of rebels ambushed a convoy near the town.", "ambushed")
    assert texts(found.attackers) == ["Dozens of rebels"]


def test_an_active_participle_on_a_noun_makes_the_noun_the_doer(base_nlp: Language) -> None:
    text = "Officials worry about smugglers arming small boats to launch raids on the harbour."
    found = arguments(base_nlp, text, "raids")
    assert texts(found.attackers) == ["smugglers"]
    assert texts(found.targets) == ["the harbour"]


def test_the_possessor_of_a_decision_carries_out_the_attack(base_nlp: Language) -> None:
    found = arguments(base_nlp, "The cartel's decision to carry out the bombings backfired.", "bombings")
    assert texts(found.attackers) == ["The cartel"]


def test_an_acronym_read_as_a_verb_is_the_name_of_the_attacker(base_nlp: Language) -> None:
    found = arguments(base_nlp, "Nine soldiers were killed in IS attacks near the border.", "attacks")
    assert texts(found.attackers) == ["IS"]
    assert texts(found.targets) == ["Nine soldiers"]


def test_a_detonated_bomb_is_the_instrument_and_weapon_modifiers_are_no_attackers(
    base_nlp: Language,
) -> None:
    found = arguments(base_nlp, "The agency said IS militants had detonated a car bomb.", "detonated")
    assert texts(found.attackers) == ["IS militants"]
    assert texts(found.instruments) == ["a car bomb"]
    assert texts(found.targets) == []
    text = "Questions are asked again in the wake of the van - and - knife attack in the district."
    assert texts(arguments(base_nlp, text, "attack").attackers) == []
    assert texts(arguments(base_nlp, "Two men died in a Drone strike on Tuesday.", "strike").attackers) == []


def test_what_exploded_before_killing_is_the_instrument(base_nlp: Language) -> None:
    found = arguments(base_nlp, "As the patrol arrived, it exploded, killing two soldiers.", "killing")
    assert texts(found.instruments) == ["it"]
    assert texts(found.targets) == ["two soldiers"]
    assert "it" not in texts(found.attackers)


def test_support_verb_subject_replaces_a_possessive_pronoun(base_nlp: Language) -> None:
    found = arguments(base_nlp, "The ministry launched its air strikes on Monday.", "strikes")
    assert texts(found.attackers) == ["The ministry"]


def test_a_pronoun_stands_for_the_nearest_agreeing_subject_or_name(base_nlp: Language) -> None:
    text = "Hamas said the strikes were a crime. Israel said it had bombed the tunnels."
    assert texts(arguments(base_nlp, text, "bombed").attackers) == ["it", "Israel"]
    text = "The rebels reached the town at dawn. The army said it shelled them overnight."
    found = arguments(base_nlp, text, "shelled")
    assert texts(found.attackers) == ["it", "The army"]
    assert texts(found.targets) == ["them", "The rebels"]


def test_bombings_aimed_at_a_unit_target_it(base_nlp: Language) -> None:
    text = "The republic has seen numerous bombings targeted at the Russian military."
    assert texts(arguments(base_nlp, text, "bombings").targets) == ["the Russian military"]


def test_killed_in_someones_attacks_names_the_attacker(base_nlp: Language) -> None:
    found = arguments(base_nlp, "Nine soldiers were killed in Taliban attacks near the border.", "killed")
    assert texts(found.attackers) == ["Taliban"]
    assert texts(found.targets) == ["Nine soldiers"]


def test_a_clock_time_is_no_target(base_nlp: Language) -> None:
    found = arguments(base_nlp, "The depot was shattered by an explosion at 9 in the morning.", "explosion")
    assert texts(found.targets) == ["The depot"]


def test_the_name_before_led_leads_the_attack(base_nlp: Language) -> None:
    found = arguments(base_nlp, "A Saudi-led strike hit a wedding party in Yemen.", "strike")
    assert texts(found.attackers) == ["Saudi-led"]
    found = arguments(base_nlp, "A US-led coalition strike hit a school.", "strike")
    assert texts(found.attackers) == ["US-led", "US-led coalition"]


def test_what_a_weapon_targets_is_the_target(base_nlp: Language) -> None:
    found = arguments(base_nlp, "Militants fired rockets targeting the airport.", "fired")
    assert texts(found.targets) == ["the airport"]
    found = arguments(base_nlp, "Airstrikes targeting the hospital killed nine.", "Airstrikes")
    assert texts(found.targets) == ["the hospital"]


def test_those_an_explosion_killed_are_its_targets(base_nlp: Language) -> None:
    found = arguments(base_nlp, "A car bomb exploded outside the ministry, killing 12 people.", "exploded")
    assert texts(found.targets) == ["12 people"]
    assert texts(found.instruments) == ["A car bomb"]


def test_died_in_someones_strikes_names_the_attacker(base_nlp: Language) -> None:
    found = arguments(base_nlp, "Three civilians died in Russian air strikes on Idlib.", "died")
    assert texts(found.attackers) == ["Russian"]
    assert texts(found.targets) == ["Three civilians"]


def test_conjoined_passives_share_subject_and_agent(base_nlp: Language) -> None:
    text = "The village was raided and burned by Boko Haram fighters."
    for trigger in ("raided", "burned"):
        found = arguments(base_nlp, text, trigger)
        assert texts(found.attackers) == ["Boko Haram fighters"]
        assert texts(found.targets) == ["The village"]


def test_a_common_noun_phrase_includes_the_names_that_own_it(base_nlp: Language) -> None:
    found = arguments(base_nlp, "Fighters of the Islamic State attacked the city of Kirkuk.", "attacked")
    assert texts(found.attackers) == ["Fighters of the Islamic State"]
    assert texts(found.targets) == ["the city of Kirkuk"]


def test_whoever_is_accused_of_an_attack_is_its_attacker(base_nlp: Language) -> None:
    assert texts(arguments(base_nlp, "They accused Israel of bombing the school.", "bombing").attackers) == [
        "Israel"
    ]
    text = "Israel was accused of bombing the school."
    assert texts(arguments(base_nlp, text, "bombing").attackers) == ["Israel"]
    text = "Hamas fighters were blamed for the rocket attack on Sderot."
    assert texts(arguments(base_nlp, text, "attack").attackers) == ["Hamas fighters"]


def test_the_group_behind_an_attack_is_its_attacker(base_nlp: Language) -> None:
    text = "The group behind the attack, Boko Haram, has killed thousands."
    assert texts(arguments(base_nlp, text, "attack").attackers) == ["The group", "Boko Haram"]


def test_the_subject_of_a_relative_clause_launching_the_attack_is_its_attacker(base_nlp: Language) -> None:
    text = "The airstrikes, which Russia began in September, have hit hospitals."
    assert texts(arguments(base_nlp, text, "airstrikes").attackers) == ["Russia"]
    text = "The attack, which killed ten, was claimed by ISIS."
    assert texts(arguments(base_nlp, text, "attack").attackers) == ["ISIS"]


def test_whoever_authorizes_strikes_is_their_attacker(base_nlp: Language) -> None:
    found = arguments(base_nlp, "Obama authorized airstrikes against ISIS in Iraq.", "airstrikes")
    assert texts(found.attackers) == ["Obama"]
    assert texts(found.targets) == ["ISIS"]


def test_who_retaliates_for_an_attack_did_not_do_it(base_nlp: Language) -> None:
    text = "Washington vowed to retaliate for the attack on its embassy."
    assert texts(arguments(base_nlp, text, "attack").attackers) == []


def test_a_subject_pronoun_in_a_contact_clause_is_not_the_clauses_noun(base_nlp: Language) -> None:
    text = "ISIS has lost much of the territory it seized in 2014."
    assert texts(arguments(base_nlp, text, "seized").attackers) == ["it", "ISIS"]


def test_what_is_used_does_not_do_the_infinitive(base_nlp: Language) -> None:
    found = arguments(base_nlp, "Riot police used tear gas to disperse demonstrators.", "disperse")
    assert texts(found.attackers) == ["Riot police"]


def test_a_name_containing_the_trigger_names_the_event_not_its_doer(base_nlp: Language) -> None:
    assert texts(arguments(base_nlp, "Clinton voted for the Iraq war.", "war").attackers) == []
    assert texts(arguments(base_nlp, "Bush launched the Iraq war in 2003.", "war").attackers) == ["Bush"]


def test_a_place_owning_the_trigger_was_hit(base_nlp: Language) -> None:
    found = arguments(base_nlp, "Mosul's bombardment by coalition jets continued.", "bombardment")
    assert texts(found.attackers) == ["coalition jets"]
    assert texts(found.targets) == ["Mosul"]


def test_a_first_person_pronoun_stands_for_no_one_mentioned_before(base_nlp: Language) -> None:
    text = "If she wins, we can start a coup, he told the Boston Globe."
    assert texts(arguments(base_nlp, text, "coup").attackers) == ["we"]


def test_victims_counted_out_of_a_group_are_named_with_the_count(base_nlp: Language) -> None:
    found = arguments(base_nlp, "All six of the soldiers killed were from Texas.", "killed")
    assert texts(found.targets) == ["All six of the soldiers"]


def test_those_killed_are_the_victims_whatever_part_is_counted(base_nlp: Language) -> None:
    found = arguments(base_nlp, "The monitor said nine of those killed were women.", "killed")
    assert texts(found.targets) == ["those"]


def test_a_measure_of_the_victims_is_not_among_them(base_nlp: Language) -> None:
    found = arguments(base_nlp, "The group put the number of civilians killed at 20.", "killed")
    assert texts(found.targets) == ["civilians"]


def test_the_other_side_of_a_war_is_its_target_not_a_weapon(base_nlp: Language) -> None:
    found = arguments(base_nlp, "Israel's war with Hamas has killed thousands.", "war")
    assert texts(found.attackers) == ["Israel"]
    assert texts(found.targets) == ["Hamas"]
    assert texts(found.instruments) == []


def test_a_passive_participle_clause_befalls_the_main_subject(base_nlp: Language) -> None:
    found = arguments(base_nlp, "Attacked by Russian jets, the hospital was destroyed.", "Attacked")
    assert texts(found.attackers) == ["Russian jets"]
    assert texts(found.targets) == ["the hospital"]


def test_a_relative_pronoun_stands_for_its_noun(base_nlp: Language) -> None:
    text = "The hospital, which was bombed twice last week, has closed."
    assert texts(arguments(base_nlp, text, "bombed").targets) == ["The hospital"]


def test_an_object_pronoun_is_not_its_own_clauses_subject(base_nlp: Language) -> None:
    text = "The militants took the soldiers hostage and beheaded them."
    found = arguments(base_nlp, text, "beheaded")
    assert texts(found.targets) == ["them", "the soldiers"]


def test_coming_under_attack_from_someone(base_nlp: Language) -> None:
    found = arguments(base_nlp, "The rebels came under attack from government troops.", "attack")
    assert texts(found.attackers) == ["government troops"]
    assert texts(found.targets) == ["The rebels"]
    text = "The assault will be supported by air strikes from the US-led coalition."
    assert texts(arguments(base_nlp, text, "strikes").attackers) == ["the US-led coalition"]
    assert texts(arguments(base_nlp, "Rockets from Gaza hit Sderot.", "Rockets").attackers) == []


def test_culprits_and_victims_of_an_attack(base_nlp: Language) -> None:
    text = "The ringleader of Saturday's attack was known to police."
    assert texts(arguments(base_nlp, text, "attack").attackers) == ["The ringleader"]
    text = "The suspect in the bombing was arrested."
    assert texts(arguments(base_nlp, text, "bombing").attackers) == ["The suspect"]
    text = "Police arrested a man over the stabbing."
    assert texts(arguments(base_nlp, text, "stabbing").attackers) == ["a man"]
    found = arguments(base_nlp, "The victims of the attack were buried.", "attack")
    assert texts(found.targets) == ["The victims"]
    assert texts(found.attackers) == []


def test_a_gerund_read_as_a_verb_keeps_its_of_object(base_nlp: Language) -> None:
    found = arguments(base_nlp, "Rebel shelling of western Aleppo killed five.", "shelling")
    assert texts(found.targets) == ["western Aleppo"]


def test_a_pronoun_may_stand_for_a_group_noun(base_nlp: Language) -> None:
    text = "In a statement, the group said it had targeted the base."
    assert texts(arguments(base_nlp, text, "targeted").attackers) == ["it", "the group"]


def test_going_to_or_being_at_war_with_someone(base_nlp: Language) -> None:
    found = arguments(base_nlp, "Britain went to war with Argentina in 1982.", "war")
    assert (texts(found.attackers), texts(found.targets)) == (["Britain"], ["Argentina"])
    found = arguments(base_nlp, "Russia is at war with Ukraine.", "war")
    assert (texts(found.attackers), texts(found.targets)) == (["Russia"], ["Ukraine"])
    found = arguments(base_nlp, "Hitler declared war on the United States.", "war")
    assert (texts(found.attackers), texts(found.targets)) == (["Hitler"], ["the United States"])
    found = arguments(base_nlp, "At the Cavehill Road bomb, the victims were two women.", "bomb")
    assert texts(found.attackers) == []
    assert texts(found.targets) == ["Cavehill Road"]


def test_who_planted_the_bomb_that_exploded_is_the_attacker(base_nlp: Language) -> None:
    found = arguments(base_nlp, "A bomb planted by militants exploded at the market.", "exploded")
    assert texts(found.attackers) == ["militants"]
    assert texts(found.instruments) == ["A bomb"]


def test_blame_hung_on_the_object_still_names_the_accused(base_nlp: Language) -> None:
    text = "Police blamed separatists for the explosion."
    assert texts(arguments(base_nlp, text, "explosion").attackers) == ["separatists"]


def test_nobody_is_no_attacker(base_nlp: Language) -> None:
    text = "Nobody has claimed responsibility for the attack, but officials suspect the Taliban."
    assert texts(arguments(base_nlp, text, "attack").attackers) == []
    text = "He said no group had yet claimed responsibility for the explosion."
    assert texts(arguments(base_nlp, text, "explosion").attackers) == []


def test_whoever_has_a_plan_to_attack_is_its_attacker(base_nlp: Language) -> None:
    found = arguments(base_nlp, "The U.S. has no plans to bomb Iran.", "bomb")
    assert (texts(found.attackers), texts(found.targets)) == (["The U.S."], ["Iran"])
    found = arguments(base_nlp, "The army announced a plan to storm the town.", "storm")
    assert (texts(found.attackers), texts(found.targets)) == (["The army"], ["the town"])


def test_fighting_a_war_against_someone(base_nlp: Language) -> None:
    found = arguments(base_nlp, "They fought a bloody war against the Soviets in the 1980s.", "war")
    assert (texts(found.attackers), texts(found.targets)) == (["They"], ["the Soviets"])
    found = arguments(base_nlp, "He fought in the war against ISIS.", "war")
    assert (texts(found.attackers), texts(found.targets)) == (["He"], ["ISIS"])


def test_the_owner_a_possessive_pronoun_stands_for_is_named_too(base_nlp: Language) -> None:
    text = "Russia denied that its jets had bombed the hospital."
    assert texts(arguments(base_nlp, text, "bombed").attackers) == ["its jets", "Russia"]
    text = "Hezbollah, whose fighters attacked the convoy, denied it."
    assert texts(arguments(base_nlp, text, "attacked").attackers) == ["whose fighters", "Hezbollah"]


def test_he_stands_for_a_person_not_a_body(base_nlp: Language) -> None:
    text = "The administration said the gunman acted alone. Police said he attacked the guards."
    assert texts(arguments(base_nlp, text, "attacked").attackers) == ["he", "the gunman"]


def test_object_of_a_driving_verb_does_the_gerund_after_into(base_nlp: Language) -> None:
    text = "The commanders forced the villagers into attacking the convoy."
    assert texts(arguments(base_nlp, text, "attacking").attackers) == ["the villagers"]


def test_subject_of_an_adjective_complement_does_the_gerund(base_nlp: Language) -> None:
    text = "The two pilots were responsible for shooting down the airliner."
    assert texts(arguments(base_nlp, text, "shooting").attackers) == ["The two pilots"]
    text = "Villagers were safe from shelling for a week."
    assert texts(arguments(base_nlp, text, "shelling").attackers) == []


def test_passive_subject_of_taking_part_does_the_gerund(base_nlp: Language) -> None:
    text = "Reports say that the militia was engaged in torturing prisoners."
    assert texts(arguments(base_nlp, text, "torturing").attackers) == ["the militia"]


def test_by_phrase_hung_on_a_place_is_still_the_agent(base_nlp: Language) -> None:
    text = "The villagers were shot dead in their home by Azerbaijani special forces."
    assert texts(arguments(base_nlp, text, "shot").attackers) == ["Azerbaijani special forces"]


def test_an_infinitive_of_purpose_is_done_by_the_subject_not_the_object(base_nlp: Language) -> None:
    text = "He has advocated invading Syria to eradicate the Islamic State group."
    assert texts(arguments(base_nlp, text, "eradicate").attackers) == ["He"]
    text = "The commanders ordered the villagers to attack the convoy."
    assert texts(arguments(base_nlp, text, "attack").attackers) == ["the villagers"]


def test_a_participle_of_accusing_charges_the_noun_it_modifies(base_nlp: Language) -> None:
    text = "General Haddad, accused of the massacre in the valley, attended the summit."
    assert texts(arguments(base_nlp, text, "massacre").attackers) == ["General Haddad"]


def test_an_attributive_adjective_trigger_takes_the_roles_of_its_noun(base_nlp: Language) -> None:
    found = arguments(base_nlp, "The town lived under the militia's harsh and violent rule.", "violent")
    assert texts(found.attackers) == ["the militia"]
    found = arguments(base_nlp, "Violent mobs burned the market.", "Violent")
    assert texts(found.attackers) == ["Violent mobs"]
    found = arguments(base_nlp, "Relatives buried the slain officials on Friday.", "slain")
    assert (texts(found.attackers), texts(found.targets)) == ([], ["the slain officials"])


def test_a_predicate_noun_names_its_subject_too(base_nlp: Language) -> None:
    text = "The cleric was the man behind the bombing."
    assert texts(arguments(base_nlp, text, "bombing").attackers) == ["the man", "The cleric"]
    text = "The rebel commander is named in the report as the man behind the bombing."
    assert "The rebel commander" in texts(arguments(base_nlp, text, "bombing").attackers)


def test_which_after_a_name_that_can_act_stands_for_the_name(base_nlp: Language) -> None:
    text = "Aleppo is key to the strategy pursued by Russia, which will not stop bombing the city."
    assert texts(arguments(base_nlp, text, "bombing").attackers) == ["Russia"]
    text = "The bombing was an attack at a cafe in Madrid, Spain which killed 13 people."
    assert "Spain" not in texts(arguments(base_nlp, text, "killed").attackers)


def test_a_verb_parsed_as_conjunct_of_an_argument_is_no_argument(base_nlp: Language) -> None:
    from spacy.tokens import Doc

    from khabar.pipeline.arguments import _nominal_conjuncts

    words = ["They", "hit", "those", "and", "ran", "and", "guards"]
    doc = Doc(
        base_nlp.vocab,
        words=words,
        heads=[1, 1, 1, 2, 2, 2, 2],
        deps=["nsubj", "ROOT", "dobj", "cc", "conj", "cc", "conj"],
        pos=["PRON", "VERB", "PRON", "CCONJ", "VERB", "CCONJ", "NOUN"],
    )
    assert [token.text for token in _nominal_conjuncts(doc[2])] == ["guards"]


def test_who_reels_from_attacks_did_not_carry_them_out(base_nlp: Language) -> None:
    text = "Turkey has spent much of this year reeling from terror attacks."
    assert texts(arguments(base_nlp, text, "attacks").attackers) == []


def test_a_charge_names_who_is_charged_with_the_deed(base_nlp: Language) -> None:
    text = "The soldier faces murder charges over the shooting."
    assert texts(arguments(base_nlp, text, "murder").attackers) == ["The soldier"]
    assert texts(arguments(base_nlp, text, "shooting").attackers) == ["The soldier"]
    text = "Prosecutors brought murder charges against the guard."
    assert texts(arguments(base_nlp, text, "murder").attackers) == ["the guard"]


def test_the_doer_of_the_attack_a_death_is_caused_by(base_nlp: Language) -> None:
    text = "Ten civilians were killed as a result of Russian airstrikes on the town."
    assert texts(arguments(base_nlp, text, "killed").attackers) == ["Russian"]
    text = "Ten civilians died because of Russian airstrikes."
    assert texts(arguments(base_nlp, text, "died").attackers) == ["Russian"]


def test_an_actor_on_a_weapon_word_modifying_the_trigger_is_the_attacker(base_nlp: Language) -> None:
    text = "US drone strikes killed five militants in the valley on Monday."
    assert texts(arguments(base_nlp, text, "strikes").attackers) == ["US"]
    text = "The Kunduz hospital bombing killed 42 people."
    assert texts(arguments(base_nlp, text, "bombing").attackers) == []


def test_who_is_behind_the_attack_did_it(base_nlp: Language) -> None:
    text = "Officials believe al-Shabab was behind the bombing."
    assert texts(arguments(base_nlp, text, "bombing").attackers) == ["al-Shabab"]


def test_the_hallmarks_an_attack_bears_name_its_doer(base_nlp: Language) -> None:
    text = "The attack bore the hallmarks of al-Qaeda."
    assert texts(arguments(base_nlp, text, "attack").attackers) == ["al-Qaeda"]


def test_the_doer_of_a_series_or_of_coordinated_deeds_did_each(base_nlp: Language) -> None:
    text = "A wave of bombings by the militants killed dozens."
    assert texts(arguments(base_nlp, text, "bombings").attackers) == ["the militants"]
    text = "The killing and torture of civilians by government forces continued."
    assert texts(arguments(base_nlp, text, "torture").attackers) == ["government forces"]


def test_whoever_is_charged_or_convicted_in_a_deed_did_it(base_nlp: Language) -> None:
    text = "A police officer was charged with murder in the shooting of the teenager."
    assert texts(arguments(base_nlp, text, "shooting").attackers) == ["A police officer"]
    text = "A man convicted in the killing of the journalist was released."
    assert texts(arguments(base_nlp, text, "killing").attackers) == ["A man"]
    text = "Dozens were arrested in raids across the city."
    assert texts(arguments(base_nlp, text, "raids").attackers) == []


def test_who_reports_a_deed_in_a_clause_without_subject_did_not_do_it(base_nlp: Language) -> None:
    text = (
        "Outside the capital at least eight people were killed on Thursday in government shelling on"
        " Douma in the rebel-held region the British-based Observatory said."
    )
    assert texts(arguments(base_nlp, text, "shelling").attackers) == []


def test_a_trigger_naming_the_kind_of_a_campaign_takes_its_owner(base_nlp: Language) -> None:
    text = "Russia's bombing campaign in Syria began in September."
    assert texts(arguments(base_nlp, text, "bombing").attackers) == ["Russia"]


def test_who_has_a_part_in_the_deed_did_it_unless_it_is_denied(base_nlp: Language) -> None:
    text = "Officials said Iran played a key role in the attacks."
    assert texts(arguments(base_nlp, text, "attacks").attackers) == ["Iran"]
    text = "Washington accused Tehran of having a hand in the bombing."
    assert texts(arguments(base_nlp, text, "bombing").attackers) == ["Tehran"]
    text = "Iran denied playing any role in the attacks."
    assert texts(arguments(base_nlp, text, "attacks").attackers) == []


def test_the_subject_after_a_scene_setting_phrase_did_not_do_the_deed(base_nlp: Language) -> None:
    text = "After the explosion, the army sent troops to guard the station."
    assert texts(arguments(base_nlp, text, "explosion").attackers) == []
    text = "But after causing the deaths, the IRA tried to blame the security forces."
    assert texts(arguments(base_nlp, text, "deaths").attackers) == ["the IRA"]


def test_the_subject_after_an_absolute_phrase_did_not_do_the_deed(base_nlp: Language) -> None:
    text = "With the bombing campaign dragging on, the government has quietly raised taxes."
    assert texts(arguments(base_nlp, text, "campaign").attackers) == []
    text = "With the air war dragging on, Hezbollah has quietly raised its fees."
    assert texts(arguments(base_nlp, text, "war").attackers) == []
    text = "With airstrikes, the army retook the town."  # no predicate: the army's means
    assert texts(arguments(base_nlp, text, "airstrikes").attackers) == ["the army"]


def test_the_work_of_x_and_the_assault_of_x_against_y_name_the_doer(base_nlp: Language) -> None:
    text = "The bombing was the work of the Islamic State."
    assert texts(arguments(base_nlp, text, "bombing").attackers) == ["the Islamic State"]
    text = "The assault of government troops against the rebel enclave began at dawn."
    found = arguments(base_nlp, text, "assault")
    assert texts(found.attackers) == ["government troops"]
    assert texts(found.targets) == ["the rebel enclave"]
    text = "The shelling of Aleppo continued on Monday."
    assert texts(arguments(base_nlp, text, "shelling").attackers) == []


def test_a_plural_pronoun_stands_for_all_the_conjoined_names(base_nlp: Language) -> None:
    text = "On Friday, Taliban gunmen and suicide bombers attacked the camp. They killed 23 soldiers."
    assert texts(arguments(base_nlp, text, "killed").attackers) == [
        "They",
        "Taliban gunmen",
        "suicide bombers",
    ]


def test_whose_tendency_or_strategy_it_is_does_the_deed(base_nlp: Language) -> None:
    text = "Russia's strategy to bomb the rebels into submission has worked."
    assert texts(arguments(base_nlp, text, "bomb").attackers) == ["Russia"]


def test_a_town_the_tagger_reads_as_a_group_is_no_attacker(base_nlp: Language) -> None:
    # the country tables list towns among a state's words; the gazetteer knows them as towns
    found = arguments(base_nlp, "Four people died in the Homs car bomb attack on Friday.", "attack")
    assert "Homs" not in texts(found.attackers)
    found = arguments(base_nlp, "Britain's air strikes killed twelve fighters.", "strikes")
    assert texts(found.attackers) == ["Britain"]


def test_a_leader_keeps_its_participle(base_nlp: Language) -> None:
    found = arguments(base_nlp, "US-led air strikes killed nine fighters near the dam.", "strikes")
    assert texts(found.attackers) == ["US-led"]


def test_a_weapon_platform_fired_from_names_its_owner(base_nlp: Language) -> None:
    text = "The rockets fired from a Jordanian helicopter also wounded six others, a medic said."
    found = arguments(base_nlp, text, "fired")
    assert texts(found.attackers) == ["a Jordanian helicopter"]
    assert texts(found.instruments) == [] or "rockets" in texts(found.instruments)[0]
    found = arguments(base_nlp, "Shells fired from army positions hit the market.", "fired")
    assert texts(found.attackers) == ["army positions"]
    assert texts(found.targets) == []


def test_the_group_stands_for_the_armed_group_named_before(base_nlp: Language) -> None:
    text = "Hezbollah fighters crossed the border at night. The group said it had ambushed a patrol."
    found = arguments(base_nlp, text, "ambushed")
    assert "Hezbollah" in texts(found.attackers)
    # a body that is no armed group is no antecedent
    text = "United Nations monitors visited the town. The militants shelled a school on Monday."
    found = arguments(base_nlp, text, "shelled")
    assert texts(found.attackers) == ["The militants"]


def test_a_capital_owning_a_deed_is_its_doer(base_nlp: Language) -> None:
    found = arguments(base_nlp, "Ankara's offensive has displaced thousands of families.", "offensive")
    assert texts(found.attackers) == ["Ankara"]
    found = arguments(base_nlp, "Homs's bombardment lasted for weeks.", "bombardment")
    assert texts(found.attackers) == []


def test_who_says_a_gerund_deed_goes_on_did_not_do_it(base_nlp: Language) -> None:
    text = "Villagers say shelling kills children every night."
    assert texts(arguments(base_nlp, text, "shelling").attackers) == []


def test_a_description_comes_with_the_name_it_is_set_beside(base_nlp: Language) -> None:
    text = "Police named Omar Khan, the gunman who attacked the mosque, as a local man."
    assert texts(arguments(base_nlp, text, "attacked").attackers) == ["the gunman", "Omar Khan"]


def test_a_date_glued_to_an_argument_is_cut(base_nlp: Language) -> None:
    found = arguments(base_nlp, "Tue 14 Mar 2017 Suicide bomber kills 9 near Hama.", "kills")
    assert texts(found.attackers) == ["Suicide bomber"]
    found = arguments(base_nlp, "The March 15 movement attacked a police station.", "attacked")
    assert texts(found.attackers) == ["The March 15 movement"]


def test_whom_a_deed_is_blamed_on_did_it(base_nlp: Language) -> None:
    found = arguments(base_nlp, "Both groups blamed the attack on the far-right.", "attack")
    assert texts(found.attackers) == ["the far-right"]
    assert texts(found.targets) == []


def test_a_kind_modifier_leaves_room_for_the_named_doer(base_nlp: Language) -> None:
    text = "The terrorist attacks in Paris were carried out by a cell based in Brussels."
    assert "a cell" in texts(arguments(base_nlp, text, "attacks").attackers)
    text = "The coup attempt by a faction of the military failed in July."
    assert texts(arguments(base_nlp, text, "coup").attackers) != []


def test_a_heading_mark_is_no_argument(base_nlp: Language) -> None:
    from khabar.pipeline.arguments import _to_spans

    doc = base_nlp("== Attack == Gunmen fired on the crowd.")
    marks = [token for token in doc if token.text == "="]
    assert _to_spans(doc, marks, exclude=doc[6:7]) == []
    assert "Gunmen" in _to_spans(doc, [doc[5]], exclude=doc[6:7])[0].text


def test_an_unknown_untagged_name_on_the_deed_is_no_doer(base_nlp: Language) -> None:
    text = "The Cafeteria Morales bombing was an attack at a cafe in Madrid which killed 13 people."
    assert texts(arguments(base_nlp, text, "bombing").attackers) == []
    assert texts(arguments(base_nlp, "Nine died in the ETA bombing.", "bombing").attackers) == ["ETA"]


def test_a_date_the_parser_made_the_subject_gives_way_to_the_doer_before_it(base_nlp: Language) -> None:
    text = "The opposition Sunday retook a hill that fell to the army the day before."
    assert texts(arguments(base_nlp, text, "retook").attackers) == ["opposition"]


def test_strikes_thought_to_be_carried_out_by_someone(base_nlp: Language) -> None:
    text = "Monitors said air strikes thought to be carried out by Turkish forces killed nine people."
    assert texts(arguments(base_nlp, text, "strikes").attackers) == ["Turkish forces"]


def test_a_nationality_on_the_thing_hit_is_not_the_doer(base_nlp: Language) -> None:
    found = arguments(base_nlp, "Nine died in the Turkish army convoy attack near Idlib.", "attack")
    assert texts(found.attackers) == []
    found = arguments(base_nlp, "The Iranian embassy bombing killed two guards.", "bombing")
    assert texts(found.attackers) == []
    found = arguments(base_nlp, "Russian drone strikes killed nine civilians.", "strikes")
    assert texts(found.attackers) == ["Russian"]


def test_the_militants_stand_for_an_insurgent_group_not_the_forces_fighting_it(base_nlp: Language) -> None:
    text = "IS fighters attacked the town. The Syrian Democratic Forces said the militants shelled a school."
    found = texts(arguments(base_nlp, text, "shelled").attackers)
    assert "IS" in found and "Syrian Democratic Forces" not in " ".join(found)


def test_a_year_closes_the_date_glued_to_an_argument(base_nlp: Language) -> None:
    text = "Mon Jul 11 2016 175 Nusra Terrorists Killed in Army Operations."
    found = arguments(base_nlp, text, "Operations")
    assert texts(found.targets) == ["175 Nusra Terrorists"]


def test_an_attributive_participle_the_tagger_misreads_names_its_noun(base_nlp: Language) -> None:
    text = "Only severely injured people were allowed across the border."
    assert texts(arguments(base_nlp, text, "injured").targets) == ["Only severely injured people"]
    text = "The slain military officers were buried on Monday."
    assert texts(arguments(base_nlp, text, "slain").targets) == ["The slain military officers"]
    text = "The attacking forces entered the town at dawn."
    found = arguments(base_nlp, text, "attacking")
    assert texts(found.attackers) == ["The attacking forces"]
    assert texts(found.targets) == []


def test_a_deed_compounding_a_victim_noun_names_the_victim(base_nlp: Language) -> None:
    text = "The bombing victims were taken to hospital."
    assert texts(arguments(base_nlp, text, "bombing").targets) == ["The bombing victims"]


def test_a_people_on_a_deed_named_by_whom_it_destroys_is_the_victim(base_nlp: Language) -> None:
    found = arguments(base_nlp, "The Armenian genocide is remembered every April.", "genocide")
    assert texts(found.attackers) == []
    assert texts(found.targets) == ["Armenian"]
    found = arguments(base_nlp, "The Serb massacre of Muslims shocked the world.", "massacre")
    assert texts(found.attackers) == ["Serb"]
    assert "Muslims" in texts(found.targets)


def test_a_passive_participle_on_a_noun_befalls_the_noun(base_nlp: Language) -> None:
    found = arguments(base_nlp, "Two besieged Syrian towns were evacuated on Friday.", "besieged")
    assert texts(found.attackers) == []  # 'Syrian' says whose towns, not who besieged them
    assert texts(found.targets) == ["Two besieged Syrian towns"]
    found = arguments(base_nlp, "The regime-besieged towns were evacuated.", "besieged")
    assert texts(found.attackers) == ["regime"]


def test_the_subject_of_a_verb_of_becoming_suffers_an_adjective_trigger(base_nlp: Language) -> None:
    # 'get sick' as 'be sick': the subject is the victim, never the doer
    found = arguments(base_nlp, "Several guards will get sick, the doctor warned.", "sick")
    assert texts(found.targets) == ["Several guards"]
    assert found.attackers == []


def test_a_participle_conjoined_to_a_passive_shares_its_subject(base_nlp: Language) -> None:
    # 'thrown in jail or exterminated': the second participle is passive too, with no auxiliary
    found = arguments(base_nlp, "Opponents can be thrown in jail or exterminated.", "exterminated")
    assert texts(found.targets) == ["Opponents"]
    assert found.attackers == []


def test_casualties_that_include_someone_name_the_victims(base_nlp: Language) -> None:
    found = arguments(base_nlp, "The dead include three children, an official said.", "dead")
    assert texts(found.targets) == ["three children"]


def test_a_passive_complement_befalls_the_subject_or_object_above(base_nlp: Language) -> None:
    found = arguments(base_nlp, "The soldiers feared being captured by the rebels.", "captured")
    assert texts(found.targets) == ["The soldiers"]
    assert texts(found.attackers) == ["the rebels"]
    # object control: the prisoners, not the colonel, are shot
    found = arguments(base_nlp, "The colonel ordered the prisoners to be shot.", "shot")
    assert texts(found.targets) == ["the prisoners"]


def test_a_relative_clause_told_inside_the_deed_names_its_victims_and_doer(base_nlp: Language) -> None:
    found = arguments(base_nlp, "The raid, in which 12 people died, was condemned.", "raid")
    assert texts(found.targets) == ["12 people"]
    text = "The ambush, in which rebels killed six soldiers, shocked the town."
    found = arguments(base_nlp, text, "ambush")
    assert texts(found.attackers) == ["rebels"]
    assert texts(found.targets) == ["six soldiers"]


def test_who_used_the_weapon_of_a_passive_is_the_attacker(base_nlp: Language) -> None:
    text = "Two soldiers were killed by a roadside bomb planted by the rebels."
    found = arguments(base_nlp, text, "killed")
    assert texts(found.attackers) == ["the rebels"]
    assert texts(found.instruments) == ["a roadside bomb"]


def test_a_weapon_used_by_another_weapon_leads_to_its_owner(base_nlp: Language) -> None:
    found = arguments(base_nlp, "The hospital was hit by missiles fired by government jets.", "hit")
    assert texts(found.attackers) == ["government jets"]


def test_a_part_of_a_known_group_is_given_as_the_group(base_nlp: Language) -> None:
    found = arguments(base_nlp, "Some of the gunmen opened fire on the crowd.", "opened fire")
    assert texts(found.attackers) == ["the gunmen"]


def test_a_counted_part_of_a_group_keeps_its_figure(base_nlp: Language) -> None:
    found = arguments(base_nlp, "Two of the attackers were killed by police.", "killed")
    assert texts(found.targets) == ["Two of the attackers"]
    found = arguments(base_nlp, "Hundreds of protesters were shot by the police.", "shot")
    assert texts(found.targets) == ["Hundreds of protesters"]


def test_a_plural_possessive_with_a_curly_apostrophe_owns_the_intention(base_nlp: Language) -> None:
    # the parser reads 'rebels’' as a noun beside a closing quote
    found = arguments(base_nlp, "The rebels’ decision to attack the base surprised everyone.", "attack")
    assert texts(found.attackers) == ["The rebels"]


def test_a_quoted_plural_is_no_possessive(base_nlp: Language) -> None:
    found = arguments(base_nlp, "The ‘rebels’ decision to attack the base surprised everyone.", "attack")
    assert "rebels" not in texts(found.attackers)


def test_a_led_coalition_parsed_beside_the_deed_keeps_its_leader(base_nlp: Language) -> None:
    # the parser hangs both 'US-led' and 'coalition' on 'bombing'
    found = arguments(base_nlp, "The US-led coalition bombing killed dozens of civilians.", "bombing")
    assert texts(found.attackers) == ["US-led", "US-led coalition"]


def test_the_owner_of_a_weapon_did_the_deed(base_nlp: Language) -> None:
    found = arguments(base_nlp, "The regime's barrel bombs have killed thousands.", "killed")
    assert texts(found.attackers) == ["The regime"]
    assert texts(found.instruments) == ["The regime's barrel bombs"]


def test_a_gerund_names_its_sides_as_a_noun_does(base_nlp: Language) -> None:
    found = arguments(base_nlp, "Fighting between government forces and rebels killed 20 people.", "Fighting")
    assert texts(found.attackers) == ["government forces"]
    assert texts(found.targets) == ["rebels"]


def test_the_subject_of_a_passive_does_its_active_complement(base_nlp: Language) -> None:
    found = arguments(base_nlp, "Government troops were seen shelling the village.", "shelling")
    assert texts(found.attackers) == ["Government troops"]
    found = arguments(base_nlp, "Soldiers were filmed beating a man.", "beating")
    assert texts(found.attackers) == ["Soldiers"]


def test_the_owner_of_ones_own_victims_is_no_victim(base_nlp: Language) -> None:
    found = arguments(base_nlp, "Assad gassed his own people.", "gassed")
    assert texts(found.attackers) == ["Assad"]
    assert texts(found.targets) == ["his own people"]


def test_a_deed_answered_is_not_done_by_who_answers_it(base_nlp: Language) -> None:
    found = arguments(base_nlp, "Iran vowed revenge for the killing of its general.", "killing")
    assert texts(found.attackers) == []


def test_detached_performing_participle_names_the_doer(base_nlp: Language) -> None:
    # the parser hangs 'carried out' on 'small'; the participle still tells who did the bombings
    text = (
        "The province has seen a string of bombings over the past year, most of them small,"
        " carried out by local militias."
    )
    assert texts(arguments(base_nlp, text, "bombings").attackers) == ["local militias"]


def test_people_carried_after_a_deed_did_not_do_it(base_nlp: Language) -> None:
    text = "After the shelling, the injured, carried by rescue workers, reached the hospital."
    assert arguments(base_nlp, text, "shelling").attackers == []


def test_the_ends_of_a_range_are_arguments(base_nlp: Language) -> None:
    text = (
        "The region saw several attacks on police stations, carried out by people ranging from"
        " local gangs to foreign fighters."
    )
    assert texts(arguments(base_nlp, text, "attacks").attackers) == [
        "people",
        "local gangs",
        "foreign fighters",
    ]


def test_a_time_after_the_deed_leaves_the_target_to_the_verb_above(base_nlp: Language) -> None:
    text = "The building was shattered by an explosion at 9:02 a.m. on April 19, 1995."
    assert texts(arguments(base_nlp, text, "explosion").targets) == ["The building"]


def test_a_gerund_after_of_on_a_noun_of_intention_is_the_owners_deed(base_nlp: Language) -> None:
    text = "The militia's practice of kidnapping travellers angered locals."
    assert texts(arguments(base_nlp, text, "kidnapping").attackers) == ["The militia"]


def test_a_gerund_after_of_on_another_noun_is_not_the_owners_deed(base_nlp: Language) -> None:
    text = "The town's fear of shelling kept families indoors."
    assert arguments(base_nlp, text, "shelling").attackers == []


def test_a_spaced_plural_possessive_owns_its_noun_wherever_the_owner_hangs(base_nlp: Language) -> None:
    # a quote closing the paragraph before makes the parser hang 'fighters' on 'As for'
    text = "”\nAs for his fighters ’ tendency to raid villages at night , the governor said little ."
    assert texts(arguments(base_nlp, text, "raid").attackers) == ["his fighters"]


def test_who_is_violent_does_it_and_suffers_nothing(base_nlp: Language) -> None:
    found = arguments(base_nlp, "He said the rebels were violent.", "violent")
    assert texts(found.attackers) == ["the rebels"]
    assert found.targets == []


def test_an_event_that_becomes_violent_names_no_doer(base_nlp: Language) -> None:
    found = arguments(base_nlp, "The protests became violent after police fired tear gas.", "violent")
    assert found.attackers == [] and found.targets == []


def test_a_targets_possessive_pronoun_does_not_stand_for_the_doer(base_nlp: Language) -> None:
    text = "Israeli forces arrested three men and later demolished their homes."
    found = arguments(base_nlp, text, "demolished")
    assert texts(found.attackers) == ["Israeli forces"]
    assert texts(found.targets) == ["their homes"]


def test_a_range_of_ages_names_no_one(base_nlp: Language) -> None:
    text = "The gunmen killed 12 people ranging in age from 5 to 70."
    assert texts(arguments(base_nlp, text, "killed").targets) == ["12 people"]


def test_a_deed_as_subject_hands_on_its_own_doer(base_nlp: Language) -> None:
    # the strike is no killer: the nationality naming who struck is
    found = arguments(base_nlp, "A Turkish drone strike on the depot killed nine fighters.", "killed")
    assert texts(found.attackers) == ["Turkish"]
    assert texts(found.targets) == ["nine fighters"]


def test_armed_men_who_fell_in_a_fight_fought_in_it(base_nlp: Language) -> None:
    text = "Twelve rebel fighters were killed in clashes near the airport."
    found = arguments(base_nlp, text, "clashes")
    assert texts(found.attackers) == ["Twelve rebel fighters"]
    assert texts(found.targets) == []


def test_civilians_or_both_sides_fallen_in_a_fight_are_no_side(base_nlp: Language) -> None:
    text = "Four civilians were killed in clashes near the airport."
    assert texts(arguments(base_nlp, text, "clashes").attackers) == []
    text = "At least 40 rebel and regime forces have been killed in two days of clashes for the hill."
    assert texts(arguments(base_nlp, text, "clashes").attackers) == []
    text = "Ten fighters and two civilians were killed in clashes between rival groups."
    assert texts(arguments(base_nlp, text, "clashes").attackers) == []


def test_the_other_side_of_a_fight_killed_the_fallen(base_nlp: Language) -> None:
    text = "They said three soldiers had been killed and 11 wounded in the fighting against the insurgents."
    assert texts(arguments(base_nlp, text, "killed").attackers) == ["the insurgents"]
    fight = arguments(base_nlp, text, "fighting")
    assert texts(fight.attackers) == ["three soldiers"]
    assert texts(fight.targets) == ["the insurgents"]


def test_a_name_opening_the_next_clause_is_no_conjunct(base_nlp: Language) -> None:
    text = "Days later, Omar was killed in a gun battle with police and Karim was found hiding in a shed."
    assert texts(arguments(base_nlp, text, "killed").attackers) == ["police"]


def test_a_led_word_describes_the_body_after_it(base_nlp: Language) -> None:
    # the coalition struck; 'U.S.-led' says who leads it and is no attacker of its own
    text = "Militants were killed in U.S.-led coalition air strikes in Syria."
    found = arguments(base_nlp, text, "strikes")
    assert texts(found.attackers) == ["coalition"]


def test_what_a_verb_of_taking_seized_in_a_deed_is_the_deed_s_target(base_nlp: Language) -> None:
    text = "Rebel fighters had captured the two villages in a counter attack near the border."
    found = arguments(base_nlp, text, "counter attack")
    assert texts(found.attackers) == ["Rebel fighters"]
    assert texts(found.targets) == ["the two villages"]
    # a deed the taking only follows is another happening
    text = "The rebels seized the hill after days of fighting."
    assert texts(arguments(base_nlp, text, "fighting").targets) == []


def test_the_purpose_of_an_operation_names_whom_it_is_waged_against(base_nlp: Language) -> None:
    text = "The army was conducting an operation to encircle the militants near the town."
    assert texts(arguments(base_nlp, text, "operation").targets) == ["the militants"]
    text = "The rebels launched an offensive to retake the town."
    assert texts(arguments(base_nlp, text, "offensive").targets) == ["the town"]
    # a verb of freeing aims at whom the place is freed from, never at the place
    text = "The army was conducting an operation to liberate the province from the insurgents."
    assert texts(arguments(base_nlp, text, "operation").targets) == ["the insurgents"]
    # a purpose of holding aims at what is held; one of taking a thing aims at no one
    text = "The rebels launched an operation to seize control of the airport."
    assert texts(arguments(base_nlp, text, "operation").targets) == ["the airport"]
    text = "The militants launched the attack to seize weapons stored at the base."
    assert texts(arguments(base_nlp, text, "attack").targets) == []


def test_a_deed_or_weapon_bearing_the_participle_is_no_doer(base_nlp: Language) -> None:
    # the deed names no doer: none is given, not the deed itself
    text = "At least 36 civilians were killed in raids targeting rural areas of the province."
    found = arguments(base_nlp, text, "targeting")
    assert texts(found.attackers) == []
    assert texts(found.targets) == ["rural areas"]
    # a deed that names its doer hands it on
    text = "Civilians were killed in Russian raids targeting rural areas of the province."
    assert texts(arguments(base_nlp, text, "targeting").attackers) == ["Russian"]
    # people bearing it still do it
    text = "Gunmen attacking the convoy were killed."
    assert texts(arguments(base_nlp, text, "attacking").attackers) == ["Gunmen"]


def test_a_counted_weapon_or_deed_is_no_doer(base_nlp: Language) -> None:
    # what is counted decides: shells are a weapon, whoever fired them the doer
    text = "Sources said that a number of mortar shells hit houses in the town."
    assert texts(arguments(base_nlp, text, "hit").attackers) == []
    text = "A number of Russian airstrikes hit the town."
    assert texts(arguments(base_nlp, text, "hit").attackers) == ["Russian"]
    # counted people still do it
    text = "Dozens of militants attacked the checkpoint."
    assert texts(arguments(base_nlp, text, "attacked").attackers) == ["Dozens of militants"]


def test_a_deed_told_as_subject_hands_over_its_doer_with_the_nationality(base_nlp: Language) -> None:
    text = "Syrian government air strikes on Tuesday killed at least 39 people in the north."
    assert texts(arguments(base_nlp, text, "killed").attackers) == ["Syrian government"]
    assert texts(arguments(base_nlp, text, "air strikes").attackers) == ["Syrian government"]


def test_a_nationality_alone_before_the_deed_is_still_the_doer(base_nlp: Language) -> None:
    found = arguments(base_nlp, "Russian and Syrian air strikes hit the town.", "air strikes")
    assert texts(found.attackers) == ["Russian", "Syrian"]


def test_a_barrage_or_counterattack_is_a_deed_not_a_doer(base_nlp: Language) -> None:
    found = arguments(base_nlp, "The rebel barrage killed 10 people in the capital.", "killed")
    assert texts(found.attackers) == ["rebel"]
    text = "Twelve soldiers were killed in a rebel counterattack launched on Monday."
    assert texts(arguments(base_nlp, text, "killed").attackers) == ["rebel"]


def test_victims_fallen_in_a_deed_take_its_doer_with_the_nationality(base_nlp: Language) -> None:
    text = "At least 45 people were killed in Syrian government air strikes on the suburbs."
    assert texts(arguments(base_nlp, text, "killed").attackers) == ["Syrian government"]


def test_whom_the_story_blames_for_the_attack_did_the_attacks_naming_no_doer(base_nlp: Language) -> None:
    text = (
        "A missile hit a school in the city on Thursday. Among those killed were three children, "
        "the monitor said, blaming the rebel militia for the attack."
    )
    assert texts(arguments(base_nlp, text, "hit").attackers) == ["the rebel militia"]
    assert texts(arguments(base_nlp, text, "killed").attackers) == ["the rebel militia"]


def test_a_blame_for_other_things_or_for_an_attack_does_not_name_a_fight_s_sides(base_nlp: Language) -> None:
    text = "A missile hit a school in the city. Residents blamed the rebel militia for the power cuts."
    assert texts(arguments(base_nlp, text, "hit").attackers) == []
    text = "Fighting raged in the north. Residents blamed the rebel militia for the attack on the school."
    assert texts(arguments(base_nlp, text, "Fighting").attackers) == []


def test_a_date_header_glued_to_the_lead_is_no_target(base_nlp: Language) -> None:
    text = "Date of publication 10 July 2016 At least 29 rebels were killed near the road."
    assert "Date" not in texts(arguments(base_nlp, text, "killed").targets)


def later_arguments(nlp: Language, text: str, trigger: str) -> Arguments:
    """The arguments of the last mention of ``trigger`` in ``text``."""
    start = text.rindex(trigger)
    return find_arguments(nlp(text), (start, start + len(trigger)))


def test_bare_strikes_told_again_take_the_doer_of_the_strikes_before(base_nlp: Language) -> None:
    text = (
        "Syrian government air strikes on Monday killed at least 30 people, a monitor said. "
        '"We have counted 21 dead in air strikes targeting the edge of the town," the monitor said.'
    )
    assert texts(later_arguments(base_nlp, text, "air strikes").attackers) == ["Syrian government"]


def test_bare_strikes_after_another_party_s_deed_or_several_doers_take_none(base_nlp: Language) -> None:
    # another party's deed is told between: whose strikes these are is not said
    text = (
        "Syrian government air strikes on Monday killed at least 30 people, a monitor said. "
        "Rebel fighters later shelled a nearby village. "
        "Residents counted 21 dead in air strikes on the outskirts."
    )
    assert texts(later_arguments(base_nlp, text, "air strikes").attackers) == []
    # several parties told striking: which one struck again is not said
    text = (
        "The army and its ally Russia have both carried out air strikes on the town. "
        "A monitor said there were fresh air strikes on the market on Sunday."
    )
    assert texts(later_arguments(base_nlp, text, "air strikes").attackers) == []
    # a fight has two sides: the earlier strikes' doer is not handed to it
    text = "Syrian government air strikes killed nine people in Homs. There was fighting near the market."
    assert texts(later_arguments(base_nlp, text, "fighting").attackers) == []

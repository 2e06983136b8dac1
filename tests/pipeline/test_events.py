"""The event-mention stage: typed triggers, overlaps, switches, non-events, the main event."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS

from khabar.evaluate.case2021 import classify, label_map, load_items, score
from khabar.langdata import load_tsv
from khabar.model import ACLED_SUB_EVENT_TYPES, EventMention
from khabar.pipeline.events import (
    DATA_DIR,
    Gap,
    TokenSpec,
    compile_phrase,
    find_event_mentions,
    find_non_event_topics,
    primary_sub_event_type,
)


def mentions_of(base_nlp: Language, text: str, **options: bool) -> list[EventMention]:
    return find_event_mentions(base_nlp(text), **options)


def types_of(base_nlp: Language, text: str) -> list[str]:
    return [mention.sub_event_type for mention in mentions_of(base_nlp, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("An airstrike hit a market in the town on Monday.", "Air/drone strike"),
        ("Government forces shelled the village overnight.", "Shelling/artillery/missile attack"),
        ("A suicide car bomb exploded outside the ministry.", "Suicide bomb"),
        ("A roadside bomb struck a police convoy.", "Remote explosive/landmine/IED"),
        ("Attackers threw a grenade into the crowded cafe.", "Grenade"),
        ("Witnesses said sarin was used against the town.", "Chemical weapon"),
        ("Rebels and soldiers clashed near the border.", "Armed clash"),
        ("Thousands of demonstrators held a rally in the capital.", "Peaceful protest"),
        ("Police fired tear gas at the crowd of demonstrators.", "Protest with intervention"),
        ("Rioters torched cars in the city centre.", "Violent demonstration"),
        ("A mob lynched two men accused of theft.", "Mob violence"),
        ("Gunmen kidnapped three aid workers on the road.", "Abduction/forced disappearance"),
        ("Police arrested the opposition leader at his home.", "Arrests"),
        ("The two sides signed a peace agreement in the capital.", "Agreement"),
        ("Soldiers defused a bomb planted near the school.", "Disrupted weapons use"),
        ("The army set up a new checkpoint on the highway.", "Headquarters or base established"),
        ("Armed men looted shops in the market.", "Looting/property destruction"),
    ],
)
def test_trigger_is_typed(base_nlp: Language, text: str, expected: str) -> None:
    assert expected in types_of(base_nlp, text)


def test_every_acled_sub_event_type_has_a_rule() -> None:
    reachable = {row["sub_event_type"] for row in load_tsv(*DATA_DIR, "triggers.tsv")}
    assert reachable == set(ACLED_SUB_EVENT_TYPES)


def test_mention_carries_plover_and_offsets(base_nlp: Language) -> None:
    text = "On Monday an airstrike killed five people in the town."
    (mention,) = [m for m in mentions_of(base_nlp, text) if m.sub_event_type == "Air/drone strike"]
    assert (mention.plover_event, mention.plover_mode) == ("ASSAULT", "aerial")
    assert "military" in mention.plover_context
    assert text[mention.trigger.start : mention.trigger.end] == mention.trigger.text == "airstrike"
    assert mention.sentence.text == text


def test_specific_pattern_wins_over_its_parts(base_nlp: Language) -> None:
    assert types_of(base_nlp, "A suicide car bomb killed ten people.") == ["Suicide bomb"]


def test_weak_trigger_gives_way_to_a_specific_one(base_nlp: Language) -> None:
    types = types_of(base_nlp, "A roadside bomb attack killed four soldiers.")
    assert types == ["Remote explosive/landmine/IED"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rebels captured the town of Kafr after heavy fighting.", "Non-state actor overtakes territory"),
        ("The army recaptured the town from the rebels.", "Government regains territory"),
    ],
)
def test_territory_is_typed_by_its_agent(base_nlp: Language, text: str, expected: str) -> None:
    assert expected in types_of(base_nlp, text)


def test_capturing_a_person_is_not_territorial(base_nlp: Language) -> None:
    types = types_of(base_nlp, "Militants captured two soldiers near the village.")
    assert "Non-state actor overtakes territory" not in types


def test_attack_is_typed_by_its_target(base_nlp: Language) -> None:
    assert "Armed clash" in types_of(base_nlp, "Militants attacked an army checkpoint at night.")
    assert "Attack" in types_of(base_nlp, "Gunmen attacked villagers in their homes.")


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("No airstrikes were reported in the province.", "negated"),
        ("The group will attack the city next week.", "future"),
        ("The militants threatened to attack the base.", "intended"),
        ("If talks fail, the army could shell the town.", "hypothetical"),
        ("The government denied carrying out the airstrike.", "denied"),
        ("Opposition groups will hold a rally tomorrow.", "future"),
        ("The ceasefire is expected to be signed next week.", "intended"),
        ("Talks on a ceasefire continued in Geneva.", "intended"),
    ],
)
def test_non_events_are_dropped(base_nlp: Language, text: str, modality: str) -> None:
    assert mentions_of(base_nlp, text) == []
    kept = mentions_of(base_nlp, text, keep_non_events=True)
    assert kept and {mention.modality for mention in kept} == {modality}


def test_asserted_event_is_kept(base_nlp: Language) -> None:
    (mention,) = mentions_of(base_nlp, "Warplanes carried out an airstrike on the town.")
    assert mention.modality == "asserted"


def test_summary_statistic_is_generic(base_nlp: Language) -> None:
    mentions = mentions_of(base_nlp, "Airstrikes have killed thousands of civilians since 2011.")
    assert mentions and all(mention.generic for mention in mentions)
    assert primary_sub_event_type(mentions) is None


def test_explicit_year_is_kept_for_the_assembler(base_nlp: Language) -> None:
    text = "The 1994 massacre in the town is remembered every year."
    (mention,) = mentions_of(base_nlp, text, keep_non_events=True)
    assert mention.reference_year == 1994 and mention.confidence < 1.0
    # what is remembered happened before the report
    assert mention.modality == "background"


def test_primary_type_prefers_the_lead_and_the_specific(base_nlp: Language) -> None:
    text = (
        "A drone strike hit a convoy and gunmen then attacked the survivors. "
        "Protesters later rallied in the capital."
    )
    assert primary_sub_event_type(mentions_of(base_nlp, text)) == "Air/drone strike"


def test_disaster_and_attribution_topics(base_nlp: Language) -> None:
    doc = base_nlp("An earthquake struck the region. The group claimed responsibility for the bombing.")
    assert [category for category, _ in find_non_event_topics(doc)] == ["NATURAL_DISASTER", "ATTRIB"]


def test_seed_lead_is_an_air_strike(base_nlp: Language, shared_data: Path) -> None:
    text = (shared_data / "seed" / "idlib-2020-02-27.txt").read_text(encoding="utf-8")
    mentions = find_event_mentions(base_nlp(text))
    assert primary_sub_event_type(mentions) == "Air/drone strike"
    mixed = [m for m in mentions if "artillery strikes" in m.trigger.text]
    assert mixed and mixed[0].sub_event_type == "Shelling/artillery/missile attack"
    gains = [m for m in mentions if "territorial gains" in m.trigger.text]
    assert gains and gains[0].sub_event_type == "Government regains territory"
    accusation = [m for m in mentions if "drones" in m.trigger.text]
    assert not any(m.sub_event_type == "Air/drone strike" for m in accusation)


def test_compile_phrase_syntax(base_nlp: Language) -> None:
    strings = base_nlp.vocab.strings
    _tear, dash, _gas, gap, crowd = compile_phrase("tear -? gas ... crowd/NOUN", strings)
    assert isinstance(dash, TokenSpec) and dash.optional
    assert isinstance(gap, Gap) and gap.most == 5
    assert isinstance(crowd, TokenSpec) and crowd.pos == frozenset({POS_IDS["NOUN"]})
    # inflected forms listed in the lexicon also accept their base form (the tagger's lemma)
    (grenades,) = compile_phrase("grenades", strings)
    assert isinstance(grenades, TokenSpec) and strings["grenade"] in grenades.words


def test_matches_do_not_cross_sentences(base_nlp: Language) -> None:
    types = types_of(base_nlp, "The town was quiet on Sunday. Suicide prevention week began.")
    assert "Suicide bomb" not in types


def test_case_labels_cover_the_acled_types() -> None:
    mapped = {acled for acled in label_map().values() if acled}
    assert mapped == set(ACLED_SUB_EVENT_TYPES)


def test_case_scoring_weights_by_support() -> None:
    scores = score(["A", "A", "B", "X"], ["A", "B", "B", "A"], ["A", "B"])
    assert scores["per_class"]["A"]["support"] == 2  # type: ignore[index]
    assert 0 < float(scores["weighted_f1"]) < 1  # type: ignore[arg-type]


def test_classify_prefers_attribution_told_first(base_nlp: Language) -> None:
    doc = base_nlp("The group claimed responsibility for a car bomb that killed eight people.")
    mentions = find_event_mentions(doc)
    topics = [(category, span.start) for category, span in find_non_event_topics(doc)]
    acled_to_case = {acled: case for case, acled in label_map().items() if acled}
    assert classify(mentions, topics, acled_to_case) == "ATTRIB"


def test_case_loader_reads_the_columns(tmp_path: Path) -> None:
    path = tmp_path / "snippets.tsv"
    path.write_text("id\tEventSnippet\tSubType\n1\tA protest was held.\tPEACE_PROTEST\n", encoding="utf-8")
    assert load_items(path) == [("1", "A protest was held.", "PEACE_PROTEST")]


def test_disaster_deaths_are_not_attacks(base_nlp: Language) -> None:
    assert mentions_of(base_nlp, "The earthquake killed 40 people in the valley.") == []


def test_takeover_after_withdrawal_without_fighting_is_a_transfer(base_nlp: Language) -> None:
    text = "Rebels took control of the town after government troops withdrew from it without resistance."
    assert primary_sub_event_type(mentions_of(base_nlp, text)) == "Non-violent transfer of territory"


def test_takeover_with_fighting_stays_a_takeover(base_nlp: Language) -> None:
    text = "Rebels seized the town after heavy fighting with government troops."
    assert primary_sub_event_type(mentions_of(base_nlp, text)) == "Non-state actor overtakes territory"


def test_territorial_verbs_need_a_place(base_nlp: Language) -> None:
    types = types_of(base_nlp, "Rescuers in the city cleared rubble with bulldozers.")
    assert "Government regains territory" not in types


def test_air_strikes_are_not_labour_strikes(base_nlp: Language) -> None:
    text = "Air strikes hit the town on Monday. Clashes continued near the river."
    assert "Violent demonstration" not in types_of(base_nlp, text)


def test_weapon_named_without_use_is_no_attack(base_nlp: Language) -> None:
    text = "Moscow accused Ankara of providing artillery support and expanding its missile programme."
    assert "Shelling/artillery/missile attack" not in types_of(base_nlp, text)
    assert "Shelling/artillery/missile attack" in types_of(base_nlp, "Rockets hit the airport overnight.")


def test_chemical_weapons_count_only_when_used(base_nlp: Language) -> None:
    text = "Inspectors oversaw the destruction of the chemical weapons stockpile."
    assert "Chemical weapon" not in types_of(base_nlp, text)
    assert "Chemical weapon" in types_of(base_nlp, "Government forces used chemical weapons on the town.")


PLOVER_EVENTS = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip
PLOVER_MODES = {
    "ASSAULT": {"abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms",
                "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control",
                "unconventional"},
    "PROTEST": {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"},
    "COERCE": {"seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "RETREAT": {"withdraw", "release", "disarm", "ceasefire", "access", "resign"},
}  # fmt: skip


def test_lexicon_uses_plover_names() -> None:
    for row in load_tsv(*DATA_DIR, "triggers.tsv"):
        event, mode = row["plover_event"], row["plover_mode"]
        assert event == "-" or event in PLOVER_EVENTS, row["id"]
        assert mode == "-" or mode in PLOVER_MODES.get(event, set()), row["id"]


@pytest.mark.parametrize(
    "text",
    [
        "The clashes were the fiercest since a ceasefire was signed.",
        "The area has been calm since the army recaptured the town.",
        "Rebels had captured the town before the government offensive.",
        "Militants previously attacked the checkpoint.",
        "Both sides accused each other of a violation of the ceasefire.",
        "The ceasefire in the camp has collapsed.",
        "The truce in the camp broke down on Monday.",
    ],
)
def test_background_history_is_no_event(base_nlp: Language, text: str) -> None:
    kept = mentions_of(base_nlp, text, keep_non_events=True)
    background = [m for m in kept if m.modality == "background"]
    assert background
    assert not {m.trigger.start for m in background} & {m.trigger.start for m in mentions_of(base_nlp, text)}


def test_clashes_that_broke_out_are_no_background(base_nlp: Language) -> None:
    (mention,) = mentions_of(base_nlp, "Clashes broke out near the town on Friday.")
    assert mention.sub_event_type == "Armed clash"


def test_pluperfect_in_reported_speech_is_still_asserted(base_nlp: Language) -> None:
    mentions = mentions_of(base_nlp, "A commander said rebels had captured the town of Kafr.")
    assert "Non-state actor overtakes territory" in [m.sub_event_type for m in mentions]


def test_a_freeze_on_fighting_is_no_fighting(base_nlp: Language) -> None:
    assert "Armed clash" not in types_of(base_nlp, "A two-day freeze on fighting expired without renewal.")
    assert "Air/drone strike" not in types_of(base_nlp, "The government halted air strikes on the city.")


def test_such_an_assault_is_a_kind_not_an_event(base_nlp: Language) -> None:
    mentions = mentions_of(base_nlp, "Analysts said such an assault would displace thousands.")
    assert all(mention.generic for mention in mentions)
    assert primary_sub_event_type(mentions) is None


def test_capturing_a_person_in_a_relative_clause_is_not_territorial(base_nlp: Language) -> None:
    types = types_of(base_nlp, "Rebels said they killed a pilot they captured near the base.")
    assert not {"Non-state actor overtakes territory", "Government regains territory"} & set(types)


@pytest.mark.parametrize(
    "text",
    [
        "A woman arrived at a local hospital suffering from a gunshot wound on Sunday.",
        "The man was slain outside his home, police said.",
        "The robber struck the clerk in the head with a handgun and fled.",
        "A man was found dead in a field. Police said he had gunshot wounds.",
        "The robber hit all three women in the head with his small silver handgun.",
        "Gunfire erupted on Saturday night in a quiet neighborhood.",
    ],
)
def test_an_assault_told_by_its_outcome_is_an_attack(base_nlp: Language, text: str) -> None:
    assert "Attack" in types_of(base_nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "The retired teacher died from a self-inflicted gunshot wound, the coroner said.",
        "A hiker was found dead on the trail after the storm.",
    ],
)
def test_a_death_without_violence_is_no_attack(base_nlp: Language, text: str) -> None:
    assert types_of(base_nlp, text) == []


def test_being_called_to_a_shooting_is_no_intention(base_nlp: Language) -> None:
    # passive "called"/"advised" tell who was sent or told, as "said" does
    assert "Attack" in types_of(base_nlp, "Officers were called for a shooting around 11 a.m. Saturday.")
    assert "Attack" in types_of(base_nlp, "Deputies were advised that a clerk was shot in the store.")
    # an active call for an attack is still no event
    assert types_of(base_nlp, "The group called for a shooting of officials.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Syrian troops and pro-government gunmen repelled an offensive by rebels on Tuesday.",
        "The suicide attack killed 25 soldiers and pro-government gunmen.",
    ],
)
def test_a_doer_noun_that_is_a_side_of_another_event_is_no_event(base_nlp: Language, text: str) -> None:
    assert "Attack" not in types_of(base_nlp, text)


def test_gunmen_who_act_are_an_event(base_nlp: Language) -> None:
    assert types_of(base_nlp, "Gunmen opened fire on a bus on Monday.") == ["Attack"]


def test_a_group_told_as_newly_formed_is_a_description(base_nlp: Language) -> None:
    text = "The fighting is part of an offensive by a newly-formed coalition of rebel factions."
    formed = [m for m in mentions_of(base_nlp, text) if m.sub_event_type == "Change to group/activity"]
    assert formed and all(mention.generic for mention in formed)


def test_what_despite_presupposes_is_background(base_nlp: Language) -> None:
    text = "The violence comes despite an extension of a nationwide truce declared by the government."
    assert "Agreement" not in types_of(base_nlp, text)
    assert "Agreement" in types_of(base_nlp, "The government declared a nationwide truce on Monday.")

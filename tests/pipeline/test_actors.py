"""Actor mentions and their normalisation, on invented sentences parsed by the real model."""

from __future__ import annotations

import pytest
from spacy.language import Language

from khabar.model import Actor
from khabar.pipeline.actors import (
    dictionary_matches,
    find_actors,
    inter_for,
    interaction_code,
    matches_within,
    resolve_actor,
)

STORY = (
    "Fighting raged in Aleppo and near Homs on Monday. "
    "Twelve Turkish soldiers were wounded when regime forces shelled their outpost. "
    "Iran's foreign ministry condemned the attack, while the militants claimed it. "
    "Pro-government militias and ISIL fighters clashed, and Damascus denied any role. "
    "Civilians fled as Russian warplanes struck militant positions."
)


@pytest.fixture(scope="module")
def actors(base_nlp: Language) -> dict[str, Actor]:
    doc = base_nlp(STORY)
    return {mention.span.text: mention.actor for mention in find_actors(doc)}


def test_country_adjective_and_agent_name_state_forces(actors: dict[str, Actor]) -> None:
    actor = actors["Twelve Turkish soldiers"]
    assert (actor.name, actor.country, actor.inter, actor.sector) == (
        "Military Forces of Turkey",
        "TUR",
        1,
        "MIL",
    )


def test_generic_agents_take_the_dominant_country(actors: dict[str, Actor]) -> None:
    assert actors["regime forces"].name == "Military Forces of Syria"
    # the story names one insurgent group (ISIL): its 'militants' are that group
    assert actors["militants"].name == "Islamic State (Syria)"
    assert actors["militants"].inter == 2
    assert actors["Pro-government militias"].inter == 3
    assert actors["Civilians"].name == "Civilians (Syria)"


def test_possessive_country_with_ministry_is_the_government(actors: dict[str, Actor]) -> None:
    assert actors["Iran's foreign ministry"].name == "Government of Iran"


def test_named_group_and_capital_metonym(actors: dict[str, Actor]) -> None:
    assert any(actor.name == "Islamic State (Syria)" for actor in actors.values())
    assert actors["Damascus"].name == "Government of Syria"


def test_weapon_platform_needs_an_owner(actors: dict[str, Actor]) -> None:
    assert actors["Russian warplanes"].name == "Military Forces of Russia"
    assert actors["militant positions"].inter == 2


def test_capital_after_place_preposition_is_not_an_actor(base_nlp: Language) -> None:
    doc = base_nlp("Hundreds of protesters marched in Ankara on Sunday.")
    names = {mention.span.text: mention.actor.name for mention in find_actors(doc)}
    assert "Ankara" not in names
    assert names["protesters"] == "Protesters (Turkey)"


def test_resolve_actor_reads_a_bare_country_as_its_military(base_nlp: Language) -> None:
    doc = base_nlp("Turkey launched strikes against targets in Syria.")
    actor = resolve_actor(doc[0:1], doc)
    assert actor is not None and actor.name == "Military Forces of Turkey"
    assert resolve_actor(doc[0:1], doc, bare_country=None) is None


def test_inter_is_external_for_state_forces_abroad() -> None:
    turkish = Actor(name="Military Forces of Turkey", country="TUR", inter=1)
    assert inter_for(turkish, "SYR") == 8
    assert inter_for(turkish, "TUR") == 1
    assert inter_for(Actor(name="Rebel groups (Syria)", country="SYR", inter=2), "TUR") == 2


def test_interaction_code_sorts_and_pads_a_lone_actor() -> None:
    assert interaction_code(8, 1) == 18
    assert interaction_code(2, 7) == 27
    assert interaction_code(3, None) == 30
    assert interaction_code(None, None) is None


def test_matches_within_a_span_are_the_hits_inside_it_in_order(base_nlp: Language) -> None:
    doc = base_nlp(STORY)
    every = dictionary_matches(doc)
    assert len(every) > 5
    for start in range(len(doc)):
        for end in range(start + 1, min(len(doc), start + 8) + 1):
            inside = [m for m in every if m.start >= start and m.end <= end]
            assert matches_within(doc, start, end) == inside


def _resolve_whole(nlp: Language, text: str) -> Actor | None:
    doc = nlp(text)
    return resolve_actor(doc[:], doc)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Iraqi soldiers", "IRQ"),  # a country whose Phoenix code is dated
        ("Ukrainian police", "UKR"),
        ("the Armenian Prime Minister", "ARM"),  # an adjective only the demonym table has
    ],
)
def test_every_country_and_its_adjective_name_the_country(
    base_nlp: Language, text: str, country: str
) -> None:
    actor = _resolve_whole(base_nlp, text)
    assert actor is not None and actor.country == country


def test_an_excluded_alias_names_nothing(base_nlp: Language) -> None:
    doc = base_nlp("Government troops advanced, SANA reported. The World Health Organization said so.")
    keys = {match.key for match in dictionary_matches(doc)}
    assert "YEM" not in keys and "Tanzim" not in keys


def test_a_leader_stands_for_the_state_and_gives_an_agent_its_country(base_nlp: Language) -> None:
    regime = _resolve_whole(base_nlp, "the Assad regime")
    assert regime is not None and regime.name == "Military Forces of Syria"
    leader = _resolve_whole(base_nlp, "Vladimir Putin")
    assert leader is not None and leader.name == "Government of Russia"


def test_a_country_named_alone_is_an_actor_only_as_a_subject(base_nlp: Language) -> None:
    def named(text: str) -> dict[str, str | None]:
        return {m.span.text: m.actor.name for m in find_actors(base_nlp(text))}

    assert named("Israel said it had bombed a convoy.") == {"Israel": "Government of Israel"}
    assert named("Turkey shelled the village.")["Turkey"] == "Military Forces of Turkey"
    assert "Syria" not in named("Hospitals in Syria were hit.")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("the IDF", "Military Forces of Israel"),  # a state force's own name
        ("the People's Liberation Army", "Military Forces of China"),  # a name holding 'army'
        ("Russia's Black Sea Fleet", "Military Forces of Russia"),
        ("Syrian mercenaries", "Unidentified Armed Group (Syria)"),
    ],
)
def test_state_forces_by_name_and_fleets_and_mercenaries(base_nlp: Language, text: str, name: str) -> None:
    actor = _resolve_whole(base_nlp, text)
    assert actor is not None and actor.name == name


def test_a_backer_country_is_not_the_groups_country(base_nlp: Language) -> None:
    doc = base_nlp("Turkish-backed rebels shelled villages near Aleppo in Syria.")
    rebels = {m.span.text: m.actor for m in find_actors(doc)}["Turkish-backed rebels"]
    assert rebels.name == "Rebel groups (Syria)"


def test_a_former_office_holder_is_a_civilian(base_nlp: Language) -> None:
    former = _resolve_whole(base_nlp, "the former Syrian minister")
    assert former is not None and former.name == "Civilians (Syria)"
    forces = _resolve_whole(base_nlp, "former regime forces in Syria")
    assert forces is not None and forces.name == "Military Forces of Syria"


def test_a_dateline_is_no_actor(base_nlp: Language) -> None:
    text = "The toll rose. MOSCOW (Sputnik) Gunmen attacked a checkpoint near Aleppo."
    doc = base_nlp(text)
    assert "MOSCOW" not in {mention.span.text for mention in find_actors(doc)}
    start = text.index("MOSCOW")
    assert resolve_actor(doc.char_span(start, text.index(")") + 1), doc) is None
    doc = base_nlp("MOSCOW said the strike hit rebels.")
    assert "MOSCOW" in {mention.span.text for mention in find_actors(doc)}


def test_a_group_behind_another_is_not_the_actor(base_nlp: Language) -> None:
    doc = base_nlp("The al-Qaeda-linked Nusra Front attacked police stations in Idlib.")
    names = {mention.span.text: mention.actor.name for mention in find_actors(doc)}
    assert names["al-Qaeda-linked Nusra Front"] == "Jabhat al-Nusra"


def test_a_group_named_by_the_country_it_acts_in(base_nlp: Language) -> None:
    syria = base_nlp("Fighting went on in Aleppo and Homs. ISIS fighters attacked a checkpoint near Aleppo.")
    iraq = base_nlp("Fighting went on in Mosul and Baghdad. ISIS fighters attacked a checkpoint near Mosul.")
    assert _names(syria)["ISIS fighters"] == ("Islamic State (Syria)", "SYR")
    assert _names(iraq)["ISIS fighters"] == ("Islamic State (Iraq)", "IRQ")


def test_a_groups_name_of_its_period(base_nlp: Language) -> None:
    doc = base_nlp("Jabhat Fateh al-Sham fighters shelled Hama. Hayat Tahrir al-Sham fighters shelled Homs.")
    names = [mention.actor.name for mention in find_actors(doc)]
    assert "Jabhat Fateh al-Sham" in names and "Hayat Tahrir al-Sham" in names


def test_who_holds_a_place_is_no_actor(base_nlp: Language) -> None:
    doc = base_nlp("Warplanes struck a government-held village and rebel-controlled areas near Homs.")
    texts = {mention.span.text for mention in find_actors(doc)}
    assert not any("held" in text or "controlled" in text for text in texts)
    assert _resolve_whole(base_nlp, "government forces in Syria") is not None


def test_the_first_of_coordinated_countries_is_the_actor(base_nlp: Language) -> None:
    doc = base_nlp("Syrian and Russian warplanes struck Idlib. Russian and Syrian jets hit Aleppo.")
    names = [mention.actor.name for mention in find_actors(doc)]
    assert names[:2] == ["Military Forces of Syria", "Military Forces of Russia"]


def test_a_us_led_strike_is_the_coalitions(base_nlp: Language) -> None:
    doc = base_nlp("US-led strikes killed 20 jihadists in Raqqa, Syria.")
    names = {mention.span.text: mention.actor.name for mention in find_actors(doc)}
    assert names["US-led strikes"] == "International Coalition"


def _names(doc) -> dict[str, tuple[str | None, str | None]]:  # type: ignore[no-untyped-def]
    return {mention.span.text: (mention.actor.name, mention.actor.country) for mention in find_actors(doc)}


def test_generic_militants_are_the_one_insurgent_group_the_report_names(base_nlp: Language) -> None:
    one = base_nlp("ISIS seized a village near Raqqa. Air strikes killed 20 militants in Raqqa, Syria.")
    two = base_nlp("ISIS and the Nusra Front fought near Raqqa. Air strikes killed 20 militants in Raqqa.")
    assert _names(one)["20 militants"][0] == "Islamic State (Syria)"
    assert _names(two)["20 militants"][0] == "Unidentified Armed Group (Syria)"


def test_a_country_that_takes_the_article_after_of(base_nlp: Language) -> None:
    doc = base_nlp("American troops and Dutch soldiers shelled a village near Mosul.")
    names = [mention.actor.name for mention in find_actors(doc)]
    assert "Military Forces of the United States" in names
    assert "Military Forces of the Netherlands" in names


def test_armed_forces_are_no_backing(base_nlp: Language) -> None:
    doc = base_nlp("Turkish Armed Forces shelled a village in Syria. Turkish-armed rebels attacked Aleppo.")
    names = {mention.span.text: mention.actor.name for mention in find_actors(doc)}
    assert names["Turkish Armed Forces"] == "Military Forces of Turkey"
    assert names["Turkish-armed rebels"] == "Rebel groups (Syria)"


def test_a_local_phrase_is_the_group_it_means_in_the_reports_war(base_nlp: Language) -> None:
    syria = base_nlp("Kurdish forces shelled a village near Aleppo. Fighting went on in Homs, Syria.")
    iraq = base_nlp("Kurdish fighters clashed with Iraqi troops in Kirkuk. Fighting went on in Mosul, Iraq.")
    assert _names(syria)["Kurdish forces"][0] == "People's Protection Units"
    assert _names(iraq)["Kurdish fighters"][0] == "Unidentified Armed Group (Iraq)"


def test_a_capital_inside_a_place_phrase_is_no_government(base_nlp: Language) -> None:
    doc = base_nlp("Shells hit the outskirts of Damascus. Damascus denied the report.")
    names = {mention.span.text: mention.actor.name for mention in find_actors(doc)}
    assert "the outskirts of Damascus" not in names and "outskirts of Damascus" not in names
    assert names["Damascus"] == "Government of Syria"


def test_rebel_groups_of_the_syrian_war_by_name(base_nlp: Language) -> None:
    doc = base_nlp("The Army of Conquest and Faylaq al-Sham attacked the PYD militia near Aleppo, Syria.")
    names = [mention.actor.name for mention in find_actors(doc)]
    assert {"Jaish al-Fatah", "Faylaq al-Sham", "People's Protection Units"} <= set(names)


def test_sides_named_by_their_stance_and_civilians_by_their_work(base_nlp: Language) -> None:
    doc = base_nlp(
        "Pro-Turkish rebels and pro-government fighters clashed near Aleppo, Syria. "
        "Anti-regime forces held the town. Warplanes hit rescue workers and a civil defense official."
    )
    names = {mention.span.text: mention.actor.name for mention in find_actors(doc)}
    assert names["Pro-Turkish rebels"] == "Rebel groups (Syria)"
    assert names["pro-government fighters"] == "Pro-Government Militia (Syria)"
    assert names["Anti-regime forces"] == "Rebel groups (Syria)"
    assert names["rescue workers"] == "Civilians (Syria)"
    assert names["civil defense official"] == "Civilians (Syria)"


def test_a_group_without_a_branch_in_the_reports_country_is_its_home_branch(base_nlp: Language) -> None:
    doc = base_nlp("A blast hit a cafe in Ankara and Istanbul police said ISIS fighters planted the bomb.")
    assert _names(doc)["ISIS fighters"] == ("Islamic State (Syria)", "SYR")


def test_a_country_leading_others_is_its_military_or_the_named_coalition(base_nlp: Language) -> None:
    doc = base_nlp("Saudi-led jets struck a school. US-led strikes hit a bridge.")
    saudi = resolve_actor(doc[0:3], doc)
    coalition = resolve_actor(doc[8:11], doc)
    assert saudi is not None and saudi.name == "Military Forces of Saudi Arabia"
    assert coalition is not None and coalition.name == "International Coalition"


def test_abbreviated_names_written_in_capitals_match(base_nlp: Language) -> None:
    # the tokenizer keeps 'U.S.' whole but splits the table's 'u.s.'
    doc = base_nlp("U.S. troops and U.S.-led coalition jets shelled the ridge, the U.N. said.")
    names = {mention.span.text: mention.actor.name for mention in find_actors(doc)}
    assert names["U.S. troops"] == "Military Forces of the United States"
    assert names["U.S.-led coalition jets"] == "International Coalition"
    assert "United Nations" in names.values()

"""Strikes told in state-media round-ups: fire told by what it hit, sorties, and what a fight destroyed.

Texts written for these tests.
"""

from __future__ import annotations

import datetime as dt

from report_helpers import events_of
from spacy.language import Language

from khabar.pipeline.places import find_places


def types_of(nlp: Language, text: str) -> list[str]:
    return [
        mention.sub_event_type
        for mention in nlp(text)._.event_mentions
        if mention.modality == "asserted" and not mention.generic
    ]


def test_army_units_targeting_positions_is_shelling(nlp: Language) -> None:
    types = types_of(nlp, "Army units targeted the positions of the militants in the village on Monday.")
    assert types == ["Shelling/artillery/missile attack"]


def test_the_air_force_destroying_vehicles_of_militants_is_an_air_strike(nlp: Language) -> None:
    text = "The air force destroyed dozens of vehicles of the militants near the town on Monday."
    types = types_of(nlp, text)
    assert "Air/drone strike" in types
    assert "Looting/property destruction" not in types


def test_air_force_sorties_are_air_strikes(nlp: Language) -> None:
    types = types_of(nlp, "The air force conducted sorties on the hideouts of the militants on Monday.")
    assert "Air/drone strike" in types


def test_vehicles_destroyed_in_clashes_are_part_of_the_clash(nlp: Language) -> None:
    text = "Rebels killed ten soldiers and destroyed four army vehicles in clashes near the town on Monday."
    types = types_of(nlp, text)
    assert "Shelling/artillery/missile attack" not in types
    assert "Armed clash" in types


def test_rioters_burning_houses_stay_property_destruction(nlp: Language) -> None:
    types = types_of(nlp, "Rioters burned houses and shops in the town on Monday.")
    assert "Shelling/artillery/missile attack" not in types


def test_a_round_up_lead_spread_across_the_country_is_no_event_of_one_place(nlp: Language) -> None:
    text = (
        "Army units continued on Monday their operations against the terrorists across the country, "
        "killing many of them."
    )
    mentions = nlp(text)._.event_mentions
    assert mentions and all(mention.generic for mention in mentions)


def test_a_strike_of_one_place_stays_an_event(nlp: Language) -> None:
    mentions = nlp("Army units killed many of the terrorists in the village on Monday.")._.event_mentions
    assert any(not mention.generic for mention in mentions)


def test_a_region_of_several_countries_is_no_place_of_an_event(nlp: Language) -> None:
    text = (
        "The army targeted the positions of al-Nusra Front (Qaeda branch in the Levant) in the town "
        "of Khan Sheikhoun on Monday."
    )
    events = events_of(nlp, text, dt.date(2016, 4, 22))
    names = [location.name for event in events for location in event.locations]
    assert names and "Levant" not in names


def test_towns_listed_without_commas_after_a_type_word_are_all_places(base_nlp: Language) -> None:
    text = (
        "The air force destroyed vehicles of the terrorists in the villages of Kafr Zita Khan "
        "Sheikhoun and Morek in the countryside of Hama."
    )
    names = {mention.place.name for mention in find_places(base_nlp(text))}
    assert {"Kafr Zayta", "Khan Shaykhun", "Murak"} <= names


def test_a_name_right_after_a_place_with_no_list_word_is_no_place_of_the_list(base_nlp: Language) -> None:
    names = {mention.span.text for mention in find_places(base_nlp("Clashes in Aleppo Mohammed Ali said."))}
    assert "Ali" not in names


def test_army_special_operations_against_positions_are_an_armed_clash(nlp: Language) -> None:
    text = "Army units carried out special operations against the positions of the terrorists in the town."
    assert "Armed clash" in types_of(nlp, text)


def test_a_month_long_offensive_is_a_campaign_not_an_event_of_a_day(nlp: Language) -> None:
    mentions = nlp("The town has faced a month-long offensive by Kurdish and Arab fighters.")._.event_mentions
    assert mentions and all(mention.generic for mention in mentions)


def test_an_hours_long_battle_stays_an_event_of_its_day(nlp: Language) -> None:
    text = "Rebels and troops fought an hours-long battle for the town on Monday."
    assert "Armed clash" in types_of(nlp, text)


def test_what_troops_had_been_battling_since_a_date_is_no_event_of_a_day(nlp: Language) -> None:
    text = "Government troops had been battling since June 25 to push the militants out of the city."
    mentions = nlp(text)._.event_mentions
    assert mentions and all(mention.generic for mention in mentions)


def test_seizures_across_large_parts_of_a_country_sum_up_a_campaign(nlp: Language) -> None:
    text = "The alliance has seized territory from the militants across large parts of northern Syria."
    assert types_of(nlp, text) == []


def test_a_town_told_by_a_bare_direction_beats_its_province(nlp: Language) -> None:
    text = (
        "The Syrian Air Force carried out airstrikes on militants north of Palmyra city in the eastern "
        "countryside of Homs province on Friday."
    )
    events = events_of(nlp, text, dt.date(2016, 4, 22))
    assert [[location.name for location in event.locations] for event in events] == [["Tadmur"]]


def test_a_town_told_at_a_distance_stays_a_landmark_beside_its_province(nlp: Language) -> None:
    text = (
        "The Syrian Air Force carried out airstrikes on militants 80 km north of Palmyra city in the "
        "eastern countryside of Homs province on Friday."
    )
    events = events_of(nlp, text, dt.date(2016, 4, 22))
    names = [location.name for event in events for location in event.locations]
    assert names and "Tadmur" not in names


def test_headlines_after_a_page_s_latest_updates_are_no_events(nlp: Language) -> None:
    text = (
        "Rebels shelled the town of Azaz on Monday, killing two people. Category News Latest updates "
        "Idlib Clashes in Aleppo kill ten soldiers Bombing in Homs wounds five."
    )
    events = events_of(nlp, text, dt.date(2016, 7, 12))
    assert [[location.name for location in event.locations] for event in events] == [["Izaz"]]


def test_villages_listed_after_a_province_s_seat_are_places_of_the_round_up_s_strike(nlp: Language) -> None:
    text = (
        "Army units backed by the air force destroyed gatherings of the terrorists in the countryside "
        "of Hama and Idleb on Sunday. In the southern countryside of Idleb the air force destroyed "
        "vehicles of the terrorists in the villages of Kafr Nabl and Khan Sheikhoun."
    )
    events = events_of(nlp, text, dt.date(2016, 11, 27))
    names = {location.name for event in events for location in event.locations}
    assert {"Kafranbel", "Khan Shaykhun"} <= names


def test_a_source_announcing_what_army_units_did_forms_no_group(nlp: Language) -> None:
    text = "A military source announced on Sunday that army units established full control over the town."
    assert "Change to group/activity" not in types_of(nlp, text)


def test_announcing_the_formation_of_an_alliance_is_a_change_to_group(nlp: Language) -> None:
    text = "Five rebel factions announced the formation of a new alliance in the north on Sunday."
    assert "Change to group/activity" in types_of(nlp, text)


def test_a_suicide_car_bomb_hitting_a_convoy_is_the_bombing_not_shelling(nlp: Language) -> None:
    text = "A suicide car bomb hit a convoy of buses carrying evacuees, killing 40 people on Saturday."
    types = types_of(nlp, text)
    assert "Suicide bomb" in types
    assert "Shelling/artillery/missile attack" not in types


def test_a_roadside_bomb_hitting_an_army_convoy_is_no_shelling(nlp: Language) -> None:
    text = "A roadside bomb hit an army convoy near the town on Monday, killing three soldiers."
    types = types_of(nlp, text)
    assert "Shelling/artillery/missile attack" not in types
    assert "Remote explosive/landmine/IED" in types

"""Actors as the events stage assigns them, on invented sentences through the whole pipeline."""

from __future__ import annotations

from spacy.language import Language

from khabar.pipeline.report_country import report_country


def test_an_agent_modifying_another_word_of_the_trigger_is_the_attacker(nlp: Language) -> None:
    doc = nlp("Monday regime air strikes killed nine people in Aleppo, medics said.")
    assert [event.actor1.name for event in doc._.events] == ["Military Forces of Syria"]


def test_news_agencies_and_monitors_are_no_places(nlp: Language) -> None:
    doc = nlp("Shelling hit a market in Homs, SANA reported. The Observatory said five died.")
    assert [mention.span.text for mention in doc._.places] == ["Homs"]


def test_a_speaking_capital_counts_less_than_where_things_happen(nlp: Language) -> None:
    doc = nlp("Washington said jets bombed a hospital in Aleppo.")
    assert report_country(doc) == "SYR"


def test_a_foreign_border_named_as_a_landmark_leaves_the_event_in_the_reports_country(
    nlp: Language,
) -> None:
    doc = nlp(
        "Shelling in Idlib killed three people. "
        "An explosion killed seven people near the border with Turkey on Friday."
    )
    blast = doc._.events[-1]
    assert [location.country for location in blast.locations] == ["SYR"]
    assert blast.actor1.name == "Unidentified Armed Group (Syria)"


def test_an_unnamed_perpetrator_belongs_to_the_country_of_the_event(nlp: Language) -> None:
    doc = nlp(
        "Britain's foreign secretary cancelled a visit to Moscow "
        "after the gas attack in Syria killed 70 people."
    )
    attack = doc._.events[0]
    assert attack.locations[0].country == "SYR"
    assert attack.actor1.name == "Unidentified Armed Group (Syria)"


def test_a_foreign_country_outside_a_place_phrase_is_not_where_the_event_happened(nlp: Language) -> None:
    doc = nlp(
        "Shelling in Idlib killed three people on Monday. "
        "A car bomb killed four people on Tuesday after talks with the United States."
    )
    bomb = doc._.events[-1]
    assert [location.country for location in bomb.locations] == ["SYR"]
    assert bomb.actor1.name == "Unidentified Armed Group (Syria)"


def test_those_counted_among_the_dead_are_the_target(nlp: Language) -> None:
    doc = nlp("A car bomb exploded in a market in Homs on Monday, killing nine civilians, a monitor said.")
    assert [event.actor2.name for event in doc._.events] == ["Civilians (Syria)"]
    assert doc._.events[0].actor2.inter == 7


def test_the_owner_of_the_aircraft_is_the_striker(nlp: Language) -> None:
    doc = nlp("Ten civilians were killed on Tuesday when Russian warplanes struck a town near Aleppo.")
    strike = next(event for event in doc._.events if event.sub_event_type == "Air/drone strike")
    assert (strike.actor1.name, strike.actor1.inter) == ("Military Forces of Russia", 8)


def test_a_regime_that_bombs_is_coded_as_its_forces(nlp: Language) -> None:
    doc = nlp("The Syrian regime bombed the town of Douma in Eastern Ghouta on Sunday, killing 19 civilians.")
    assert doc._.events[0].actor1.name == "Military Forces of Syria"
    assert doc._.events[0].actor1.sector == "MIL"


def test_the_group_whose_members_were_counted_is_the_target(nlp: Language) -> None:
    doc = nlp("Syrian air raids on Raqqa killed at least 20 members of ISIS on Wednesday, a monitor said.")
    assert doc._.events[0].actor2.name == "Islamic State (Syria)"


def test_the_fallen_of_a_clash_are_one_of_its_sides(nlp: Language) -> None:
    doc = nlp("At least ten Syrian soldiers were killed on Tuesday in clashes with ISIS near Deir Ezzor.")
    clash = next(event for event in doc._.events if event.sub_event_type == "Armed clash")
    assert {clash.actor1.name, clash.actor2.name} == {"Military Forces of Syria", "Islamic State (Syria)"}


def test_the_one_state_whose_aircraft_the_report_names_is_the_striker(nlp: Language) -> None:
    doc = nlp(
        "Air strikes on two hospitals near Idlib killed ten people on Thursday, a monitor said. "
        "Russian aircraft had been seen over the province since dawn, residents said."
    )
    strike = next(event for event in doc._.events if event.sub_event_type == "Air/drone strike")
    assert strike.actor1.name == "Military Forces of Russia"
    bare = nlp("Air strikes on a market near Idlib killed ten people. Air forces are active in the area.")
    strikes = [event for event in bare._.events if event.sub_event_type == "Air/drone strike"]
    assert all(event.actor1.name != "Military Forces of Syria" for event in strikes)


def test_a_state_named_on_its_missiles_or_shells_is_the_attacker(nlp: Language) -> None:
    doc = nlp("Israeli missiles hit an air base near Homs on Sunday, killing four soldiers.")
    assert [event.actor1.name for event in doc._.events] == ["Military Forces of Israel"]
    doc = nlp("Turkish shells hit a village near Afrin on Sunday, killing four civilians.")
    assert [event.actor1.name for event in doc._.events] == ["Military Forces of Turkey"]
    # a weapon alone names nobody: the perpetrator stays unidentified
    doc = nlp("Missiles hit an air base near Homs on Sunday, killing four soldiers.")
    assert [event.actor1.name for event in doc._.events] == ["Unidentified Armed Group (Syria)"]


def test_civilians_of_no_told_nationality_are_those_of_the_country_where_they_were_hit(nlp: Language) -> None:
    doc = nlp(
        "Rockets fired from Gaza hit the Israeli town of Sderot on Monday, wounding two people. "
        "Gaza residents said jets later struck a house in Gaza City, wounding five children."
    )
    hit = {event.locations[0].name: event.actor2.name for event in doc._.events}
    assert hit["Sderot"] == "Civilians (Israel)"


def test_civilians_of_a_told_nationality_keep_it_where_they_were_hit(nlp: Language) -> None:
    doc = nlp("Shells hit the Turkish border town of Kilis on Sunday, killing three Syrian refugees.")
    assert [event.actor2.name for event in doc._.events] == ["Civilians (Syria)"]


def test_armed_men_killing_armed_men_fought_a_clash_unless_the_killed_were_defenceless(nlp: Language) -> None:
    doc = nlp("Gunmen killed four soldiers at a checkpoint in Homs on Monday.")
    assert [(event.sub_event_type, event.actor2.name) for event in doc._.events] == [
        ("Armed clash", "Military Forces of Syria")
    ]
    doc = nlp("Islamic State militants executed three officers of the rebel Free Syrian Army on Friday.")
    assert [event.sub_event_type for event in doc._.events] == ["Attack"]


def test_the_holder_of_the_ground_assailed_is_the_other_side(nlp: Language) -> None:
    doc = nlp("Syrian rebel forces advanced into a regime-held district in Aleppo on Monday after fighting.")
    clash = doc._.events[0]
    assert clash.actor1.name == "Rebel groups (Syria)"
    assert clash.actor2.name == "Military Forces of Syria"


def test_a_holder_of_the_attackers_own_side_or_no_armed_side_is_no_target(nlp: Language) -> None:
    doc = nlp(
        "Syrian rebel forces pushed out of their rebel-held district in Aleppo on Monday after heavy "
        "fighting, the activist-run Aleppo Media Center said."
    )
    assert [event.actor2.name for event in doc._.events if event.actor1.name] == [None]


def test_civilians_are_never_the_perpetrators_of_armed_violence(nlp: Language) -> None:
    doc = nlp(
        "Nine people killed 12 injured in terrorist attack in Aleppo city. "
        "Terrorist groups fired rocket shells on the neighborhoods of Aleppo city."
    )
    assert [event.actor1.name for event in doc._.events] == ["Unidentified Armed Group (Syria)"]

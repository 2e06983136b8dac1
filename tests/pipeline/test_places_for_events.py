"""Which places named with an event are where it happened (origins, descriptors, landmarks)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from khabar.model import EventMention, Place, PlaceMention, Span
from khabar.pipeline.places_for_events import place_role, places_of_event


def mention_in(base_nlp: Language, text: str, name: str) -> tuple[object, PlaceMention]:
    doc = base_nlp(text)
    start = text.index(name)
    place = Place(name, 35.0, 37.0, "SYR", feature="town")
    return doc, PlaceMention(Span.of(text, start, start + len(name)), place)


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("The strike was carried out by a jet that took off from Hama airbase.", "Hama", "origin"),
        ("Rockets fired from Gaza hit the town overnight.", "Gaza", "origin"),
        ("The US-backed forces shelled the village.", "US", "descriptor"),
        ("A monitor based in London said ten people were killed.", "London", "descriptor"),
        ("Clashes broke out in Saraqib, east of Aleppo, on Friday.", "Aleppo", "landmark"),
        ("Clashes broke out in Saraqib, east of Aleppo, on Friday.", "Saraqib", None),
        ("An air strike hit a market in Ariha on Thursday.", "Ariha", None),
        ("Rebels seized a village near the border with Turkey.", "Turkey", "landmark"),
        ("The evacuation deal was brokered by Qatar on Monday.", "Qatar", "descriptor"),
        ("A bomb hit a police station in Inkhil on Monday.", "Inkhil", None),
        ("Fighters of the Islamic State of Iraq and the Levant attacked the town.", "Iraq", "descriptor"),
        ("Fighters attacked the town in Iraq on Monday.", "Iraq", None),
        ("Syria's Idlib province was shelled on Monday.", "Syria", None),
        ("BEIRUT (Reuters) - Jets struck a convoy near Homs on Tuesday.", "BEIRUT", "dateline"),
        ("Clashes went on.\nALEPPO, Syria, March 3 (AP) \u2014 Jets struck the town.", "ALEPPO", "dateline"),
        ("Aleppo, the largest city, was shelled on Tuesday.", "Aleppo", None),
        (
            "Evacuees from the towns of Foua and Kefraya were killed when a bomb hit their buses.",
            "Foua",
            "origin",
        ),
        ("Thousands of evacuees from Madaya waited at the crossing when the blast hit.", "Madaya", "origin"),
        ("A bomb hit buses carrying residents from the towns of Foua and Kefraya.", "Foua", "origin"),
        ("Shelling hit the town of Foua on Monday, killing three residents.", "Foua", None),
        ("Many residents of Foua lost their lives after the bombing.", "Foua", "belonging"),
        ("The people of the town of Foua mourned the dead on Sunday.", "Foua", "belonging"),
        ("Aleppo residents fled the shelling on Monday.", "Aleppo", "belonging"),
        ("Jets struck a market in Raqqa on Monday, killing ten residents.", "Raqqa", None),
    ],
)
def test_place_role(base_nlp: Language, text: str, name: str, role: str | None) -> None:
    doc, mention = mention_in(base_nlp, text, name)
    assert place_role(doc, mention) == role  # type: ignore[arg-type]


def test_a_nationality_on_the_trigger_names_the_attacker(base_nlp: Language) -> None:
    text = "Russian air strikes killed 14 civilians in Mayadin."
    doc, russian = mention_in(base_nlp, text, "Russian")
    russian.place.feature = "country"  # the place stage reads a nationality as its country
    _, town = mention_in(base_nlp, text, "Mayadin")
    trigger = span_of(text, "air strikes")
    doc._.event_mentions = [EventMention(trigger, "Air/drone strike", span_of(text, text))]  # type: ignore[attr-defined]
    assert place_role(doc, russian) == "descriptor"  # type: ignore[arg-type]
    assert place_role(doc, town) is None  # type: ignore[arg-type]


def span_of(text: str, part: str) -> Span:
    start = text.index(part)
    return Span.of(text, start, start + len(part))


def test_a_landmark_stays_when_no_other_place_is_told(base_nlp: Language) -> None:
    text = "Clashes broke out 20 km north of Aleppo on Friday, near Saraqib."
    doc, landmark = mention_in(base_nlp, text, "Aleppo")
    _, town = mention_in(base_nlp, text, "Saraqib")
    assert places_of_event(doc, [landmark, town]) == [town]  # type: ignore[arg-type]
    assert places_of_event(doc, [landmark]) == [landmark]  # type: ignore[arg-type]


def _places_for_verb(nlp: Language, text: str, verb: str) -> list[str]:
    from khabar.pipeline.places_for_events import places_for_trigger

    doc = nlp(text)
    start = text.index(verb)
    trigger = doc.char_span(start, start + len(verb), alignment_mode="expand")
    others = [
        span
        for m in doc._.event_mentions or []
        if (span := doc.char_span(m.trigger.start, m.trigger.end, alignment_mode="expand")) is not None
        and span.start != trigger.start
    ]
    return [mention.span.text for mention in places_for_trigger(doc, trigger, others)]


def test_a_noun_trigger_of_the_verb_s_clause_passes_its_place_to_the_verb(nlp: Language) -> None:
    # "attacks" governs "Palmyra", but it retells the killing: the place is the verb's too
    text = "More than 100 fighters were killed in renewed attacks by the army in the city of Palmyra."
    assert _places_for_verb(nlp, text, "killed") == ["Palmyra"]


def test_a_locative_place_of_the_trigger_wins_over_one_linked_otherwise(nlp: Language) -> None:
    text = (
        "Jets bombed the camp inside Sudan on Sunday, the rebel leader said, reached by telephone from Cairo."
    )
    assert _places_for_verb(nlp, text, "bombed") == ["Sudan"]


def test_a_country_as_the_subject_acts_and_a_world_region_holds_the_town(nlp: Language) -> None:
    assert _places_for_verb(nlp, "Turkey shelled Kurdish positions in Afrin on Monday.", "shelled") == [
        "Afrin"
    ]
    text = "Gunmen killed six people in Srebrenica, the worst attack in Europe this year."
    assert _places_for_verb(nlp, text, "killed") == ["Srebrenica"]


def test_a_town_inside_the_province_told_in_the_locative_phrase_refines_it(nlp: Language) -> None:
    # the town hangs on "part of", outside the locative phrase, but lies in the province told there
    text = (
        "Eleven civilians were killed in air strikes on Tuesday in the village of Umm Qarwa part of the "
        "city of Manbij in the governorate of Aleppo."
    )
    assert _places_for_verb(nlp, text, "killed") == ["Manbij"]


def test_the_ledger_places_an_event_where_the_event_place_rule_does(nlp: Language) -> None:
    from khabar.pipeline.places_for_events import event_places

    text = "Gunmen shot dead two guards outside a bank in Homs on Monday, police in Damascus said."
    doc = nlp(text)
    triggers = [doc.char_span(m.trigger.start, m.trigger.end) for m in doc._.event_mentions]
    ruled = {place.place.name for places in event_places(doc, triggers) for place in places}
    coded = {location.name for event in doc._.events for location in event.locations}
    assert ruled == coded == {"Homs"}


def test_a_province_on_the_trigger_is_where_it_happened(base_nlp: Language) -> None:
    text = "Twenty rebels died in the Helmand battle on Monday."
    doc, province = mention_in(base_nlp, text, "Helmand")
    province.place.feature = "admin1"
    doc._.event_mentions = [EventMention(span_of(text, "battle"), "Armed clash", span_of(text, text))]  # type: ignore[attr-defined]
    assert place_role(doc, province) is None  # type: ignore[arg-type]


def test_the_city_named_on_a_neighbourhood_word_only_locates_the_neighbourhood(nlp: Language) -> None:
    text = "In the south Baghdad neighbourhood of Dora, a roadside bomb killed one civilian."
    assert _places_for_verb(nlp, text, "killed") == ["Dora"]


def test_an_unknown_neighbourhood_s_event_is_placed_in_the_city_that_holds_it(nlp: Language) -> None:
    # the capital after 'neighbourhood of' is the city, not the government it may stand for
    text = "Clashes erupted between rebels and the army in the Qaboun neighbourhood of Damascus on Monday."
    doc = nlp(text)
    assert [(loc.name, loc.precision) for event in doc._.events for loc in event.locations] == [
        ("Damascus", "town")
    ]


def test_a_known_neighbourhood_is_kept_before_the_city_that_holds_it(nlp: Language) -> None:
    text = "Clashes erupted between rebels and the army in the Jobar neighborhood of Damascus on Monday."
    doc = nlp(text)
    assert [loc.name for event in doc._.events for loc in event.locations] == ["Jobar"]


def test_a_place_owning_an_actor_says_whose_it_is(nlp: Language) -> None:
    assert _places_for_verb(nlp, "Mexico's army has captured a cartel leader.", "captured") == []
    text = "Mexico's army has captured a cartel leader in Sinaloa."
    assert _places_for_verb(nlp, text, "captured") == ["Sinaloa"]


def test_a_trigger_of_another_sentence_changes_no_trigger_s_places(nlp: Language) -> None:
    """``event_places`` asks only a sentence's own triggers whether they retell an event: each
    trigger's places are those it gets when its sentence's triggers are asked alone."""
    from khabar.pipeline.extensions import sentence_numbers
    from khabar.pipeline.places_for_events import event_places, same_happening

    text = (
        "Jets bombed the market in Ariha on Monday and shelling killed five people in Saraqib. "
        "Gunmen shot and killed two guards outside a bank in Homs on Tuesday. "
        "More than 100 fighters were killed in renewed attacks by the army in the city of Palmyra."
    )
    doc = nlp(text)
    triggers = [doc.char_span(m.trigger.start, m.trigger.end) for m in doc._.event_mentions]
    numbers = sentence_numbers(doc)
    assert len({numbers[span.root.i] for span in triggers}) == 3
    together = event_places(doc, triggers)
    for number in {numbers[span.root.i] for span in triggers}:
        own = [index for index, span in enumerate(triggers) if numbers[span.root.i] == number]
        alone = event_places(doc, [triggers[index] for index in own])
        assert [together[index] for index in own] == alone
    assert not same_happening(triggers[0], triggers[-1])
    names = [[mention.span.text for mention in places] for places in together]
    assert ["Palmyra"] in names and ["Ariha", "Saraqib"] in names


def test_group_names_kept_per_doc_are_the_dictionary_s_group_hits(nlp: Language) -> None:
    from khabar.pipeline.actors import dictionary_matches
    from khabar.pipeline.places_for_events import _group_names, _inside_group_name

    doc = nlp("Fighters of the Islamic State of Iraq and the Levant attacked the town in Iraq on Monday.")
    groups = [(m.start, m.end) for m in dictionary_matches(doc) if m.kind == "group"]
    assert groups and _group_names(doc) == groups
    iraq = [token.i for token in doc if token.text == "Iraq"]
    assert _inside_group_name(doc, iraq[0], iraq[0] + 1)
    assert not _inside_group_name(doc, iraq[-1], iraq[-1] + 1)


def _event_locations(nlp: Language, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [(location.name, location.precision) for event in doc._.events for location in event.locations]


def test_a_foreign_dateline_gives_way_to_the_landmark_the_sentence_tells(nlp: Language) -> None:
    # the report was filed from Beirut; the strike was near Homs
    text = "BEIRUT (Reuters) - Government jets struck a convoy 73 km east of Homs on Tuesday, killing 12 men."
    assert _event_locations(nlp, text) == [("Homs", "near_town")]


def test_a_town_told_with_a_word_of_nearness_is_near_town(nlp: Language) -> None:
    text = (
        "Rebels fired mortar shells near Jaramana on Thursday, killing two civilians.\n\n"
        "On Friday an air strike hit a market in Saraqib, killing five people."
    )
    assert _event_locations(nlp, text) == [("Jaramana", "near_town"), ("Saraqib", "town")]


def test_a_dateline_in_the_report_s_country_places_an_event_told_with_no_place(nlp: Language) -> None:
    text = "KABUL (Reuters) - A suicide bomber blew himself up outside a ministry on Tuesday, killing ten."
    assert [name for name, _ in _event_locations(nlp, text)] == ["Kabul"]


def test_the_place_people_belong_to_yields_to_where_it_happened(base_nlp: Language) -> None:
    text = "The residents of Foua were killed when a bomb hit their buses in Rashidin."
    doc, home = mention_in(base_nlp, text, "Foua")
    _, scene = mention_in(base_nlp, text, "Rashidin")
    assert places_of_event(doc, [home, scene]) == [scene]  # type: ignore[arg-type]
    assert places_of_event(doc, [home]) == [home]  # type: ignore[arg-type]


def test_an_event_told_with_its_victims_home_is_placed_where_it_struck() -> None:
    from khabar.extract import extract

    # the bombing's sentence names where the evacuees arrived, not the town they came from
    text = (
        "A suicide car bomb hit buses of evacuees in Syria on Saturday. The evacuation resumed after "
        "the bombing, with the residents of Fuaa and Kafraya eventually arriving in Aleppo."
    )
    events = extract(text, published="2017-04-16").events
    assert [[location.name for location in event.locations] for event in events] == [["Aleppo"]]
    # a mention naming only the victims' home yields to one telling where the bomb hit
    text = (
        "Many residents of the village of Fuaa in Syria lost their lives in the suicide car bombing on "
        "Saturday. The suicide car bombing hit their buses at a transit point in the town of Rashidin "
        "on Saturday."
    )
    events = extract(text, published="2017-04-16").events
    assert [[location.name for location in event.locations] for event in events] == [["al-Rashidin"]]

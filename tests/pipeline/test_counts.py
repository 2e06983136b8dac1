"""Casualty counts: figures attached to killed / injured by the parse, with ACLED bounds."""

from __future__ import annotations

from dataclasses import replace

import pytest
from spacy.language import Language

from khabar.model import CountMention, Span
from khabar.pipeline.counts import article_totals, find_counts
from khabar.pipeline.figures import count_of


def figures(nlp: Language, text: str) -> list[tuple[str, int | None, int | None]]:
    return [(m.kind, m.low, m.high) for m in find_counts(nlp(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("At least 33 Turkish soldiers have been killed.", [("killed", 33, None)]),
        ("The strike killed thirty-four Turkish soldiers.", [("killed", 34, 34)]),
        ("The death toll was revised to 33.", [("killed", 33, 33)]),
        ("Nine soldiers had been killed.", [("killed", 9, 9)]),
        ("Gunmen stormed the village, killing three civilians.", [("killed", 3, 3)]),
        ("Two people died.", [("killed", 2, 2)]),
        ("A man was shot dead.", [("killed", 1, 1)]),
        ("More than 100 people were killed.", [("killed", 100, None)]),
        ("Up to 40 people were wounded.", [("injured", None, 40)]),
        ("Between 10 and 15 soldiers were killed.", [("killed", 10, 15)]),
        ("Dozens of troops were killed.", [("killed", 12, None)]),
        ("An unspecified number of soldiers were injured.", [("injured", None, None)]),
        ("No one was hurt.", [("injured", 0, 0)]),
        ("The two passengers were not injured.", [("injured", 0, 0)]),
    ],
)
def test_figures_and_bounds(
    nlp: Language, text: str, expected: list[tuple[str, int | None, int | None]]
) -> None:
    assert figures(nlp, text) == expected


def test_kind_follows_the_parse_not_proximity(nlp: Language) -> None:
    assert figures(nlp, "9 killed and 20 injured in the attack.") == [("killed", 9, 9), ("injured", 20, 20)]
    assert figures(nlp, "The blast left 5 dead and 12 wounded.") == [("killed", 5, 5), ("injured", 12, 12)]


def test_non_casualty_numbers_are_ignored(nlp: Language) -> None:
    text = "A 25-year-old man paid $1,200 at 7:45 p.m. in 2019 to 3 dealers."
    assert figures(nlp, text) == []


def test_spans_name_figure_victims_and_trigger(nlp: Language) -> None:
    text = "At least 33 Turkish soldiers have been killed."
    (mention,) = find_counts(nlp(text))
    assert mention.span.text == "At least 33"
    assert mention.victims is not None and mention.victims.text == "Turkish soldiers"
    assert mention.trigger is not None and mention.trigger.text == "killed"
    assert mention.qualifier == "at least"


def test_shot_is_injured_unless_fatal(nlp: Language) -> None:
    assert article_totals(find_counts(nlp("A man was shot in the leg."))) == (None, 1)
    assert article_totals(find_counts(nlp("Two men were shot, one fatally."))) == (1, 1)


def _mention(kind: str, value: int, harm: bool = False) -> CountMention:
    return CountMention(span=Span(0, 1, "x"), kind=kind, low=value, high=value, harm=harm)  # type: ignore[arg-type]


def test_article_totals_take_the_largest_figure_per_kind() -> None:
    mentions = [_mention("killed", 9), _mention("killed", 33), _mention("killed", 33), _mention("injured", 4)]
    assert article_totals(mentions) == (33, 4)
    assert article_totals([]) == (None, None)


def test_article_totals_net_the_killed_out_of_harm() -> None:
    assert article_totals([_mention("injured", 3, harm=True), _mention("killed", 1)]) == (1, 2)


def totals(nlp: Language, text: str) -> tuple[int | None, int | None]:
    return article_totals(find_counts(nlp(text)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two people were shot in the 3900 block of Main Street.", (None, 2)),
        ("A relative was also shot and died Feb. 2, police said.", (1, None)),
        ("A man was shot three times.", (None, 1)),
        ("Bullets hit 3 homes; no one was hurt.", (None, 0)),
    ],
)
def test_addresses_days_measures_and_things_are_not_victims(
    nlp: Language, text: str, expected: tuple[int | None, int | None]
) -> None:
    assert totals(nlp, text) == expected


def test_a_relative_clause_names_the_victim_only_as_patient(nlp: Language) -> None:
    assert figures(nlp, "Police are looking for two suspects who shot at a man.") == []
    assert figures(nlp, "Two men who were shot are recovering.") == [("injured", 2, 2)]


def test_other_victims_are_not_netted_of_the_killed(nlp: Language) -> None:
    assert totals(nlp, "One man was killed and two other people were shot.") == (1, 2)
    text = "The shooting killed one person and seriously injured another."
    assert totals(nlp, text) == (1, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A Little Rock man was in critical condition after being shot.", (None, 1)),
        ("Man in critical condition after a shooting.", (None, 1)),
        ("Two teenagers are recovering after being shot outside a home.", (None, 2)),
        ("One person is dead after being shot in a car.", (1, None)),
        ("A man was taken to the hospital, where he died.", (1, 0)),
        ("He was taken to a hospital for a psychiatric evaluation.", (None, None)),
        ("A boy suffering from a gunshot wound walked into a local hospital.", (None, 1)),
        ("Four people had arrived at the hospital after suffering minor injuries.", (None, 4)),
    ],
)
def test_injuries_implied_without_a_count_word(
    nlp: Language, text: str, expected: tuple[int | None, int | None]
) -> None:
    assert totals(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thirty-four people were killed.", [("killed", 34, 34)]),
        ("Two hundred people were wounded.", [("injured", 200, 200)]),
        ("No fewer than 3 people were killed.", [("killed", 3, None)]),
        ("Some 30 people were injured.", [("injured", 30, 30)]),
        ("Two or three people were killed.", [("killed", 2, 3)]),
    ],
)
def test_numbers_are_read_once_with_their_bound(
    nlp: Language, text: str, expected: list[tuple[str, int | None, int | None]]
) -> None:
    assert figures(nlp, text) == expected


def test_a_zero_does_not_outvote_the_victim_of_an_event() -> None:
    # "a man was shot" (1, twice) ... "no one else was hurt" (0): the event best is 1
    reported = [(_mention("injured", 1), "asserted"), (_mention("injured", 0), "asserted")]
    count = count_of(reported, "injured")
    assert (count.low, count.best, count.high) == (0, 1, 1)
    reported = [
        (_mention("killed", 1), "asserted"),
        (_mention("killed", 1), "asserted"),
        (_mention("killed", 3), "asserted"),
    ]
    assert count_of(reported, "killed").best == 1


def test_pipeline_errors_are_sent_to_the_stage_that_owns_them() -> None:
    from khabar.evaluate.gva import pipeline_error_category

    assert pipeline_error_category(1, 1, 1, has_events=True, has_figures=True) is None
    assert pipeline_error_category(1, 1, 0, has_events=False, has_figures=True) == "no event coded (under)"
    assert pipeline_error_category(0, 2, 2, has_events=True, has_figures=True) == "count stage wrong (over)"
    assert (
        pipeline_error_category(1, 1, 3, has_events=True, has_figures=True) == "event figure differs (over)"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A man who was shot in the stomach Monday passed away Tuesday.", (1, None)),
        ("He was arrested in the death of Juan Berrios, who was shot several times.", (1, None)),
        ("Police are investigating the killing of two men.", (2, None)),
        ("He was convicted of attempted murder of two people.", (None, None)),
        ("The news was about a shooting suspect.", (None, None)),
        ("Police did not believe that the victim had actually been shot.", (None, None)),
        ("Deputies said there are no reports that either person was hurt.", (None, None)),
        ("She was afraid the robber might kill her.", (None, None)),
    ],
)
def test_deaths_named_by_nouns_and_phrasal_verbs_and_denied_clauses(
    nlp: Language, text: str, expected: tuple[int | None, int | None]
) -> None:
    assert totals(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He was pronounced dead at the scene.", (1, None)),
        ("Jane Doe, 39, was found shot dead on Elm Street.", (1, None)),
        ("When officers arrived, they found Ann Example, 72, shot to death in the yard.", (1, None)),
        ("A neighbour was charged in the fatal shooting of Tom Sample, 29.", (1, None)),
        ("Police are investigating the deadly stabbing of two men.", (2, None)),
        ("Police are investigating the shooting of a man on Elm Street.", (None, 1)),
        ("Officers found three shell casings in the street.", (None, None)),
        ("Police said the man who was found dead on Tuesday had been shot.", (1, None)),
        ("A man found dead in his car had been shot.", (1, None)),
        ("The neighbor who found him dead told police.", (1, None)),
        ("Police say a man shot and killed himself after a crash.", (1, None)),
    ],
)
def test_deaths_told_as_found_or_pronounced_and_fatal_harm_nouns(
    nlp: Language, text: str, expected: tuple[int | None, int | None]
) -> None:
    assert totals(nlp, text) == expected


def test_a_name_the_entity_tagger_missed_is_one_victim(nlp: Language) -> None:
    # a surname alone is often left unlabelled; its role as the one who died makes it a person
    assert totals(nlp, "Qwertyson died from multiple gunshot wounds, the coroner said.") == (1, None)


def test_a_shot_figure_is_netted_of_the_killed_told_with_another_event() -> None:
    # "A man was shot" (one event) ... "The man died" (another event of the same report)
    shot = [(_mention("injured", 1, harm=True), "asserted")]
    died = [(_mention("killed", 1), "asserted")]
    assert count_of(shot, "injured").best == 1
    assert count_of(shot, "injured", article=shot + died).best is None
    # an event with its own killed figure nets of that one only
    own = [(_mention("injured", 3, harm=True), "asserted"), (_mention("killed", 1), "asserted")]
    other = [(_mention("killed", 2), "asserted")]
    assert count_of(own, "injured", article=own + other).best == 2


def test_unverified_figures_give_the_range_only_when_nothing_is_asserted() -> None:
    alleged = [(_mention("injured", 2), "unverified")]
    count = count_of(alleged, "injured")
    assert (count.low, count.best, count.high) == (2, 2, 2)
    assert count.note == "unverified: x"
    both = [(_mention("killed", 12), "unverified"), (_mention("killed", 33), "asserted")]
    assert count_of(both, "killed").best == 33
    assert count_of([(_mention("killed", 9), "superseded")], "killed").best is None


def test_a_gapped_passive_names_another_victim(nlp: Language) -> None:
    assert totals(nlp, "One man was killed and another taken to a hospital after a shooting.") == (1, 1)


def test_figures_told_as_history_or_statistics_are_not_the_incident(nlp: Language) -> None:
    text = (
        "A man was shot in the leg on Monday. Two weeks ago, a woman was shot and killed at the same complex."
    )
    assert totals(nlp, text) == (None, 1)
    assert totals(nlp, "Police had investigated 14 homicides by this time last year.") == (None, None)


def test_a_victim_of_the_other_sex_than_the_dead_is_not_netted(nlp: Language) -> None:
    assert totals(nlp, "A man died and a woman was injured early Sunday after being shot.") == (1, 1)
    assert totals(nlp, "Officers rushed the woman to the hospital, where she died.") == (1, 0)


def test_an_injury_said_to_be_fatal_is_a_death(nlp: Language) -> None:
    assert totals(nlp, "Police identified two men found mortally wounded in a car.") == (2, None)


def test_a_dateline_in_capitals_is_no_victim(nlp: Language) -> None:
    assert totals(nlp, "SPRINGVILLE, MI -- A man was shot in the left arm.") == (None, 1)


def test_links_to_other_stories_are_not_the_incident(nlp: Language) -> None:
    text = "A boy was shot in the arm. More: Two men charged with murder in the death of a toddler"
    assert totals(nlp, text) == (None, 1)


@pytest.mark.parametrize(
    "text",
    [
        "A man who had threatened to harm his family and kill himself surrendered on Sunday.",
        "He had been saying he was going to kill himself.",
    ],
)
def test_a_threat_or_an_intention_kills_nobody(nlp: Language, text: str) -> None:
    assert totals(nlp, text) == (None, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police said a 17-year-old was taken to a hospital with serious injuries.", (None, 1)),
        ("The victim's injuries were not life-threatening, police said.", (None, 1)),
        ("The man did not suffer any injuries.", (None, 0)),
    ],
)
def test_ages_as_nouns_and_owned_wounds_name_a_victim(
    nlp: Language, text: str, expected: tuple[int | None, int | None]
) -> None:
    assert totals(nlp, text) == expected


def test_a_sentence_dated_years_before_the_report_is_history(nlp: Language) -> None:
    import datetime as dt

    from khabar.model import Article

    text = "A woman was shot in the arm on Tuesday. He served 13 years for killing his girlfriend in 2000."
    doc = nlp.make_doc(text)
    doc._.article = Article(text=text, id="t", published=dt.date(2014, 3, 5))
    assert article_totals(find_counts(nlp(doc))) == (None, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police say a man shot his stepfather with a shotgun.", (None, 1)),
        ("Two intruders struck one teen in the eye with a gun.", (None, 1)),
        ("A car struck a pedestrian on Main Street.", (None, None)),
        ("A shooting at a store sent one man to the hospital.", (None, 1)),
        ("Police are investigating the shooting of a 16-year-old boy.", (None, 1)),
    ],
)
def test_kin_weapons_hospital_and_harm_nouns(
    nlp: Language, text: str, expected: tuple[int | None, int | None]
) -> None:
    assert totals(nlp, text) == expected


def test_background_figures_stay_claims_but_leave_the_counts(nlp: Language) -> None:
    from khabar.pipeline.claim_figures import toll_figures

    doc = nlp("A man was shot on Monday. In the past two weeks more than 200 civilians have been killed.")
    counts = list(doc._.counts or [])
    assert [c.kind for c in counts] == ["injured"]
    assert [(c.kind, c.low) for c in toll_figures(doc, counts)] == [("killed", 200)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officers found the body of a man behind the store on Monday.", (1, None)),
        ("Hikers said Dana Pemberton's body was found near the river.", (1, None)),
        ("He was shot in the body and taken to a hospital.", (None, 1)),
        ("The shooting took the life of a 30-year-old woman.", (1, None)),
        ("The victim walked to a neighbor's porch and was found dead there.", (1, None)),
    ],
)
def test_bodies_lives_and_a_conjoined_found_dead_are_deaths(
    nlp: Language, text: str, expected: tuple[int | None, int | None]
) -> None:
    assert totals(nlp, text) == expected


def test_a_harm_that_was_prevented_did_not_happen(nlp: Language) -> None:
    assert totals(nlp, "Quick work by the deputies prevented the man from killing himself.") == (None, None)


def test_a_name_tagged_as_a_person_once_is_a_person_everywhere(nlp: Language) -> None:
    from spacy.tokens import Span as SpacySpan

    text = "Police identified the victim as Marcus Quillfeather. Quillfeather was pronounced dead at 9 p.m."
    doc = nlp(text)
    first, second = [t.i for t in doc if t.text == "Quillfeather"]
    # the tagger's mistake, set by hand: the surname alone is taken for an organisation
    person = SpacySpan(doc, first - 1, first + 1, "PERSON")
    organisation = SpacySpan(doc, second, second + 1, "ORG")
    doc.ents = [person, organisation]
    assert article_totals(find_counts(doc)) == (1, None)
    doc.ents = [organisation]
    assert article_totals(find_counts(doc)) == (None, None)


def test_a_victim_the_shooting_also_hit_is_someone_else(nlp: Language) -> None:
    text = "A man was shot and killed on Monday. The gunfire also wounded a 57-year-old woman."
    assert totals(nlp, text) == (1, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One man was killed and another wounded Monday night in a shooting downtown.", (1, 1)),
        ("One man is dead and another hospitalized after a shooting at a club early Monday.", (1, 1)),
        ("Another wounded man was taken to a hospital.", (None, 1)),
    ],
)
def test_a_gapped_another_is_one_more_victim(
    nlp: Language, text: str, expected: tuple[int | None, int | None]
) -> None:
    assert totals(nlp, text) == expected


def test_a_pistol_whipping_hurts_a_victim(nlp: Language) -> None:
    text = "Two men forced their way into the house, pistol-whipped him, and ransacked the rooms."
    assert totals(nlp, text) == (None, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("At least eight people were wounded in shootings since Friday. A man was shot.", (None, 1)),
        ("Three people were hurt in two separate shootings. A woman was shot in the arm.", (None, 1)),
        ("Five people have been shot across the city this weekend. A teen was shot.", (None, 1)),
        ("Four people were wounded in the shootings of four neighbors on Elm Street.", (None, 4)),
    ],
)
def test_a_figure_summed_over_several_incidents_is_no_one_event(
    nlp: Language, text: str, expected: tuple[int | None, int | None]
) -> None:
    assert totals(nlp, text) == expected


def test_a_man_shooting_a_gun_is_the_doer(nlp: Language) -> None:
    assert totals(nlp, "Police responded to reports of a man shooting a gun in the street.") == (None, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Both men sustained minor injuries and were taken to local hospitals.", (None, 2)),
        ("They were both taken to a local hospital with minor injuries.", (None, 2)),
        ("Police are investigating a shooting that left a married couple injured.", (None, 2)),
        ("Both were shot, one fatally.", (1, 1)),
    ],
)
def test_both_and_a_couple_are_two_victims(
    nlp: Language, text: str, expected: tuple[int | None, int | None]
) -> None:
    assert totals(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A gunman fatally shot a clerk. A customer was shot in the arm and survived.", (1, 1)),
        ("A man was shot and killed. A teen was shot in the leg and is in stable condition.", (1, 1)),
        ("A man was shot on Main Street. He died at the hospital.", (1, 0)),
    ],
)
def test_a_victim_said_to_live_is_not_netted_of_the_dead(
    nlp: Language, text: str, expected: tuple[int | None, int | None]
) -> None:
    assert totals(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Rebels shelled a market in Aleppo on Monday. The conflict, which has killed more than 300 "
        "people in the province, goes on.",
        "Rebels shelled a market in Aleppo on Monday. Dozens of people have been killed since the war began.",
        "Rebels shelled a market in Aleppo on Monday. More than 230000 people have been killed in Syria.",
    ],
)
def test_a_wars_toll_is_no_events_figure(nlp: Language, text: str) -> None:
    # a statistic of the whole war is told apart (claims still read it); the market shelling has no toll
    assert figures(nlp, text) == []


def test_the_islamic_states_acronym_does_not_hide_a_count(nlp: Language) -> None:
    assert figures(nlp, "The monitor reported that at least five IS militants had been killed.") == [
        ("killed", 5, None)
    ]


def test_a_decimal_before_a_multiplier_is_one_number(nlp: Language) -> None:
    # "1.9 million" is 1,900,000 (a statistic, set apart), never the bare "million"
    assert figures(nlp, "The war has injured 1.9 million people.") == []
    assert figures(nlp, "The fighting killed 1.5 thousand soldiers.") == [("killed", 1500, 1500)]


def test_a_wound_hung_on_the_hospital_is_the_arrivals(nlp: Language) -> None:
    text = "A man arrived at a hospital with a gunshot wound."
    assert figures(nlp, text) == [("injured", 1, 1)]


def test_figures_of_an_accident_are_set_apart(nlp: Language) -> None:
    assert figures(nlp, "The driver and his passenger were both injured in the crash.") == []
    shot = "A gunman shot the driver, who crashed into a pole and was injured."
    assert figures(nlp, shot) == [("injured", 1, 1)]


def test_warrants_and_wild_animals_are_no_victims(nlp: Language) -> None:
    assert figures(nlp, "Deputies executed three search warrants on Wednesday.") == []
    assert figures(nlp, "Wildlife agents tracked and killed five cougars.") == []


def test_victims_of_other_ages_than_the_dead_are_other_people(nlp: Language) -> None:
    text = "A 30-year-old man was pronounced dead. A 64-year-old man was injured in the shooting."
    assert article_totals(find_counts(nlp(text))) == (1, 1)
    same = "A 30-year-old man was shot. The 30-year-old man died at the hospital."
    assert article_totals(find_counts(nlp(same))) == (1, 0)


def test_a_near_miss_hurts_nobody(nlp: Language) -> None:
    assert figures(nlp, "Celebratory gunfire nearly hit a man on New Year's Eve.") == []
    assert figures(nlp, "A bullet hit the boy.") == [("injured", 1, 1)]


def test_nearly_killed_is_injured(nlp: Language) -> None:
    assert figures(nlp, "A man was nearly killed in the shooting.") == [("injured", 1, 1)]
    assert figures(nlp, "A man was killed in the shooting.") == [("killed", 1, 1)]


def test_a_capitalised_state_in_a_headline_is_no_name(nlp: Language) -> None:
    # a data set that strips punctuation runs the headline into the dateline and the lead:
    # "Dead" is tagged a proper noun there, but it is the victims' state, not one victim's name
    text = (
        "May 24 2017 16 Civilians Dead in Coalition Strikes near Raqqa At least 16 civilians "
        "were killed in raids on the villages a monitor said on Wednesday."
    )
    assert (1, 1) not in [(low, high) for _, low, high in figures(nlp, text)]
    assert ("killed", 16, None) in figures(nlp, text)


def test_a_part_of_the_dead_is_no_lower_toll_beside_the_toll() -> None:
    whole = _mention("killed", 16)
    children = replace(_mention("killed", 5), part=True)  # "five children were among the dead"
    fatalities = count_of([(whole, "asserted"), (children, "asserted")], "killed")
    assert (fatalities.low, fatalities.best, fatalities.high) == (16, 16, 16)
    # with no toll given, the part is the floor the report supports
    alone = count_of([(children, "asserted")], "killed")
    assert (alone.low, alone.high) == (5, 5)


def test_parts_of_the_toll_leave_the_event_figure_alone(nlp: Language) -> None:
    import khabar

    text = (
        "At least 16 civilians were killed in air strikes on the town of Tal Hamra on Monday, the "
        "monitor said. It said five children were among the dead."
    )
    events = khabar.extract(text, published="2021-03-02").events
    assert [event.fatalities.low for event in events] == [16]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a range hangs on its second number in the parse ("12" is a quantmod of "15")
        ("12 to 15 people died after the gunmen opened fire.", [("killed", 12, 15)]),
        ("Twelve to fifteen villagers were killed.", [("killed", 12, 15)]),
        ("8-10 guards were wounded in the raid.", [("injured", 8, 10)]),
        ("Between 12 and 15 people died in the raid.", [("killed", 12, 15)]),
        # "dozen" is a number word; a bound reads across its article
        ("A dozen people were killed in the attack.", [("killed", 12, 12)]),
        ("Two dozen people were wounded.", [("injured", 24, 24)]),
        ("About a dozen people were wounded.", [("injured", 12, 12)]),
        ("More than a dozen people were killed.", [("killed", 12, None)]),
        ("Scores of people were injured.", [("injured", 20, None)]),
        ("Hundreds of people were killed.", [("killed", 100, None)]),
    ],
)
def test_ranges_and_dozens(
    nlp: Language, text: str, expected: list[tuple[str, int | None, int | None]]
) -> None:
    assert figures(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a headline lists each figure with its outcome right after it
        ("2 dead, 3 wounded in shooting at bar", (2, 3)),
        ("3 shot, 1 fatally, at party in Eastville", (1, 2)),
        ("1 dead, 1 hurt after gunfire at bar", (1, 1)),
        ("2 shot dead in Eastville", (2, None)),
        # the noun "shot" counts nobody
        ("He fired 1 shot, police said.", (None, None)),
        ("3 wounded soldiers died.", (3, None)),
        ("Police seized five guns, officers said.", (None, None)),
        # a headline drops the "was": a bare noun before a past form with no object is the victim
        ("Man killed, 2 hurt in Eastville shooting", (1, 2)),
        ("Teen shot dead in Eastville", (1, None)),
        ("Police: Man shot in leg on Elm Street", (None, 1)),
        ("Gunman shot at officers.", (None, None)),
    ],
)
def test_headline_lists(nlp: Language, text: str, expected: tuple[int | None, int | None]) -> None:
    assert article_totals(find_counts(nlp(text))) == expected


def test_a_headline_toll_counts(nlp: Language) -> None:
    doc = nlp("5 killed in shooting at bar\n\nPolice are investigating.")
    assert article_totals(find_counts(doc)) == (5, None)

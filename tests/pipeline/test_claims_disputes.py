"""Revisions and contradictions of shapes the held-back claim batches showed, each on text
written for the test."""

from __future__ import annotations

import datetime as dt

from report_helpers import ledger_of_report
from spacy.language import Language

from khabar.model import ArticleLedger


def run(nlp: Language, text: str) -> ArticleLedger:
    return ledger_of_report(nlp, text, dt.date(2016, 6, 8))


def contradictions(ledger: ArticleLedger, field: str) -> list[set[object]]:
    return [set(c.values) for c in ledger.contradictions if c.field == field]


def test_more_than_n_wounded_is_a_bound_not_an_increment(nlp: Language) -> None:
    # "more than 60" beside the killed once read as "60 more", which split the sentence's tally
    # and left its killed figure out of every comparison
    text = (
        "A barrel bomb hit the market of Saraqeb on Monday. The Syrian Observatory for Human Rights "
        "said 31 people were killed in the bombing and more than 60 were wounded. The Local "
        "Coordination Committees said 27 people were killed in the bombing."
    )
    assert {27, 31} in contradictions(run(nlp, text), "killed")


def test_a_further_n_killed_still_adds_to_a_tally(nlp: Language) -> None:
    text = (
        "Shelling killed 12 people in Douma on Sunday, the Syrian Observatory for Human Rights said. "
        "Rescue workers said 12 people were killed in the shelling and another five died in a "
        "second strike on the town."
    )
    assert contradictions(run(nlp, text), "killed") == []


def test_two_sources_definite_tolls_of_civilians_and_of_people_differ(nlp: Language) -> None:
    text = (
        "Air strikes hit the eastern districts of Aleppo on Sunday. The Syrian Observatory for Human "
        "Rights said 23 civilians were killed in the strikes. Rescue workers said 43 people were "
        "killed in the strikes."
    )
    assert {23, 43} in contradictions(run(nlp, text), "killed")


def test_a_figure_well_above_anothers_floor_is_another_toll(nlp: Language) -> None:
    text = (
        "A suicide bomber killed at least 22 people at a wedding in Hassakeh on Monday, the Syrian "
        "Observatory for Human Rights said. The Islamic State group said 40 people were killed in "
        "the attack."
    )
    assert {22, 40} in contradictions(run(nlp, text), "killed")


def test_a_figure_just_above_anothers_floor_is_another_toll(nlp: Language) -> None:
    # as two sources' floors ("at least 22", "at least 24") are two tolls
    text = (
        "A suicide bomber killed at least 22 people at a wedding in Hassakeh on Monday, the Syrian "
        "Observatory for Human Rights said. Local officials said 24 people were killed in the attack."
    )
    assert {22, 24} in contradictions(run(nlp, text), "killed")


def test_a_figure_at_anothers_floor_is_allowed_by_it(nlp: Language) -> None:
    text = (
        "A suicide bomber killed at least 22 people at a wedding in Hassakeh on Monday, the Syrian "
        "Observatory for Human Rights said. Local officials said 22 people were killed in the attack."
    )
    assert contradictions(run(nlp, text), "killed") == []


def test_victims_before_an_inverted_cue_are_the_killing_verbs_object(nlp: Language) -> None:
    # no comma before "said": the parser makes "civilians" the subject of "said"
    text = "Air strikes on Idlib killed at least 10 civilians said the Syrian Observatory for Human Rights."
    claims = [c for c in run(nlp, text).claims if c.kind == "killed"]
    assert [(c.speaker, c.value, c.qualifier) for c in claims] == [
        ("Syrian Observatory for Human Rights", 10, "at least")
    ]


def test_a_floor_before_an_inverted_cue_disputes_anothers_floor(nlp: Language) -> None:
    text = (
        "Air strikes on Idlib killed at least 10 people said the Syrian Observatory for Human Rights. "
        "The Idlib Media Center said at least six people had been killed in the strikes."
    )
    assert {10, 6} in contradictions(run(nlp, text), "killed")


def test_a_sources_earlier_figure_is_revised_by_the_toll_the_report_tells(nlp: Language) -> None:
    text = (
        "At least 28 civilians were killed in air strikes on the town of Armanaz on Saturday. Four "
        "children were among the dead, the Syrian Observatory for Human Rights said. The monitor had "
        "earlier reported 12 dead in the strikes."
    )
    ledger = run(nlp, text)
    assert [(r.before, r.after, r.by) for r in ledger.revisions] == [
        (12, 28, "Syrian Observatory for Human Rights")
    ]
    assert contradictions(ledger, "killed") == []


def test_a_sources_earlier_figure_is_revised_by_its_own_new_one_first(nlp: Language) -> None:
    text = (
        "At least 28 civilians were killed in air strikes on the town of Armanaz on Saturday. The "
        "Syrian Observatory for Human Rights said 25 civilians were killed in the strikes. The "
        "monitor had earlier reported 12 dead in the strikes."
    )
    ledger = run(nlp, text)
    assert [(r.before, r.after) for r in ledger.revisions] == [(12, 25)]


def test_a_figure_summed_over_attacks_across_the_country_is_no_rival_toll(nlp: Language) -> None:
    # the count stage sets such a sum apart as no one event's figure
    text = (
        "One civilian was killed on Monday and at least 17 others were injured in several mortar "
        "attacks across the country. The state news agency SANA said mortar shells fired by militants "
        "at the Zablatani area of Damascus killed a civilian and injured 14 others."
    )
    assert contradictions(run(nlp, text), "injured") == []


def test_a_source_listing_a_figure_speaks_it(nlp: Language) -> None:
    text = (
        "A barrel bomb hit the market of Saraqeb on Monday. The Syrian Observatory for Human Rights "
        "said more than 60 people were wounded in the bombing. The Ariha Today page said 27 people "
        "were killed. The group also listed 55 wounded."
    )
    ledger = run(nlp, text)
    listed = [c for c in ledger.claims if c.kind == "injured" and c.value == 55]
    assert listed and all("page" in str(c.speaker) for c in listed)  # the page, not the outlet
    assert {60, 55} in contradictions(ledger, "injured")


def test_a_source_placing_the_toll_at_a_figure_speaks_it(nlp: Language) -> None:
    text = (
        "At least 20 people were killed in a car bomb attack near the shrine in Damascus, the Syrian "
        "Observatory for Human Rights said. SANA placed the death toll at 12."
    )
    ledger = run(nlp, text)
    assert [c.speaker for c in ledger.claims if c.kind == "killed" and c.value == 12] == [
        "Syrian Arab News Agency"
    ]
    assert {20, 12} in contradictions(ledger, "killed")


def test_one_sources_differing_figures_are_no_dispute(nlp: Language) -> None:
    # sources disagree (PRODUCT.md); one source's two figures are two tallies or a revision
    text = (
        "A strike on Douma killed 10 people on Monday, the Syrian Observatory for Human Rights said. "
        "In the market of the town 14 people were killed in the strike, the Observatory said."
    )
    assert contradictions(run(nlp, text), "killed") == []


def test_the_reports_own_later_figure_is_no_rival_of_a_sources_floor(nlp: Language) -> None:
    # the report's own figures after its lead are as often another incident of a round-up
    text = (
        "At least 22 people were killed in a suicide attack on a wedding in Hassakeh on Monday, the "
        "Syrian Observatory for Human Rights said. Medics treated dozens of wounded at the hospital. "
        "In the town's market 40 people were killed in the attack."
    )
    assert contradictions(run(nlp, text), "killed") == []


def test_others_of_the_other_kind_are_a_tally_of_their_own(nlp: Language) -> None:
    # "injured 20 others" after the killed no longer splits the source's sentence into parts
    text = (
        "Rocket shells hit the Salah Eddin district of Aleppo on Monday. The Aleppo health "
        "directorate said 10 civilians were killed and 41 injured in the attack. A source at the "
        "police command said the shells claimed the life of one person and injured 20 others."
    )
    assert {10, 1} in contradictions(run(nlp, text), "killed")


def test_a_round_ups_others_stay_one_incidents(nlp: Language) -> None:
    # six killed is the sum of two districts' two and four: no rival tolls
    text = (
        "Six civilians were killed in rocket attacks on Aleppo on Friday. A police source said a "
        "shell killed two civilians and injured two others in the al-Midan district. A medical "
        "source said a shell killed four civilians and injured 28 others in the New Aleppo district."
    )
    ledger = run(nlp, text)
    assert contradictions(ledger, "killed") == [] and contradictions(ledger, "injured") == []


def test_a_number_cut_at_its_space_is_no_toll_of_nobody(nlp: Language) -> None:
    text = (
        "Activists said at least 56 civilians were killed in air strikes on the town of Atareb on "
        "Friday. Over 1 000 civilians were killed and thousands more injured in the strikes on the "
        "town, the civil defence said."
    )
    assert contradictions(run(nlp, text), "killed") == []


def test_no_deaths_disputes_a_toll_of_one_happening_whatever_its_other_sides(nlp: Language) -> None:
    # the hospital strike's event has three sides already (14, 26, 12); the Observatory's "no
    # deaths", on the bombardment's event, is a dispute of its own with the hospital's 14
    text = (
        "Air strikes hit a hospital in the town of Kafr Takharim in Idlib province on Wednesday, "
        "killing 14 people including patients, a spokesman at the hospital said. The Syrian "
        "Observatory for Human Rights said air strikes on Idlib province killed 26 people on "
        "Wednesday, and killed at least 12 people in Kafr Takharim. The bombardment of Idlib "
        "province continued on Wednesday. The Observatory said there were no deaths from the "
        "hospital strike."
    )
    assert {14, 0} in contradictions(run(nlp, text), "killed")


def test_a_sources_higher_initial_toll_beside_the_reports_lower_one_is_a_dispute(nlp: Language) -> None:
    # a toll grows as victims are counted: the report's own 19 is no revision of the police's 40
    text = (
        "At least eight people were killed and 19 were wounded in a car bomb attack on a checkpoint "
        "in Azaz on Monday. A police source in the town said the initial toll included 40 injured."
    )
    ledger = run(nlp, text)
    assert [r for r in ledger.revisions if r.field == "injured"] == []
    assert {19, 40} in contradictions(ledger, "injured")


def test_a_part_of_a_months_toll_is_no_events_figure(nlp: Language) -> None:
    # the month's statistic is set apart as history; so is the part read with it
    text = (
        "Gunmen killed seven people in an attack on the village of Tal Dahab near Hama on Monday, "
        "the Syrian Observatory for Human Rights said. The monitor later raised the toll to 12. "
        "Last month nearly 900 Syrian civilians were killed the Syrian Network for Human Rights "
        "claimed including 92 children - mostly from air raids."
    )
    ledger = run(nlp, text)
    assert {c.value for c in ledger.claims if c.kind == "killed"} >= {12, 900, 92}
    assert all(92 not in (e.fatalities.low, e.fatalities.best, e.fatalities.high) for e in ledger.events)


def test_two_sources_tolls_of_a_crash_dispute_each_other(nlp: Language) -> None:
    # an accident's figures are no attack's, but two sources giving different tolls still clash
    text = (
        "Twenty people were killed on Monday when a military helicopter crashed into a market in "
        "the town of Saraqeb, according to a local civil defence official. Rami Abdurrahman, who "
        "heads the Syrian Observatory for Human Rights, said the helicopter crashed in the centre "
        "of the town, killing at least 9 people."
    )
    assert {20, 9} in contradictions(run(nlp, text), "killed")


def test_some_before_a_number_is_its_qualifier_not_its_value(nlp: Language) -> None:
    text = "Opposition activists said some 80 people were killed in the attack on the town of Binnish."
    assert [c.value for c in run(nlp, text).claims if c.kind == "killed"] == [80]

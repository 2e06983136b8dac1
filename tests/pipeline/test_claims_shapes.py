"""General shapes of revisions and contradictions, each on text written for the test."""

from __future__ import annotations

import datetime as dt

import pytest
from report_helpers import ledger_of_report
from spacy.language import Language

from khabar.model import ArticleLedger


def run(nlp: Language, text: str) -> ArticleLedger:
    return ledger_of_report(nlp, text, dt.date(2016, 6, 8))


def killed_contradictions(ledger: ArticleLedger) -> list[list[object]]:
    return [c.values for c in ledger.contradictions if c.field == "killed"]


def test_more_deaths_bringing_the_toll_up_are_one_sources_revision(nlp: Language) -> None:
    text = (
        "A car bomb killed 15 people in the town of Idlib on Monday, the Syrian Observatory for "
        "Human Rights said. Three more people later died of their wounds, bringing the toll to 18, "
        "the monitor said."
    )
    ledger = run(nlp, text)
    assert [(r.before, r.after) for r in ledger.revisions] == [(15, 18)]
    assert killed_contradictions(ledger) == []


def test_an_increment_is_neither_the_old_nor_the_new_toll(nlp: Language) -> None:
    text = (
        "The Syrian Observatory for Human Rights said 11 people were killed in the air strike on "
        "Saraqeb. It said on Tuesday that four more had died overnight, bringing the death toll to 15."
    )
    ledger = run(nlp, text)
    assert [(r.before, r.after) for r in ledger.revisions] == [(11, 15)]


def test_two_sources_figures_in_one_sentence_contradict(nlp: Language) -> None:
    text = (
        "The Syrian Observatory for Human Rights said 30 people were killed in the raid on the town "
        "of Maaret, while state media put the toll at 11."
    )
    assert killed_contradictions(run(nlp, text)) == [[30, 11]]


def test_a_blast_also_reported_by_state_media_is_the_suicide_bombing_told_before(nlp: Language) -> None:
    text = (
        "A bus blast in the city of Homs killed at least nine people, the Syrian Observatory for "
        "Human Rights said. Witnesses said the bus was targeted by a suicide bomber in Homs. "
        "A militant group's account later posted a photograph of the Homs bus bombing. The blast "
        "was also reported by state television with the official news agency confirming at least "
        "three people killed."
    )
    ledger = run(nlp, text)
    assert len([e for e in ledger.events if e.sub_event_type == "Suicide bomb"]) == 1
    assert killed_contradictions(ledger) == [[9, 3]]


def test_no_deaths_from_one_source_contradicts_another_sources_toll(nlp: Language) -> None:
    text = (
        "State media said there were no deaths from the strike on the town of Azaz. The Syrian "
        "Observatory for Human Rights said 12 people were killed in the strike."
    )
    assert killed_contradictions(run(nlp, text)) == [[0, 12]]


def test_no_one_killed_contradicts_a_toll(nlp: Language) -> None:
    text = (
        "The Syrian Observatory for Human Rights said 12 people were killed in the air strike on "
        "Azaz. The Russian defence ministry said no one was killed in the strike."
    )
    assert killed_contradictions(run(nlp, text)) == [[12, 0]]


def test_a_source_raising_the_toll_by_a_short_form_of_its_name_revises(nlp: Language) -> None:
    text = (
        "A barrel bomb killed 12 people in the town of Daraya on Monday, the Syrian Observatory for "
        "Human Rights said. On Tuesday the Observatory raised the toll to 20."
    )
    ledger = run(nlp, text)
    assert [(r.before, r.after) for r in ledger.revisions] == [(12, 20)]
    assert killed_contradictions(ledger) == []


def test_an_initial_report_and_a_risen_toll_of_one_source_are_a_revision(nlp: Language) -> None:
    text = (
        "The Syrian Observatory for Human Rights initially reported eight dead in the shelling of the "
        "town of Douma. The toll has since risen to 14, the Observatory said."
    )
    assert [(r.before, r.after) for r in run(nlp, text).revisions] == [(8, 14)]


def test_updating_an_earlier_toll_beside_said_is_no_speaker_of_its_own(nlp: Language) -> None:
    text = (
        "The bombing killed 32 fighters near the border crossing the Syrian Observatory for Human "
        "Rights said updating an earlier toll of 15."
    )
    ledger = run(nlp, text)
    assert [(r.before, r.after) for r in ledger.revisions] == [(15, 32)]


def test_a_toll_given_by_which_after_a_named_source_is_its_earlier_figure(nlp: Language) -> None:
    text = (
        'Air raids on the town of Douma killed 42 people on Thursday, a monitor said. "The toll has '
        'risen to 42 dead" said the Syrian Observatory for Human Rights which on Thursday had given '
        "a death toll of 17."
    )
    ledger = run(nlp, text)
    assert [(r.before, r.after) for r in ledger.revisions] == [(17, 42)]
    assert killed_contradictions(ledger) == []


def test_a_vague_increment_in_the_sentence_of_the_new_toll_is_not_the_old_one(nlp: Language) -> None:
    text = (
        "Air strikes on a market killed at least 50 people, the Syrian Observatory for Human Rights "
        "said. A number of people died of their wounds overnight, bringing the toll to 61, the "
        "monitor said."
    )
    assert [(r.before, r.after) for r in run(nlp, text).revisions] == [(50, 61)]


def test_state_media_outlets_revising_a_toll_are_one_family(nlp: Language) -> None:
    text = (
        "State media said six people were killed by a car bomb in the city of Homs on Monday. "
        "State television later said the toll had risen to 10."
    )
    ledger = run(nlp, text)
    assert [(r.before, r.after) for r in ledger.revisions] == [(6, 10)]
    assert killed_contradictions(ledger) == []


def test_a_named_state_agency_and_state_television_without_a_revision_cue_contradict(nlp: Language) -> None:
    text = (
        "SANA said six people were killed by a car bomb in Homs. State television said 10 people "
        "were killed in the bombing."
    )
    ledger = run(nlp, text)
    assert ledger.revisions == []
    assert killed_contradictions(ledger) == [[6, 10]]


def test_another_source_raising_the_toll_is_no_revision_of_state_media(nlp: Language) -> None:
    text = (
        "SANA said six people were killed by a car bomb in Homs. The Syrian Observatory for Human "
        "Rights later said the toll had risen to 10."
    )
    ledger = run(nlp, text)
    assert ledger.revisions == []
    assert killed_contradictions(ledger) == [[6, 10]]


def test_a_number_the_parser_makes_the_subject_of_a_cue_is_no_speaker(nlp: Language) -> None:
    text = (
        "Syrian state TV says 22 killed in car bomb in northern Syria AP Syrian state TV has raised "
        "the death toll from a car bombing in the town of Qamishli saying 22 people died."
    )
    speakers = {c.speaker for c in run(nlp, text).claims}
    assert speakers == {"Syrian state television"}


def test_more_deaths_with_no_new_total_imply_the_old_toll_plus_the_increment(nlp: Language) -> None:
    text = (
        "A car bomb killed 15 people in the town of Azaz on Monday, the Syrian Observatory for Human "
        "Rights said. On Tuesday the Observatory said three more people had died of their wounds."
    )
    ledger = run(nlp, text)
    assert [(r.before, r.after) for r in ledger.revisions] == [(15, 18)]
    implied = next(c for c in ledger.claims if c.revises is not None)
    assert implied.speaker == "Syrian Observatory for Human Rights"
    assert text[implied.evidence[0].start : implied.evidence[0].end].startswith("three more")
    assert [(e.fatalities.low, e.fatalities.high) for e in ledger.events] == [(18, 18)]


def test_a_toll_risen_by_a_number_is_the_old_toll_plus_it(nlp: Language) -> None:
    text = (
        "An air strike killed 15 people in the town of Douma on Monday, the Syrian Observatory for "
        "Human Rights said. The toll has since risen by four, the monitor said."
    )
    ledger = run(nlp, text)
    assert [(r.before, r.after) for r in ledger.revisions] == [(15, 19)]
    assert killed_contradictions(ledger) == []


def test_more_deaths_after_an_earlier_toll_without_a_cue_of_their_own(nlp: Language) -> None:
    text = (
        "The Syrian Observatory for Human Rights gave an earlier toll of 15 for the car bombing in "
        "Azaz. Three more people died in hospital overnight, it said."
    )
    assert [(r.before, r.after) for r in run(nlp, text).revisions] == [(15, 18)]


def test_another_sources_more_deaths_imply_no_revision(nlp: Language) -> None:
    text = (
        "A car bomb killed 15 people in the town of Azaz on Monday, the Syrian Observatory for Human "
        "Rights said. Doctors in Kilis said three more people had later died of their wounds."
    )
    assert run(nlp, text).revisions == []


def test_which_after_a_place_speaks_for_the_speaking_noun_before_it(nlp: Language) -> None:
    text = (
        "Russian jets struck a market in Idlib on Sunday. The strikes were documented by the Syrian "
        "Network for Human Rights. It is a monitoring group based in Britain, which said 12 civilians "
        "were killed."
    )
    speakers = [c.speaker for c in run(nlp, text).claims if c.kind == "killed"]
    assert speakers == ["Syrian Network for Human Rights"]


def test_a_name_right_before_which_is_its_speaker(nlp: Language) -> None:
    text = (
        "An air strike hit a hospital run by Doctors Without Borders in Idlib, which said 12 people "
        "were killed."
    )
    speakers = [c.speaker for c in run(nlp, text).claims if c.kind == "killed"]
    assert speakers == ["Doctors Without Borders"]


def test_put_reports_only_a_figure(nlp: Language) -> None:
    text = (
        "The minister called for a resolution that will put an end to the war in Syria. State media "
        "put the death toll at 15."
    )
    ledger = run(nlp, text)
    assert [c.speaker for c in ledger.claims if c.cue == "put"] == ["State media"]


def test_an_alleged_attack_named_in_a_statement_leaves_the_statement_asserted(nlp: Language) -> None:
    text = (
        "We demand a thorough investigation of the alleged chemical attack on the town of Douma, the "
        "Russian defence ministry said. An alleged chemical attack killed 80 people in Khan Sheikhoun, "
        "activists said."
    )
    ledger = run(nlp, text)
    statuses = {c.kind: c.status for c in ledger.claims}
    assert statuses["statement"] == "asserted"
    assert statuses["killed"] == "unverified"


def test_an_unverified_thing_a_source_tells_of_hedges_its_statement(nlp: Language) -> None:
    text = "Reuters reported that there was an unverified photo of a possible bomber near the bus station."
    statuses = [c.status for c in run(nlp, text).claims if c.kind == "statement"]
    assert statuses == ["unverified"]


def test_a_source_that_claims_closing_its_sentence_or_claims_to_have_done_speaks(nlp: Language) -> None:
    text = (
        "At least 23 militants have been killed by Turkish artillery fire in northern Syria, a Turkish "
        "broadcaster claims. Jaysh al Tahrir, a rebel group, claims to have captured two villages "
        "south of Jarabulus."
    )
    speakers = {c.speaker for c in run(nlp, text).claims}
    assert {"a Turkish broadcaster", "Jaysh al Tahrir"} <= speakers


def test_a_cue_closing_its_sentence_with_its_audience_governs_it(nlp: Language) -> None:
    text = (
        "Government forces shelled the town of Douma on Monday killing 12 people a local activist "
        "told Reuters."
    )
    figures = [c for c in run(nlp, text).claims if c.kind == "killed"]
    assert [(c.speaker, c.via) for c in figures] == [("a local activist", ["Reuters"])]


# -- adversarial text: the claims stage must read it without failing or swallowing the rest ------


def test_mixed_curly_and_straight_quotes_keep_each_sources_figure(nlp: Language) -> None:
    text = (
        'The governor said “the strike killed 12 people" and left. Activists said "eight died” in the raid.'
    )
    figures = [(c.speaker, c.value) for c in run(nlp, text).claims if c.kind == "killed"]
    assert figures == [("governor", 12), ("Activists", 8)]


def test_unbalanced_quote_marks_do_not_break_the_claims(nlp: Language) -> None:
    text = '"The shelling killed 9 people, the monitor said. Another " stray mark. ”Closing first“ and “never'
    figures = [(c.speaker, c.value) for c in run(nlp, text).claims if c.kind == "killed"]
    assert figures == [("monitor", 9)]


def test_a_quote_inside_a_quote_is_the_outer_speakers(nlp: Language) -> None:
    text = "“The shelling was ‘a massacre’ and killed 20 people,” the activist said."
    figures = [(c.speaker, c.value) for c in run(nlp, text).claims if c.kind == "killed"]
    assert figures == [("activist", 20)]


def test_a_figure_with_no_attribution_is_the_outlets(nlp: Language) -> None:
    text = "An air strike killed 14 people in the town of Douma on Monday. The building collapsed."
    assert [(c.speaker, c.status) for c in run(nlp, text).claims] == [("the outlet", "asserted")]


def test_a_ten_thousand_word_quote_is_one_statement_and_the_text_after_it_is_read(nlp: Language) -> None:
    text = "“" + "word " * 10_000 + "end,” the spokesman said. The raid killed 7 people, the monitor said."
    claims = run(nlp, text).claims
    assert [(c.kind, c.speaker) for c in claims] == [("statement", "spokesman"), ("killed", "monitor")]


def test_a_toll_raised_from_one_figure_to_another_revises_the_first(nlp: Language) -> None:
    text = (
        "A barrel bomb hit the town of Daraya on Monday. The Syrian Observatory for Human Rights "
        "raised the toll from 12 to 20 on Tuesday."
    )
    assert [(r.before, r.after) for r in run(nlp, text).revisions] == [(12, 20)]


@pytest.mark.parametrize(
    "second",
    ["The Observatory now says 30 people were killed.", "On Tuesday the Observatory gave a new toll of 30."],
)
def test_a_source_that_now_says_or_gives_a_new_toll_revises(nlp: Language, second: str) -> None:
    text = (
        "Air strikes on the town of Douma killed 22 people on Monday, the Syrian Observatory for Human "
        f"Rights said. {second}"
    )
    ledger = run(nlp, text)
    assert [(r.before, r.after) for r in ledger.revisions] == [(22, 30)]
    assert killed_contradictions(ledger) == []


def test_a_figure_of_deaths_agrees_in_victims_with_a_figure_of_people(nlp: Language) -> None:
    text = (
        "Activists said 20 people died in the air strike on Saraqeb, though state media reported only "
        "five deaths."
    )
    assert killed_contradictions(run(nlp, text)) == [[20, 5]]


def test_a_figure_of_injuries_agrees_in_victims_with_a_figure_of_people(nlp: Language) -> None:
    text = (
        "The hospital director said at least 40 people were wounded in the shelling of Douma. "
        "Rescue workers reported two deaths and 15 injuries in the shelling."
    )
    injured = [c.values for c in run(nlp, text).contradictions if c.field == "injured"]
    assert injured == [[40, 15]]


def test_nobody_killed_contradicts_a_toll(nlp: Language) -> None:
    text = (
        "The White Helmets rescue group said 31 people were killed in the bombing of the hospital in "
        "Aleppo. Syrian state media said the hospital had been empty and nobody was killed."
    )
    assert killed_contradictions(run(nlp, text)) == [[31, 0]]


def test_the_tv_is_the_one_broadcaster_the_report_names(nlp: Language) -> None:
    text = (
        "Syrian state television said a car bomb killed 22 people in the town of Qamishli. The TV says "
        "the car blew up on the western edge of the town on Wednesday."
    )
    assert {c.speaker for c in run(nlp, text).claims} == {"Syrian state television"}


def perpetrator_contradictions(ledger: ArticleLedger) -> list[set[object]]:
    return [set(c.values) for c in ledger.contradictions if c.field == "perpetrator"]


def test_rebels_blamed_by_one_source_dispute_the_army_named_by_another(nlp: Language) -> None:
    text = (
        "A gas attack hit the village of Tel Hadid on Monday and killed 14 people. The government "
        "blamed Syrian rebels for the attack. The opposition says government forces carried out the attack."
    )
    found = perpetrator_contradictions(run(nlp, text))
    assert any({"Rebel groups (Syria)", "Military Forces of Syria"} <= values for values in found)


def test_a_blame_on_it_is_about_the_attack_told_before(nlp: Language) -> None:
    text = (
        "A chemical attack killed dozens of people in the town of Kafr Hamra in May. Western "
        "governments said the Syrian government was responsible for that attack. "
        "Damascus blamed it on rebels."
    )
    found = perpetrator_contradictions(run(nlp, text))
    assert any({"Rebel groups (Syria)", "Military Forces of Syria"} <= values for values in found)


def test_rebels_fighting_the_army_are_no_dispute_over_who_did_it(nlp: Language) -> None:
    text = (
        "Rebels attacked an army checkpoint near Hama on Monday, the Syrian Observatory for Human "
        "Rights said. The Syrian army repelled the rebels, state media said."
    )
    assert perpetrator_contradictions(run(nlp, text)) == []


def test_some_victims_counted_above_anothers_toll_of_all_contradict_it(nlp: Language) -> None:
    text = (
        "Air strikes on the town of Mayadin left at least 40 civilians dead, state media reported on "
        "Tuesday. The Syrian Observatory for Human Rights said the strikes killed 25 people."
    )
    assert killed_contradictions(run(nlp, text)) == [[40, 25]]


def test_some_victims_counted_below_anothers_toll_of_all_are_part_of_it(nlp: Language) -> None:
    text = (
        "Air strikes on the town of Mayadin left at least 10 civilians dead, state media reported on "
        "Tuesday. The Syrian Observatory for Human Rights said the strikes killed 25 people."
    )
    assert killed_contradictions(run(nlp, text)) == []


def test_a_risen_toll_replaces_the_figure_the_report_calls_earlier_whoever_gave_it(nlp: Language) -> None:
    text = (
        "The death toll from the shelling of Hama rose to 9 people and more than 40 others injured, "
        "the agency's reporter said. According to earlier information provided by a source at the "
        "Hama Police Command, 4 people were killed and 17 others were injured in the shelling."
    )
    ledger = run(nlp, text)
    pairs = {(r.field, r.before, r.after) for r in ledger.revisions}
    assert {("killed", 4, 9), ("injured", 17, 40)} <= pairs  # "more than 40": the stated number


def test_more_than_a_figure_is_coded_as_the_number_told(nlp: Language) -> None:
    from khabar.figure_text import stated_figure

    text = "More than 30 people were killed in the air strike on Douma, the Syrian Observatory said."
    claims = [c for c in run(nlp, text).claims if c.kind == "killed"]
    assert [c.value for c in claims] == [30]
    assert [stated_figure(c.value, c.qualifier) for c in claims] == ["more than 30"]


def test_a_source_stating_who_was_responsible_blames_them(nlp: Language) -> None:
    text = (
        "Activists say a gas attack on Zamalka on Wednesday killed 40 people. For days the government "
        "has tried to counter those allegations, arguing that opposition fighters themselves were "
        "responsible for that attack. Britain said the Syrian army was behind the attack."
    )
    found = perpetrator_contradictions(run(nlp, text))
    assert any({"Rebel groups (Syria)", "Military Forces of Syria"} <= values for values in found)


def test_stating_who_was_responsible_with_no_attack_word_is_a_perpetrator_claim(nlp: Language) -> None:
    text = (
        "Activists say a gas attack on Zamalka on Wednesday killed 40 people. The government has "
        "countered the allegations, arguing that opposition fighters themselves were responsible."
    )
    claims = [c for c in run(nlp, text).claims if c.speaker == "government"]
    assert [(c.kind, c.value) for c in claims] == [("perpetrator", "Rebel groups (Syria)")]


def test_up_from_gives_the_sources_previous_figure_which_the_new_one_revises(nlp: Language) -> None:
    text = (
        "Air strikes on Douma killed 45 people, up from 30 reported on Sunday, the Syrian Observatory said."
    )
    ledger = run(nlp, text)
    assert [(r.before, r.after) for r in ledger.revisions] == [(30, 45)]
    assert killed_contradictions(ledger) == []

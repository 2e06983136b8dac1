"""Quotes partly claimed already and headlines led by their speaker, each on text written for
the test."""

from __future__ import annotations

import datetime as dt

from report_helpers import claim_at, ledger_of_report
from spacy.language import Language

from khabar.model import ArticleLedger


def run(nlp: Language, text: str) -> ArticleLedger:
    return ledger_of_report(nlp, text, dt.date(2016, 5, 2))


def test_a_quote_with_a_figure_inside_still_says_the_rest(nlp: Language) -> None:
    text = (
        '"The government has failed us" Mayor Khaled Hamdan told the agency. "The army killed five '
        "of our men last week. Now they want us to hand over our weapons and leave the villages "
        'where our families have lived for a hundred years."'
    )
    ledger = run(nlp, text)
    assert claim_at(ledger, text, "killed five", "killed").speaker == "Khaled Hamdan"
    assert claim_at(ledger, text, "Now they want us", "statement").speaker == "Khaled Hamdan"


def test_a_headline_led_by_a_speaker_and_a_colon_is_that_speakers(nlp: Language) -> None:
    text = (
        "30 April 2016 Russian Defence Ministry: More than 100 militants killed near Palmyra. "
        "The ministry said the strikes hit fuel trucks."
    )
    claim = claim_at(run(nlp, text), text, "100 militants", "killed")
    assert claim.speaker == "Russian Defence Ministry"


def test_a_clock_time_before_the_headline_speaker_is_no_part_of_it(nlp: Language) -> None:
    text = "2 May 2016 20:08 Syrian Coalition: Regime shelling killed 20 civilians in Douma."
    assert claim_at(run(nlp, text), text, "20 civilians", "killed").speaker == "Syrian Coalition"


def test_a_place_before_a_colon_does_not_speak(nlp: Language) -> None:
    text = "Homs: 12 killed in car bomb on Monday. The blast hit a market, the governor said."
    assert claim_at(run(nlp, text), text, "12 killed", "killed").speaker == "the outlet"


def test_affirmed_that_reports_a_statement(nlp: Language) -> None:
    text = (
        "Defence Ministry spokesman Ahmed Khalil affirmed that the army had destroyed three tunnels "
        "near Homs."
    )
    claim = claim_at(run(nlp, text), text, "three tunnels")
    assert (claim.speaker, claim.kind) == ("Ahmed Khalil", "statement")


def test_pointed_out_reports_but_pointed_to_does_not(nlp: Language) -> None:
    said = "The governor pointed out that the shelling had destroyed two schools in the town of Saraqeb."
    claim = claim_at(run(nlp, said), said, "two schools")
    assert claim.speaker == "governor" and not claim.value.startswith("out")
    shown = "The soldier pointed to the hills where the rebels had fired rockets at the town."
    assert [c.speaker for c in run(nlp, shown).claims if c.speaker == "soldier"] == []


def test_an_outlets_reporter_speaks_as_the_reporter_not_the_outlet(nlp: Language) -> None:
    text = (
        "Shells hit the town of Khan Arnabeh on Monday. SANA reporter in Quneitra said that two "
        "people were killed by the shells. SANA said that one more died in the shelling of Jaramana."
    )
    ledger = run(nlp, text)
    assert claim_at(ledger, text, "two people", "killed").speaker == "SANA reporter in Quneitra"
    assert claim_at(ledger, text, "one more", "killed").speaker == "SANA"


def test_a_relay_run_on_without_a_comma_governs_the_clause_before_it(nlp: Language) -> None:
    text = (
        "A Russian air strike killed 40 militants in Idlib province Russian state television cited "
        "the defence ministry as saying on Thursday."
    )
    claim = claim_at(run(nlp, text), text, "40 militants", "killed")
    assert claim.speaker == "defence ministry"

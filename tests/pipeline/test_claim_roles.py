"""A bare role in a headline ('governor says') is the one holder of that role the report names,
on text written for the test."""

from __future__ import annotations

import datetime as dt

from report_helpers import ledger_of_report
from spacy.language import Language

from khabar.model import ArticleLedger

REPORT = (
    "Rocket strike on Dnipro market kills five, governor says\n\n"
    "DNIPRO, Ukraine (AP) — A rocket hit a crowded market in the city of Dnipro on Sunday, killing at "
    "least five people and wounding 12, regional Governor Ivan Petrenko said.\n\n"
    "Rescuers searched the rubble. Petrenko later raised the toll to eight, "
    "saying three bodies had been found."
)


def run(nlp: Language, text: str) -> ArticleLedger:
    return ledger_of_report(nlp, text, dt.date(2024, 6, 3))


def test_a_headline_role_is_the_named_holder_of_that_role(nlp: Language) -> None:
    ledger = run(nlp, REPORT)
    speakers = {claim.speaker for claim in ledger.claims if claim.kind == "killed"}
    assert speakers == {"Ivan Petrenko"}
    # one source revising his own toll is no dispute between two sources
    assert not [c for c in ledger.contradictions if c.field == "killed"]


def test_a_revised_figure_is_withdrawn_where_the_headline_repeats_it(nlp: Language) -> None:
    ledger = run(nlp, REPORT)
    headline = [c for c in ledger.claims if c.kind == "killed" and c.evidence[0].start < 60]
    assert [c.status for c in headline] == ["superseded"]
    (strike,) = [event for event in ledger.events if event.fatalities.claims]
    assert (strike.fatalities.low, strike.fatalities.best) == (8, 8)
    assert [span.text for span in strike.fatalities.evidence] == ["eight"]


def test_a_role_two_people_hold_stays_unnamed(nlp: Language) -> None:
    text = REPORT + " Governor Olena Kovalenko of a neighbouring region said the market was hit twice."
    ledger = run(nlp, text)
    headline = [claim for claim in ledger.claims if claim.evidence[0].start < 60]
    assert headline and headline[0].speaker == "governor"

"""An unnamed source placed in a body ("a source at Aleppo Police Command") speaks unnamed, so
its claims are unverified, also when copy without commas makes the body the cue's subject; "it
seems that" hedges. Texts are written for the tests."""

from __future__ import annotations

import datetime as dt

from report_helpers import ledger_of_report
from spacy.language import Language

from khabar.model import ArticleLedger, Claim


def run(nlp: Language, text: str) -> ArticleLedger:
    return ledger_of_report(nlp, text, dt.date(2016, 6, 8))


def claims_at(ledger: ArticleLedger, text: str, words: str, kind: str) -> list[Claim]:
    start = text.index(words)
    end = start + len(words)
    overlapping = [c for c in ledger.claims if c.evidence[0].start < end and start < c.evidence[0].end]
    return [c for c in overlapping if c.kind == kind]


def test_a_source_at_a_police_command_run_into_the_figure_speaks_unverified(nlp: Language) -> None:
    text = (
        "Terrorist groups fired several rocket shells on the Midan neighborhood on Saturday leaving "
        "12 civilians dead a source at Aleppo Police Command told SANA."
    )
    found = claims_at(run(nlp, text), text, "12 civilians", "killed")
    assert found and found[0].speaker == "a source at Aleppo Police Command"
    assert found[0].status == "unverified"


def test_a_source_in_a_group_named_like_a_person_is_still_an_unnamed_source(nlp: Language) -> None:
    text = (
        '"A suicide bomber detonated his belt near our position killing 14 fighters" a source in '
        "Jaish al-Islam told The New Arab."
    )
    found = claims_at(run(nlp, text), text, "14 fighters", "killed")
    assert found and found[0].speaker.startswith("a source in")
    assert found[0].status == "unverified"


def test_a_named_spokesman_is_no_placed_source(nlp: Language) -> None:
    text = "A spokesman for the army, Ali Mayhoub, said 12 rebels were killed in the ambush."
    found = claims_at(run(nlp, text), text, "12 rebels", "killed")
    assert found and found[0].speaker == "Ali Mayhoub" and found[0].status == "asserted"


def test_it_seems_hedges_the_outlets_perpetrator(nlp: Language) -> None:
    text = "But it seems that foreign backed militant groups have committed this cowardly attack in revenge."
    found = claims_at(run(nlp, text), text, "foreign backed militant groups", "perpetrator")
    assert found and found[0].status == "unverified"

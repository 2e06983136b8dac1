"""Who said it: speakers linked across sentences and speaker phrases cut from run-on copy,
each on text written for the test."""

from __future__ import annotations

import datetime as dt

from report_helpers import claim_at, ledger_of_report
from spacy.language import Language

from khabar.model import ArticleLedger


def run(nlp: Language, text: str) -> ArticleLedger:
    return ledger_of_report(nlp, text, dt.date(2016, 3, 9))


def test_he_points_back_to_an_unnamed_official(nlp: Language) -> None:
    text = (
        "An official at the provincial council in Hama said shells hit the district of Karim and the "
        "market on Monday. He said the shelling wounded at least 40 people."
    )
    claim = claim_at(run(nlp, text), text, "40 people", "injured")
    assert claim.speaker == "An official at the provincial council in Hama"


def test_a_figure_run_into_the_speaker_is_not_the_speaker(nlp: Language) -> None:
    text = (
        "Two car bombs went off in the town of Salamiyah on Tuesday killing at least 12 people "
        "including four women state media reported."
    )
    assert claim_at(run(nlp, text), text, "12 people").speaker == "state media"


def test_a_place_run_into_a_description_is_not_the_speaker(nlp: Language) -> None:
    text = (
        "An air strike has killed nine civilians in the village of Karnaz north of Hama local media "
        "reported Monday."
    )
    assert claim_at(run(nlp, text), text, "nine civilians", "killed").speaker == "local media"


def test_a_hedged_passive_has_no_believer(nlp: Language) -> None:
    text = (
        "The raid believed to have been flown by Russian jets killed at least 14 people in Saraqeb "
        "said the Observatory."
    )
    claim = claim_at(run(nlp, text), text, "14 people", "killed")
    assert "Observatory" in str(claim.speaker)


def test_the_author_of_a_cited_statement_speaks(nlp: Language) -> None:
    text = "The Anadolu Agency reported 11 deaths citing a statement from the Aleppo Revolutionary Council."
    claim = claim_at(run(nlp, text), text, "11 deaths", "killed")
    assert claim.speaker == "Aleppo Revolutionary Council"
    assert claim.via == ["Anadolu Agency"]


def test_a_participle_hung_on_a_noun_that_cannot_speak_is_the_subject_s(nlp: Language) -> None:
    text = (
        "Iran has been the government's closest ally during the long war supplying it with fighters "
        "and blaming the March gas attack on rebel forces."
    )
    claim = claim_at(run(nlp, text), text, "rebel forces", "perpetrator")
    assert claim.speaker == "Iran"


def test_joining_another_in_saying_is_saying(nlp: Language) -> None:
    text = (
        "A gas attack killed 40 people in Saqba on Monday. Several European governments joined "
        "the United Nations in saying the attack was a war crime."
    )
    claim = claim_at(run(nlp, text), text, "the attack was a war crime")
    assert claim.speaker == "Several European governments"

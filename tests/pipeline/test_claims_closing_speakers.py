"""A cue closing its sentence names its speaker right before or after it, whatever subject the
parser gave it in copy without commas (``claim_attribution._adjacent_speaker``,
``_closing_description``, the agent rule of ``_verb``). Texts are written for the tests."""

from __future__ import annotations

import datetime as dt

from report_helpers import claim_at, ledger_of_report
from spacy.language import Language

from khabar.model import ArticleLedger


def run(nlp: Language, text: str) -> ArticleLedger:
    return ledger_of_report(nlp, text, dt.date(2016, 6, 8))


def test_a_name_before_a_closing_cue_speaks_though_the_parser_gave_it_a_subject(nlp: Language) -> None:
    text = (
        "At least four children were among 11 civilians killed in the district during bombing and "
        "shelling on Sunday Siege Watch reported."
    )
    claim = claim_at(run(nlp, text), text, "11 civilians", "killed")
    assert claim.speaker == "Siege Watch"


def test_a_place_before_a_closing_cue_does_not_speak(nlp: Language) -> None:
    text = (
        "Several wounded children were seen lying on the floor of a clinic as they awaited treatment "
        "an AFP photographer in Douma reported."
    )
    ledger = run(nlp, text)
    assert all(c.speaker != "Douma" for c in ledger.claims)


def test_another_verbs_agent_is_not_the_speaker_of_a_closing_cue(nlp: Language) -> None:
    text = (
        "The Ahrar brigade was founded by a merger of Islamist factions in 2014 and receives weapons "
        "from Turkey AFP reports."
    )
    claim = claim_at(run(nlp, text), text, "receives weapons")
    assert claim.speaker == "Agence France-Presse"


def test_a_description_after_a_closing_said_is_the_speaker(nlp: Language) -> None:
    text = (
        "Kurdish fighters retook the hill on Monday a day after it was seized by the terrorists said "
        "the Britain-based group."
    )
    claim = claim_at(run(nlp, text), text, "Kurdish fighters retook the hill", "event")
    assert claim.speaker == "Britain-based group"


def test_the_subject_of_was_quoted_as_telling_speaks_not_its_audience(nlp: Language) -> None:
    text = (
        "Foreign Minister Jean Asselborn was quoted as telling the daily Le Monde that the truce is not "
        "enough to avoid a catastrophe."
    )
    claim = claim_at(run(nlp, text), text, "the truce is not enough")
    assert claim.speaker == "Jean Asselborn"


def test_the_subject_of_was_quoted_as_saying_speaks(nlp: Language) -> None:
    text = (
        "Walid Nasr a doctor at the city hospital was quoted as saying that several victims arrived "
        "with symptoms of suffocation."
    )
    claim = claim_at(run(nlp, text), text, "several victims arrived")
    assert claim.speaker == "Walid Nasr"

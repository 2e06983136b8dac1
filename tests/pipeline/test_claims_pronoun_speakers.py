"""Speakers told by a pronoun or a description: 'he' is one person, never 'officials'; 'the
group' is never a place the tagger calls an organisation (``claim_speakers.SpeakerBook``).
Texts are written for the tests."""

from __future__ import annotations

import datetime as dt

from report_helpers import ledger_of_report
from spacy.language import Language

from khabar.model import ArticleLedger, Claim


def run(nlp: Language, text: str) -> ArticleLedger:
    return ledger_of_report(nlp, text, dt.date(2017, 3, 14))


def claims_at(ledger: ArticleLedger, text: str, words: str) -> list[Claim]:
    start = text.index(words)
    end = start + len(words)
    return [c for c in ledger.claims if c.evidence[0].start < end and start < c.evidence[0].end]


def test_he_is_the_commander_who_spoke_last_not_the_officials_before_him(nlp: Language) -> None:
    text = (
        "The militants will keep their online network alive, officials say. "
        "The deputy commander for coalition forces in the region warned last month that the "
        "network would outlive the loss of its towns. He described the network as a shadow state."
    )
    ledger = run(nlp, text)
    found = claims_at(ledger, text, "the network as a shadow state")
    assert found and all(c.speaker != "officials" for c in found)
    assert all("commander" in (c.speaker or "") for c in found)


def test_she_never_points_back_to_several_sources(nlp: Language) -> None:
    text = (
        "A doctor at the field hospital said nine wounded were brought in overnight. "
        "Hospital officials said the clinic had run out of blood. "
        "She added that two of the wounded had died."
    )
    ledger = run(nlp, text)
    found = claims_at(ledger, text, "two of the wounded had died")
    assert found and all(c.speaker != "Hospital officials" for c in found)
    assert all("doctor" in (c.speaker or "") for c in found)


def test_the_group_is_the_source_before_not_a_region_tagged_as_an_organisation(nlp: Language) -> None:
    text = (
        "Two volunteers of the Syrian Civil Defence were killed in shelling on Friday the group said. "
        "The men were hit as they carried the wounded to a clinic in Syrias Eastern Ghouta region "
        "when the strike came. Three more volunteers were hurt in the attack the group said."
    )
    ledger = run(nlp, text)
    found = claims_at(ledger, text, "Three more volunteers were hurt")
    assert found and all("Civil Defence" in (c.speaker or "") for c in found)

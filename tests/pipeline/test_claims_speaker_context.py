"""Speakers read from context: 'the group said' after a named monitor, and 'expressed
condolences' as a statement (``claim_speakers.SpeakerBook``, ``judgement_cues`` of cues.json).
Texts are written for the tests."""

from __future__ import annotations

import datetime as dt

from report_helpers import ledger_of_report
from spacy.language import Language

from khabar.model import ArticleLedger, Claim


def run(nlp: Language, text: str) -> ArticleLedger:
    return ledger_of_report(nlp, text, dt.date(2016, 6, 8))


def claims_at(ledger: ArticleLedger, text: str, words: str) -> list[Claim]:
    start = text.index(words)
    end = start + len(words)
    return [c for c in ledger.claims if c.evidence[0].start < end and start < c.evidence[0].end]


def test_the_group_closing_a_sentence_is_the_monitor_not_a_group_it_tells_of(nlp: Language) -> None:
    text = (
        "The Syrian Observatory for Human Rights a Britain-based monitoring group said the blast "
        "took place outside the town of Maarat al-Numan. At least two officers were among those "
        "killed when fighters from the Islamic Front set off tonnes of explosives in a tunnel under "
        "the checkpoint the group said."
    )
    ledger = run(nlp, text)
    found = claims_at(ledger, text, "At least two officers were among those killed")
    assert found and all(c.speaker == "Syrian Observatory for Human Rights" for c in found)


def test_expressing_condolences_is_a_statement_and_its_toll_the_speakers(nlp: Language) -> None:
    text = (
        "The helicopter was shot down over Idlib on Monday, the ministry said. Kremlin spokesman "
        "Dmitry Peskov expressed condolences over the deaths of the five soldiers."
    )
    ledger = run(nlp, text)
    found = claims_at(ledger, text, "condolences over the deaths of the five soldiers")
    kinds = {c.kind for c in found if c.speaker == "Dmitry Peskov"}
    assert kinds == {"statement", "killed"}


def test_a_headline_closed_by_a_colon_and_a_source_is_that_sources(nlp: Language) -> None:
    text = (
        "August 22 2013 Government forces bombard Damascus suburbs after gas attack: activists. "
        "Syrian government forces bombarded rebel-held suburbs of Damascus on Thursday activists said."
    )
    ledger = run(nlp, text)
    found = claims_at(ledger, text, "Government forces bombard Damascus suburbs")
    assert found and all(c.speaker == "activists" for c in found)


def test_a_headline_closed_by_a_place_has_no_speaker(nlp: Language) -> None:
    text = "Car bomb kills 12 people near the market: Homs. A car bomb killed 12 people in Homs on Tuesday."
    ledger = run(nlp, text)
    found = claims_at(ledger, text, "Car bomb kills 12 people")
    assert found and all(c.speaker == "the outlet" for c in found)


def test_according_to_a_source_split_off_by_the_parser_governs_the_next_sentence(nlp: Language) -> None:
    text = (
        "The only hospital in the town was destroyed in Russian airstrikes on Thursday killing three "
        "medics. According to the Syrian Network for Human Rights (SNHR) the Russian air force "
        "targeted at least 243 vital civilian facilities including 5 IDP camps between September 30 "
        "2015 and March 15 2016."
    )
    ledger = run(nlp, text)
    found = claims_at(ledger, text, "the Russian air force targeted at least 243")
    assert any(c.speaker == "Syrian Network for Human Rights" for c in found)

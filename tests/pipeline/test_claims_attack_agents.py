"""An armed actor named as the doer of an attack without a 'by' is a perpetrator claim
(``claims._attack_agent_claims``, ``attack_agents`` of cues.json). Texts are written for the tests."""

from __future__ import annotations

import datetime as dt

from report_helpers import ledger_of_report
from spacy.language import Language

from khabar.model import ArticleLedger, Claim


def run(nlp: Language, text: str) -> ArticleLedger:
    return ledger_of_report(nlp, text, dt.date(2016, 6, 8))


def perpetrators(ledger: ArticleLedger, text: str, words: str) -> list[Claim]:
    start = text.index(words)
    end = start + len(words)
    return [
        c
        for c in ledger.claims
        if c.kind == "perpetrator" and c.evidence[0].start < end and start < c.evidence[0].end
    ]


def test_the_subject_of_an_attack_verb_in_a_bulletin_is_the_outlets_perpetrator(nlp: Language) -> None:
    text = (
        "Published May 2 2017 The jet fighters of the Syrian regime have attacked settlements in "
        "Idlib province with chemical weapons."
    )
    ledger = run(nlp, text)
    found = perpetrators(ledger, text, "The jet fighters of the Syrian regime")
    assert found and found[0].speaker == "the outlet"
    assert found[0].value == "Military Forces of Syria"


def test_a_name_on_an_attack_noun_is_its_perpetrator(nlp: Language) -> None:
    text = "An Islamic State counteroffensive in Raqqa province left 30 soldiers dead on Monday."
    ledger = run(nlp, text)
    found = perpetrators(ledger, text, "An Islamic State counteroffensive")
    assert found and "Islamic State" in str(found[0].value)


def test_the_subject_of_carrying_out_attacks_is_named_by_the_source_that_tells_it(nlp: Language) -> None:
    text = (
        "Over the past week regime forces have carried out repeated attacks on the district leaving "
        "dozens of residents dead or injured, the Syrian Observatory for Human Rights said."
    )
    ledger = run(nlp, text)
    found = perpetrators(ledger, text, "regime forces")
    assert found and all(c.speaker != "the outlet" for c in found)


def test_a_place_the_rockets_came_from_is_no_perpetrator(nlp: Language) -> None:
    text = "On Sunday three rockets fired from an ISIS-held area hit the Turkish border city of Kilis."
    ledger = run(nlp, text)
    assert not perpetrators(ledger, text, "three rockets fired from an ISIS-held area")


def test_strikes_received_by_the_air_force_name_it_their_perpetrator(nlp: Language) -> None:
    text = (
        "Hama Syrian army units advanced on Tuesday. Terrorist organizations are receiving more "
        "strikes by the armys air force while the army units continue targeting their sites."
    )
    ledger = run(nlp, text)
    found = perpetrators(ledger, text, "armys air force")
    assert found and found[0].value == "Military Forces of Syria"


def test_who_fires_rockets_is_the_outlets_perpetrator(nlp: Language) -> None:
    text = "Rebels regularly fire homemade rockets into the west of the city."
    ledger = run(nlp, text)
    found = perpetrators(ledger, text, "Rebels")
    assert found and found[0].speaker == "the outlet" and "Rebel" in str(found[0].value)


def test_snipers_who_opened_fire_are_the_perpetrator(nlp: Language) -> None:
    text = "Snipers from the Islamic State group opened fire on farmers near the village on Monday."
    ledger = run(nlp, text)
    found = perpetrators(ledger, text, "Snipers from the Islamic State group")
    assert found and "Islamic State" in str(found[0].value)


def test_a_group_that_committed_an_attack_is_its_perpetrator(nlp: Language) -> None:
    text = "But it seems that foreign backed militant groups have committed this cowardly attack in revenge."
    ledger = run(nlp, text)
    assert perpetrators(ledger, text, "foreign backed militant groups")


def test_forces_that_surged_or_are_advancing_are_the_perpetrator(nlp: Language) -> None:
    text = (
        "Earlier on Sunday pro-government fighters backed by Russian air power surged towards Maskanah. "
        "The Syrian army soldiers and their allies are advancing against the militants in the south the "
        "sources said."
    )
    ledger = run(nlp, text)
    assert perpetrators(ledger, text, "pro-government fighters")
    found = perpetrators(ledger, text, "The Syrian army soldiers")
    assert found and found[0].speaker == "sources" and found[0].value == "Military Forces of Syria"


def test_an_attack_verb_read_as_a_participle_in_a_when_clause_names_its_subject(nlp: Language) -> None:
    # no comma before "when": the parser hangs "targeted" on "terrorists" as a participle
    text = (
        "On Friday 12 civilians were killed when Jabhat al-Nusra terrorists targeted with dozens of "
        "rocket shells the Midan area of the city."
    )
    ledger = run(nlp, text)
    found = perpetrators(ledger, text, "Jabhat al-Nusra terrorists")
    assert found and found[0].speaker == "the outlet"


def test_a_town_rebels_seized_years_ago_names_no_perpetrator(nlp: Language) -> None:
    # captures are mostly told as background ("since 2012 when rebels seized its eastern half")
    text = "Warplanes struck the town on Monday. Rebels seized the town from the army in 2013."
    ledger = run(nlp, text)
    assert not perpetrators(ledger, text, "Rebels seized")

"""Perpetrator disputes at the link level: a counter-blame (a source naming an armed group as the
owner or user of an attack's toxic agent), one happening told as two events, and the name a
state side goes by (``claim_perpetrators.add_counter_blames``, ``perpetrator_contradictions``).
Texts are written for the tests."""

from __future__ import annotations

import datetime as dt

from report_helpers import ledger_of_report
from spacy.language import Language

from khabar.model import ArticleLedger


def run(nlp: Language, text: str) -> ArticleLedger:
    return ledger_of_report(nlp, text, dt.date(2016, 6, 8))


def perpetrator_disputes(ledger: ArticleLedger) -> list[set[str]]:
    return [set(c.values) for c in ledger.contradictions if c.field == "perpetrator"]


def test_a_denial_that_puts_the_gas_in_a_rebel_depot_blames_the_rebels(nlp: Language) -> None:
    text = (
        "Activists said government warplanes dropped chemical bombs on the town of Kafr Zita in "
        "Hama province on Tuesday, killing 30 people. The government denied any role, saying its "
        "jets had hit a rebel depot full of toxic chemicals."
    )
    ledger = run(nlp, text)
    blames = [c for c in ledger.claims if c.kind == "perpetrator" and c.value == "Rebel groups (Syria)"]
    assert blames and all(c.speaker != "the outlet" for c in blames)
    assert {"Military Forces of Syria", "Rebel groups (Syria)"} in perpetrator_disputes(ledger)


def test_a_source_saying_rebels_released_the_gas_disputes_a_blame_of_the_army(nlp: Language) -> None:
    text = (
        "The United States blamed the Syrian government for the gas attack on Kafr Zita on "
        "Tuesday. Moscow said rebels had released the gas themselves."
    )
    disputes = perpetrator_disputes(run(nlp, text))
    assert any({"Military Forces of Syria", "Rebel groups (Syria)"} <= values for values in disputes)


def test_a_rebel_depot_hit_in_an_ordinary_strike_blames_nobody(nlp: Language) -> None:
    # no toxic agent in the sentence: the depot is what the strike hit, not what killed
    text = (
        "Government warplanes struck a rebel depot near Kafr Zita on Tuesday, killing 12 fighters, "
        "the Syrian Observatory for Human Rights said."
    )
    ledger = run(nlp, text)
    assert not [c for c in ledger.claims if c.kind == "perpetrator" and c.value == "Rebel groups (Syria)"]
    assert perpetrator_disputes(ledger) == []


def test_gas_used_on_rebel_areas_blames_no_rebels(nlp: Language) -> None:
    # the group is where the agent was used, not its owner or user
    text = (
        "Activists said government forces fired rockets with poison gas on Zamalka on Wednesday. "
        "The French foreign minister said Assad must be punished for the use of poison gas on "
        "rebel areas."
    )
    ledger = run(nlp, text)
    assert not [c for c in ledger.claims if c.kind == "perpetrator" and c.value == "Rebel groups (Syria)"]


UNNAMED_GROUP = "Unidentified Armed Group (Syria)"


def test_a_denial_blaming_terrorist_groups_disputes_a_blame_of_the_army(nlp: Language) -> None:
    # "terrorist groups" resolves to no named group: the blame word makes it a side all the same
    text = (
        "Activists blamed government forces for the chemical attack on the town of Kafr Zita on "
        "Tuesday. The army denied any involvement, issuing a statement blaming terrorist groups for "
        "the attack."
    )
    assert {"Military Forces of Syria", UNNAMED_GROUP} in perpetrator_disputes(run(nlp, text))


def test_an_attack_carried_out_by_militants_in_a_sources_words_is_a_blame(nlp: Language) -> None:
    text = (
        "The opposition said the Syrian army was responsible for the gas attack on Kafr Zita on "
        "Tuesday. The government says the attack was actually carried out by militants."
    )
    assert {"Military Forces of Syria", UNNAMED_GROUP} in perpetrator_disputes(run(nlp, text))


def test_two_sides_blames_on_two_events_of_one_happening_are_one_dispute(nlp: Language) -> None:
    # the denial's counter-blame lands on the event stage's second event (the air strike on the
    # depot), the activists' blame on the chemical attack: one happening, one dispute
    text = (
        "A chemical attack on the town of Kafr Zita in Hama province killed 20 people on Tuesday, "
        "activists said, blaming government forces. Syria has denied carrying out the gas attack, "
        "with its foreign minister stressing that an air strike had hit a depot where terrorists "
        "stored chemical weapons."
    )
    ledger = run(nlp, text)
    blamed = {c.value: c.about for c in ledger.claims if c.kind == "perpetrator"}
    assert blamed["Military Forces of Syria"] != blamed[UNNAMED_GROUP]
    assert {"Military Forces of Syria", UNNAMED_GROUP} in perpetrator_disputes(ledger)

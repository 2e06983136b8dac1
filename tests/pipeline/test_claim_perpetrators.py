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

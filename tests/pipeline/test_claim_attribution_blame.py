"""How sure a blame is: a party that blames another for an attack claims it, unverified."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from khabar.extract import ledger_of
from khabar.model import Article


def test_a_party_blaming_another_is_unverified(nlp: Language) -> None:
    text = (
        "A gas attack on the town of Saqba killed 20 people on Sunday. The government blamed "
        "the attack on rebel fighters, while the opposition blamed government forces."
    )
    doc = nlp.make_doc(text)
    doc._.article = Article(text=text, published=dt.date(2016, 3, 9))
    ledger = ledger_of(nlp(doc))
    blamed = [c for c in ledger.claims if c.kind == "perpetrator" and c.speaker != "the outlet"]
    assert blamed, [c.to_dict() for c in ledger.claims]
    assert {c.status for c in blamed} == {"unverified"}


def test_two_sides_blaming_each_other_make_a_claim_each(nlp: Language) -> None:
    text = (
        "A chemical attack hit the town of Saqba in March, killing 20 people. The government and "
        "the rebels have blamed each other for that attack."
    )
    doc = nlp.make_doc(text)
    doc._.article = Article(text=text, published=dt.date(2016, 3, 9))
    ledger = ledger_of(nlp(doc))
    blamed = {c.speaker: str(c.value) for c in ledger.claims if c.kind == "perpetrator" and c.cue == "blamed"}
    assert set(blamed) == {"government", "rebels"}
    assert "Rebel" in blamed["government"] and "Rebel" not in blamed["rebels"]

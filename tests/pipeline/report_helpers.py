"""The whole pipeline on a report written for a test: its ledger, its events, the claim at a phrase.

Imported by the pipeline tests (pytest puts this folder on the path of its test modules)."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from khabar.extract import ledger_of
from khabar.model import Article, ArticleLedger, Claim, Event


def ledger_of_report(nlp: Language, text: str, published: dt.date) -> ArticleLedger:
    doc = nlp.make_doc(text)
    doc._.article = Article(text=text, published=published)
    return ledger_of(nlp(doc))


def events_of(nlp: Language, text: str, published: dt.date) -> list[Event]:
    doc = nlp.make_doc(text)
    doc._.article = Article(text=text, id="t", published=published)
    return nlp(doc)._.events


def claim_at(ledger: ArticleLedger, text: str, phrase: str, kind: str | None = None) -> Claim:
    """The first claim whose evidence overlaps ``phrase`` (of that kind, if given)."""
    start = text.index(phrase)
    end = start + len(phrase)
    found = [
        c
        for c in ledger.claims
        if c.evidence[0].start < end and start < c.evidence[0].end and (kind is None or c.kind == kind)
    ]
    assert found, f"no claim at {phrase!r}: {[c.to_dict() for c in ledger.claims]}"
    return found[0]

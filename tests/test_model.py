"""The data model round-trips through its dict form, and carries the contract's field names."""

from __future__ import annotations

import datetime as dt

from khabar.model import (
    ACLED_SUB_EVENT_TYPES,
    Actor,
    Article,
    ArticleLedger,
    Claim,
    Count,
    Event,
    EventDate,
    Location,
    Span,
)


def make_ledger() -> ArticleLedger:
    text = "Shelling killed 4 people in Kafr Nabl on Monday."
    evidence = Span.of(text, 0, 8)
    event = Event(
        id="e1",
        sub_event_type="Shelling/artillery/missile attack",
        date=EventDate(dt.date(2024, 3, 4), "day", [Span.of(text, 38, 47)]),
        locations=[Location("Kafr Nabl", "SYR", 35.61, 36.56, "town", admin1="Idlib")],
        actor1=Actor("Military Forces of Syria", "SYR", 1),
        fatalities=Count(low=4, best=4, high=4, claims=["c1"]),
        evidence=[evidence],
    )
    claim = Claim("c1", "the outlet", "killed", "asserted", [Span.of(text, 0, 17)], value=4)
    article = Article(text=text, published=dt.date(2024, 3, 5), outlet="Test Wire")
    return ArticleLedger(article=article, events=[event], claims=[claim])


def test_acled_taxonomy_has_six_types_and_25_sub_event_types() -> None:
    assert len(ACLED_SUB_EVENT_TYPES) == 25
    assert len(set(ACLED_SUB_EVENT_TYPES.values())) == 6


def test_ledger_round_trips_through_dict() -> None:
    ledger = make_ledger()
    data = ledger.to_dict()
    again = ArticleLedger.from_dict(data, text=ledger.article.text)
    assert again.to_dict() == data


def test_event_dict_uses_contract_names() -> None:
    data = make_ledger().to_dict()["events"][0]
    assert data["acled"] == {
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Shelling/artillery/missile attack",
    }
    assert data["location"]["precision"] == "town"
    assert data["date"] == {
        "value": "2024-03-04",
        "precision": "day",
        "evidence": {"start": 38, "end": 47, "text": "on Monday"},
    }


def test_article_without_id_gets_a_content_hash() -> None:
    first = Article(text="same text")
    second = Article(text="same text")
    assert first.id == second.id and len(first.id) == 16

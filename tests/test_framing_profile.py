"""The outlet framing profile counts only what an outlet says in its own voice."""

from __future__ import annotations

from khabar.framing_profile import UNKNOWN_OUTLET, framing_profile
from khabar.model import Article, ArticleLedger, Framing, Span

TEXT = 'Terrorists attacked. "The terrorists are savages," the minister said.'


def ledger(outlet: str | None, article_id: str) -> ArticleLedger:
    framing = [
        Framing(Span.of(TEXT, 0, 10), "Name_Calling,Labeling", "outlet", "armed opposition groups"),
        Framing(Span.of(TEXT, 26, 36), "Name_Calling,Labeling", "the minister"),
        Framing(Span.of(TEXT, 41, 48), "Name_Calling,Labeling", "the minister"),
    ]
    return ArticleLedger(article=Article(text=TEXT, id=article_id, outlet=outlet), framing=framing)


def test_profile_counts_the_outlets_own_voice_only() -> None:
    profile = framing_profile([ledger("Daily A", "a1"), ledger("Daily A", "a2"), ledger(None, "b1")])
    daily = profile["Daily A"]
    assert daily["articles"] == 2
    assert daily["techniques"] == {"Name_Calling,Labeling": 2}
    assert daily["labels"] == {"terrorists": 2}
    assert [example["article"] for example in daily["examples"]] == ["a1", "a2"]
    assert daily["examples"][0]["neutral"] == "armed opposition groups"
    assert profile[UNKNOWN_OUTLET]["articles"] == 1


def test_examples_are_capped() -> None:
    ledgers = [ledger("Daily A", f"a{n}") for n in range(9)]
    assert len(framing_profile(ledgers, max_examples=3)["Daily A"]["examples"]) == 3

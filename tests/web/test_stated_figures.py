"""A qualified figure reads as its source stated it: "more than 20", not the bound 21 after the
qualifier, on the event page (table and chart) and in ``khabar show``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner
from web_server import TOKEN

from khabar.cli import app as cli_app
from khabar.figure_text import stated_figure
from khabar.model import Actor, Article, ArticleLedger, Claim, Count, Event, EventDate, Span
from khabar.store import open_store
from khabar.web import WebConfig, create_app

TEXT = "Shelling of the market killed more than 20 people and wounded fewer than 10, medics said."


def span(phrase: str) -> Span:
    start = TEXT.index(phrase)
    return Span(start, start + len(phrase), phrase)


def ledger() -> ArticleLedger:
    # as the extractor codes them: the smallest or largest number the words allow
    killed = Claim(id="c1", speaker="medics", kind="killed", status="asserted", value=20,
                   qualifier="more than", evidence=[span("more than 20 people")], about="e1")  # fmt: skip
    injured = Claim(id="c2", speaker="medics", kind="injured", status="asserted", value=9,
                    qualifier="fewer than", evidence=[span("fewer than 10")], about="e1")  # fmt: skip
    event = Event(
        id="e1", sub_event_type="Shelling/artillery/missile attack",
        date=EventDate(dt.date(2024, 3, 4), "day"),
        locations=[], actor1=Actor(name=None), fatalities=Count(low=20, best=20, claims=["c1"]),
        injured=Count(high=9, claims=["c2"]), evidence=[span("Shelling")],
    )  # fmt: skip
    article = Article(text=TEXT, id="market", published=dt.date(2024, 3, 4), outlet="Wire")
    return ArticleLedger(article=article, events=[event], claims=[killed, injured])


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("stated") / "ledger.db"
    with open_store(path) as store:
        store.put(ledger())
    return path


@pytest.mark.parametrize(
    ("value", "qualifier", "shown"),
    [(20, "more than", "more than 20"), (9, "fewer than", "fewer than 10"), (20, "at least", "at least 20"),
     (100, "Over", "Over 100"), ("dozens", "dozens", "dozens"), (7, None, "7"), (7, "between", "7")],
)  # fmt: skip
def test_stated_figure(value: object, qualifier: str | None, shown: str) -> None:
    assert stated_figure(value, qualifier) == shown


def test_the_event_page_shows_the_stated_figures(db: Path) -> None:
    from starlette.testclient import TestClient

    with TestClient(create_app(WebConfig(db=str(db), token=TOKEN))) as client:
        page = client.get("/events/market:e1").text
    assert "more than 20" in page and "fewer than 10" in page
    assert "more than 21" not in page and "fewer than 9" not in page


def test_show_prints_the_stated_figures(db: Path) -> None:
    result = CliRunner().invoke(cli_app, ["show", "market:e1", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "more than 20" in result.stdout and "fewer than 10" in result.stdout
    assert "more than 21" not in result.stdout

"""The event page shows a place or date contradiction side by side, with the claims behind each."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from web_server import TOKEN

from khabar.model import (
    Actor,
    Article,
    ArticleLedger,
    Claim,
    Contradiction,
    Event,
    EventDate,
    Location,
    Span,
)
from khabar.store import open_store
from khabar.web import WebConfig, create_app

TEXT = (
    "An air strike hit the town of Saraqeb on Tuesday, the monitor said. "
    "The state agency said the strike hit Jableh on Sunday."
)
ARTICLE_ID = "settings-1"


def _span(needle: str) -> Span:
    start = TEXT.index(needle)
    return Span.of(TEXT, start, start + len(needle))


def _ledger() -> ArticleLedger:
    saraqeb = Location(name="Saraqib", country="SYR", lat=35.86, lon=36.80, precision="town", admin1="Idlib")
    event = Event(
        id="e1",
        sub_event_type="Air/drone strike",
        date=EventDate(dt.date(2021, 3, 9), "day", evidence=[_span("Tuesday")]),
        locations=[saraqeb],
        actor1=Actor(name=None),
        evidence=[_span("An air strike")],
    )
    monitor = Claim(
        "c1", "the monitor", "event", "asserted", [_span("An air strike hit the town of Saraqeb")]
    )
    agency = Claim("c2", "the state agency", "event", "asserted", [_span("the strike hit Jableh on Sunday")])
    for claim in (monitor, agency):
        claim.about = "e1"
    contradictions = [
        Contradiction(
            "e1", "place", ["Saraqib", "Jablah"], ["c1", "c2"],
            sides=[{"value": "Saraqib", "claims": ["c1"]}, {"value": "Jablah", "claims": ["c2"]}],
        ),
        Contradiction(
            "e1", "date", ["2021-03-09", "2021-03-07"], ["c1", "c2"],
            sides=[{"value": "2021-03-09", "claims": ["c1"]}, {"value": "2021-03-07", "claims": ["c2"]}],
        ),
    ]  # fmt: skip
    article = Article(text=TEXT, id=ARTICLE_ID, published=dt.date(2021, 3, 10), outlet="Test Wire")
    return ArticleLedger(
        article=article, events=[event], claims=[monitor, agency], contradictions=contradictions
    )


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from starlette.testclient import TestClient

    path: Path = tmp_path_factory.mktemp("settings") / "ledger.db"
    with open_store(path) as store:
        store.put(_ledger())
    with TestClient(create_app(WebConfig(db=str(path), token=TOKEN))) as test_client:
        yield test_client


def test_event_page_shows_place_and_date_sides_with_their_claims(client) -> None:  # type: ignore[no-untyped-def]
    page = client.get(f"/events/{ARTICLE_ID}:e1").text
    for field, first, second in (("place", "Saraqib", "Jablah"), ("date", "2021-03-09", "2021-03-07")):
        block = page[page.index(f"<h3>{field} <small>contradiction") :]
        block = block[: block.index("</div>\n  </div>") if "</div>\n  </div>" in block else len(block)]
        assert first in block and second in block
        assert block.index('href="#c1-0"') < block.index(second) < block.index('href="#c2-0"')
    detail = client.get(f"/api/events/{ARTICLE_ID}:e1").json()
    assert {c["field"] for c in detail["contradictions"]} >= {"place", "date"}

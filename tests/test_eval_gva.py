"""``khabar eval gva`` scores the date of the event with the most victims."""

from __future__ import annotations

import khabar
from khabar.evaluate.gva import main_event_date


def test_the_date_scored_is_the_deadliest_events() -> None:
    text = (
        "A man was wounded in a stabbing in Westville on Monday, police said.\n"
        "Gunmen shot dead three people at a bar in Eastville on Sunday night, police said."
    )
    ledger = khabar.extract(text, published="2021-03-10")
    assert len(ledger.events) == 2
    assert main_event_date(ledger.events) == "2021-03-07"


def test_no_event_gives_no_date() -> None:
    assert main_event_date([]) is None
    assert main_event_date(None) is None

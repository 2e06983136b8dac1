"""The reference report: every 'must' event of its hand-made ledger is found.

Reads ``../shared/data/seed`` (skipped where it is absent). The rules that find these are
general; this test is the worked example, not a target the rules were written for.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

import khabar

SEED = "seed/idlib-2020-02-27"


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


@pytest.fixture(scope="module")
def seed(shared_data: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    text = (shared_data / f"{SEED}.txt").read_text(encoding="utf-8")
    gold = json.loads((shared_data / f"{SEED}.gold.json").read_text(encoding="utf-8"))
    ledger = khabar.extract(text, published="2020-02-28", outlet="Agencies").to_dict()
    return ledger, gold


def locations(event: dict[str, Any]) -> list[dict[str, Any]]:
    return event.get("locations") or [event["location"]]


def matches(found: dict[str, Any], want: dict[str, Any]) -> bool:
    if found["acled"]["sub_event_type"] != want["acled"]["sub_event_type"]:
        return False
    if found["date"]["value"] != want["date"]["value"]:
        return False
    wanted_places = locations(want)
    found_places = locations(found)
    for place in wanted_places:
        if "lat" not in place:
            if not any(f["country"] == place["country"] for f in found_places):
                return False
            continue
        near = [f for f in found_places if f["lat"] is not None]
        if not any(km(f["lat"], f["lon"], place["lat"], place["lon"]) <= place["tolerance_km"] for f in near):
            return False
    actor1 = want["actor1"]
    return found["actor1"]["name"] == actor1["name"] and found["actor1"]["country"] == actor1["country"]


def test_every_must_event_is_found(seed: tuple[dict[str, Any], dict[str, Any]]) -> None:
    ledger, gold = seed
    for want in (event for event in gold["events"] if event["level"] == "must"):
        assert any(matches(found, want) for found in ledger["events"]), want["what"]


def test_the_strike_has_33_to_34_killed_and_a_disputed_perpetrator(
    seed: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    ledger, _ = seed
    strike = next(e for e in ledger["events"] if e["acled"]["sub_event_type"] == "Air/drone strike")
    assert strike["fatalities"]["low"] == 33 and strike["fatalities"]["high"] == 34
    assert strike["actor2"]["name"] == "Military Forces of Turkey" and strike["actor2"]["inter"] == 8
    assert strike["actor1"]["disputed"] is True
    assert any(alt["name"] == "Military Forces of Russia" for alt in strike["actor1"]["alternatives"])

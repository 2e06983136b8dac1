"""``khabar eval events`` scoring: one-to-one matching of predicted and gold events."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

from khabar.evaluate.events import Score, evaluate, match, predicted_units
from khabar.model import Actor, Article, ArticleLedger, Count, Event, EventDate, Location

TEXT = "Air strikes killed four people in Duma on Monday. Rebels shelled Harasta the same day."


def _location(name: str, lat: float, lon: float, admin1: str = "Rif Dimashq") -> Location:
    return Location(name=name, country="SYR", lat=lat, lon=lon, precision="town", admin1=admin1)


def _event(
    event_id: str, sub: str, day: int, locations: list[Location], actor: str, killed: int | None
) -> Event:
    return Event(
        id=event_id,
        sub_event_type=sub,
        date=EventDate(dt.date(2017, 4, day), "day"),
        locations=locations,
        actor1=Actor(name=actor),
        fatalities=Count(low=killed, best=killed, high=killed),
    )


def _gold(gold_id: str, sub: str, event_type: str, day: str, place: dict, **extra: object) -> dict:
    gold = {
        "id": gold_id,
        "optional": False,
        "event_type": event_type,
        "sub_event_type": sub,
        "date": {"value": f"2017-04-{day}", "precision": "day"},
        "place": place,
        "actor1": "Military Forces of Syria",
        "actor2": "Civilians (Syria)",
        "fatalities": 4,
    }
    gold.update(extra)
    return gold


DUMA = {
    "name": "Douma",
    "country": "SYR",
    "admin1": "Rif Dimashq",
    "precision": "town",
    "lat": 33.572,
    "lon": 36.403,
}
HOMS = {"name": "Homs", "country": "SYR", "admin1": "Homs", "precision": "admin1", "lat": 34.56, "lon": 37.27}
EXPLOSIONS = "Explosions/Remote violence"


def test_matching_needs_type_day_and_place_and_is_one_to_one() -> None:
    gold = [_gold("g1", "Air/drone strike", EXPLOSIONS, "03", DUMA)]
    near = _event(
        "e1", "Air/drone strike", 4, [_location("Duma", 33.57, 36.40)], "Military Forces of Syria", 4
    )
    twice = _event(
        "e2", "Air/drone strike", 3, [_location("Duma", 33.57, 36.40)], "Military Forces of Syria", 4
    )
    late = _event(
        "e3", "Air/drone strike", 6, [_location("Duma", 33.57, 36.40)], "Military Forces of Syria", 4
    )
    far = _event(
        "e4", "Air/drone strike", 3, [_location("Homs", 34.72, 36.72)], "Military Forces of Syria", 4
    )
    battle = _event("e5", "Armed clash", 3, [_location("Duma", 33.57, 36.40)], "Military Forces of Syria", 4)
    units = predicted_units(
        ArticleLedger(article=Article(text=TEXT, id="t"), events=[late, far, battle, near, twice])
    )
    pairs = match(gold, units)
    assert len(pairs) == 1 and units[pairs[0]].event.id in {"e1", "e2"}  # one gold event, one prediction


def test_a_province_matches_by_admin1_and_optional_events_are_neither_hit_nor_miss() -> None:
    gold = [
        _gold("g1", "Air/drone strike", EXPLOSIONS, "03", HOMS),
        _gold("g2", "Armed clash", "Battles", "03", DUMA, optional=True),
    ]
    in_province = _event("e1", "Air/drone strike", 3, [_location("Tadmur", 34.56, 38.28, "Homs")], "x", 4)
    clash = _event("e2", "Armed clash", 3, [_location("Duma", 33.57, 36.40)], "x", None)
    score = Score()
    ledger = ArticleLedger(article=Article(text=TEXT, id="t"), events=[in_province, clash])
    score.add({"row": 1, "events": gold}, ledger)
    metrics = score.metrics()
    assert (metrics["precision"], metrics["recall"], metrics["gold_events"]) == (1.0, 1.0, 1.0)


def test_each_location_of_an_event_is_a_prediction_and_pairs_score_sub_type_actor_and_toll() -> None:
    gold = [
        _gold("g1", "Air/drone strike", EXPLOSIONS, "03", DUMA, fatalities_also=[5]),
        _gold(
            "g2",
            "Shelling/artillery/missile attack",
            EXPLOSIONS,
            "03",
            {**DUMA, "name": "Harasta"},
            actor1=None,
        ),
    ]
    two_places = _event(
        "e1",
        "Air/drone strike",
        3,
        [_location("Duma", 33.57, 36.40), _location("Aleppo", 36.2, 37.16, "Aleppo")],
        "Military Forces of Syria (2000-)",
        5,
    )
    shelling = _event(
        "e2", "Air/drone strike", 3, [_location("Harasta", 33.56, 36.37)], "Rebel groups (Syria)", 2
    )
    score = Score()
    score.add(
        {"row": 7, "events": gold},
        ArticleLedger(article=Article(text=TEXT, id="t"), events=[two_places, shelling]),
    )
    metrics = score.metrics()
    assert metrics["predicted_events"] == 3.0 and metrics["matched"] == 2.0
    assert metrics["precision"] == round(2 / 3, 3) and metrics["recall"] == 1.0
    assert metrics["sub_event_accuracy"] == 0.5  # the shelling was typed an air strike
    assert metrics["actor1_agreement"] == 1.0  # the regime period is ignored; g2 names no actor
    assert metrics["fatalities_exact"] == 0.5  # 5 is an accepted figure of g1; 2 is not 4
    assert score.false_positives == [
        "row 7 e1: Air/drone strike 2017-04-03 Aleppo a1=Military Forces of Syria (2000-) fat=5"
    ]


def test_evaluate_reads_rows_checks_hashes_and_splits_halves(tmp_path: Path, monkeypatch) -> None:
    import khabar.evaluate.events as events_eval

    csv_path = tmp_path / "articles.csv"
    csv_path.write_text(
        "unit_id,article_title,article_content,source,date,location,labels\n"
        f'1,t,"{TEXT}",x,4/4/2017,damascus,1\n2,t,"Another text.",x,4/4/2017,damascus,1\n',
        encoding="utf-8",
    )
    notes = tmp_path / "notes"
    notes.mkdir()
    sha = hashlib.sha256(TEXT.encode()).hexdigest()
    gold = _gold("g1", "Air/drone strike", EXPLOSIONS, "03", DUMA)
    for row, half, digest in ((0, "tune", sha), (1, "held", "stale")):
        annotation = {"row": row, "unit_id": str(row + 1), "sha256": digest, "half": half, "events": [gold]}
        (notes / f"a{row}.json").write_text(json.dumps(annotation), encoding="utf-8")
    seen: list[dt.date | None] = []

    def fake_ledgers(items, _notes):
        for _annotation, row in items:
            seen.append(events_eval.parse_us_date_of(row))
            event = _event(
                "e1", "Air/drone strike", 3, [_location("Duma", 33.57, 36.40)], "Military Forces of Syria", 4
            )
            yield ArticleLedger(article=Article(text=row["article_content"], id="t"), events=[event])

    monkeypatch.setattr(events_eval, "_ledgers", fake_ledgers)
    report = evaluate(notes, csv_path=csv_path)
    assert report.n_items == 1 and report.notes == ["row 1: article missing or changed; skipped"]
    assert report.metrics["f1"] == 1.0 and set(report.details["by_half"]) == {"tune"}
    assert seen == [dt.date(2017, 4, 4)]  # the CSV's date read month first, as ingest reads it

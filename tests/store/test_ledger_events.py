"""Reconciled ledger events in the store, on SQLite and PostgreSQL: written, re-run, read back."""

from __future__ import annotations

import datetime as dt

import pytest
from reconcile_ledgers import corpus, daily_ledger, gazette_ledger, mosul_ledger, wire_ledger

from khabar.errors import KhabarError
from khabar.store import EventFilters, SqlStore
from khabar.store.ledger_events import iter_event_refs


def stored(store: SqlStore) -> SqlStore:
    for ledger in corpus():
        store.put(ledger)
    return store


def strike(store: SqlStore) -> dict:
    return store.get_ledger_event(store.ledger_event_of("wire-1:e1"))  # type: ignore[arg-type]


def table_rows(store: SqlStore) -> list[dict]:
    return store._query(
        "SELECT id, data_hash, updated_at, n_articles FROM ledger_events ORDER BY id"
    ) + store._query("SELECT * FROM ledger_event_members ORDER BY ledger_event_id, seq")


def test_event_refs_stream_every_event_with_its_claims_without_texts(store: SqlStore) -> None:
    stored(store)
    refs = {ref.key: ref for ref in iter_event_refs(store, page=2)}  # pages of 2 articles
    assert sorted(refs) == ["daily-1#e1", "gazette-1#e1", "other-1#e1", "wire-1#e1"]
    daily = refs["daily-1#e1"]
    assert daily.outlet == "Daily" and daily.published == dt.date(2017, 4, 5)
    assert [claim.id for claim in daily.claims] == ["c1", "c2"]
    assert daily.event.main is True


def test_reports_of_one_strike_become_one_ledger_event_and_the_unrelated_one_stays_apart(
    store: SqlStore,
) -> None:
    summary = stored(store).reconcile()
    assert (summary.article_events, summary.ledger_events, summary.written) == (4, 2, 2)
    event = strike(store)
    assert sorted(event["articles"]) == ["daily-1", "gazette-1", "wire-1"]
    assert event["outlets"] == ["Wire", "Daily", "Gazette"]  # in the order they reported
    assert event["acled"]["sub_event_type"] == "Chemical weapon"
    assert (event["date"]["start"], event["date"]["end"]) == ("2017-04-04", "2017-04-04")
    assert store.ledger_event_of("other-1:e1") not in (None, event["id"])


def test_the_ledger_event_keeps_each_outlets_claims_figures_and_contradictions(store: SqlStore) -> None:
    stored(store).reconcile()
    event = strike(store)
    # three sources, each with its latest credible figure: 58, 72, at least 86
    assert (event["fatalities"]["low"], event["fatalities"]["best"], event["fatalities"]["high"]) == (
        58,
        72,
        86,
    )
    timeline = [(point["outlet"], point["low"], point["status"]) for point in event["timeline"]["fatalities"]]
    assert timeline == [("Wire", 58, "asserted"), ("Daily", 72, "asserted"),
                        ("Gazette", 58, "superseded"), ("Gazette", 86, "asserted")]  # fmt: skip
    fields = {item["field"]: item for item in event["contradictions"]}
    assert set(fields) == {"fatalities", "actor1"}
    perpetrators = {side["value"]: side["outlets"] for side in fields["actor1"]["sides"]}
    assert perpetrators == {
        "Military Forces of Syria": ["Wire", "Gazette"],
        "Hayat Tahrir al-Sham": ["Daily"],
    }
    assert event["actor1"]["name"] == "Military Forces of Syria" and event["actor1"]["disputed"] is True
    members = {member["article_id"]: member for member in event["member_articles"]}
    assert members["daily-1"]["outlet"] == "Daily" and members["daily-1"]["event_id"] == "e1"
    assert members["daily-1"]["claims"] == ["daily-1:c1", "daily-1:c2", "daily-1:e1:actor2"]
    assert members["gazette-1"]["title"].startswith("The toll of the gas attack")


def test_reconciling_again_changes_nothing(store: SqlStore) -> None:
    stored(store).reconcile()
    before = table_rows(store)
    summary = store.reconcile()
    assert (summary.written, summary.unchanged, summary.removed) == (0, 2, 0)
    assert table_rows(store) == before  # same ids, same rows, same timestamps


def test_ids_are_stable_when_a_later_report_joins(store: SqlStore) -> None:
    for ledger in (wire_ledger(), daily_ledger(), mosul_ledger()):
        store.put(ledger)
    store.reconcile()
    first_id = store.ledger_event_of("wire-1:e1")
    store.put(gazette_ledger())  # a later toll update
    summary = store.reconcile()
    assert (summary.written, summary.unchanged, summary.removed) == (1, 1, 0)
    assert store.ledger_event_of("gazette-1:e1") == first_id
    assert first_id is not None and first_id.startswith("L-")


def test_a_replaced_article_is_rewritten_and_a_vanished_event_removed(store: SqlStore) -> None:
    stored(store).reconcile()
    mosul_id = store.ledger_event_of("other-1:e1")
    changed = mosul_ledger()
    changed.article.text += " A second blast followed."
    changed.events[0].date.value = dt.date(2017, 4, 9)  # now another day: a ledger event of its own
    store.put(changed)
    summary = store.reconcile()
    assert (summary.written, summary.removed) == (1, 0)  # the same earliest member: the same id
    assert store.get_ledger_event(mosul_id)["date"]["start"] == "2017-04-09"  # type: ignore[arg-type]


def test_listing_filters_and_counts(store: SqlStore) -> None:
    stored(store).reconcile()
    rows = store.query_ledger_events()
    assert [row.articles for row in rows] == [1, 3]  # by date: Mosul (2 Apr), then the strike (4 Apr)
    assert rows[1].disputed and rows[1].fatalities_best == 72 and rows[1].outlets == 3
    assert [row.id for row in store.query_ledger_events(min_articles=2)] == [rows[1].id]
    syria = EventFilters(country="SYR", since=dt.date(2017, 4, 3))
    assert [row.location for row in store.query_ledger_events(syria)] == ["Khan Shaykhun"]
    assert store.count_ledger_events(EventFilters(outlet="gazette")) == 1
    assert store.count_ledger_events(EventFilters(outlet="wire")) == 2
    assert store.count_ledger_events(EventFilters(actor="islamic state")) == 1
    assert store.count_ledger_events(EventFilters(disputed=True)) == 1
    with pytest.raises(KhabarError, match="E221"):
        store.query_ledger_events(EventFilters(status="asserted"))


def test_unknown_ledger_event_is_a_clear_error(store: SqlStore) -> None:
    with pytest.raises(KhabarError, match="E220"):
        store.get_ledger_event("L-0000")
    assert store.ledger_event_of("wire-1:e1") is None  # nothing reconciled yet


def test_a_failed_write_leaves_the_previous_reconciliation_whole(store: SqlStore) -> None:
    from khabar.reconcile import reconcile
    from khabar.store.ledger_events import put_ledger_events

    stored(store).reconcile()
    before = table_rows(store)
    events = reconcile(iter_event_refs(store))
    events[-1].members.append("no-such-article#e1")  # violates the member's foreign key
    events[-1].articles.append("no-such-article")
    with pytest.raises(KhabarError, match="E222"):
        put_ledger_events(store, events)
    assert table_rows(store) == before


def test_event_refs_carry_the_place_their_article_names_most(store: SqlStore) -> None:
    import dataclasses

    from khabar.model import Place, PlaceMention, Span

    def mention(start: int, name: str, lat: float, lon: float, admin1: str | None) -> PlaceMention:
        place = Place(name=name, lat=lat, lon=lon, country="SYR", admin1=admin1)
        return PlaceMention(span=Span(start, start + len(name), name), place=place)

    places = [
        mention(0, "Syria", 35.0, 38.0, None),  # a country is no place to borrow
        mention(10, "Syria", 35.0, 38.0, None),
        mention(20, "Saraqib", 35.86, 36.80, "Idlib"),
        mention(30, "Saraqib", 35.86, 36.80, "Idlib"),
        mention(40, "Idlib", 35.93, 36.63, "Idlib"),
    ]
    store.put(dataclasses.replace(wire_ledger(), places=places))
    refs = list(iter_event_refs(store))
    assert refs and {ref.article_place.name for ref in refs if ref.article_place} == {"Saraqib"}

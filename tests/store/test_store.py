"""The Store interface, one suite for both databases: each test runs on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from store_ledgers import SARAQIB, afrin_ledger, saraqib_ledger

from khabar.errors import KhabarError
from khabar.model import Article
from khabar.store import EventFilters, SqlStore, content_hash, open_store
from khabar.store.migrations import migrations_of


def test_put_then_get_round_trips_the_ledger_exactly(store: SqlStore) -> None:
    ledger = saraqib_ledger()
    assert store.put(ledger) == "stored"
    stored = store.get_ledger("a-saraqib")
    assert stored.to_dict() == ledger.to_dict()
    assert stored.article.text == SARAQIB
    # key order too: the JSON a user exports is the JSON khabar extracted
    assert json.dumps(stored.to_dict()) == json.dumps(ledger.to_dict())


def test_unknown_ledger_keys_survive_the_round_trip(store: SqlStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """A section another stage adds to the model later is kept, not dropped."""
    from khabar.model import ArticleLedger

    ledger = saraqib_ledger()
    original_to_dict = ArticleLedger.to_dict
    monkeypatch.setattr(
        ArticleLedger, "to_dict", lambda self: {**original_to_dict(self), "sources": [{"id": "s1"}]}
    )
    store.put(ledger)
    monkeypatch.undo()
    extra = store._query("SELECT extra FROM articles WHERE id = ?", ("a-saraqib",))[0]["extra"]
    assert store._load_json(extra) == {"sources": [{"id": "s1"}]}


def test_same_id_and_text_is_unchanged(store: SqlStore) -> None:
    store.put(saraqib_ledger())
    before = store.stats()
    ingested_at = store._query("SELECT ingested_at FROM articles")[0]["ingested_at"]
    assert store.put(saraqib_ledger()) == "unchanged"
    assert store.stats() == before
    assert store._query("SELECT ingested_at FROM articles")[0]["ingested_at"] == ingested_at


def test_same_id_with_new_text_replaces_everything(store: SqlStore) -> None:
    store.put(saraqib_ledger())
    new_text = "UPDATE: " + SARAQIB
    changed = saraqib_ledger(text=new_text)
    changed.claims = changed.claims[:1]
    changed.framing = []
    assert store.put(changed) == "replaced"
    assert store.get_ledger("a-saraqib").to_dict() == changed.to_dict()
    assert store.get_ledger("a-saraqib").article.text == new_text
    stats = store.stats()
    assert (stats["articles"], stats["events"], stats["claims"], stats["framing"]) == (1, 1, 1, 0)
    assert [(hit.kind, hit.claim_id) for hit in store.search("update")] == [("article", None)]
    assert [(hit.kind, hit.claim_id) for hit in store.search("denied")] == [("article", None)]


def test_a_failed_put_leaves_the_previous_version_whole(store: SqlStore) -> None:
    store.put(saraqib_ledger())
    broken = saraqib_ledger(text=SARAQIB + " More.")
    broken.events = broken.events * 2  # the same event id twice violates the primary key
    with pytest.raises(Exception):  # noqa: B017 - each database raises its own IntegrityError
        store.put(broken)
    assert store.get_ledger("a-saraqib").to_dict() == saraqib_ledger().to_dict()
    assert store.stored_hash("a-saraqib") == content_hash(SARAQIB)


def test_has_and_missing(store: SqlStore) -> None:
    assert not store.has("a-saraqib")
    store.put(saraqib_ledger())
    assert store.has("a-saraqib")
    with pytest.raises(KhabarError, match="E142"):
        store.get_ledger("nope")
    with pytest.raises(KhabarError, match="E143"):
        store.get_event("a-saraqib:e9")
    with pytest.raises(KhabarError, match="E143"):
        store.get_event("no-colon")


def test_exact_duplicates_link_to_their_original(store: SqlStore) -> None:
    store.put(saraqib_ledger())
    copy = Article(text=SARAQIB, id="copy-1", outlet="Reposter")
    assert store.original_of(content_hash(SARAQIB), besides="copy-1") == "a-saraqib"
    assert store.put_duplicate(copy, of="a-saraqib") == "stored"
    assert store.put_duplicate(copy, of="a-saraqib") == "unchanged"
    row = store._query("SELECT duplicate_of, outlet FROM articles WHERE id = ?", ("copy-1",))[0]
    assert row == {"duplicate_of": "a-saraqib", "outlet": "Reposter"}
    assert store.get_ledger("copy-1").events == []
    assert store.stats()["duplicates"] == 1
    # copies are not listed twice in exports
    assert [ledger.article.id for ledger in store.iter_ledgers()] == ["a-saraqib"]


def test_replacing_an_original_hands_its_ledger_to_a_copy(store: SqlStore) -> None:
    store.put(saraqib_ledger())
    store.put_duplicate(Article(text=SARAQIB, id="copy-1"), of="a-saraqib")
    store.put_duplicate(Article(text=SARAQIB, id="copy-2"), of="a-saraqib")
    assert store.put(afrin_ledger(article_id="a-saraqib")) == "replaced"
    heir = store.get_ledger("copy-1")
    assert [event.id for event in heir.events] == ["e1"]
    assert heir.article.id == "copy-1"
    rows = store._query("SELECT id, duplicate_of FROM articles ORDER BY id")
    assert rows == [
        {"id": "a-saraqib", "duplicate_of": None},
        {"id": "copy-1", "duplicate_of": None},
        {"id": "copy-2", "duplicate_of": "copy-1"},
    ]


def test_query_events_filters(store: SqlStore) -> None:
    store.put(saraqib_ledger())
    store.put(afrin_ledger())

    def ids(**filters: object) -> list[str]:
        return [row.id for row in store.query_events(EventFilters(**filters))]  # type: ignore[arg-type]

    assert ids() == ["b-afrin:e1", "a-saraqib:e1", "b-afrin:e2"]  # by date, undated last
    assert ids(since=dt.date(2024, 3, 4)) == ["a-saraqib:e1"]
    assert ids(until=dt.date(2024, 3, 3)) == ["b-afrin:e1"]
    assert ids(country="TUR") == ["b-afrin:e1"]  # its second location
    assert ids(country="syr") == ["b-afrin:e1", "a-saraqib:e1"]
    assert ids(admin1="idlib") == ["a-saraqib:e1"]
    assert ids(event_type="Battles") == ["b-afrin:e2"]
    assert ids(sub_event_type="air/drone strike") == ["b-afrin:e1"]
    assert ids(actor="turkey") == ["b-afrin:e1"]
    assert ids(actor="civilians") == ["a-saraqib:e1"]  # actor2
    assert ids(actor="%") == []  # wildcards are literal
    assert ids(outlet="wire") == ["a-saraqib:e1"]
    assert ids(disputed=True) == ["a-saraqib:e1"]
    assert ids(disputed=False) == ["b-afrin:e1", "b-afrin:e2"]
    assert ids(status="asserted", country="SYR", until=dt.date(2024, 3, 3)) == ["b-afrin:e1"]
    assert ids(article_id="b-afrin") == ["b-afrin:e1", "b-afrin:e2"]
    assert store.count_events(EventFilters(country="SYR")) == 2


def test_query_events_rows_and_paging(store: SqlStore) -> None:
    store.put(saraqib_ledger())
    store.put(afrin_ledger())
    (row,) = store.query_events(EventFilters(admin1="Idlib"))
    assert (row.event_date, row.location, row.country, row.fatalities_best, row.outlet) == (
        "2024-03-04", "Saraqib", "SYR", 4, "Wire",
    )  # fmt: skip
    assert row.disputed is True
    pages = [row.id for offset in (0, 1, 2) for row in store.query_events(limit=1, offset=offset)]
    assert pages == [row.id for row in store.query_events()]


def test_iter_ledgers_keeps_only_matching_events(store: SqlStore) -> None:
    store.put(saraqib_ledger())
    store.put(afrin_ledger())
    everything = list(store.iter_ledgers())
    assert [ledger.article.id for ledger in everything] == ["a-saraqib", "b-afrin"]
    assert [len(ledger.events) for ledger in everything] == [1, 2]
    (only,) = store.iter_ledgers(EventFilters(event_type="Battles"))
    assert only.article.id == "b-afrin"
    assert [event.id for event in only.events] == ["e2"]


def test_get_event_gives_the_event_and_its_ledger(store: SqlStore) -> None:
    store.put(saraqib_ledger())
    ledger, event = store.get_event("a-saraqib:e1")
    assert event.actor1.disputed
    assert ledger.claims[2].about == "e1"


def test_search_finds_articles_and_claims(store: SqlStore) -> None:
    store.put(saraqib_ledger())
    store.put(afrin_ledger())
    hits = store.search("drones")
    assert [(hit.kind, hit.article_id) for hit in hits] == [("article", "b-afrin")]
    assert "[drones]" in hits[0].snippet
    kinds = {(hit.kind, hit.article_id, hit.claim_id) for hit in store.search("denied shelling")}
    assert kinds == {("article", "a-saraqib", None), ("claim", "a-saraqib", "c3")}
    # words are stemmed, and a user's stray syntax does not fail the query
    assert {hit.article_id for hit in store.search('kill ("')} == {"a-saraqib"}
    assert store.search("   ") == []
    assert len(store.search("said", limit=1)) == 1
    assert store.search("Idlib") == [store.search("idlib")[0]]  # title words count


def test_stats(store: SqlStore) -> None:
    store.put(saraqib_ledger())
    store.put(afrin_ledger())
    stats = store.stats()
    assert stats["articles"] == 2
    assert stats["events"] == 3
    assert stats["event_locations"] == 3
    assert stats["claims"] == 3
    assert stats["outlets"] == 2
    assert (stats["first_event_date"], stats["last_event_date"]) == ("2024-03-03", "2024-03-04")
    assert stats["events_by_type"] == {"Explosions/Remote violence": 2, "Battles": 1}
    assert stats["migrations"] == [migration.name for migration in migrations_of(store.dialect)]
    assert stats["migrations"][:2] == ["0001_initial", "0002_ledger_events"]


def test_migrations_run_once_and_reopening_keeps_data(store_url: str) -> None:
    with open_store(store_url) as first:
        first.put(saraqib_ledger())
        assert first.migrate() == []  # nothing left to run
    with open_store(store_url) as again:
        assert again.applied_migrations() == [migration.name for migration in migrations_of(again.dialect)]
        assert again.has("a-saraqib")


def test_an_unknown_migration_is_refused(store_url: str) -> None:
    with open_store(store_url) as store:
        store._execute(
            "INSERT INTO migrations (name, applied_at) VALUES (?, ?)", ("9999_future", "2030-01-01")
        )
    with pytest.raises(KhabarError, match="E144"):
        open_store(store_url)


def test_a_reader_of_an_older_store_is_told_to_migrate(store_url: str) -> None:
    with open_store(store_url) as store:
        store._execute("DELETE FROM migrations WHERE name = ?", ("0002_ledger_events",))
        store._execute("DROP TABLE ledger_event_members")
        store._execute("DROP TABLE ledger_events")
    with pytest.raises(KhabarError, match="E146"):
        open_store(store_url, read_only=True)
    with open_store(store_url) as writer:  # a writer runs what is missing
        assert "ledger_events" in {row["name"] for row in writer._query(_TABLES[writer.dialect])}
    open_store(store_url, read_only=True).close()


_TABLES = {
    "sqlite": "SELECT name FROM sqlite_master WHERE type = 'table'",
    "postgres": "SELECT table_name AS name FROM information_schema.tables",
}


def test_read_only_store_reads_but_does_not_write(store_url: str) -> None:
    with open_store(store_url) as store:
        store.put(saraqib_ledger())
    with open_store(store_url, read_only=True) as reader:
        assert reader.get_ledger("a-saraqib").to_dict() == saraqib_ledger().to_dict()
        with pytest.raises(Exception):  # noqa: B017 - sqlite3 / psycopg read-only errors differ
            reader.put(afrin_ledger())

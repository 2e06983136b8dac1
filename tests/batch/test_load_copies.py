"""``khabar load`` stores copies as ``khabar ingest`` does: an exact copy points to its original, a
near copy is linked and keeps no events, another outlet's own report is stored in full."""

from __future__ import annotations

from pathlib import Path

from khabar.batch.load import put_loaded
from khabar.model import Actor, Article, ArticleLedger, Event, EventDate
from khabar.store import open_store

STORY = (
    "Government forces shelled the town of Saraqib in Idlib province on Monday, killing four civilians "
    "and wounding eleven others, a local rescue official told reporters by telephone. The shelling began "
    "shortly after dawn and continued for several hours, residents said, forcing dozens of families to "
    "shelter in basements across the eastern part of the town. Rescue workers searched the rubble of two "
    "houses near the main market for survivors, and ambulances took the wounded to a field hospital."
)
OWN_REPORT = (
    "Four civilians died in Saraqib when artillery rounds landed near the market early on Monday, according "
    "to a medic reached by phone, who said eleven people were being treated for shrapnel wounds and that "
    "the town's civil defence teams were still clearing the debris of two collapsed homes by nightfall."
)


def ledger(article_id: str, text: str) -> ArticleLedger:
    event = Event(id="e1", sub_event_type="Shelling/artillery/missile attack", date=EventDate(None, "day"),
                  locations=[], actor1=Actor(name=None))  # fmt: skip
    return ArticleLedger(article=Article(text=text, id=article_id), events=[event])


def test_copies_are_stored_as_copies_and_a_second_load_changes_nothing(tmp_path: Path) -> None:
    retitled = "Syria: shelling kills four. " + STORY  # a wire copy under a new headline
    loaded = [
        ledger("wire", STORY),
        ledger("same-wire", STORY),
        ledger("retitled", retitled),
        ledger("own", OWN_REPORT),
    ]
    with open_store(str(tmp_path / "ledger.db")) as store:
        actions = [put_loaded(store, item, 0.8) for item in loaded]
        assert actions == ["stored", "duplicate", "near-duplicate", "stored"]
        events = store._query("SELECT article_id FROM article_events ORDER BY article_id")
        assert [row["article_id"] for row in events] == ["own", "wire"]  # copies code no events
        assert [put_loaded(store, item, 0.8) for item in loaded] == ["unchanged"] * 4
        # without near-duplicate detection, the retitled copy is another report with its events
    with open_store(str(tmp_path / "plain.db")) as store:
        assert [put_loaded(store, item, None) for item in loaded][2] == "stored"

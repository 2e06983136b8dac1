"""``khabar load`` and batch restarts know which extractor coded what: a batch output coded by
this khabar re-codes a stale stored article (an older output never downgrades one), a text an
id had before is not put back, and a partition coded by another version is done again."""

from __future__ import annotations

from pathlib import Path

from khabar.batch.load import put_loaded
from khabar.batch.manifest import Manifest, PartitionEntry
from khabar.extractor_version import UNKNOWN_EXTRACTOR, extractor_version
from khabar.model import Article, ArticleLedger
from khabar.store import open_store

FIRST = "Shelling hit Douma on Monday and killed four people, a rescue worker said."
SECOND = "An air strike on Harasta on Tuesday killed nine people, residents said."


def ledger(article_id: str, text: str) -> ArticleLedger:
    return ArticleLedger(article=Article(text=text, id=article_id))


def test_a_load_recodes_stale_articles_with_this_khabars_coding_only(tmp_path: Path) -> None:
    current = extractor_version()
    with open_store(str(tmp_path / "ledger.db")) as store:
        assert put_loaded(store, ledger("a", FIRST), None, extractor_version="0.0.1+old") == "stored"
        assert store.coded_by("a") == "0.0.1+old"
        # an output as old as the store's, or of unknown origin, leaves it
        assert put_loaded(store, ledger("a", FIRST), None, extractor_version=UNKNOWN_EXTRACTOR) == "unchanged"
        assert (
            put_loaded(store, ledger("a", FIRST), None, extractor_version=current, recode=False)
            == "unchanged"
        )
        assert put_loaded(store, ledger("a", FIRST), None, extractor_version=current) == "recoded"
        assert store.coded_by("a") == current
        assert put_loaded(store, ledger("a", FIRST), None, extractor_version="0.0.1+old") == "unchanged"
        assert store.count_stale() == 0


def test_an_unknown_extractor_is_stored_as_unknown(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "ledger.db")) as store:
        put_loaded(store, ledger("a", FIRST), None)
        assert store.coded_by("a") is None
        assert store.stats()["coded_by"] == {"unknown": 1}


def test_a_reused_id_keeps_its_last_text_and_a_second_load_changes_nothing(tmp_path: Path) -> None:
    loaded = [
        ledger("x", FIRST),
        ledger("y", SECOND.replace("nine", "two")),
        ledger("x", SECOND),
        ledger("x", FIRST),
    ]
    version = extractor_version()
    with open_store(str(tmp_path / "ledger.db")) as store:
        actions = [put_loaded(store, item, 0.8, extractor_version=version) for item in loaded]
        assert actions == ["stored", "stored", "replaced", "unchanged"]
        assert store.get_ledger("x").article.text == SECOND
        assert [put_loaded(store, item, 0.8, extractor_version=version) for item in loaded] == [
            "unchanged"
        ] * 4


def entry(version: str) -> PartitionEntry:
    return PartitionEntry(
        index=0, fingerprint="f", articles=1, extracted=1, failed=0, events=0, bad_inputs=0,
        bad_input_messages=[], failures={}, articles_file="part-00000.parquet",
        events_file="_events/part-00000.parquet", seconds=0.1, extractor_version=version,
    )  # fmt: skip


def test_a_partition_coded_by_another_extractor_is_not_finished(tmp_path: Path) -> None:
    for name in ("part-00000.parquet", "_events/part-00000.parquet"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"")
    manifest = Manifest(partition_size=1, partitions={"part-00000": entry(extractor_version())})
    assert manifest.is_finished("part-00000", "f", tmp_path)
    manifest.partitions["part-00000"] = entry("0.0.1+old")
    assert not manifest.is_finished("part-00000", "f", tmp_path)
    # a manifest written before versions were recorded reads, and its partitions are stale
    data = Manifest(partition_size=1, partitions={"part-00000": entry("")}).to_dict()
    del data["partitions"]["part-00000"]["extractor_version"]
    assert not Manifest.from_dict(data).is_finished("part-00000", "f", tmp_path)

"""Partitions are deterministic, carry their bad inputs, and fingerprint what the extractor reads."""

from __future__ import annotations

import datetime as dt

import pytest

from khabar.batch import fingerprint, partition_inputs
from khabar.errors import InputError, KhabarError
from khabar.model import Article


def articles(count: int) -> list[Article]:
    return [
        Article(text=f"Report number {n}.", id=f"a{n}", published=dt.date(2024, 1, 1)) for n in range(count)
    ]


def test_partition_k_holds_articles_k_times_size_onwards() -> None:
    partitions = list(partition_inputs(articles(7), 3))
    assert [p.name for p in partitions] == ["part-00000", "part-00001", "part-00002"]
    assert [[a.id for a in p.articles] for p in partitions] == [
        ["a0", "a1", "a2"],
        ["a3", "a4", "a5"],
        ["a6"],
    ]


def test_bad_inputs_join_the_partition_being_filled_and_take_no_slot() -> None:
    items: list[Article | InputError] = list(articles(4))
    items.insert(2, InputError("E008", line=3, name="in.jsonl"))
    items.append(InputError("E009", name="missing.txt"))
    first, second = partition_inputs(items, 2)
    # partition 0 is still open when the bad line after its last article is read
    assert [a.id for a in first.articles] == ["a0", "a1"] and [e.code for e in first.errors] == ["E008"]
    assert [a.id for a in second.articles] == ["a2", "a3"] and [e.code for e in second.errors] == ["E009"]


def test_only_bad_inputs_still_make_one_partition() -> None:
    (only,) = partition_inputs([InputError("E009", name="missing.txt")], 10)
    assert only.articles == [] and len(only.errors) == 1


def test_fingerprints_follow_text_and_metadata() -> None:
    base = articles(2)
    assert fingerprint(base) == fingerprint(articles(2))
    changed_text = [base[0], Article(text="Report number 1!", id="a1", published=dt.date(2024, 1, 1))]
    changed_date = [base[0], Article(text="Report number 1.", id="a1", published=dt.date(2024, 1, 2))]
    assert len({fingerprint(base), fingerprint(changed_text), fingerprint(changed_date)}) == 3


def test_partition_size_must_be_positive() -> None:
    with pytest.raises(KhabarError, match="E165"):
        list(partition_inputs(articles(1), 0))

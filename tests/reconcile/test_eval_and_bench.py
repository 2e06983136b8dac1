"""The clustering evaluation's scoring and reference reader, and the scale benchmark's corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from khabar.bench.reconcile_bench import growth_exponent, synthetic_corpus
from khabar.errors import KhabarError
from khabar.evaluate import EVALUATORS
from khabar.evaluate.clustering import (
    load_reference,
    main_event,
    pairwise_scores,
    predicted_clusters,
    read_cache,
)
from khabar.model import Article, ArticleLedger, Span
from khabar.reconcile import reconcile

from .conftest import make_ref


def test_pairwise_scores_count_article_pairs() -> None:
    ids = ["a", "b", "c", "d"]
    reference = {"a": "x", "b": "x", "c": "x"}  # 3 reference pairs; d alone
    predicted = {"a": "1", "b": "1", "c": "2", "d": "2"}  # pairs a-b (right) and c-d (wrong)
    scores = pairwise_scores(predicted, reference, ids)
    assert scores["precision"] == pytest.approx(0.5)
    assert scores["recall"] == pytest.approx(1 / 3)
    assert scores["f1"] == pytest.approx(0.4)


def test_reference_reader_splits_sure_and_probable(tmp_path: Path) -> None:
    labels = tmp_path / "labels.txt"
    labels.write_text("# comment\nghouta\t1 2\t7\nconvoy\t3 4\n", encoding="utf-8")
    sure, probable = load_reference(labels)
    assert sure == {"fakes-r1": "ghouta", "fakes-r2": "ghouta", "fakes-r3": "convoy", "fakes-r4": "convoy"}
    assert probable == {"fakes-r7": "ghouta"}
    labels.write_text("ghouta\tone two\n", encoding="utf-8")
    with pytest.raises(KhabarError) as error:
        load_reference(labels)
    assert error.value.code == "E151"


def test_clustering_is_registered() -> None:
    module, default = EVALUATORS["clustering"]
    assert module == "khabar.evaluate.clustering" and default.endswith("FA-KES-Dataset.csv")


def _ledger(article_id: str, outlet: str, **event_options: object) -> ArticleLedger:
    ref = make_ref(article_id, outlet=outlet, **event_options)  # type: ignore[arg-type]
    ref.event.evidence = [Span(0, 10, "x" * 10)]
    article = Article(text="x", id=article_id, published=ref.published, outlet=outlet)
    return ArticleLedger(article=article, events=[ref.event])


def test_main_event_is_the_first_evidenced_and_places_the_article(tmp_path: Path) -> None:
    first, second = _ledger("a1", "reuters").events[0], _ledger("a1", "reuters", event_id="e2").events[0]
    second.evidence = [Span(0, 3, "xxx")]
    first.evidence = [Span(50, 60, "y" * 10)]
    assert main_event([first, second]) is second
    ledgers = [_ledger("a1", "reuters"), _ledger("a2", "trt"), _ledger("a3", "sana", place="Mosul")]
    clusters = predicted_clusters(ledgers)
    assert clusters["a1"] == clusters["a2"] != clusters["a3"]
    cache = tmp_path / "ledgers.jsonl"
    cache.write_text("".join(json.dumps(item.to_dict()) + "\n" for item in ledgers), encoding="utf-8")
    assert sorted(read_cache(cache)) == ["a1", "a2", "a3"]


def test_synthetic_corpus_replicates_events_into_reported_happenings() -> None:
    templates = [make_ref("t1").event, make_ref("t2", place="Mosul", sub_event_type="Suicide bomb").event]
    refs = synthetic_corpus(600, templates)
    assert len(refs) == 600
    assert len({ref.article_id for ref in refs}) == 600
    ledger_events = reconcile(refs)
    # reports of one happening come together: far fewer ledger events than reports
    assert len(ledger_events) < 0.6 * len(refs)


def test_growth_exponent() -> None:
    assert growth_exponent([10, 100, 1000], [1.0, 10.0, 100.0]) == pytest.approx(1.0)
    assert growth_exponent([10, 100, 1000], [1.0, 100.0, 10000.0]) == pytest.approx(2.0)


def test_default_ledger_cache_of_other_code_is_discarded(tmp_path: Path) -> None:
    from khabar.evaluate.clustering import code_fingerprint, discard_stale, fingerprint_path

    cache = tmp_path / "ledgers.jsonl"
    cache.write_text("{}\n", encoding="utf-8")
    fingerprint_path(cache).write_text(code_fingerprint(), encoding="utf-8")
    discard_stale(cache)
    assert cache.is_file()  # extracted by this code: kept
    fingerprint_path(cache).write_text("an older extractor", encoding="utf-8")
    discard_stale(cache)
    assert not cache.exists() and not fingerprint_path(cache).exists()

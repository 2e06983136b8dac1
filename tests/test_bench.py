"""The benchmark's parts: the corpus reader, the stage profiler, memory readings, the summary."""

from __future__ import annotations

import csv
import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from khabar.bench import memory
from khabar.bench.corpus import load_articles
from khabar.bench.profile import TOKENIZER, profile_stages
from khabar.bench.summary import summarise_throughput
from khabar.errors import KhabarError
from khabar.model import Article
from khabar.pipeline.extensions import register_extensions

COLUMNS = ["unit_id", "article_title", "article_content", "source", "date", "location", "labels"]


def write_csv(path: Path, rows: list[dict[str, str]], columns: list[str] = COLUMNS) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    return path


def row(unit_id: str, text: str, date: str = "4/5/2017") -> dict[str, str]:
    return {
        "unit_id": unit_id,
        "article_title": f"Title {unit_id}",
        "article_content": text,
        "source": "ahram",
        "date": date,
        "location": "idlib",
        "labels": "1",
    }


def test_corpus_reads_fakes_columns(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "fakes.csv",
        [row("1", "Shelling hit Idlib."), row("2", "  "), row("3", "Clashes in Aleppo.", date="n/a")],
    )
    articles = load_articles(path)
    assert [article.id for article in articles] == ["fakes-1", "fakes-3"]  # the blank text is skipped
    assert articles[0].published == dt.date(2017, 4, 5)  # month/day/year
    assert articles[0].outlet == "ahram"
    assert articles[1].published is None
    assert len(load_articles(path, limit=1)) == 1


def test_corpus_errors_name_the_problem(tmp_path: Path) -> None:
    with pytest.raises(KhabarError, match="E102"):
        load_articles(tmp_path / "missing.csv")
    wrong = write_csv(tmp_path / "wrong.csv", [{"text": "x"}], columns=["text"])
    with pytest.raises(KhabarError, match="E103"):
        load_articles(wrong)


@pytest.fixture()
def blank_with_failing_stage() -> Language:
    """A blank pipeline whose one stage raises on articles that say 'boom'."""
    register_extensions()
    name = "bench_test_fails_on_boom"
    if name not in Language.factories:

        @Language.component(name)
        def fails_on_boom(doc: Doc) -> Doc:
            if "boom" in doc.text:
                raise ValueError("boom")
            return doc

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe(name)
    return nlp


def test_stage_profile_times_every_component_and_survives_a_failure(
    blank_with_failing_stage: Language,
) -> None:
    articles = [Article(text=f"Report {index}. Shelling hit the town.") for index in range(5)]
    articles.insert(2, Article(text="A boom was heard."))
    profile = profile_stages(blank_with_failing_stage, articles, batch_size=4)
    assert list(profile.seconds) == [TOKENIZER, *blank_with_failing_stage.pipe_names]
    assert all(seconds >= 0 for seconds in profile.seconds.values())
    assert profile.failures == 1


def test_descendant_peaks_find_a_live_child() -> None:
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(5)"])
    try:
        found = {entry["pid"]: entry for entry in memory.descendant_peaks_mb()}
        assert child.pid in found
        assert found[child.pid]["peak_rss_mb"] > 0
    finally:
        child.kill()
        child.wait()
    assert memory.own_peak_mb() > 0


def test_summary_uses_the_median_pass_and_computes_ratios() -> None:
    def run(mode: str, seconds: float) -> dict:
        return {
            "mode": mode,
            "seconds": seconds,
            "words": 1000,
            "articles": 10,
            "load_s": 1.0,
            "peak_rss_mb": 300,
        }

    runs = [run("spacy", 1.0), run("spacy", 9.0), run("spacy", 2.0), run("khabar", 4.0)]
    summary = summarise_throughput(runs)
    assert summary["modes"]["spacy"]["seconds_median"] == 2.0
    assert summary["modes"]["spacy"]["words_per_s_best"] == 1000.0
    assert summary["ratio_khabar_to_spacy"] == 0.5
    assert summary["ratio_meets_goal"] is False


def test_the_baseline_is_the_stock_model_and_the_extractor_swaps_only_two_components(
    base_nlp: Language, nlp: Language
) -> None:
    from khabar.bench.measure import factories_of

    baseline = factories_of(base_nlp)
    assert all(not factory.startswith("khabar") for factory in baseline.values())
    extractor = factories_of(nlp)
    changed = {name for name, factory in baseline.items() if extractor[name] != factory}
    assert changed == {"attribute_ruler", "lemmatizer"}

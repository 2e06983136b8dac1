"""``khabar eval ptc``: the SemEval-2020 task 11 SI measure and the PTC reader, on small fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from khabar.errors import KhabarError
from khabar.evaluate.ptc import OverlapScore, evaluate, load_gold, merge_intervals, split_of


def test_merge_intervals() -> None:
    assert merge_intervals([(5, 9), (0, 3), (2, 4), (8, 12)]) == [(0, 4), (5, 12)]


def test_touching_spans_stay_apart_as_in_the_semeval_scorer() -> None:
    # the official scorer merges spans that share a character offset; [0, 5) and [5, 9) share none
    assert merge_intervals([(5, 9), (0, 5)]) == [(0, 5), (5, 9)]


def test_partial_overlap_credit() -> None:
    scorer = OverlapScore()
    # predicted [0, 10) covers half of gold [5, 25): P = 5/10, R = 5/20
    scorer.add([(0, 10)], [(5, 25)])
    assert scorer.precision == pytest.approx(0.5)
    assert scorer.recall == pytest.approx(0.25)
    assert scorer.f1 == pytest.approx(2 * 0.5 * 0.25 / 0.75)
    scorer.add([(30, 40)], [])  # a false positive halves precision
    assert scorer.precision == pytest.approx(0.25)


def test_split_is_fixed_and_about_thirty_percent() -> None:
    ids = [str(111111111 + n) for n in range(1000)]
    held = [article_id for article_id in ids if split_of(article_id) == "heldout"]
    assert 0.25 < len(held) / len(ids) < 0.35
    assert split_of(ids[0]) == split_of(ids[0])


def write_ptc(root: Path, article_id: str, text: str, labels: list[str]) -> None:
    (root / "train-articles").mkdir(parents=True, exist_ok=True)
    (root / "train-articles" / f"article{article_id}.txt").write_text(text, encoding="utf-8")
    lines = "".join(f"{article_id}\t{label}\n" for label in labels)
    with (root / "train-task-flc-tc.labels").open("a", encoding="utf-8") as handle:
        handle.write(lines)


def test_evaluate_on_a_tiny_corpus(tmp_path: Path) -> None:
    article_id = next(str(n) for n in range(1000, 2000) if split_of(str(n)) == "heldout")
    text = "A title\n\nThe barbaric attack was a disgrace to the nation.\n"
    start = text.index("barbaric")
    write_ptc(tmp_path, article_id, text, [f"Loaded_Language\t{start}\t{start + 8}"])
    assert load_gold(tmp_path)[article_id][0].technique == "Loaded_Language"
    report = evaluate(tmp_path)
    assert report.n_items == 1
    assert report.metrics["si_recall"] == pytest.approx(1.0)
    assert report.metrics["f1:Loaded_Language"] > 0


def test_missing_data_is_a_numbered_error(tmp_path: Path) -> None:
    with pytest.raises(KhabarError, match="E121"):
        evaluate(tmp_path)

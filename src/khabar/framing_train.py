"""Train the framing span model on the PTC train split: ``python -m khabar.framing_train PTC_PATH``.

Only articles of PTC's train part that are *not* in khabar's held-out evaluation split
(``khabar.evaluate.ptc.split_of``) are read. They are divided again by a second hash into an
inner training part (75%) and an inner development part (25%): the model is fitted on the
first, the threshold chosen on the second (best SI F1), then the model is refitted on both with
that threshold and written to ``data/en/framing/span_model.npz``.

The learner is plain logistic regression with AdaGrad on hashed, padded sparse features
(numpy only, no extra dependency); a token is positive when it lies inside any gold span.
Sentences are PTC's lines (one sentence per line), tokenised by spaCy's English tokenizer, as
the stage sees them.
"""

from __future__ import annotations

import argparse
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

import numpy as np
from spacy.lang.en import English

from .evaluate.ptc import OverlapScore, load_articles, load_gold, merge_intervals, split_of
from .langdata import data_path
from .pipeline.framing_model import FEATURE_SPACE, MODEL_FILE, SpanModel, feature_rows, runs

EPOCHS = 8
BATCH = 1024
LEARNING_RATE = 0.2
L2 = 1e-7
THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4)
_LINE = re.compile(r"[^\n]+")

#: one article as tokens: (feature rows, labels, token character offsets)
Encoded = tuple[np.ndarray, np.ndarray, list[tuple[int, int]]]


def inner_dev(article_id: str) -> bool:
    """The inner development part of the train split (threshold choice), ~25%."""
    return int(hashlib.md5(article_id.encode("utf-8")).hexdigest(), 16) % 4 == 0


def encode(text: str, gold: Iterable[tuple[int, int]], tokenizer: English) -> Encoded:
    covered = np.zeros(len(text) + 1, dtype=bool)
    for start, end in gold:
        covered[start:end] = True
    rows, labels, offsets = [], [], []
    for line in _LINE.finditer(text):
        tokens = [token for token in tokenizer(line.group()) if not token.is_space]
        if not tokens:
            continue
        words = [token.lower_ for token in tokens]
        rows.append(feature_rows(words, [token.text for token in tokens], line.group()))
        for token in tokens:
            start = line.start() + token.idx
            labels.append(covered[start])
            offsets.append((start, start + len(token.text)))
    return np.vstack(rows), np.array(labels, dtype=float), offsets


def fit(rows: np.ndarray, labels: np.ndarray, *, seed: int = 0) -> np.ndarray:
    weights = np.zeros(FEATURE_SPACE + 1)
    squares = np.full(FEATURE_SPACE + 1, 1e-8)
    order = np.arange(len(labels))
    rng = np.random.default_rng(seed)
    width = rows.shape[1]
    for _epoch in range(EPOCHS):
        rng.shuffle(order)
        for begin in range(0, len(order), BATCH):
            batch = order[begin : begin + BATCH]
            features = rows[batch]
            predicted = 1.0 / (1.0 + np.exp(-weights[features].sum(axis=1)))
            residual = np.repeat(predicted - labels[batch], width)
            gradient = np.bincount(features.ravel(), weights=residual, minlength=FEATURE_SPACE + 1)
            gradient = gradient / len(batch) + L2 * weights
            squares += gradient * gradient
            weights -= LEARNING_RATE * gradient / np.sqrt(squares)
            weights[FEATURE_SPACE] = 0.0  # the padding slot carries nothing
    return weights


def si_f1(model: SpanModel, encoded: list[Encoded], gold: list[list[tuple[int, int]]]) -> float:
    scorer = OverlapScore()
    for (rows, _labels, offsets), expected in zip(encoded, gold, strict=True):
        spans = [
            (offsets[a][0], offsets[b - 1][1]) for a, b in runs(model.probabilities(rows), model.threshold)
        ]
        scorer.add(merge_intervals(spans), merge_intervals(expected))
    return scorer.f1


def train(path: Path) -> tuple[SpanModel, dict[str, float]]:
    articles = load_articles(path)
    gold_spans = load_gold(path)
    tokenizer = English().tokenizer
    ids = [key for key in sorted(articles) if split_of(key) == "train"]
    gold = {key: [(g.start, g.end) for g in gold_spans.get(key, [])] for key in ids}
    encoded = {key: encode(articles[key], gold[key], tokenizer) for key in ids}
    fit_ids = [key for key in ids if not inner_dev(key)]
    dev_ids = [key for key in ids if inner_dev(key)]
    weights = fit(*_stacked(encoded, fit_ids))
    scores = {
        f"dev_si_f1@{threshold}": si_f1(
            SpanModel(weights, threshold), [encoded[k] for k in dev_ids], [gold[k] for k in dev_ids]
        )
        for threshold in THRESHOLDS
    }
    best = max(THRESHOLDS, key=lambda threshold: scores[f"dev_si_f1@{threshold}"])
    model = SpanModel(fit(*_stacked(encoded, ids)).astype(np.float32), best)
    return model, {**scores, "threshold": best}


def _stacked(encoded: dict[str, Encoded], ids: list[str]) -> tuple[np.ndarray, np.ndarray]:
    return np.vstack([encoded[k][0] for k in ids]), np.concatenate([encoded[k][1] for k in ids])


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="the PTC folder (train-articles/, labels)")
    parser.add_argument("--out", type=Path, default=None, help="where to write the model")
    args = parser.parse_args(argv)
    model, scores = train(args.path)
    model.save(args.out or data_path(*MODEL_FILE))
    return scores


if __name__ == "__main__":
    import json
    import sys

    sys.stdout.write(json.dumps(main(), indent=1) + "\n")

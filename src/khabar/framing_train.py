"""Train the framing span model on the PTC train split: ``python -m khabar.framing_train PTC_PATH``.

Only articles of PTC's train part that are *not* in khabar's held-out evaluation split
(``khabar.evaluate.ptc.split_of``) are read. They are divided again by a second hash into four
folds: the decoding (sentence and token thresholds, support margin, end snapping, the sentence
classifier's share in the sentence gate) is chosen by
cross-validation over them (see ``decoding_scores`` and ``choose``), then the model is fitted
on all of them and written to ``data/en/framing/span_model.npz``. The technique model
(``pipeline/framing_techniques.py``) is fitted on the gold spans (accuracy reported on the
first fold, fitted on the other three) and written to ``technique_model.npz``.

The learner is logistic regression with AdaGrad on hashed sparse features and the dense
context vectors of ``pipeline/framing_features.py`` (numpy only, no extra dependency); a token
is positive when it lies inside any gold span. Articles are parsed by khabar's base spaCy model
(tagger and parser: the features read parts of speech, dependencies and the tok2vec tensor)
exactly as the stage sees them. Parsing the ~250 articles takes about a minute of CPU, each of
the five fits well under a minute; the seeds are fixed, so a rerun rebuilds the same files.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from spacy.tokens import Doc

from .evaluate.ptc import (
    UNUSED_PIPES,
    GoldSpan,
    OverlapScore,
    load_articles,
    load_gold,
    merge_intervals,
    split_of,
)
from .langdata import data_path
from .pipeline import load_base_model
from .pipeline.framing_features import DocFeatures, doc_features, sentence_features
from .pipeline.framing_lexicon import TECHNIQUES
from .pipeline.framing_model import FEATURE_SPACE, MODEL_FILE, SpanModel, sentence_views
from .pipeline.framing_techniques import TECHNIQUE_FILE, TechniqueModel, fit_techniques, padded, span_features

#: passes over the data: 6 scored a little better than 10 or 15 on the inner dev part (fewer
#: passes keep the rare words' weights from growing on a few training sentences)
EPOCHS = 6
#: the decoding is chosen by cross-validation over this many folds of the train split
FOLDS = 4
BATCH = 1024
LEARNING_RATE = 0.1
#: AdaGrad rate of the dense weights (the context vectors are dense and of unit scale)
DENSE_RATE = 0.01
L2 = 1e-7
SENTENCE_THRESHOLDS = (0.4, 0.45, 0.5, 0.55, 0.6, 0.7)
TOKEN_THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.3)
#: margins of the word-weight support check (-inf: off)
SUPPORTS = (float("-inf"), 0.0, 0.1, 0.2, 0.3)
#: how near its sentence's end a span's last likely token must be to run to that end
SNAP_ENDS = (0, 2, 4)
#: shares of the sentence classifier in the sentence gate (0: the likeliest token alone)
GATE_MIXES = (0.0, 0.3, 0.5)
#: a stricter decoding is preferred while its inner-dev F1 is at most this far below the best:
#: the tagger learnt from opinion pieces and the stage also reads wire copy, where every span
#: that rests on sentence tone alone is a false positive PTC cannot show
TOLERANCE = 0.02


@dataclass(frozen=True, slots=True)
class Encoded:
    """One training article: its features, token labels and the char offsets of its rows."""

    features: DocFeatures
    labels: np.ndarray
    offsets: np.ndarray


def fold_of(article_id: str) -> int:
    """The cross-validation fold of a train-split article (a second, independent hash)."""
    return int(hashlib.md5(article_id.encode("utf-8")).hexdigest(), 16) % FOLDS


def inner_dev(article_id: str) -> bool:
    """The inner development part of the train split (the technique model's report), ~25%."""
    return fold_of(article_id) == 0


def encode(doc: Doc, gold: Iterable[tuple[int, int]]) -> Encoded:
    covered = np.zeros(len(doc.text) + 1, dtype=bool)
    for start, end in gold:
        covered[start:end] = True
    features = doc_features(doc)
    starts = np.array([doc[int(i)].idx for i in features.token_index], dtype=np.int64)
    ends = np.array([doc[int(i)].idx + len(doc[int(i)]) for i in features.token_index], dtype=np.int64)
    offsets = np.stack([starts, ends], axis=1) if len(starts) else np.zeros((0, 2), np.int64)
    return Encoded(features, covered[starts].astype(float), offsets)


def technique_examples(doc: Doc, gold: list[GoldSpan]) -> tuple[list[list[int]], list[int]]:
    """Span features and technique indices of an article's gold spans, cut to their first sentence."""
    counts = Counter(token.lower_ for token in doc if not token.is_space)
    rows, labels = [], []
    for span in gold:
        inside = doc.char_span(span.start, span.end, alignment_mode="expand")
        if inside is None or len(inside) == 0:
            continue
        sentence = inside[0].sent
        tokens = [token for token in sentence if not token.is_space]
        chosen = [i for i, token in enumerate(tokens) if span.start <= token.idx < span.end]
        if not chosen:
            continue
        views = sentence_views(tokens)
        rows.append(span_features(views, chosen[0], chosen[-1] + 1, counts, sentence.text))
        labels.append(TECHNIQUES.index(span.technique))
    return rows, labels


def train_techniques(
    examples: dict[str, tuple[list[list[int]], list[int]]], fit_ids: list[str], dev_ids: list[str]
) -> tuple[TechniqueModel, dict[str, float]]:
    """The technique model: accuracy on the inner dev part, then refitted on the whole train split."""

    def stacked(ids: list[str]) -> tuple[np.ndarray, np.ndarray]:
        rows = [row for key in ids for row in examples[key][0]]
        return padded(rows), np.array([label for key in ids for label in examples[key][1]], dtype=np.int64)

    rows, labels = stacked(fit_ids)
    dev_rows, dev_labels = stacked(dev_ids)
    predicted = TechniqueModel(fit_techniques(rows, labels)).scores(dev_rows).argmax(axis=1)
    majority = np.bincount(labels).argmax()
    scores = {
        "dev_technique_accuracy": round(float((predicted == dev_labels).mean()), 4),
        "dev_technique_accuracy_majority": round(float((dev_labels == majority).mean()), 4),
    }
    all_rows, all_labels = stacked(fit_ids + dev_ids)
    return TechniqueModel(fit_techniques(all_rows, all_labels).astype(np.float32)), scores


Weights = tuple[np.ndarray, np.ndarray]


def fit(sparse: np.ndarray, dense: np.ndarray, labels: np.ndarray, *, seed: int = 0) -> Weights:
    """Sparse and dense weights of the token tagger (AdaGrad, minibatches, fixed seed)."""
    weights = np.zeros(FEATURE_SPACE + 1)
    squares = np.full(FEATURE_SPACE + 1, 1e-8)
    dense_weights = np.zeros(dense.shape[1], dtype=np.float32)
    dense_squares = np.full(dense.shape[1], 1e-8, dtype=np.float32)
    order = np.arange(len(labels))
    rng = np.random.default_rng(seed)
    width = sparse.shape[1]
    for _epoch in range(EPOCHS):
        rng.shuffle(order)
        for begin in range(0, len(order), BATCH):
            batch = order[begin : begin + BATCH]
            features, vectors = sparse[batch], dense[batch]
            predicted = 1.0 / (1.0 + np.exp(-(weights[features].sum(axis=1) + vectors @ dense_weights)))
            residual = predicted - labels[batch]
            spread = np.repeat(residual, width)
            gradient = np.bincount(features.ravel(), weights=spread, minlength=FEATURE_SPACE + 1)
            gradient = gradient / len(batch) + L2 * weights
            squares += gradient * gradient
            weights -= LEARNING_RATE * gradient / np.sqrt(squares)
            weights[FEATURE_SPACE] = 0.0  # the padding slot carries nothing
            dense_gradient = vectors.T @ (residual / len(batch)).astype(np.float32)
            dense_squares += dense_gradient * dense_gradient
            dense_weights -= DENSE_RATE * dense_gradient / np.sqrt(dense_squares)
    return weights.astype(np.float32), dense_weights


def predicted_spans(
    model: SpanModel,
    article: Encoded,
    probabilities: np.ndarray,
    sentence_probabilities: np.ndarray | None = None,
) -> list[tuple[int, int]]:
    """Character spans of one article, decoded as the stage decodes them."""
    offsets = article.offsets
    return [
        (int(offsets[first, 0]), int(offsets[last - 1, 1]))
        for first, last in model.decode(article.features, probabilities, sentence_probabilities)
    ]


def fit_sentences(encoded: dict[str, Encoded], ids: list[str]) -> Weights:
    """The sentence classifier of the gate: does a sentence hold any gold span (same learner)."""
    rows, means, labels = [], [], []
    for key in ids:
        article = encoded[key]
        sentence_rows, sentence_means = sentence_features(article.features)
        rows.append(sentence_rows)
        means.append(sentence_means)
        holds = np.zeros(len(sentence_rows))
        np.maximum.at(holds, article.features.sentence, article.labels)
        labels.append(holds)
    return fit(np.vstack(rows), np.vstack(means).astype(np.float32), np.concatenate(labels))


def with_sentences(model: SpanModel, sentence_weights: Weights) -> SpanModel:
    return replace(model, sentence_weights=sentence_weights[0], sentence_dense=sentence_weights[1])


Decoding = tuple[float, float, float, int, float]


def training_part(ids: list[str], fraction: float) -> list[str]:
    """The first ``fraction`` of ``ids`` (at least one): smaller parts lie inside larger ones."""
    return ids[: max(1, int(len(ids) * fraction))]


def decoding_scores(
    encoded: dict[str, Encoded],
    gold: dict[str, list[tuple[int, int]]],
    ids: list[str],
    *,
    fraction: float = 1.0,
) -> dict[Decoding, float]:
    """Cross-validated SI F1 of every decoding of the grid over the articles ``ids``.

    Each fold's articles are scored by the weights fitted on the other folds (on the first
    ``fraction`` of them: the learning curve); the overlap sums of all articles are pooled,
    so each decoding gets one F1 over the whole train split.
    """
    fitted: dict[str, tuple[Weights, np.ndarray, np.ndarray | None]] = {}
    for fold in range(FOLDS):
        fit_ids = training_part([key for key in ids if fold_of(key) != fold], fraction)
        weights = fit(*_stacked(encoded, fit_ids))
        probe = with_sentences(SpanModel(*weights, 0.5, 0.5, gate_mix=1.0), fit_sentences(encoded, fit_ids))
        for key in (key for key in ids if fold_of(key) == fold):
            features = encoded[key].features
            fitted[key] = (weights, probe.probabilities(features), probe.sentence_probabilities(features))
    scores = {}
    grid = itertools.product(SENTENCE_THRESHOLDS, TOKEN_THRESHOLDS, SUPPORTS, SNAP_ENDS, GATE_MIXES)
    for decoding in grid:
        scorer = OverlapScore()
        for key in ids:
            weights, probabilities, sentence_probabilities = fitted[key]
            model = SpanModel(*weights, *decoding)
            spans = predicted_spans(model, encoded[key], probabilities, sentence_probabilities)
            scorer.add(merge_intervals(spans), merge_intervals(gold[key]))
        scores[decoding] = scorer.f1
    return scores


def choose(scores: dict[Decoding, float]) -> Decoding:
    """The decoding (sentence threshold, token threshold, support, snap_end, gate_mix) to ship.

    Among those within TOLERANCE of the best cross-validated F1: the strictest support, then
    the best F1.
    """
    best = max(scores.values())
    near = [key for key, f1 in scores.items() if f1 >= best - TOLERANCE]
    strictest = max(key[2] for key in near)
    return max((key for key in near if key[2] == strictest), key=lambda key: scores[key])


Parsed = tuple[
    list[str],
    dict[str, list[tuple[int, int]]],
    dict[str, Encoded],
    dict[str, tuple[list[list[int]], list[int]]],
]


def parse_train_split(path: Path) -> Parsed:
    """Ids, gold intervals, encoded articles and technique examples of PTC's train split."""
    articles = load_articles(path)
    gold_spans = load_gold(path)
    ids = [key for key in sorted(articles) if split_of(key) == "train"]
    gold = {key: [(g.start, g.end) for g in gold_spans.get(key, [])] for key in ids}
    nlp = load_base_model()
    with nlp.select_pipes(disable=[name for name in UNUSED_PIPES if name in nlp.pipe_names]):
        docs = nlp.pipe(articles[key] for key in ids)
        encoded, examples = {}, {}
        for key, doc in zip(ids, docs, strict=True):
            encoded[key] = encode(doc, gold[key])
            examples[key] = technique_examples(doc, gold_spans.get(key, []))
    return ids, gold, encoded, examples


#: shares of each fold's training articles the learning curve fits on
CURVE_FRACTIONS = (0.25, 0.5, 0.75, 1.0)


def learning_curve(path: Path) -> dict[str, float]:
    """The best cross-validated SI F1 (any decoding of the grid) per share of training articles.

    How much more labelled text would buy: the curve's slope per doubling is the evidence
    for (or against) reaching a goal with these features and this learner.
    """
    ids, gold, encoded, _examples = parse_train_split(path)
    return {
        f"cv_si_f1@fraction={fraction}": round(
            max(decoding_scores(encoded, gold, ids, fraction=fraction).values()), 4
        )
        for fraction in CURVE_FRACTIONS
    }


def train(path: Path) -> tuple[SpanModel, TechniqueModel, dict[str, float]]:
    ids, gold, encoded, examples = parse_train_split(path)
    scores = decoding_scores(encoded, gold, ids)
    decoding = choose(scores)
    model = with_sentences(SpanModel(*fit(*_stacked(encoded, ids)), *decoding), fit_sentences(encoded, ids))
    report = {"cv_si_f1@" + ",".join(map(str, key)): round(f1, 4) for key, f1 in scores.items()}
    chosen = dict(
        zip(
            ("sentence_threshold", "token_threshold", "support", "snap_end", "gate_mix"),
            decoding,
            strict=True,
        )
    )
    fit_ids = [key for key in ids if not inner_dev(key)]
    dev_ids = [key for key in ids if inner_dev(key)]
    techniques, technique_scores = train_techniques(examples, fit_ids, dev_ids)
    scores_out = {**report, **chosen, "cv_si_f1": round(scores[decoding], 4), **technique_scores}
    return model, techniques, scores_out


def _stacked(encoded: dict[str, Encoded], ids: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    chosen = [encoded[key] for key in ids]
    return (
        np.vstack([article.features.sparse for article in chosen]),
        np.vstack([article.features.dense for article in chosen]).astype(np.float32),
        np.concatenate([article.labels for article in chosen]),
    )


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="the PTC folder (train-articles/, labels)")
    parser.add_argument("--out", type=Path, default=None, help="folder to write the models to")
    parser.add_argument(
        "--learning-curve",
        action="store_true",
        help="print the cross-validated SI F1 on growing shares of the training articles; write nothing",
    )
    args = parser.parse_args(argv)
    if args.learning_curve:
        return learning_curve(args.path)
    model, techniques, scores = train(args.path)
    model.save(args.out / MODEL_FILE[-1] if args.out else data_path(*MODEL_FILE))
    techniques.save(args.out / TECHNIQUE_FILE[-1] if args.out else data_path(*TECHNIQUE_FILE))
    return scores


if __name__ == "__main__":
    import json
    import sys

    sys.stdout.write(json.dumps(main(), indent=1) + "\n")

"""Train the framing span model on the PTC train split: ``python -m khabar.framing_train PTC_PATH``.

Only articles of PTC's train part that are *not* in khabar's held-out evaluation split
(``khabar.evaluate.ptc.split_of``) are read. They are divided again by a second hash into an
inner training part (75%) and an inner development part (25%): the model is fitted on the
first, its decoding (threshold, gap, support margin) chosen on the second (best SI F1, see
``choose``), then the model is refitted on both and written to ``data/en/framing/span_model.npz``.
The technique model (``pipeline/framing_techniques.py``) is fitted on the gold spans the same
way (inner-dev accuracy reported) and written to ``technique_model.npz``.

The learner is plain logistic regression with AdaGrad on hashed, padded sparse features
(numpy only, no extra dependency); a token is positive when it lies inside any gold span.
Articles are parsed by khabar's base spaCy model (tagger and parser: the features read parts of
speech and dependencies) and cut into its sentences, exactly as the stage sees them. Parsing
the ~250 articles takes a few minutes; fitting about a minute per pass.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
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
from .pipeline.framing_lexicon import TECHNIQUES
from .pipeline.framing_model import (
    FEATURE_SPACE,
    MODEL_FILE,
    SpanModel,
    TokenView,
    content_span,
    feature_rows,
    sentence_views,
)
from .pipeline.framing_techniques import TECHNIQUE_FILE, TechniqueModel, fit_techniques, padded, span_features

EPOCHS = 15
BATCH = 1024
LEARNING_RATE = 0.1
L2 = 1e-7
THRESHOLDS = (0.08, 0.1, 0.15, 0.2, 0.25)
GAPS = (2, 4, 6)
#: margins of the word-weight support check (-inf: off)
SUPPORTS = (float("-inf"), 0.0, 0.1, 0.2, 0.3)
#: limits of joining runs across gaps, in tokens (0: none)
MAX_JOINED = (0, 12, 8)
#: a stricter decoding is preferred while its inner-dev F1 is at most this far below the best:
#: the tagger learnt from opinion pieces and the stage also reads wire copy, where every span
#: that rests on sentence tone alone is a false positive PTC cannot show
TOLERANCE = 0.02


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a training article: its rows, labels, token views and char offsets."""

    rows: np.ndarray
    labels: np.ndarray
    views: list[TokenView]
    offsets: list[tuple[int, int]]


def inner_dev(article_id: str) -> bool:
    """The inner development part of the train split (decoding choice), ~25%."""
    return int(hashlib.md5(article_id.encode("utf-8")).hexdigest(), 16) % 4 == 0


def encode(doc: Doc, gold: Iterable[tuple[int, int]]) -> list[Sentence]:
    covered = np.zeros(len(doc.text) + 1, dtype=bool)
    for start, end in gold:
        covered[start:end] = True
    sentences = []
    for index, sentence in enumerate(doc.sents):
        tokens = [token for token in sentence if not token.is_space]
        if not tokens:
            continue
        views = sentence_views(tokens)
        sentences.append(
            Sentence(
                rows=feature_rows(views, sentence.text, index),
                labels=np.array([covered[token.idx] for token in tokens], dtype=float),
                views=views,
                offsets=[(token.idx, token.idx + len(token.text)) for token in tokens],
            )
        )
    return sentences


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


def predicted_spans(model: SpanModel, sentences: list[Sentence]) -> list[tuple[int, int]]:
    """Character spans of one article, decoded as the stage decodes them."""
    spans = []
    for sentence in sentences:
        for first, last in model.spans(sentence.rows, [view.lower for view in sentence.views]):
            kept = content_span(sentence.views, first, last)
            if kept is not None:
                spans.append((sentence.offsets[kept[0]][0], sentence.offsets[kept[1] - 1][1]))
    return spans


def si_f1(model: SpanModel, articles: list[list[Sentence]], gold: list[list[tuple[int, int]]]) -> float:
    scorer = OverlapScore()
    for sentences, expected in zip(articles, gold, strict=True):
        scorer.add(merge_intervals(predicted_spans(model, sentences)), merge_intervals(expected))
    return scorer.f1


Decoding = tuple[float, int, float, int]


def choose(scores: dict[Decoding, float]) -> Decoding:
    """The decoding (threshold, gap, support, max_joined) to ship.

    Among those within TOLERANCE of the best inner-dev F1: the strictest support, then the
    tightest limit on joined runs, then the best F1.
    """
    best = max(scores.values())
    near = [key for key, f1 in scores.items() if f1 >= best - TOLERANCE]
    strictest = max(key[2] for key in near)
    near = [key for key in near if key[2] == strictest]
    tightest = min(key[3] or 10**6 for key in near)
    return max((key for key in near if (key[3] or 10**6) == tightest), key=lambda key: scores[key])


def train(path: Path) -> tuple[SpanModel, TechniqueModel, dict[str, float]]:
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
    fit_ids = [key for key in ids if not inner_dev(key)]
    dev_ids = [key for key in ids if inner_dev(key)]
    weights = fit(*_stacked(encoded, fit_ids)).astype(np.float32)
    dev_articles, dev_gold = [encoded[k] for k in dev_ids], [gold[k] for k in dev_ids]
    scores = {
        key: si_f1(SpanModel(weights, *key), dev_articles, dev_gold)
        for key in itertools.product(THRESHOLDS, GAPS, SUPPORTS, MAX_JOINED)
    }
    decoding = choose(scores)
    model = SpanModel(fit(*_stacked(encoded, ids)).astype(np.float32), *decoding)
    report = {"dev_si_f1@" + ",".join(map(str, key)): round(f1, 4) for key, f1 in scores.items()}
    chosen = dict(zip(("threshold", "gap", "support", "max_joined"), decoding, strict=True))
    techniques, technique_scores = train_techniques(examples, fit_ids, dev_ids)
    scores_out = {**report, **chosen, "dev_si_f1": round(scores[decoding], 4), **technique_scores}
    return model, techniques, scores_out


def _stacked(encoded: dict[str, list[Sentence]], ids: list[str]) -> tuple[np.ndarray, np.ndarray]:
    sentences = [sentence for key in ids for sentence in encoded[key]]
    return np.vstack([s.rows for s in sentences]), np.concatenate([s.labels for s in sentences])


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="the PTC folder (train-articles/, labels)")
    parser.add_argument("--out", type=Path, default=None, help="folder to write the models to")
    args = parser.parse_args(argv)
    model, techniques, scores = train(args.path)
    model.save(args.out / MODEL_FILE[-1] if args.out else data_path(*MODEL_FILE))
    techniques.save(args.out / TECHNIQUE_FILE[-1] if args.out else data_path(*TECHNIQUE_FILE))
    return scores


if __name__ == "__main__":
    import json
    import sys

    sys.stdout.write(json.dumps(main(), indent=1) + "\n")

"""The span tagger's sentence gate: the sentence classifier's share, its features, its file."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from khabar.pipeline.framing_features import (
    DENSE_PARTS,
    FEATURE_SPACE,
    N_TEMPLATES,
    SENTENCE_WIDTH,
    DocFeatures,
    sentence_features,
)
from khabar.pipeline.framing_model import SpanModel


def two_sentences(width: int = 2) -> DocFeatures:
    """Six content tokens in two sentences of three; token slots 10+row, sentence mean blocks 1 and 2."""
    n = 6
    sparse = np.tile(np.arange(n)[:, None] + 10, (1, N_TEMPLATES)).astype(np.int64)
    sentence = np.array([0, 0, 0, 1, 1, 1])
    dense = np.zeros((n, DENSE_PARTS * width), np.float32)
    dense[:, (DENSE_PARTS - 1) * width :] = np.where(sentence[:, None] == 0, 1.0, 2.0)
    return DocFeatures(
        sparse=sparse,
        dense=dense,
        words=np.arange(n, dtype=np.uint64),
        sentence=sentence,
        light=np.zeros(n, dtype=bool),
        content=np.ones(n, dtype=bool),
        token_index=np.arange(n),
    )


def test_sentence_features_pool_distinct_slots_and_read_the_mean_vector() -> None:
    rows, means = sentence_features(two_sentences())
    assert rows.shape == (2, SENTENCE_WIDTH)
    assert set(rows[0]) == {10, 11, 12, FEATURE_SPACE}  # the first sentence's tokens, then padding
    assert means.tolist() == [[1.0, 1.0], [2.0, 2.0]]


def gated_model(gate_mix: float) -> SpanModel:
    # the sentence classifier is sure of the second sentence only (slot 13 is one of its words)
    sentence_weights = np.zeros(FEATURE_SPACE + 1, np.float32)
    sentence_weights[13] = 8.0
    sentence_weights[10] = -8.0
    return SpanModel(
        np.zeros(FEATURE_SPACE + 1, np.float32),
        np.zeros(0, np.float32),
        sentence_threshold=0.5,
        token_threshold=0.3,
        gate_mix=gate_mix,
        sentence_weights=sentence_weights,
        sentence_dense=np.zeros(2, np.float32),
    )


def test_the_sentence_classifier_opens_a_sentence_the_tokens_leave_shut() -> None:
    features = two_sentences()
    # both sentences' likeliest token is just under the gate
    probabilities = np.array([0.45, 0.4, 0.1, 0.1, 0.45, 0.4])
    tokens_alone = gated_model(0.0)
    assert tokens_alone.decode(features, probabilities, tokens_alone.sentence_probabilities(features)) == []
    blended = gated_model(0.3)
    assert blended.decode(features, probabilities, blended.sentence_probabilities(features)) == [(4, 6)]


def test_the_gate_survives_the_model_file(tmp_path: Path) -> None:
    path = tmp_path / "span_model.npz"
    gated_model(0.3).save(path)
    loaded = SpanModel.load(path)
    assert loaded.gate_mix == 0.3
    assert loaded.sentence_weights is not None and loaded.sentence_weights[13] == 8.0
    features = two_sentences()
    assert loaded.sentence_probabilities(features) is not None
    assert gated_model(0.0).sentence_probabilities(features) is None  # no share: not computed

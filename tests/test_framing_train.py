"""The framing tagger's trainer: its learner reads both feature kinds, its decoding choice."""

from __future__ import annotations

import numpy as np

from khabar.framing_train import choose, fit, training_part
from khabar.pipeline.framing_features import FEATURE_SPACE


def test_fit_learns_from_sparse_slots_and_from_context_vectors() -> None:
    rng = np.random.default_rng(1)
    n = 400
    labels = (rng.random(n) < 0.5).astype(float)
    sparse = np.full((n, 2), FEATURE_SPACE, dtype=np.int64)
    sparse[:, 0] = np.where(labels > 0, 7, 8)  # slot 7 marks positives, slot 8 negatives
    dense = np.zeros((n, 3), dtype=np.float32)
    dense[:, 1] = np.where(labels > 0, 1.0, -1.0)  # so does the second dense dimension
    weights, dense_weights = fit(sparse, dense, labels)
    assert weights[7] > 0 > weights[8]
    assert weights[FEATURE_SPACE] == 0.0  # padding carries nothing
    assert dense_weights[1] > abs(dense_weights[0]) and dense_weights[1] > abs(dense_weights[2])


def test_choose_prefers_the_strictest_support_near_the_best() -> None:
    scores = {
        (0.5, 0.2, float("-inf"), 0): 0.40,
        (0.5, 0.2, 0.2, 0): 0.385,
        (0.5, 0.25, 0.2, 2): 0.39,
        (0.5, 0.2, 0.3, 0): 0.30,  # stricter, but too far below the best
    }
    assert choose(scores) == (0.5, 0.25, 0.2, 2)


def test_learning_curve_parts_are_nested_prefixes() -> None:
    ids = [str(n) for n in range(10)]
    quarter, half, whole = (training_part(ids, fraction) for fraction in (0.25, 0.5, 1.0))
    assert len(quarter) < len(half) < len(whole) == len(ids)
    assert half[: len(quarter)] == quarter and whole[: len(half)] == half
    assert training_part(ids[:1], 0.25) == ids[:1]  # never empty

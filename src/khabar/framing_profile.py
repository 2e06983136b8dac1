"""The framing profile of each outlet: which techniques and labels it uses in its own voice.

Only framing in the outlet's voice counts: a minister's "genocide" quoted by an outlet is the
minister's framing, not the outlet's. The web page ``/outlets/{name}`` and the API read this.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from .model import ArticleLedger, Framing
from .pipeline.framing import OUTLET

#: the outlet key of articles that came without an outlet name
UNKNOWN_OUTLET = "unknown"
#: techniques whose spans are labels or loaded terms, counted by their words
LABEL_TECHNIQUES: frozenset[str] = frozenset({"Name_Calling,Labeling", "Loaded_Language"})


def framing_profile(ledgers: Iterable[ArticleLedger], *, max_examples: int = 5) -> dict[str, dict[str, Any]]:
    """Per outlet: ``techniques`` {technique: count}, ``labels`` {term: count}, ``examples``, ``articles``.

    ``labels`` counts the lower-cased text of label and loaded-language spans; ``examples`` are
    the first ``max_examples`` spans (article id, offsets, text, technique, neutral form).
    """
    techniques: dict[str, Counter[str]] = {}
    labels: dict[str, Counter[str]] = {}
    examples: dict[str, list[dict[str, Any]]] = {}
    articles: Counter[str] = Counter()
    for ledger in ledgers:
        outlet = ledger.article.outlet or UNKNOWN_OUTLET
        articles[outlet] += 1
        techniques.setdefault(outlet, Counter())
        labels.setdefault(outlet, Counter())
        examples.setdefault(outlet, [])
        for item in own_voice(ledger.framing):
            techniques[outlet][item.technique] += 1
            if item.technique in LABEL_TECHNIQUES:
                labels[outlet][item.span.text.lower()] += 1
            if len(examples[outlet]) < max_examples:
                examples[outlet].append({"article": ledger.article.id, **item.to_dict()})
    return {
        outlet: {
            "articles": articles[outlet],
            "techniques": dict(techniques[outlet].most_common()),
            "labels": dict(labels[outlet].most_common()),
            "examples": examples[outlet],
        }
        for outlet in sorted(articles)
    }


def own_voice(framing: Iterable[Framing]) -> list[Framing]:
    """The spans an outlet uses in its own narration (not in quotes)."""
    return [item for item in framing if item.voice == OUTLET]

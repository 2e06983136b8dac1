"""Time per pipeline component: which stage of spaCy's and khabar's costs what.

The docs go through the pipeline one batch at a time and one component at a time, each
component timed on its own: ``component.pipe(batch)`` for components that batch (spaCy's
trained ones do) and ``component(doc)`` for the others, as ``nlp.pipe`` itself calls them.
Forcing each stage to finish a batch before the next starts is what lets it be timed alone;
the work is the same as in ``nlp.pipe``. Times are CPU seconds of this process.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..model import Article

#: the name under which text-to-Doc time (tokenizer and attaching the article) is reported
TOKENIZER = "tokenizer"


@dataclass(slots=True)
class StageProfile:
    """Seconds per component (tokenizer first, then pipeline order), and docs a stage failed on."""

    seconds: dict[str, float]
    failures: int = 0


def profile_stages(nlp: Language, articles: list[Article], *, batch_size: int) -> StageProfile:
    """Time each component over all ``articles``, one batch of ``batch_size`` at a time."""
    profile = StageProfile(seconds={TOKENIZER: 0.0, **{name: 0.0 for name in nlp.pipe_names}})
    for start in range(0, len(articles), batch_size):
        batch = articles[start : start + batch_size]
        docs, elapsed = timed(lambda batch=batch: [make_article_doc(nlp, article) for article in batch])
        profile.seconds[TOKENIZER] += elapsed
        for name, component in nlp.pipeline:
            docs, elapsed = timed(lambda docs=docs, component=component: run_component(component, docs))
            profile.seconds[name] += elapsed
        profile.failures += len(batch) - len(docs)
    return profile


def make_article_doc(nlp: Language, article: Article) -> Doc:
    doc = nlp.make_doc(article.text)
    doc._.article = article
    return doc


def run_component(component: Any, docs: list[Doc]) -> list[Doc]:
    """The docs after ``component``; a doc it raises on is dropped (the stages are in flux, and
    one bad article should cost one article, not the profile)."""
    try:
        if hasattr(component, "pipe"):
            return list(component.pipe(docs, batch_size=len(docs)))
        return [component(doc) for doc in docs]
    except Exception:
        return [doc for doc in docs if component_survives(component, doc)]


def component_survives(component: Any, doc: Doc) -> bool:
    try:
        component(doc)
    except Exception:
        return False
    return True


def timed(work: Callable[[], list[Doc]]) -> tuple[list[Doc], float]:
    """The result and the CPU seconds of ``work``: steadier than wall time on a shared machine."""
    started = time.process_time()
    result = work()
    return result, time.process_time() - started


def stage_table(seconds: dict[str, float], *, articles: int, words: int) -> list[dict[str, Any]]:
    """One row per component: seconds, share of the total, ms per article, words/s through it."""
    total = sum(seconds.values()) or 1.0
    return [
        {
            "component": name,
            "seconds": round(spent, 4),
            "share": round(spent / total, 4),
            "ms_per_article": round(1000 * spent / max(articles, 1), 3),
            "words_per_s": round(words / spent) if spent > 0 else None,
        }
        for name, spent in seconds.items()
    ]

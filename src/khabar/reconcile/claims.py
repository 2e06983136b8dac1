"""Every claim of every article of a ledger event, addressed across the corpus, with its source chain.

An article-level event may carry figures and actors that no claim record backs (the article
said it in its own voice, or the claim stage did not run): those become *synthetic* claims
of the outlet, so that every value of the ledger event still points at an article.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..model import Actor, Claim, Count, Span
from .config import load_config
from .model import ArticleEventRef, LedgerClaim, SourceChain

FIGURE_KINDS = {"fatalities": "killed", "injured": "injured"}
#: where a claim without evidence sorts within its article: after those that have some
NO_OFFSET = 10**9


def ledger_claims(ref: ArticleEventRef) -> Iterator[LedgerClaim]:
    """The claims of one article-level event, then synthetic ones for unbacked values."""
    kinds = set()
    for claim in ref.claims:
        kinds.add(claim.kind)
        yield _from_claim(ref, claim)
    event = ref.event
    for field_name, kind in FIGURE_KINDS.items():
        count: Count = getattr(event, field_name)
        if kind not in kinds and (count.low is not None or count.high is not None):
            yield _synthetic_figure(ref, field_name, kind, count)
    if "perpetrator" not in kinds and event.actor1.name:
        yield _synthetic_actor(ref, "actor1", "perpetrator", event.actor1)
    if event.actor2.name:
        yield _synthetic_actor(ref, "actor2", "target", event.actor2)


def _chain(ref: ArticleEventRef, speaker: str | None, via: list[str] | tuple[str, ...]) -> SourceChain:
    return SourceChain(
        article_id=ref.article_id,
        outlet=ref.outlet,
        published=ref.published,
        speaker=speaker,
        via=tuple(via),
    )


def _from_claim(ref: ArticleEventRef, claim: Claim) -> LedgerClaim:
    low, high = (None, None)
    if claim.kind in FIGURE_KINDS.values():
        low, high = figure_bounds(claim.value, claim.qualifier)
    return LedgerClaim(
        id=f"{ref.article_id}:{claim.id}",
        chain=_chain(ref, claim.speaker, claim.via),
        kind=claim.kind,
        value=claim.value,
        status=claim.status,
        order=_order(claim.evidence),
        low=low,
        high=high,
        qualifier=claim.qualifier,
    )


def _synthetic_figure(ref: ArticleEventRef, field_name: str, kind: str, count: Count) -> LedgerClaim:
    low = count.low if count.low is not None else count.best
    high = count.high if count.high is not None else count.best
    return LedgerClaim(
        id=f"{ref.article_id}:{ref.event.id}:{field_name}",
        chain=_chain(ref, None, ()),
        kind=kind,
        value=count.best if count.best is not None else low,
        status="asserted",
        order=_order(count.evidence or ref.event.evidence),
        low=low,
        high=high,
        synthetic=True,
    )


def _synthetic_actor(ref: ArticleEventRef, field_name: str, kind: str, actor: Actor) -> LedgerClaim:
    return LedgerClaim(
        id=f"{ref.article_id}:{ref.event.id}:{field_name}",
        chain=_chain(ref, None, ()),
        kind=kind,
        value=actor.name,
        status="disputed" if actor.disputed else "asserted",
        order=_order(actor.evidence or ref.event.evidence),
        synthetic=True,
    )


def _order(evidence: list[Span]) -> int:
    return min((span.start for span in evidence), default=NO_OFFSET)


def figure_bounds(value: Any, qualifier: str | None) -> tuple[int | None, int | None]:
    """(low, high) of a figure claim's value: a number, a {low, high} mapping, or a numeric string."""
    if isinstance(value, dict):
        return _as_int(value.get("low")), _as_int(value.get("high"))
    number = _as_int(value)
    if number is None:
        return None, None  # a vague word ("dozens") without bounds: kept as a claim, not a figure
    bound = (qualifier or "").casefold().strip()
    config = load_config()
    if bound in config.lower_bound_qualifiers:
        return number, None
    if bound in config.upper_bound_qualifiers:
        return None, number
    return number, number


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None

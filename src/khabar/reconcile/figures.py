"""Casualty figures of a ledger event, UCDP style: low / best / high, and their timeline.

The rule, applied separately to fatalities ("killed" claims) and injured:

1. **Credible figures** are figure claims with status ``asserted`` or ``confirmed`` (not
   ``superseded``, ``denied``, ``disputed`` or ``unverified``). When there is none, the
   ``unverified`` and ``disputed`` ones stand in and the rule says so.
2. **One figure per source.** A source is the speaker of the claim (the same Observatory
   relayed by three outlets is one source), or the outlet itself when it speaks in its own
   voice. Each source counts with its **latest** figure: by publication date, then position
   in the article, because tolls are revised as bodies are counted.
3. ``low`` = the smallest lower bound among the sources' figures (the most conservative
   credible figure); ``high`` = the largest upper bound (the largest credible figure);
   ``best`` = the **lower median** of the sources' point figures, where a figure's point is
   its lower bound when it has one ("at least 33" → 33, ACLED's conservative reading). With
   one source, best = its figure; with two, the smaller; the median keeps one outlier outlet
   from moving ``best``.
4. **Outliers.** With three or more sources, a figure more than ``figure_outlier_ratio`` times
   the median of the sources' figures (or below the median divided by it) is left out: it is
   almost always a war-wide total that was attached to the event, not a toll of it.

The timeline lists every figure claim (whatever its status) in the order the world heard it:
publication date, then the article, then the claim's position in the article.
"""

from __future__ import annotations

import datetime as dt

from .config import load_config
from .model import Figure, LedgerClaim, TimelinePoint

CREDIBLE = frozenset({"asserted", "confirmed"})
FALLBACK = frozenset({"unverified", "disputed"})
RULE = "low=min, high=max, best=lower median of the latest credible figure of each distinct source"
FALLBACK_RULE = RULE + " (no asserted figure: from unverified or disputed claims)"
OUTLIER_NOTE = "; figures beyond the outlier ratio of the median left out"
#: how many sources it takes before one of them can be called an outlier
MIN_SOURCES_FOR_OUTLIERS = 3


def claim_time(claim: LedgerClaim) -> tuple[dt.date, str, int]:
    return (claim.chain.published or dt.date.min, claim.chain.article_id, claim.order)


def is_figure(claim: LedgerClaim, kind: str) -> bool:
    return claim.kind == kind and (claim.low is not None or claim.high is not None)


def point(claim: LedgerClaim) -> int:
    """The conservative single number of a figure: its lower bound, else its upper bound."""
    return claim.low if claim.low is not None else claim.high  # type: ignore[return-value]


def latest_per_source(claims: list[LedgerClaim], kind: str) -> tuple[list[LedgerClaim], bool]:
    """Each source's latest credible figure (and whether the fallback statuses had to be used)."""
    figures = [claim for claim in claims if is_figure(claim, kind)]
    chosen = [claim for claim in figures if claim.status in CREDIBLE]
    fallback = not chosen
    if fallback:
        chosen = [claim for claim in figures if claim.status in FALLBACK]
    latest: dict[str, LedgerClaim] = {}
    for claim in sorted(chosen, key=claim_time):
        latest[claim.chain.source] = claim  # later claims overwrite earlier ones
    return list(latest.values()), fallback


def without_outliers(sources: list[LedgerClaim], ratio: float) -> list[LedgerClaim]:
    """The sources' figures minus those beyond ``ratio`` times (or below 1/ratio of) the median."""
    if len(sources) < MIN_SOURCES_FOR_OUTLIERS:
        return sources
    points = sorted(point(claim) for claim in sources)
    median = points[(len(points) - 1) // 2]
    if median <= 0:
        return sources
    return [claim for claim in sources if median / ratio <= point(claim) <= median * ratio]


def figure_of(claims: list[LedgerClaim], kind: str, *, outlier_ratio: float | None = None) -> Figure:
    sources, fallback = latest_per_source(claims, kind)
    if not sources:
        return Figure()
    ratio = outlier_ratio if outlier_ratio is not None else load_config().figure_outlier_ratio
    kept = without_outliers(sources, ratio)
    note = OUTLIER_NOTE if len(kept) < len(sources) else ""
    sources = kept
    points = sorted(point(claim) for claim in sources)
    lows = [claim.low if claim.low is not None else claim.high for claim in sources]
    highs = [claim.high if claim.high is not None else claim.low for claim in sources]
    return Figure(
        low=min(value for value in lows if value is not None),
        best=points[(len(points) - 1) // 2],
        high=max(value for value in highs if value is not None),
        claims=[claim.id for claim in sorted(sources, key=claim_time)],
        rule=(FALLBACK_RULE if fallback else RULE) + note,
    )


def timeline_of(claims: list[LedgerClaim], kind: str) -> list[TimelinePoint]:
    return [
        TimelinePoint(
            published=claim.chain.published,
            claim=claim.id,
            source=claim.chain.speaker or claim.chain.outlet or claim.chain.article_id,
            outlet=claim.chain.outlet,
            low=claim.low,
            high=claim.high,
            status=claim.status,
        )
        for claim in sorted(claims, key=claim_time)
        if is_figure(claim, kind)
    ]

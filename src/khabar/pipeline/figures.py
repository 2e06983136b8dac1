"""An event's killed / injured figures as low / best / high, from its reported figures.

Only asserted figures count: unverified ones ("unverified reports ... dozens") and superseded
ones (a toll revised from nine to 33) stay in the output as claims but not in the range.
low is ACLED's conservative figure (the smallest lower bound reported), high the largest, and
best the figure reported most often (ties: the lower) — the UCDP manner.
"""

from __future__ import annotations

from collections import Counter

from ..model import Count, CountMention


def count_of(reported: list[tuple[CountMention, str]], kind: str) -> Count:
    mentions = [(mention, status) for mention, status in reported if mention.kind == kind]
    credible = [mention for mention, status in mentions if status == "asserted" and mention.low is not None]
    count = Count(evidence=[mention.span for mention, _ in mentions])
    if not credible:
        if mentions:
            count.note = "; ".join(sorted({note_of(mention, status) for mention, status in mentions}))
        return count
    lows = [mention.low for mention in credible if mention.low is not None]
    highs = [mention.high if mention.high is not None else mention.low for mention in credible]
    frequency = Counter(lows)
    count.low = min(lows)
    count.high = max(high for high in highs if high is not None)
    count.best = min(lows, key=lambda value: (-frequency[value], value))
    return count


def note_of(mention: CountMention, status: str) -> str:
    if mention.low is None and mention.high is None:
        return "unspecified number reported"
    figure = mention.span.text
    return f"{status}: {figure}"

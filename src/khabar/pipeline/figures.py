"""An event's killed / injured figures as low / best / high, from its reported figures.

Only asserted figures count: unverified ones ("unverified reports ... dozens") and superseded
ones (a toll revised from nine to 33) stay in the output as claims but not in the range.
low is ACLED's conservative figure (the smallest lower bound reported), high the largest, and
best the figure reported most often (ties: the lower) — the UCDP manner — among the figures
above zero when there are any: "no one else was hurt", "no other injuries" speak of people
other than the victims counted, so a zero does not outvote (or tie with and, as the lower,
beat) the one victim reported. The largest figure as best was tried and is worse: articles
that sum up a weekend's shootings attach city-wide totals to the event of one shooting.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from ..model import Count, CountMention


def count_of(reported: list[tuple[CountMention, str]], kind: str) -> Count:
    mentions = [(mention, status) for mention, status in reported if mention.kind == kind]
    if kind == "injured":
        mentions = net_of_killed(mentions, reported)
    credible = [mention for mention, status in mentions if status == "asserted" and mention.low is not None]
    count = Count(evidence=[mention.span for mention, _ in mentions])
    if not credible:
        if mentions:
            count.note = "; ".join(sorted({note_of(mention, status) for mention, status in mentions}))
        return count
    lows = [mention.low for mention in credible if mention.low is not None]
    highs = [mention.high if mention.high is not None else mention.low for mention in credible]
    count.low = min(lows)
    count.high = max(high for high in highs if high is not None)
    count.best = most_reported([low for low in lows if low > 0] or lows)
    return count


def most_reported(values: list[int]) -> int:
    """The value reported most often; on a tie the lower (the conservative choice)."""
    frequency = Counter(values)
    return min(values, key=lambda value: (-frequency[value], value))


def note_of(mention: CountMention, status: str) -> str:
    if mention.low is None and mention.high is None:
        return "unspecified number reported"
    figure = mention.span.text
    return f"{status}: {figure}"


def net_of_killed(
    injured: list[tuple[CountMention, str]], reported: list[tuple[CountMention, str]]
) -> list[tuple[CountMention, str]]:
    """'Three men were shot, one fatally': a figure of people hit counts the dead too.

    Such a figure (``harm``) stands for the injured only once the largest killed figure is taken
    out; if nothing is left, it is no injured figure at all.
    """
    killed = max(
        (m.low for m, status in reported if m.kind == "killed" and m.low and status == "asserted"), default=0
    )
    netted: list[tuple[CountMention, str]] = []
    for mention, status in injured:
        if not mention.harm or mention.low is None:
            netted.append((mention, status))
            continue
        remaining = mention.low - killed
        if remaining > 0:
            netted.append((replace(mention, low=remaining, high=remaining), status))
    return netted

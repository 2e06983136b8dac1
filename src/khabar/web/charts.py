"""Plain SVG geometry for the charts the pages draw: events by date, each figure over claims.

Only numbers and labels come out of here; templates write them into ``<svg>`` elements with
autoescape, so no chart library (and no script) is needed to read a chart.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..model import Claim

#: the most bars a timeline draws before it groups days into months
MAX_DAY_BARS = 120
#: colours of the sources in a figure chart, in order of first appearance
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf")


@dataclass(slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    count: int
    killed: int


@dataclass(slots=True)
class Timeline:
    width: int
    height: int
    bars: list[Bar]
    unit: str  # day | month
    first: str | None
    last: str | None
    peak: int


def timeline(rows: list[tuple[str, int, int]], *, width: int = 900, height: int = 120) -> Timeline:
    """Bars of events per day (or per month when there are many days), left to right by date."""
    unit = "day"
    if len(rows) > MAX_DAY_BARS:
        unit = "month"
        months: dict[str, list[int]] = {}
        for day, count, killed in rows:
            totals = months.setdefault(day[:7], [0, 0])
            totals[0] += count
            totals[1] += killed
        rows = [(month, totals[0], totals[1]) for month, totals in months.items()]
    peak = max((count for _, count, _ in rows), default=0)
    # bars stand at their date's place on a time axis, so gaps in the reporting show as gaps
    starts = [_start_of(label) for label, _, _ in rows]
    span = max((starts[-1] - starts[0]).days, 1) if starts else 1
    unit_days = 30.44 if unit == "month" else 1
    bar = max(min(width * unit_days / (span + unit_days), 40.0) * 0.8, 4.0)
    bars = [
        Bar(x=round((start - starts[0]).days / span * (width - bar), 2),
            y=round(height - height * count / peak, 2), width=round(bar, 2),
            height=round(height * count / peak, 2), label=label, count=count, killed=killed)
        for start, (label, count, killed) in zip(starts, rows, strict=True)
    ] if peak else []  # fmt: skip
    return Timeline(
        width, height, bars, unit, rows[0][0] if rows else None, rows[-1][0] if rows else None, peak
    )


def _start_of(label: str) -> dt.date:
    """The first day of a timeline bar: 'YYYY-MM-DD', or 'YYYY-MM' for a month."""
    return dt.date.fromisoformat(label if len(label) == 10 else f"{label}-01")


@dataclass(slots=True)
class FigurePoint:
    x: float
    y: float
    value: int
    claim: str
    status: str
    qualifier: str | None


@dataclass(slots=True)
class FigureSeries:
    source: str
    colour: str
    points: list[FigurePoint] = field(default_factory=list)

    @property
    def path(self) -> str:
        return " ".join(f"{point.x},{point.y}" for point in self.points)


@dataclass(slots=True)
class FigureChart:
    figure: str  # killed | injured
    width: int
    height: int
    series: list[FigureSeries]
    steps: list[dict[str, Any]]  # the x axis: one step per claim, in the order it was reported
    peak: int


def figure_value(claim: Claim) -> int | None:
    """The number a figure claim gives (an int, or a low/best/high dict), or None."""
    value = claim.value
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return int(value)
    if isinstance(value, dict):
        for key in ("best", "high", "low", "value"):
            if isinstance(value.get(key), int | float) and not isinstance(value.get(key), bool):
                return int(value[key])
    return None


def claim_time(claim: Claim, published: dt.date | None) -> tuple[str, int]:
    """When a claim was made, as far as one article tells: its publication date, then its place
    in the report (earlier paragraphs report earlier statements; reconciled ledger events order
    claims across articles by publication first)."""
    start = min((span.start for span in claim.evidence), default=0)
    return (published.isoformat() if published else "", start)


def figure_chart(
    claims: list[Claim], figure: str, *, published: dt.date | None = None, width: int = 520, height: int = 180
) -> FigureChart | None:
    """Each source's values of ``figure`` ('killed' or 'injured') over claim time; None without any.

    A part of a toll ("including four children") is left out: it is no value of the figure."""
    dated = sorted(
        ((claim_time(claim, published), claim) for claim in claims
         if claim.kind == figure and figure_value(claim) is not None and not claim.part),
        key=lambda pair: pair[0],
    )  # fmt: skip
    if not dated:
        return None
    peak = max(figure_value(claim) or 0 for _, claim in dated) or 1
    margin = 30
    step = (width - 2 * margin) / max(len(dated) - 1, 1)
    by_source: dict[str, FigureSeries] = {}
    steps = []
    for n, (_, claim) in enumerate(dated):
        value = figure_value(claim) or 0
        source = claim.speaker or "unattributed"
        series = by_source.get(source)
        if series is None:
            series = by_source[source] = FigureSeries(source, PALETTE[len(by_source) % len(PALETTE)])
        x = round(margin + n * step if len(dated) > 1 else width / 2, 1)
        y = round(height - margin - (height - 2 * margin) * value / peak, 1)
        series.points.append(FigurePoint(x, y, value, claim.id, claim.status, claim.qualifier))
        steps.append({"x": x, "claim": claim.id})
    return FigureChart(figure, width, height, list(by_source.values()), steps, peak)

"""Cutting article text into highlighted segments, and the SVG chart geometry."""

from __future__ import annotations

import datetime as dt

import pytest

from khabar.model import Claim, Span
from khabar.web.charts import figure_chart, timeline
from khabar.web.highlight import Mark, segments, snippet_parts


def test_segments_cover_the_text_exactly_with_overlaps() -> None:
    text = "abcdefghij"
    parts = segments(text, [Mark(2, 6, "event", "ev-0"), Mark(4, 8, "claim", "c1-0"), Mark(9, 40, "place")])
    assert "".join(part.text for part in parts) == text
    assert [(part.text, part.layers) for part in parts] == [
        ("ab", ()), ("cd", ("event",)), ("ef", ("event", "claim")), ("gh", ("claim",)), ("i", ()),
        ("j", ("place",)),
    ]  # fmt: skip
    assert parts[1].anchors == ["ev-0"] and parts[2].anchors == ["c1-0"]


def test_segments_refuse_unknown_layers() -> None:
    with pytest.raises(ValueError, match="layer"):
        segments("text", [Mark(0, 2, "onclick")])


def test_snippet_parts_mark_matches_and_keep_stray_brackets() -> None:
    assert snippet_parts("a [b] c [d") == [("a ", False), ("b", True), (" c [d", False)]


def test_figure_chart_follows_each_source_over_claim_time() -> None:
    text = "He said nine were killed, then 33. A ministry said 34."

    def claim(cid: str, speaker: str, value: int, needle: str) -> Claim:
        start = text.index(needle)
        return Claim(id=cid, speaker=speaker, kind="killed", status="asserted", value=value,
                     evidence=[Span.of(text, start, start + len(needle))])  # fmt: skip

    claims = [
        claim("c3", "ministry", 34, "34"),
        claim("c1", "governor", 9, "nine"),
        claim("c2", "governor", 33, "33"),
    ]
    chart = figure_chart(claims, "killed", published=dt.date(2020, 2, 28))
    assert chart is not None
    assert [(s.source, [p.value for p in s.points]) for s in chart.series] == [
        ("governor", [9, 33]),
        ("ministry", [34]),
    ]
    assert [step["claim"] for step in chart.steps] == ["c1", "c2", "c3"]
    assert figure_chart(claims, "injured") is None


def test_a_part_of_the_toll_is_no_point_of_the_figure_chart() -> None:
    text = "The monitor put the number of dead at 15, including four children."
    toll = Claim(id="c1", speaker="monitor", kind="killed", status="asserted", value=15,
                 evidence=[Span.of(text, 38, 40)])  # fmt: skip
    children = Claim(id="c2", speaker="monitor", kind="killed", status="asserted", value=4, part=True,
                     evidence=[Span.of(text, 52, 56)])  # fmt: skip
    chart = figure_chart([toll, children], "killed")
    assert chart is not None
    assert [(s.source, [p.value for p in s.points]) for s in chart.series] == [("monitor", [15])]
    assert Claim.from_dict(children.to_dict()).part  # the flag survives the ledger's JSON


def test_timeline_groups_days_into_months_when_many() -> None:
    days = [((dt.date(2020, 1, 1) + dt.timedelta(days=n)).isoformat(), 1, 0) for n in range(200)]
    chart = timeline(days)
    assert chart.unit == "month" and len(chart.bars) == 7 and chart.peak == 31
    assert timeline([]).bars == []

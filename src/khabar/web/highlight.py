"""Article text cut into segments at every highlighted span's edges, for autoescaped templates.

The page never builds HTML from article text: a template writes each segment's ``text``
(escaped by Jinja) inside a ``<mark>`` whose classes come from the fixed ``LAYERS`` names, so
a report holding ``<script>`` shows as text, between spans as well as inside them. Spans may
overlap; a segment lists every layer that covers it.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field

#: the layers a span may belong to; they become CSS classes (``l-claim``), so never data
LAYERS = ("event", "claim", "place", "framing")


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    layer: str
    anchor: str | None = None  # an element id to jump to (``ev-3``)
    label: str | None = None  # shown on hover


@dataclass(slots=True)
class Segment:
    text: str
    layers: tuple[str, ...] = ()
    anchors: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)

    @property
    def css(self) -> str:
        return " ".join(f"l-{layer}" for layer in self.layers)

    @property
    def title(self) -> str:
        return "; ".join(dict.fromkeys(self.labels))


def segments(text: str, marks: Iterable[Mark]) -> list[Segment]:
    """``text`` as consecutive segments, each with the layers, anchors and labels of its marks."""
    usable = []
    for mark in marks:
        if mark.layer not in LAYERS:
            raise ValueError(f"unknown highlight layer {mark.layer!r}")
        start, end = max(0, mark.start), min(len(text), mark.end)
        if start < end:
            usable.append(Mark(start, end, mark.layer, mark.anchor, mark.label))
    edges = sorted({0, len(text), *(m.start for m in usable), *(m.end for m in usable)})
    result: list[Segment] = []
    for start, end in itertools.pairwise(edges):
        covering = [m for m in usable if m.start <= start and end <= m.end]
        layers = tuple(layer for layer in LAYERS if any(m.layer == layer for m in covering))
        anchors = [m.anchor for m in usable if m.start == start and m.anchor]
        labels = [m.label for m in covering if m.label]
        result.append(Segment(text[start:end], layers, anchors, labels))
    return result


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """A search snippet, whose matches the store puts in [brackets], as (text, is_match) parts."""
    parts: list[tuple[str, bool]] = []
    rest = snippet
    while rest:
        open_at = rest.find("[")
        close_at = rest.find("]", open_at + 1) if open_at >= 0 else -1
        if open_at < 0 or close_at < 0:
            parts.append((rest, False))
            break
        if open_at:
            parts.append((rest[:open_at], False))
        parts.append((rest[open_at + 1 : close_at], True))
        rest = rest[close_at + 1 :]
    return parts


def context_parts(text: str, start: int, end: int, *, chars: int = 80) -> list[tuple[str, bool]]:
    """The span ``start:end`` of ``text`` with up to ``chars`` around it, as (text, is_span) parts."""
    before_at, after_at = max(0, start - chars), min(len(text), end + chars)
    before = ("…" if before_at else "") + text[before_at:start]
    after = text[end:after_at] + ("…" if after_at < len(text) else "")
    return [(before, False), (text[start:end], True), (after, False)]

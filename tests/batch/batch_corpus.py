"""Small invented reports for batch runs, written as a JSONL file with one bad line."""

from __future__ import annotations

import json
from pathlib import Path

REPORTS = (
    ("r1", "Government forces shelled Saraqib on Monday, killing four civilians, rescuers said."),
    ("r2", "A roadside bomb exploded near Aleppo on Tuesday, killing two members of a rebel group."),
    ("r3", "Protesters gathered in Damascus on Friday to demand the release of detainees."),
    ("r4", "Rebels and government troops clashed near Idlib on Sunday; three fighters were killed."),
    ("r5", "An air strike hit a market in Maarat al-Numan on Wednesday, killing eleven people."),
)


def write_jsonl(
    path: Path, reports: tuple[tuple[str, str], ...] = REPORTS, *, bad_line_after: int = 2
) -> Path:
    """The reports as JSONL, with a malformed line after the ``bad_line_after``-th report."""
    lines = [
        json.dumps({"id": id_, "text": text, "published": "2024-03-08", "outlet": "Wire"})
        for id_, text in reports
    ]
    lines.insert(bad_line_after, '{"id": "broken", "text": ')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path

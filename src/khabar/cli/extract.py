"""``khabar extract FILE... | --jsonl IN``: the ledger of each report.

PRELIMINARY: one text file at a time; the full reader (HTML, JSONL, bad input) comes next.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from ..extract import extract


def extract_command(
    files: Annotated[list[Path], typer.Argument(help="Text or HTML files.")],
    published: Annotated[str | None, typer.Option(help="Publication date, YYYY-MM-DD.")] = None,
    outlet: Annotated[str | None, typer.Option(help="The outlet that published it.")] = None,
) -> None:
    """Extract the event ledger of each report."""
    for path in files:
        ledger = extract(path.read_text(encoding="utf-8"), published=published, outlet=outlet)
        typer.echo(json.dumps(ledger.to_dict(), ensure_ascii=False, indent=2))

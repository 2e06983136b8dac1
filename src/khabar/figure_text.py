"""How a figure claim reads: the number as the source stated it, with its qualifier.

A claim keeps ACLED's conservative figure of a qualified figure as its value: "more than 20
killed" is value 20 with qualifier "more than" (ACLED codes the stated number, as it codes
"hundreds" as 100), "fewer than 10" is 9 (the largest number the words allow). Printing the
qualifier before a value past the stated number ("fewer than 9") misquotes the source, so the
stated number is recovered with the rule of the same quantifier table the count stage reads
(``data/en/counts/quantifiers.tsv``): a ``below`` bound lies one under the stated number;
``above``, ``min``, ``max`` and ``approx`` bounds are the number itself. A qualifier the table
does not know gives the value without it. The web pages and ``khabar show`` both print this.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from .langdata import load_tsv

#: stated number = value + this, per bound rule of the quantifier table
_STATED_OFFSET = {"above": 0, "below": 1, "min": 0, "max": 0, "approx": 0}


@cache
def bound_rules() -> dict[str, str]:
    """Bound phrase ("more than") -> its rule ("above"), from the count stage's table."""
    rows = load_tsv("en", "counts", "quantifiers.tsv")
    return {row["phrase"].lower(): row["rule"] for row in rows if row["kind"] == "bound"}


def stated_figure(value: Any, qualifier: str | None) -> str:
    """The figure of a claim as its source said it: "more than 20", "dozens", "7"."""
    if value is None:
        return ""
    if isinstance(value, str):  # a word figure ("dozens") is its own statement
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        return json.dumps(value, ensure_ascii=False)
    if not qualifier:
        return str(value)
    if bound_rules().get(qualifier.lower()) not in _STATED_OFFSET:
        return str(value)
    return f"{qualifier} {stated_number(value, qualifier)}"


def stated_number(value: Any, qualifier: str | None) -> Any:
    """The number a source stated for a claim's value: 20 for value 21 "more than"; any other
    value as it is."""
    if not qualifier or isinstance(value, bool) or not isinstance(value, int | float):
        return value
    return value + _STATED_OFFSET.get(bound_rules().get(qualifier.lower(), ""), 0)

"""Loading of the language data khabar curates under ``khabar/data/``.

Lexicons, dictionaries and tables are data files, versioned with the project; code
never embeds them. Each loader names the file in its error when it is missing or broken.
"""

from __future__ import annotations

import csv
import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import KhabarError


def data_path(*parts: str) -> Path:
    """Path of a data file shipped in the package, e.g. ``data_path("en", "triggers.json")``."""
    return Path(str(resources.files("khabar") / "data" / Path(*parts)))


@cache
def load_json(*parts: str) -> Any:
    path = data_path(*parts)
    try:
        with path.open(encoding="utf-8") as handle:
            return json.load(handle)
    except FileNotFoundError as exc:
        raise KhabarError("E020", path=path, detail=exc.strerror) from exc
    except json.JSONDecodeError as exc:
        raise KhabarError("E021", path=path, detail=str(exc)) from exc


@cache
def load_tsv(*parts: str) -> tuple[dict[str, str], ...]:
    """Rows of a tab-separated file with a header line; lines starting with '#' are comments."""
    path = data_path(*parts)
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            lines = [line for line in handle if line.strip() and not line.startswith("#")]
    except FileNotFoundError as exc:
        raise KhabarError("E020", path=path, detail=exc.strerror) from exc
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = tuple(reader)
    for number, row in enumerate(rows, start=2):
        if None in row or any(value is None for value in row.values()):
            raise KhabarError("E021", path=path, detail=f"row {number} has the wrong number of fields")
    return rows

"""The benchmark corpus: the FA-KES Syrian-war articles, read from the shared data folder."""

from __future__ import annotations

import csv
import datetime as dt
import sys
from pathlib import Path

from ..errors import KhabarError
from ..model import Article

#: where the data set lives beside the repository (``../shared/data``)
RELATIVE_DATA = Path("..") / "shared" / "data" / "fakes-syria" / "FA-KES-Dataset.csv"
REPO = Path(__file__).resolve().parents[3]
TEXT_COLUMN = "article_content"


def default_data_path() -> Path:
    """``../shared/data/...`` from the working directory, else from the repository root."""
    for base in (Path.cwd(), REPO):
        candidate = (base / RELATIVE_DATA).resolve()
        if candidate.is_file():
            return candidate
    return (REPO / RELATIVE_DATA).resolve()


def load_articles(path: Path, *, limit: int | None = None) -> list[Article]:
    """The first ``limit`` articles of the FA-KES CSV (all when None), in file order."""
    if not path.is_file():
        raise KhabarError("E102", path=path)
    csv.field_size_limit(sys.maxsize)  # article bodies exceed the csv module's 128 KiB default
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        if TEXT_COLUMN not in (reader.fieldnames or []):
            raise KhabarError("E103", path=path, column=TEXT_COLUMN)
        articles = [article_of(row) for row in reader if row[TEXT_COLUMN].strip()]
    return articles if limit is None else articles[:limit]


def article_of(row: dict[str, str]) -> Article:
    return Article(
        text=row[TEXT_COLUMN],
        id=f"fakes-{row.get('unit_id', '')}" if row.get("unit_id") else "",
        published=parse_us_date(row.get("date", "")),
        outlet=row.get("source") or None,
        title=row.get("article_title") or None,
    )


def parse_us_date(value: str) -> dt.date | None:
    """FA-KES writes dates as month/day/year ('4/5/2017'); anything else is left unknown."""
    try:
        month, day, year = (int(part) for part in value.strip().split("/"))
        return dt.date(year, month, day)
    except ValueError:
        return None


def count_words(texts: list[str]) -> int:
    """Whitespace-separated words: the same unit for every mode, independent of tokenisation."""
    return sum(len(text.split()) for text in texts)

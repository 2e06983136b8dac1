"""CSV and TSV: one article per row, columns found by name or given by the caller.

The columns of a row are found by their usual names (``text``, ``content``,
``article_content``, ``body``; ``title``, ``article_title``; ``date``, ``published``;
``source``, ``outlet``; ...), case-insensitively, or named with ``CsvColumns``. Only the
text column is required. A bad row is one ``InputError`` naming the file and the row, and
the rows after it are still read, streaming, so a file of any length fits in memory.

Numeric dates such as ``4/5/2017`` are ambiguous: ``CsvColumns.date_order`` (dmy, mdy, ymd)
says how the file writes them. Without it, a date that only one order can read
(``4/16/2017``) is read that way, and an ambiguous one rejects its row with E130.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from ..errors import InputError
from ..model import Article
from .checks import MAX_BYTES_PER_CHAR, check_not_binary, normalise_newlines
from .documents import Metadata, ReadOptions, make_article
from .source import Source

DateOrder = Literal["dmy", "mdy", "ymd"]
DATE_ORDERS: tuple[DateOrder, ...] = ("dmy", "mdy", "ymd")

#: usual column names of each field, best first (compared without case)
CANDIDATES: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "article_content", "body", "article_text", "article", "full_text", "story"),
    "id": ("id", "article_id", "unit_id", "doc_id", "document_id", "uid", "guid"),
    "title": ("title", "article_title", "headline"),
    "date": ("published", "date", "publish_date", "published_at", "pubdate", "publication_date"),
    "outlet": ("outlet", "source", "publisher", "source_name", "media", "site"),
    "url": ("url", "link", "article_url", "source_url"),
}
_NUMERIC_DATE = re.compile(r"(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})(?:[ T].*)?")


@dataclass(frozen=True, slots=True)
class CsvColumns:
    """Which column holds what (None: find it by its usual names), and how dates are written."""

    text: str | None = None
    id: str | None = None
    title: str | None = None
    date: str | None = None
    outlet: str | None = None
    url: str | None = None
    date_order: DateOrder | None = None


def read_csv_source(source: Source, options: ReadOptions) -> Iterator[Article | InputError]:
    """Every article of a CSV/TSV source, its columns found by their usual names."""
    yield from read_csv(source, options, CsvColumns())


def make_csv_reader(columns: CsvColumns):  # type: ignore[no-untyped-def]
    """A reader (for ``register_format``) that uses ``columns``."""

    def reader(source: Source, options: ReadOptions) -> Iterator[Article | InputError]:
        yield from read_csv(source, options, columns)

    return reader


def read_csv(source: Source, options: ReadOptions, columns: CsvColumns) -> Iterator[Article | InputError]:
    """Every article of ``source``, in row order, with an ``InputError`` in place of each bad row."""
    _allow_fields_of(options.max_chars)
    delimiter = "\t" if source.suffixes.endswith(".tsv") else ","
    try:
        check_not_binary(source.head(), name=source.name)
        with source.open() as raw:
            # utf-8-sig drops a byte-order mark, which spreadsheet programs like to write
            stream = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
            try:
                yield from _articles(csv.DictReader(stream, delimiter=delimiter), source, options, columns)
            finally:
                stream.detach()  # the Source closes its own stream
    except InputError as error:
        yield error
    except UnicodeDecodeError as exc:
        yield InputError("E003", name=source.name, detail=f"not UTF-8 ({exc.reason})")
    except csv.Error as exc:
        yield InputError("E012", name=source.name, detail=f"malformed CSV: {exc}")
    except OSError as error:
        yield InputError("E012", name=source.name, detail=error.strerror or str(error))


def _allow_fields_of(max_chars: int) -> None:
    # the csv module refuses fields over 128 KiB by default; an article may be longer
    limit = min(max_chars * MAX_BYTES_PER_CHAR, sys.maxsize)
    if csv.field_size_limit() < limit:
        csv.field_size_limit(limit)


def _articles(
    rows: csv.DictReader, source: Source, options: ReadOptions, columns: CsvColumns
) -> Iterator[Article | InputError]:
    mapping = column_mapping(list(rows.fieldnames or []), columns, name=source.name)
    for number, row in enumerate(rows, start=1):
        yield _row_article(row, number, mapping, source, options, columns.date_order)


def column_mapping(header: list[str], columns: CsvColumns, *, name: str) -> dict[str, str]:
    """field -> column name, for the fields this file has; E132/E133 when the text column is missing."""
    by_lower = {column.strip().lower(): column for column in header}
    shown = ", ".join(header) or "none"
    mapping: dict[str, str] = {}
    for field, candidates in CANDIDATES.items():
        given = getattr(columns, field)
        if given is not None:
            if given.strip().lower() not in by_lower:
                raise InputError("E133", column=given, option=f"{field}-column", name=name, columns=shown)
            mapping[field] = by_lower[given.strip().lower()]
            continue
        found = next((by_lower[c] for c in candidates if c in by_lower), None)
        if found is not None:
            mapping[field] = found
    if "text" not in mapping:
        candidates = ", ".join(CANDIDATES["text"])
        raise InputError(
            "E132", what="text", name=name, candidates=candidates, option="text-column", columns=shown
        )
    return mapping


def _row_article(
    row: dict[str, str | None],
    number: int,
    mapping: dict[str, str],
    source: Source,
    options: ReadOptions,
    date_order: DateOrder | None,
) -> Article | InputError:
    row_name = f"{source.name} row {number}"

    def value(field: str) -> str | None:
        raw = row.get(mapping[field]) if field in mapping else None
        return raw.strip() or None if raw else None

    try:
        text = row.get(mapping["text"]) or ""
        if not text.strip():
            raise InputError("E131", row=number, name=source.name, column=mapping["text"])
        date = value("date")
        metadata = Metadata(
            id=value("id"),
            published=normalise_date(date, order=date_order, name=row_name) if date else None,
            outlet=value("outlet"),
            title=value("title"),
            url=value("url"),
        )
        return make_article(normalise_newlines(text), metadata, name=row_name, options=options)
    except InputError as error:
        return error


def normalise_date(value: str, *, order: DateOrder | None, name: str) -> str:
    """A numeric date ('4/5/2017', '05.04.2017', '2017/4/5') as YYYY-MM-DD; other text unchanged.

    Text dates ('2017-04-05', '5 April 2017', RFC 2822) are left to the publication-date parser.
    """
    match = _NUMERIC_DATE.fullmatch(value.strip())
    if match is None or ("-" in value and len(match.group(1)) == 4):
        return value  # not numeric, or already ISO
    first, second, third = match.groups()
    if len(first) == 4 or order == "ymd":
        readings = [(first, second, third)]
    elif order == "dmy":
        readings = [(third, second, first)]
    elif order == "mdy":
        readings = [(third, first, second)]
    else:
        readings = [(third, second, first), (third, first, second)]
    dates = {date for date in (_date(*reading) for reading in readings) if date is not None}
    if len(dates) > 1:
        raise InputError("E130", value=value, name=name)
    if not dates:
        raise InputError("E134", value=value, name=name, order=order or "any day/month")
    return dates.pop().isoformat()


def _date(year: str, month: str, day: str) -> dt.date | None:
    number = int(year)
    if len(year) <= 2:
        # two-digit years: this century up to now, the last one before
        number += 2000 if number <= dt.date.today().year % 100 else 1900
    try:
        return dt.date(number, int(month), int(day))
    except ValueError:
        return None

"""JSON Lines: one article per line, ``{"id", "text", "published"?, "outlet"?, "title"?, "url"?}``.

Read as a stream, line by line, so a file of any length fits in memory; a bad line is one
``InputError`` naming the file and the line number, and the lines after it are still read.
A line's own metadata wins over the caller's defaults.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO, NoReturn

from ..errors import InputError, warn
from ..model import Article
from .checks import MAX_BYTES_PER_CHAR, check_not_binary, normalise_newlines
from .documents import Metadata, ReadOptions, make_article
from .html import extract_html, looks_like_html
from .source import Source

#: fields that hold text, or nothing
OPTIONAL_TEXT_FIELDS = ("published", "outlet", "title", "url")
_UTF8_BOM = b"\xef\xbb\xbf"
#: how much of an over-long line is read at a time while skipping it
_SKIP_CHUNK = 1 << 20


def read_jsonl_source(source: Source, options: ReadOptions) -> Iterator[Article | InputError]:
    """Every article of a JSONL source, in order, with an ``InputError`` in place of each bad line."""
    line_limit = options.max_chars * MAX_BYTES_PER_CHAR
    try:
        # a compressed or binary file is one error, not thousands of bad lines
        check_not_binary(source.head(), name=source.name)
        with source.open() as stream:
            for number, line in _numbered_lines(stream, line_limit):
                if line is None:
                    yield InputError(
                        "E004", name=line_name(source, number), size=f"over {line_limit:,} bytes",
                        limit=options.max_chars,
                    )  # fmt: skip
                    continue
                if number == 1 and line.startswith(_UTF8_BOM):
                    warn("W001", name=source.name, encoding="UTF-8 with a byte-order mark")
                    line = line.removeprefix(_UTF8_BOM)
                if line.strip():
                    yield _line_article(line, number, source, options)
    except InputError as error:
        yield error
    except OSError as error:
        yield InputError("E012", name=source.name, detail=error.strerror or str(error))


def line_name(source: Source, number: int) -> str:
    """How messages about one line name it: ``in.jsonl line 7``."""
    return f"{source.name} line {number}"


def _numbered_lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) for each line; None for a line over ``limit`` bytes, skipped unread."""
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            _skip_to_next_line(stream)
            yield number, None
        else:
            yield number, line


def _skip_to_next_line(stream: BinaryIO) -> None:
    while True:
        chunk = stream.readline(_SKIP_CHUNK)
        if not chunk or chunk.endswith(b"\n"):
            return


def _line_article(line: bytes, number: int, source: Source, options: ReadOptions) -> Article | InputError:
    try:
        record = _json_object(line, number, source)
        metadata = _metadata(record, number, source)
        text = _text(record, number, source)
        if looks_like_html(text[:4096].encode("utf-8")):
            page = extract_html(text)
            text = page.text
            metadata = Metadata(
                id=metadata.id,
                published=metadata.published or page.published,
                outlet=metadata.outlet or page.outlet,
                title=metadata.title or page.title,
                url=metadata.url or page.url,
            )
        return make_article(text, metadata, name=line_name(source, number), options=options)
    except InputError as error:
        return error


def _json_object(line: bytes, number: int, source: Source) -> dict[str, Any]:
    try:
        record = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise InputError("E007", line=number, name=source.name, detail=f"not UTF-8 ({exc.reason})") from None
    except json.JSONDecodeError as exc:
        detail = f"{exc.msg} at column {exc.colno}"
        raise InputError("E007", line=number, name=source.name, detail=detail) from None
    if not isinstance(record, dict):
        detail = f"it is a JSON {_json_type(record)}"
        raise InputError("E007", line=number, name=source.name, detail=detail)
    return record


def _text(record: dict[str, Any], number: int, source: Source) -> str:
    text = record.get("text")
    if text is not None and not isinstance(text, str):
        _wrong_type(number, source, "text", "a string", text)
    if not text or not text.strip():
        raise InputError("E008", line=number, name=source.name)
    return normalise_newlines(text)


def _metadata(record: dict[str, Any], number: int, source: Source) -> Metadata:
    raw_id = record.get("id")
    # ids from databases are often numbers; booleans are not ids
    if raw_id is not None and (isinstance(raw_id, bool) or not isinstance(raw_id, str | int)):
        _wrong_type(number, source, "id", "a string or an integer", raw_id)
    values: dict[str, str | None] = {}
    for field in OPTIONAL_TEXT_FIELDS:
        value = record.get(field)
        if value is not None and not isinstance(value, str):
            _wrong_type(number, source, field, "a string", value)
        values[field] = value.strip() or None if isinstance(value, str) else None
    return Metadata(id=str(raw_id) if raw_id is not None else None, **values)


def _wrong_type(number: int, source: Source, field: str, expected: str, value: object) -> NoReturn:
    raise InputError(
        "E013", line=number, name=source.name, field=field, expected=expected, actual=_json_type(value)
    )


def _json_type(value: object) -> str:
    names = {dict: "object", list: "array", str: "string", int: "number", float: "number", bool: "boolean"}
    return "null" if value is None else names.get(type(value), type(value).__name__)

"""Reading inputs: text and HTML files, JSON Lines, folders and standard input, into Articles.

Every reader yields ``Article`` objects and, in place of each bad input, an ``InputError``
that names it (and its line, for JSONL), so a batch never stops at one bad input. Decoding
that needed a guess (a byte-order mark, UTF-16, Windows-1252) warns with W001.
"""

from __future__ import annotations

from .documents import DEFAULT_MAX_CHARS, ReadOptions
from .readers import FORMATS, InputFormat, format_of, read_inputs, read_jsonl, register_format
from .source import Source

__all__ = [
    "DEFAULT_MAX_CHARS",
    "FORMATS",
    "InputFormat",
    "ReadOptions",
    "Source",
    "format_of",
    "read_inputs",
    "read_jsonl",
    "register_format",
]

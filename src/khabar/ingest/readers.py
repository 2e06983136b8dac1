"""The readers of each input format, a registry that picks one per input, and ``read_inputs``.

A format is a reader plus how to recognise it: file extensions, and a sniffer over the first
bytes for inputs whose extension says nothing (``.txt``, none, standard input). New formats
slot in with ``register_format``; formats khabar knows but cannot read yet are registered
with a reader that says so (E015). An http(s) URL is not a format: it is fetched first, and
its answer read as a page or a feed (``ingest/urls.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..model import Article
from .csv_reader import read_csv_source
from .dates import published_date
from .documents import DEFAULT_MAX_CHARS, ReadOptions, read_html_document, read_text_document
from .feeds import looks_like_feed, read_feed_source
from .html import looks_like_html
from .jsonl import read_jsonl_source
from .source import STDIN, Source, expand_paths, stdin_source
from .urls import read_url
from .warc_reader import looks_like_warc, read_warc_source

Reader = Callable[[Source, ReadOptions], Iterator[Article | InputError]]
Sniffer = Callable[[bytes], bool]


@dataclass(frozen=True, slots=True)
class InputFormat:
    """A format khabar reads: its reader, its extensions, and a test on its first bytes."""

    name: str
    reader: Reader
    extensions: tuple[str, ...] = ()
    sniff: Sniffer | None = None


#: every registered format by name, in registration order (the order sniffers are tried in)
FORMATS: dict[str, InputFormat] = {}
#: extensions that say nothing about the content: the first bytes decide
NEUTRAL_EXTENSIONS = ("", ".txt", ".text")


def register_format(input_format: InputFormat) -> None:
    """Add ``input_format``, or replace the format of the same name."""
    FORMATS[input_format.name] = input_format


def format_of(source: Source) -> InputFormat:
    """The format of ``source``: by its extension, else by sniffing its first bytes, else text."""
    by_extension = _format_by_extension(source.suffixes)
    if by_extension is not None:
        return by_extension
    head = source.head()
    for input_format in FORMATS.values():
        if input_format.sniff is not None and input_format.sniff(head):
            return input_format
    return FORMATS["text"]


def _format_by_extension(suffixes: str) -> InputFormat | None:
    """The format whose extension ends ``suffixes`` (longest match wins: '.warc.gz' over '.gz')."""
    best: tuple[int, InputFormat] | None = None
    for input_format in FORMATS.values():
        for extension in input_format.extensions:
            matches = extension not in NEUTRAL_EXTENSIONS and suffixes.endswith(extension)
            if matches and (best is None or len(extension) > best[0]):
                best = (len(extension), input_format)
    return best[1] if best else None


def looks_like_jsonl(head: bytes) -> bool:
    """Whether the first line is a JSON object: ``{`` ... ``}``."""
    first_line = head.removeprefix(b"\xef\xbb\xbf").lstrip().split(b"\n", 1)[0].rstrip()
    return first_line.startswith(b"{") and first_line.endswith(b"}")


def _not_yet(kind: str) -> Reader:
    def reader(source: Source, options: ReadOptions) -> Iterator[Article | InputError]:
        yield InputError("E015", name=source.name, kind=kind)

    return reader


def _register_builtin_formats() -> None:
    register_format(InputFormat("html", read_html_document, (".html", ".htm", ".xhtml"), looks_like_html))
    register_format(InputFormat("jsonl", read_jsonl_source, (".jsonl", ".ndjson"), looks_like_jsonl))
    register_format(InputFormat("text", read_text_document, (*NEUTRAL_EXTENSIONS, ".md")))
    register_format(InputFormat("csv", read_csv_source, (".csv", ".tsv")))
    register_format(InputFormat("json", _not_yet("JSON (not JSON Lines)"), (".json",)))
    register_format(InputFormat("warc", read_warc_source, (".warc", ".warc.gz"), looks_like_warc))
    register_format(InputFormat("feed", read_feed_source, (".rss", ".atom", ".xml"), looks_like_feed))


_register_builtin_formats()


def read_inputs(
    paths: Iterable[str | Path],
    *,
    published: str | None = None,
    outlet: str | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    allow_non_english: bool = False,
) -> Iterator[Article | InputError]:
    """Every article of ``paths`` (files, folders, ``-`` for standard input, http(s) URLs of pages
    or feeds), in order, streaming.

    A bad input becomes an ``InputError`` in the stream, in its place, and the batch goes on.
    ``published`` and ``outlet`` apply to every input that does not carry its own (an HTML
    page's own metadata is used only where they are not given).
    """
    for item in expand_paths(paths):
        if isinstance(item, InputError):
            yield item
            continue
        options_or_error = _options(item.name, published, outlet, max_chars, allow_non_english)
        if isinstance(options_or_error, InputError):
            yield options_or_error
            continue
        if item.url is not None:
            yield from read_url(item.url, options_or_error)
            continue
        try:
            input_format = format_of(item)
        except OSError as error:
            yield InputError("E012", name=item.name, detail=error.strerror or str(error))
            continue
        yield from input_format.reader(item, options_or_error)


def read_jsonl(
    path: str | Path,
    *,
    published: str | None = None,
    outlet: str | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    allow_non_english: bool = False,
) -> Iterator[Article | InputError]:
    """Every article of a JSON Lines file (``-`` for standard input), streaming, line by line."""
    if str(path) == STDIN:
        source = stdin_source()
    elif Path(path).is_file():
        source = Source(name=str(path), path=Path(path))
    else:
        yield InputError("E009", name=str(path))
        return
    options_or_error = _options(source.name, published, outlet, max_chars, allow_non_english)
    if isinstance(options_or_error, InputError):
        yield options_or_error
        return
    yield from read_jsonl_source(source, options_or_error)


def _options(
    name: str, published: str | None, outlet: str | None, max_chars: int, allow_non_english: bool
) -> ReadOptions | InputError:
    """The options for input ``name``; a bad ``published`` is an error of that input."""
    try:
        date = published_date(published, name=name) if published else None
    except InputError as error:
        return error
    return ReadOptions(
        published=date, outlet=outlet, max_chars=max_chars, allow_non_english=allow_non_english
    )

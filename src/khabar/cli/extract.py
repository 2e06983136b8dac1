"""``khabar extract FILE... | --jsonl IN``: the ledger of each report.

Bad inputs are reported on stderr with their name (and line, for JSONL) and skipped; the rest
are extracted. Exit codes: 0 all good, 3 no input could be read, 4 some inputs were skipped.
"""

from __future__ import annotations

import sys
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..errors import InputError, KhabarError, KhabarWarning
from ..export import RENDERERS, render
from ..model import Article, ArticleLedger
from .common import ExitCode, err_console, report_error, report_warning

DEFAULT_MAX_CHARS = 1_000_000


@dataclass(slots=True)
class Tally:
    read: int = 0
    skipped: int = 0
    failed: int = 0


def extract_command(
    files: Annotated[
        list[str] | None, typer.Argument(help="Text or HTML files, folders, or '-' for stdin.")
    ] = None,
    jsonl: Annotated[
        Path | None,
        typer.Option(help='JSONL input: one article per line, {"id", "text", "published"?, "outlet"?, ...}.'),
    ] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) of FILE inputs.")
    ] = None,
    outlet: Annotated[str | None, typer.Option(help="The outlet that published FILE inputs.")] = None,
    output_format: Annotated[
        str | None,
        typer.Option(
            "--format", "-f", help=f"Output format: {', '.join(sorted(RENDERERS))} (default json, jsonl)."
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Output file (default stdout).")
    ] = None,
    workers: Annotated[int, typer.Option(help="Worker processes, one spaCy pipeline each.")] = 1,
    max_chars: Annotated[
        int, typer.Option(help="Reject inputs longer than this many characters.")
    ] = DEFAULT_MAX_CHARS,
    allow_non_english: Annotated[
        bool, typer.Option(help="Extract inputs that are not in English instead of skipping them.")
    ] = False,
    progress: Annotated[
        bool | None, typer.Option(help="Show a progress bar (default: when several inputs).")
    ] = None,
) -> None:
    """Extract the event ledger of each report: events, places and the evidence for every value."""
    if not files and jsonl is None:
        report_error("give FILE arguments or --jsonl IN.jsonl (see khabar extract --help)")
        raise typer.Exit(ExitCode.USAGE)
    fmt = output_format or ("json" if files and len(files) == 1 and jsonl is None else "jsonl")
    if fmt not in RENDERERS:
        report_error(f"unknown format {fmt!r}; choose one of {', '.join(sorted(RENDERERS))}")
        raise typer.Exit(ExitCode.USAGE)
    route_warnings_to_stderr()
    tally = Tally()
    items = read_all(files or [], jsonl, published, outlet, max_chars, allow_non_english)
    articles = keep_articles(items, tally)
    show_progress = progress if progress is not None else bool(jsonl or (files and len(files) > 1))
    try:
        with open_output(output) as out, progress_bar(show_progress) as advance:
            ledgers = extracted(articles, workers, tally, advance)
            render(fmt, ledgers, out)
    except KhabarError as exc:
        report_error(str(exc))
        raise typer.Exit(ExitCode.FAILURE) from exc
    raise typer.Exit(exit_code(tally))


def read_all(
    files: list[str],
    jsonl: Path | None,
    published: str | None,
    outlet: str | None,
    max_chars: int,
    allow_non_english: bool,
) -> Iterator[Article | InputError]:
    from ..ingest import read_inputs, read_jsonl

    options = {"max_chars": max_chars, "allow_non_english": allow_non_english}
    if files:
        yield from read_inputs(files, published=published, outlet=outlet, **options)
    if jsonl is not None:
        yield from read_jsonl(jsonl, published=published, outlet=outlet, **options)


def keep_articles(items: Iterable[Article | InputError], tally: Tally) -> Iterator[Article]:
    """Report each bad input on stderr and pass the good ones on."""
    for item in items:
        if isinstance(item, InputError):
            tally.skipped += 1
            err_console.print(f"[yellow]skipped:[/] {item}", soft_wrap=True)
            continue
        tally.read += 1
        yield item


def extracted(articles: Iterable[Article], workers: int, tally: Tally, advance) -> Iterator[ArticleLedger]:  # type: ignore[no-untyped-def]
    from ..parallel import extract_parallel

    for result in extract_parallel(articles, workers=workers):
        advance()
        if result.ledger is None:
            tally.failed += 1
            report_error(f"extraction failed for article '{result.article_id}': {result.error}")
            continue
        yield result.ledger


def route_warnings_to_stderr() -> None:
    """khabar's warnings (an unusual encoding, a language kept) print as one line, not a traceback."""

    def show(message, category, filename, lineno, file=None, line=None):  # type: ignore[no-untyped-def]
        if issubclass(category, KhabarWarning):
            report_warning(str(message))
        else:
            original(message, category, filename, lineno, file, line)

    original = warnings.showwarning
    warnings.showwarning = show


def exit_code(tally: Tally) -> ExitCode:
    if tally.read == 0:
        return ExitCode.NO_INPUT
    if tally.skipped or tally.failed:
        return ExitCode.PARTIAL
    return ExitCode.OK


@contextmanager
def open_output(path: Path | None) -> Iterator[TextIO]:
    if path is None:
        yield sys.stdout
        return
    with path.open("w", encoding="utf-8", newline="") as handle:
        yield handle


@contextmanager
def progress_bar(enabled: bool) -> Iterator:  # type: ignore[type-arg]
    """A progress bar on stderr; yields the function that counts one article done."""
    if not enabled:
        yield lambda: None
        return
    columns = (TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err_console, transient=True) as bar:
        task = bar.add_task("extract", total=None)
        yield lambda: bar.advance(task)

"""What the CLI commands share: exit codes and the error console."""

from __future__ import annotations

from enum import IntEnum

from rich.console import Console

err_console = Console(stderr=True, highlight=False)


class ExitCode(IntEnum):
    OK = 0
    #: something went wrong that was not the input's fault
    FAILURE = 1
    #: wrong usage (typer's own code for bad options)
    USAGE = 2
    #: every input was bad: nothing was extracted
    NO_INPUT = 3
    #: some inputs were bad and skipped; the rest were processed
    PARTIAL = 4


def report_error(message: str) -> None:
    err_console.print(f"[bold red]error:[/] {message}", soft_wrap=True)


def report_warning(message: str) -> None:
    err_console.print(f"[yellow]warning:[/] {message}", soft_wrap=True)

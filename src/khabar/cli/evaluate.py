"""``khabar eval NAME [PATH]``: score the extractor on an annotated set, beside the published anchor."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from ..errors import KhabarError
from ..evaluate import EVALUATORS, EvalReport, run_evaluation
from .common import ExitCode, report_error


def eval_command(
    name: Annotated[str, typer.Argument(help=f"Data set: {', '.join(EVALUATORS)}.")],
    path: Annotated[
        Path | None,
        typer.Argument(help="Where the data set is (default: its folder under ../shared/data)."),
    ] = None,
    limit: Annotated[int | None, typer.Option(help="Score only the first N items.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Score the extractor on an annotated data set and print the figures beside the anchor."""
    try:
        with Progress(transient=True, disable=as_json) as bar:
            task = bar.add_task(f"eval {name}", total=None)

            def progress(done: int, total: int) -> None:
                bar.update(task, completed=done, total=total)

            report = run_evaluation(name, path, limit=limit, progress=progress)
    except KhabarError as exc:
        report_error(str(exc))
        raise typer.Exit(ExitCode.FAILURE) from exc
    if as_json:
        typer.echo(json.dumps(report.to_dict(), indent=2))
    else:
        print_report(report)


def print_report(report: EvalReport) -> None:
    console = Console()
    table = Table(title=f"khabar eval {report.name} — {report.dataset} ({report.n_items} items)")
    table.add_column("metric")
    table.add_column("khabar", justify="right")
    table.add_column("goal", justify="right")
    table.add_column("anchor", justify="right")
    table.add_column("anchor system")
    for metric, value in report.metrics.items():
        anchor = report.anchors.get(metric)
        goal = report.goals.get(metric)
        table.add_row(
            metric,
            f"{value:.3f}",
            f"{goal:.3f}" if goal is not None else "",
            f"{anchor.value:.3f}" if anchor else "",
            anchor.who if anchor else "",
        )
    console.print(table)
    for note in report.notes:
        console.print(f"  note: {note}")

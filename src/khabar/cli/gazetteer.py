"""``khabar gazetteer ...``: build the offline gazetteer index, import a GeoNames dump, look names up."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import KhabarError
from .common import ExitCode, report_error

app = typer.Typer(help="Manage the offline gazetteer.", no_args_is_help=True)

IndexOption = Annotated[
    Path | None,
    typer.Option("--index", help="The index file (default: $KHABAR_HOME or ~/.cache/khabar)."),
]


@app.command("build")
def build_command(index: IndexOption = None) -> None:
    """(Re)build the index from the installed GeoNames packages and khabar's curated data."""
    from ..gazetteer import build_gazetteer, default_index_path

    try:
        counts = build_gazetteer(index)
    except KhabarError as exc:
        report_error(str(exc))
        raise typer.Exit(ExitCode.FAILURE) from exc
    summary = ", ".join(f"{count:,} {kind}" for kind, count in counts.items())
    typer.echo(f"built {index or default_index_path()}: {summary}")


@app.command("import")
def import_command(
    files: Annotated[
        list[Path], typer.Argument(help="GeoNames files: allCountries.txt, SY.txt, admin1CodesASCII.txt.")
    ],
    classes: Annotated[
        str,
        typer.Option(help="GeoNames feature classes to import (A admin, P places, L regions, S sites, ...)."),
    ] = "APL",
    index: IndexOption = None,
) -> None:
    """Import GeoNames dumps into the index (streamed; importing twice changes nothing)."""
    from ..gazetteer import build_gazetteer, default_index_path
    from ..gazetteer.geonames import import_file

    target = index or default_index_path()
    # admin1 names first, so that places are labelled with them
    ordered = sorted(files, key=lambda path: not path.name.casefold().startswith("admin1"))
    try:
        if not target.exists():
            build_gazetteer(target)
        for path in ordered:
            written = import_file(path, target, classes=classes)
            typer.echo(f"{path}: {written:,} rows imported into {target}")
    except KhabarError as exc:
        report_error(str(exc))
        raise typer.Exit(ExitCode.FAILURE) from exc


@app.command("lookup")
def lookup_command(
    name: Annotated[str, typer.Argument(help="A place name.")],
    limit: Annotated[int, typer.Option(help="Show at most this many candidates.")] = 10,
    index: IndexOption = None,
) -> None:
    """Show the places a name may refer to, most populous first."""
    from ..gazetteer import open_gazetteer

    try:
        gazetteer = open_gazetteer(str(index) if index else None)
    except KhabarError as exc:
        report_error(str(exc))
        raise typer.Exit(ExitCode.FAILURE) from exc
    for candidate in gazetteer.candidates(name)[:limit]:
        place = candidate.place
        typer.echo(
            f"{place.name}\t{place.feature}\t{place.country or '-'}\t{place.admin1 or '-'}\t"
            f"{place.lat:.4f},{place.lon:.4f}\tpop {place.population:,}\t"
            f"{'own name' if candidate.exact else 'alias'}\t{place.geonameid or '-'}"
        )

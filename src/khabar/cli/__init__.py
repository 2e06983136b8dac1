"""The ``khabar`` command line: a thin layer over the Python API, one module per command group."""

from __future__ import annotations

import typer

from . import batch as batch_cmd
from . import evaluate as evaluate_cmd
from . import extract as extract_cmd
from . import gazetteer as gazetteer_cmd
from . import ledger as ledger_cmd
from . import reconcile as reconcile_cmd
from . import serve as serve_cmd

app = typer.Typer(
    name="khabar",
    help="Read conflict news and write an auditable event ledger.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("extract")(extract_cmd.extract_command)
app.command("eval")(evaluate_cmd.eval_command)
app.add_typer(gazetteer_cmd.app, name="gazetteer")
app.command("ingest")(ledger_cmd.ingest_command)
app.command("query")(ledger_cmd.query_command)
app.command("show")(ledger_cmd.show_command)
app.command("export")(ledger_cmd.export_command)
app.command("reconcile")(reconcile_cmd.reconcile_command)
app.command("batch")(batch_cmd.batch_command)
app.command("load")(batch_cmd.load_command)
app.command("serve")(serve_cmd.serve_command)


def main() -> None:
    app()

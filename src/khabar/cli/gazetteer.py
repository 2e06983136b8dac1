"""``khabar gazetteer ...``: build the offline gazetteer index, import a GeoNames dump.

STUB: filled in with the gazetteer module.
"""

from __future__ import annotations

import typer

app = typer.Typer(help="Manage the offline gazetteer.", no_args_is_help=True)

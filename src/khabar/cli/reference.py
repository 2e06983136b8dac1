"""Generate the CLI reference (``docs/cli.md``) and the error catalogue (``docs/errors.md``).

``make docs`` writes both; a test fails when either is stale, so the documentation cannot drift
from the commands and the error codes (the habit Datasette keeps with cog).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

import typer

from .. import errors


def command_tree() -> Any:
    from . import app

    return typer.main.get_command(app)


CommandPath = tuple[tuple[str, ...], Any]


def walk(command: Any, path: tuple[str, ...] = ()) -> Iterator[CommandPath]:
    """Every command under ``command`` with its path, depth first, in alphabetical order."""
    yield path, command
    subcommands = getattr(command, "commands", None)  # a group (typer vendors its own click)
    if subcommands:
        for name in sorted(subcommands):
            yield from walk(subcommands[name], (*path, name))


def cli_reference() -> str:
    """Markdown for every command: its help, then one row per argument and option."""
    root = command_tree()
    lines = ["# CLI reference", "", "Generated from the commands by `make docs`; do not edit by hand.", ""]
    for path, command in walk(root):
        if not path:
            continue
        lines += command_section(" ".join(("khabar", *path)), command)
    return "\n".join(lines) + "\n"


def command_section(name: str, command: Any) -> list[str]:
    lines = [f"## `{name}`", "", (command.help or "").strip(), ""]
    params = [param for param in command.params if param.name != "help"]
    subcommands = getattr(command, "commands", None)
    if subcommands:
        lines += [f"Subcommands: {', '.join(f'`{sub}`' for sub in sorted(subcommands))}.", ""]
    if params:
        lines += ["| argument / option | help | default |", "|---|---|---|"]
        lines += [param_row(param) for param in params]
        lines.append("")
    return lines


def param_row(param: Any) -> str:
    names = ", ".join(f"`{opt}`" for opt in (*param.opts, *param.secondary_opts))
    if param.param_type_name == "argument":
        names = f"`{(param.name or '').upper()}`"
    help_text = getattr(param, "help", None) or ""
    default = param.default if param.default not in (None, (), []) and not callable(param.default) else ""
    return f"| {names} | {cell(help_text)} | {cell(str(default))} |"


def cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "/")


def error_reference() -> str:
    lines = [
        "# Errors and warnings",
        "",
        "Every message khabar gives carries a stable code (`[E001] ...`); filter warnings by code with",
        "`warnings.filterwarnings`. Generated from `khabar/errors.py` by `make docs`.",
        "",
        "| code | message |",
        "|---|---|",
    ]
    for catalogue in (errors.Errors, errors.Warnings):
        for code, message in sorted(vars(catalogue).items()):
            if code[:1] in "EW" and code[1:].isdigit():
                lines.append(f"| {code} | {message.replace('|', '/')} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    target = sys.argv[1] if len(sys.argv) > 1 else "cli"
    sys.stdout.write(cli_reference() if target == "cli" else error_reference())


if __name__ == "__main__":
    main()

"""The documentation matches the code: every command and error code is documented and current."""

from __future__ import annotations

from pathlib import Path

from khabar.cli.reference import cli_reference, command_tree, error_reference, walk

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_cli_reference_is_current() -> None:
    assert (DOCS / "cli.md").read_text(encoding="utf-8") == cli_reference(), "run `make docs`"


def test_error_catalogue_is_current() -> None:
    assert (DOCS / "errors.md").read_text(encoding="utf-8") == error_reference(), "run `make docs`"


def test_every_command_has_help() -> None:
    for path, command in walk(command_tree()):
        if path:
            assert (command.help or command.short_help or "").strip(), " ".join(path)

"""CLI manners (after sqlite-utils' test_docs): every command has --help with an example and --json."""

from __future__ import annotations

import subprocess
import sys

import click
import pytest

from kzdocs import COMMANDS, LazyGroup, cli


def all_commands() -> list[tuple[str, click.Command]]:
    found: list[tuple[str, click.Command]] = []
    ctx = click.Context(cli, info_name="kzdocs")
    group: LazyGroup = cli  # type: ignore[assignment]
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert command is not None
        if isinstance(command, click.Group):
            sub_ctx = click.Context(command, info_name=name, parent=ctx)
            for sub in command.list_commands(sub_ctx):
                found.append((f"{name} {sub}", command.get_command(sub_ctx, sub)))
        else:
            found.append((name, command))
    return found


@pytest.mark.parametrize(("name", "command"), all_commands(), ids=lambda v: v if isinstance(v, str) else "")
def test_every_command_has_an_example_and_json(name: str, command: click.Command) -> None:
    assert command.help and "Example" in command.help, f"kzdocs {name} --help has no example"
    options = {opt for p in command.params for opt in getattr(p, "opts", [])}
    assert "--json" in options, f"kzdocs {name} has no --json"


def test_every_mapped_command_exists() -> None:
    assert {name.split()[0] for name, _ in all_commands()} == set(COMMANDS)


def test_help_does_not_import_heavy_libraries() -> None:
    code = (
        "import sys, runpy\n"
        "sys.argv = ['kzdocs', '--help']\n"
        "try:\n    runpy.run_module('kzdocs', run_name='__main__')\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('cv2', 'mediapipe', 'datasette', 'numpy', 'pdfplumber', 'httpx') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "HEAVY []" in out

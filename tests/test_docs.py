"""Every CLI command and every setting is documented in the README and has help text."""

from pathlib import Path

import click
import pytest

from workbench.cli import main
from workbench.settings import SETTINGS

README = (Path(__file__).resolve().parent.parent / "README.md").read_text()


def _commands(group: click.Group, prefix: str = "workbench") -> list[tuple[str, click.Command]]:
    """Every command under ``group``, loaded as ``--help`` would (the groups import lazily)."""
    found = []
    ctx = click.Context(group, info_name=prefix)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        path = f"{prefix} {name}"
        if isinstance(command, click.Group):
            found += _commands(command, path)
        else:
            found.append((path, command))
    return found


COMMANDS = _commands(main)


def test_there_are_commands_to_document():
    assert len(COMMANDS) >= 3


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[p for p, _ in COMMANDS])
def test_command_is_in_the_readme(path, command):
    assert f"`{path}" in README, f"README.md does not document `{path}`"


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[p for p, _ in COMMANDS])
def test_command_has_help(path, command):
    assert command.help and command.help.strip(), f"{path} has no help text"


@pytest.mark.parametrize("setting", SETTINGS, ids=[s.env for s in SETTINGS])
def test_setting_is_in_the_readme(setting):
    assert f"`{setting.env}`" in README

"""The README's command and settings tables, written from the commands and settings themselves.

Why: a table typed by hand drifts from the code (an option added, a default changed).
README.md runs these functions through cog (``cog -r README.md`` rewrites the tables,
``cog --check README.md`` in ``make lint`` and ``tests/test_readme_generated.py`` fail when
they are stale), so what a user reads in the README is what ``--help`` says.
"""

from __future__ import annotations

from collections.abc import Iterator

import click

from ..settings import SETTINGS
from . import main

#: Options left out of the usage lines: every ``workbench review`` command takes ``--who``
#: (the README says so once) and every command ``--help``.
_UNLISTED = {"who", "help"}


def commands_table() -> str:
    """A Markdown table of every command: its usage and its help text."""
    rows = ["| command | what it does |", "| --- | --- |"]
    for path, command in _commands(main, "workbench"):
        rows.append(f"| `{_cell(usage(path, command))}` | {_cell(_help(command))} |")
    return "\n".join(rows) + "\n"


def settings_table() -> str:
    """A Markdown table of the settings: environment variable, default and meaning."""
    rows = ["| variable | default | meaning |", "| --- | --- | --- |"]
    for setting in SETTINGS:
        default = setting.shown_default or (f"`{setting.default}`" if setting.default else "")
        rows.append(f"| `{setting.env}` | {_cell(default)} | {_cell(setting.help)} |")
    return "\n".join(rows) + "\n"


def usage(path: str, command: click.Command) -> str:
    """``workbench case new --response FILE [--request FILE] ...``: arguments, then options."""
    parts = [path]
    for param in command.params:
        if param.name in _UNLISTED:
            continue
        if isinstance(param, click.Argument):
            parts.append(param.human_readable_name if param.required else f"[{param.name.upper()}]")
        elif isinstance(param, click.Option):
            parts.append(_option(param))
    return " ".join(parts)


def _option(option: click.Option) -> str:
    names = "/".join(option.opts + option.secondary_opts)
    if option.is_flag:
        return f"[{names}]"
    shown = f"{option.opts[0]} {_metavar(option)}"
    return shown if option.required else f"[{shown}]"


def _metavar(option: click.Option) -> str:
    if option.metavar:
        return option.metavar
    if isinstance(option.type, click.Choice):
        return "|".join(str(choice) for choice in option.type.choices)
    return (option.name or "value").upper()


def _commands(group: click.Group, prefix: str) -> Iterator[tuple[str, click.Command]]:
    """Every command under ``group``, in the order ``--help`` lists them, groups opened."""
    ctx = click.Context(group, info_name=prefix)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if command is None or command.hidden:
            continue
        path = f"{prefix} {name}"
        if isinstance(command, click.Group):
            yield from _commands(command, path)
        else:
            yield path, command


def _help(command: click.Command) -> str:
    """The command's help as one line (its paragraphs joined), without click's ``\\f`` tail."""
    text = (command.help or "").split("\f")[0]
    return " ".join(text.split())


def _cell(text: str) -> str:
    return text.replace("|", "\\|")

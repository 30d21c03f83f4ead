"""Click pieces that put off importing until a command or a choice is needed.

Why: the command line must answer ``workbench --help`` or ``workbench deadline ...``
in a fraction of a second, so nothing heavy (pandas, SQLAlchemy, the document
libraries, the review model) may be imported just to build the commands.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping, Sequence

import click

#: The package holding the command modules.
_PACKAGE = __name__.rpartition(".")[0]


class LazyGroup(click.Group):
    """A click group whose commands are imported when first asked for.

    ``lazy_commands`` maps a command's name to the module (in this package) that
    defines it, so running one command imports one module; ``command_modules`` are
    modules that add commands to the group, imported together the first time the
    group's commands are listed or looked up (``workbench review ...``).  Each
    module registers its commands with the usual decorators when imported.
    """

    def __init__(
        self,
        *args,
        lazy_commands: Mapping[str, str] | None = None,
        command_modules: Iterable[str] = (),
        **kwargs,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_commands = dict(lazy_commands or {})
        self.command_modules = tuple(command_modules)

    def list_commands(self, ctx: click.Context) -> list[str]:
        self._import(self.command_modules)
        return sorted(set(super().list_commands(ctx)) | set(self.lazy_commands))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        self._import(self.command_modules)
        if cmd_name not in self.commands and cmd_name in self.lazy_commands:
            self._import([self.lazy_commands[cmd_name]])
        return super().get_command(ctx, cmd_name)

    @staticmethod
    def _import(modules: Iterable[str]) -> None:
        for name in modules:
            importlib.import_module(f"{_PACKAGE}.{name}")


class LazyChoice(click.Choice):
    """A :class:`click.Choice` whose choices come from a function called when first needed.

    For options whose choices live in a heavy module (the review model's enums), so
    that defining the command does not import it.
    """

    def __init__(self, load: Callable[[], Sequence[str]], case_sensitive: bool = True) -> None:
        # click.Choice.__init__ would evaluate the choices; set what it sets instead.
        self._load = load
        self._choices: tuple[str, ...] | None = None
        self.case_sensitive = case_sensitive

    @property
    def choices(self) -> tuple[str, ...]:  # type: ignore[override]
        if self._choices is None:
            self._choices = tuple(self._load())
        return self._choices

"""The ``workbench`` command: a thin skin over the package.

Each command parses its options, calls one function of the package and formats
the answer.  Every ``WorkbenchError`` becomes one ``Error: ...`` line and exit
status 1; ``--debug`` shows the traceback instead.  Commands live in one module
per subject and register themselves on :data:`main` when imported below.
"""

from __future__ import annotations

import click

from ..errors import WorkbenchError


class WorkbenchGroup(click.Group):
    """A click group that turns the workbench's own errors into plain messages."""

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except WorkbenchError as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            raise click.ClickException(str(exc)) from exc


@click.group(cls=WorkbenchGroup)
@click.option("--debug", is_flag=True, help="Show full tracebacks instead of one-line errors.")
@click.version_option(package_name="workbench")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """FOI internal review workbench: read a response, check it, review it, write the letter."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


def _register() -> None:
    """Import the command modules so each adds its commands to ``main``."""
    import importlib

    for name in COMMAND_MODULES:
        importlib.import_module(f"{__name__}.{name}")


#: One module per subject; add yours here.
COMMAND_MODULES = [
    "deadline",
    "case",
    "serve",
    "check",
    "review",
    "reading",
    "allocate",
    "export",
    "extract",
    "grounds",
    "register",
]

_register()

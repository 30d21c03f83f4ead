"""The ``workbench`` command: a thin skin over the package.

Each command parses its options, calls one function of the package and formats
the answer.  Every ``WorkbenchError``, and every ``OSError`` (a full disk, a
read-only folder), becomes one ``Error: ...`` line and exit status 1;
``--debug`` shows the traceback instead.  Commands live in one module
per subject and register themselves on :data:`main` when imported below.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

import click

from ..errors import WorkbenchError
from ..terminal import PrintableStream, printable


class WorkbenchGroup(click.Group):
    """A click group that turns the workbench's own errors into plain messages.

    Everything a command prints, and every error, has its control characters
    written out (:mod:`workbench.terminal`): letters are the requester's text.
    """

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        with _printable_output():
            try:
                return super().invoke(ctx)
            except WorkbenchError as exc:
                if ctx.obj and ctx.obj.get("debug"):
                    raise
                raise click.ClickException(printable(str(exc))) from exc
            except OSError as exc:  # a full disk, a read-only folder: not a bug to trace
                if ctx.obj and ctx.obj.get("debug"):
                    raise
                raise click.ClickException(printable(_os_error(exc))) from exc


def _os_error(exc: OSError) -> str:
    """One line for a file the system would not let the command read or write."""
    what = exc.strerror or str(exc)
    return f"Cannot use {exc.filename}: {what}" if exc.filename else f"{what} ({exc})"


@contextmanager
def _printable_output() -> Iterator[None]:
    saved = sys.stdout, sys.stderr
    sys.stdout = PrintableStream(sys.stdout)  # type: ignore[assignment]
    sys.stderr = PrintableStream(sys.stderr)  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


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
    "review_grounds",
    "allocate",
    "export",
    "extract",
    "grounds",
    "register",
    "audit",
]

_register()

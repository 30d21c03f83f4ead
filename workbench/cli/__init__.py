"""The ``workbench`` command: a thin skin over the package.

Each command parses its options, calls one function of the package and formats
the answer.  Every ``WorkbenchError``, and every ``OSError`` (a full disk, a
read-only folder), becomes one ``Error: ...`` line and exit status 1;
``--debug`` shows the traceback instead.  Commands live in one module
per subject and register themselves on :data:`main` when imported.

Start-up is kept fast (``benchmarks/bench_cli_start.py``): a module is imported
only when one of its commands is asked for (:data:`COMMANDS`), and the command
modules import the heavy parts of the package (pandas, SQLAlchemy, the document
libraries) inside the commands that use them, so ``workbench --help`` and
``workbench deadline`` never load them.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

import click

from ..errors import WorkbenchError
from ..terminal import PrintableStream, printable
from .lazy import LazyGroup


class WorkbenchGroup(LazyGroup):
    """The ``workbench`` group: turns the workbench's own errors into plain messages.

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


#: Each top-level command and the module that defines it; add yours here.
COMMANDS = {
    "deadline": "deadline",
    "case": "case",
    "serve": "serve",
    "check": "check",
    "review": "review",
    "export": "export",
    "extract": "extract",
    "grounds": "grounds",
    "register": "register",
    "demo-data": "register",
    "audit": "audit",
}


@click.group(cls=WorkbenchGroup, lazy_commands=COMMANDS)
@click.option("--debug", is_flag=True, help="Show full tracebacks instead of one-line errors.")
@click.version_option(package_name="workbench")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """FOI internal review workbench: read a response, check it, review it, write the letter."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug

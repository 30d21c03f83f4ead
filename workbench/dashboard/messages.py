"""Plain messages in the page, and the guard every callback runs through.

A reviewer must never see a traceback: a ``WorkbenchError`` already says what
is wrong in words, so its message is shown as it is; any other exception is a
bug, so the page says that something went wrong and the traceback goes to the
server's log (and to the page only when ``WORKBENCH_DEBUG=1``).
"""

from __future__ import annotations

import functools
import os
import sys
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

import ipywidgets as widgets

from ..errors import WorkbenchError
from .text import escape

DEBUG_ENV = "WORKBENCH_DEBUG"

F = TypeVar("F", bound=Callable[..., Any])


def debugging() -> bool:
    """True when tracebacks may be shown in the page (``WORKBENCH_DEBUG=1``)."""
    return os.environ.get(DEBUG_ENV, "") == "1"


def describe(exc: BaseException) -> str:
    """The sentence a reviewer sees for ``exc``."""
    if isinstance(exc, WorkbenchError):
        return str(exc)
    detail = str(exc).strip()
    what = f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
    return f"Something went wrong ({what}). The details are in the server's log."


class Messages:
    """The message area at the top of the page."""

    def __init__(self) -> None:
        self.widget = widgets.VBox()
        self.widget.add_class("wb-messages")

    @property
    def texts(self) -> list[str]:
        """The messages shown, as HTML (what tests and the page see)."""
        return [child.value for child in self.widget.children]

    def clear(self) -> None:
        self.widget.children = ()

    def info(self, text: str) -> None:
        self._add("info", escape(text))

    def error(self, text: str, detail: str | None = None) -> None:
        body = escape(text)
        if detail:
            body += f"<pre class='wb-traceback'>{escape(detail)}</pre>"
        self._add("error", body)

    def report(self, exc: BaseException) -> None:
        """Show ``exc`` as a message; log the traceback of anything unexpected."""
        trace = "".join(traceback.format_exception(exc))
        if not isinstance(exc, WorkbenchError):
            print(trace, file=sys.__stderr__, flush=True)
        self.error(describe(exc), detail=trace if debugging() else None)

    def guard(self, callback: F) -> F:
        """Wrap a widget callback so any error becomes a message in the page.

        Earlier messages are cleared when the reviewer does something new.
        """

        @functools.wraps(callback)
        def guarded(*args: Any, **kwargs: Any) -> Any:
            self.clear()
            try:
                return callback(*args, **kwargs)
            except Exception as exc:  # noqa: BLE001 - every error must reach the page
                self.report(exc)
                return None

        return guarded  # type: ignore[return-value]

    def _add(self, kind: str, body: str) -> None:
        message = widgets.HTML(f"<div class='wb-message wb-{kind}' role='alert'>{body}</div>")
        self.widget.children = (*self.widget.children, message)

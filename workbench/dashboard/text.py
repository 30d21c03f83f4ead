"""Turning the model's values into safe, readable page text.

Everything a requester wrote (and anything else read from a case) is
untrusted: it reaches the page only through :func:`escape`, or through widgets
such as ``Label`` and ``Textarea`` that show text, never HTML.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable

#: Shown where a value is not known.
MISSING = "—"


def escape(value: object) -> str:
    """``value`` as HTML text: markup in it is shown, never run."""
    return html.escape(str(value), quote=True)


def date_text(value: dt.date | None) -> str:
    """A date as a UK reader writes it: 25 October 2023."""
    if value is None:
        return MISSING
    return f"{value.day} {value:%B %Y}"


def plain(value: object) -> str:
    """A value for display, with a dash for a missing one."""
    if value is None or value == "":
        return MISSING
    if isinstance(value, dt.date):
        return date_text(value)
    return str(value)


def facts_table(rows: Iterable[tuple[str, object]]) -> str:
    """A two-column table of labels and escaped values."""
    body = "".join(
        f"<tr><th scope='row'>{escape(label)}</th><td>{escape(plain(value))}</td></tr>"
        for label, value in rows
    )
    return f"<table class='wb-facts'>{body}</table>"


def preformatted(text: str) -> str:
    """A document's text, escaped, keeping its line breaks."""
    return f"<pre class='wb-document'>{escape(text)}</pre>"

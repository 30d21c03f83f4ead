"""What makes a control usable without sight or a mouse, checked on the widget tree.

The browser tests run axe-core on every page of the dashboard; this is the same
rule for names, checked without a browser, so a page's unit test (or a developer
adding a page) finds an unnamed control at once.  A control's name is its
``description`` (ipywidgets draws it as the control's ``<label for=...>``; see
:func:`workbench.dashboard.pages.named`); a button's is its text.
"""

from __future__ import annotations

from collections.abc import Iterator

import ipywidgets as widgets

from .pages import CONTROLS


def walk(root: widgets.Widget) -> Iterator[widgets.Widget]:
    """``root`` and every widget inside it, depth first."""
    yield root
    for child in getattr(root, "children", ()):
        yield from walk(child)


def unnamed_controls(root: widgets.Widget) -> list[widgets.Widget]:
    """The controls under ``root`` a screen reader could not name."""
    found = []
    for widget in walk(root):
        if isinstance(widget, CONTROLS) and not str(widget.description).strip():
            found.append(widget)
        elif isinstance(widget, widgets.Button | widgets.FileUpload) and not (
            str(widget.description).strip() or str(widget.tooltip or "").strip()
        ):
            found.append(widget)
    return found

"""The Cases page: every case in the data folder, each with an Open button.

The list is read from the case folders each time the page is shown, so a case
added by someone else appears on the next visit.
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets

from .. import cases, settings
from .messages import Messages
from .text import escape, plain

#: Column widths shared by the header and every row, so they line up.
COLUMNS = "minmax(10rem, 2fr) minmax(10rem, 2fr) 6rem 10rem 6rem"
HEADINGS = ("Case", "Reference", "Regime", "Received", "")


def _row(cells: list[widgets.Widget], *classes: str) -> widgets.GridBox:
    row = widgets.GridBox(
        cells, layout=widgets.Layout(grid_template_columns=COLUMNS, padding="0.25rem 0")
    )
    for name in ("wb-row", *classes):
        row.add_class(name)
    return row


class CasesPage:
    """The list of cases; ``on_open(case_id)`` is called when one is opened."""

    def __init__(self, messages: Messages, on_open: Callable[[str], None]) -> None:
        self._messages = messages
        self._on_open = on_open
        self.rows = widgets.VBox()
        self.widget = widgets.VBox([widgets.HTML("<h2>Cases</h2>"), self.rows])
        self.widget.add_class("wb-cases")

    def refresh(self) -> None:
        """Read the cases folder again and rebuild the list."""
        found = cases.list_cases()
        if not found:
            self.rows.children = (
                widgets.HTML(
                    "<p>No cases yet. Add one with <code>workbench case new --response FILE</code>"
                    f" (cases are read from {escape(settings.cases_dir())}).</p>"
                ),
            )
            return
        header = _row([widgets.HTML(f"<b>{escape(h)}</b>") for h in HEADINGS], "wb-row-head")
        self.rows.children = (header, *(self._case_row(case) for case in found))

    def _case_row(self, case: cases.Case) -> widgets.GridBox:
        meta = case.meta
        open_button = widgets.Button(
            description="Open", tooltip=f"Open case {meta.id}", layout=widgets.Layout(width="5rem")
        )
        open_button.on_click(self._messages.guard(lambda _button: self._on_open(meta.id)))
        cells = [
            widgets.Label(meta.id),
            widgets.Label(plain(meta.reference)),
            widgets.Label(plain(meta.regime)),
            widgets.Label(plain(meta.date_received)),
            open_button,
        ]
        return _row(cells, "wb-case-row")

"""One case opened: its metadata and the response as it was sent.

A first view of a case; the guided review pages (overview, points, provisions,
searches, procedure, outcome) take its place as they are built.
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets

from ..cases import Case
from .text import escape, facts_table, preformatted


def metadata_rows(case: Case) -> list[tuple[str, object]]:
    """The case's metadata as the page lists it."""
    meta = case.meta
    return [
        ("Case", meta.id),
        ("Reference", meta.reference),
        ("Authority", meta.authority),
        ("Regime", meta.regime),
        ("Requester", meta.requester),
        ("Received", meta.date_received),
        ("Responded", meta.date_responded),
        ("Review requested", meta.date_review_requested),
    ]


class CaseView:
    """A case's metadata and response text; ``on_back()`` returns to the list."""

    def __init__(self, case: Case, on_back: Callable[[], None], guard: Callable) -> None:
        self.case = case
        back = widgets.Button(description="Back to cases")
        back.on_click(guard(lambda _button: on_back()))
        self.facts = widgets.HTML(facts_table(metadata_rows(case)))
        self.response = widgets.HTML(preformatted(case.response().text))
        self.widget = widgets.VBox(
            [
                back,
                widgets.HTML(f"<h2>Case {escape(case.id)}</h2>"),
                self.facts,
                widgets.HTML("<h2>The response</h2>"),
                self.response,
            ]
        )
        self.widget.add_class("wb-case")

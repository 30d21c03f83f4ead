"""The dashboard's frame: a title, the message area and the page shown.

The frame only chooses which page to show; what each page displays comes from
the workbench's model, and every button goes through ``Messages.guard``.  When
the page is opened it resumes where the reviewer was (the place the store
keeps: the case and tab last shown), or shows the list of cases.
"""

from __future__ import annotations

import ipywidgets as widgets

from .. import cases
from ..errors import WorkbenchError
from .case_view import CaseView
from .cases_page import CasesPage
from .messages import Messages
from .style import stylesheet

TITLE = "FOI internal review workbench"


class DashboardRoot(widgets.VBox):
    """The root widget; its text form names the page shown (nbval compares it)."""

    def __init__(self, dashboard: Dashboard, **kwargs) -> None:
        super().__init__(**kwargs)
        self._dashboard = dashboard

    def __repr__(self) -> str:
        return self._dashboard.summary()


class Dashboard:
    """The reviewer's dashboard, starting on the Cases page."""

    def __init__(self) -> None:
        self.messages = Messages()
        self.cases_page = CasesPage(self.messages, on_open=self.open_case)
        self.case_view: CaseView | None = None
        self.body = widgets.VBox()
        self.widget = DashboardRoot(
            self,
            children=[
                stylesheet(),
                widgets.HTML(f"<h1>{TITLE}</h1>"),
                self.messages.widget,
                self.body,
            ],
        )
        self.widget.add_class("wb-root")

    def resume(self) -> None:
        """Show the case and tab the reviewer was on, else (none, or gone) the list of cases.

        Called when the page is requested, so a preheated kernel reads the place then.
        A store that cannot be read gives the list of cases, which says what is wrong; a
        case that is there but cannot be opened gives the list and a message.
        """
        from ..service import saved_place  # the store: imported once the page is asked for

        try:
            place = saved_place()
        except WorkbenchError:
            place = None
        if place is None:
            self.show_cases()
            return
        try:
            self.open_case(place.case_id, tab=place.tab)
        except WorkbenchError:
            self.show_cases()
            raise

    def show_cases(self) -> None:
        """Show the list of cases, read afresh."""
        self.case_view = None
        self.cases_page.refresh()
        self.body.children = (self.cases_page.widget,)

    def open_case(self, case_id: str, tab: str | None = None) -> None:
        """Show one case, on ``tab`` (a tab's title; default the first)."""
        view = CaseView(
            cases.load_case(case_id), on_back=self.show_cases, guard=self.messages.guard, tab=tab
        )
        self.case_view = view
        self.body.children = (view.widget,)

    def summary(self) -> str:
        """What the page shows, in one line of text."""
        if self.case_view is not None:
            return f"{TITLE}: case {self.case_view.case.id}, tab {self.case_view.tab}"
        shown = [
            row.children[0].value
            for row in self.cases_page.rows.children
            if "wb-case-row" in getattr(row, "_dom_classes", ())
        ]
        listed = ", ".join(shown) if shown else "none"
        return f"{TITLE}: cases page; cases listed: {listed}"

"""The dashboard's frame: the message area and the page shown.

The frame only chooses which page to show; what each page displays comes from
the workbench's model, and every button goes through ``Messages.guard``.  When
the page is opened it resumes where the reviewer was (the place the store
keeps: the case and tab last shown), or shows the list of cases.

Every view shown (the cases list, a case's tab) is also written into the page's
address by :class:`~workbench.dashboard.navigation.Location`, so the browser's
Back and Forward move between the dashboard's views; an address the browser sends
back is read by :func:`~workbench.dashboard.navigation.parse_view`.  The service's
name is the page's banner (the Voila template, ``dashboard/jupyter``), outside the
widgets.
"""

from __future__ import annotations

import ipywidgets as widgets

from .. import cases
from ..errors import WorkbenchError
from .case_view import TABS, CaseView
from .cases_page import CasesPage
from .messages import Messages
from .navigation import Location, View, parse_view, view_address
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
        self.location = Location()
        self._recording = False
        self.location.observe(self._address_observed, names="view")
        self.widget = DashboardRoot(
            self,
            children=[stylesheet(), self.location, self.messages.widget, self.body],
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
        self._record(View())

    def open_case(self, case_id: str, tab: str | None = None) -> None:
        """Show one case, on ``tab`` (a tab's title; default the first)."""
        view = CaseView(
            cases.load_case(case_id),
            on_back=self.show_cases,
            guard=self.messages.guard,
            tab=tab,
            on_tab=lambda title: self._record(View(case_id, title)),
        )
        self.case_view = view
        self.body.children = (view.widget,)
        self._record(View(case_id, view.tab))

    # -- the page's address ------------------------------------------------------------------

    def _record(self, view: View) -> None:
        """Write the view shown into the page's address (a step in its history)."""
        self._recording = True
        try:
            self.location.view = view_address(view)
        finally:
            self._recording = False

    def _address_observed(self, change: dict) -> None:
        if not self._recording:  # the browser's doing, not the frame's own record
            self.messages.guard(self._address_changed)(change)

    def _address_changed(self, change: dict) -> None:
        """The browser went Back or Forward (or was given an address): show that view."""
        wanted = parse_view(change["new"], [title for title, _, _ in TABS])
        if wanted is None or view_address(wanted) == view_address(self._shown()):
            self._record(self._shown())
            return
        if wanted.case_id is None:
            if self.case_view is not None:
                self.case_view.close()  # saves typing, forgets the place, shows the list
            else:
                self.show_cases()
        elif self.case_view is not None and self.case_view.case.id == wanted.case_id:
            self.case_view.select(wanted.tab or TABS[0][0])
        else:
            if self.case_view is not None:
                self.case_view.leave()
            try:
                self.open_case(wanted.case_id, tab=wanted.tab)
            except WorkbenchError:
                self.show_cases()
                raise

    def _shown(self) -> View:
        if self.case_view is None:
            return View()
        return View(self.case_view.case.id, self.case_view.tab)

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

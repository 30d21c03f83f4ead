"""One case opened: a short header, then the guided review as tabs.

The tabs follow the order a reviewer works in: the overview (facts, deadline,
automated checks), the grounds of the review request, each request point, each
provision relied on, the searches, the handling, and finally the outcome and the
letter.  Each tab is a :class:`~workbench.dashboard.pages.Page` over the same
:class:`~workbench.service.ReviewSession`; a tab is built the first time it is
shown (so opening a case is quick) and refreshed from the store each time it is
shown again (so a finding made on one tab shows on the others).

The case and the tab shown are kept in the store as the reviewer's place
(``ReviewSession.remember_place``), so a page opened later resumes there;
"Back to cases" forgets it.

The tabs are a :class:`~workbench.dashboard.navigation.TabNav` (a ``<nav>`` landmark
with a keyboard-operable tab list) over one panel showing the chosen page; the response
under review is a ``<details>`` element, opened and closed with Enter like any button.
Whenever a page saves a change, the header above the tabs is read again, so a
corrected reference or a sign-off shows there at once.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from ..cases import Case
from .navigation import TabNav
from .text import escape, facts_table, preformatted

if TYPE_CHECKING:  # imported when a case opens: the store and exports are heavy
    from ..service import ReviewSession
    from ..store import Store
    from .pages import Page

log = logging.getLogger(__name__)

#: Every tab: (title, module, page class).
TABS: tuple[tuple[str, str, str], ...] = (
    ("Overview", "overview_page", "OverviewPage"),
    ("Grounds", "grounds_page", "GroundsPage"),
    ("Request points", "points_page", "PointsPage"),
    ("Provisions", "provisions_page", "ProvisionsPage"),
    ("Searches", "searches_page", "SearchesPage"),
    ("Procedure", "procedure_page", "ProcedurePage"),
    ("Outcome and letter", "outcome_page", "OutcomePage"),
)

#: The review pages' own styles (the frame's stylesheet covers the rest).
CSS = """
.wb-case .wb-page { padding: 0.5rem 0.25rem; }
.wb-case h3 { font-size: 1.05rem; margin: 0.75rem 0 0.25rem; }
.wb-case .wb-card { border: 1px solid #d0d0d0; border-radius: 6px; padding: 0.5rem 0.75rem;
  margin: 0.5rem 0; background: #fff; }
.wb-case .wb-field-row { align-items: center; grid-gap: 0.75rem; margin: 0.1rem 0; }
.wb-case .wb-fact { border-bottom: 1px solid #eee; padding: 0.25rem 0; }
.wb-case blockquote { margin: 0.25rem 0 0.25rem 0.5rem; padding: 0.25rem 0.75rem;
  border-left: 3px solid #9e9e9e; background: #fafafa; white-space: pre-wrap;
  overflow-wrap: anywhere; }
.wb-case .wb-muted { color: #616161; }
.wb-case .wb-edited { background: #fff3cd; color: #664d03; border-radius: 3px;
  padding: 0 0.3rem; font-size: 12px; }
.wb-case .wb-badge { border-radius: 3px; padding: 0 0.4rem; font-size: 12px; font-weight: 600; }
.wb-case .wb-issue { background: #fdecea; color: #611a15; }
.wb-case .wb-warning { background: #fff3cd; color: #664d03; }
.wb-case .wb-info { background: #e8f4fd; color: #0d3c61; }
.wb-case .wb-accepted { color: #1e4620; font-weight: 600; }
.wb-case .wb-dismissed { color: #616161; font-weight: 600; }
.wb-case .wb-error-text, .wb-case .wb-warn { color: #b3261e; }
.wb-case .wb-working { margin: 0.25rem 0; padding-left: 1.5rem; }
.wb-case .wb-question { align-items: center; border-bottom: 1px solid #eee; padding: 0.25rem 0; }
.wb-case .wb-case-facts tbody { display: flex; flex-wrap: wrap; column-gap: 2rem; }
.wb-case .wb-case-facts tr { display: flex; gap: 0.5rem; }
.wb-case .wb-case-facts th { padding: 0; }
.wb-case textarea { font-family: inherit; font-size: 14px; line-height: 1.4; }
.wb-case .wb-remedies { grid-template-columns: repeat(auto-fill, minmax(20rem, 1fr)); }
.wb-case .wb-side-by-side { gap: 1rem; width: 100%; }
.wb-case .wb-letter-column { position: sticky; top: 0.5rem; align-self: flex-start; }
/* The letter beside the points stays in view while the cards scroll: every box between it
   and the page's scroller must let it (a box with overflow other than visible would be the
   one it sticks in). */
.wb-case .wb-side-by-side, .wb-case .wb-page, .wb-root .wb-case .wb-tabpanel,
.wb-case .wb-tabpanel > .widget-box, .wb-root, .wb-root > .widget-box, .wb-case,
.jp-OutputArea:has(.wb-case), .jp-OutputArea-child:has(.wb-case),
.jp-OutputArea-output:has(.wb-case) { overflow: visible; }
.wb-case .wb-point-tools { gap: 0.25rem; margin-bottom: 0.25rem; }
.wb-case .wb-point-tools .widget-button { padding: 0 0.5rem; }
.wb-case .wb-conflict { border: 2px solid #e0a800; background: #fff8e1; border-radius: 4px;
  padding: 0.4rem 0.6rem; margin: 0.25rem 0 0.5rem; }
.wb-case .wb-struck { text-decoration: line-through; color: #757575; }
.wb-case .wb-as-read { font-size: 12px; }
"""


def page_class(module: str, name: str) -> type[Page]:
    """The page class for a tab.

    Imported when the tab is first shown, so the Cases page never waits for the
    store, the checks or the exports.
    """
    return getattr(importlib.import_module(f"{__package__}.{module}"), name)


def metadata_rows(session: ReviewSession) -> list[tuple[str, object]]:
    """The case as the header lists it (the facts as the letter will state them)."""
    facts = session.facts()
    review = session.review
    return [
        ("Reference", facts.reference),
        ("Authority", facts.authority),
        ("Regime", facts.regime),
        ("Requester", facts.requester),
        ("Review", f"version {review.version}, {review.status_label.lower()}"),
    ]


def access_html(session: ReviewSession) -> str:
    """Signed in: who you are, who the review is allocated to, and whether you may edit it.

    Empty without sign-in (one reviewer on their own machine: nothing to say).  The rules
    are :mod:`workbench.roles`'; this only words them.
    """
    from ..roles import Action

    permissions = session.permissions
    if permissions.single_user:
        return ""
    allocated = session.review.allocated_to or "nobody yet"
    parts = [
        f"Signed in as <b>{escape(permissions.user)}</b>: your changes are recorded under "
        "that name.",
        f"Allocated to <b>{escape(allocated)}</b>.",
    ]
    refusal = session.refusal(Action.EDIT)
    if refusal is not None:
        parts.append(f"<span class='wb-read-only'>Read only: {escape(refusal)}.</span>")
    return "<p>" + " ".join(parts) + "</p>"


class CaseView:
    """An opened case: header, response text and the review tabs; ``on_back()`` leaves it."""

    def __init__(
        self,
        case: Case,
        on_back: Callable[[], None],
        guard: Callable[[Callable[..., Any]], Callable[..., Any]],
        *,
        store: Store | None = None,
        session: ReviewSession | None = None,
        tab: str | None = None,
        on_tab: Callable[[str], None] | None = None,
    ) -> None:
        """``tab``: the title of the tab to show first (default, or if unknown: the first).

        ``on_tab(title)`` is told each tab shown (the frame records it in the page's address).
        """
        from ..serve import download_url
        from ..service import ReviewSession

        self.case = case
        self.guard = guard
        self.session = session or ReviewSession.open(
            case.id, store=store, case=case, download_url=download_url
        )
        self._on_back = on_back
        self._on_tab = on_tab
        try:
            self._propose_grounds()
            self._build(case, tab)
        except BaseException:
            self.session.close()
            raise

    def _build(self, case: Case, tab: str | None) -> None:
        guard = self.guard
        back = widgets.Button(description="Back to cases", icon="arrow-left")
        back.on_click(guard(lambda _button: self.close()))
        self.facts = widgets.HTML()
        self.facts.add_class("wb-case-facts")
        self.access = widgets.HTML()
        self.access.add_class("wb-access")
        self.response = widgets.HTML(response_panel(case.response().text))
        self.response.add_class("wb-response")
        self.pages: dict[str, Page] = {}
        titles = [title for title, _, _ in TABS]
        first = titles.index(tab) if tab in titles else 0
        # The class is given with the widget, not added after: anywidget (0.11) holds back
        # every later message to a widget until its script has loaded, and drops them if
        # that took over 2 s (a busy browser), which would leave the tabs unnamed.
        self.tabs = TabNav(titles=tuple(titles), selected_index=first, _dom_classes=("wb-tabs",))
        self.panel = widgets.VBox()
        self.panel.add_class("wb-tabpanel")
        self.widget = widgets.VBox(
            [
                back,
                widgets.HTML(f"<h2>Case {escape(case.id)}</h2>"),
                self.access,
                self.facts,
                self.response,
                self.tabs,
                self.panel,
                widgets.HTML(f"<style>{CSS}</style>", layout=widgets.Layout(display="none")),
            ]
        )
        self.widget.add_class("wb-case")
        self.refresh_header()
        self.show_selected()
        self.tabs.observe(guard(lambda _change: self.show_selected()), names="selected_index")
        self.tabs.on_ask(guard(self._asked))

    def _propose_grounds(self) -> None:
        """A review with no grounds yet whose case has a review request gets them read now.

        A failure here never stops the case from opening: the Grounds tab says what went
        wrong, and the reviewer can read them from there.
        """
        from ..errors import WorkbenchError

        try:
            self.session.propose_grounds_if_due()
        except WorkbenchError as exc:
            log.warning("grounds not read for %s: %s", self.case.id, exc)
            self.session.grounds_problem = f"The grounds could not be read: {exc}"

    def refresh_header(self) -> None:
        self.facts.value = facts_table(metadata_rows(self.session))
        self.access.value = access_html(self.session)

    @property
    def tab(self) -> str:
        """The title of the tab shown."""
        return TABS[self.tabs.selected_index or 0][0]

    def show_selected(self) -> None:
        """Build the selected tab's page the first time; refresh it from the store after.

        Text typed on any tab is saved first, then the review is read again, so a change
        someone else saved meanwhile shows (and the next edit is not refused as a
        conflict).  The tab is then kept as the reviewer's place.
        """
        self.save_typing()
        self.session.reload()
        # The panel must end up holding the page of the tab selected *now*: building a page
        # runs the reviewer's code paths, and whatever changes the selection meanwhile
        # (each change also calls this) must not leave an older page behind.
        for _ in TABS:
            index = self.tabs.selected_index or 0
            self.panel.children = (self._page(index).widget,)
            if (self.tabs.selected_index or 0) == index:
                break
        self.tabs.shown = index
        title = TABS[index][0]
        self.refresh_header()
        self.session.remember_place(title)
        if self._on_tab is not None:
            self._on_tab(title)

    def _page(self, index: int) -> Page:
        """Tab ``index``'s page: built the first time, refreshed from the store after."""
        title, module, name = TABS[index]
        page = self.pages.get(title)
        if page is None:
            page = page_class(module, name)(self.session, self.guard)
            page.after_change = self.refresh_header
            self.pages[title] = page
        else:
            page.refresh()
        return page

    def _asked(self, index: int) -> None:
        """The browser asked again for tab ``index``: its choice got no answer in time.

        Either the choice never arrived (select it now), or it arrived but its page is not
        the one shown (show it), or the page is there and only the answer was lost on the
        way back (say it again, with the panel's contents).
        """
        if self.tabs.selected_index != index:
            self.tabs.selected_index = index  # the observer shows it
        elif self.tabs.shown != index:
            self.show_selected()
        else:
            self.panel.send_state("children")
            self.tabs.send_state("shown")

    def save_typing(self) -> None:
        """Save what was typed on any tab and not yet saved (the typing had not paused)."""
        for page in self.pages.values():
            page.save_typing()

    def select(self, title: str) -> Page | None:
        """Show the tab called ``title`` (as a click on it would) and return its page."""
        titles = [t for t, _, _ in TABS]
        self.tabs.selected_index = titles.index(title)
        return self.pages.get(title)

    def close(self) -> None:
        """Leave the case: save any text still being typed, forget the place, release the store."""
        try:
            self.save_typing()
            self.session.forget_place()
        finally:
            self.session.close()
            self._on_back()

    def leave(self) -> None:
        """Let go of the case for another one (Back or Forward to it): save typing, release."""
        try:
            self.save_typing()
        finally:
            self.session.close()


def response_panel(text: str) -> str:
    """The response under review, shut until opened: a ``<details>`` a keyboard can open.

    Its text scrolls inside the panel, so the panel is focusable and named: a keyboard
    reader can then scroll it with the arrow keys.
    """
    letter = preformatted(text).replace(
        "<pre class='wb-document'>",
        "<pre class='wb-document' tabindex='0' role='region' aria-label='The response as sent'>",
        1,
    )
    return (
        "<details class='wb-response-panel'><summary>The response as sent</summary>"
        f"{letter}</details>"
    )

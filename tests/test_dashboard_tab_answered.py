"""A chosen tab is answered with its page, and the browser may ask again until it is.

The kernel says which tab's page the panel holds (``TabNav.shown``); the browser waits for
that answer and, when it does not come, sends ``{"kind": "show", "index": n}``.  Whatever
went wrong before (the choice never arrived, the page failed to build, the selection moved
while a page was being built), the panel ends up holding the selected tab's page.
"""

from __future__ import annotations

import pytest
from review_page_fixtures import SEED_ID

from workbench.cases import load_case
from workbench.dashboard import case_view
from workbench.dashboard.case_view import CaseView
from workbench.errors import WorkbenchError

POINTS = 2  # "Request points"
PROVISIONS = 3


def _view(store, messages) -> CaseView:
    return CaseView(load_case(SEED_ID), lambda: None, messages.guard, store=store)


def _in_panel(view: CaseView) -> str:
    """The tab whose page the panel holds, read from the page's own class."""
    (page,) = view.panel.children
    (name,) = [c for c in page._dom_classes if c.startswith("wb-page-")]
    return name.removeprefix("wb-page-")


def _ask(view: CaseView, content: object) -> None:
    """What the browser sends when a choice got no answer in time."""
    view.tabs._handle_custom_msg(content, [])


def test_the_kernel_says_which_tab_the_panel_shows(seed_case, store, messages):
    view = _view(store, messages)
    assert view.tabs.shown == 0 and _in_panel(view) == "overview"
    view.select("Request points")
    assert view.tabs.shown == POINTS and _in_panel(view) == "request-points"


def test_a_choice_that_never_arrived_is_shown_when_the_browser_asks(seed_case, store, messages):
    view = _view(store, messages)
    _ask(view, {"kind": "show", "index": POINTS})
    assert view.tabs.selected_index == POINTS
    assert view.tabs.shown == POINTS and _in_panel(view) == "request-points"
    assert messages.texts == []


def test_a_page_that_failed_to_build_is_built_when_the_browser_asks_again(
    seed_case, store, messages, monkeypatch
):
    view = _view(store, messages)
    real = case_view.page_class
    failures = ["the letter could not be read this time"]

    def flaky(module: str, name: str):
        if name == "PointsPage" and failures:
            raise WorkbenchError(failures.pop())
        return real(module, name)

    monkeypatch.setattr(case_view, "page_class", flaky)
    view.select("Request points")
    assert "the letter could not be read this time" in messages.texts[0]
    assert view.tabs.selected_index == POINTS  # chosen, but not shown: the answer says so
    assert view.tabs.shown == 0 and _in_panel(view) == "overview"

    _ask(view, {"kind": "show", "index": POINTS})  # the value has not changed: no observer
    assert view.tabs.shown == POINTS and _in_panel(view) == "request-points"
    assert messages.texts == []


def test_the_panel_follows_a_selection_moved_while_a_page_was_built(
    seed_case, store, messages, monkeypatch
):
    view = _view(store, messages)
    real = case_view.page_class

    def moving(module: str, name: str):
        page = real(module, name)
        if name == "ProvisionsPage":
            view.tabs.selected_index = POINTS  # e.g. Back, handled while Provisions was built
        return page

    monkeypatch.setattr(case_view, "page_class", moving)
    view.select("Provisions")
    assert view.tabs.selected_index == POINTS
    assert view.tabs.shown == POINTS and _in_panel(view) == "request-points"


@pytest.mark.parametrize(
    "content",
    [
        {"kind": "show", "index": 99},
        {"kind": "show", "index": -1},
        {"kind": "show", "index": "2"},
        {"kind": "show", "index": True},
        {"kind": "show"},
        {"kind": "open", "index": POINTS},
        ["show", POINTS],
        "show",
    ],
)
def test_an_ask_the_tabs_cannot_answer_is_ignored(seed_case, store, messages, content):
    view = _view(store, messages)
    _ask(view, content)
    assert view.tabs.selected_index == 0 and view.tabs.shown == 0
    assert _in_panel(view) == "overview" and messages.texts == []

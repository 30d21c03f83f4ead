"""An opened case: the review as tabs, built when first shown and refreshed when shown again."""

from __future__ import annotations

from review_page_fixtures import SEED_ID, one

from workbench.cases import load_case
from workbench.dashboard.case_view import CaseView
from workbench.dashboard.pages import Page
from workbench.service import ReviewSession

TITLES = [
    "Overview",
    "Grounds",
    "Request points",
    "Provisions",
    "Searches",
    "Procedure",
    "Outcome and letter",
]


def _view(store, messages, on_back=lambda: None) -> CaseView:
    return CaseView(load_case(SEED_ID), on_back, messages.guard, store=store)


def test_the_review_is_laid_out_as_tabs_in_working_order(seed_case, store, messages):
    view = _view(store, messages)
    assert list(view.tabs.titles) == TITLES
    assert list(view.pages) == ["Overview"]  # the others are built when first shown
    assert view.tabs.selected_index == 0
    assert "Information Commissioner&#x27;s Office" in view.facts.value
    assert "version 1, draft" in view.facts.value


def test_each_tab_is_a_page_over_the_same_session(seed_case, store, messages):
    view = _view(store, messages)
    for title in TITLES:
        page = view.select(title)
        if page is not None:  # a page another developer has not written yet stays empty
            assert isinstance(page, Page)
            assert page.session is view.session
    assert messages.texts == []


def test_showing_a_tab_again_shows_what_was_saved_meanwhile(seed_case, store, messages):
    view = _view(store, messages)
    points = view.select("Request points")
    view.select("Overview")
    ReviewSession.open(SEED_ID, "bob", store=store).edit("points.1.finding", "correct")

    view.select("Request points")
    assert one(one(points.widget, "wb-point-2"), "wb-point-finding").value == "correct"
    assert "version 1, in progress" in view.facts.value


def test_back_leaves_the_case(seed_case, store, messages):
    left = []
    view = _view(store, messages, on_back=lambda: left.append(True))
    view.widget.children[0].click()
    assert left == [True]

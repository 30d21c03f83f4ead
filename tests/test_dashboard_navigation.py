"""The dashboard's views are in the page's address, so Back and Forward move between them.

The frame writes each view it shows (the cases list, a case's tab) into its
``Location`` widget, which the browser turns into a step of the page's history;
when the browser goes Back or Forward it writes the view it returns to, and the
frame shows it.  What the browser writes is untrusted.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from workbench.dashboard.frame import Dashboard
from workbench.dashboard.navigation import View, parse_view, view_address

ROOT = Path(__file__).resolve().parent.parent
SEED_ID = "IC-266000-V6Y0"
TITLES = ["Overview", "Request points", "Outcome and letter"]


@pytest.fixture
def board(isolated_data) -> Dashboard:
    shutil.copytree(ROOT / "workbench" / "seed" / SEED_ID, isolated_data / "cases" / SEED_ID)
    dashboard = Dashboard()
    dashboard.show_cases()
    return dashboard


def test_each_view_has_an_address_and_back():
    for view in (View(), View(SEED_ID, "Request points"), View("a b/c", "Outcome and letter")):
        assert parse_view(view_address(view), TITLES) == view
    assert view_address(View(SEED_ID, "Outcome and letter")) == (
        f"case/{SEED_ID}/outcome-and-letter"
    )
    assert parse_view(f"case/{SEED_ID}/no-such-tab", TITLES) == View(SEED_ID, "Overview")
    for nonsense in ("", "#", "case", "case//overview", "cases/1", "<script>", "case/a/b/c"):
        assert parse_view(nonsense, TITLES) is None


def test_the_frame_writes_every_view_it_shows(board):
    assert board.location.view == "cases"
    board.open_case(SEED_ID)
    assert board.location.view == f"case/{SEED_ID}/overview"
    board.case_view.select("Provisions")
    assert board.location.view == f"case/{SEED_ID}/provisions"
    board.case_view.widget.children[0].click()  # Back to cases
    assert board.location.view == "cases"


def test_back_and_forward_show_the_view_the_browser_returns_to(board):
    board.open_case(SEED_ID)
    board.case_view.select("Provisions")

    board.location.view = f"case/{SEED_ID}/overview"  # Back, in the browser
    assert board.case_view.tab == "Overview"
    board.location.view = "cases"  # Back again
    assert board.case_view is None and board.body.children == (board.cases_page.widget,)
    board.location.view = f"case/{SEED_ID}/provisions"  # Forward twice
    assert (board.case_view.case.id, board.case_view.tab) == (SEED_ID, "Provisions")
    assert board.messages.texts == []


def test_an_address_naming_nothing_changes_nothing(board):
    board.open_case(SEED_ID)
    board.location.view = "<img src=x onerror=alert(1)>"
    assert board.case_view.case.id == SEED_ID
    assert board.location.view == f"case/{SEED_ID}/overview"  # the address put right
    assert board.messages.texts == []


def test_an_address_naming_a_missing_case_is_a_message_and_the_list(board):
    board.location.view = "case/NO-SUCH-CASE/overview"
    assert board.case_view is None
    assert board.location.view == "cases"
    (shown,) = board.messages.texts
    assert "NO-SUCH-CASE" in shown and "Traceback" not in shown

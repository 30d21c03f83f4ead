"""The case's header and the Cases list show a change as soon as it is saved.

The header above the tabs states the case as the letter will (reference,
review status); a corrected reference or a sign-off shows there at once, not
only when another tab is chosen, and the Cases list shows the corrected
reference and regime.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from review_page_fixtures import SEED_ID, one

from workbench.cases import load_case
from workbench.dashboard.case_view import CaseView
from workbench.dashboard.frame import Dashboard

ROOT = Path(__file__).resolve().parent.parent


def test_a_corrected_reference_shows_in_the_header_at_once(seed_case, store, messages):
    view = CaseView(load_case(SEED_ID), lambda: None, messages.guard, store=store)
    one(view.pages["Overview"].widget, "wb-fact-input-reference").value = "FOI/2023/0042"
    assert "FOI/2023/0042" in view.facts.value
    assert messages.texts == []


def test_a_sign_off_shows_in_the_header_at_once(seed_case, store, messages):
    view = CaseView(load_case(SEED_ID), lambda: None, messages.guard, store=store)
    for index, _point in enumerate(view.session.review.points):
        view.session.edit(f"points.{index}.finding", "correct")
    view.session.edit("provisions.0.finding", "upheld")
    outcome = view.select("Outcome and letter")
    outcome.signed_by.value = "A. Reviewer"
    outcome.complete_button.click()
    assert messages.texts == []
    assert "version 1, completed" in view.facts.value


def test_the_cases_list_shows_the_corrected_reference_and_regime(isolated_data):
    shutil.copytree(ROOT / "workbench" / "seed" / SEED_ID, isolated_data / "cases" / SEED_ID)
    board = Dashboard()
    board.show_cases()
    board.open_case(SEED_ID)
    overview = board.case_view.pages["Overview"].widget
    one(overview, "wb-fact-input-reference").value = "FOI/2023/0042"
    one(overview, "wb-fact-input-regime").value = "EIR"
    board.case_view.close()
    (row,) = [r for r in board.cases_page.rows.children if "wb-case-row" in r._dom_classes]
    assert [cell.value for cell in row.children[1:3]] == ["FOI/2023/0042", "EIR"]

"""The dashboard's Cases page lists every case with its review's status and due date."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

from review_fixtures import decided_review, sample_review

from workbench import dashboard
from workbench.dashboard.cases_page import CasesPage
from workbench.dashboard.frame import Dashboard
from workbench.store import Store

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "workbench" / "seed" / "IC-266000-V6Y0"


def _copy_seed(cases: Path, case_id: str = "IC-266000-V6Y0", **changes) -> Path:
    folder = cases / case_id
    shutil.copytree(SEED, folder)
    meta = json.loads((folder / "case.json").read_text())
    meta.update(id=case_id, **changes)
    (folder / "case.json").write_text(json.dumps(meta))
    return folder


def _rows(board: Dashboard) -> list[list[str]]:
    return [
        [cell.value for cell in row.children[:6]]
        for row in board.cases_page.rows.children
        if "wb-case-row" in row._dom_classes
    ]


def _row(board: Dashboard, case_id: str):
    for row in board.cases_page.rows.children:
        if "wb-case-row" in row._dom_classes and row.children[0].value == case_id:
            return row
    raise AssertionError(f"{case_id} is not listed")


def _open_button(board: Dashboard, case_id: str):
    return _row(board, case_id).children[6]


def _board(today: dt.date = dt.date(2024, 2, 26)) -> Dashboard:
    board = Dashboard()
    board.cases_page = CasesPage(board.messages, on_open=board.open_case, today=lambda: today)
    return board


def test_every_case_is_listed_with_reference_regime_status_and_due_date(isolated_data):
    _copy_seed(isolated_data / "cases")
    _copy_seed(
        isolated_data / "cases",
        "EIR-2",
        reference="ENV/2024/7",
        regime="EIR",
        date_review_requested="2024-02-05",
    )
    board = _board()
    board.show_cases()
    assert _rows(board) == [
        # EIR reviews take 40 working days: 5 Feb 2024 + 40 = 4 April, skipping St Patrick's
        # Day (18 March, Northern Ireland), Good Friday and Easter Monday.
        ["EIR-2", "ENV/2024/7", "EIR", "Not started", "4 April 2024", "25 working days left"],
        ["IC-266000-V6Y0", "IC-266000-V6Y0", "FOIA", "Not started", "—", "—"],
    ]
    assert "cases listed: EIR-2, IC-266000-V6Y0" in repr(board.widget)


def test_status_comes_from_the_store_and_overdue_reviews_are_marked(isolated_data):
    for case_id in ("DRAFT-1", "LATE-1", "DONE-1"):
        _copy_seed(isolated_data / "cases", case_id, reference=f"{case_id}/7")
    with Store() as store:
        store.create(sample_review("DRAFT-1"), who="test")
        late = sample_review("LATE-1")
        late.start()
        store.create(late, who="test")
        store.create(decided_review("DONE-1"), who="test")
        store.complete("DONE-1", "A. Reviewer", who="test", on=dt.date(2024, 3, 1))
    # Requested Monday 5 February 2024: due Monday 4 March; 6 March is 2 working days later.
    board = _board(today=dt.date(2024, 3, 6))
    board.show_cases()
    assert _rows(board) == [
        ["DONE-1", "DONE-1/7", "FOIA", "Completed", "4 March 2024", "—"],
        [
            "DRAFT-1",
            "DRAFT-1/7",
            "FOIA",
            "Not started",
            "4 March 2024",
            "Overdue by 2 working days",
        ],
        ["LATE-1", "LATE-1/7", "FOIA", "In progress", "4 March 2024", "Overdue by 2 working days"],
    ]
    assert "wb-overdue" in _row(board, "LATE-1")._dom_classes
    assert "wb-overdue" not in _row(board, "DONE-1")._dom_classes


def test_working_days_left_skip_weekends_and_bank_holidays(isolated_data):
    _copy_seed(isolated_data / "cases", "ON-TIME")
    with Store() as store:
        store.create(sample_review("ON-TIME"), who="test")
    board = _board(today=dt.date(2024, 2, 26))  # Monday: 27, 28, 29 Feb, 1 and 4 March
    board.show_cases()
    assert _rows(board)[0][4:] == ["4 March 2024", "5 working days left"]
    board = _board(today=dt.date(2024, 3, 4))
    board.show_cases()
    assert _rows(board)[0][5] == "Due today"
    assert "wb-overdue" not in _row(board, "ON-TIME")._dom_classes


def test_an_unreadable_store_still_lists_the_cases_with_a_message(isolated_data, monkeypatch):
    _copy_seed(isolated_data / "cases")
    (isolated_data / "not-a-db").write_text("this is not a database")
    monkeypatch.setenv("WORKBENCH_DB", str(isolated_data / "not-a-db"))
    board = _board()
    board.show_cases()
    assert _rows(board) == [["IC-266000-V6Y0", "IC-266000-V6Y0", "FOIA", "Unknown", "—", "—"]]
    (shown,) = board.messages.texts
    assert "Review statuses cannot be shown" in shown
    assert "Traceback" not in shown


def test_an_empty_data_folder_says_how_to_add_a_case(isolated_data):
    board = Dashboard()
    board.show_cases()
    assert _rows(board) == []
    assert "uploading its documents" in board.cases_page.rows.children[0].value
    assert "workbench case new" in board.cases_page.rows.children[0].value


def test_opening_a_case_shows_its_metadata_and_response(isolated_data):
    _copy_seed(isolated_data / "cases")
    board = Dashboard()
    board.show_cases()
    _open_button(board, "IC-266000-V6Y0").click()
    view = board.case_view
    assert view is not None and board.body.children == (view.widget,)
    assert "Information Commissioner&#x27;s Office" in view.facts.value
    assert "We received your request on 25 October 2023" in view.response.value
    assert board.messages.texts == []


def test_markup_in_a_response_is_shown_as_text(isolated_data):
    folder = _copy_seed(isolated_data / "cases", authority="<b>Council</b>")
    (folder / "response.txt").write_text("Dear <script>alert('x')</script> requester")
    board = Dashboard()
    board.show_cases()
    _open_button(board, "IC-266000-V6Y0").click()
    view = board.case_view
    assert "<script>" not in view.response.value
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in view.response.value
    assert "&lt;b&gt;Council&lt;/b&gt;" in view.facts.value


def test_a_case_that_cannot_be_opened_gives_a_message_and_keeps_the_list(isolated_data):
    folder = _copy_seed(isolated_data / "cases")
    board = Dashboard()
    board.show_cases()
    (folder / "response.txt").unlink()
    _open_button(board, "IC-266000-V6Y0").click()
    assert board.case_view is None
    assert board.body.children == (board.cases_page.widget,)
    (shown,) = board.messages.texts
    assert "response.txt" in shown
    assert "Traceback" not in shown


def test_back_returns_to_a_fresh_list(isolated_data):
    _copy_seed(isolated_data / "cases")
    board = Dashboard()
    board.show_cases()
    _open_button(board, "IC-266000-V6Y0").click()
    _copy_seed(isolated_data / "cases", "NEW-1")
    back = board.case_view.widget.children[0]
    back.click()
    assert board.case_view is None
    assert [row[0] for row in _rows(board)] == ["IC-266000-V6Y0", "NEW-1"]


def test_app_returns_the_root_widget_without_displaying_it(isolated_data, capsys):
    _copy_seed(isolated_data / "cases")
    root = dashboard.app()
    assert root.children[-1].children[0].children[0].value == "<h2>Cases</h2>"
    assert capsys.readouterr().out == ""

"""The dashboard's Cases page lists the cases folder and opens a case as escaped text."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from workbench import dashboard
from workbench.dashboard.frame import Dashboard

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "cases" / "IC-266000-V6Y0"


def _copy_seed(cases: Path, case_id: str = "IC-266000-V6Y0", **changes) -> Path:
    folder = cases / case_id
    shutil.copytree(SEED, folder)
    meta = json.loads((folder / "case.json").read_text())
    meta.update(id=case_id, **changes)
    (folder / "case.json").write_text(json.dumps(meta))
    return folder


def _rows(board: Dashboard) -> list[list[str]]:
    return [
        [cell.value for cell in row.children[:4]]
        for row in board.cases_page.rows.children
        if "wb-case-row" in row._dom_classes
    ]


def _open_button(board: Dashboard, case_id: str):
    for row in board.cases_page.rows.children:
        if "wb-case-row" in row._dom_classes and row.children[0].value == case_id:
            return row.children[4]
    raise AssertionError(f"{case_id} is not listed")


def test_every_case_is_listed_with_reference_regime_and_date(isolated_data):
    _copy_seed(isolated_data / "cases")
    _copy_seed(
        isolated_data / "cases",
        "EIR-2",
        reference="ENV/2024/7",
        regime="EIR",
        date_received="2024-02-01",
    )
    board = Dashboard()
    board.show_cases()
    assert _rows(board) == [
        ["EIR-2", "ENV/2024/7", "EIR", "1 February 2024"],
        ["IC-266000-V6Y0", "—", "FOIA", "—"],
    ]
    assert "cases listed: EIR-2, IC-266000-V6Y0" in repr(board.widget)


def test_an_empty_data_folder_says_how_to_add_a_case(isolated_data):
    board = Dashboard()
    board.show_cases()
    assert _rows(board) == []
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

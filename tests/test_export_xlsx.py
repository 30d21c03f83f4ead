"""The findings spreadsheet: sheets, frozen headers, filters, drop-downs, dates, inert formulas."""

from __future__ import annotations

import datetime as dt
import zipfile

import pytest
from export_fixtures import REASONS_3A, SEED_ID, decided_seed_review
from openpyxl import Workbook, load_workbook

from workbench.cases import load_case
from workbench.checks.runner import run_case_checks
from workbench.export import export_case
from workbench.export.xlsx import SHEETS, put
from workbench.review import PointFinding, ProvisionFinding
from workbench.store import Store

FORMULA = '=HYPERLINK("http://x","y")'


@pytest.fixture
def workbook_path(seed_case, tmp_path):
    case = load_case(seed_case)
    with Store(tmp_path / "store.db") as store:
        store.create(decided_seed_review(case), who="sam")
        (path,) = export_case(case, tmp_path / "out", formats=["xlsx"], store=store)
    assert path.name == f"{SEED_ID}-review-v1.xlsx"
    return path


@pytest.fixture
def book(workbook_path):
    return load_workbook(workbook_path)


def _column(sheet, header: str) -> int:
    return [cell.value for cell in sheet[1]].index(header) + 1


def _row(sheet, first_cell: str) -> int:
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row=row, column=1).value == first_cell:
            return row
    raise AssertionError(f"no row {first_cell!r} in {sheet.title}")


def _list_values(book, validation) -> list[str]:
    """The values a list validation offers, read from the range it points at."""
    reference = validation.formula1.lstrip("=")
    sheet_name, cells = reference.split("!")
    sheet = book[sheet_name.strip("'")]
    return [cell.value for (cell,) in sheet[cells.replace("$", "")]]


def test_the_workbook_has_the_findings_sheets_in_order(book):
    visible = [s.title for s in book.worksheets if s.sheet_state == "visible"]
    assert visible == list(SHEETS)
    assert visible == [
        "Summary",
        "Grounds",
        "Points",
        "Provisions",
        "Searches",
        "Procedure",
        "Checks",
        "Audit",
    ]


def test_every_sheet_has_a_styled_frozen_filtered_header(book):
    for name in SHEETS:
        sheet = book[name]
        assert sheet.freeze_panes == "A2", name
        assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:"), name
        header = sheet["A1"]
        assert header.font.bold, name
        assert header.fill.fgColor.rgb.endswith("1F4E78"), name


def test_columns_are_wide_enough_for_their_content(book):
    points = book["Points"]
    assert points.column_dimensions["A"].width < 12  # a point label
    assert points.column_dimensions["B"].width >= 40  # the request wording
    reasons = _column(points, "Reasons")
    assert points.cell(row=2, column=reasons).alignment.wrap_text


def test_the_points_sheet_lists_every_point_with_its_finding(book):
    points = book["Points"]
    labels = [points.cell(row=r, column=1).value for r in range(2, points.max_row + 1)]
    assert labels == ["1", "2", "3a", "3b"]
    finding = _column(points, "Finding")
    assert points.cell(row=_row(points, "3a"), column=finding).value == "Incorrect"


def test_finding_and_outcome_columns_offer_drop_down_lists(book):
    points = book["Points"]
    finding = points.cell(row=1, column=_column(points, "Finding")).column_letter
    validation = next(
        v for v in points.data_validations.dataValidation if f"{finding}2" in str(v.sqref)
    )
    assert validation.type == "list" and validation.showErrorMessage
    assert str(validation.sqref) == f"{finding}2:{finding}5"
    assert _list_values(book, validation) == list(PointFinding.choices().values())

    provisions = book["Provisions"]
    column = provisions.cell(row=1, column=_column(provisions, "Finding")).column_letter
    validation = next(
        v for v in provisions.data_validations.dataValidation if column in str(v.sqref)
    )
    assert _list_values(book, validation) == list(ProvisionFinding.choices().values())

    summary = book["Summary"]
    outcome_row = _row(summary, "Outcome")
    assert summary.cell(row=outcome_row, column=2).value == "Original decision partly changed"
    (validation,) = summary.data_validations.dataValidation
    assert str(validation.sqref) == f"B{outcome_row}"
    assert "Original decision maintained" in _list_values(book, validation)


def test_dates_are_real_excel_dates(book):
    procedure = book["Procedure"]
    received = procedure.cell(row=_row(procedure, "Request received"), column=2)
    assert received.is_date
    assert received.value.date() == dt.date(2023, 10, 25)
    summary = book["Summary"]
    requested = summary.cell(row=_row(summary, "Review requested"), column=2)
    assert requested.is_date and requested.value.date() == dt.date(2023, 12, 4)
    points = book["Points"]
    remedy = points.cell(row=_row(points, "3a"), column=_column(points, "Remedy date"))
    assert remedy.is_date and remedy.value.date() == dt.date(2024, 1, 19)
    audit = book["Audit"]
    assert audit.cell(row=2, column=1).is_date


def test_a_formula_in_the_grounds_or_reasons_is_inert(book, workbook_path):
    summary = book["Summary"]
    grounds = summary.cell(row=_row(summary, "Requester's grounds"), column=2)
    assert grounds.data_type != "f"
    assert "HYPERLINK" in grounds.value  # the grounds start with text; the formula is inside

    points = book["Points"]
    reasons = points.cell(row=_row(points, "3a"), column=_column(points, "Reasons"))
    assert reasons.data_type != "f"
    assert not reasons.value.startswith("=")
    assert reasons.value == "'" + REASONS_3A
    assert reasons.quotePrefix
    # No formula anywhere in the file itself, whatever reads it.
    with zipfile.ZipFile(workbook_path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert "<f>" not in archive.read(name).decode("utf-8"), name


@pytest.mark.parametrize("text", [FORMULA, "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\r=1"])
def test_any_text_a_spreadsheet_could_run_is_neutralised(text, tmp_path):
    book = Workbook()
    put(book.active, 1, 1, text)
    path = tmp_path / "cells.xlsx"
    book.save(path)
    cell = load_workbook(path).active["A1"]
    assert cell.data_type != "f"
    assert cell.value == "'" + text
    assert not cell.value.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_ordinary_text_numbers_and_dates_are_written_as_they_are(tmp_path):
    book = Workbook()
    put(book.active, 1, 1, "Names of junior staff")
    put(book.active, 1, 2, 42)
    put(book.active, 1, 3, dt.date(2024, 1, 19))
    path = tmp_path / "cells.xlsx"
    book.save(path)
    sheet = load_workbook(path).active
    assert sheet["A1"].value == "Names of junior staff"
    assert sheet["B1"].value == 42
    assert sheet["C1"].value == dt.datetime(2024, 1, 19)


def test_the_audit_sheet_shows_who_changed_what(book):
    audit = book["Audit"]
    rows = list(audit.iter_rows(min_row=2, values_only=True))
    assert rows[0][1] == "sam"
    assert rows[0][3] == "create"


def test_the_checks_sheet_lists_the_automated_findings_on_the_reviewed_reading(book, seed_case):
    case = load_case(seed_case)
    review = decided_seed_review(case)
    expected = [f.id for f in run_case_checks(case, case.first_pass(), review=review)]
    checks = book["Checks"]
    ids = [checks.cell(row=r, column=1).value for r in range(2, checks.max_row + 1)]
    assert expected and ids == expected
    decision = checks.cell(row=1, column=_column(checks, "Decision")).column_letter
    assert any(decision in str(v.sqref) for v in checks.data_validations.dataValidation)

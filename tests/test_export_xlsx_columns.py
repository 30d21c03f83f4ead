"""The findings spreadsheet: a column per catalogue question and per remedy, validated cells,
and an audit trail that names the person who made the first changes.

Read back with openpyxl, as a reviewer's Excel would open it.
"""

from __future__ import annotations

import datetime as dt

import pytest
from export_fixtures import SEED_ID, decided_seed_review
from openpyxl import load_workbook

from workbench.cases import load_case
from workbench.export import export_case
from workbench.export.import_xlsx import import_findings
from workbench.export.letter import catalogue_entry
from workbench.service import ReviewSession
from workbench.store import Store

#: The catalogue's wording of s.40(2)'s first question (the column's header).
QUESTION = catalogue_entry("s.40(2)")[1]["personal_data"].text


@pytest.fixture
def case(seed_case):
    return load_case(seed_case)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "store.db") as opened:
        yield opened


def _book(case, store, tmp_path):
    (path,) = export_case(case, tmp_path / "out", formats=["xlsx"], store=store)
    return path, load_workbook(path)


def _headers(sheet) -> list[str]:
    return [cell.value for cell in sheet[1]]


def _validations(sheet) -> list:
    return list(sheet.data_validations.dataValidation)


def test_each_catalogue_question_has_a_column_answered_yes_or_no(case, store, tmp_path):
    store.create(decided_seed_review(case), who="sam")
    _path, book = _book(case, store, tmp_path)
    sheet = book["Provisions"]
    headers = _headers(sheet)
    assert "Questions and answers" not in headers
    column = headers.index(QUESTION) + 1
    assert sheet.cell(row=2, column=column).value == "Yes"
    questions = catalogue_entry("s.40(2)")[1]
    columns = [headers.index(q.text) + 1 for q in questions.values()]
    assert len(columns) == len(questions) > 1  # a column for each of the provision's questions
    answers = {sheet.cell(row=2, column=column).value for column in columns}
    assert answers <= {"Yes", "No", "Not sure", None}


def test_remedies_are_yes_no_columns_and_the_remedy_date_takes_only_dates(case, store, tmp_path):
    store.create(decided_seed_review(case), who="sam")
    _path, book = _book(case, store, tmp_path)
    sheet = book["Points"]
    headers = _headers(sheet)
    searches = headers.index("Remedy: Carry out new searches") + 1
    date = headers.index("Remedy date") + 1
    assert sheet.cell(row=4, column=1).value == "3a"
    assert sheet.cell(row=4, column=searches).value == "Yes"
    assert sheet.cell(row=4, column=date).value == dt.datetime(2024, 1, 19)
    by_kind = {v.type: v for v in _validations(sheet)}
    assert "date" in by_kind and by_kind["date"].showErrorMessage
    letter = sheet.cell(row=1, column=date).column_letter
    assert f"{letter}2" in str(by_kind["date"].sqref)
    remedy_letter = sheet.cell(row=1, column=searches).column_letter
    lists = [v for v in _validations(sheet) if v.type == "list"]
    assert any(f"{remedy_letter}2" in str(v.sqref) for v in lists)


def test_remedies_ticked_in_the_sheet_come_back(case, store, tmp_path):
    store.create(decided_seed_review(case), who="sam")
    path, book = _book(case, store, tmp_path)
    sheet = book["Points"]
    headers = _headers(sheet)
    sheet.cell(row=3, column=headers.index("Remedy: Disclose the information") + 1, value="Yes")
    sheet.cell(row=3, column=headers.index("Remedy date") + 1, value="19/02/2024")
    book.save(tmp_path / "filled.xlsx")
    import_findings(tmp_path / "filled.xlsx", "ann", store=store)
    point = store.get(SEED_ID).point("2")
    assert [r.value for r in point.remedies] == ["disclose"]
    assert point.remedy_date == dt.date(2024, 2, 19)


def test_the_first_audit_rows_name_the_person_running_the_workbench(
    case, store, tmp_path, monkeypatch
):
    monkeypatch.setenv("WORKBENCH_USER", "Priya Shah")
    session = ReviewSession.open(SEED_ID, store=store)
    session.edit("grounds", "You did not search properly.")
    _path, book = _book(case, store, tmp_path)
    audit = book["Audit"]
    who = _headers(audit).index("Who") + 1
    first = [audit.cell(row=row, column=who).value for row in range(2, audit.max_row + 1)]
    assert first and set(first) == {"Priya Shah"}

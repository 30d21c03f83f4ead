"""The spreadsheet's Grounds sheet: each ground, its links and proposal; findings come back."""

from __future__ import annotations

import pytest
from export_fixtures import SEED_ID, seed_draft
from grounds_fixtures import request_text
from openpyxl import load_workbook

from workbench import review_grounds as rg
from workbench.cases import load_case
from workbench.errors import ReviewError
from workbench.export import export_case
from workbench.export.import_xlsx import import_findings
from workbench.review import GroundFinding, Remedy
from workbench.store import Store


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "store.db") as opened:
        yield opened


@pytest.fixture
def case(seed_case):
    return load_case(seed_case)


def _saved(case, store):
    review = rg.read_grounds(seed_draft(case), request_text())
    review = rg.set_ground_summary(review, "g2", '=HYPERLINK("http://evil","click")')
    store.create(review, who="sam")
    return review


def _export(case, store, folder):
    (path,) = export_case(case, folder, formats=["xlsx"], store=store)
    return path


def _rows(sheet):
    headers = [c.value for c in sheet[1]]
    return [
        dict(zip(headers, row, strict=True)) for row in sheet.iter_rows(min_row=2, values_only=True)
    ]


def test_the_grounds_sheet_lists_each_ground_with_its_links_and_an_editable_finding(
    case, store, tmp_path
):
    _saved(case, store)
    book = load_workbook(_export(case, store, tmp_path))
    sheet = book["Grounds"]
    rows = _rows(sheet)
    assert [r["Ground"] for r in rows] == ["g1", "g2", "g3"]
    assert rows[0]["Category"] == "More information held"
    assert rows[2]["Requester's words"] == "Separately, your response took 31 working days."
    assert rows[2]["Linked to"] == "timeliness"
    assert rows[0]["Reader's confidence"].startswith("0.")
    summary = sheet.cell(row=3, column=3)
    assert summary.value.endswith('=HYPERLINK("http://evil","click")')
    assert summary.data_type == "s" and summary.quotePrefix  # text, never a formula
    finding = [c.value for c in sheet[1]].index("Finding")
    ranges = [str(v.sqref) for v in sheet.data_validations.dataValidation]
    assert any(r.startswith(f"{'ABCDEFGHIJKLM'[finding]}2") for r in ranges)


def test_findings_filled_in_offline_come_back_audited(case, store, tmp_path):
    _saved(case, store)
    path = _export(case, store, tmp_path)
    book = load_workbook(path)
    sheet = book["Grounds"]
    headers = [c.value for c in sheet[1]]
    row = 4  # g3
    sheet.cell(row=row, column=headers.index("Finding") + 1).value = "Upheld"
    sheet.cell(row=row, column=headers.index("Reasons") + 1).value = "31 working days."
    sheet.cell(
        row=row, column=headers.index("Remedies (separate with ;)") + 1
    ).value = "Apologise for the delay"
    book.save(tmp_path / "filled.xlsx")

    import_findings(tmp_path / "filled.xlsx", "ann", store=store)

    ground = store.get(SEED_ID).ground("g3")
    assert ground.finding is GroundFinding.UPHELD and ground.reasons == "31 working days."
    assert ground.remedies == [Remedy.APOLOGISE_FOR_DELAY]
    audit = [(e.field_path, e.new_value, e.who) for e in store.audit(SEED_ID)]
    assert ("requester_grounds.2.finding", "upheld", "ann") in audit


def test_a_row_for_a_ground_the_review_does_not_have_is_refused(case, store, tmp_path):
    _saved(case, store)
    book = load_workbook(_export(case, store, tmp_path))
    book["Grounds"].cell(row=3, column=1).value = "g9"
    book.save(tmp_path / "odd.xlsx")
    with pytest.raises(ReviewError, match=r"Grounds!A3: the review has no ground 'g9'"):
        import_findings(tmp_path / "odd.xlsx", "ann", store=store)
    assert store.get(SEED_ID).ground("g2").finding is None


def test_a_workbook_written_before_grounds_were_tracked_still_imports(case, store, tmp_path):
    _saved(case, store)
    book = load_workbook(_export(case, store, tmp_path))
    del book["Grounds"]
    book.save(tmp_path / "old.xlsx")
    report = import_findings(tmp_path / "old.xlsx", "ann", store=store)
    assert report.changes == []

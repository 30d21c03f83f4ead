"""Findings filled in offline come back through the store, audited; wrong workbooks are refused."""

from __future__ import annotations

import pytest
from export_fixtures import SEED_ID, decided_seed_review, make_case, seed_draft
from openpyxl import load_workbook

from workbench.cases import load_case
from workbench.errors import ConflictError, DocumentError, ReviewError
from workbench.export import export_case
from workbench.export.import_xlsx import import_findings
from workbench.review import PointFinding, ProvisionFinding
from workbench.store import Store


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "store.db") as opened:
        yield opened


@pytest.fixture
def case(seed_case):
    return load_case(seed_case)


def _export(case, store, folder) -> str:
    (path,) = export_case(case, folder, formats=["xlsx"], store=store)
    return path


def _cell(sheet, first_cell: str, header: str):
    column = [c.value for c in sheet[1]].index(header) + 1
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row=row, column=1).value == first_cell:
            return sheet.cell(row=row, column=column)
    raise AssertionError(first_cell)


def _fill(path, changes: dict[tuple[str, str, str], object], out) -> str:
    """Edit the workbook as a reviewer would in Excel, and save it under a new name."""
    book = load_workbook(path)
    for (sheet, row, header), value in changes.items():
        cell = _cell(book[sheet], row, header)
        cell.value = value
        if isinstance(value, str):
            cell.data_type = "s"  # what Excel stores for typed text
    book.save(out)
    return out


def test_a_changed_finding_updates_the_review_with_an_audit_row(case, store, tmp_path):
    store.create(seed_draft(case), who="sam")
    path = _export(case, store, tmp_path)
    filled = _fill(
        path,
        {
            ("Points", "2", "Finding"): "Incorrect",
            ("Points", "2", "Reasons"): "Northamptonshire wrote to us on 9 July 2023.",
            ("Points", "2", "Remedy: Disclose the information"): "Yes",
            ("Points", "2", "Remedy: Apologise for the delay"): "Yes",
            ("Provisions", "s.40(2)", "Finding"): "Upheld in part",
        },
        tmp_path / "filled.xlsx",
    )

    report = import_findings(filled, "ann", store=store)

    review = store.get(SEED_ID)
    point = review.point("2")
    assert point.finding is PointFinding.INCORRECT
    assert point.reasons == "Northamptonshire wrote to us on 9 July 2023."
    assert [r.value for r in point.remedies] == ["disclose", "apologise_for_delay"]
    assert review.provisions[0].finding is ProvisionFinding.UPHELD_IN_PART
    audit = [(e.field_path, e.old_value, e.new_value, e.who) for e in store.audit(SEED_ID)]
    assert ("points.1.finding", None, "incorrect", "ann") in audit
    assert ("provisions.0.finding", None, "upheld_in_part", "ann") in audit
    assert "points.1.finding" in report.message


def test_neutralised_text_comes_back_as_the_reviewer_wrote_it(case, store, tmp_path):
    store.create(decided_seed_review(case), who="sam")
    path = _export(case, store, tmp_path)
    # Untouched, the apostrophe the export put before "=HYPERLINK" is not a change.
    report = import_findings(path, "ann", store=store)
    assert report.changes == []
    assert store.get(SEED_ID).point("3a").reasons.startswith("=HYPERLINK")


def test_search_adequacy_and_check_decisions_come_back(case, store, tmp_path):
    store.create(decided_seed_review(case), who="sam")
    path = _export(case, store, tmp_path)
    book = load_workbook(path)
    check_id = book["Checks"].cell(row=2, column=1).value
    book.close()
    filled = _fill(
        path,
        {
            ("Searches", 1, "Adequate"): "Yes",
            ("Searches", 1, "Further search needed"): "",
            ("Checks", check_id, "Decision"): "Dismissed",
            ("Checks", check_id, "Reason"): "The annex lists the searches",
        },
        tmp_path / "filled.xlsx",
    )
    import_findings(filled, "ann", store=store)
    review = store.get(SEED_ID)
    assert review.searches[0].adequate is True
    assert review.check_decisions[check_id].accepted is False
    assert review.check_decisions[check_id].reason == "The annex lists the searches"


def test_an_outcome_other_than_the_derived_one_needs_a_reason(case, store, tmp_path):
    store.create(decided_seed_review(case), who="sam")
    path = _export(case, store, tmp_path)
    without = _fill(
        path, {("Summary", "Outcome", "Value"): "Original decision reversed"}, tmp_path / "a.xlsx"
    )
    with pytest.raises(ReviewError, match=r"Summary!B\d+: .* needs a reason in Summary!B\d+"):
        import_findings(without, "ann", store=store)
    with_reason = _fill(
        without,
        {("Summary", "Outcome override reason", "Value"): "The DPIA was never looked for"},
        tmp_path / "b.xlsx",
    )
    import_findings(with_reason, "ann", store=store)
    review = store.get(SEED_ID)
    assert review.outcome.value == "reversed"
    assert review.outcome_override.reason == "The DPIA was never looked for"


def test_a_workbook_for_another_case_is_refused(case, store, tmp_path):
    store.create(seed_draft(case), who="sam")
    path = _export(case, store, tmp_path)
    with pytest.raises(ReviewError, match=f"findings workbook of case {SEED_ID}, not OTHER-1"):
        import_findings(path, "ann", store=store, case_id="OTHER-1")


def test_a_workbook_older_than_the_saved_review_is_refused(case, store, tmp_path):
    token = store.create(seed_draft(case), who="sam")
    path = _export(case, store, tmp_path)
    store.edit(SEED_ID, "points.0.finding", "correct", "bea", token)
    filled = _fill(path, {("Points", "2", "Finding"): "Correct"}, tmp_path / "filled.xlsx")
    with pytest.raises(ConflictError, match="was changed by bea .* after this workbook"):
        import_findings(filled, "ann", store=store)
    assert store.get(SEED_ID).point("2").finding is None  # nothing was saved


def test_a_workbook_for_an_earlier_version_is_refused(isolated_data, store, tmp_path):
    case = make_case(isolated_data / "cases", "V2-CASE")
    review = decided_seed_review(case)
    store.create(review, who="sam")
    path = _export(case, store, tmp_path)
    store.complete("V2-CASE", "Sam Reviewer", "sam")
    store.new_version("V2-CASE", "sam")
    with pytest.raises(ReviewError, match="for version 1 .* the current version is 2"):
        import_findings(path, "ann", store=store)


def test_a_real_formula_typed_into_a_cell_is_refused_and_nothing_saved(case, store, tmp_path):
    store.create(seed_draft(case), who="sam")
    path = _export(case, store, tmp_path)
    book = load_workbook(path)
    _cell(book["Points"], "1", "Finding").value = "Correct"
    _cell(book["Points"], "1", "Reasons").value = "=1+1"  # openpyxl stores this as a formula
    book.save(tmp_path / "formula.xlsx")
    with pytest.raises(ReviewError, match=r"Points!G2 holds a formula"):
        import_findings(tmp_path / "formula.xlsx", "ann", store=store)
    assert store.get(SEED_ID).point("1").finding is None


def test_an_unknown_finding_names_the_cell_and_the_choices(case, store, tmp_path):
    store.create(seed_draft(case), who="sam")
    path = _export(case, store, tmp_path)
    filled = _fill(path, {("Points", "1", "Finding"): "Maybe"}, tmp_path / "filled.xlsx")
    with pytest.raises(ReviewError, match=r"Points!F2: 'Maybe' is not one of 'Correct'"):
        import_findings(filled, "ann", store=store)


def test_a_workbook_from_the_first_pass_starts_the_review(case, store, tmp_path):
    path = _export(case, store, tmp_path)  # no review saved yet
    filled = _fill(path, {("Points", "3b", "Finding"): "Correct"}, tmp_path / "filled.xlsx")
    import_findings(filled, "ann", store=store)
    assert store.get(SEED_ID).point("3b").finding is PointFinding.CORRECT
    actions = [entry.action for entry in store.audit(SEED_ID)]
    assert actions[0] == "create" and "save" in actions


def test_a_file_that_is_not_a_findings_workbook_is_refused(tmp_path, store):
    bogus = tmp_path / "notes.xlsx"
    bogus.write_bytes(b"not a zip")
    with pytest.raises(DocumentError, match="not a valid Excel workbook"):
        import_findings(bogus, "ann", store=store)
    from openpyxl import Workbook

    Workbook().save(tmp_path / "empty.xlsx")
    with pytest.raises(DocumentError, match="not a findings workbook"):
        import_findings(tmp_path / "empty.xlsx", "ann", store=store)


def test_a_workbook_of_the_saved_review_handed_in_by_the_caller_imports(case, store, tmp_path):
    store.create(seed_draft(case), who="sam")
    review = store.get(SEED_ID)  # what the dashboard holds when it exports
    (path,) = export_case(case, tmp_path, formats=["xlsx"], review=review, store=store)
    filled = _fill(path, {("Points", "1", "Finding"): "Correct"}, tmp_path / "filled.xlsx")
    import_findings(filled, "ann", store=store)
    assert store.get(SEED_ID).point("1").finding is PointFinding.CORRECT


@pytest.mark.parametrize("named", ["path", "../../etc", "CON", "<b>x</b>"])
def test_the_summarys_case_id_is_a_case_id_never_a_path(case, store, tmp_path, named):
    import shutil

    from workbench.export.xlsx import CASE_ID_ROW, SUMMARY

    elsewhere = tmp_path / "elsewhere" / "planted"
    shutil.copytree(case.path, elsewhere)
    path = _export(case, store, tmp_path)  # a first-pass workbook: no review saved yet
    book = load_workbook(path)
    for key, value in book[SUMMARY].iter_rows(min_row=2, max_col=2):
        if key.value == CASE_ID_ROW:
            value.value = str(elsewhere) if named == "path" else named
    book.save(tmp_path / "renamed.xlsx")

    with pytest.raises(DocumentError, match="Invalid case id"):
        import_findings(tmp_path / "renamed.xlsx", "ann", store=store)
    assert store.list_reviews() == []

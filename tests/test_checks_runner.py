"""Running the checks: ordering, stable ids, a failing check, and case.json dates winning."""

import datetime as dt
from pathlib import Path

from workbench.cases import CaseDocuments, CaseMeta, write_case_json
from workbench.checks import CheckContext, Severity, base, run_case_checks, run_checks
from workbench.parsing.model import Extraction

LETTERS = Path(__file__).parent / "letters" / "checks"


def test_findings_come_issues_first_then_warnings_then_information():
    text = (LETTERS / "links_placeholder.txt").read_text(encoding="utf-8")
    findings = run_checks(CheckContext.from_extraction(text, Extraction()))
    ranks = [["issue", "warning", "info"].index(f.severity) for f in findings]
    assert ranks == sorted(ranks)
    assert findings[0].severity is Severity.ISSUE
    assert len({f.id for f in findings}) == len(findings)


def test_a_check_that_crashes_becomes_a_warning_and_the_others_still_run(monkeypatch):
    def broken(context):
        raise RuntimeError("boom")

    spec = base.Check(id="broken", title="Broken check", doc="Always fails.", function=broken)
    monkeypatch.setitem(base._REGISTRY, "broken", spec)
    text = (LETTERS / "links_placeholder.txt").read_text(encoding="utf-8")
    findings = run_checks(CheckContext.from_extraction(text, Extraction()))
    failed = [f for f in findings if f.check == "broken"]
    assert failed[0].severity is Severity.WARNING
    assert "boom" in failed[0].explanation
    assert any(f.check == "placeholder-links" for f in findings)


def _case(folder: Path, **dates) -> Path:
    """A case folder written by hand, so case.json holds exactly ``dates``."""
    folder.mkdir(parents=True)
    text = (LETTERS / "timeliness_late.txt").read_text(encoding="utf-8")
    (folder / "response.txt").write_text(text, encoding="utf-8")
    meta = CaseMeta(
        id=folder.name, regime="FOIA", documents=CaseDocuments(response="response.txt"), **dates
    )
    write_case_json(folder, meta)
    return folder


def test_dates_in_case_json_override_the_dates_read_from_the_letter(isolated_data):
    folder = _case(
        isolated_data / "cases" / "late-case",
        date_received=dt.date(2024, 1, 2),
        date_responded=dt.date(2024, 2, 20),
    )
    misread = Extraction(date_received=dt.date(2024, 2, 1), date_of_response=dt.date(2024, 2, 2))
    [timely] = [f for f in run_case_checks(folder, misread) if f.check == "response-timeliness"]
    assert timely.title == "Response late by 15 working days"


def test_the_extracted_dates_fill_in_what_case_json_leaves_out(isolated_data):
    _case(isolated_data / "cases" / "partial-case", date_received=dt.date(2024, 1, 2))
    read = Extraction(date_received=dt.date(2024, 2, 1), date_of_response=dt.date(2024, 1, 29))
    [timely] = [
        f for f in run_case_checks("partial-case", read) if f.check == "response-timeliness"
    ]
    assert timely.title == "Responded on time (working day 19)"


def test_when_the_extractor_fails_the_text_checks_still_run_with_a_warning(
    isolated_data, monkeypatch
):
    import workbench.parsing.extract as extract_module

    def broken(*args, **kwargs):
        raise ValueError("unreadable table")

    monkeypatch.setattr(extract_module, "extract", broken)
    folder = _case(isolated_data / "cases" / "odd-case", date_received=dt.date(2024, 1, 2))
    findings = run_case_checks(folder)
    failed = [f for f in findings if f.check == "extraction"]
    assert failed[0].severity is Severity.WARNING
    assert "unreadable table" in failed[0].explanation
    assert any(f.check == "response-timeliness" for f in findings)

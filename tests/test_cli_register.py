"""``workbench register report`` and ``workbench demo-data`` from the command line."""

from __future__ import annotations

import json

import openpyxl
import pytest
from click.testing import CliRunner
from register_fixtures import TODAY, build_register

from workbench.cli import main
from workbench.review import Review
from workbench.store import Store


@pytest.fixture
def hand_built(store_url):
    with Store(store_url) as store:
        build_register(store)
    return store_url


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_the_report_prints_every_figure(hand_built):
    result = run("register", "report", "--db", hand_built, "--today", TODAY.isoformat())
    assert result.exit_code == 0, result.output
    assert "Register of 6 reviews" in result.output
    for title in ("Outcomes of completed reviews", "Provisions most often not upheld",
                  "Reviews overdue today", "Median working days per stage"):  # fmt: skip
        assert title in result.output
    assert "Upheld in full" in result.output and "E-REF" in result.output


def test_json_holds_every_figure_as_rows(hand_built):
    result = run("register", "report", "--db", hand_built, "--today", "2024-12-31", "--json")
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    assert body["today"] == "2024-12-31" and body["scheme"] == "cabinet_office"
    outcomes = {row["Outcome"]: row["Reviews"] for row in body["figures"]["outcomes"]["rows"]}
    assert outcomes == {"Upheld in full": 1, "Upheld in part": 1, "Overturned": 1, "Withdrawn": 1}
    overdue = body["figures"]["overdue_reviews"]["rows"]
    assert overdue == [
        {
            "Row": 1,
            "Case": "E",
            "Reference": "E-REF",
            "Reviewer": "Ann",
            "Regime": "FOIA",
            "Requested": "2024-11-01",
            "Due": "2024-11-29",
            "Working days overdue": 19,
        }
    ]
    quarters = [row["quarter"] for row in body["figures"]["quarterly_volumes"]["rows"]]
    assert quarters == ["2024Q1", "2024Q2", "2024Q3", "2024Q4"]


def test_today_decides_what_is_overdue(hand_built):
    early = run("register", "report", "--db", hand_built, "--today", "2024-11-01", "--json")
    assert json.loads(early.output)["figures"]["overdue_reviews"]["rows"] == []


def test_xlsx_writes_one_sheet_per_figure_with_formulas_neutralised(tmp_path, hand_built):
    with Store(hand_built) as store:
        review, token = store.open_review("E")
        store.edit("E", "reference", '=HYPERLINK("http://x","click")', "ann", token)
    target = tmp_path / "out" / "register.xlsx"
    result = run(
        "register", "report", "--db", hand_built, "--today", "2024-12-31", "--xlsx", str(target)
    )
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(target)
    assert book.sheetnames[0] == "About"
    assert {"outcomes", "provisions_not_upheld", "overdue_reviews"} <= set(book.sheetnames)
    sheet = book["overdue_reviews"]
    assert sheet["A1"].value == "Reviews overdue today"
    header = [cell.value for cell in sheet[2]]
    reference = sheet.cell(row=3, column=header.index("Reference") + 1).value
    assert reference == '\'=HYPERLINK("http://x","click")'
    assert sheet.cell(row=3, column=1).data_type != "f"


def test_a_bad_date_is_a_one_line_error(hand_built):
    result = run("register", "report", "--db", hand_built, "--today", "31/13/2024")
    assert result.exit_code == 1
    assert "Error: --today '31/13/2024' is not a valid date" in result.output


def test_demo_data_fills_a_new_store_and_refuses_a_real_one(new_store_url, hand_built):
    target = new_store_url()
    result = run("demo-data", "--n", "120", "--seed", "4", "--db", str(target))
    assert result.exit_code == 0, result.output
    assert "Stored 120 synthetic reviews (DEMO-000001 to DEMO-000120" in result.output
    with Store(target) as store:
        first = store.get("DEMO-000001")
    assert isinstance(first, Review) and first.grounds.startswith("SYNTHETIC")

    report = run("register", "report", "--db", str(target), "--today", "2025-12-31", "--json")
    body = json.loads(report.output)
    assert sum(r["Received"] for r in body["figures"]["quarterly_volumes"]["rows"]) == 120

    refused = run("demo-data", "--n", "5", "--db", hand_built)
    assert refused.exit_code == 1
    assert "holds real reviews" in refused.output


def test_demo_data_goes_to_the_store_in_settings_by_default(isolated_data):
    result = run("demo-data", "--n", "10")
    assert result.exit_code == 0, result.output
    assert str(isolated_data / "workbench.db") in result.output

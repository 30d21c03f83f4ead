"""``workbench review``: list, show, start, export-json and import-json."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from review_fixtures import CASE_ID, seed_extraction

from workbench.cli import main
from workbench.store import Store


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def extraction_file(tmp_path):
    path = tmp_path / "extraction.json"
    path.write_text(json.dumps(seed_extraction().to_json_dict()), encoding="utf-8")
    return path


@pytest.fixture
def started(seed_case, extraction_file, store_url):
    result = run(
        "review", "start", CASE_ID,
        "--reviewer", "Ann Smith",
        "--role", "Head of Information Governance",
        "--requested", "2024-02-05",
        "--route", "email",
        "--grounds", "I think more is held <script>alert(1)</script>",
        "--extraction", str(extraction_file),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return result


def test_start_makes_a_draft_from_the_case_and_the_extraction(started):
    assert started.output == (
        f"Started the review of {CASE_ID} (version 1, draft) with 3 point(s), 1 provision(s), "
        "0 search(es); due Mon 04 Mar 2024\n"
        f"The points were read from the letter: check them with 'workbench review points "
        f"{CASE_ID}'\n"
    )
    with Store() as store:
        review = store.get(CASE_ID)
    assert review.reviewer.name == "Ann Smith"
    assert review.route.value == "email"
    assert review.grounds == "I think more is held <script>alert(1)</script>"
    assert [p.label for p in review.points] == ["1", "2", "3"]


def test_list_shows_one_line_per_review(started):
    result = run("review", "list")
    assert result.exit_code == 0
    assert result.output == (
        f"{CASE_ID}\tv1\tDraft\tAnn Smith\tdue 2024-03-04 LATE\t0/3 points decided\t"
        "no outcome yet\n"
    )


def test_list_with_no_reviews_says_how_to_start_one(store_url):
    result = run("review", "list")
    assert result.output == (
        "No reviews yet. Start one with: workbench review start CASE_ID --reviewer NAME\n"
    )


def test_show_prints_the_review_section_by_section(started):
    with Store() as store:
        _, token = store.open_review(CASE_ID)
        store.edit(CASE_ID, "points.0.finding", "incorrect", "ann", token)
    result = run("review", "show", CASE_ID, "--scheme", "authority")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == f"Review of {CASE_ID} (version 1, in progress)"
    assert "Reviewer: Ann Smith, Head of Information Governance" in lines
    assert "  1. Held, partly disclosed: Incorrect" in lines
    assert "  s.40(2) (points 1): engaged Not decided; No finding yet" in lines
    assert "Outcome: Original decision reversed; authority: Appeal upheld" in lines


def test_show_json_is_the_saved_review(started):
    result = run("review", "show", CASE_ID, "--json")
    data = json.loads(result.output)
    assert data["case_id"] == CASE_ID and data["status"] == "draft"
    assert data["points"][0]["original_determination"] == "held_partly_disclosed"


def test_export_then_import_moves_a_review_to_another_installation(
    started, tmp_path, monkeypatch, new_store_url
):
    out = tmp_path / "moved.json"
    result = run("review", "export-json", CASE_ID, "--out", str(out))
    assert result.output == f"Wrote the review of {CASE_ID} (1 version(s)) to {out}\n"

    elsewhere = tmp_path / "elsewhere"
    monkeypatch.setenv("WORKBENCH_DATA", str(elsewhere))
    monkeypatch.setenv("WORKBENCH_DB", new_store_url())
    result = run("review", "import-json", str(out), "--as", "Bob")
    assert result.exit_code == 0, result.output
    assert result.output == f"Imported the review of {CASE_ID} (version 1, draft)\n"
    assert run("review", "import-json", str(out), "--as", "Bob").output == (
        f"The review of {CASE_ID} is up to date\n"
    )
    assert run("review", "list").output.startswith(f"{CASE_ID}\tv1\tDraft\tAnn Smith")


def test_export_json_without_out_prints_the_export(started):
    data = json.loads(run("review", "export-json", CASE_ID).output)
    assert data["format"] == "workbench-review"
    assert [v["version"] for v in data["versions"]] == [1]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("review", "show", "nope"), "Error: No review for case 'nope' yet; start one with"),
        (("review", "export-json", "nope"), "Error: No review for case 'nope' yet"),
        (
            ("review", "start", CASE_ID, "--reviewer", "Bob"),
            f"Error: Case '{CASE_ID}' already has a review (version 1, draft); open it instead",
        ),
        (
            ("review", "start", CASE_ID, "--reviewer", "Bob", "--requested", "2024-13-01"),
            "Error: --requested '2024-13-01' is not a valid date",
        ),
    ],
)
def test_mistakes_get_one_clear_error_line(started, args, message):
    result = run(*args)
    assert result.exit_code == 1
    assert result.output.startswith(message)


def test_start_for_a_case_that_does_not_exist_says_so(isolated_data):
    result = run("review", "start", "no-such-case", "--reviewer", "Ann")
    assert result.exit_code == 1
    assert result.output.startswith("Error: No case at ")


def test_import_of_a_file_that_is_not_json_names_it(isolated_data, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{ not json", encoding="utf-8")
    result = run("review", "import-json", str(bad), "--as", "Bob")
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {bad} is not valid JSON")


def test_an_extraction_that_is_not_one_is_refused(seed_case, tmp_path):
    bad = tmp_path / "extraction.json"
    bad.write_text('{"points": [{"text": "no label"}]}', encoding="utf-8")
    result = run("review", "start", CASE_ID, "--reviewer", "Ann", "--extraction", str(bad))
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {bad} is not an extraction: points.0.label")

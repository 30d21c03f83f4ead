"""`workbench review points|point|set|search|complete|new-version`, and --who on each."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from workbench.cli import main
from workbench.store import Store

SEED_ID = "IC-266000-V6Y0"


def run(*args: str, env: dict | None = None, ok: bool = True):
    result = CliRunner().invoke(main, list(args), env=env or {})
    if ok:
        assert result.exit_code == 0, result.output
    return result


@pytest.fixture
def started(seed_case):
    run("review", "start", SEED_ID, "--who", "ann")


def _audit() -> list:
    with Store() as store:
        return store.audit(SEED_ID)


def test_start_reads_the_letter_by_default(seed_case):
    result = run("review", "start", SEED_ID, "--who", "ann")
    assert "with 4 point(s), 1 provision(s)" in result.output
    with Store() as store:
        review = store.get(SEED_ID)
    assert [p.label for p in review.points] == ["1", "2", "3a", "3b"]
    assert review.reviewer.name == "ann"
    assert _audit()[0].who == "ann"


def test_start_without_extraction_is_an_empty_review(seed_case):
    result = run("review", "start", SEED_ID, "--no-extraction")
    assert "with 0 point(s), 0 provision(s)" in result.output


def test_points_marks_each_value_as_read_or_corrected(started):
    run("review", "point", "set", SEED_ID, "2", "--determination", "ncnd", "--who", "bob")
    run("review", "point", "add", SEED_ID, "--label", "4", "--text", "Board minutes")
    lines = run("review", "points", SEED_ID).output.splitlines()
    assert lines[0].startswith(f"Points of {SEED_ID}")
    assert "  2\tNeither confirmed nor denied*\tno provisions" in lines
    assert "  1\tHeld, partly disclosed\ts.40(2)" in lines
    assert "  4+\tNot known\tno provisions" in lines

    data = json.loads(run("review", "points", SEED_ID, "--json").output)
    second = data["points"][1]
    assert second["determination"] == "ncnd"
    assert second["corrected"] == {
        "label": False,
        "text": False,
        "determination": True,
        "provisions": False,
    }
    assert second["as_read"]["determination"] == "not_held"
    assert data["points"][4]["added_by_reviewer"] and data["points"][4]["as_read"] is None
    assert data["provisions"] == [{"provision_id": "s.40(2)", "points": ["1"]}]


def test_who_is_recorded_and_defaults_to_workbench_user(started):
    run("review", "point", "delete", SEED_ID, "3b", "--who", "Priya")
    run("review", "point", "split", SEED_ID, "1", "--into", "1a,1b", env={"WORKBENCH_USER": "Sam"})
    run("review", "point", "merge", SEED_ID, "1a", "1b", "--label", "1")
    whos = {e.action: e.who for e in _audit()}
    assert whos["delete_point"] == "Priya"
    assert whos["split_point"] == "Sam"
    assert whos["merge_points"]  # the login name (whatever it is here)


def test_set_corrects_a_fact_and_says_whether_it_is_as_read(started):
    result = run("review", "set", SEED_ID, "requester", "Ms Jane Doe")
    assert result.output == f"Requester of {SEED_ID}: Ms Jane Doe (corrected by the reviewer)\n"
    result = run("review", "set", SEED_ID, "requester", "")
    assert result.output == f"Requester of {SEED_ID}: - (as read)\n"
    wrong = run("review", "set", SEED_ID, "colour", "red", ok=False)
    assert wrong.exit_code == 2 and "authority" in wrong.output


def test_a_review_that_does_not_exist_is_not_started_by_a_correction(seed_case):
    result = run("review", "point", "delete", SEED_ID, "1", ok=False)
    assert result.exit_code == 1
    assert "No review for case" in result.output and "workbench review start" in result.output


def test_complete_then_new_version(started):
    for label in ("1", "2", "3a", "3b"):
        with Store() as store:
            review, token = store.open_review(SEED_ID)
            index = [p.label for p in review.points].index(label)
            store.edit(SEED_ID, f"points.{index}.finding", "correct", "ann", token)
    refused = run("review", "complete", SEED_ID, "--signed-by", "Ann", ok=False)
    assert refused.exit_code == 1 and "a finding for provision s.40(2)" in refused.output
    with Store() as store:
        _, token = store.open_review(SEED_ID)
        store.edit(SEED_ID, "provisions.0.finding", "upheld", "ann", token)
    done = run("review", "complete", SEED_ID, "--signed-by", "Ann Smith", "--on", "2024-02-20")
    assert "signed off by Ann Smith on 20 Feb 2024" in done.output
    frozen = run("review", "point", "delete", SEED_ID, "1", ok=False)
    assert "completed and frozen" in frozen.output
    assert "Started version 2" in run("review", "new-version", SEED_ID).output
    run("review", "point", "delete", SEED_ID, "3b")


def test_search_rows_are_corrected_and_a_passage_marked_not_a_search(started):
    run("review", "search", "not-a-search", SEED_ID, "1")
    with Store() as store:
        assert len(store.get(SEED_ID).not_searches) == 1
    missing = run("review", "search", "edit", SEED_ID, "1", "--where", "x", ok=False)
    assert "No search 1: the review has 0" in missing.output

"""``workbench deadline``: the answer and the working, as a user sees them."""

import json

from click.testing import CliRunner

from workbench.cli import main


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_seed_deadline_json():
    result = run("deadline", "2023-10-25", "--responded", "2023-11-22", "--json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["due"] == "2023-11-22"
    assert out["working_days_taken"] == 20
    assert out["on_time"] is True


def test_deadline_shows_its_working():
    result = run("deadline", "2023-11-20", "--regime", "foia")
    assert result.exit_code == 0
    assert "Day 1: Tue 21 Nov 2023" in result.output
    assert "Thu 30 Nov 2023: Saint Andrew's Day (Scotland)" in result.output
    assert "Day 20 (due): Tue 19 Dec 2023" in result.output
    assert "may ask for a review until" in result.output


def test_a_bad_date_is_one_plain_error_line():
    result = run("deadline", "2023-13-01")
    assert result.exit_code == 1
    assert result.output == (
        "Error: received date '2023-13-01' is not a valid date: write it as 4/12/2023, "
        "4 Dec 2023 or 2023-12-04 (day first)\n"
    )


def test_python_dash_m_workbench_runs_the_same_cli():
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, "-m", "workbench", "deadline", "2023-10-25", "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(proc.stdout)["due"] == "2023-11-22"


def test_deadline_under_the_eisr_counts_scottish_holidays():
    result = run("deadline", "2023-11-20", "--regime", "EISR")
    assert result.exit_code == 0, result.output
    assert "Response due: EISR, 20 working days" in result.output
    assert "Thu 30 Nov 2023: Saint Andrew's Day (Scotland)" in result.output

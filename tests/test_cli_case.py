"""``workbench case new`` and ``workbench case list``."""

from pathlib import Path

from click.testing import CliRunner

from workbench.cli import main

FILES = Path(__file__).parent / "files"


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_case_new_builds_a_case_that_case_list_shows(isolated_data):
    result = run(
        "case",
        "new",
        "--response",
        str(FILES / "seed_response.txt"),
        "--request",
        str(FILES / "seed_request.txt"),
        "--id",
        "my-case",
        "--regime",
        "FOIA",
    )
    assert result.exit_code == 0, result.output
    assert "Created case my-case" in result.output
    assert (isolated_data / "cases" / "my-case" / "case.json").is_file()
    listed = run("case", "list")
    assert listed.output.startswith("my-case\t")


def test_case_new_with_a_traversal_id_is_refused(isolated_data):
    result = run("case", "new", "--response", str(FILES / "seed_response.txt"), "--id", "../../etc")
    assert result.exit_code == 1
    assert result.output.startswith("Error: Invalid case id '../../etc'")


def test_case_new_with_a_missing_file_names_it(isolated_data):
    result = run("case", "new", "--response", "no-such-file.txt")
    assert result.exit_code == 1
    assert "no-such-file.txt" in result.output


def test_case_list_with_no_cases_says_how_to_add_one(isolated_data):
    assert "workbench case new" in run("case", "list").output

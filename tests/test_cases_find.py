"""Naming a case to a command: a case folder (one holding case.json), else a case id."""

import shutil

import pytest
from click.testing import CliRunner

from tests.conftest import SEED_ID
from workbench.cases import find_case
from workbench.cli import main
from workbench.errors import CaseNotFound, InvalidCaseId


def test_a_case_id_opens_the_case_in_the_cases_folder(seed_case):
    assert find_case(SEED_ID).path == seed_case


def test_a_folder_holding_case_json_opens_that_folder_wherever_it_is(seed_case, tmp_path):
    elsewhere = tmp_path / "copy"
    shutil.copytree(seed_case, elsewhere)
    assert find_case(str(elsewhere)).path == elsewhere


def test_a_folder_in_the_working_directory_wins_over_an_id_without_a_slash(
    seed_case, tmp_path, monkeypatch
):
    shutil.copytree(seed_case, tmp_path / SEED_ID)
    (tmp_path / SEED_ID / "response.txt").write_text("The copy in this folder.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert find_case(SEED_ID).response().text == "The copy in this folder."


@pytest.mark.parametrize("argument", ["NO-SUCH-CASE", "some/folder"])
def test_neither_a_case_folder_nor_a_case_id_is_one_line_naming_the_argument(
    isolated_data, argument
):
    with pytest.raises(CaseNotFound) as raised:
        find_case(argument)
    message = str(raised.value)
    assert message.startswith(f"No case at '{argument}': it is neither a case folder")
    assert "\n" not in message


def test_an_id_that_would_escape_the_cases_folder_is_refused_as_an_id(isolated_data):
    with pytest.raises(InvalidCaseId, match=r"Invalid case id '\.\.'"):
        find_case("..")


@pytest.mark.parametrize("command", [["check"], ["export", "--out", "out"]])
def test_check_and_export_name_the_argument_that_is_not_a_case(isolated_data, command, tmp_path):
    args = [*command[:1], "NO-SUCH-CASE", *command[1:]]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert result.output.startswith("Error: No case at 'NO-SUCH-CASE': it is neither")
    assert result.output.count("\n") == 1


@pytest.mark.parametrize("command", [["check"], ["export", "--format", "md", "--out"]])
def test_check_and_export_open_a_case_folder_given_by_name_in_the_working_directory(
    seed_case, command, tmp_path, monkeypatch
):
    shutil.copytree(seed_case, tmp_path / "my-case")
    monkeypatch.chdir(tmp_path)
    args = [*command[:1], "my-case", *command[1:]]
    if command[0] == "export":
        args.append(str(tmp_path / "out"))
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert SEED_ID in result.output

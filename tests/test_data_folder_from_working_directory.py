"""A relative data folder is found from the working directory, and starts with the seed case.

What a user of the installed wheel sees: ``workbench case list`` in a new folder makes
``data/cases/`` there with a copy of the seed case to try; a cases folder that exists,
even empty, is left as it is (a team that deleted the seed case does not get it back).
"""

from __future__ import annotations

from click.testing import CliRunner

from workbench import settings
from workbench.cli import main
from workbench.seed_case import SEED_CASE_ID, seed_case_folder


def test_relative_settings_are_from_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("WORKBENCH_DATA", "reviews")
    monkeypatch.setenv("WORKBENCH_TEMPLATES", "team")
    assert settings.data_dir() == tmp_path / "reviews"
    assert settings.cases_dir() == tmp_path / "reviews" / "cases"
    assert settings.templates_dir() == tmp_path / "team"
    assert settings.db_url() == f"sqlite:///{tmp_path / 'reviews' / 'workbench.db'}"


def test_a_new_data_folder_starts_with_the_seed_case(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("WORKBENCH_DATA")
    result = CliRunner().invoke(main, ["case", "list"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"{SEED_CASE_ID}\t")
    copied = tmp_path / "data" / "cases" / SEED_CASE_ID / "response.txt"
    assert copied.read_text() == (seed_case_folder() / "response.txt").read_text()


def test_an_existing_cases_folder_is_left_alone(isolated_data):
    result = CliRunner().invoke(main, ["case", "list"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("No cases yet")
    assert list((isolated_data / "cases").iterdir()) == []

"""``disabled_checks:`` in organisation.yaml switches checks off, and a misspelt id says so."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from workbench.checks import run_case_checks
from workbench.checks.docs import markdown
from workbench.cli import main
from workbench.organisation import load_organisation

SEED_ID = "IC-266000-V6Y0"


@pytest.fixture
def team(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "team"
    folder.mkdir()
    monkeypatch.setenv("WORKBENCH_TEMPLATES", str(folder))
    return folder


def _switch_off(folder: Path, *ids: str) -> None:
    settings = load_organisation().model_dump()
    settings["disabled_checks"] = list(ids)
    (folder / "organisation.yaml").write_text(yaml.safe_dump(settings), encoding="utf-8")


def _checks_run(findings) -> set[str]:
    return {f.check for f in findings}


def test_a_switched_off_check_reports_nothing(team, seed_case):
    assert "placeholder-links" in _checks_run(run_case_checks(SEED_ID))
    _switch_off(team, "placeholder-links")
    checks = _checks_run(run_case_checks(SEED_ID))
    assert "placeholder-links" not in checks
    assert {"legitimate-interests-missing", "searches-not-described"} <= checks


def test_the_command_line_does_not_show_a_switched_off_check(team, seed_case):
    _switch_off(team, "placeholder-links")
    result = CliRunner().invoke(main, ["check", SEED_ID])
    assert result.exit_code == 0, result.output
    assert "[placeholder-links]" not in result.output
    assert "[legitimate-interests-missing]" in result.output


def test_a_switched_off_check_still_runs_when_asked_for_by_name(team, seed_case):
    from workbench.checks import case_context, run_checks

    _switch_off(team, "placeholder-links")
    findings = run_checks(case_context(SEED_ID), only=["placeholder-links"])
    assert _checks_run(findings) == {"placeholder-links"}


def test_an_id_that_names_no_check_is_a_warning_not_silence(team, seed_case):
    _switch_off(team, "placeholder-link")
    findings = run_case_checks(SEED_ID)
    (problem,) = [f for f in findings if f.check == "team-checks"]
    assert problem.severity == "warning"
    assert (
        "organisation.yaml: disabled_checks: there is no check called 'placeholder-link'"
        in problem.explanation
    )
    assert "placeholder-links" in _checks_run(findings)


def test_the_documentation_marks_what_the_team_switched_off(team):
    _switch_off(team, "placeholder-links")
    text = markdown()
    assert "| `placeholder-links` | Links that go nowhere (switched off) |" in text
    assert "Switched off by this team (`disabled_checks` in organisation.yaml)." in text


def test_an_unreadable_organisation_file_does_not_stop_the_checks(team, seed_case):
    (team / "organisation.yaml").write_text("name: [unclosed\n", encoding="utf-8")
    findings = run_case_checks(SEED_ID)
    (problem,) = [f for f in findings if f.check == "team-checks"]
    assert "The organisation settings could not be read" in problem.explanation
    assert "placeholder-links" in _checks_run(findings)

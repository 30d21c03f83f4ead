"""A team's checks, from its folder or an installed plugin, run beside the package's."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest

from workbench.checks import all_checks, builtin_checks, run_case_checks
from workbench.checks import plugins as plugins_module
from workbench.checks.docs import markdown
from workbench.errors import SettingsError

TEAM_CHECK = Path(__file__).parent / "team" / "checks" / "signed_by_lead.py"
SEED_ID = "IC-266000-V6Y0"


@pytest.fixture
def team(tmp_path, monkeypatch) -> Path:
    """An empty team folder, in use."""
    folder = tmp_path / "team"
    (folder / "checks").mkdir(parents=True)
    monkeypatch.setenv("WORKBENCH_TEMPLATES", str(folder))
    return folder


def _write(folder: Path, name: str, source: str) -> None:
    (folder / "checks" / name).write_text(textwrap.dedent(source), encoding="utf-8")


def test_a_check_in_the_team_folder_runs_after_the_package_s(team, seed_case):
    shutil.copy(TEAM_CHECK, team / "checks")
    ids = [spec.id for spec in all_checks()]
    assert ids == [*(spec.id for spec in builtin_checks()), "signed-by-lead"]
    assert all_checks()[-1].origin == "team check checks/signed_by_lead.py"
    findings = run_case_checks(SEED_ID)
    assert [f.title for f in findings if f.check == "signed-by-lead"] == [
        "Not signed by the Information Governance Lead"
    ]


def test_another_team_s_checks_do_not_run(team, seed_case, tmp_path, monkeypatch):
    shutil.copy(TEAM_CHECK, team / "checks")
    assert "signed-by-lead" in [spec.id for spec in all_checks()]
    monkeypatch.setenv("WORKBENCH_TEMPLATES", str(tmp_path))  # a folder with no checks
    assert "signed-by-lead" not in [spec.id for spec in all_checks()]
    assert not [f for f in run_case_checks(SEED_ID) if f.check == "signed-by-lead"]


def test_a_helper_module_is_not_loaded_as_checks(team):
    _write(team, "_helpers.py", "raise RuntimeError('never imported')\n")
    assert [spec.id for spec in all_checks()] == [spec.id for spec in builtin_checks()]


def test_a_broken_team_check_is_a_warning_and_the_others_still_run(team, seed_case):
    _write(team, "broken.py", "def oops(:\n")
    findings = run_case_checks(SEED_ID)
    (problem,) = [f for f in findings if f.check == "team-checks"]
    assert problem.severity == "warning"
    assert "broken.py: the team's check module could not be loaded (SyntaxError" in (
        problem.explanation
    )
    assert {f.check for f in findings} > {"team-checks", "response-timeliness"}
    with pytest.raises(SettingsError, match="broken.py"):
        markdown()


def test_a_team_check_cannot_take_a_built_in_check_s_id(team, seed_case):
    _write(
        team,
        "clash.py",
        """
        from workbench.checks import check

        @check(id="placeholder-links", title="Ours", doc="Ours.")
        def ours(context):
            return []
        """,
    )
    (problem,) = [f for f in run_case_checks(SEED_ID) if f.check == "team-checks"]
    assert "a check called 'placeholder-links' exists already (workbench)" in problem.explanation
    assert [s.origin for s in all_checks() if s.id == "placeholder-links"] == ["workbench"]


def test_a_module_with_no_check_is_reported(team, seed_case):
    _write(team, "notes.py", "X = 1\n")
    (problem,) = [f for f in run_case_checks(SEED_ID) if f.check == "team-checks"]
    assert "notes.py: defines no check" in problem.explanation


def test_an_installed_plugin_s_checks_are_registered(team, seed_case, tmp_path, monkeypatch):
    package = tmp_path / "plugin_src"
    package.mkdir()
    (package / "our_foi_checks.py").write_text(TEAM_CHECK.read_text(), encoding="utf-8")
    monkeypatch.syspath_prepend(str(package))
    point = EntryPoint("ours", "our_foi_checks", plugins_module.ENTRY_POINT_GROUP)
    monkeypatch.setattr(plugins_module, "entry_points", lambda group: [point])
    plugins_module.entry_point_checks.cache_clear()
    try:
        spec = all_checks()[-1]
        assert (spec.id, spec.origin) == ("signed-by-lead", "plugin ours (our_foi_checks)")
        assert any(f.check == "signed-by-lead" for f in run_case_checks(SEED_ID))
        assert "From plugin ours (our_foi_checks)." in markdown()
    finally:
        plugins_module.entry_point_checks.cache_clear()
        sys.modules.pop("our_foi_checks", None)


def test_the_documentation_command_lists_the_team_s_checks(team):
    shutil.copy(TEAM_CHECK, team / "checks")
    done = subprocess.run(
        [sys.executable, "-m", "workbench.checks", "--markdown"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "## `signed-by-lead`: Not signed by the Information Governance Lead" in done.stdout


def test_the_documentation_command_refuses_a_broken_team_check_in_one_line(team):
    _write(team, "broken.py", "import not_a_module_anywhere\n")
    done = subprocess.run(
        [sys.executable, "-m", "workbench.checks", "--markdown"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.startswith("Error: ") and "ModuleNotFoundError" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1

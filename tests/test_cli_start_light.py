"""``workbench --help`` and ``workbench deadline`` start without the heavy libraries.

They answer in a fraction of a second only while the CLI imports pandas, SQLAlchemy,
NumPy, python-docx, pypdf and openpyxl inside the commands that use them (timed by
``benchmarks/bench_cli_start.py``, not here).  Each command runs in a fresh Python, which
then reports what it imported, so a module-level import slipped back into a command
module fails this test.
"""

import json
import subprocess
import sys

import pytest

HEAVY = ("pandas", "sqlalchemy", "docx", "pypdf", "numpy", "openpyxl")

RUN_AND_REPORT = """
import json, sys
from workbench.cli import main
try:
    main(sys.argv[1:], prog_name="workbench")
except SystemExit as exc:
    status = exc.code
print(json.dumps({"status": status, "modules": sorted(sys.modules)}), file=sys.stderr)
"""


def _modules_after(*args: str) -> tuple[int, set[str], str]:
    done = subprocess.run(
        [sys.executable, "-c", RUN_AND_REPORT, *args],
        capture_output=True,
        text=True,
        timeout=120,
    )
    report = json.loads(done.stderr.strip().splitlines()[-1])
    return report["status"], set(report["modules"]), done.stdout


def _heavy(modules: set[str]) -> list[str]:
    return [name for name in HEAVY if name in modules]


def test_help_lists_every_command_without_heavy_imports():
    status, modules, out = _modules_after("--help")
    assert status == 0
    for command in ("deadline", "case", "serve", "check", "review", "export", "register"):
        assert f"  {command} " in out
    assert _heavy(modules) == []


@pytest.mark.parametrize(
    "args",
    [("deadline", "2/1/2024", "--regime", "FOIA"), ("deadline", "2024-01-02", "--json")],
)
def test_deadline_answers_without_heavy_imports(args):
    status, modules, out = _modules_after(*args)
    assert status == 0
    assert "Day 20" in out or '"due"' in out
    assert _heavy(modules) == []


def test_a_command_that_needs_them_still_loads_them():
    """The check above would pass vacuously if the probe could not see an import."""
    status, modules, _ = _modules_after("review", "list", "--who", "tester")
    assert status == 0
    assert "sqlalchemy" in _heavy(modules)

"""The README's command and settings tables say what the code says.

They are written by cog from the commands' help and ``workbench.settings.SETTINGS``
(``workbench/cli/reference.py``); ``cog --check`` fails when a command, an option or a
setting changed and nobody ran ``cog -r README.md``.  ``make lint`` runs the same check;
this test makes CI (which runs ``make test``) catch it too.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_readme_tables_are_up_to_date():
    done = subprocess.run(
        [sys.executable, "-m", "cogapp", "--check", "README.md"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, (
        "README.md is stale; run `.venv/bin/cog -r README.md`\n" + done.stdout + done.stderr
    )


def test_the_tables_are_generated_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    assert "cog.out(commands_table())" in readme
    assert "cog.out(settings_table())" in readme
    assert "| `workbench deadline RECEIVED [--regime FOIA\\|EIR\\|FOISA\\|EISR]" in readme

"""Re-execute notebooks in place and strip what changes from run to run.

nbval compares a notebook's saved outputs with a fresh run, so notebooks are
committed executed.  Run this after changing a notebook or what it shows::

    .venv/bin/python tests/refresh_notebooks.py workbench/dashboard/review.ipynb

(the dashboard notebook itself, not its link in ``notebooks/``).

It executes each notebook with a temporary, empty data folder holding a copy
of the seed case (never the repository's store), then removes widget state,
widget model ids, execution timestamps and the Python version, so that two
refreshes of an unchanged notebook give identical files.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "workbench" / "seed" / "IC-266000-V6Y0"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def strip(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop the parts of an executed notebook that differ between runs."""
    notebook.metadata.pop("widgets", None)
    notebook.metadata.get("language_info", {}).pop("version", None)
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
        for output in cell.get("outputs", []):
            output.get("data", {}).pop(WIDGET_VIEW, None)
    return notebook


def refresh(path: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="refresh-notebooks-") as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(SEED, data / "cases" / SEED.name)
        env = {
            **os.environ,
            "WORKBENCH_DATA": str(data),
            "WORKBENCH_TEMPLATES": str(ROOT / "review_templates"),
            "JUPYTER_CONFIG_DIR": f"{tmp}/jupyter-config",
            "JUPYTER_DATA_DIR": f"{tmp}/jupyter-data",
            "JUPYTER_RUNTIME_DIR": f"{tmp}/jupyter-runtime",
            "IPYTHONDIR": f"{tmp}/ipython",
            "JUPYTER_PLATFORM_DIRS": "1",
        }
        subprocess.run(
            [
                sys.executable,
                "-m",
                "jupyter",
                "nbconvert",
                "--to",
                "notebook",
                "--execute",
                "--inplace",
                str(path),
            ],
            check=True,
            env=env,
        )
    notebook = nbformat.read(path, as_version=4)
    nbformat.write(strip(notebook), path)


if __name__ == "__main__":
    for name in sys.argv[1:]:
        refresh(Path(name))

"""nbval runs these notebooks against a temporary copy of the seed case.

A notebook's kernel inherits this process's environment when nbval starts it,
which happens while the first cell of that notebook is being set up.  This
hook runs just before that, so the kernel sees a temporary data folder (with a
copy of the seed case, as ``tests/refresh_notebooks.py`` uses when it
refreshes the saved outputs) and temporary Jupyter folders, never the
repository's data or the user's home.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "workbench" / "seed" / "IC-266000-V6Y0"

_saved: dict[str, str | None] = {}
_folder: list[str] = []


def _isolate() -> None:
    tmp = tempfile.mkdtemp(prefix="nbval-")
    _folder.append(tmp)
    data = Path(tmp) / "data"
    shutil.copytree(SEED, data / "cases" / SEED.name)
    values = {
        "WORKBENCH_DATA": str(data),
        "WORKBENCH_DB": str(data / "workbench.db"),
        "WORKBENCH_OUTPUT": str(Path(tmp) / "exports"),
        # the kernel runs in notebooks/, where a relative team folder would not be found
        "WORKBENCH_TEMPLATES": str(ROOT / "review_templates"),
        "JUPYTER_CONFIG_DIR": f"{tmp}/jupyter-config",
        "JUPYTER_DATA_DIR": f"{tmp}/jupyter-data",
        "JUPYTER_RUNTIME_DIR": f"{tmp}/jupyter-runtime",
        "IPYTHONDIR": f"{tmp}/ipython",
        "JUPYTER_PLATFORM_DIRS": "1",
    }
    for name, value in values.items():
        _saved[name] = os.environ.get(name)
        os.environ[name] = value


def pytest_runtest_setup(item):
    if not _folder and Path(str(item.path)).suffix == ".ipynb":
        _isolate()


def pytest_sessionfinish(session, exitstatus):
    for name, value in _saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    for tmp in _folder:
        shutil.rmtree(tmp, ignore_errors=True)

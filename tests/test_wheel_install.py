"""The built wheel, installed outside the checkout, lists the seed case and serves the dashboard.

``pip install`` of the wheel must be enough: the dashboard notebook, the seed case, the
page template and the rules as data all travel inside the package, and relative
settings (``data/``) are found from the working directory.  The test builds the wheel
from a copy of the sources (so nothing left in the checkout can leak in), installs it
into a fresh venv and runs it from an empty folder.

The wheel's dependencies are not downloaded again: the fresh venv reads them from this
project's venv through a ``.pth`` line (whose own ``.pth`` files, such as the editable
install of the checkout, are not run), and its ``share/`` is this venv's, where
pip put Voila's and the widgets' data files.  The test checks that ``workbench`` is
imported from the wheel, not from the checkout.  Building the wheel needs setuptools
from the package index (pip's build isolation), as a user's ``pip install`` would.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

import pytest
from dashboard_server import RunningServer, free_port, port_open
from http_probes import get

ROOT = Path(__file__).resolve().parent.parent
SEED_ID = "IC-266000-V6Y0"


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh venv (its folder) with the wheel built from the sources installed."""
    tmp = tmp_path_factory.mktemp("wheel")
    source = tmp / "source"
    shutil.copytree(
        ROOT / "workbench", source / "workbench", ignore=shutil.ignore_patterns("__pycache__")
    )
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    _run([*pip, "wheel", str(source), "--no-deps", "-w", str(tmp / "dist")], cwd=tmp)
    (wheel,) = (tmp / "dist").glob("workbench-*.whl")

    venv = tmp / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], cwd=tmp)
    python = venv / "bin" / "python"
    _run([*pip, "--python", str(python), "install", "--no-deps", "--no-index", str(wheel)], cwd=tmp)
    site = _run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"])
    dependencies = sysconfig.get_path("purelib")  # this venv's: pandas, Voila, ...
    (Path(site.strip()) / "_project_dependencies.pth").write_text(dependencies + "\n")
    (venv / "share").symlink_to(Path(sys.prefix) / "share", target_is_directory=True)
    return venv


def _run(argv: list[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{argv} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def _outside_environment(home: Path) -> dict[str, str]:
    """This environment without the test's WORKBENCH_* settings, Jupyter kept in ``home``."""
    env = {
        k: v for k, v in os.environ.items() if not k.startswith("WORKBENCH_") and k != "PYTHONPATH"
    }
    env.update(
        JUPYTER_PLATFORM_DIRS="1",
        JUPYTER_CONFIG_DIR=str(home / "jupyter-config"),
        JUPYTER_DATA_DIR=str(home / "jupyter-data"),
        JUPYTER_RUNTIME_DIR=str(home / "jupyter-runtime"),
        IPYTHONDIR=str(home / "ipython"),
    )
    return env


def test_the_installed_wheel_lists_the_seed_case_and_serves_the_dashboard(installed, tmp_path):
    folder = tmp_path / "somewhere"
    folder.mkdir()
    env = _outside_environment(tmp_path)

    where = _run(
        [str(installed / "bin" / "python"), "-c", "import workbench; print(workbench.__file__)"],
        cwd=folder,
        env=env,
    )
    assert Path(where.strip()).is_relative_to(installed), where
    assert not Path(where.strip()).is_relative_to(ROOT)

    listed = _run([str(installed / "bin" / "workbench"), "case", "list"], cwd=folder, env=env)
    assert listed.startswith(f"{SEED_ID}\t")
    assert (folder / "data" / "cases" / SEED_ID / "case.json").is_file()

    port = free_port()
    log_path = tmp_path / "serve.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [str(installed / "bin" / "workbench"), "serve", "--port", str(port), "--no-preheat"],
            cwd=folder,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    server = RunningServer(f"http://127.0.0.1:{port}/", port, log_path, process)
    try:
        deadline = time.monotonic() + 90
        while not port_open(port):
            assert process.poll() is None, f"workbench serve exited:\n{server.log()}"
            assert time.monotonic() < deadline, f"workbench serve did not start:\n{server.log()}"
            time.sleep(0.1)
        page = get(port, "/")
        assert page.status == 200, server.log()
        assert b'class="wb-banner"' in page.body  # the workbench's own page template
        assert f"cases page; cases listed: {SEED_ID}".encode() in page.body, server.log()
        assert "site-packages/workbench/dashboard/review.ipynb" in server.log()
    finally:
        server.stop()

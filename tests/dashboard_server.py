"""Start and stop ``workbench serve`` for tests and benchmarks.

The server runs exactly as a user starts it (``python -m workbench serve``),
on a free loopback port, in its own process group so that everything it
started can be stopped together, with its output in a log file that a failing
test prints.  Used by the fixtures in ``tests/conftest.py`` and by
``benchmarks/bench_dashboard_start.py``.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_CASE = ROOT / "workbench" / "seed" / "IC-266000-V6Y0"

#: Variables that keep Jupyter's and IPython's state out of the home folder.
JUPYTER_DIRS = {
    "JUPYTER_CONFIG_DIR": "jupyter-config",
    "JUPYTER_DATA_DIR": "jupyter-data",
    "JUPYTER_RUNTIME_DIR": "jupyter-runtime",
    "IPYTHONDIR": "ipython",
}


@dataclass(frozen=True)
class DataFolder:
    """A temporary data folder the workbench is pointed at."""

    root: Path
    output: Path

    @property
    def cases(self) -> Path:
        return self.root / "cases"


def make_data_folder(base: Path, seed: bool = True) -> DataFolder:
    """A fresh data folder under ``base``, holding a copy of the seed case."""
    folder = DataFolder(root=base / "data", output=base / "exports")
    folder.cases.mkdir(parents=True)
    if seed:
        shutil.copytree(SEED_CASE, folder.cases / SEED_CASE.name)
    return folder


def workbench_environment(data: DataFolder, base: Path) -> dict[str, str]:
    """Variables pointing the workbench and Jupyter at temporary folders."""
    env = {
        "WORKBENCH_DATA": str(data.root),
        "WORKBENCH_OUTPUT": str(data.output),
        "WORKBENCH_DB": str(data.root / "workbench.db"),
        "JUPYTER_PLATFORM_DIRS": "1",
    }
    for variable, name in JUPYTER_DIRS.items():
        env[variable] = str(base / name)
    return env


def free_port() -> int:
    """A loopback port nobody is listening on (at the moment of asking)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def port_open(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.settimeout(0.2)
        return probe.connect_ex((host, port)) == 0


class ServerFailed(RuntimeError):
    """The server did not come up; the message includes its log."""


@dataclass
class RunningServer:
    """A ``workbench serve`` process and how to reach it."""

    url: str
    port: int
    log_path: Path
    process: subprocess.Popen
    data: DataFolder | None = None
    started: float = field(default_factory=time.perf_counter)

    def log(self) -> str:
        """Everything the server (Voila and its kernels) has written so far."""
        try:
            return self.log_path.read_text(errors="replace")
        except FileNotFoundError:
            return ""

    def stop(self, timeout: float = 20) -> None:
        """SIGTERM the whole process group, then SIGKILL whatever is left."""
        if self.process.poll() is None:
            _signal_group(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                pass
        _signal_group(self.process.pid, signal.SIGKILL)
        if self.process.poll() is None:
            self.process.wait(timeout=5)


def _signal_group(pgid: int, sig: int) -> None:
    try:
        os.killpg(pgid, sig)
    except ProcessLookupError:
        pass


def start_server(
    *args: str,
    env: Mapping[str, str],
    log_path: Path,
    port: int | None = None,
    data: DataFolder | None = None,
    timeout: float = 60,
) -> RunningServer:
    """Run ``workbench serve`` with ``args`` and wait until its port is open.

    Waiting for the port rather than fetching the page matters: every page
    request starts a kernel.
    """
    port = port or free_port()
    command = [sys.executable, "-m", "workbench", "serve", "--port", str(port), *args]
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            command,
            env={**os.environ, **env},
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
            cwd=ROOT,
        )
    server = RunningServer(
        url=f"http://127.0.0.1:{port}/", port=port, log_path=log_path, process=process, data=data
    )
    deadline = time.monotonic() + timeout
    while not port_open(port):
        if process.poll() is not None or time.monotonic() > deadline:
            server.stop()
            why = (
                f"exited with status {process.returncode}"
                if process.poll() is not None
                else (f"did not open port {port} within {timeout:.0f} s")
            )
            raise ServerFailed(f"workbench serve {why}:\n{server.log()}")
        time.sleep(0.05)
    return server

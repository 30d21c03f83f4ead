"""Start and stop the team deployment's JupyterHub (``deploy/jupyterhub``) for a test.

The hub runs with the deployment's own configuration file, loaded by a small test
configuration that changes only what a test must: the authenticator (JupyterHub's
``DummyAuthenticator``: any name signs in, never used in a deployment), free loopback
ports for the hub, its API and its proxy, and ``--allow-root`` for the users' servers
when the tests run as root (CI does).  Everything it starts (the proxy, each user's
server) is in its own process group, stopped together, and its output goes to a log that
a failing test prints.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy" / "jupyterhub"
CONFIG = DEPLOY / "jupyterhub_config.py"

TEST_CONFIG = """\
c = get_config()  # noqa: F821
load_subconfig({config!r})  # noqa: F821 - the deployment's own configuration
c.JupyterHub.authenticator_class = "dummy"
c.Authenticator.allow_all = True
c.JupyterHub.hub_bind_url = "http://127.0.0.1:{hub_port}"
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{api_port}"
if {as_root!r}:
    c.Spawner.args = [*c.Spawner.args, "--allow-root"]
"""


def missing_pieces() -> list[str]:
    """What the hub test needs and this machine lacks (empty when it can run)."""
    missing = []
    if importlib.util.find_spec("jupyterhub") is None:
        missing.append("JupyterHub (pip install -e '.[hub]')")
    if proxy_command() is None:
        missing.append("configurable-http-proxy (npm install --prefix deploy/jupyterhub)")
    if shutil.which("node") is None:
        missing.append("Node.js, which runs configurable-http-proxy")
    return missing


def proxy_command() -> Path | None:
    local = DEPLOY / "node_modules" / ".bin" / "configurable-http-proxy"
    if local.exists():
        return local
    found = shutil.which("configurable-http-proxy")
    return Path(found) if found else None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class RunningHub:
    url: str
    process: subprocess.Popen
    log: Path

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""


def start_hub(base: Path, environment: dict[str, str], timeout: float = 90) -> RunningHub:
    """Start the hub in ``base`` (its state, log and test config) with ``environment`` added."""
    port = free_port()
    config = base / "test_jupyterhub_config.py"
    config.write_text(
        TEST_CONFIG.format(
            config=str(CONFIG),
            hub_port=free_port(),
            api_port=free_port(),
            as_root=os.geteuid() == 0,
        )
    )
    url = f"http://127.0.0.1:{port}"
    env = dict(os.environ)
    env.update(environment)
    env["WORKBENCH_HUB_URL"] = url
    env["WORKBENCH_HUB_STATE"] = str(base / "hub-state")
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    log = base / "jupyterhub.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "jupyterhub", "-f", str(config)],
            cwd=base,
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    hub = RunningHub(url, process, log)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"JupyterHub exited ({process.returncode}):\n{hub.output()}")
        try:
            with urllib.request.urlopen(f"{url}/hub/api", timeout=2) as answer:
                if answer.status == 200:
                    return hub
        except OSError:
            time.sleep(0.3)
    stop_hub(hub)
    raise RuntimeError(f"JupyterHub did not answer within {timeout:.0f} s:\n{hub.output()}")


def stop_hub(hub: RunningHub, timeout: float = 60) -> None:
    """Stop the hub (which stops the users' servers and its proxy), then anything left."""
    if hub.process.poll() is None:
        os.killpg(hub.process.pid, signal.SIGTERM)
        try:
            hub.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(hub.process.pid, signal.SIGKILL)
            hub.process.wait()
    try:
        os.killpg(hub.process.pid, signal.SIGKILL)  # a straggler of the group, if any
    except ProcessLookupError:
        pass

"""Serving the reviewer's dashboard with Voila, safely by default.

``workbench serve`` runs Voila (``python -m workbench.voila_app``, Voila with
a gate in front of every route) on ``notebooks/review.ipynb`` as a child
process with a configuration written by this module and nothing else:
Voila is told to read its config files only from a fresh run folder, and the
Jupyter/IPython folders point into that run folder too, so a user's own
Jupyter set-up (extensions, kernels, startup scripts) cannot change what the
reviewers get.

Why each setting is what it is:

- Voila listens on 127.0.0.1 unless told otherwise, and refuses any other
  address without a token (at least 16 characters, never printed): the
  dashboard can read every case.  With a token, every route wants it or the
  login cookie it sets, the file downloads included.
- Requests naming any host but loopback, the address listened on and the
  names in ``WORKBENCH_ALLOWED_HOSTS`` get 403, so another site cannot reach
  the dashboard by rebinding its own name to this machine.
- Voila serves files only from the output folder (``settings.output_dir()``),
  through its file allowlist.  Downloads of letters and spreadsheets are links
  to ``voila/files/...`` (see :func:`download_url`); anything else, such as a
  case's documents or the store, answers 403.  Voila serves files relative to
  its root folder, so the root is the nearest folder holding both the notebook
  and the output folder, and the allowlist names the output folder alone.
  Links in the output folder are never followed.
- The websocket message limit is raised above the upload limit, so a file a
  little too big still reaches the dashboard and is refused with a message
  instead of silently dropping the connection.
- Kernels of pages left idle (a closed laptop, a lost connection) are culled.
- Voila's own tracebacks are never sent to the page.
- The page comes from the workbench's own template (``TEMPLATE``): Voila's "lab"
  template with landmarks (a banner, the dashboard in ``<main>``) and without the
  Font Awesome stylesheet Voila links from a CDN; the icons come with Voila's bundled
  JavaScript, so the page works on a network without internet access.
- One kernel is preheated: it starts and runs the notebook before anyone asks
  for the page, which measured about 1.3 s from request to a usable page
  against about 2.4-2.8 s without (benchmarks/bench_dashboard_start.py).  It is
  safe because the dashboard reads nothing until the page has been requested
  (``workbench.dashboard.wait_for_page_request``); ``--no-preheat`` turns it
  off and saves the memory of one idle kernel.
"""

from __future__ import annotations

import ipaddress
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from . import settings
from .errors import ExportError, SettingsError

#: The module run as Voila: Voila behind a Host check and the token on every route.
VOILA_MODULE = "workbench.voila_app"

#: The dashboard notebook Voila serves, shipped inside the package (package data) so an
#: installed wheel serves it too; the checkout's ``notebooks/review.ipynb`` links to it.
NOTEBOOK = Path(__file__).resolve().parent / "dashboard" / "review.ipynb"

DEFAULT_IP = "127.0.0.1"
DEFAULT_PORT = 8866

#: Cull a kernel idle this long with no page connected (seconds).  Open pages
#: keep their kernel: Voila's culler skips kernels that still have a connection.
CULL_IDLE_TIMEOUT = 30 * 60
#: How often the culler looks (seconds).
CULL_INTERVAL = 2 * 60

#: With preheating, seconds after a page takes the ready kernel before the next
#: one is started, so that starting it does not slow down the page just opened.
REFILL_DELAY = 5

#: Headroom on top of the upload limit for the widget message around a file.
WEBSOCKET_HEADROOM = 1024 * 1024

#: The JupyterLab extensions the page loads: Voila's own manager for ipywidgets 8,
#: the widget models it manages (jupyterlab_widgets) and anywidget (the letter beside
#: the points, whose selection ipywidgets cannot read), nothing else.  Other
#: extensions found on the machine (themes, previews, a stray old widget
#: manager) only slow the page down or break it.
EXTENSIONS = [
    "@voila-dashboards/widgets-manager8",
    "@jupyter-widgets/jupyterlab-manager",
    "anywidget",
]

#: Environment variable telling the kernel which folder Voila serves files from.
FILES_ROOT_ENV = "WORKBENCH_FILES_ROOT"

#: URL path (under Voila's base URL) of the files Voila serves.
FILES_URL = "voila/files/"

#: Voila's own default denylist, kept in addition to the allowlist.
DENYLIST = [r".*\.(ipynb|py)"]

#: The page template (``workbench/dashboard/jupyter/voila/templates/workbench``): Voila's
#: "lab" template with landmarks and nothing fetched from the internet (no CDN).
TEMPLATE = "workbench"
#: The Jupyter data folder that holds it, put first on Voila's ``JUPYTER_PATH``.
TEMPLATE_ROOT = Path(__file__).parent / "dashboard" / "jupyter"


@dataclass(frozen=True)
class ServeOptions:
    """What the user chose on the command line."""

    port: int = DEFAULT_PORT
    ip: str = DEFAULT_IP
    token: str | None = None
    preheat: bool = True
    notebook: Path = NOTEBOOK
    cull_idle_timeout: int = CULL_IDLE_TIMEOUT
    cull_interval: int = CULL_INTERVAL


@dataclass(frozen=True)
class ServePlan:
    """Everything needed to start Voila, worked out before anything starts."""

    options: ServeOptions
    root: Path
    output_dir: Path
    config: dict
    command: list[str]
    environment: dict[str, str] = field(repr=False)

    @property
    def url(self) -> str:
        """The address to open; never with the token, which stays out of logs and terminals."""
        host = self.options.ip
        if host in WILDCARD_ADDRESSES:
            host = socket.gethostname()
        elif ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{self.options.port}/"


#: Names that always reach this machine's loopback interface.
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")

#: Addresses that mean "every interface" when listened on.
WILDCARD_ADDRESSES = ("", "0.0.0.0", "::")

#: Shortest token accepted: long enough that it cannot be guessed over the network.
MIN_TOKEN_LENGTH = 16


def is_loopback(ip: str) -> bool:
    """True when ``ip`` only accepts connections from this machine."""
    if ip == "localhost":
        return True
    try:
        return ipaddress.ip_address(ip).is_loopback
    except ValueError:
        return False


def check_address(ip: str, token: str | None) -> None:
    """Refuse to expose the dashboard beyond this machine without a token."""
    if not is_loopback(ip) and not token:
        where = ip or "every network interface"
        raise SettingsError(
            f"Refusing to listen on {where} without a token: anyone who can reach this "
            "machine could read every case. Use --token (or WORKBENCH_TOKEN), or keep the "
            f"default --ip {DEFAULT_IP}.",
            field="ip",
        )


def check_token(token: str | None) -> None:
    """Refuse a token short enough to guess."""
    if token is not None and len(token) < MIN_TOKEN_LENGTH:
        raise SettingsError(
            f"The token is {len(token)} characters long; use at least {MIN_TOKEN_LENGTH} "
            "(for example the output of: python -c 'import secrets; "
            "print(secrets.token_urlsafe())')",
            field="token",
        )


def host_name(host_header: str) -> str:
    """The name in a ``Host`` header, without its port or IPv6 brackets, lower-cased."""
    host = host_header.strip().lower()
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    if host.count(":") == 1:
        host = host.split(":", 1)[0]
    return host


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def allowed_hosts(ip: str) -> list[str]:
    """The names the dashboard answers to when listening on ``ip``.

    Loopback, the address listened on (the machine's name when that is every
    interface, as in the address announced), and ``WORKBENCH_ALLOWED_HOSTS``.
    """
    hosts = list(LOOPBACK_NAMES)
    hosts.append(socket.gethostname() if ip in WILDCARD_ADDRESSES else ip)
    hosts.extend(settings.allowed_hosts())
    return list(dict.fromkeys(host_name(h) for h in hosts))


def host_allowed(host_header: str, allowed: Iterable[str], listening_on: str) -> bool:
    """Whether a request naming ``host_header`` may reach the dashboard.

    This is the defence against DNS rebinding: a page on another site that
    points its own name at this machine sends that name as the Host.  A
    server listening on every interface also answers to any IP address, since
    an address typed into the browser cannot be rebound.
    """
    name = host_name(host_header)
    if not name:
        return False
    if name in {host_name(a) for a in allowed}:
        return True
    return listening_on in WILDCARD_ADDRESSES and _is_ip(name)


def check_port(ip: str, port: int) -> None:
    """Fail early, with a plain message, when the port is taken.

    Voila would otherwise move to another port on its own, and the address the
    user was told would be wrong.
    """
    if not 0 < port < 65536:
        raise SettingsError(f"Port {port} is not a port number (1-65535)", field="port")
    family = socket.AF_INET6 if ":" in ip else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((ip or "", port))
        except OSError as exc:
            raise SettingsError(
                f"Cannot listen on {ip}:{port} ({exc.strerror}); choose another with --port",
                field="port",
            ) from None


def check_output_dir(output: Path, notebook: Path) -> None:
    """Refuse an output folder that would make private files downloadable.

    Everything under the output folder can be downloaded, so it must not hold
    the cases, the store or the notebooks.
    """
    private = {
        "the data folder": settings.data_dir(),
        "the cases folder": settings.cases_dir(),
        "the notebooks folder": notebook.parent,
        "the workbench package": Path(__file__).resolve().parent,
    }
    store = _sqlite_file(settings.db_url())
    if store is not None:
        private["the review store"] = store
    for name, folder in private.items():
        folder = folder.resolve()
        if output == folder or output in folder.parents:
            raise SettingsError(
                f"The output folder {output} contains {name} ({folder}); everything in the "
                "output folder can be downloaded from the dashboard. Set WORKBENCH_OUTPUT to "
                "a folder of its own.",
                field="output_dir",
                path=output,
            )


def _sqlite_file(url: str) -> Path | None:
    prefix = "sqlite:///"
    return Path(url[len(prefix) :]) if url.startswith(prefix) else None


def files_root(notebook: Path, output: Path) -> Path:
    """The folder Voila serves files from: the nearest one holding both paths."""
    return Path(os.path.commonpath([notebook.parent.resolve(), output.resolve()]))


def allowlist_pattern(root: Path, output: Path) -> str:
    """The one file allowlist entry: files (at any depth) in the output folder.

    Every path segment must start with something other than a dot, so neither
    ``..`` nor hidden files (such as a half-written export) can match.
    """
    relative = PurePosixPath(output.resolve().relative_to(root).as_posix())
    segment = r"[^/.][^/]*"
    return rf"{re.escape(str(relative))}/(?:{segment}/)*{segment}"


def websocket_limit(max_upload: int) -> int:
    """Largest websocket message Voila accepts: above the upload limit.

    Twice the limit plus headroom, so a file over the limit still arrives and
    the dashboard can say it is too big, instead of the connection dropping.
    """
    return 2 * max_upload + WEBSOCKET_HEADROOM


def voila_config(options: ServeOptions, root: Path, output: Path) -> dict:
    """Voila's whole configuration, as the JSON it reads."""
    voila: dict = {
        "ip": options.ip,
        "port": options.port,
        "port_retries": 0,
        "open_browser": False,
        "root_dir": str(root),
        "tornado_settings": {
            "websocket_max_message_size": websocket_limit(settings.max_upload_bytes())
        },
    }
    if options.token:
        voila["token"] = options.token
    return {
        "Voila": voila,
        "WorkbenchVoila": {"allowed_hosts": allowed_hosts(options.ip), "output_dir": str(output)},
        # The login form offers to set a password; the token is the only way in.
        "PasswordIdentityProvider": {"allow_password_change": False},
        "VoilaConfiguration": {
            "template": TEMPLATE,
            "file_allowlist": [allowlist_pattern(root, output)],
            "file_denylist": DENYLIST,
            "show_tracebacks": False,
            "preheat_kernel": options.preheat,
            "default_pool_size": 1 if options.preheat else 0,
            "extension_allowlist": EXTENSIONS,
        },
        "VoilaKernelManager": {"fill_delay": REFILL_DELAY},
        "MappingKernelManager": {
            "cull_idle_timeout": options.cull_idle_timeout,
            "cull_interval": options.cull_interval,
            "cull_connected": False,
            "cull_busy": False,
        },
    }


def voila_command(notebook: Path, config_dir: Path) -> list[str]:
    """The command line: the gated Voila, reading its config from ``config_dir`` alone."""
    return [
        sys.executable,
        "-m",
        VOILA_MODULE,
        str(notebook),
        f"--Voila.config_file_paths={config_dir}",
        "--no-browser",
    ]


def voila_environment(root: Path, output: Path, run_dir: Path, ip: str) -> dict[str, str]:
    """The environment of Voila and, through it, of every kernel.

    The workbench's own settings are passed as absolute paths so the kernel
    (which runs in the notebooks folder) sees the same data as this process.
    Jupyter's search paths from the user's environment are dropped; the only one set is
    the folder of the workbench's page template.
    """
    env = dict(os.environ)
    for variable in ("JUPYTER_PATH", "JUPYTER_CONFIG_PATH"):
        env.pop(variable, None)
    env["JUPYTER_PATH"] = str(TEMPLATE_ROOT)
    # The kernel runs in the notebook's folder: it gets every path absolute.
    env["WORKBENCH_DATA"] = str(settings.data_dir().resolve())
    env["WORKBENCH_DB"] = settings.db_url()
    env["WORKBENCH_TEMPLATES"] = str(settings.templates_dir().resolve())
    env["WORKBENCH_OUTPUT"] = str(output)
    env[FILES_ROOT_ENV] = str(root)
    env["JUPYTER_CONFIG_DIR"] = str(run_dir / "jupyter-config")
    env["JUPYTER_DATA_DIR"] = str(run_dir / "jupyter-data")
    env["JUPYTER_RUNTIME_DIR"] = str(run_dir / "jupyter-runtime")
    env["IPYTHONDIR"] = str(run_dir / "ipython")
    env["JUPYTER_PLATFORM_DIRS"] = "1"
    # Voila's preheated kernels call back to this address to learn that their
    # page was requested; a wildcard bind still answers on loopback.
    callback = DEFAULT_IP if ip in ("", "0.0.0.0", "::") else ip
    env["VOILA_APP_IP"] = f"[{callback}]" if ":" in callback else callback
    return env


def plan(options: ServeOptions, run_dir: Path) -> ServePlan:
    """Check the options and work out Voila's command, configuration and environment.

    ``run_dir`` is where the configuration will be written and Jupyter's
    folders will live; nothing is written here.
    """
    check_token(options.token)
    check_address(options.ip, options.token)
    notebook = options.notebook.resolve()
    if not notebook.is_file():
        raise SettingsError(f"The dashboard notebook {notebook} is missing", path=notebook)
    output = settings.output_dir().resolve()
    check_output_dir(output, notebook)
    root = files_root(notebook, output)
    return ServePlan(
        options=options,
        root=root,
        output_dir=output,
        config=voila_config(options, root, output),
        command=voila_command(notebook, run_dir),
        environment=voila_environment(root, output, run_dir, options.ip),
    )


def serve(options: ServeOptions, announce=print) -> int:
    """Run Voila until it stops (Ctrl-C or SIGTERM); return its exit status.

    Voila runs as a child in this process group, so Ctrl-C in a terminal
    reaches it directly; SIGTERM sent to this process is passed on.  Voila shuts
    its kernels down when it stops.  The run folder is removed afterwards.
    """
    run_dir = Path(tempfile.mkdtemp(prefix="workbench-serve-"))
    try:
        serve_plan = plan(options, run_dir)
        check_port(options.ip, options.port)
        serve_plan.output_dir.mkdir(parents=True, exist_ok=True)
        (run_dir / "voila.json").write_text(json.dumps(serve_plan.config, indent=2))
        how = " (open it with ?token=<your token> at the end)" if options.token else ""
        announce(f"Serving the dashboard at {serve_plan.url}{how}")
        announce(f"Exports are written to (and downloadable from) {serve_plan.output_dir}")
        return _run_child(serve_plan.command, serve_plan.environment)
    finally:
        shutil.rmtree(run_dir, ignore_errors=True)


def _run_child(command: list[str], env: dict[str, str]) -> int:
    child = subprocess.Popen(command, env=env)

    def pass_on(signum, _frame):
        if child.poll() is None:
            child.send_signal(signum)

    previous = {sig: signal.signal(sig, pass_on) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        while True:
            try:
                return child.wait()
            except KeyboardInterrupt:
                continue  # the child got the same Ctrl-C and is shutting down
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def download_url(path: str | Path) -> str:
    """The URL path, on the dashboard's server, that downloads an exported file.

    For the dashboard's download links (``<a href=... download>``), which work
    for files of any size, unlike data-URI links.  Only files in the output
    folder can be downloaded; anything else is an ``ExportError`` rather than
    a link that would answer 403.
    """
    output = settings.output_dir().resolve()
    target = Path(path).resolve()
    if output not in target.parents:
        raise ExportError(
            f"{target.name} is not in the output folder {output}, so it cannot be downloaded",
            path=target,
        )
    root = Path(os.environ.get(FILES_ROOT_ENV) or files_root(NOTEBOOK, output))
    if not re.fullmatch(allowlist_pattern(root, output), target.relative_to(root).as_posix()):
        raise ExportError(f"{target.name}: hidden files cannot be downloaded", path=target)
    base = os.environ.get("VOILA_BASE_URL", "/")
    return base + FILES_URL + "/".join(_quote(p) for p in target.relative_to(root).parts)


def _quote(part: str) -> str:
    from urllib.parse import quote

    return quote(part, safe="")

"""A throwaway PostgreSQL cluster for tests and benchmarks, started and removed by the caller.

Why start one rather than expect one: the store must be tested against a real PostgreSQL
on every run (CI included) without anyone having to set up a server, and without touching
one that exists.  :class:`Cluster` runs ``initdb`` and ``pg_ctl`` from the machine's
PostgreSQL server binaries (Debian's ``postgresql`` package) in a temporary folder, listens
on a Unix socket in that folder only (no TCP port, so runs never collide), and is removed
with everything in it by :meth:`Cluster.stop`.

PostgreSQL refuses to run as root, so when the tests run as root (CI does) the server runs
as an unprivileged user: ``postgres`` when Debian's package made it, else a system user
``workbench-pg`` created for the purpose.  Durability is switched off (``fsync=off``): the
data is thrown away, and it keeps the run fast.

Each test gets a schema of its own (:meth:`Cluster.schema_url`), so tests never see each
other's tables and nothing has to be dropped between them.

``WORKBENCH_TEST_POSTGRES`` names an existing server to use instead (an SQLAlchemy URL of a
database the tests may create schemas in); ``WORKBENCH_TEST_PG_BIN`` the folder holding
``initdb`` when it is somewhere unusual.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import quote

#: The cluster's superuser and database (trust authentication on its private socket).
ROLE = "workbench"
DATABASE = "workbench"
PORT = 5432  # only names the socket file: the server listens on no TCP port
SERVICE_USER = "workbench-pg"
DRIVER = "postgresql+psycopg"


class ClusterUnavailable(RuntimeError):
    """No PostgreSQL can be started here; the message says what is missing."""


def server_binaries() -> Path:
    """The folder holding ``initdb``, ``pg_ctl`` and ``postgres``."""
    chosen = os.environ.get("WORKBENCH_TEST_PG_BIN")
    candidates = [Path(chosen)] if chosen else []
    found = shutil.which("pg_ctl")
    if found:
        candidates.append(Path(found).resolve().parent)
    candidates += sorted(
        (Path(p) for p in glob.glob("/usr/lib/postgresql/*/bin")),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
        reverse=True,
    )
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    raise ClusterUnavailable(
        "no PostgreSQL server binaries (initdb, pg_ctl) found; install Debian's "
        "'postgresql' package or set WORKBENCH_TEST_PG_BIN"
    )


def _service_account() -> pwd.struct_passwd | None:
    """The unprivileged user the server runs as when we are root (None when we are not)."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", SERVICE_USER):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    nologin = "/usr/sbin/nologin" if Path("/usr/sbin/nologin").exists() else "/bin/false"
    made = subprocess.run(
        ["useradd", "--system", "--no-create-home", "--shell", nologin, SERVICE_USER],
        capture_output=True,
        text=True,
    )
    if made.returncode != 0:
        raise ClusterUnavailable(
            f"running as root, and could not create the user {SERVICE_USER} to run "
            f"PostgreSQL as: {made.stderr.strip()}"
        )
    return pwd.getpwnam(SERVICE_USER)


class Cluster:
    """A PostgreSQL server of our own in a temporary folder (see the module docstring)."""

    def __init__(self, url: str, folder: Path | None = None, binaries: Path | None = None):
        #: SQLAlchemy URL of the cluster's database, as its superuser.
        self.url = url
        self.folder = folder
        self._binaries = binaries
        self._account = _service_account() if folder is not None else None
        self._schemas = itertools.count(1)

    # -- starting and stopping ------------------------------------------------------------

    @classmethod
    def start(cls) -> Cluster:
        """Use ``WORKBENCH_TEST_POSTGRES`` if set, else start a cluster of our own.

        :raises ClusterUnavailable: saying why none could be had.
        """
        existing = os.environ.get("WORKBENCH_TEST_POSTGRES")
        if existing:
            cluster = cls(existing)
            cluster._check()
            return cluster
        binaries = server_binaries()
        folder = Path(tempfile.mkdtemp(prefix="wb-pg-"))  # short: a socket path has a limit
        cluster = cls(_socket_url(folder), folder, binaries)
        try:
            cluster._init_and_run()
            cluster._check()
        except BaseException:
            cluster.stop()
            raise
        return cluster

    def _as_server(self, command: list[str], timeout: float = 120) -> None:
        account = self._account
        options: dict = {}
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C", "LANG": "C"}
        if account is not None:
            options = {"user": account.pw_uid, "group": account.pw_gid, "extra_groups": []}
            env["HOME"] = str(self.folder)
        done = subprocess.run(
            command, capture_output=True, text=True, env=env, timeout=timeout, **options
        )
        if done.returncode != 0:
            log = self.folder / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise ClusterUnavailable(
                f"{Path(command[0]).name} failed ({done.returncode}): "
                f"{(done.stderr or done.stdout).strip()[-2000:]}\n{tail}"
            )

    def _init_and_run(self) -> None:
        assert self.folder is not None and self._binaries is not None
        if self._account is not None:
            os.chown(self.folder, self._account.pw_uid, self._account.pw_gid)
        self.folder.chmod(0o755)
        data = self.folder / "data"
        self._as_server(
            [
                str(self._binaries / "initdb"),
                "--pgdata",
                str(data),
                "--username",
                ROLE,
                "--auth",
                "trust",
                "--encoding",
                "UTF8",
                "--no-locale",  # byte order, as SQLite sorts: the two stores list alike
                "--no-sync",
            ]
        )
        settings = (
            f"-k {self.folder} -p {PORT} -c listen_addresses='' -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=100"
        )
        self._as_server(
            [
                str(self._binaries / "pg_ctl"),
                "--pgdata",
                str(data),
                "--log",
                str(self.folder / "server.log"),
                "--options",
                settings,
                "--wait",
                "--timeout",
                "60",
                "start",
            ]
        )
        self._create_database()

    def _create_database(self) -> None:
        import sqlalchemy as sa

        engine = sa.create_engine(self.url.replace(f"/{DATABASE}?", "/postgres?"))
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{DATABASE}"')
        engine.dispose()

    def _check(self) -> None:
        import sqlalchemy as sa

        try:
            engine = sa.create_engine(self.url)
            with engine.connect() as conn:
                conn.exec_driver_sql("SELECT 1")
            engine.dispose()
        except Exception as exc:  # noqa: BLE001 - any failure means: no server to test on
            raise ClusterUnavailable(f"cannot connect to PostgreSQL at {self.url}: {exc}") from exc

    def stop(self) -> None:
        """Stop the server (if we started it) and remove its folder."""
        if self.folder is None:
            return
        data = self.folder / "data"
        if (data / "postmaster.pid").exists() and self._binaries is not None:
            try:
                self._as_server(
                    [
                        str(self._binaries / "pg_ctl"),
                        "--pgdata",
                        str(data),
                        "--mode",
                        "immediate",
                        "--wait",
                        "stop",
                    ],  # fmt: skip
                    timeout=60,
                )
            except (ClusterUnavailable, subprocess.TimeoutExpired):
                pass
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder = None

    # -- what tests use ---------------------------------------------------------------------

    def schema_url(self, prefix: str = "t") -> str:
        """A fresh, empty schema of its own, as a store URL whose tables all go there."""
        import sqlalchemy as sa

        name = f"{prefix}_{os.getpid()}_{next(self._schemas)}"
        engine = sa.create_engine(self.url)
        with engine.begin() as conn:
            conn.exec_driver_sql(f'CREATE SCHEMA "{name}"')
        engine.dispose()
        return with_search_path(self.url, name)

    def __enter__(self) -> Cluster:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _socket_url(folder: Path) -> str:
    return f"{DRIVER}://{ROLE}@/{DATABASE}?host={quote(str(folder))}&port={PORT}"


def with_search_path(url: str, schema: str) -> str:
    """``url`` with every unqualified table name resolved in ``schema``."""
    joiner = "&" if "?" in url else "?"
    return f"{url}{joiner}options={quote(f'-csearch_path={schema}')}"

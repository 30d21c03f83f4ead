"""Opening the store's database: engines for SQLite and PostgreSQL, and the transactions.

:class:`Database` is what every part of :class:`~workbench.store.Store` stands on: it turns
a URL or a path into an engine (SQLite in WAL mode, writers queueing on ``BEGIN IMMEDIATE``;
PostgreSQL through psycopg 3), brings the schema up to date on opening, falls back to
reading a file whose folder cannot be written, and turns database errors into one-line
:class:`~workbench.errors.StoreError` messages.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Self

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import StaticPool

from ..errors import StoreError
from . import schema


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def stamp(moment: dt.datetime) -> str:
    """A timestamp as stored: ISO 8601 in UTC, to the microsecond, so text order is time order."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")


def parse_stamp(text: str) -> dt.datetime:
    moment = dt.datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _normalise_url(url: str | Path | None) -> str:
    if url is None:
        from .. import settings

        return settings.db_url()
    text = str(url)
    if text == ":memory:":
        return "sqlite:///:memory:"
    if "://" not in text:
        return f"sqlite:///{Path(text).expanduser().resolve()}"
    return text


BUSY_TIMEOUT = 30  # seconds a connection waits for another's lock before giving up


def _switch_to_wal(cursor: sqlite3.Cursor) -> None:
    """Put the database in WAL mode, waiting while another connection writes to it.

    Changing the journal mode needs the file to itself. When another connection holds the
    write lock, SQLite answers "database is locked" at once rather than calling the busy
    handler (waiting could deadlock in its own lock order), so the timeout does not apply;
    servers starting together on one new database hit this. Retry until the same timeout.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _sqlite_on_connect(in_memory: bool) -> Callable[..., None]:
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite's own handling
        # defers it), so write transactions can take the lock up front.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        if not in_memory:
            _switch_to_wal(cursor)
            cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    return on_connect


def _sqlite_on_begin(conn: Connection) -> None:
    # IMMEDIATE takes the write lock at BEGIN, so two writers queue (busy timeout) instead of
    # one failing half-way with "database is locked"; reads ask for a deferred BEGIN.
    mode = "DEFERRED" if conn.get_execution_options().get("workbench_read") else "IMMEDIATE"
    conn.exec_driver_sql(f"BEGIN {mode}")


def _make_engine(url: str) -> Engine:
    try:
        parsed = sa.make_url(url)
    except sa.exc.ArgumentError as exc:
        raise StoreError(f"Cannot use this as a store URL: {exc}") from exc
    if parsed.drivername == "postgresql":
        # SQLAlchemy's default driver is psycopg2; the workbench installs psycopg 3
        # (the ``postgres`` extra), so a plain postgresql:// URL means that one.
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() != "sqlite":
        shown = parsed.render_as_string(hide_password=True)
        try:
            return sa.create_engine(parsed, pool_pre_ping=True)
        except ImportError as exc:
            raise StoreError(
                f"Cannot open the store {shown}: its database driver is not installed ({exc}); "
                "for PostgreSQL install the workbench's postgres extra "
                "(pip install -e '.[postgres]')"
            ) from exc
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"Cannot open the store {shown}: {exc}") from exc
    database = parsed.database or ""
    in_memory = database in ("", ":memory:") or "mode=memory" in database
    connect_args = {"timeout": BUSY_TIMEOUT, "check_same_thread": False}
    options: dict[str, Any] = {"connect_args": connect_args}
    if in_memory:
        options["poolclass"] = StaticPool  # one shared connection, or each would be a new DB
    else:
        try:
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"Cannot create the folder for the store {database}: {exc}") from exc
    engine = sa.create_engine(parsed, **options)
    sa.event.listen(engine, "connect", _sqlite_on_connect(in_memory))
    sa.event.listen(engine, "begin", _sqlite_on_begin)
    return engine


#: What SQLite says when it may not write the store's file or folder.
_READ_ONLY_SIGNS = ("unable to open database file", "readonly database")


def _read_only_engine(url: str) -> Engine | None:
    """An engine that only reads the SQLite file at ``url``, or None when that is not one.

    For a store whose folder cannot be written (a read-only share, a copied backup):
    SQLite cannot create the files it keeps beside a database in WAL mode there, so
    the file is opened read-only, or when even that needs those files and no write
    is pending in them, as immutable.
    """
    parsed = sa.make_url(url)
    database = parsed.database or ""
    if parsed.get_backend_name() != "sqlite" or not database or database == ":memory:":
        return None
    path = Path(database).expanduser()
    if not path.is_file():
        return None
    uri = path.resolve().as_uri()

    def connect() -> sqlite3.Connection:
        try:
            connection = sqlite3.connect(
                f"{uri}?mode=ro", uri=True, timeout=30, check_same_thread=False
            )
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return connection
        except sqlite3.OperationalError:
            wal = path.with_name(path.name + "-wal")
            if wal.exists() and wal.stat().st_size:
                raise  # changes not yet in the file itself: reading it alone would be stale
            return sqlite3.connect(
                f"{uri}?immutable=1", uri=True, timeout=30, check_same_thread=False
            )

    engine = sa.create_engine("sqlite://", creator=connect)
    sa.event.listen(engine, "connect", _sqlite_on_connect_read_only)
    sa.event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN DEFERRED"))
    return engine


def _sqlite_on_connect_read_only(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None


class Database:
    """One database with the review store's schema, opened for reading and writing.

    :param url: SQLAlchemy URL, a file path, or ``":memory:"``; default
        :func:`workbench.settings.db_url` (``<data>/workbench.db``).
    :param clock: returns "now" (timezone-aware); tests pass a fixed one.
    :raises StoreError: when the database cannot be opened or migrated.
    """

    def __init__(
        self, url: str | Path | None = None, *, clock: Callable[[], dt.datetime] = utc_now
    ) -> None:
        self.url = _normalise_url(url)
        self._clock = clock
        self._engine = _make_engine(self.url)
        #: True when the store's folder cannot be written: reading works, saving says so.
        self.read_only = False
        try:
            self.applied_migrations = self._migrate()
        except StoreError as exc:
            if not any(sign in str(exc) for sign in _READ_ONLY_SIGNS):
                raise
            self._open_read_only(exc)

    def _open_read_only(self, why: StoreError) -> None:
        engine = _read_only_engine(self.url)
        if engine is None:
            raise why
        self._engine.dispose()
        self._engine, self.read_only = engine, True
        try:
            current = self._up_to_date()
        except StoreError:
            raise why from None
        if not current:
            raise StoreError(
                f"The review store ({self.display_url}) cannot be written here and needs "
                "upgrading first; open it once where it can be written"
            )
        self.applied_migrations = []

    def __repr__(self) -> str:
        return f"Store({self.display_url!r})"

    @property
    def display_url(self) -> str:
        """The URL with any password hidden, for messages."""
        return sa.make_url(self.url).render_as_string(hide_password=True)

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- plumbing --------------------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """One write transaction; database errors become a :class:`StoreError`."""
        if self.read_only:
            raise StoreError(
                f"The review store ({self.display_url}) is read-only here (its folder cannot "
                "be written); nothing was saved"
            )
        with self._translate(), self._engine.begin() as conn:
            yield conn

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self._translate(), self._engine.connect() as conn:
            conn.execution_options(workbench_read=True)
            with conn.begin():
                yield conn

    @contextmanager
    def _translate(self) -> Iterator[None]:
        try:
            yield
        except sa.exc.SQLAlchemyError as exc:
            detail = " ".join(str(getattr(exc, "orig", None) or exc).split())  # one line
            raise StoreError(f"The review store ({self.display_url}) failed: {detail}") from exc

    def _now(self) -> str:
        return stamp(self._clock())

    def _migrate(self) -> list[str]:
        """Apply the migrations this database lacks; a store already up to date takes no lock.

        Checking first, in a read transaction, keeps ``review list`` from queueing behind
        a writer (and works on a database it may not write to).
        """
        if self._up_to_date():
            return []
        with self._write() as conn:
            return schema.migrate(conn, self._now())

    def _up_to_date(self) -> bool:
        with self._read() as conn:
            return schema.up_to_date(conn)

    def migrations(self) -> list[str]:
        """Names of the migrations this database has had, in the order applied."""
        with self._read() as conn:
            return schema.applied(conn)

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A connection in one read transaction (a consistent snapshot), for reporting.

        ``workbench.register`` reads the projection through it with pandas; database
        errors become a :class:`StoreError`.
        """
        with self._read() as conn:
            yield conn

    @staticmethod
    def _who(who: str) -> str:
        if not str(who or "").strip():
            raise StoreError("Every change needs the name of the person making it")
        return who.strip()

"""The review store: every read and write of a review goes through this module.

Why one small module: the reviewer's work must survive a crash, two people
must never silently overwrite each other, and every change must be traceable.
Those three promises are easiest to keep (and to check) in one place:

* **Every change is one transaction.**  A field edit validates through the model,
  then writes the review, its version row and the audit rows together, so a
  killed kernel leaves the last committed state and nothing half-written.
  SQLite runs in WAL mode with ``synchronous=FULL`` and foreign keys on.
* **Optimistic locking.**  Each review row has a ``row_version``; a write must say
  which one it started from (the token :meth:`Store.open_review` hands out) and a
  stale one raises :class:`~workbench.errors.ConflictError` naming who changed it.
* **An append-only audit trail** (when, who, what, old and new value) that the
  database itself refuses to update, delete or replace, and frozen completed versions.
  Each case's trail is a hash chain (:mod:`workbench.audit_chain`), so tampering
  behind the store's back shows (``Store.verify_audit``, ``workbench audit verify``).

Built on SQLAlchemy Core with portable SQL, so moving from the embedded SQLite
file to PostgreSQL is a change of URL (``WORKBENCH_DB=postgresql://...``, read
with psycopg 3); every store test runs on both (``tests/store_backends.py``).
Case folders stay the one source of case documents; the store holds the reviews (and
the dashboard's place, so a reopened page resumes where the reviewer was).

Usage::

    store = Store()                                  # settings.db_url(), data/workbench.db
    review, token = store.open_review("IC-1")
    review, token = store.edit("IC-1", "points.0.finding", "incorrect", "ann", token)
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

import sqlalchemy as sa
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
)
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.engine import Connection, Engine, Row
from sqlalchemy.pool import StaticPool

from . import audit_chain, exchange, projection
from .cases import case_id_problem
from .errors import ConflictError, DocumentError, ReviewError, StoreError
from .outcomes import Outcome
from .review import PathLike, Review, ReviewStatus, explain, join_path

#: Marks a file written by :meth:`Store.export_json`.
EXPORT_FORMAT = "workbench-review"
EXPORT_FORMAT_VERSION = 2
#: Largest review or audit version number accepted from a file (the database's integers).
MAX_VERSION = 2**31 - 1


class ReviewNotFound(StoreError):
    """The store holds no review (or no such version) for the case."""


metadata = sa.MetaData()

migrations_table = sa.Table(
    "migrations",
    metadata,
    sa.Column("name", sa.String(100), primary_key=True),
    sa.Column("applied_at", sa.String(40), nullable=False),
)

#: The current version of each case's review: the row edits lock against.
reviews_table = sa.Table(
    "reviews",
    metadata,
    sa.Column("case_id", sa.String(80), primary_key=True),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("data", sa.JSON, nullable=False),
    sa.Column("row_version", sa.Integer, nullable=False),
    sa.Column("updated_at", sa.String(40), nullable=False),
    sa.Column("updated_by", sa.String(200), nullable=False),
)

#: Every version of every review, so earlier (completed, frozen) versions stay readable.
versions_table = sa.Table(
    "review_versions",
    metadata,
    sa.Column("case_id", sa.String(80), sa.ForeignKey("reviews.case_id"), primary_key=True),
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("data", sa.JSON, nullable=False),
    sa.Column("saved_at", sa.String(40), nullable=False),
    sa.Column("saved_by", sa.String(200), nullable=False),
)

#: What changed, when and by whom; never updated or deleted.
audit_table = sa.Table(
    "audit",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.String(40), nullable=False),
    sa.Column("who", sa.String(200), nullable=False),
    sa.Column("case_id", sa.String(80), sa.ForeignKey("reviews.case_id"), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("action", sa.String(20), nullable=False),
    sa.Column("field_path", sa.String(500), nullable=False),
    sa.Column("old_value", sa.JSON, nullable=True),
    sa.Column("new_value", sa.JSON, nullable=True),
    # The hash chain (workbench.audit_chain): the case's previous row's hash, and this row's.
    sa.Column("prev_hash", sa.String(64), nullable=True),
    sa.Column("row_hash", sa.String(64), nullable=True),
    sa.Index("ix_audit_case", "case_id", "id"),
)

#: Small settings of the installation's dashboard, by key (``"place"``: where the reviewer was).
workspace_table = sa.Table(
    "workspace",
    metadata,
    sa.Column("key", sa.String(100), primary_key=True),
    sa.Column("value", sa.JSON, nullable=False),
    sa.Column("updated_at", sa.String(40), nullable=False),
)

#: The workspace key of the reviewer's place (one per installation without sign-in).
PLACE_KEY = "place"


def _place_key(user: str | None) -> str:
    """The workspace key of a signed-in user's place, or the installation's."""
    return f"{PLACE_KEY}:{user}" if user else PLACE_KEY


# -- migrations ------------------------------------------------------------------------------
# Named, applied once each in order and recorded in ``migrations``.  Never edit one that has
# shipped: add a new one.


def _create_tables(conn: Connection) -> None:
    metadata.create_all(conn, tables=[reviews_table, versions_table, audit_table])


_SQLITE_GUARDS = (
    """CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
       BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END""",
    """CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
       BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END""",
    """CREATE TRIGGER completed_version_no_update BEFORE UPDATE ON review_versions
       WHEN OLD.status = 'completed'
       BEGIN SELECT RAISE(ABORT, 'a completed review version is frozen'); END""",
    """CREATE TRIGGER completed_version_no_delete BEFORE DELETE ON review_versions
       WHEN OLD.status = 'completed'
       BEGIN SELECT RAISE(ABORT, 'a completed review version is frozen'); END""",
)

_POSTGRES_GUARDS = (
    """CREATE FUNCTION workbench_audit_append_only() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION 'the audit trail is append-only'; END; $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit
       FOR EACH ROW EXECUTE FUNCTION workbench_audit_append_only()""",
    """CREATE FUNCTION workbench_completed_frozen() RETURNS trigger AS $$
       BEGIN
         IF OLD.status = 'completed' THEN
           RAISE EXCEPTION 'a completed review version is frozen';
         END IF;
         IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
         RETURN NEW;
       END; $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER completed_version_frozen BEFORE UPDATE OR DELETE ON review_versions
       FOR EACH ROW EXECUTE FUNCTION workbench_completed_frozen()""",
)


def _protect_history(conn: Connection) -> None:
    """Make the database itself refuse to rewrite the audit trail or a completed version.

    The store never issues such statements; the triggers catch anyone else's tool.
    Dialects without triggers written here rely on the store's own code.
    """
    guards = {"sqlite": _SQLITE_GUARDS, "postgresql": _POSTGRES_GUARDS}
    for statement in guards.get(conn.dialect.name, ()):
        conn.exec_driver_sql(statement)


#: Restores the update guard after the hash-chain migration filled in the hashes.
_SQLITE_NO_UPDATE = _SQLITE_GUARDS[0]

_SQLITE_CHAIN_GUARDS = (
    # INSERT OR REPLACE deletes the old row without firing the delete guard.
    """CREATE TRIGGER audit_no_replace BEFORE INSERT ON audit
       WHEN EXISTS (SELECT 1 FROM audit WHERE id = NEW.id)
       BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END""",
    """CREATE TRIGGER audit_heads_no_delete BEFORE DELETE ON audit_heads
       BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END""",
)

_POSTGRES_CHAIN_GUARDS = (
    # PostgreSQL has no INSERT OR REPLACE; ON CONFLICT DO UPDATE fires the update guard.
    """CREATE TRIGGER audit_heads_no_delete BEFORE DELETE ON audit_heads
       FOR EACH ROW EXECUTE FUNCTION workbench_audit_append_only()""",
)

#: The triggers ``workbench audit verify`` expects to find, per dialect.
AUDIT_GUARDS = {
    "sqlite": ("audit_no_update", "audit_no_delete", "audit_no_replace", "audit_heads_no_delete"),
    "postgresql": ("audit_append_only", "audit_heads_no_delete"),
}


def _chain_audit(conn: Connection) -> None:
    """Hash-chain the audit trail (:mod:`workbench.audit_chain`), existing rows included.

    The update guard is lifted for the one statement that fills in the hashes of the
    rows already there, then restored, all inside this migration's transaction.
    """
    present = {column["name"] for column in sa.inspect(conn).get_columns("audit")}
    for name in ("prev_hash", "row_hash"):
        if name not in present:  # a store created before the chain existed
            conn.exec_driver_sql(f"ALTER TABLE audit ADD COLUMN {name} VARCHAR(64)")
    audit_chain.heads_metadata.create_all(conn)
    dialect = conn.dialect.name
    if dialect == "sqlite":
        conn.exec_driver_sql("DROP TRIGGER audit_no_update")
    elif dialect == "postgresql":
        conn.exec_driver_sql("ALTER TABLE audit DISABLE TRIGGER audit_append_only")
    audit_chain.chain_existing(conn, audit_table)
    if dialect == "sqlite":
        conn.exec_driver_sql(_SQLITE_NO_UPDATE)
    elif dialect == "postgresql":
        conn.exec_driver_sql("ALTER TABLE audit ENABLE TRIGGER audit_append_only")
    guards = {"sqlite": _SQLITE_CHAIN_GUARDS, "postgresql": _POSTGRES_CHAIN_GUARDS}
    for statement in guards.get(dialect, ()):
        conn.exec_driver_sql(statement)


def _add_review_exchange(conn: Connection) -> None:
    """Lineage of each version's content, and imported history kept apart (:mod:`.exchange`)."""
    exchange.exchange_metadata.create_all(conn)
    exchange.seed_revisions(conn, versions_table)
    guards = {"sqlite": exchange.SQLITE_GUARDS, "postgresql": exchange.POSTGRES_GUARDS}
    for statement in guards.get(conn.dialect.name, ()):
        conn.exec_driver_sql(statement)


def _rebuild_projection(conn: Connection) -> RebuildResult:
    """Regenerate the register projection from every current review's JSON."""
    projection.clear(conn)
    projected, skipped = 0, []
    query = sa.select(
        reviews_table.c.case_id,
        reviews_table.c.data,
        reviews_table.c.updated_at,
        reviews_table.c.updated_by,
    ).order_by(reviews_table.c.case_id)
    batch: list[tuple[Review, str, str]] = []
    for row in conn.execute(query):
        try:
            batch.append((Review.from_json(row.data), row.updated_at, row.updated_by))
        except ReviewError:
            skipped.append(row.case_id)  # unreadable here; open_review names the problem
            continue
        if len(batch) == 5000:
            projected += _project_batch(conn, batch)
            batch = []
    projected += _project_batch(conn, batch)
    return RebuildResult(projected, skipped)


def _project_batch(conn: Connection, batch: list[tuple[Review, str, str]]) -> int:
    rows = projection.ProjectedRows()
    dues = projection.bulk_dues([review for review, _, _ in batch])
    for (review, at, who), due in zip(batch, dues, strict=True):
        projection.project(review, at, who, due, into=rows)
    projection.insert(conn, rows)
    return len(batch)


def _create_register_projection(conn: Connection) -> None:
    """The register's queryable rows (:mod:`workbench.projection`), filled from existing reviews."""
    projection.create_tables(conn)
    _rebuild_projection(conn)


def _create_register_grounds(conn: Connection) -> None:
    """The register's rows of grounds (schema 3 reviews); reviews saved before have none."""
    projection.create_tables(conn, [projection.register_grounds])


def _create_workspace(conn: Connection) -> None:
    """Where the dashboard keeps the reviewer's place, so reopening the page resumes there."""
    metadata.create_all(conn, tables=[workspace_table])


#: PostgreSQL advisory lock key held while migrating ("wbmigrat" in ASCII).
_MIGRATION_LOCK = 0x77626D6967726174

MIGRATIONS: tuple[tuple[str, Callable[[Connection], None]], ...] = (
    ("0001_create_review_tables", _create_tables),
    ("0002_protect_history", _protect_history),
    ("0003_register_projection", _create_register_projection),
    ("0004_workspace", _create_workspace),
    ("0005_audit_hash_chain", _chain_audit),
    ("0006_review_exchange", _add_review_exchange),
    ("0007_register_grounds", _create_register_grounds),
)


def _insert_audit(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Append audit rows, each linked into its case's hash chain."""
    if rows:
        audit_chain.link(conn, rows)
        conn.execute(audit_table.insert(), rows)


# -- rows handed to callers ------------------------------------------------------------------


@dataclass(frozen=True)
class AuditEntry:
    """One change: when, who, which review version, what field, old and new value."""

    id: int
    at: dt.datetime
    who: str
    case_id: str
    version: int
    action: str
    field_path: str
    old_value: Any
    new_value: Any


@dataclass(frozen=True)
class VersionInfo:
    """One version of a review, for a version history list."""

    case_id: str
    version: int
    status: ReviewStatus
    saved_at: dt.datetime
    saved_by: str
    signed_off_by: str | None
    signed_off_on: dt.date | None
    outcome: Outcome | None


@dataclass(frozen=True)
class ReviewSummary:
    """One row of the dashboard's case list and the review register."""

    case_id: str
    version: int
    status: ReviewStatus
    reviewer: str
    #: The sign-in name the review is allocated to ("" when nobody).
    allocated_to: str
    review_requested: dt.date | None
    due_date: dt.date | None
    late: bool
    outcome: Outcome | None
    points: int
    points_decided: int
    updated_at: dt.datetime
    updated_by: str
    #: The reference and regime as the reviewer corrected them (None: as read).
    reference: str | None = None
    regime: str | None = None


@dataclass(frozen=True)
class Place:
    """Where the reviewer was in the dashboard: the case opened and the tab shown."""

    case_id: str
    tab: str
    updated_at: dt.datetime


@dataclass(frozen=True)
class RebuildResult:
    """What :meth:`Store.rebuild_register` did: reviews projected, and any it could not read."""

    reviews: int
    skipped: list[str]


@dataclass(frozen=True)
class ImportResult:
    """What :meth:`Store.import_json` did."""

    case_id: str
    version: int
    action: Literal["created", "updated", "unchanged"]
    message: str


_Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
_Version = Annotated[int, Field(ge=1, le=MAX_VERSION)]


class _ExportedVersion(BaseModel):
    model_config = ConfigDict(extra="forbid")

    version: _Version
    status: ReviewStatus
    saved_at: dt.datetime
    saved_by: str = Field(max_length=200)
    review: dict[str, Any]
    #: Format 2: the hash of ``review`` and of every content it descends from.
    sha256: _Sha256 | None = None
    revisions: list[_Sha256] = Field(default_factory=list, max_length=1_000_000)


class _ExportedAudit(BaseModel):
    model_config = ConfigDict(extra="forbid")

    at: dt.datetime
    who: str = Field(max_length=200)
    version: _Version
    action: str = Field(max_length=20)
    field_path: str = Field(max_length=500)
    old_value: Any = None
    new_value: Any = None


class _ExportFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    format: Literal["workbench-review"]
    format_version: int
    exported_at: dt.datetime
    case_id: str
    versions: list[_ExportedVersion]
    audit: list[_ExportedAudit] = []

    @field_validator("case_id")
    @classmethod
    def _valid_case_id(cls, value: str) -> str:
        problem = case_id_problem(value)
        if problem:
            raise ValueError(problem)
        return value


@dataclass(frozen=True)
class ImportedAuditEntry:
    """An audit row another installation wrote, as it tells it, and the import that brought it."""

    at: dt.datetime
    who: str
    version: int
    action: str
    field_path: str
    old_value: Any
    new_value: Any
    source: str
    imported_by: str
    imported_at: dt.datetime


# -- helpers ---------------------------------------------------------------------------------


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _stamp(moment: dt.datetime) -> str:
    """A timestamp as stored: ISO 8601 in UTC, to the microsecond, so text order is time order."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")


def _corrected(review: Review, fact: str) -> str | None:
    """A fact of the case as the reviewer corrected it, or None where it stands as read."""
    correction = review.corrections.get(fact)
    value = correction.corrected if correction is not None else None
    return str(value) if value not in (None, "") else None


def _parse_stamp(text: str) -> dt.datetime:
    moment = dt.datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def diff_json(old: Any, new: Any, path: tuple[str | int, ...] = ()) -> list[tuple[str, Any, Any]]:
    """The leaf-level differences between two JSON values as (path, old, new).

    Objects are compared key by key and lists of objects item by item, so an edit to
    one finding is recorded as that finding; lists of plain values (remedies, change
    reasons) are recorded whole because that is how a reader thinks of them.
    """
    if old == new:
        return []
    if isinstance(old, dict) and isinstance(new, dict):
        changes = []
        for key in dict.fromkeys([*old, *new]):
            where = (*path, key)
            if key not in old:
                changes.append((join_path(where), None, new[key]))
            elif key not in new:
                changes.append((join_path(where), old[key], None))
            else:
                changes += diff_json(old[key], new[key], where)
        return changes
    objects = isinstance(old, list) and isinstance(new, list)
    if objects and all(isinstance(item, dict) for item in [*old, *new]):
        changes = []
        for index in range(max(len(old), len(new))):
            where = (*path, index)
            if index >= len(old):
                changes.append((join_path(where), None, new[index]))
            elif index >= len(new):
                changes.append((join_path(where), old[index], None))
            else:
                changes += diff_json(old[index], new[index], where)
        return changes
    return [(join_path(path), old, new)]


def _normalise_url(url: str | Path | None) -> str:
    if url is None:
        from . import settings

        return settings.db_url()
    text = str(url)
    if text == ":memory:":
        return "sqlite:///:memory:"
    if "://" not in text:
        return f"sqlite:///{Path(text).expanduser().resolve()}"
    return text


def _sqlite_on_connect(in_memory: bool) -> Callable[..., None]:
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite's own handling
        # defers it), so write transactions can take the lock up front.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        if not in_memory:
            cursor.execute("PRAGMA journal_mode=WAL")
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
    options: dict[str, Any] = {"connect_args": {"timeout": 30, "check_same_thread": False}}
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


class Store:
    """The reviews, their versions and the audit trail, in one database.

    :param url: SQLAlchemy URL, a file path, or ``":memory:"``; default
        :func:`workbench.settings.db_url` (``<data>/workbench.db``).
    :param clock: returns "now" (timezone-aware); tests pass a fixed one.
    :raises StoreError: when the database cannot be opened or migrated.
    """

    def __init__(
        self, url: str | Path | None = None, *, clock: Callable[[], dt.datetime] = _utc_now
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

    def __enter__(self) -> Store:
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
        return _stamp(self._clock())

    def _migrate(self) -> list[str]:
        """Apply the migrations this database lacks; a store already up to date takes no lock.

        Checking first, in a read transaction, keeps ``review list`` from queueing behind
        a writer (and works on a database it may not write to).
        """
        if self._up_to_date():
            return []
        with self._write() as conn:
            if conn.dialect.name == "postgresql":
                # A team's servers may open a new database at the same moment: one migrates,
                # the others wait here and then find nothing to do.  (SQLite's BEGIN
                # IMMEDIATE already queues them.)
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK})")
            metadata.create_all(conn, tables=[migrations_table])
            done = set(conn.execute(sa.select(migrations_table.c.name)).scalars())
            applied = []
            for name, migration in MIGRATIONS:
                if name not in done:
                    migration(conn)
                    conn.execute(
                        migrations_table.insert().values(name=name, applied_at=self._now())
                    )
                    applied.append(name)
        return applied

    def _up_to_date(self) -> bool:
        with self._read() as conn:
            if not sa.inspect(conn).has_table(migrations_table.name):
                return False
            done = set(conn.execute(sa.select(migrations_table.c.name)).scalars())
        return all(name in done for name, _ in MIGRATIONS)

    def migrations(self) -> list[str]:
        """Names of the migrations this database has had, in the order applied."""
        with self._read() as conn:
            query = sa.select(migrations_table.c.name).order_by(migrations_table.c.name)
            return list(conn.execute(query).scalars())

    @staticmethod
    def _who(who: str) -> str:
        if not str(who or "").strip():
            raise StoreError("Every change needs the name of the person making it")
        return who.strip()

    def _head(self, conn: Connection, case_id: str) -> Row:
        row = conn.execute(
            sa.select(reviews_table).where(reviews_table.c.case_id == case_id)
        ).first()
        if row is None:
            raise ReviewNotFound(
                f"No review for case {case_id!r} yet; start one with "
                f"'workbench review start {case_id} --reviewer NAME'",
                case_id=case_id,
            )
        return row

    def _conflict(self, row: Row) -> ConflictError:
        changed = _parse_stamp(row.updated_at).astimezone()
        local_now = _parse_stamp(self._now()).astimezone()
        when = (
            f"{changed:%H:%M}"
            if changed.date() == local_now.date()
            else f"{changed:%H:%M on %d %b %Y}"
        )
        return ConflictError(
            f"The review of {row.case_id} was changed by {row.updated_by} at {when} since you "
            "opened it; reload to see their changes",
            case_id=row.case_id,
            changed_by=row.updated_by,
            changed_at=row.updated_at,
            row_version=row.row_version,
        )

    def _check_token(self, row: Row, expected: int | None) -> None:
        if expected is not None and row.row_version != expected:
            raise self._conflict(row)

    def _put_version(self, conn: Connection, review: Review, at: str, who: str) -> None:
        key = (versions_table.c.case_id == review.case_id) & (
            versions_table.c.version == review.version
        )
        existing = conn.execute(sa.select(versions_table.c.status).where(key)).scalar()
        data = review.to_json()
        values = dict(status=review.status.value, data=data, saved_at=at, saved_by=who)
        exchange.record(conn, review.case_id, review.version, [exchange.content_hash(data)])
        if existing is None:
            conn.execute(
                versions_table.insert().values(
                    case_id=review.case_id, version=review.version, **values
                )
            )
        elif existing == ReviewStatus.COMPLETED.value:
            raise ReviewError(
                f"Version {review.version} of the review of {review.case_id} is completed and "
                "frozen; start a new version to change it",
                case_id=review.case_id,
            )
        else:
            conn.execute(versions_table.update().where(key).values(**values))

    def _append_audit(
        self,
        conn: Connection,
        review: Review,
        who: str,
        at: str,
        action: str,
        changes: Sequence[tuple[str, Any, Any]],
    ) -> None:
        rows = [
            dict(
                at=at,
                who=who,
                case_id=review.case_id,
                version=review.version,
                action=action,
                field_path=path,
                old_value=old,
                new_value=new,
            )
            for path, old, new in changes
        ]
        _insert_audit(conn, rows)

    def _replace(
        self, conn: Connection, row: Row, review: Review, who: str, action: str, changes: list
    ) -> int:
        """Write ``review`` over the head ``row`` (which it must still be) with its audit rows."""
        at = self._now()
        result = conn.execute(
            reviews_table.update()
            .where(reviews_table.c.case_id == row.case_id)
            .where(reviews_table.c.row_version == row.row_version)
            .values(
                version=review.version,
                status=review.status.value,
                data=review.to_json(),
                row_version=row.row_version + 1,
                updated_at=at,
                updated_by=who,
            )
        )
        if result.rowcount != 1:  # another writer got in between (PostgreSQL, no IMMEDIATE)
            raise self._conflict(self._head(conn, row.case_id))
        self._put_version(conn, review, at, who)
        self._append_audit(conn, review, who, at, action, changes)
        projection.write(conn, review, at, who)
        return row.row_version + 1

    # -- reading ---------------------------------------------------------------------------

    def open_review(self, case_id: str) -> tuple[Review, int]:
        """The current version of a case's review, and the token a later write must quote."""
        with self._read() as conn:
            row = self._head(conn, case_id)
            return Review.from_json(row.data), row.row_version

    def get(self, case_id: str, version: int | None = None) -> Review:
        """A case's review: the current version, or an earlier one (read-only once completed)."""
        if version is None:
            return self.open_review(case_id)[0]
        with self._read() as conn:
            row = conn.execute(
                sa.select(versions_table.c.data).where(
                    (versions_table.c.case_id == case_id) & (versions_table.c.version == version)
                )
            ).first()
            if row is None:
                known = [v.version for v in self._version_rows(conn, case_id)]
                raise ReviewNotFound(
                    f"No version {version} of the review of {case_id!r}; "
                    + (f"it has version(s) {', '.join(map(str, known))}" if known else "no review"),
                    case_id=case_id,
                )
            return Review.from_json(row.data)

    def exists(self, case_id: str) -> bool:
        with self._read() as conn:
            query = sa.select(reviews_table.c.case_id).where(reviews_table.c.case_id == case_id)
            return conn.execute(query).first() is not None

    def _version_rows(self, conn: Connection, case_id: str) -> list[Row]:
        return list(
            conn.execute(
                sa.select(versions_table)
                .where(versions_table.c.case_id == case_id)
                .order_by(versions_table.c.version)
            )
        )

    def versions(self, case_id: str) -> list[VersionInfo]:
        """Every version of a case's review, oldest first."""
        with self._read() as conn:
            self._head(conn, case_id)
            rows = self._version_rows(conn, case_id)
        infos = []
        for row in rows:
            review = Review.from_json(row.data)
            sign_off = review.sign_off
            infos.append(
                VersionInfo(
                    case_id=case_id,
                    version=row.version,
                    status=ReviewStatus(row.status),
                    saved_at=_parse_stamp(row.saved_at),
                    saved_by=row.saved_by,
                    signed_off_by=sign_off.name if sign_off else None,
                    signed_off_on=sign_off.date if sign_off else None,
                    outcome=review.outcome,
                )
            )
        return infos

    def audit(self, case_id: str, version: int | None = None) -> list[AuditEntry]:
        """The audit trail of a case's review (all versions, or one), oldest first."""
        query = sa.select(audit_table).where(audit_table.c.case_id == case_id)
        if version is not None:
            query = query.where(audit_table.c.version == version)
        with self._read() as conn:
            rows = conn.execute(query.order_by(audit_table.c.id)).all()
        return [
            AuditEntry(
                id=row.id,
                at=_parse_stamp(row.at),
                who=row.who,
                case_id=row.case_id,
                version=row.version,
                action=row.action,
                field_path=row.field_path,
                old_value=row.old_value,
                new_value=row.new_value,
            )
            for row in rows
        ]

    def verify_audit(self, case_id: str | None = None) -> audit_chain.Verdict:
        """Check the audit trail's hash chain (every case's, or one case's) and its guards.

        :raises ReviewNotFound: when ``case_id`` has neither a review nor audit rows.
        """
        with self._read() as conn:
            guards = AUDIT_GUARDS.get(conn.dialect.name, ())
            verdict = audit_chain.verify(conn, audit_table, reviews_table, case_id, guards)
        if case_id is not None and not verdict.rows and not verdict.breaks:
            self.open_review(case_id)  # no such review: say so
        return verdict

    def list_reviews(self, today: dt.date | None = None) -> list[ReviewSummary]:
        """One summary per case with a review (current version), sorted by case id."""
        with self._read() as conn:
            rows = conn.execute(sa.select(reviews_table).order_by(reviews_table.c.case_id)).all()
        summaries = []
        for row in rows:
            review = Review.from_json(row.data)
            summaries.append(
                ReviewSummary(
                    case_id=row.case_id,
                    version=review.version,
                    status=review.status,
                    reviewer=review.reviewer.name,
                    allocated_to=review.allocated_to,
                    review_requested=review.review_requested,
                    due_date=review.due_date,
                    late=review.is_late(today),
                    outcome=review.outcome,
                    points=len(review.points),
                    points_decided=sum(1 for p in review.points if p.finding is not None),
                    updated_at=_parse_stamp(row.updated_at),
                    updated_by=row.updated_by,
                    reference=_corrected(review, "reference"),
                    regime=_corrected(review, "regime"),
                )
            )
        return summaries

    # -- the reviewer's place ----------------------------------------------------------------
    # Without sign-in, one place per installation: the dashboard cannot tell reviewers apart,
    # so the last case and tab anyone opened is where the next page opens.  Signed in (a
    # team on JupyterHub), one place per user.

    def get_place(self, user: str | None = None) -> Place | None:
        """The case and tab the dashboard last showed (to ``user``), or None (none kept, or
        unreadable)."""
        with self._read() as conn:
            row = conn.execute(
                sa.select(workspace_table).where(workspace_table.c.key == _place_key(user))
            ).first()
        if row is None:
            return None
        value = row.value if isinstance(row.value, dict) else {}
        case_id, tab = value.get("case_id"), value.get("tab")
        if not isinstance(case_id, str) or not isinstance(tab, str):
            return None  # written by something else: no place rather than a broken page
        return Place(case_id, tab, _parse_stamp(row.updated_at))

    def set_place(self, case_id: str, tab: str, user: str | None = None) -> None:
        """Remember that the dashboard shows ``tab`` of ``case_id`` (replacing the last place)."""
        value = {"case_id": case_id, "tab": tab}
        key = _place_key(user)
        with self._write() as conn:
            at = self._now()
            if conn.dialect.name == "postgresql":
                # Two pages of one user may save their place at once: no duplicate-key error.
                insert = postgresql_insert(workspace_table).values(
                    key=key, value=value, updated_at=at
                )
                conn.execute(
                    insert.on_conflict_do_update(
                        index_elements=[workspace_table.c.key],
                        set_={"value": insert.excluded.value, "updated_at": at},
                    )
                )
                return
            updated = conn.execute(
                workspace_table.update()
                .where(workspace_table.c.key == key)
                .values(value=value, updated_at=at)
            )
            if updated.rowcount == 0:
                conn.execute(workspace_table.insert().values(key=key, value=value, updated_at=at))

    def clear_place(self, user: str | None = None) -> None:
        """Forget the place: the next page opens on the list of cases."""
        with self._write() as conn:
            conn.execute(workspace_table.delete().where(workspace_table.c.key == _place_key(user)))

    # -- writing ---------------------------------------------------------------------------

    def create(self, review: Review, who: str) -> int:
        """Store the first version of a case's review; returns the token for the next write.

        :raises StoreError: when the case already has a review.
        """
        who = self._who(who)
        with self._write() as conn:
            row = conn.execute(
                sa.select(reviews_table).where(reviews_table.c.case_id == review.case_id)
            ).first()
            if row is not None:
                raise StoreError(
                    f"Case {review.case_id!r} already has a review (version {row.version}, "
                    f"{ReviewStatus(row.status).label.lower()}); open it instead",
                    case_id=review.case_id,
                )
            at = self._now()
            conn.execute(
                reviews_table.insert().values(
                    case_id=review.case_id,
                    version=review.version,
                    status=review.status.value,
                    data=review.to_json(),
                    row_version=1,
                    updated_at=at,
                    updated_by=who,
                )
            )
            self._put_version(conn, review, at, who)
            created = {"version": review.version, "status": review.status.value}
            self._append_audit(conn, review, who, at, "create", [("", None, created)])
            projection.write(conn, review, at, who, new=True)
        return 1

    def bulk_create(self, reviews: Iterable[Review], who: str, *, batch_size: int = 2000) -> int:
        """Store the first version of many cases' reviews at once, in one transaction.

        The fast path for loading a register (``workbench demo-data``, a migration from another
        system): the same rows as :meth:`create` (review, version, a ``create`` audit entry and
        the register projection) written a batch at a time.  All or nothing: any problem
        rolls the whole load back.  Returns the number of reviews stored.

        :raises StoreError: when a case already has a review or appears twice.
        :raises ReviewError: for a review that is not a first version, or is marked completed
            without everything completion needs.
        """
        who = self._who(who)
        stored = 0
        seen: set[str] = set()
        with self._write() as conn:
            at = self._now()
            batch: list[Review] = []
            for review in reviews:
                self._check_first_version(review, seen)
                batch.append(review)
                if len(batch) >= batch_size:
                    stored += self._insert_batch(conn, batch, who, at)
                    batch = []
            stored += self._insert_batch(conn, batch, who, at)
        return stored

    @staticmethod
    def _check_first_version(review: Review, seen: set[str]) -> None:
        if review.case_id in seen:
            raise StoreError(
                f"Case {review.case_id!r} appears twice in the load", case_id=review.case_id
            )
        seen.add(review.case_id)
        if review.version != 1:
            raise ReviewError(
                f"Only first versions can be loaded in bulk; the review of {review.case_id} "
                f"is version {review.version}",
                case_id=review.case_id,
            )
        if review.sign_off is not None:
            missing = review.missing_for_completion(review.sign_off.name)
            if missing:
                raise ReviewError(
                    f"The review of {review.case_id} is marked completed but needs "
                    + "; ".join(missing),
                    case_id=review.case_id,
                    missing=missing,
                )

    def _insert_batch(
        self,
        conn: Connection,
        batch: list[Review],
        who: str,
        at: str,
    ) -> int:
        if not batch:
            return 0
        ids = [review.case_id for review in batch]
        existing = conn.execute(
            sa.select(reviews_table.c.case_id).where(reviews_table.c.case_id.in_(ids)).limit(5)
        ).scalars()
        clash = list(existing)
        if clash:
            raise StoreError(
                f"Not loaded: {', '.join(clash)} already ha{'s' if len(clash) == 1 else 've'} "
                "a review in this store; nothing was stored",
                case_id=clash[0],
            )
        heads, versions, audit, revisions = [], [], [], []
        rows = projection.ProjectedRows()
        for review, dues in zip(batch, projection.bulk_dues(batch), strict=True):
            data = projection.RawJSON(review.model_dump_json())  # what to_json() gives, as text
            status = review.status.value
            heads.append(
                dict(
                    case_id=review.case_id,
                    version=1,
                    status=status,
                    data=data,
                    row_version=1,
                    updated_at=at,
                    updated_by=who,
                )
            )
            versions.append(
                dict(
                    case_id=review.case_id,
                    version=1,
                    status=status,
                    data=data,
                    saved_at=at,
                    saved_by=who,
                )
            )
            digest = exchange.content_hash(json.loads(data))
            revisions.append(dict(case_id=review.case_id, version=1, sha256=digest))
            audit.append(
                dict(
                    at=at,
                    who=who,
                    case_id=review.case_id,
                    version=1,
                    action="create",
                    field_path="",
                    old_value=None,
                    new_value={"version": 1, "status": status},
                )
            )
            projection.project(review, at, who, dues, into=rows)
        projection.insert_rows(conn, reviews_table, heads)
        projection.insert_rows(conn, versions_table, versions)
        projection.insert_rows(conn, exchange.revisions_table, revisions)
        audit_chain.link(conn, audit, new_cases=True)
        projection.insert_rows(conn, audit_table, audit)
        projection.insert(conn, rows)
        return len(batch)

    def rebuild_register(self) -> RebuildResult:
        """Regenerate the register projection from the reviews' JSON, in one transaction.

        Never needed in normal use (every write keeps the projection current); use it after
        restoring a database copied without the projection, or to check it
        (``tests/test_store_projection.py`` compares the two).
        """
        with self._write() as conn:
            return _rebuild_projection(conn)

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A connection in one read transaction (a consistent snapshot), for reporting.

        ``workbench.register`` reads the projection through it with pandas; database
        errors become a :class:`StoreError`.
        """
        with self._read() as conn:
            yield conn

    def save(
        self,
        review: Review,
        who: str,
        expected_row_version: int,
        *,
        action: str = "save",
        audit: Callable[[dict[str, Any], dict[str, Any]], list[tuple[str, Any, Any]]] | None = None,
    ) -> int:
        """Save a whole review (every changed field audited); returns the new token.

        :param action: what the audit rows call the change (``"split_point"``).
        :param audit: given the stored and the new JSON, the audit rows (path, old, new)
            that describe the change, for an operation better recorded as one row (a
            split) than as every field it moved; default one row per changed field.
        :raises ConflictError: when someone saved since ``expected_row_version``.
        :raises ReviewError: when the stored version is completed, or the status change is
            not allowed (use :meth:`complete` and :meth:`new_version`).
        """
        who = self._who(who)
        with self._write() as conn:
            row = self._head(conn, review.case_id)
            self._check_token(row, expected_row_version)
            stored = Review.from_json(row.data)
            before, after = stored.to_json(), review.to_json()
            changes = diff_json(before, after)
            if not changes:
                return row.row_version
            self._check_transition(stored, review)
            if audit is not None:
                changes = audit(before, after)
            return self._replace(conn, row, review, who, action, changes)

    @staticmethod
    def _check_transition(stored: Review, review: Review) -> None:
        if review.version != stored.version:
            raise ReviewError(
                f"This is version {review.version} of the review of {review.case_id}, but the "
                f"current version is {stored.version}; reload it",
                case_id=review.case_id,
            )
        if stored.is_frozen:
            raise ReviewError(
                f"Version {stored.version} of the review of {stored.case_id} is completed and "
                "frozen; start a new version to change it",
                case_id=stored.case_id,
            )
        order = list(ReviewStatus)
        if order.index(review.status) < order.index(stored.status):
            raise ReviewError(
                f"A review cannot go back from {stored.status.label.lower()} to "
                f"{review.status.label.lower()}",
                case_id=review.case_id,
                field="status",
            )
        if review.status is ReviewStatus.COMPLETED:
            if stored.status is ReviewStatus.DRAFT:
                raise ReviewError("Only a review in progress can be completed", field="status")
            signed_by = review.sign_off.name if review.sign_off else ""
            missing = review.missing_for_completion(signed_by)
            if missing:
                raise ReviewError(
                    f"The review of {review.case_id} cannot be completed yet; it needs "
                    + "; ".join(missing),
                    case_id=review.case_id,
                    missing=missing,
                )

    def edit(
        self, case_id: str, field_path: PathLike, value: Any, who: str, expected_row_version: int
    ) -> tuple[Review, int]:
        """Set one field (``"points.2.finding"``) in one transaction, audited with old and new.

        The value is validated by the model before anything is written; a draft moves to
        in progress.  Returns the review as saved and the new token.

        :raises ConflictError: when someone saved since ``expected_row_version``.
        :raises ReviewError: for a frozen review, an unknown field or an invalid value.
        """
        who = self._who(who)
        with self._write() as conn:
            row = self._head(conn, case_id)
            self._check_token(row, expected_row_version)
            stored = Review.from_json(row.data)
            updated = stored.with_value(field_path, value)
            changes = diff_json(stored.to_json(), updated.to_json())
            if not changes:
                return stored, row.row_version
            return updated, self._replace(conn, row, updated, who, "edit", changes)

    def _transition(
        self,
        case_id: str,
        who: str,
        expected_row_version: int | None,
        action: str,
        change: Callable[[Review], Review],
    ) -> tuple[Review, int]:
        who = self._who(who)
        with self._write() as conn:
            row = self._head(conn, case_id)
            self._check_token(row, expected_row_version)
            stored = Review.from_json(row.data)
            before = stored.to_json()
            updated = change(stored)
            changes = diff_json(before, updated.to_json())
            if not changes:
                return updated, row.row_version
            return updated, self._replace(conn, row, updated, who, action, changes)

    def start(
        self, case_id: str, who: str, expected_row_version: int | None = None
    ) -> tuple[Review, int]:
        """Move a draft review to in progress."""

        def start(review: Review) -> Review:
            review.start()
            return review

        return self._transition(case_id, who, expected_row_version, "start", start)

    def complete(
        self,
        case_id: str,
        signed_by: str,
        who: str,
        expected_row_version: int | None = None,
        *,
        on: dt.date | None = None,
    ) -> tuple[Review, int]:
        """Sign off and freeze the current version.

        :param on: the sign-off date; default today (by the store's clock).
        :raises ReviewError: listing what is still missing.
        """
        day = on or self._clock().date()

        def complete(review: Review) -> Review:
            review.complete(signed_by, on=day)
            return review

        return self._transition(case_id, who, expected_row_version, "complete", complete)

    def allocate(
        self,
        case_id: str,
        to: str,
        who: str,
        expected_row_version: int | None = None,
        *,
        fill_reviewer_name: bool = False,
    ) -> tuple[Review, int]:
        """Allocate the review to the team member signed in as ``to`` ("" for nobody).

        Audited as an ``allocate``; who may allocate is the caller's rule
        (:mod:`workbench.roles`).  A draft stays a draft.

        :param fill_reviewer_name: also put ``to`` in the Reviewer name (the letter's display
            name) when that is empty or was the previous allocation's.
        """
        to = (to or "").strip()

        def allocate(review: Review) -> Review:
            if review.is_frozen:
                raise ReviewError(
                    f"The review of {case_id} (version {review.version}) is completed; "
                    "start a new version to allocate it again",
                    case_id=case_id,
                )
            before = review.allocated_to
            review.allocated_to = to  # not the reviewer's work: a draft stays a draft
            if fill_reviewer_name and to and review.reviewer.name.strip() in ("", before):
                review.reviewer.name = to
            return review

        return self._transition(case_id, who, expected_row_version, "allocate", allocate)

    def new_version(
        self, case_id: str, who: str, expected_row_version: int | None = None
    ) -> tuple[Review, int]:
        """Start a new draft version from the completed current one (which stays readable)."""
        return self._transition(
            case_id, who, expected_row_version, "new_version", lambda review: review.new_version()
        )

    # -- moving reviews between installations ------------------------------------------------

    def export_json(self, case_id: str) -> dict[str, Any]:
        """Every version of a case's review and its audit trail, as one JSON-ready dict.

        Each version carries the hash of its content and of every content it has had
        here (its ``revisions``), so the installation importing it can tell whether this
        copy builds on its own work (:mod:`workbench.exchange`).
        """
        with self._read() as conn:
            self._head(conn, case_id)
            rows = self._version_rows(conn, case_id)
            revisions = exchange.lineages(conn, case_id)
        audit = self.audit(case_id)
        return {
            "format": EXPORT_FORMAT,
            "format_version": EXPORT_FORMAT_VERSION,
            "exported_at": self._now(),
            "case_id": case_id,
            "versions": [
                {
                    "version": row.version,
                    "status": row.status,
                    "saved_at": row.saved_at,
                    "saved_by": row.saved_by,
                    "review": row.data,
                    "sha256": exchange.content_hash(row.data),
                    "revisions": revisions.get(row.version, []),
                }
                for row in rows
            ],
            "audit": [
                {
                    "at": _stamp(entry.at),
                    "who": entry.who,
                    "version": entry.version,
                    "action": entry.action,
                    "field_path": entry.field_path,
                    "old_value": entry.old_value,
                    "new_value": entry.new_value,
                }
                for entry in audit
            ],
        }

    @staticmethod
    def read_export(path: str | Path) -> Any:
        """The JSON of an export file, or one :class:`DocumentError` line saying why not.

        Pathological files (a number thousands of digits long, nesting thousands deep,
        bytes that are not UTF-8) are refused here rather than surfacing as tracebacks.
        """
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
            return json.loads(text)
        except OSError as exc:
            raise DocumentError(f"Cannot read {path}: {exc.strerror}", path=path) from exc
        except UnicodeDecodeError as exc:
            raise DocumentError(f"{path} is not valid JSON: not UTF-8 text", path=path) from exc
        except json.JSONDecodeError as exc:
            raise DocumentError(f"{path} is not valid JSON: {exc}", path=path) from exc
        except RecursionError as exc:
            raise DocumentError(
                f"{path} is not a review export: its JSON is nested too deeply", path=path
            ) from exc
        except ValueError as exc:  # e.g. an integer over Python's 4,300-digit limit
            raise DocumentError(
                f"{path} is not a review export: it holds a number too long to read", path=path
            ) from exc

    @staticmethod
    def _parse_export(data: Any) -> tuple[_ExportFile, list[Review]]:
        if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
            raise StoreError(
                f'Not a workbench review export (expected "format": "{EXPORT_FORMAT}")'
            )
        version = data.get("format_version")
        if not isinstance(version, int) or not 1 <= version <= EXPORT_FORMAT_VERSION:
            shown = version if isinstance(version, int) and abs(version) < 1000 else "(unknown)"
            raise StoreError(
                f"This export has format version {shown}; this workbench reads 1 to "
                f"{EXPORT_FORMAT_VERSION}. Update the workbench to import it."
            )
        try:
            export = _ExportFile.model_validate(data)
        except ValidationError as exc:
            raise StoreError(f"Invalid review export: {explain(exc)}") from exc
        if not export.versions:
            raise StoreError("Invalid review export: it holds no review versions")
        reviews = [Review.from_json(v.review) for v in export.versions]
        numbers = [v.version for v in export.versions]
        if numbers != sorted(set(numbers)):
            raise StoreError("Invalid review export: versions must be listed once each, in order")
        for entry, review in zip(export.versions, reviews, strict=True):
            if review.case_id != export.case_id or review.version != entry.version:
                raise StoreError(
                    f"Invalid review export: version {entry.version} holds the review of "
                    f"{review.case_id} version {review.version}, not {export.case_id}"
                )
        if any(not review.is_frozen for review in reviews[:-1]):
            raise StoreError("Invalid review export: only the last version may be unfinished")
        return export, reviews

    def import_json(
        self, data: Any, who: str, *, force: bool = False, source: str = "(unnamed file)"
    ) -> ImportResult:
        """Bring in a review exported by another installation.

        Versions this store lacks are added.  A version unfinished here is replaced only
        when the file's copy builds on it (the hash of the work here is among the file's
        revisions); a file holding an older state of it, or one that changed separately,
        is refused unless ``force=True``.  A completed version is never replaced, and a
        clock in the file decides nothing.  The file's audit rows are kept apart
        (:meth:`imported_audit`); what the import changes here is audited field by field
        under ``who``, with the file's name (``source``) and hash.

        :raises StoreError: for an invalid export or a refused overwrite, with the reason.
        """
        who = self._who(who)
        export, reviews = self._parse_export(data)
        case_id = export.case_id
        latest = reviews[-1]
        with self._write() as conn:
            head = conn.execute(
                sa.select(reviews_table).where(reviews_table.c.case_id == case_id)
            ).first()
            if head is not None and latest.version < head.version:
                raise StoreError(
                    f"Not imported: this store already has version {head.version} of the review "
                    f"of {case_id}, newer than the imported version {latest.version}",
                    case_id=case_id,
                )
            local = (
                {} if head is None else {r.version: r for r in self._version_rows(conn, case_id)}
            )
            changed = [
                (entry, review)
                for entry, review in zip(export.versions, reviews, strict=True)
                if self._takes(conn, case_id, local.get(entry.version), entry, review, force)
            ]
            if not changed:
                return ImportResult(
                    case_id, head.version, "unchanged", f"The review of {case_id} is up to date"
                )
            at = self._now()
            if head is None:  # the versions refer to it
                self._insert_imported_head(conn, latest, at, who)
            for entry, review in changed:
                self._put_version(conn, review, at, who)
                exchange.record(conn, case_id, review.version, entry.revisions)
            import_id, kept = exchange.add_import(
                conn,
                case_id=case_id,
                source=source,
                file_hash=hashlib.sha256(exchange.canonical_json(data)).hexdigest(),
                who=who,
                at=at,
                claims={
                    "exported_at": _stamp(export.exported_at),
                    "versions": [
                        {
                            "version": e.version,
                            "saved_at": _stamp(e.saved_at),
                            "saved_by": e.saved_by,
                        }
                        for e in export.versions
                    ],
                },
                audit=[{**e.model_dump(mode="json"), "at": _stamp(e.at)} for e in export.audit],
            )
            note = {
                "import": import_id,
                "source": source[:500],
                "versions": [e.version for e, _ in changed],
                "imported_audit_rows": kept,
                "forced": force,
            }
            if head is None:
                changes = [("", None, note)]
            else:
                changes = [("", None, note), *diff_json(head.data, latest.to_json())]
                self._move_head(conn, head, latest, at, who)
            self._append_audit(conn, latest, who, at, "import", changes)
            projection.write(conn, latest, at, who, new=head is None)
        if head is None:
            return ImportResult(
                case_id,
                latest.version,
                "created",
                f"Imported the review of {case_id} (version {latest.version}, "
                f"{latest.status.label.lower()}) from {source}",
            )
        return ImportResult(
            case_id,
            latest.version,
            "updated",
            f"Updated the review of {case_id} to version {latest.version} "
            f"({', '.join(str(e.version) for e, _ in changed)} imported from {source}"
            + (", replacing work saved here)" if force else ")"),
        )

    def _takes(
        self,
        conn: Connection,
        case_id: str,
        mine: Row | None,
        entry: _ExportedVersion,
        review: Review,
        force: bool,
    ) -> bool:
        """Whether the file's copy of a version replaces this store's (refusing if it must not)."""
        if mine is None:
            return True
        theirs = review.to_json()
        here = exchange.content_hash(mine.data)
        relation = exchange.compare(
            here,
            exchange.lineage(conn, case_id, entry.version),
            exchange.content_hash(theirs),
            set(entry.revisions),
        )
        if relation is exchange.Relation.SAME:
            return False
        which = f"version {entry.version} of the review of {case_id}"
        if mine.status == ReviewStatus.COMPLETED.value:
            raise StoreError(
                f"Not imported: {which} is completed here and differs from the imported one; "
                "completed versions are never overwritten",
                case_id=case_id,
            )
        if relation is exchange.Relation.AHEAD or force:
            return True
        if relation is exchange.Relation.BEHIND:
            why = "the file holds an earlier state of the work saved here"
        else:
            why = "the file does not build on the work saved here (both changed separately)"
        raise StoreError(
            f"Not imported: {which} was last saved here by {mine.saved_by}, and {why}; import "
            "with --force to replace the work saved here",
            case_id=case_id,
        )

    def _insert_imported_head(self, conn: Connection, latest: Review, at: str, who: str) -> None:
        conn.execute(
            reviews_table.insert().values(
                case_id=latest.case_id,
                version=latest.version,
                status=latest.status.value,
                data=latest.to_json(),
                row_version=1,
                updated_at=at,
                updated_by=who,
            )
        )

    def _move_head(self, conn: Connection, head: Row, latest: Review, at: str, who: str) -> None:
        result = conn.execute(
            reviews_table.update()
            .where(reviews_table.c.case_id == head.case_id)
            .where(reviews_table.c.row_version == head.row_version)
            .values(
                version=latest.version,
                status=latest.status.value,
                data=latest.to_json(),
                row_version=head.row_version + 1,
                updated_at=at,
                updated_by=who,
            )
        )
        if result.rowcount != 1:
            raise self._conflict(self._head(conn, head.case_id))

    def imported_audit(self, case_id: str) -> list[ImportedAuditEntry]:
        """The audit rows imports brought for a case, as the other installations tell them."""
        rows_query = (
            sa.select(
                exchange.imported_audit_table,
                exchange.imports_table.c.source,
                exchange.imports_table.c.imported_by,
                exchange.imports_table.c.imported_at,
            )
            .join(exchange.imports_table)
            .where(exchange.imported_audit_table.c.case_id == case_id)
            .order_by(exchange.imported_audit_table.c.id)
        )
        with self._read() as conn:
            rows = conn.execute(rows_query).all()
        return [
            ImportedAuditEntry(
                at=_parse_stamp(row.at),
                who=row.who,
                version=row.version,
                action=row.action,
                field_path=row.field_path,
                old_value=row.old_value,
                new_value=row.new_value,
                source=row.source,
                imported_by=row.imported_by,
                imported_at=_parse_stamp(row.imported_at),
            )
            for row in rows
        ]

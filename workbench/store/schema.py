"""The store's tables, the database's own guards, and the migrations that build them.

Migrations are named, applied once each in order and recorded in ``migrations``; an existing
database is brought up to date when it is opened.  Never edit one that has shipped (its name
is how a database remembers it ran): add a new one.  The SQLite and PostgreSQL triggers make
the database itself refuse to rewrite history, whatever tool writes to it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from .. import audit_chain, exchange, projection
from ..errors import ReviewError
from ..review import Review

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


@dataclass(frozen=True)
class RebuildResult:
    """What :meth:`Store.rebuild_register` did: reviews projected, and any it could not read."""

    reviews: int
    skipped: list[str]


def rebuild_projection(conn: Connection) -> RebuildResult:
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
    rebuild_projection(conn)


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


def up_to_date(conn: Connection) -> bool:
    """Whether the database has had every migration (read only: takes no lock)."""
    if not sa.inspect(conn).has_table(migrations_table.name):
        return False
    done = set(conn.execute(sa.select(migrations_table.c.name)).scalars())
    return all(name in done for name, _ in MIGRATIONS)


def migrate(conn: Connection, now: str) -> list[str]:
    """Apply, in ``conn``'s write transaction, the migrations the database lacks; their names."""
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
            conn.execute(migrations_table.insert().values(name=name, applied_at=now))
            applied.append(name)
    return applied


def applied(conn: Connection) -> list[str]:
    """Names of the migrations the database has had, in the order applied."""
    query = sa.select(migrations_table.c.name).order_by(migrations_table.c.name)
    return list(conn.execute(query).scalars())

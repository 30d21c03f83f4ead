"""Moving reviews between installations: which copy is newer, and what was imported.

Two promises keep ``review import-json`` honest:

* **An import never overwrites work it does not build on.**  Every content a
  review version has had (by SHA-256 of its JSON, :func:`content_hash`) is kept
  in ``review_revisions`` as it is saved, and an export lists them for each
  version.  An unfinished version here is replaced only when the file's copy
  descends from it, i.e. the hash of the work here is among the file's
  (:func:`compare`).  A clock in the file (``saved_at``, ``exported_at``) decides
  nothing: it can say anything.
* **Imported history stays apart.**  The file's audit rows describe what
  happened somewhere else, as that installation tells it, so they are kept in
  ``imported_audit`` (with the ``imports`` row saying which file, who imported
  it and when), never mixed into this store's own audit trail.  What the import
  changes here is audited in this store's trail like any edit, field by field,
  under the name of the person importing.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from enum import Enum
from typing import Any

import sqlalchemy as sa
import sqlalchemy.dialects.postgresql
import sqlalchemy.dialects.sqlite
from sqlalchemy.engine import Connection

exchange_metadata = sa.MetaData()

#: Every content each version of each review has had here, by hash.
revisions_table = sa.Table(
    "review_revisions",
    exchange_metadata,
    sa.Column("case_id", sa.String(80), primary_key=True),
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("sha256", sa.String(64), primary_key=True),
)

#: One row per import: the file, who imported it and when (this store's facts), and what
#: the file itself claims (its export time, and who saved each version when).
imports_table = sa.Table(
    "imports",
    exchange_metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("case_id", sa.String(80), nullable=False),
    sa.Column("source", sa.String(500), nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("imported_by", sa.String(200), nullable=False),
    sa.Column("imported_at", sa.String(40), nullable=False),
    sa.Column("claims", sa.JSON, nullable=False),
)

#: The audit rows a file brought, as the other installation tells them.
imported_audit_table = sa.Table(
    "imported_audit",
    exchange_metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("import_id", sa.Integer, sa.ForeignKey("imports.id"), nullable=False),
    sa.Column("case_id", sa.String(80), nullable=False),
    sa.Column("at", sa.String(40), nullable=False),
    sa.Column("who", sa.String(200), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("action", sa.String(20), nullable=False),
    sa.Column("field_path", sa.String(500), nullable=False),
    sa.Column("old_value", sa.JSON, nullable=True),
    sa.Column("new_value", sa.JSON, nullable=True),
    sa.Index("ix_imported_audit_case", "case_id", "id"),
)

#: Append-only, like the store's own trail.
SQLITE_GUARDS = tuple(
    f"""CREATE TRIGGER {table}_no_{verb} BEFORE {verb.upper()} ON {table}
       BEGIN SELECT RAISE(ABORT, 'imported history is append-only'); END"""
    for table in ("imports", "imported_audit")
    for verb in ("update", "delete")
)
POSTGRES_GUARDS = tuple(
    f"""CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table}
       FOR EACH ROW EXECUTE FUNCTION workbench_audit_append_only()"""
    for table in ("imports", "imported_audit")
)


def canonical_json(value: Any) -> bytes:
    """JSON with sorted keys and no spaces: the same bytes for the same value."""
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return text.encode("utf-8")


def content_hash(review_json: Any) -> str:
    """SHA-256 of a review version's JSON (``Review.to_json()``), key order aside."""
    return hashlib.sha256(canonical_json(review_json)).hexdigest()


def record(conn: Connection, case_id: str, version: int, hashes: Iterable[str]) -> None:
    """Remember that this version of the review has had (or descends from) these contents."""
    wanted = set(hashes)
    if not wanted:
        return
    dialect = conn.dialect.name
    if dialect in ("sqlite", "postgresql"):  # one statement: insert, skipping those known
        insert = getattr(sa.dialects, dialect).insert(revisions_table)
        rows = [{"case_id": case_id, "version": version, "sha256": d} for d in sorted(wanted)]
        conn.execute(insert.on_conflict_do_nothing(), rows)
        return
    key = (revisions_table.c.case_id == case_id) & (revisions_table.c.version == version)
    query = sa.select(revisions_table.c.sha256).where(key & revisions_table.c.sha256.in_(wanted))
    known = set(conn.execute(query).scalars())
    fresh = [
        {"case_id": case_id, "version": version, "sha256": digest}
        for digest in sorted(wanted - known)
    ]
    if fresh:
        conn.execute(revisions_table.insert(), fresh)


def lineage(conn: Connection, case_id: str, version: int) -> set[str]:
    """Every content this version has had here (or descends from)."""
    query = sa.select(revisions_table.c.sha256).where(
        (revisions_table.c.case_id == case_id) & (revisions_table.c.version == version)
    )
    return set(conn.execute(query).scalars())


def lineages(conn: Connection, case_id: str) -> dict[int, list[str]]:
    """Version -> its lineage (sorted), for an export."""
    query = (
        sa.select(revisions_table.c.version, revisions_table.c.sha256)
        .where(revisions_table.c.case_id == case_id)
        .order_by(revisions_table.c.version, revisions_table.c.sha256)
    )
    found: dict[int, list[str]] = {}
    for version, digest in conn.execute(query):
        found.setdefault(version, []).append(digest)
    return found


class Relation(Enum):
    """How an imported copy of a version relates to the copy here."""

    SAME = "same"  # identical content
    AHEAD = "ahead"  # the file's copy builds on the work here: safe to take
    BEHIND = "behind"  # the file holds a content this version had before: nothing new
    DIVERGED = "diverged"  # both changed since they last shared a copy


def compare(here: str, here_lineage: set[str], theirs: str, their_lineage: set[str]) -> Relation:
    """Where the file's copy (``theirs``) stands against the copy here, by content hash."""
    if here == theirs:
        return Relation.SAME
    if here in their_lineage:
        return Relation.AHEAD
    if theirs in here_lineage:
        return Relation.BEHIND
    return Relation.DIVERGED


def add_import(
    conn: Connection,
    *,
    case_id: str,
    source: str,
    file_hash: str,
    who: str,
    at: str,
    claims: dict[str, Any],
    audit: list[dict[str, Any]],
) -> tuple[int, int]:
    """Record an import and keep the file's audit rows apart; returns (import id, rows kept).

    Rows an earlier import of this case already brought are not kept twice.
    """
    inserted = conn.execute(
        imports_table.insert().values(
            case_id=case_id,
            source=source[:500],
            sha256=file_hash,
            imported_by=who,
            imported_at=at,
            claims=claims,
        )
    )
    import_id = inserted.inserted_primary_key[0]
    columns = ("at", "who", "version", "action", "field_path", "old_value", "new_value")
    query = sa.select(*(imported_audit_table.c[name] for name in columns)).where(
        imported_audit_table.c.case_id == case_id
    )
    seen = {canonical_json(list(row)) for row in conn.execute(query)}
    fresh = []
    for row in audit:
        key = canonical_json([row[name] for name in columns])
        if key not in seen:
            seen.add(key)
            fresh.append({**row, "import_id": import_id, "case_id": case_id})
    if fresh:
        conn.execute(imported_audit_table.insert(), fresh)
    return import_id, len(fresh)


def seed_revisions(conn: Connection, versions: sa.Table) -> None:
    """Record the content of every version already stored (for the migration adding lineage)."""
    query = sa.select(versions.c.case_id, versions.c.version, versions.c.data)
    rows = [
        {"case_id": case_id, "version": version, "sha256": content_hash(data)}
        for case_id, version, data in conn.execute(query)
    ]
    if rows:
        conn.execute(revisions_table.insert(), rows)

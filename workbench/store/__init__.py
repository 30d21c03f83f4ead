"""The review store: every read and write of a review goes through this package.

Why one package: the reviewer's work must survive a crash, two people must never silently
overwrite each other, and every change must be traceable.  Those three promises are easiest
to keep (and to check) in one place:

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

Where things are:

* :mod:`.schema`: the tables, the database's guards (SQLite and PostgreSQL triggers) and
  the named migrations;
* :mod:`.engine`: opening the database (engines, read-only fallback, transactions);
* :mod:`.reviews`: reading a review, creating, saving, editing, and its lifecycle;
* :mod:`.rows`: the rows a new review writes, shared by create and the bulk load;
* :mod:`.bulk`: loading many new reviews at once;
* :mod:`.transfer`: export and import as JSON, and the audit rows imports bring;
* :mod:`.place`: the dashboard's place.

Usage::

    store = Store()                                  # settings.db_url(), data/workbench.db
    review, token = store.open_review("IC-1")
    review, token = store.edit("IC-1", "points.0.finding", "incorrect", "ann", token)
"""

from __future__ import annotations

from .bulk import BulkLoad
from .place import PLACE_KEY, Place, Places
from .reviews import AuditEntry, ReviewNotFound, ReviewSummary, VersionInfo, diff_json
from .schema import (
    AUDIT_GUARDS,
    MIGRATIONS,
    RebuildResult,
    audit_table,
    metadata,
    migrations_table,
    reviews_table,
    versions_table,
    workspace_table,
)
from .transfer import (
    EXPORT_FORMAT,
    EXPORT_FORMAT_VERSION,
    MAX_VERSION,
    ImportedAuditEntry,
    ImportResult,
    Transfer,
)

__all__ = [
    "AUDIT_GUARDS",
    "EXPORT_FORMAT",
    "EXPORT_FORMAT_VERSION",
    "MAX_VERSION",
    "MIGRATIONS",
    "PLACE_KEY",
    "AuditEntry",
    "ImportResult",
    "ImportedAuditEntry",
    "Place",
    "RebuildResult",
    "ReviewNotFound",
    "ReviewSummary",
    "Store",
    "VersionInfo",
    "audit_table",
    "diff_json",
    "metadata",
    "migrations_table",
    "reviews_table",
    "versions_table",
    "workspace_table",
]


class Store(BulkLoad, Transfer, Places):
    """The reviews, their versions and the audit trail, in one database.

    :param url: SQLAlchemy URL, a file path, or ``":memory:"``; default
        :func:`workbench.settings.db_url` (``<data>/workbench.db``).
    :param clock: returns "now" (timezone-aware); tests pass a fixed one.
    :raises StoreError: when the database cannot be opened or migrated.
    """

"""Moving a review between installations as JSON: export, import, and the imported audit.

An export holds every version of a case's review with the hashes of its content, and its
audit trail.  Importing adds the versions this store lacks and replaces an unfinished one
only when the file builds on the work here (:mod:`workbench.exchange` keeps the lineage);
the other installation's audit rows are kept apart, as they tell them, and what the import
changed here is audited like any other change (:mod:`workbench.audit_chain`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
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
from sqlalchemy.engine import Connection, Row

from .. import exchange, projection
from ..cases import case_id_problem
from ..errors import DocumentError, StoreError
from ..review import Review, ReviewStatus, explain
from .engine import parse_stamp, stamp
from .reviews import Reviews, diff_json
from .schema import reviews_table

#: Marks a file written by :meth:`Store.export_json`.
EXPORT_FORMAT = "workbench-review"
EXPORT_FORMAT_VERSION = 2
#: Largest review or audit version number accepted from a file (the database's integers).
MAX_VERSION = 2**31 - 1


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


class Transfer(Reviews):
    """Export and import of reviews as JSON files."""

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
                    "at": stamp(entry.at),
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
                    "exported_at": stamp(export.exported_at),
                    "versions": [
                        {
                            "version": e.version,
                            "saved_at": stamp(e.saved_at),
                            "saved_by": e.saved_by,
                        }
                        for e in export.versions
                    ],
                },
                audit=[{**e.model_dump(mode="json"), "at": stamp(e.at)} for e in export.audit],
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
                at=parse_stamp(row.at),
                who=row.who,
                version=row.version,
                action=row.action,
                field_path=row.field_path,
                old_value=row.old_value,
                new_value=row.new_value,
                source=row.source,
                imported_by=row.imported_by,
                imported_at=parse_stamp(row.imported_at),
            )
            for row in rows
        ]

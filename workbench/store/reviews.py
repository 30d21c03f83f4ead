"""A case's review in the store: reading it, creating it, saving it, and its lifecycle.

Every change is one transaction: a field edit validates through the model, then writes the
review, its version row and the audit rows together, so a killed kernel leaves the last
committed state and nothing half-written.  Each review row has a ``row_version``; a write
must quote the one it started from (the token :meth:`Reviews.open_review` hands out) and a
stale one raises :class:`~workbench.errors.ConflictError` naming who changed it.  What a
review may become (status never goes backwards, a completed version is frozen, what
sign-off needs) is the review model's rule (:meth:`Review.check_replaces`); the store asks it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Row

from .. import audit_chain, exchange, projection
from ..errors import ConflictError, ReviewError, StoreError
from ..outcomes import Outcome
from ..review import PathLike, Review, ReviewStatus, join_path
from .engine import Database, parse_stamp
from .rows import first_version_rows
from .schema import (
    AUDIT_GUARDS,
    RebuildResult,
    audit_table,
    rebuild_projection,
    reviews_table,
    versions_table,
)


class ReviewNotFound(StoreError):
    """The store holds no review (or no such version) for the case."""


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


def _corrected(review: Review, fact: str) -> str | None:
    """A fact of the case as the reviewer corrected it, or None where it stands as read."""
    correction = review.corrections.get(fact)
    value = correction.corrected if correction is not None else None
    return str(value) if value not in (None, "") else None


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


class Reviews(Database):
    """The reviews, their versions and the audit trail: reading and writing one case's review."""

    # -- plumbing --------------------------------------------------------------------------

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
        changed = parse_stamp(row.updated_at).astimezone()
        local_now = parse_stamp(self._now()).astimezone()
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
                    saved_at=parse_stamp(row.saved_at),
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
                at=parse_stamp(row.at),
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
                    updated_at=parse_stamp(row.updated_at),
                    updated_by=row.updated_by,
                    reference=_corrected(review, "reference"),
                    regime=_corrected(review, "regime"),
                )
            )
        return summaries

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
            rows = first_version_rows(review, at, who)
            conn.execute(reviews_table.insert().values(**rows.head))
            conn.execute(versions_table.insert().values(**rows.version))
            exchange.record(conn, review.case_id, review.version, [rows.revision["sha256"]])
            _insert_audit(conn, [rows.audit])
            projection.write(conn, review, at, who, new=True)
        return 1

    def rebuild_register(self) -> RebuildResult:
        """Regenerate the register projection from the reviews' JSON, in one transaction.

        Never needed in normal use (every write keeps the projection current); use it after
        restoring a database copied without the projection, or to check it
        (``tests/test_store_projection.py`` compares the two).
        """
        with self._write() as conn:
            return rebuild_projection(conn)

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
            review.check_replaces(stored)
            if audit is not None:
                changes = audit(before, after)
            return self._replace(conn, row, review, who, action, changes)

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

"""Loading many new reviews at once: a register from another system, or demo data.

The same rows as :meth:`Store.create` (:mod:`.rows`), written a batch at a time in one
transaction, with the register projection's rows computed in bulk.
"""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from .. import audit_chain, exchange, projection
from ..errors import ReviewError, StoreError
from ..review import Review
from .reviews import Reviews
from .rows import first_version_rows
from .schema import audit_table, reviews_table, versions_table


class BulkLoad(Reviews):
    """:meth:`bulk_create`, the fast path for storing many first versions."""

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
            review.check_completable(review.sign_off.name, marked=True)

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
        projected = projection.ProjectedRows()
        for review, dues in zip(batch, projection.bulk_dues(batch), strict=True):
            rows = first_version_rows(review, at, who, as_text=True)
            heads.append(rows.head)
            versions.append(rows.version)
            revisions.append(rows.revision)
            audit.append(rows.audit)
            projection.project(review, at, who, dues, into=projected)
        projection.insert_rows(conn, reviews_table, heads)
        projection.insert_rows(conn, versions_table, versions)
        projection.insert_rows(conn, exchange.revisions_table, revisions)
        audit_chain.link(conn, audit, new_cases=True)
        projection.insert_rows(conn, audit_table, audit)
        projection.insert(conn, projected)
        return len(batch)

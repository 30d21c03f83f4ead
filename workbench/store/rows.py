"""The rows a review's first version writes, built in one place for create and bulk load.

A new review is four rows: its head (the row later writes lock against), its first
version, the hash of that version's content (:mod:`workbench.exchange`) and a ``create``
audit entry.  :meth:`Store.create` writes one set; :meth:`Store.bulk_create` writes
thousands a batch at a time, so the two cannot drift apart.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .. import exchange, projection
from ..review import Review


@dataclass(frozen=True)
class FirstVersionRows:
    """The values of each table's row for a new review."""

    head: dict[str, Any]
    version: dict[str, Any]
    revision: dict[str, Any]
    audit: dict[str, Any]


def first_version_rows(
    review: Review, at: str, who: str, *, as_text: bool = False
) -> FirstVersionRows:
    """The rows that store ``review`` as a new case's review, saved ``at`` by ``who``.

    :param as_text: hand the database the review's JSON as text (the bulk load: it
        saves building and re-encoding a dict per row); the same JSON either way.
    """
    if as_text:
        text = review.model_dump_json()  # what to_json() gives, as text
        data: Any = projection.RawJSON(text)
        digest = exchange.content_hash(json.loads(text))
    else:
        data = review.to_json()
        digest = exchange.content_hash(data)
    status = review.status.value
    case = dict(case_id=review.case_id, version=review.version)
    return FirstVersionRows(
        head=dict(**case, status=status, data=data, row_version=1, updated_at=at, updated_by=who),
        version=dict(**case, status=status, data=data, saved_at=at, saved_by=who),
        revision=dict(**case, sha256=digest),
        audit=dict(
            **case,
            at=at,
            who=who,
            action="create",
            field_path="",
            old_value=None,
            new_value={"version": review.version, "status": status},
        ),
    )

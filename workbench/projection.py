"""The register projection: each review's reportable facts as plain, queryable rows.

Why a projection: the store keeps each review as one JSON document, which is the
right shape for editing but the wrong one for counting.  Reading 100,000 documents
and validating each through the model takes far longer than the register's 2-second
budget, so every write of a review also writes these rows, *in the same
transaction* (see :mod:`workbench.store`).  They are derived data: nothing is ever
read from them that cannot be rebuilt from the JSON (:meth:`Store.rebuild_register`),
and a test checks the two never drift apart.

The tables (one row per case's *current* review version; list items keep their
``position``):

* ``register_reviews``: the case's request facts (reference, authority, regime, dates,
  the statutory response due date and whether the original response was on time) and the
  review's progress (reviewer, requested, due, completed, outcome, change reasons).
* ``register_points``: one row per request point with the determination and the finding.
* ``register_provisions``: one row per provision relied on, with the reviewer's finding.
* ``register_searches``: one row per search, with whether the reviewer found it adequate.

Lists of plain values (remedies, change reasons, point labels) are stored comma-joined.
Changing what is projected means a new store migration that alters the tables and calls
:func:`rebuild` — never an edit of an existing migration.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from . import settings, workdays
from .deadlines import RESPONSE_DAYS, response_deadline, review_working_days
from .review import Review, Timeliness

projection_metadata = sa.MetaData()

register_reviews = sa.Table(
    "register_reviews",
    projection_metadata,
    sa.Column("case_id", sa.String(80), primary_key=True),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("reference", sa.String(200)),
    sa.Column("authority", sa.String(300)),
    sa.Column("regime", sa.String(10)),
    sa.Column("date_received", sa.Date),
    sa.Column("date_responded", sa.Date),
    sa.Column("response_due", sa.Date),
    sa.Column("timeliness_finding", sa.String(20)),
    sa.Column("original_on_time", sa.Boolean),
    sa.Column("reviewer", sa.String(200), nullable=False),
    sa.Column("review_requested", sa.Date),
    sa.Column("review_due", sa.Date),
    sa.Column("exceptional", sa.Boolean, nullable=False),
    sa.Column("completed_on", sa.Date),
    sa.Column("signed_off_by", sa.String(200)),
    sa.Column("outcome", sa.String(20)),
    sa.Column("outcome_overridden", sa.Boolean, nullable=False),
    sa.Column("no_original_decision", sa.Boolean, nullable=False),
    sa.Column("change_reasons", sa.String(400), nullable=False),
    sa.Column("points", sa.Integer, nullable=False),
    sa.Column("points_decided", sa.Integer, nullable=False),
    sa.Column("updated_at", sa.String(40), nullable=False),
    sa.Column("updated_by", sa.String(200), nullable=False),
)

register_points = sa.Table(
    "register_points",
    projection_metadata,
    sa.Column("case_id", sa.String(80), primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column("label", sa.String(40), nullable=False),
    sa.Column("determination", sa.String(40)),
    sa.Column("determination_corrected", sa.Boolean, nullable=False),
    sa.Column("finding", sa.String(20)),
    sa.Column("remedies", sa.String(400), nullable=False),
)

register_provisions = sa.Table(
    "register_provisions",
    projection_metadata,
    sa.Column("case_id", sa.String(80), primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column("provision_id", sa.String(40), nullable=False),
    sa.Column("points", sa.String(400), nullable=False),
    sa.Column("engaged", sa.String(10)),
    sa.Column("finding", sa.String(20)),
    sa.Column("public_interest_favours", sa.String(20)),
)

register_searches = sa.Table(
    "register_searches",
    projection_metadata,
    sa.Column("case_id", sa.String(80), primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column("location", sa.String(300), nullable=False),
    sa.Column("who", sa.String(200), nullable=False),
    sa.Column("added_by_reviewer", sa.Boolean, nullable=False),
    sa.Column("adequate", sa.Boolean),
    sa.Column("further_search_needed", sa.Boolean, nullable=False),
)

#: Every projection table, parent first.
TABLES = (register_reviews, register_points, register_provisions, register_searches)

#: Free text is cut to the column's width so one long entry cannot fail a reviewer's save.
_WIDTHS = {
    table.name: [
        (column.name, column.type.length)
        for column in table.columns
        if isinstance(column.type, sa.String) and column.type.length
    ]
    for table in TABLES
}


#: A review's statutory due dates as the projection stores them: (review due, response due).
Dues = tuple[dt.date | None, dt.date | None]


def dues_of(review: Review) -> Dues:
    """The review's due date and its original response's, counted by :mod:`workbench.deadlines`.

    The response is counted at the plain 20 working days (no extension or clarification,
    which only the reviewer's timeliness finding can account for).
    """
    response_due = None
    if review.date_received is not None:
        regime = "FOIA" if review.regime in (None, "mixed") else review.regime
        response_due = response_deadline(review.date_received, regime).due
    return review.due_date, response_due


def bulk_dues(reviews: Sequence[Review]) -> list[Dues]:
    """:func:`dues_of` for many reviews at once, counted with NumPy's business days.

    Counting one deadline day by day takes about a millisecond, which is minutes for a
    bulk load; :mod:`workbench.workdays` gives the same dates from the same calendars
    (``tests/test_store_projection.py`` checks a rebuild matches the one-by-one writes).
    """
    if not reviews:
        return []
    regimes = [review.regime for review in reviews]
    requested = [review.review_requested for review in reviews]
    days = [
        review_working_days(_counted_regime(review.regime), exceptional=review.exceptional)
        for review in reviews
    ]
    review_due = workdays.add_working_days(requested, days, regimes)
    received = np.array([review.date_received for review in reviews], dtype="datetime64[D]")
    clock_start = received
    if settings.receipt_rule() == "next_working_day":
        next_day = workdays.add_working_days(received, 1, regimes)
        clock_start = np.where(workdays.is_working_day(received, regimes), received, next_day)
    response_due = workdays.add_working_days(clock_start, RESPONSE_DAYS, regimes)
    return list(zip(_dates(review_due), _dates(response_due), strict=True))


def _counted_regime(regime: str | None) -> str:
    return "FOIA" if regime in (None, "mixed") else regime


def _dates(values: np.ndarray) -> list[dt.date | None]:
    return values.astype("datetime64[D]").tolist()  # NaT becomes None


@dataclass
class ProjectedRows:
    """The projection rows of some reviews, grouped by table name."""

    rows: dict[str, list[dict[str, Any]]] = field(
        default_factory=lambda: {table.name: [] for table in TABLES}
    )

    def add(self, table: sa.Table, row: dict[str, Any]) -> None:
        for name, width in _WIDTHS[table.name]:
            value = row[name]
            if value is not None and len(value) > width:
                row[name] = value[:width]
        self.rows[table.name].append(row)


def _joined(values: Iterable[str]) -> str:
    return ",".join(str(value) for value in values)


def _original_on_time(review: Review, response_due: dt.date | None) -> bool | None:
    """The reviewer's timeliness finding when made, else what the dates alone say.

    The finding wins because only the reviewer knows of an extension or a clarification
    that moved the deadline; the dates are counted at the plain 20 working days.
    """
    finding = review.procedural.timeliness
    if finding is not None:
        return finding is Timeliness.ON_TIME
    if review.date_responded is None or response_due is None:
        return None
    return review.date_responded <= response_due


def project(
    review: Review,
    updated_at: str,
    updated_by: str,
    dues: Dues | None = None,
    into: ProjectedRows | None = None,
) -> ProjectedRows:
    """The projection rows of one review (added to ``into`` when given).

    :param dues: its due dates when already counted (:func:`bulk_dues`); default
        :func:`dues_of`.
    """
    review_due, response_due = dues if dues is not None else dues_of(review)
    out = into if into is not None else ProjectedRows()
    case_id = review.case_id
    sign_off = review.sign_off
    outcome = review.outcome
    finding = review.procedural.timeliness
    out.add(
        register_reviews,
        dict(
            case_id=case_id,
            version=review.version,
            status=review.status.value,
            reference=review.reference,
            authority=review.authority,
            regime=review.regime,
            date_received=review.date_received,
            date_responded=review.date_responded,
            response_due=response_due,
            timeliness_finding=finding.value if finding else None,
            original_on_time=_original_on_time(review, response_due),
            reviewer=review.reviewer.name,
            review_requested=review.review_requested,
            review_due=review_due,
            exceptional=review.exceptional,
            completed_on=sign_off.date if sign_off else None,
            signed_off_by=sign_off.name if sign_off else None,
            outcome=outcome.value if outcome else None,
            outcome_overridden=review.outcome_overridden,
            no_original_decision=review.no_original_decision,
            change_reasons=_joined(review.change_reasons),
            points=len(review.points),
            points_decided=sum(1 for point in review.points if point.finding is not None),
            updated_at=updated_at,
            updated_by=updated_by,
        ),
    )
    for position, point in enumerate(review.points):
        determination = point.determination
        out.add(
            register_points,
            dict(
                case_id=case_id,
                position=position,
                label=point.label,
                determination=determination.value if determination else None,
                determination_corrected=point.determination_corrected,
                finding=point.finding.value if point.finding else None,
                remedies=_joined(point.remedies),
            ),
        )
    for position, provision in enumerate(review.provisions):
        balance = provision.public_interest
        out.add(
            register_provisions,
            dict(
                case_id=case_id,
                position=position,
                provision_id=provision.provision_id,
                points=_joined(provision.points),
                engaged=provision.engaged.value if provision.engaged else None,
                finding=provision.finding.value if provision.finding else None,
                public_interest_favours=(
                    balance.favours.value if balance is not None and balance.favours else None
                ),
            ),
        )
    for position, search in enumerate(review.searches):
        out.add(
            register_searches,
            dict(
                case_id=case_id,
                position=position,
                location=search.where,
                who=search.who,
                added_by_reviewer=search.added_by_reviewer,
                adequate=search.adequate,
                further_search_needed=bool(search.further_search_needed.strip()),
            ),
        )
    return out


def create_tables(conn: Connection) -> None:
    projection_metadata.create_all(conn, tables=list(TABLES))


def forget(conn: Connection, case_ids: Sequence[str]) -> None:
    """Delete the projection rows of ``case_ids`` (children first)."""
    for table in reversed(TABLES):
        for start in range(0, len(case_ids), 500):
            chunk = list(case_ids[start : start + 500])
            conn.execute(table.delete().where(table.c.case_id.in_(chunk)))


def insert(conn: Connection, rows: ProjectedRows) -> None:
    """Insert projected rows (one executemany per table)."""
    for table in TABLES:
        insert_rows(conn, table, rows.rows[table.name])


class RawJSON(str):
    """JSON text already serialised (by pydantic, in Rust) for a JSON column."""


def insert_rows(conn: Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    """Insert many rows of ``table``, each giving the same columns (not autoincremented keys).

    On SQLite the rows go straight to the driver's ``executemany``, with dates as ISO
    text and JSON as text, exactly as SQLAlchemy would store them: its per-row parameter
    processing costs more than the database at 100,000 reviews.  On PostgreSQL (psycopg)
    they are streamed with ``COPY``, for the same reason.  Other databases take the
    ordinary SQLAlchemy path (``RawJSON`` is parsed back for it).
    """
    if not rows:
        return
    names = list(rows[0])
    if conn.dialect.name == "postgresql" and conn.dialect.driver == "psycopg":
        _copy_rows(conn, table, names, rows)
        return
    if conn.dialect.name != "sqlite":
        json_names = [n for n in names if isinstance(table.c[n].type, sa.JSON)]
        for row in rows:
            for name in json_names:
                if isinstance(row[name], RawJSON):
                    row[name] = json.loads(row[name])
        conn.execute(table.insert(), rows)
        return
    converters = [_sqlite_converter(table.c[name].type) for name in names]
    plain = all(convert is None for convert in converters)
    values = [
        tuple(row[name] for name in names)
        if plain
        else tuple(
            value if convert is None or value is None else convert(value)
            for value, convert in zip((row[name] for name in names), converters, strict=True)
        )
        for row in rows
    ]
    placeholders = ", ".join("?" for _ in names)
    conn.exec_driver_sql(
        f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({placeholders})", values
    )


def _copy_rows(conn: Connection, table: sa.Table, names: list[str], rows: list[dict]) -> None:
    """PostgreSQL's bulk path: ``COPY ... FROM STDIN``, JSON sent as its text (NULL as NULL,
    as the SQLite path stores it)."""
    json_names = {name for name in names if isinstance(table.c[name].type, sa.JSON)}

    def text(name: str, value: Any) -> Any:
        if name in json_names and value is not None and not isinstance(value, RawJSON):
            return json.dumps(value)
        return value

    columns = ", ".join(names)
    cursor = conn.connection.cursor()
    try:
        with cursor.copy(f"COPY {table.name} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row([text(name, row[name]) for name in names])
    finally:
        cursor.close()


def _sqlite_converter(kind: sa.types.TypeEngine):
    """How SQLAlchemy's SQLite dialect would store a value of this column type."""
    if isinstance(kind, sa.JSON):
        return lambda value: value if isinstance(value, RawJSON) else json.dumps(value)
    if isinstance(kind, sa.Date):
        return dt.date.isoformat
    if isinstance(kind, sa.Boolean):
        return int
    return None


def write(
    conn: Connection, review: Review, updated_at: str, updated_by: str, *, new: bool = False
) -> None:
    """Replace one case's projection rows with those of ``review`` (inside the caller's write).

    :param new: the case has no rows yet (its review is being created), so skip the delete.
    """
    if not new:
        forget(conn, [review.case_id])
    insert(conn, project(review, updated_at, updated_by))


def clear(conn: Connection) -> None:
    """Empty every projection table (before a rebuild)."""
    for table in reversed(TABLES):
        conn.execute(table.delete())

"""The audit trail's hash chain: tamper-evidence for the store's history.

Each case's audit rows form a chain.  A row stores ``prev_hash``, the
``row_hash`` of the case's row before it (:data:`GENESIS` for the first), and
``row_hash``, the SHA-256 of its own content together with ``prev_hash``.  The
table ``audit_heads`` keeps each chain's last hash and length, written in the
same transaction as the rows.  So:

* a row edited in place no longer matches its hash;
* a row deleted (or a new one slipped in) breaks the next row's link;
* rows deleted from the end leave the chain shorter than its head says;
* audit rows left without their review (deleted with foreign keys off) and the
  database's own guards (triggers) being gone are reported too.

:func:`verify` finds the first broken link of each chain (``workbench audit
verify``).  What it cannot catch is someone who rewrites every hash after
the edit as well: anyone able to write the database can.  For that, keep the
chain heads :func:`verify` reports somewhere else (a ticket, an email); a
head that later differs shows the history was rewritten.

The store calls :func:`link` just before inserting audit rows and
:func:`chain_existing` once, from the migration that introduced the chain.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from . import projection

#: The ``prev_hash`` of a chain's first row.
GENESIS = "0" * 64

#: The audit columns a row's hash covers, in order (with ``prev_hash`` last).
HASHED_COLUMNS = (
    "at",
    "who",
    "case_id",
    "version",
    "action",
    "field_path",
    "old_value",
    "new_value",
)

heads_metadata = sa.MetaData()

#: The last link of each case's chain: where the next row attaches, and how long it is.
heads_table = sa.Table(
    "audit_heads",
    heads_metadata,
    sa.Column("case_id", sa.String(80), primary_key=True),
    sa.Column("row_hash", sa.String(64), nullable=False),
    sa.Column("rows", sa.Integer, nullable=False),
)


def row_hash(row: Mapping[str, Any], prev_hash: str) -> str:
    """SHA-256 of an audit row's content and the hash of the row before it.

    The content is canonical JSON (sorted keys, no spaces) of the values as the
    database returns them, so the hash is the same whichever driver wrote them.
    """
    content = [row[name] for name in HASHED_COLUMNS] + [prev_hash]
    text = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def link(conn: Connection, rows: Sequence[dict[str, Any]], *, new_cases: bool = False) -> None:
    """Give each audit row about to be inserted its ``prev_hash`` and ``row_hash``.

    ``rows`` are in the order they will be inserted (ids ascending) and may belong to
    several cases; each case's head moves to its last new row.  ``new_cases`` says no
    case has a chain yet (a bulk load of new reviews), which saves reading the heads.
    Call it inside the transaction that inserts the rows.
    """
    if not rows:
        return
    cases = list(dict.fromkeys(row["case_id"] for row in rows))
    heads: dict[str, tuple[str, int]] = {} if new_cases else _heads(conn, cases)
    known = set(heads)
    for row in rows:
        previous, length = heads.get(row["case_id"], (GENESIS, 0))
        row["prev_hash"] = previous
        row["row_hash"] = row_hash(row, previous)
        heads[row["case_id"]] = (row["row_hash"], length + 1)
    fresh = [
        {"case_id": case, "row_hash": heads[case][0], "rows": heads[case][1]}
        for case in cases
        if case not in known
    ]
    if fresh:
        projection.insert_rows(conn, heads_table, fresh)
    for case in known & set(cases):
        conn.execute(
            heads_table.update()
            .where(heads_table.c.case_id == case)
            .values(row_hash=heads[case][0], rows=heads[case][1])
        )


def _heads(conn: Connection, cases: list[str]) -> dict[str, tuple[str, int]]:
    query = (
        sa.select(heads_table.c.case_id, heads_table.c.row_hash, heads_table.c.rows)
        .where(heads_table.c.case_id.in_(cases))
        .with_for_update()  # PostgreSQL: the next writer of these chains waits
    )
    return {case: (digest, rows) for case, digest, rows in conn.execute(query)}


def chain_existing(conn: Connection, audit: sa.Table) -> int:
    """Hash every existing audit row, case by case in id order, and record the heads.

    For the migration that introduced the chain: rows written before it are
    vouched for as they stand.  Returns the number of rows chained.
    """
    columns = [audit.c.id, *(audit.c[name] for name in HASHED_COLUMNS)]
    query = sa.select(*columns).order_by(audit.c.case_id, audit.c.id)
    links, heads = [], {}
    for row in conn.execute(query).mappings():
        previous, length = heads.get(row["case_id"], (GENESIS, 0))
        digest = row_hash(row, previous)
        links.append({"row_id": row["id"], "prev": previous, "digest": digest})
        heads[row["case_id"]] = (digest, length + 1)
    if links:
        conn.execute(
            audit.update()
            .where(audit.c.id == sa.bindparam("row_id"))
            .values(prev_hash=sa.bindparam("prev"), row_hash=sa.bindparam("digest")),
            links,
        )
        fresh = [{"case_id": c, "row_hash": d, "rows": n} for c, (d, n) in heads.items()]
        projection.insert_rows(conn, heads_table, fresh)
    return len(links)


# -- checking ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Break:
    """The first broken link found in one case's audit trail (or in the store's guards)."""

    case_id: str | None
    row_id: int | None
    problem: str

    def __str__(self) -> str:
        where = f"case {self.case_id}" if self.case_id else "the store"
        row = f", audit row {self.row_id}" if self.row_id is not None else ""
        return f"{where}{row}: {self.problem}"


@dataclass(frozen=True)
class Verdict:
    """What :func:`verify` found: the chains checked and their breaks (none: intact)."""

    cases: int
    rows: int
    heads: dict[str, str]
    breaks: list[Break]

    @property
    def intact(self) -> bool:
        return not self.breaks

    @property
    def seal(self) -> str:
        """One hash over every chain's head: note it elsewhere to detect a rewrite later."""
        lines = "".join(f"{case}\t{digest}\n" for case, digest in sorted(self.heads.items()))
        return hashlib.sha256(lines.encode("utf-8")).hexdigest()


def verify(
    conn: Connection,
    audit: sa.Table,
    reviews: sa.Table,
    case_id: str | None = None,
    guards: Iterable[str] = (),
) -> Verdict:
    """Check each case's chain (or one case's) and report the first broken link of each.

    ``guards`` are the names of the triggers that should protect the trail; any
    missing is reported as a break of its own.
    """
    breaks = [Break(None, None, f"the guard {name} is missing") for name in _missing(conn, guards)]
    query = sa.select(audit.c.id, audit.c.prev_hash, audit.c.row_hash, *_hashed(audit))
    heads_query = sa.select(heads_table)
    review_query = sa.select(reviews.c.case_id)
    if case_id is not None:
        query = query.where(audit.c.case_id == case_id)
        heads_query = heads_query.where(heads_table.c.case_id == case_id)
        review_query = review_query.where(reviews.c.case_id == case_id)
    heads = {row.case_id: row for row in conn.execute(heads_query)}
    reviewed = set(conn.execute(review_query).scalars())
    state: dict[str, tuple[str, int]] = {}
    broken: set[str] = set()
    rows = 0
    for row in conn.execute(query.order_by(audit.c.case_id, audit.c.id)).mappings():
        rows += 1
        case = row["case_id"]
        previous, length = state.get(case, (GENESIS, 0))
        state[case] = (row["row_hash"], length + 1)
        if case in broken:
            continue
        problem = _row_problem(row, previous, first=length == 0)
        if problem:
            broken.add(case)
            breaks.append(Break(case, row["id"], problem))
    for case in sorted(set(state) | set(heads) | reviewed):
        if case in broken:
            continue
        problem = _case_problem(case, state.get(case), heads.get(case), case in reviewed)
        if problem:
            breaks.append(Break(case, None, problem))
    chains = {case: digest for case, (digest, _) in state.items()}
    return Verdict(cases=len(state), rows=rows, heads=chains, breaks=breaks)


def _hashed(audit: sa.Table) -> list[sa.Column]:
    return [audit.c[name] for name in HASHED_COLUMNS]


def _row_problem(row: Mapping[str, Any], previous: str, *, first: bool) -> str | None:
    if row["row_hash"] is None or row["prev_hash"] is None:
        return "the row carries no hash: it was written without the store"
    if row["prev_hash"] != previous:
        if first:
            return "the rows before it are missing (it does not start the chain)"
        return "the row before it is missing, was inserted, or its hash was rewritten"
    if row_hash(row, previous) != row["row_hash"]:
        return "the row was changed after it was written (edited or replaced)"
    return None


def _case_problem(
    case: str, chain: tuple[str, int] | None, head: Any, has_review: bool
) -> str | None:
    if chain is not None and not has_review:
        return "the review is gone but its audit rows remain (deleted behind the store's back)"
    if head is None:
        if chain is None:
            return "the review has no audit trail at all"
        return "the chain's recorded head is missing"
    if chain is None:
        return f"all {head.rows} audit rows are missing"
    digest, length = chain
    if length < head.rows:
        return f"the last {head.rows - length} audit row(s) are missing"
    if digest != head.row_hash or length != head.rows:
        return "the chain does not end where its recorded head says"
    return None


def _missing(conn: Connection, guards: Iterable[str]) -> list[str]:
    wanted = list(guards)
    if not wanted:
        return []
    if conn.dialect.name == "sqlite":
        query = "SELECT name FROM sqlite_master WHERE type = 'trigger'"
    elif conn.dialect.name == "postgresql":  # this store's schema only: a server holds many
        query = (
            "SELECT t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE NOT t.tgisinternal AND t.tgenabled <> 'D' AND n.nspname = current_schema()"
        )
    else:
        return []
    present = set(conn.exec_driver_sql(query).scalars())
    return [name for name in wanted if name not in present]

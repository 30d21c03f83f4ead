"""``workbench audit verify`` finds the first broken link of a tampered audit trail.

Each test tampers with the store the way someone with the database file (and
``sqlite3``) could, dropping the guards first where the database would refuse,
and checks that the chain gives it away.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner
from review_fixtures import CASE_ID, sample_review

from workbench import audit_chain
from workbench.cli import main
from workbench.store import Store

OTHER = "FOI-2024-0001"


@pytest.fixture
def path(isolated_data) -> Path:
    """A store with two reviews, a few edits each, at the default place (for the CLI)."""
    with Store() as store:
        for case in (CASE_ID, OTHER):
            token = store.create(sample_review(case), "ann")
            _, token = store.edit(case, "grounds", "More is held", "ann", token)
            _, token = store.edit(case, "points.0.finding", "incorrect", "bob", token)
            store.edit(case, "points.0.reasons", "Names were redacted", "bob", token)
    return isolated_data / "workbench.db"


def tamper(path: Path, *statements: str) -> None:
    """Run SQL against the store file directly, as an outside tool would."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        for statement in statements:
            connection.execute(statement)
    finally:
        connection.close()


def tamper_behind_guards(path: Path, *statements: str) -> None:
    """Drop the audit trail's guards, run ``statements``, and put the guards back."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        query = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit%'"
        guards = connection.execute(query).fetchall()
        for name, _ in guards:
            connection.execute(f"DROP TRIGGER {name}")
        for statement in statements:
            connection.execute(statement)
        for _, sql in guards:
            connection.execute(sql)
    finally:
        connection.close()


def audit_ids(path: Path, case_id: str) -> list[int]:
    connection = sqlite3.connect(path)
    try:
        query = "SELECT id FROM audit WHERE case_id = ? ORDER BY id"
        return [row[0] for row in connection.execute(query, (case_id,))]
    finally:
        connection.close()


def row_values(path: Path, row_id: int, *columns: str) -> tuple:
    connection = sqlite3.connect(path)
    try:
        query = f"SELECT {', '.join(columns)} FROM audit WHERE id = ?"
        return connection.execute(query, (row_id,)).fetchone()
    finally:
        connection.close()


def verify(case_id: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["audit", "verify", *([case_id] if case_id else [])])
    return result.exit_code, result.output


def test_an_untouched_trail_is_intact_and_has_a_seal(path):
    status, output = verify()
    assert status == 0
    assert output.startswith("The audit trail is intact: 10 row(s) in 2 case(s); seal ")
    status, output = verify(CASE_ID)
    assert status == 0 and output.startswith(f"The audit trail of {CASE_ID} is intact: 5 row(s)")


def test_an_edited_row_is_found(path):
    third = audit_ids(path, CASE_ID)[2]
    tamper_behind_guards(path, f"UPDATE audit SET who = 'mallory' WHERE id = {third}")
    status, output = verify(CASE_ID)
    assert status == 1
    assert output.splitlines()[0] == (
        f"Broken: case {CASE_ID}, audit row {third}: the row was changed after it was "
        "written (edited or replaced)"
    )


def test_an_edit_with_its_hash_rewritten_breaks_the_next_link(path):
    with Store() as store:
        entry = store.audit(CASE_ID)[2]
    stored_at, prev = row_values(path, entry.id, "at", "prev_hash")
    forged = audit_chain.row_hash({**entry.__dict__, "at": stored_at, "who": "mallory"}, prev)
    tamper_behind_guards(
        path, f"UPDATE audit SET who = 'mallory', row_hash = '{forged}' WHERE id = {entry.id}"
    )
    status, output = verify(CASE_ID)
    assert status == 1
    assert f"audit row {audit_ids(path, CASE_ID)[3]}: the row before it is missing" in output


def test_a_deleted_row_is_found_at_the_next_one(path):
    ids = audit_ids(path, CASE_ID)
    tamper_behind_guards(path, f"DELETE FROM audit WHERE id = {ids[1]}")
    status, output = verify()
    assert status == 1
    assert output.splitlines() == [
        f"Broken: case {CASE_ID}, audit row {ids[2]}: the row before it is missing, was "
        "inserted, or its hash was rewritten"
    ]


def test_rows_deleted_from_the_end_are_found(path):
    ids = audit_ids(path, CASE_ID)
    tamper_behind_guards(path, f"DELETE FROM audit WHERE id >= {ids[-2]}")
    status, output = verify(CASE_ID)
    assert status == 1
    assert output == f"Broken: case {CASE_ID}: the last 2 audit row(s) are missing\n"


def test_a_replaced_row_is_refused_by_the_database_and_found_if_forced_in(path):
    first = audit_ids(path, CASE_ID)[0]
    replace = (
        "INSERT OR REPLACE INTO audit (id, at, who, case_id, version, action, field_path, "
        "old_value, new_value, prev_hash, row_hash) SELECT id, at, 'mallory', case_id, "
        "version, action, field_path, old_value, new_value, prev_hash, row_hash FROM audit "
        f"WHERE id = {first}"
    )
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        tamper(path, replace)
    assert verify()[0] == 0

    tamper_behind_guards(path, replace)
    status, output = verify()
    assert status == 1
    assert f"audit row {first}: the row was changed after it was written" in output


@pytest.mark.parametrize(
    "guard", ["audit_no_update", "audit_no_delete", "audit_no_replace", "audit_heads_no_delete"]
)
def test_a_dropped_guard_is_reported(path, guard):
    tamper(path, f"DROP TRIGGER {guard}")
    status, output = verify()
    assert (status, output) == (1, f"Broken: the store: the guard {guard} is missing\n")


def test_a_review_deleted_with_foreign_keys_off_is_found(path):
    tamper(
        path,
        "PRAGMA foreign_keys = OFF",
        f"DELETE FROM review_versions WHERE case_id = '{OTHER}'",
        f"DELETE FROM reviews WHERE case_id = '{OTHER}'",
    )
    status, output = verify()
    assert status == 1
    assert output == (
        f"Broken: case {OTHER}: the review is gone but its audit rows remain "
        "(deleted behind the store's back)\n"
    )


def test_a_whole_trail_deleted_is_found_and_other_cases_are_unaffected(path):
    tamper_behind_guards(path, f"DELETE FROM audit WHERE case_id = '{OTHER}'")
    assert verify(CASE_ID)[0] == 0
    assert verify() == (1, f"Broken: case {OTHER}: all 5 audit rows are missing\n")


def test_a_row_written_without_the_store_is_found(path):
    tamper(
        path,
        "INSERT INTO audit (at, who, case_id, version, action, field_path) VALUES "
        f"('2099-01-01T00:00:00.000000+00:00', 'mallory', '{CASE_ID}', 1, 'edit', 'grounds')",
    )
    status, output = verify(CASE_ID)
    assert status == 1
    assert "the row carries no hash: it was written without the store" in output


def test_verifying_an_unknown_case_says_so(path):
    result = CliRunner().invoke(main, ["audit", "verify", "NO-SUCH-CASE"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: No review for case 'NO-SUCH-CASE'")


def test_bulk_loads_and_every_kind_of_change_are_chained(isolated_data):
    with Store() as store:
        store.bulk_create([sample_review(f"BULK-{n}") for n in range(5)], "loader")
        token = store.create(sample_review(), "ann")
        review, token = store.open_review(CASE_ID)
        review.start()
        review.grounds = "Whole save"
        token = store.save(review, "ann", token)
        verdict = store.verify_audit()
    assert verdict.intact and (verdict.cases, verdict.rows) == (6, 8)
    with Store() as store, store.reading() as conn:
        hashes = conn.execute(sa.text("SELECT count(*) FROM audit WHERE row_hash IS NULL"))
        assert hashes.scalar() == 0


def test_an_edit_behind_the_guards_is_found_on_either_database(store_url):
    """The same chain and verdict on SQLite and PostgreSQL (guards lifted as each allows)."""
    with Store(store_url) as store:
        token = store.create(sample_review(), "ann")
        store.edit(CASE_ID, "grounds", "More is held", "ann", token)
        assert store.verify_audit().intact
        target = store.audit(CASE_ID)[1].id
    engine = sa.create_engine(store_url)
    try:
        with engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql("ALTER TABLE audit DISABLE TRIGGER audit_append_only")
                conn.exec_driver_sql(f"UPDATE audit SET who = 'mallory' WHERE id = {target}")
                conn.exec_driver_sql("ALTER TABLE audit ENABLE TRIGGER audit_append_only")
            else:
                guard = conn.exec_driver_sql(
                    "SELECT sql FROM sqlite_master WHERE name = 'audit_no_update'"
                ).scalar()
                conn.exec_driver_sql("DROP TRIGGER audit_no_update")
                conn.exec_driver_sql(f"UPDATE audit SET who = 'mallory' WHERE id = {target}")
                conn.exec_driver_sql(guard)
    finally:
        engine.dispose()
    with Store(store_url) as store:
        (found,) = store.verify_audit().breaks
    assert (found.case_id, found.row_id) == (CASE_ID, target)
    assert found.problem.startswith("the row was changed after it was written")

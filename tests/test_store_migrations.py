"""Opening a store: where it lives, its named migrations, and SQLite's safety settings."""

from __future__ import annotations

import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
import sqlalchemy as sa
from review_fixtures import CASE_ID, sample_review

from workbench.errors import StoreError
from workbench.store import MIGRATIONS, Store

NAMES = [name for name, _ in MIGRATIONS]


def test_a_new_store_creates_its_folder_and_records_each_migration_once(tmp_path):
    path = tmp_path / "nested" / "folder" / "reviews.db"
    with Store(path) as store:
        assert path.is_file()
        assert store.applied_migrations == NAMES
        assert store.migrations() == NAMES
        store.create(sample_review(), "ann")
    with Store(f"sqlite:///{path}") as again:
        assert again.applied_migrations == []
        assert again.get(CASE_ID).case_id == CASE_ID


def test_each_migration_is_applied_once_on_either_database(store_url):
    with Store(store_url) as store:
        assert store.applied_migrations == NAMES
        store.create(sample_review(), "ann")
    with Store(store_url) as again:
        assert again.applied_migrations == []
        assert again.migrations() == NAMES
        assert again.get(CASE_ID).case_id == CASE_ID


def test_several_processes_opening_a_new_store_at_once_migrate_it_once(store_url):
    """A team's servers start together against one empty database: none may fail."""

    def open_store(_: int) -> list[str]:
        with Store(store_url) as store:
            return store.applied_migrations

    with ThreadPoolExecutor(max_workers=4) as pool:
        applied = list(pool.map(open_store, range(4)))
    assert sorted(applied, key=len) == [[], [], [], NAMES]


def test_opening_a_store_while_another_program_writes_to_it_waits_for_the_write(tmp_path):
    """Switching to WAL needs the file to itself; a writer holding it must not make it fail."""
    path = tmp_path / "reviews.db"
    writer = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    writer.execute("CREATE TABLE other_program (x)")
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO other_program VALUES (1)")
    finishing = threading.Timer(0.3, lambda: writer.execute("COMMIT"))
    finishing.start()
    try:
        with Store(path) as store:
            assert store.applied_migrations == NAMES
    finally:
        finishing.join()
        writer.close()


def test_the_default_store_is_workbench_db_in_the_data_folder(isolated_data):
    with Store() as store:
        store.create(sample_review(), "ann")
    assert (isolated_data / "workbench.db").is_file()


def test_workbench_db_points_the_store_elsewhere(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_DB", str(tmp_path / "elsewhere.db"))
    with Store() as store:
        assert store.url == f"sqlite:///{tmp_path / 'elsewhere.db'}"
    assert (tmp_path / "elsewhere.db").is_file()


def test_sqlite_runs_in_wal_mode_with_foreign_keys_on(tmp_path):
    with Store(tmp_path / "reviews.db") as store:
        with store._engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


def test_an_in_memory_store_works_for_tests():
    with Store(":memory:") as store:
        store.create(sample_review(), "ann")
        assert [s.case_id for s in store.list_reviews()] == [CASE_ID]


def test_a_review_row_cannot_point_at_a_missing_review(store_url):
    with Store(store_url) as store:
        with store._engine.connect() as conn:
            try:
                conn.exec_driver_sql(
                    "INSERT INTO audit (at, who, case_id, version, action, field_path) "
                    "VALUES ('2024-01-01', 'x', 'no-such-case', 1, 'edit', 'grounds')"
                )
                conn.commit()
                raised = False
            except sa.exc.IntegrityError:
                raised = True
        assert raised


def test_a_file_that_is_not_a_database_is_reported_and_left_alone(tmp_path):
    path = tmp_path / "reviews.db"
    path.write_bytes(b"this is not a database, it is a shopping list\n" * 20)
    before = path.read_bytes()
    with pytest.raises(StoreError, match="failed: file is not a database"):
        Store(path)
    assert path.read_bytes() == before


def test_a_store_url_never_shows_its_password(tmp_path):
    with pytest.raises(StoreError) as caught:
        Store("postgresql://reviewer:s3cret@127.0.0.1:1/reviews")
    assert "s3cret" not in str(caught.value)
    assert "reviewer:***@127.0.0.1" in str(caught.value)


def _as_before_the_hash_chain(path) -> None:
    """Turn a store back into one made before migration 0005: no hashes, heads or new guards."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        for statement in (
            "DROP TRIGGER audit_no_replace",
            "DROP TRIGGER audit_heads_no_delete",
            "DROP TABLE audit_heads",
            "ALTER TABLE audit DROP COLUMN prev_hash",
            "ALTER TABLE audit DROP COLUMN row_hash",
            "DELETE FROM migrations WHERE name = '0005_audit_hash_chain'",
        ):
            connection.execute(statement)
    finally:
        connection.close()


def test_an_existing_store_has_its_audit_trail_chained_once_and_stays_intact(tmp_path):
    path = tmp_path / "reviews.db"
    with Store(path) as store:
        token = store.create(sample_review(), "ann")
        store.edit(CASE_ID, "grounds", "More is held", "ann", token)
        before = store.audit(CASE_ID)
    _as_before_the_hash_chain(path)

    with Store(path) as store:
        assert store.applied_migrations == ["0005_audit_hash_chain"]
        assert store.audit(CASE_ID) == before
        verdict = store.verify_audit()
        assert verdict.intact and verdict.rows == 3
        _, token = store.open_review(CASE_ID)
        store.edit(CASE_ID, "grounds", "Still more", "bob", token)
        assert store.verify_audit().intact
    with Store(path) as store:
        assert store.applied_migrations == []


def test_opening_an_up_to_date_store_does_not_wait_for_a_writer(tmp_path):
    path = tmp_path / "reviews.db"
    with Store(path) as store:
        store.create(sample_review(), "ann")
    writer = sqlite3.connect(path, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")  # someone is saving, and holds the write lock
        with Store(path) as reader:  # the migrations check must not queue behind them
            assert [s.case_id for s in reader.list_reviews()] == [CASE_ID]
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_an_existing_store_gets_the_lineage_of_each_saved_version(tmp_path):
    path = tmp_path / "reviews.db"
    with Store(path) as store:
        store.create(sample_review(), "ann")
        exported = store.export_json(CASE_ID)
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        for table in ("imports", "imported_audit"):
            for verb in ("update", "delete"):
                connection.execute(f"DROP TRIGGER {table}_no_{verb}")
        for table in ("imported_audit", "imports", "review_revisions"):
            connection.execute(f"DROP TABLE {table}")
        connection.execute("DELETE FROM migrations WHERE name = '0006_review_exchange'")
    finally:
        connection.close()

    with Store(path) as store:
        assert store.applied_migrations == ["0006_review_exchange"]
        again = store.export_json(CASE_ID)
    (version,) = again["versions"]
    assert version["revisions"] == [version["sha256"]] == exported["versions"][0]["revisions"]

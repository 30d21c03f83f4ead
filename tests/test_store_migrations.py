"""Opening a store: where it lives, its named migrations, and SQLite's safety settings."""

from __future__ import annotations

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

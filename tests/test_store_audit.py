"""Every change is in the audit trail (when, who, what, old and new), which cannot be rewritten."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa
from review_fixtures import CASE_ID, sample_review

from workbench.errors import ReviewError, StoreError
from workbench.store import Store

#: What a refused statement raises: SQLite's RAISE(ABORT) is an integrity error, PostgreSQL's
#: RAISE EXCEPTION (SQLSTATE P0001) a programming error.
REFUSED = (sa.exc.IntegrityError, sa.exc.ProgrammingError)


class Clock:
    """A clock the test sets."""

    def __init__(self) -> None:
        self.now = dt.datetime(2024, 2, 6, 9, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def store(store_url, clock):
    with Store(store_url, clock=clock) as opened:
        yield opened


def test_each_edit_records_who_when_the_field_and_its_old_and_new_value(store, clock):
    token = store.create(sample_review(), "ann")
    clock.now = dt.datetime(2024, 2, 6, 10, 15, tzinfo=dt.UTC)
    _, token = store.edit(CASE_ID, "points.1.finding", "incorrect", "ann", token)
    clock.now = dt.datetime(2024, 2, 7, 16, 40, tzinfo=dt.UTC)
    _, token = store.edit(CASE_ID, "points.1.finding", "partly_correct", "bob", token)
    _, token = store.edit(CASE_ID, "points.1.remedies", ["new_searches"], "bob", token)

    rows = [(e.who, e.action, e.field_path, e.old_value, e.new_value) for e in store.audit(CASE_ID)]
    assert rows == [
        ("ann", "create", "", None, {"version": 1, "status": "draft"}),
        ("ann", "edit", "status", "draft", "in_progress"),
        ("ann", "edit", "points.1.finding", None, "incorrect"),
        ("bob", "edit", "points.1.finding", "incorrect", "partly_correct"),
        ("bob", "edit", "points.1.remedies", [], ["new_searches"]),
    ]
    entries = store.audit(CASE_ID)
    assert [e.at.isoformat() for e in entries[:4]] == [
        "2024-02-06T09:00:00+00:00",
        "2024-02-06T10:15:00+00:00",
        "2024-02-06T10:15:00+00:00",
        "2024-02-07T16:40:00+00:00",
    ]
    assert {e.version for e in entries} == {1}


def test_a_whole_save_records_one_row_per_changed_field(store):
    token = store.create(sample_review(), "ann")
    review, token = store.open_review(CASE_ID)
    review.start()
    review.grounds = "More is held"
    review.points[2].reasons = "The DPIA was viewed online, never held"
    review.add_search(where="Shared drive", terms="DPIA")
    store.save(review, "ann", token)

    paths = [e.field_path for e in store.audit(CASE_ID) if e.action == "save"]
    assert paths == ["status", "grounds", "points.2.reasons", "searches.1"]
    added = store.audit(CASE_ID)[-1]
    assert added.old_value is None and added.new_value["where"] == "Shared drive"


def test_an_edit_that_changes_nothing_or_is_refused_writes_nothing(store):
    token = store.create(sample_review(), "ann")
    _, token = store.edit(CASE_ID, "grounds", "More is held", "ann", token)
    before = store.audit(CASE_ID)

    _, same = store.edit(CASE_ID, "grounds", "More is held", "ann", token)
    assert same == token
    with pytest.raises(ReviewError):
        store.edit(CASE_ID, "points.0.finding", "maybe", "ann", token)
    assert store.audit(CASE_ID) == before
    assert store.open_review(CASE_ID)[1] == token


def test_every_change_needs_a_name(store):
    with pytest.raises(StoreError, match="needs the name of the person"):
        store.create(sample_review(), "  ")


def test_the_database_refuses_to_rewrite_or_delete_the_audit_trail(store, store_url):
    token = store.create(sample_review(), "ann")
    store.edit(CASE_ID, "grounds", "More is held", "ann", token)
    engine = sa.create_engine(store_url)  # another tool, straight to the database
    try:
        for statement in ("UPDATE audit SET who = 'mallory'", "DELETE FROM audit"):
            with pytest.raises(REFUSED, match="append-only"):
                with engine.begin() as conn:
                    conn.exec_driver_sql(statement)
    finally:
        engine.dispose()
    assert {e.who for e in store.audit(CASE_ID)} == {"ann"}


def test_the_database_refuses_to_change_a_completed_version(store, store_url):
    review = sample_review()
    review.start()
    for point in review.points:
        point.finding = "correct"
    review.provisions[0].finding = "upheld"
    token = store.create(review, "ann")
    store.complete(CASE_ID, "Ann Smith", "ann", token)
    engine = sa.create_engine(store_url)
    try:
        with pytest.raises(REFUSED, match="frozen"):
            with engine.begin() as conn:
                conn.exec_driver_sql("UPDATE review_versions SET data = '{}' WHERE version = 1")
    finally:
        engine.dispose()
    assert store.get(CASE_ID, version=1).sign_off.name == "Ann Smith"

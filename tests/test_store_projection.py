"""The register projection: written with every review change, equal to a rebuild from JSON."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa
from review_fixtures import CASE_ID, decided_review, sample_review

from workbench import projection
from workbench.errors import ReviewError, StoreError
from workbench.review import Review, SearchReview, Timeliness
from workbench.store import MIGRATIONS, Store

PROJECTION = "0003_register_projection"


def snapshot(store: Store) -> dict[str, list[tuple]]:
    """Every projection row, sorted, ignoring nothing."""
    with store.reading() as conn:
        return {
            table.name: sorted(
                tuple(row) for row in conn.execute(sa.select(table).order_by(*table.primary_key))
            )
            for table in projection.TABLES
        }


def review_row(store: Store, case_id: str) -> dict:
    with store.reading() as conn:
        query = sa.select(projection.register_reviews).where(
            projection.register_reviews.c.case_id == case_id
        )
        return dict(conn.execute(query).one()._mapping)


def awkward_reviews() -> list[Review]:
    """Reviews whose due dates straddle weekends and the nations' different bank holidays."""
    days = [
        dt.date(2024, 3, 28),  # before Good Friday and Easter Monday (not Scotland)
        dt.date(2023, 12, 22),  # before Christmas; 2 January is Scotland-only
        dt.date(2024, 3, 16),  # a Saturday before St Patrick's Day (NI only)
        dt.date(2024, 11, 29),  # before St Andrew's Day (Scotland)
        dt.date(2024, 8, 3),  # a Saturday; summer bank holidays differ by nation
    ]
    regimes = ["FOIA", "EIR", "FOISA", "mixed", None]
    reviews = []
    for index, (day, regime) in enumerate((day, regime) for day in days for regime in regimes):
        review = sample_review(f"case-{index:02d}")
        review.regime = regime
        review.review_requested = day
        review.exceptional = index % 3 == 0
        review.date_received = day - dt.timedelta(days=40)
        review.date_responded = day - dt.timedelta(days=3)
        reviews.append(review)
    return reviews


def test_a_new_store_has_the_projection_migration(store_url):
    assert PROJECTION in [name for name, _ in MIGRATIONS]
    with Store(store_url) as store:
        assert PROJECTION in store.migrations()
        assert snapshot(store) == {table.name: [] for table in projection.TABLES}


def test_creating_editing_and_completing_keep_the_projection_current(store_url):
    with Store(store_url) as store:
        review = decided_review()
        review.reference = "FOI-2024-17"
        review.date_received = dt.date(2024, 1, 8)
        review.date_responded = dt.date(2024, 2, 6)  # working day 21: late on the dates alone
        store.create(sample_review(), "ann")
        row = review_row(store, CASE_ID)
        assert row["status"] == "draft" and row["points_decided"] == 0
        assert row["review_due"] == dt.date(2024, 3, 4)  # 20 working days from 5 Feb 2024

        token = store.open_review(CASE_ID)[1]
        token = store.save(review, "ann", token)
        row = review_row(store, CASE_ID)
        assert (row["reference"], row["points_decided"], row["outcome"]) == (
            "FOI-2024-17",
            3,
            "maintained",
        )
        assert row["response_due"] == dt.date(2024, 2, 5)
        assert row["original_on_time"] is False

        _, token = store.edit(CASE_ID, "procedural.timeliness", "on_time", "ann", token)
        assert review_row(store, CASE_ID)["original_on_time"] is True  # the finding wins

        store.complete(CASE_ID, "Ann Reviewer", "ann", token, on=dt.date(2024, 3, 1))
        row = review_row(store, CASE_ID)
        assert (row["status"], row["completed_on"], row["signed_off_by"]) == (
            "completed",
            dt.date(2024, 3, 1),
            "Ann Reviewer",
        )
        with store.reading() as conn:
            provisions = conn.execute(sa.select(projection.register_provisions)).all()
        assert [(p.provision_id, p.finding, p.points) for p in provisions] == [
            ("s.40(2)", "upheld", "1")
        ]


def test_the_projection_equals_a_rebuild_from_the_json(store_url):
    with Store(store_url) as store:
        for review in awkward_reviews():
            store.create(review, "ann")  # one by one: due dates from workbench.deadlines
        store.create(decided_review("decided"), "ann")
        token = store.open_review("decided")[1]
        _, token = store.edit("decided", "searches.0.adequate", False, "ann", token)
        _, token = store.edit("decided", "points.1.remedies", ["new_searches"], "ann", token)
        before = snapshot(store)

        result = store.rebuild_register()  # in bulk: due dates from workbench.workdays

        assert result.reviews == len(awkward_reviews()) + 1 and result.skipped == []
        assert snapshot(store) == before


def test_the_next_working_day_receipt_rule_is_followed_by_both_paths(monkeypatch, store_url):
    monkeypatch.setenv("WORKBENCH_RECEIPT_RULE", "next_working_day")
    with Store(store_url) as store:
        for review in awkward_reviews():
            review.date_received = review.review_requested  # some on a Saturday
            store.create(review, "ann")
        before = snapshot(store)
        store.rebuild_register()
        assert snapshot(store) == before


def test_a_failed_write_leaves_neither_the_review_nor_its_projection_changed(
    monkeypatch, store_url
):
    with Store(store_url) as store:
        store.create(sample_review(), "ann")
        token = store.open_review(CASE_ID)[1]
        before = snapshot(store)

        def broken(*args, **kwargs):
            raise sa.exc.OperationalError("INSERT", {}, Exception("disk full"))

        monkeypatch.setattr(projection, "insert", broken)
        with pytest.raises(StoreError, match="disk full"):
            store.edit(CASE_ID, "grounds", "A new ground", "ann", token)

        assert store.get(CASE_ID).grounds == ""
        assert store.open_review(CASE_ID)[1] == token
        assert snapshot(store) == before


def test_an_older_store_gets_the_projection_filled_when_opened(store_url):
    with Store(store_url) as store:
        for review in awkward_reviews()[:4]:
            store.create(review, "ann")
        expected = snapshot(store)
        with store._engine.begin() as conn:  # make it look like a store from before 0003
            for table in reversed(projection.TABLES):
                conn.exec_driver_sql(f"DROP TABLE {table.name}")
            conn.exec_driver_sql(f"DELETE FROM migrations WHERE name = '{PROJECTION}'")

    with Store(store_url) as reopened:
        assert reopened.applied_migrations == [PROJECTION]
        assert snapshot(reopened) == expected


def test_a_review_that_cannot_be_read_is_left_out_of_a_rebuild_and_named(store_url):
    with Store(store_url) as store:
        store.create(sample_review("good"), "ann")
        store.create(sample_review("bad"), "ann")
        with store._engine.begin() as conn:
            conn.exec_driver_sql(
                """UPDATE reviews SET data = '{"case_id": "bad", "points": 7}'
                   WHERE case_id = 'bad'"""
            )
        result = store.rebuild_register()
        assert (result.reviews, result.skipped) == (1, ["bad"])
        assert [row[0] for row in snapshot(store)["register_reviews"]] == ["good"]


def test_a_bulk_load_writes_reviews_versions_audit_and_projection(store_url, new_store_url):
    reviews = awkward_reviews()
    with Store(store_url) as store:
        assert store.bulk_create(reviews, "loader", batch_size=7) == len(reviews)
        assert store.get("case-03").to_json() == reviews[3].to_json()
        assert [v.version for v in store.versions("case-03")] == [1]
        assert [(e.action, e.who) for e in store.audit("case-03")] == [("create", "loader")]
        loaded = snapshot(store)
        store.rebuild_register()
        assert snapshot(store) == loaded

    with Store(new_store_url()) as one_by_one:
        for review in reviews:
            one_by_one.create(review, "loader")
        assert snapshot(one_by_one)["register_reviews"] != []
        strip = lambda rows: [row[:-2] for row in rows]  # noqa: E731 (written at/by differ)
        assert strip(snapshot(one_by_one)["register_reviews"]) == strip(loaded["register_reviews"])


def test_a_bulk_load_is_all_or_nothing(store_url):
    with Store(store_url) as store:
        store.create(sample_review("case-04"), "ann")
        with pytest.raises(StoreError, match="case-04 already has a review"):
            store.bulk_create(awkward_reviews(), "loader", batch_size=2)
        assert [s.case_id for s in store.list_reviews()] == ["case-04"]
        assert len(snapshot(store)["register_reviews"]) == 1

        twice = [sample_review("x"), sample_review("x")]
        with pytest.raises(StoreError, match="appears twice"):
            store.bulk_create(twice, "loader")


def test_a_bulk_load_refuses_a_completed_review_missing_a_finding(store_url):
    review = sample_review("half-done")
    review.start()
    review.points[0].finding = "correct"
    data = review.to_json()
    data.update(
        status="completed",
        sign_off={"name": "Ann", "date": "2024-03-01", "outcome": "maintained"},
    )
    with Store(store_url) as store:
        with pytest.raises(ReviewError, match="a finding for point 2"):
            store.bulk_create([Review.from_json(data)], "loader")
        assert store.list_reviews() == []


def test_searches_keep_who_added_them_and_the_reviewers_verdict(store_url):
    review = decided_review("searched")
    review.searches = [
        SearchReview(where="Corporate email", adequate=True),
        SearchReview(where="Shared drive", adequate=False, further_search_needed="Archive"),
    ]
    review.procedural.timeliness = Timeliness.LATE
    with Store(store_url) as store:
        store.create(review, "ann")
        assert snapshot(store)["register_searches"] == [
            ("searched", 0, "Corporate email", "", 0, 1, 0),
            ("searched", 1, "Shared drive", "", 0, 0, 1),
        ]
        assert review_row(store, "searched")["original_on_time"] is False

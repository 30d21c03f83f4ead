"""Draft -> in progress -> completed; a completed review is frozen; changes start a new version."""

from __future__ import annotations

import datetime as dt

import pytest
from review_fixtures import CASE_ID, decided_review, sample_review

from workbench.errors import ReviewError
from workbench.outcomes import Outcome
from workbench.review import PointFinding, Remedy, ReviewStatus
from workbench.store import ReviewNotFound, Store

SIGNED = dt.date(2024, 2, 20)


@pytest.fixture
def store(store_url):
    with Store(store_url) as opened:
        yield opened


def test_a_review_goes_from_draft_through_in_progress_to_completed(store):
    token = store.create(sample_review(), "ann")
    assert store.get(CASE_ID).status is ReviewStatus.DRAFT

    review, token = store.edit(CASE_ID, "points.0.finding", "correct", "ann", token)
    assert review.status is ReviewStatus.IN_PROGRESS
    for path, value in [
        ("points.1.finding", "correct"),
        ("points.2.finding", "correct"),
        ("provisions.0.finding", "upheld"),
    ]:
        review, token = store.edit(CASE_ID, path, value, "ann", token)

    review, token = store.complete(CASE_ID, "Ann Smith", "ann", token, on=SIGNED)
    assert review.status is ReviewStatus.COMPLETED
    assert (review.sign_off.name, review.sign_off.date) == ("Ann Smith", SIGNED)
    assert store.get(CASE_ID) == review
    assert store.get(CASE_ID).outcome is Outcome.MAINTAINED


def test_completing_lists_everything_still_missing():
    review = sample_review()
    review.start()
    review.points[1].finding = "correct"
    with pytest.raises(ReviewError) as caught:
        review.complete("  ")
    message = str(caught.value)
    assert message.startswith(f"The review of {CASE_ID} cannot be completed yet; it needs ")
    for missing in (
        "the name of the reviewer signing it off",
        "a finding for point 1",
        "a finding for point 3",
        "a finding for provision s.40(2)",
    ):
        assert missing in message
    assert "point 2" not in message
    assert caught.value.context["missing"][0] == "the name of the reviewer signing it off"
    assert review.status is ReviewStatus.IN_PROGRESS


def test_a_draft_cannot_jump_to_completed():
    review = decided_review()
    review.status = ReviewStatus.DRAFT
    with pytest.raises(ReviewError, match="Only a review in progress can be completed"):
        review.complete("Ann")


def test_a_completed_review_is_frozen_in_memory_and_in_the_store(store):
    token = store.create(decided_review(), "ann")
    review, token = store.complete(CASE_ID, "Ann Smith", "ann", token, on=SIGNED)

    with pytest.raises(ReviewError, match="completed and frozen"):
        review.points[0].reasons = "second thoughts"
    with pytest.raises(ReviewError, match="completed and frozen"):
        review.grounds = "changed"
    with pytest.raises(ReviewError, match="completed and frozen"):
        review.with_value("points.0.finding", "incorrect")
    with pytest.raises(ReviewError, match="completed and frozen"):
        store.edit(CASE_ID, "points.0.finding", "incorrect", "ann", token)

    # Even a list changed in place (which no setter sees) is refused at save.
    review.points[0].remedies.append(Remedy.DISCLOSE)
    with pytest.raises(ReviewError, match="completed and frozen"):
        store.save(review, "ann", token)
    assert store.get(CASE_ID).points[0].remedies == []


def test_a_new_version_copies_the_completed_one_which_stays_readable(store):
    token = store.create(decided_review(), "ann")
    first, token = store.complete(CASE_ID, "Ann Smith", "ann", token, on=SIGNED)

    second, token = store.new_version(CASE_ID, "bob", token)
    assert (second.version, second.status, second.sign_off) == (2, ReviewStatus.DRAFT, None)
    assert second.points[0].finding is PointFinding.CORRECT

    second, token = store.edit(CASE_ID, "points.0.finding", "incorrect", "bob", token)
    assert store.get(CASE_ID).points[0].finding is PointFinding.INCORRECT
    earlier = store.get(CASE_ID, version=1)
    assert earlier == first
    assert earlier.points[0].finding is PointFinding.CORRECT and earlier.is_frozen

    history = store.versions(CASE_ID)
    assert [(v.version, v.status, v.signed_off_by) for v in history] == [
        (1, ReviewStatus.COMPLETED, "Ann Smith"),
        (2, ReviewStatus.IN_PROGRESS, None),
    ]
    assert history[0].outcome is Outcome.MAINTAINED


def test_only_a_completed_review_starts_a_new_version(store):
    token = store.create(sample_review(), "ann")
    with pytest.raises(ReviewError, match="is not completed; edit it instead"):
        store.new_version(CASE_ID, "ann", token)


def test_an_unknown_earlier_version_is_reported_with_the_ones_that_exist(store):
    store.create(sample_review(), "ann")
    with pytest.raises(
        ReviewNotFound, match="No version 4 of the review of 'IC-266000-V6Y0'; it has"
    ):
        store.get(CASE_ID, version=4)


def test_a_review_cannot_go_back_to_draft(store):
    token = store.create(sample_review(), "ann")
    review, token = store.edit(CASE_ID, "grounds", "More is held", "ann", token)
    data = review.to_json()
    data["status"] = "draft"
    with pytest.raises(ReviewError, match="cannot go back from in progress to draft"):
        store.save(type(review).from_json(data), "ann", token)

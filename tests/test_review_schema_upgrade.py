"""A review saved before points kept their reading (schema 1) is read with every point as read."""

from __future__ import annotations

import pytest

from workbench.errors import ReviewError
from workbench.review import SCHEMA_VERSION, Review

OLD = {
    "schema_version": 1,
    "case_id": "IC-1",
    "status": "in_progress",
    "points": [
        {
            "label": "1",
            "request_text": "Budgets",
            "original_determination": "not_held",
            "provisions": [],
            "finding": "correct",
        },
        {"label": "2", "request_text": "Minutes", "corrected_determination": "ncnd"},
    ],
}


def test_each_point_of_an_older_review_is_taken_as_read():
    review = Review.from_json(OLD)
    assert review.schema_version == SCHEMA_VERSION == 3
    first, second = review.points
    assert first.read.label == "1" and first.read.text == "Budgets"
    assert first.corrected_values() == []
    assert second.corrected_values() == ["determination"]  # the reviewer had corrected it
    assert review.requester is None and review.set_aside == [] and review.not_searches == []


def test_an_upgraded_review_round_trips_unchanged():
    review = Review.from_json(OLD)
    assert Review.from_json(review.to_json()).to_json() == review.to_json()


def test_a_point_added_by_the_reviewer_stays_without_a_reading():
    data = Review.from_json(OLD).to_json()
    data["points"].append({"label": "3", "read": None})
    assert Review.from_json(data).points[2].added_by_reviewer


def test_a_review_from_a_newer_workbench_is_refused():
    with pytest.raises(ReviewError, match="newer workbench"):
        Review.from_json({**OLD, "schema_version": SCHEMA_VERSION + 1})

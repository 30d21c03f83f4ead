"""A finding on every ground, with reasons, and a remedy where upheld, before completion."""

from __future__ import annotations

import pytest
from grounds_fixtures import review_with_grounds

from workbench import review_grounds as rg
from workbench.errors import ReviewError
from workbench.review import Remedy


def _decided(review):
    for point in review.points:
        review = review.with_value(f"points.{review.points.index(point)}.finding", "correct")
    for index, _provision in enumerate(review.provisions):
        review = review.with_value(f"provisions.{index}.finding", "upheld")
    return review


def test_completion_lists_every_ground_without_its_finding_reasons_or_remedy():
    review = _decided(review_with_grounds())
    assert review.missing_for_completion("Ann") == [
        "a finding for ground g1",
        "a finding for ground g2",
        "a finding for ground g3",
    ]
    review = rg.set_ground_finding(review, "g1", "upheld")
    review = rg.set_ground_finding(review, "g2", "not_upheld", reasons="Both inboxes searched.")
    missing = review.missing_for_completion("Ann")
    assert "the reasons for the finding on ground g1" in missing
    assert any(item.startswith("a remedy for ground g1") for item in missing)
    assert "a finding for ground g3" in missing and len(missing) == 3

    with pytest.raises(ReviewError, match="a finding for ground g3") as refused:
        review.complete("Ann")
    assert "a finding for ground g3" in refused.value.context["missing"]


def test_a_review_whose_every_ground_is_answered_is_completed():
    review = _decided(review_with_grounds())
    review = rg.set_ground_finding(
        review, "g1", "partly_upheld", reasons="Some emails were missed.", remedies="new_searches"
    )
    review = rg.set_ground_finding(review, "g2", "not_upheld", reasons="Both inboxes searched.")
    review = rg.set_ground_finding(
        review, "g3", "upheld", reasons="31 working days.", remedy="We apologise."
    )
    assert review.ground("g1").remedies == [Remedy.NEW_SEARCHES]
    review.complete("Ann")
    assert review.is_frozen


def test_only_what_is_given_changes_and_an_empty_finding_clears_it():
    review = rg.set_ground_finding(review_with_grounds(), "g1", "upheld", reasons="Yes.")
    review = rg.set_ground_finding(review, "g1", remedies="Disclose the information; new_searches")
    ground = review.ground("g1")
    assert (ground.finding, ground.reasons) == ("upheld", "Yes.")
    assert ground.remedies == [Remedy.DISCLOSE, Remedy.NEW_SEARCHES]
    assert rg.set_ground_finding(review, "g1", "").ground("g1").finding is None
    assert rg.set_ground_finding(review, "g1", "Partly upheld").ground("g1").finding == (
        "partly_upheld"
    )

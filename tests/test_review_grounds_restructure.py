"""Grounds read as one are split, grounds read as two merged, a non-ground deleted, one moved."""

from __future__ import annotations

import pytest
from grounds_fixtures import request_text, review_with_grounds

from workbench import review_grounds as rg
from workbench.errors import ReviewError


def test_a_split_copies_everything_typed_into_each_part():
    review = rg.set_ground_finding(review_with_grounds(), "g1", "upheld", reasons="Emails exist.")
    review = rg.split_ground(review, "g1")
    first, second = review.requester_grounds[:2]
    assert (first.id, second.id) == ("g1a", "g1b")
    for part in (first, second):
        assert part.reasons == "Emails exist." and part.finding == "upheld"
        assert part.category == "more_information_held"
    named = rg.split_ground(review, "g2", "g2x, g2y, g2z")
    assert [g.id for g in named.requester_grounds] == ["g1a", "g1b", "g2x", "g2y", "g2z", "g3"]


def test_a_merge_takes_the_words_spanning_both_and_joins_what_was_typed():
    request = request_text()
    review = review_with_grounds()
    review = rg.set_ground_finding(review, "g1", "upheld", reasons="More emails exist.")
    review = rg.set_ground_finding(review, "g2", "partly_upheld", reasons="Two inboxes missed.")
    merged = rg.merge_grounds(review, "g1", "g2", text=request.text)
    ground = merged.ground("g1")
    assert [g.id for g in merged.requester_grounds] == ["g1", "g3"]
    assert request.text[ground.start : ground.end] == ground.quote
    assert ground.quote.startswith("My request asked") and ground.quote.endswith("as well.")
    assert ground.reasons == "More emails exist.\n\nTwo inboxes missed."
    assert ground.finding is None  # the two findings differed: the reviewer decides again
    assert "The searches for the information were inadequate." in ground.summary


def test_a_split_then_merged_ground_does_not_repeat_its_text():
    review = rg.set_ground_finding(review_with_grounds(), "g1", "upheld", reasons="Emails exist.")
    again = rg.merge_grounds(rg.split_ground(review, "g1"), "g1a", "g1b", "g1")
    ground = again.ground("g1")
    assert ground.reasons == "Emails exist." and ground.finding == "upheld"
    assert ground.summary == review.ground("g1").summary


def test_delete_and_move():
    review = rg.move_ground(review_with_grounds(), "g3", 0)
    assert [g.id for g in review.requester_grounds] == ["g3", "g1", "g2"]
    review = rg.delete_ground(review, "g1")
    assert [g.id for g in review.requester_grounds] == ["g3", "g2"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda r: rg.split_ground(r, "g1", "g1a"), "two or more ids"),
        (lambda r: rg.split_ground(r, "g1", "g2, g1b"), "already has ground g2"),
        (lambda r: rg.split_ground(r, "g1", "g1a, g1a"), "different ids"),
        (lambda r: rg.merge_grounds(r, "g1", "g1"), "two different grounds"),
        (lambda r: rg.merge_grounds(r, "g1", "g2", "g3"), "already has a ground g3"),
        (lambda r: rg.move_ground(r, "g1", 7), "outside the list of 3"),
        (lambda r: rg.delete_ground(r, "g7"), "No ground 'g7'"),
    ],
)
def test_a_restructuring_that_makes_no_sense_is_refused(change, message):
    with pytest.raises(ReviewError, match=message):
        change(review_with_grounds())

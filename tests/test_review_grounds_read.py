"""The grounds of a review request are read into the review as a proposal, and only when due."""

from __future__ import annotations

import pytest
from grounds_fixtures import bare_review, request_text, review_with_grounds

from workbench import review_grounds
from workbench.errors import ReviewError
from workbench.review import ReviewStatus


def test_each_ground_is_proposed_with_the_readers_category_words_and_confidence():
    request = request_text()
    review = review_grounds.read_grounds(bare_review(), request)

    assert [g.id for g in review.requester_grounds] == ["g1", "g2", "g3"]
    assert [g.category for g in review.requester_grounds] == [
        "more_information_held",
        "searches_inadequate",
        "delay",
    ]
    for ground in review.requester_grounds:
        assert request.text[ground.start : ground.end] == ground.quote
        assert ground.read is not None and ground.read.quote == ground.quote
        assert ground.corrected_values() == [] and ground.finding is None
        assert 0 < ground.confidence <= 1
    assert review.grounds_read.source == "review_request"
    assert review.grounds_read.digest == request.digest


def test_reading_is_not_the_reviewers_work_a_draft_stays_a_draft():
    review = review_grounds.read_grounds(bare_review(), request_text())
    assert review.status is ReviewStatus.DRAFT


def test_grounds_are_due_once_per_text_and_never_over_the_reviewers_own():
    request = request_text()
    review = bare_review()
    assert review_grounds.grounds_due(review, request)
    read = review_grounds.read_grounds(review, request)
    assert not review_grounds.grounds_due(read, request)  # it has grounds

    emptied = read
    for ground in read.requester_grounds:
        emptied = review_grounds.delete_ground(emptied, ground.id)
    assert not review_grounds.grounds_due(emptied, request)  # deleted on purpose: not again

    replaced = review_grounds.RequestText(
        request.text + "\nAlso, section 43 does not apply.\n", "review_request"
    )
    assert review_grounds.grounds_due(emptied, replaced)  # a new review request is read
    assert not review_grounds.grounds_due(bare_review(), None)


def test_a_review_that_has_grounds_is_read_again_only_to_replace_them():
    review = review_with_grounds()
    with pytest.raises(ReviewError, match="already has 3 ground"):
        review_grounds.read_grounds(review, request_text())
    marked = review_grounds.set_ground_finding(
        review, "g1", "upheld", reasons="x", remedies="disclose"
    )
    again = review_grounds.read_grounds(marked, request_text(), replace=True)
    assert [g.finding for g in again.requester_grounds] == [None, None, None]


def test_a_request_stating_no_ground_gives_none_and_the_requesters_words_are_the_fallback():
    from grounds_fixtures import SYNTHETIC

    silent = review_grounds.RequestText((SYNTHETIC / "syn-008.txt").read_text(), "review_request")
    assert review_grounds.read_grounds(bare_review(), silent).requester_grounds == []

    typed = bare_review(grounds="You took 31 working days to reply, which is late.")
    request = review_grounds.review_request_text(None, typed)
    assert request is not None and request.source == "grounds"
    read = review_grounds.read_grounds(typed, request)
    assert [g.category for g in read.requester_grounds] == ["delay"]
    assert review_grounds.review_request_text("The document's words", typed).source == (
        "review_request"
    )


def test_a_completed_review_gets_no_grounds():
    from review_fixtures import decided_review

    done = decided_review()
    done.complete("A. Reviewer")
    assert not review_grounds.grounds_due(done, request_text())
    with pytest.raises(ReviewError, match="frozen"):
        review_grounds.read_grounds(done, request_text())

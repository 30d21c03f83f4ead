"""The reviewer corrects a ground: category, summary, points, provisions, the requester's words."""

from __future__ import annotations

import pytest
from grounds_fixtures import bare_review, request_text, review_with_grounds

from workbench import review_grounds as rg
from workbench.errors import ReviewError
from workbench.parsing.model import Evidence
from workbench.review import ReviewStatus


def test_each_value_is_corrected_and_shown_against_what_was_read():
    review = review_with_grounds()
    review = rg.set_ground_category(review, "g1", "Incomplete answer")
    review = rg.set_ground_summary(review, "g1", "  Emails from January to May were not sent  ")
    review = rg.set_ground_points(review, "g1", "1, 2")
    review = rg.set_ground_provisions(review, "g1", "section 1(1)(b), s.16")
    ground = review.ground("g1")
    assert ground.category == "incomplete"
    assert ground.summary == "Emails from January to May were not sent"
    assert ground.points == ["1", "2"]
    assert ground.provisions == ["s.1(1)(b)", "s.16"]
    assert ground.corrected_values() == ["category", "summary", "provisions", "points"]
    assert ground.read.category == "more_information_held"
    assert review.status is ReviewStatus.IN_PROGRESS  # the reviewer's work starts it


def test_the_requesters_words_are_taken_from_the_review_request_only():
    request = request_text()
    review = review_with_grounds()
    start = request.text.index("I find it very hard")
    words = Evidence(quote="I find it very hard to believe", start=start, end=start + 30,
                     source="review_request")  # fmt: skip
    review = rg.set_ground_quote(review, "g1", words)
    assert (review.ground("g1").quote, review.ground("g1").start) == (words.quote, start)
    with pytest.raises(ReviewError, match="select them in the review request"):
        rg.set_ground_quote(review, "g1", Evidence(quote="x", start=0, end=1, source="response"))
    assert rg.set_ground_quote(review, "g1", None).ground("g1").quote == ""


def test_a_ground_is_added_in_the_order_raised_or_at_the_end():
    request = request_text()
    review = review_with_grounds()
    review = rg.add_ground(review, "fees", "Charged for copies")
    assert [g.id for g in review.requester_grounds] == ["g1", "g2", "g3", "g4"]
    assert review.ground("g4").added_by_reviewer and review.ground("g4").confidence is None

    start = request.text.index("You have sent me")
    early = Evidence(quote="You have sent me four emails", start=start, end=start + 28,
                     source="review_request")  # fmt: skip
    review = rg.add_ground(review, "incomplete", quote=early)
    assert [g.id for g in review.requester_grounds] == ["g1", "g5", "g2", "g3", "g4"]
    review = rg.add_ground(review, "other", "Narrows the request", after="g1", ground_id="g1x")
    assert [g.id for g in review.requester_grounds][:2] == ["g1", "g1x"]


def _words(text: str) -> Evidence:
    return Evidence(quote=text, start=0, end=len(text), source="review_request")


def test_selected_words_are_read_for_their_category_else_take_the_one_chosen():
    text = "Your response was late: it took 31 working days."
    (ground,) = rg.add_ground_from_words(bare_review(), _words(text)).requester_grounds
    assert ground.category == "delay" and ground.quote == text and ground.added_by_reviewer

    plain = "Thank you for your letter."
    (ground,) = rg.add_ground_from_words(bare_review(), _words(plain), "fees").requester_grounds
    assert (ground.category, ground.summary, ground.quote) == ("fees", "", plain)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda r: rg.set_ground_category(r, "g1", "unhappy"), "Unknown category 'unhappy'"),
        (
            lambda r: rg.set_ground_provisions(r, "g1", "section 999 of nothing"),
            "Unknown provision",
        ),
        (lambda r: rg.set_ground_points(r, "g1", "point two"), "cannot be a point label"),
        (lambda r: rg.set_ground_summary(r, "g9", "x"), "No ground 'g9'.*g1, g2, g3"),
        (lambda r: rg.set_ground_category(r, "g9", "unhappy"), "No ground 'g9'"),
        (lambda r: rg.add_ground(r, "other", ground_id="ground one"), "cannot be a ground id"),
        (lambda r: rg.add_ground(r, "other", ground_id="g2"), "already has a ground g2"),
        (lambda r: rg.set_ground_finding(r, "g1", "maybe"), "Unknown finding 'maybe'"),
        (lambda r: rg.set_ground_finding(r, "g1", remedies="pay me"), "Unknown remedy"),
    ],
)
def test_bad_input_is_one_message_naming_the_valid_values_and_nothing_changes(change, message):
    review = review_with_grounds()
    before = review.to_json()
    with pytest.raises(ReviewError, match=message):
        change(review)
    assert review.to_json() == before

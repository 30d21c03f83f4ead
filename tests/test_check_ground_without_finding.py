"""ground-without-finding: a ground of the review request the review has not answered yet."""

from pathlib import Path

from tests.check_letters import context, letter, run
from workbench import review_grounds
from workbench.checks import Severity
from workbench.review import Review

REQUEST = Path(__file__).parent / "review_requests" / "synthetic" / "syn-102.txt"


def _review_with_grounds() -> Review:
    text = REQUEST.read_text(encoding="utf-8")
    request = review_grounds.RequestText(text, "review_request")
    return review_grounds.read_grounds(Review(case_id="IC-1", regime="FOIA"), request)


def test_each_ground_without_a_finding_is_an_issue_quoting_the_requester():
    review = _review_with_grounds()
    review = review_grounds.set_ground_finding(review, "g1", "not_upheld", reasons="None held.")
    ctx = context(letter("point_all_answered.txt"))
    ctx.review = review

    found = run("ground-without-finding", ctx)

    assert [f.id for f in found] == ["ground-without-finding:g2", "ground-without-finding:g3"]
    assert all(f.severity is Severity.ISSUE for f in found)
    assert found[1].evidence[0].quote == "Separately, your response took 31 working days."
    assert found[1].evidence[0].source == "review_request"
    assert "cannot be completed" in found[0].explanation


def test_a_case_without_a_review_or_with_every_ground_answered_gives_no_finding():
    ctx = context(letter("point_all_answered.txt"))
    assert run("ground-without-finding", ctx) == []
    review = _review_with_grounds()
    for ground in review.requester_grounds:
        review = review_grounds.set_ground_finding(review, ground.id, "not_upheld", reasons="x")
    ctx.review = review
    assert run("ground-without-finding", ctx) == []

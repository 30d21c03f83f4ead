"""review-rights-missing: the letter must tell the requester about internal review."""

from tests.check_letters import context, letter, point, run
from workbench.checks import Severity
from workbench.parsing.model import Determination as D


def _ctx(name: str, determination=D.HELD_WITHHELD, provisions=("s.42",), **fields):
    text = letter(name)
    points = [point(text, "1", determination, "We hold this information", provisions)]
    return context(text, points=points, provisions=provisions, **fields)


def test_a_refusal_without_review_rights_is_an_issue():
    [finding] = run("review-rights-missing", _ctx("rights_missing.txt"))
    assert finding.severity is Severity.ISSUE
    assert "s.17(7)" in finding.explanation


def test_a_refusal_giving_review_rights_satisfies_the_check():
    assert run("review-rights-missing", _ctx("rights_given.txt")) == []


def test_a_full_disclosure_without_review_rights_is_only_a_warning():
    ctx = _ctx("rights_missing.txt", determination=D.HELD_DISCLOSED, provisions=())
    [finding] = run("review-rights-missing", ctx)
    assert finding.severity is Severity.WARNING


def test_a_review_outcome_is_not_asked_to_offer_another_review():
    """A review outcome *is* the review: asking it for "the right to a review" was a false
    alarm the audit found (issue 12, checks that fit the letter)."""
    text = letter("review_outcome_no_review_words.txt")
    ctx = context(text, kind="internal_review_outcome", provisions=("s.43(2)",))
    assert run("review-rights-missing", ctx) == []
    # The same letter read as a first response is told it lacks the review right.
    assert run("review-rights-missing", context(text, provisions=("s.43(2)",)))

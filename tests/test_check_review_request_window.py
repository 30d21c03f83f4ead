"""review-request-window: was the review asked for within 40 working days of the response?"""

import datetime as dt

from tests.check_letters import context, letter, run
from workbench.checks import Severity

RESPONDED = dt.date(2024, 3, 1)  # 40 working days later (Easter skipped): Wed 1 May 2024


def test_a_review_requested_six_working_days_after_the_window_is_a_warning():
    ctx = context(
        letter("review_window.txt"), responded=RESPONDED, review_requested=dt.date(2024, 5, 10)
    )
    [finding] = run("review-request-window", ctx)
    assert finding.severity is Severity.WARNING
    assert finding.title == "Review requested 6 working days after the window"
    assert "until Wed 01 May 2024" in finding.explanation


def test_a_review_requested_within_the_window_is_information():
    ctx = context(
        letter("review_window.txt"), responded=RESPONDED, review_requested=dt.date(2024, 4, 15)
    )
    [finding] = run("review-request-window", ctx)
    assert finding.severity is Severity.INFO
    assert finding.title.startswith("Review requested in time")


def test_with_no_review_request_date_nothing_is_reported():
    ctx = context(letter("review_window.txt"), responded=RESPONDED, review_requested=None)
    assert run("review-request-window", ctx) == []


def test_a_known_review_date_with_no_response_date_asks_for_the_response_date():
    ctx = context(
        letter("review_window.txt"), responded=None, review_requested=dt.date(2024, 5, 10)
    )
    [finding] = run("review-request-window", ctx)
    assert finding.severity is Severity.INFO
    assert "response date" in finding.explanation


def test_a_foisa_review_requested_after_29_july_is_in_time_when_the_request_was_due_later():
    """FOISA s.20(5): the window runs from the expiry of the time for compliance (18 June),
    not from an early response on 3 June; a request for review on 5 August is in time
    (issue 12 item 10: valid FOISA review requests were flagged as late)."""
    ctx = context(
        letter("review_window.txt"),
        regime="FOISA",
        received=dt.date(2024, 5, 20),
        responded=dt.date(2024, 6, 3),
        review_requested=dt.date(2024, 8, 5),
    )
    [finding] = run("review-request-window", ctx)
    assert finding.severity is Severity.INFO
    assert finding.title.startswith("Review requested in time")
    assert "FOISA s.20(5)(a)" in finding.explanation


def test_a_foisa_review_that_looks_late_without_the_receipt_date_is_not_checked():
    """Without the date of receipt the FOISA window cannot be counted as s.20(5) says."""
    ctx = context(
        letter("review_window.txt"),
        regime="FOISA",
        responded=dt.date(2024, 6, 3),
        review_requested=dt.date(2024, 8, 5),
    )
    [finding] = run("review-request-window", ctx)
    assert finding.severity is Severity.INFO
    assert "could not be checked" in finding.title

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
    assert finding.severity is Severity.WARNING
    assert "response date" in finding.explanation

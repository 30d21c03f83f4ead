"""response-timeliness: working days from receipt to response against the 20-day limit."""

import datetime as dt

from tests.check_letters import context, letter, run, span
from workbench.checks import Severity


def test_a_response_on_working_day_35_is_an_issue_late_by_15_working_days():
    text = letter("timeliness_late.txt")
    ctx = context(text, received=dt.date(2024, 1, 2), responded=dt.date(2024, 2, 20))
    [finding] = run("response-timeliness", ctx)
    assert finding.severity is Severity.ISSUE
    assert finding.title == "Response late by 15 working days"
    assert "due by Tue 30 Jan 2024" in finding.explanation
    assert "working day 35" in finding.explanation


def test_a_response_on_working_day_19_is_reported_on_time_as_information():
    text = letter("timeliness_on_time.txt")
    ctx = context(text, received=dt.date(2024, 1, 2), responded=dt.date(2024, 1, 29))
    [finding] = run("response-timeliness", ctx)
    assert finding.severity is Severity.INFO
    assert finding.title == "Responded on time (working day 19)"


def test_the_dates_read_from_the_letter_are_quoted_as_evidence():
    text = letter("timeliness_late.txt")
    ctx = context(
        text,
        received=dt.date(2024, 1, 2),
        responded=dt.date(2024, 2, 20),
        field_evidence={
            "date_received": span(text, "2 January 2024"),
            "date_of_response": span(text, "20 February 2024"),
        },
    )
    [finding] = run("response-timeliness", ctx)
    assert [e.quote for e in finding.evidence] == ["20 February 2024", "2 January 2024"]


def test_unknown_dates_are_information_naming_the_missing_date():
    """A check that cannot decide says so as information, never as an issue (issue 12)."""
    ctx = context(letter("timeliness_on_time.txt"), received=None, responded=dt.date(2024, 2, 20))
    [finding] = run("response-timeliness", ctx)
    assert finding.severity is Severity.INFO
    assert "could not be checked" in finding.title
    assert "the date the request was received" in finding.explanation


def test_a_letter_that_apologises_for_the_delay_admits_a_breach_even_without_dates():
    """FOIA s.10(1): an apology for the delay admits the 20 working days were missed; the
    audit found an admitted five-month delay the checks had missed (issue 12)."""
    ctx = context(letter("timeliness_late.txt"), received=None, responded=None)
    [finding] = run("response-timeliness", ctx)
    assert finding.severity is Severity.ISSUE
    assert "admits" in finding.title
    assert any("apologies for the delay" in e.quote for e in finding.evidence)


def test_a_scottish_request_counts_only_scottish_holidays():
    # Easter Monday 1 April 2024 is a bank holiday in England but not in Scotland, so
    # 18 April is working day 19 under FOIA and working day 20 under FOISA.
    text = letter("timeliness_on_time.txt")
    dates = {"received": dt.date(2024, 3, 20), "responded": dt.date(2024, 4, 18)}
    [foisa] = run("response-timeliness", context(text, regime="FOISA", **dates))
    [foia] = run("response-timeliness", context(text, regime="FOIA", **dates))
    assert foisa.title == "Responded on time (working day 20)"
    assert foia.title == "Responded on time (working day 19)"


def test_a_response_dated_before_the_request_is_information_not_a_crash():
    ctx = context(
        letter("timeliness_late.txt"), received=dt.date(2024, 2, 20), responded=dt.date(2024, 1, 2)
    )
    [finding] = run("response-timeliness", ctx)
    assert finding.severity is Severity.INFO
    assert "do not make sense" in finding.explanation


# --------------------------------------------------------------------------- the letter's kind


def test_a_review_outcome_is_measured_by_the_reviews_own_limit_not_20_days():
    """EIR reg 11(4): the review has 40 working days. Measured as a first response (20
    working days from the date the letter says it received the request), this letter would
    be "late"; by its own rule it is on time (issue 12 item 12)."""
    text = letter("review_outcome_eir.txt")
    ctx = context(
        text,
        regime="EIR",
        kind="internal_review_outcome",
        received=dt.date(2024, 4, 8),
        responded=dt.date(2024, 5, 31),
        review_requested=dt.date(2024, 4, 8),
    )
    [finding] = run("response-timeliness", ctx)
    assert finding.severity is Severity.INFO
    assert finding.title == "Review completed on time"
    assert "40 working days under EIR reg 11(4)" in finding.explanation


def test_a_foisa_review_outcome_gets_twenty_working_days():
    """FOISA s.21(1): the review must be done by the 20th working day after receipt."""
    text = letter("review_outcome_eir.txt")
    ctx = context(
        text,
        regime="FOISA",
        kind="internal_review_outcome",
        responded=dt.date(2024, 5, 31),
        review_requested=dt.date(2024, 4, 8),
    )
    [finding] = run("response-timeliness", ctx)
    assert finding.severity is Severity.ISSUE
    assert "FOISA s.21(1)" in finding.explanation


def test_a_review_outcome_without_the_review_request_date_is_not_checked():
    """A check that cannot decide says "could not be checked" as information."""
    ctx = context(
        letter("review_outcome_eir.txt"),
        regime="EIR",
        kind="internal_review_outcome",
        received=dt.date(2024, 1, 2),
        responded=dt.date(2024, 5, 31),
    )
    [finding] = run("response-timeliness", ctx)
    assert finding.severity is Severity.INFO
    assert "could not be checked" in finding.title


def test_a_holding_notice_is_judged_on_its_own_date_not_the_promised_one():
    """FOIA s.17(1)-(2): the notice extending time must come within 20 working days; the
    date it promises is not a response date (issue 12: "late" on a holding notice)."""
    ctx = context(
        letter("holding_notice_long.txt"),
        kind="holding_notice",
        received=dt.date(2024, 2, 1),
        responded=dt.date(2024, 2, 29),
    )
    [finding] = run("response-timeliness", ctx)
    assert finding.severity is Severity.INFO
    assert finding.title == "Holding notice sent on time (working day 20)"


def test_the_clock_restarts_when_clarification_arrives():
    """FOIA s.1(3) and s.10(6): no duty to comply until the clarification is received; the
    20 working days run from it (issue 12: "late" on a letter whose clock restarted)."""
    text = letter("timeliness_on_time.txt")
    dates = {"received": dt.date(2024, 3, 1), "responded": dt.date(2024, 4, 18)}
    [plain] = run("response-timeliness", context(text, **dates))
    [clarified] = run("response-timeliness", context(text, clarified=dt.date(2024, 3, 20), **dates))
    assert plain.severity is Severity.ISSUE
    assert clarified.severity is Severity.INFO
    assert "clarification received 20 Mar 2024" in clarified.explanation

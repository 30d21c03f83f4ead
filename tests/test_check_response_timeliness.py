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


def test_unknown_dates_give_a_warning_naming_the_missing_date():
    ctx = context(letter("timeliness_late.txt"), received=None, responded=dt.date(2024, 2, 20))
    [finding] = run("response-timeliness", ctx)
    assert finding.severity is Severity.WARNING
    assert "the date the request was received" in finding.explanation


def test_a_scottish_request_counts_only_scottish_holidays():
    # Easter Monday 1 April 2024 is a bank holiday in England but not in Scotland, so
    # 18 April is working day 19 under FOIA and working day 20 under FOISA.
    text = letter("timeliness_on_time.txt")
    dates = {"received": dt.date(2024, 3, 20), "responded": dt.date(2024, 4, 18)}
    [foisa] = run("response-timeliness", context(text, regime="FOISA", **dates))
    [foia] = run("response-timeliness", context(text, regime="FOIA", **dates))
    assert foisa.title == "Responded on time (working day 20)"
    assert foia.title == "Responded on time (working day 19)"


def test_a_response_dated_before_the_request_is_a_warning_not_a_crash():
    ctx = context(
        letter("timeliness_late.txt"), received=dt.date(2024, 2, 20), responded=dt.date(2024, 1, 2)
    )
    [finding] = run("response-timeliness", ctx)
    assert finding.severity is Severity.WARNING
    assert "do not make sense" in finding.explanation

"""extension-too-long: a FOIA s.10(3) extension of more than 20 further working days."""

import datetime as dt

from tests.check_letters import context, letter, run
from workbench.checks import Severity


def test_an_extension_to_60_further_working_days_is_a_warning():
    """ICO guidance on time limits (s.10): a public interest extension should normally be
    no more than 20 further working days (issue 12 item 11)."""
    ctx = context(
        letter("holding_notice_long.txt"),
        kind="holding_notice",
        received=dt.date(2024, 2, 1),
        responded=dt.date(2024, 2, 29),
    )
    [finding] = run("extension-too-long", ctx)
    assert finding.severity is Severity.WARNING
    # St Patrick's Day (NI), Good Friday, Easter Monday and two May bank holidays skipped
    assert finding.title == "Extension of 60 further working days"
    assert "30 May 2024" in finding.evidence[0].quote


def test_an_extension_of_20_further_working_days_is_information():
    """FOIA s.10(3) "reasonable in the circumstances": 20 further days is what the ICO expects."""
    ctx = context(
        letter("holding_notice_short.txt"),
        kind="holding_notice",
        received=dt.date(2024, 2, 1),
        responded=dt.date(2024, 2, 29),
    )
    [finding] = run("extension-too-long", ctx)
    assert finding.severity is Severity.INFO


def test_no_extension_mentioned_nothing_reported():
    ctx = context(letter("timeliness_on_time.txt"), received=dt.date(2024, 3, 1))
    assert run("extension-too-long", ctx) == []


def test_an_extension_with_no_known_receipt_date_is_not_checked():
    """A check that cannot decide reports "could not be checked" as information."""
    ctx = context(letter("holding_notice_long.txt"), kind="holding_notice")
    [finding] = run("extension-too-long", ctx)
    assert finding.severity is Severity.INFO

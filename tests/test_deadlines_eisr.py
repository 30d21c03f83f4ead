"""EISR: Scottish working days (reg 2(1), FOISA s.73), 20 days (reg 5(2)(a)), up to 40 with
a reg 7(1) extension, and a review within 20 working days (reg 16(4))."""

import datetime as dt

import pytest

from workbench.deadlines import response_deadline, review_deadline, review_working_days
from workbench.errors import DateError


def test_eisr_counts_scottish_bank_holidays_only():
    # Easter Monday 10 Apr 2023 is not a bank holiday in Scotland; St Andrew's Day is.
    eisr = response_deadline("2023-04-03", "EISR")
    eir = response_deadline("2023-04-03", "EIR")
    assert dt.date(2023, 4, 10) not in [s.date for s in eisr.skipped]
    assert eisr.due < eir.due
    assert dt.date(2023, 11, 30) in [
        s.date for s in response_deadline("2023-11-20", "EISR").skipped
    ]


def test_eisr_response_is_due_on_the_twentieth_working_day():
    # Good Friday 29 Mar 2024 is skipped; Easter Monday 1 Apr and St Patrick's Day (observed
    # 18 Mar) are working days in Scotland, but not under the EIR's UK-wide count.
    deadline = response_deadline("2024-03-04", "EISR", responded="2024-04-02")
    assert deadline.working_days == 20
    assert deadline.due == dt.date(2024, 4, 2)
    assert deadline.on_time
    assert response_deadline("2024-03-04", "EIR").due == dt.date(2024, 4, 4)


def test_eisr_extension_reaches_forty_working_days_at_most():
    extended = response_deadline("2024-03-04", "EISR", extension_days=20)
    assert extended.working_days == 40
    assert "EISR reg 7(1)" in " ".join(extended.notes)
    with pytest.raises(DateError, match="EISR reg 7"):
        response_deadline("2024-03-04", "EISR", extension_days=21)


def test_eisr_review_is_due_within_twenty_working_days():
    assert review_working_days("EISR") == 20
    deadline = review_deadline("2024-03-04", "EISR")
    assert deadline.working_days == 20
    assert "EISR reg 16(4)" in " ".join(deadline.notes)

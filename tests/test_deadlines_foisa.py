"""FOISA s.73: only Scottish bank holidays count; FOISA allows no extension."""

import datetime as dt

import pytest

from workbench.deadlines import response_deadline, review_request_deadline
from workbench.errors import DateError


def test_foisa_ignores_an_england_only_bank_holiday():
    # Easter Monday 10 Apr 2023 is not a bank holiday in Scotland.
    foisa = response_deadline("2023-04-03", "FOISA")
    foia = response_deadline("2023-04-03", "FOIA")
    assert dt.date(2023, 4, 10) not in [s.date for s in foisa.skipped]
    assert dt.date(2023, 4, 10) in [s.date for s in foia.skipped]
    assert foisa.due < foia.due


def test_foisa_skips_st_andrews_day():
    d = response_deadline("2023-11-20", "FOISA")
    assert dt.date(2023, 11, 30) in [s.date for s in d.skipped]


def test_foisa_ignores_a_northern_ireland_holiday():
    d = response_deadline("2023-07-03", "FOISA")
    assert dt.date(2023, 7, 12) not in [s.date for s in d.skipped]


def test_foisa_refuses_an_extension():
    with pytest.raises(DateError, match="FOISA allows no extension"):
        response_deadline("2023-07-03", "FOISA", extension_days=20)


def test_unknown_regime_is_named():
    with pytest.raises(DateError, match="Unknown regime 'GDPR'"):
        response_deadline("2023-07-03", "GDPR")


# --------------------------------------------------------------------------- FOISA s.20(5)


def test_review_window_runs_from_the_expiry_of_the_time_for_compliance():
    """FOISA s.20(5)(a): the requester's 40 working days run from the expiry of the time
    for compliance, so a response on 3 June 2024 to a request due 18 June leaves the window
    open until 14 August, not 29 July (issue 12 item 10)."""
    window = review_request_deadline("2024-06-03", "FOISA", received="2024-05-20")
    assert window.start == dt.date(2024, 6, 18)
    assert window.due == dt.date(2024, 8, 14)
    assert "s.20(5)(a)" in window.notes[0]


def test_review_window_after_a_late_response_runs_from_its_receipt():
    """FOISA s.20(5)(b): a late response starts the 40 working days when it is received."""
    window = review_request_deadline("2024-07-01", "FOISA", received="2024-05-20")
    assert window.start == dt.date(2024, 7, 1)
    assert "s.20(5)(b)" in window.notes[0]


def test_without_the_date_of_receipt_the_foisa_window_is_counted_from_the_response():
    window = review_request_deadline("2024-06-03", "FOISA")
    assert window.start == dt.date(2024, 6, 3)
    assert "not known" in window.notes[0]


def test_foia_review_window_still_runs_from_the_response():
    """s.45 Code (2018): 40 working days from the response; FOISA's rule is its own."""
    window = review_request_deadline("2024-06-03", "FOIA", received="2024-05-20")
    assert window.start == dt.date(2024, 6, 3)

"""Extensions, clock stops, non-working-day receipt and the review windows."""

import datetime as dt

import pytest

from workbench.deadlines import (
    WorkingCalendar,
    response_deadline,
    review_deadline,
    review_request_deadline,
)
from workbench.errors import DateError


def test_foia_public_interest_extension_adds_working_days():
    d = response_deadline("2023-10-25", extension_days=20)
    assert d.working_days == 40
    assert d.due == WorkingCalendar("FOIA").add_working_days(dt.date(2023, 10, 25), 40)
    assert any("s.10(3)" in n for n in d.notes)


def test_eir_extension_caps_at_forty_working_days():
    assert response_deadline("2023-10-25", "EIR", extension_days=20).working_days == 40
    with pytest.raises(DateError, match="at most 40"):
        response_deadline("2023-10-25", "EIR", extension_days=21)


def test_clarification_restarts_the_clock():
    d = response_deadline("2023-10-25", clarification_received="2023-11-01")
    assert d.day_one == dt.date(2023, 11, 2)
    assert d.start == dt.date(2023, 10, 25)


def test_fees_notice_days_are_disregarded():
    plain = response_deadline("2023-10-25")
    paused = response_deadline("2023-10-25", fee_notice="2023-10-30", fee_paid="2023-11-01")
    # Mon 30 Oct to Wed 1 Nov: three working days disregarded
    assert WorkingCalendar("FOIA").working_days_between(plain.due, paused.due) == 3


def test_fee_paid_before_notice_is_refused():
    with pytest.raises(DateError, match="before the fees notice"):
        response_deadline("2023-10-25", fee_notice="2023-11-01", fee_paid="2023-10-30")


def test_saturday_receipt_day_one_is_monday_by_default():
    d = response_deadline("2023-10-28")
    assert d.day_one == dt.date(2023, 10, 30)


def test_saturday_receipt_under_the_next_working_day_setting(monkeypatch):
    monkeypatch.setenv("WORKBENCH_RECEIPT_RULE", "next_working_day")
    d = response_deadline("2023-10-28")
    assert d.clock_start == dt.date(2023, 10, 30)
    assert d.day_one == dt.date(2023, 10, 31)
    assert any("non-working day" in n for n in d.notes)


def test_requester_has_forty_working_days_to_ask_for_a_review():
    window = review_request_deadline("2023-11-22")
    assert window.working_days == 40
    assert window.due == WorkingCalendar("FOIA").add_working_days(dt.date(2023, 11, 22), 40)


@pytest.mark.parametrize(
    ("regime", "exceptional", "days"),
    [("FOIA", False, 20), ("FOIA", True, 40), ("EIR", False, 40), ("FOISA", False, 20)],
)
def test_review_targets(regime, exceptional, days):
    assert review_deadline("2023-12-01", regime, exceptional=exceptional).working_days == days


def test_extra_bank_holiday_file_moves_every_due_date(isolated_data):
    (isolated_data / "extra_bank_holidays.yaml").write_text(
        "- date: 2023-11-01\n  name: Proclaimed test holiday\n  nations: [WLS]\n"
    )
    d = response_deadline("2023-10-25")
    skipped = {s.date: s for s in d.skipped}
    assert skipped[dt.date(2023, 11, 1)].nations == ("WLS",)
    assert d.due == dt.date(2023, 11, 23)


def test_a_broken_extra_holiday_file_is_named(isolated_data):
    from workbench.errors import SettingsError

    (isolated_data / "extra_bank_holidays.yaml").write_text(
        "- date: 2023-11-01\n  name: X\n  nations: [XX]\n"
    )
    with pytest.raises(SettingsError, match="unknown nations"):
        response_deadline("2023-10-25")

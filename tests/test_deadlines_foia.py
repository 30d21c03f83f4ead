"""FOIA s.10: 20 working days, counting from the day after receipt, UK-wide bank holidays."""

import datetime as dt

import pytest

from workbench.deadlines import response_deadline
from workbench.errors import DateError


def test_seed_case_answered_on_the_twentieth_working_day_is_on_time():
    d = response_deadline("2023-10-25", "FOIA", responded="2023-11-22")
    assert d.due == dt.date(2023, 11, 22)
    assert d.working_days_taken == 20
    assert d.on_time is True
    assert d.days_late == 0


def test_day_one_is_the_day_after_receipt():
    d = response_deadline("2023-10-25")
    assert d.day_one == dt.date(2023, 10, 26)


def test_a_response_one_working_day_late_says_so():
    d = response_deadline("2023-10-25", responded="2023-11-23")
    assert d.on_time is False
    assert d.days_late == 1
    assert "late by 1 working days" in d.working()[-1]


def test_scotland_only_bank_holiday_stops_the_count_for_an_english_authority():
    # St Andrew's Day, Thu 30 Nov 2023, is a bank holiday in Scotland only.
    d = response_deadline("2023-11-20")
    assert dt.date(2023, 11, 30) in [s.date for s in d.skipped]
    assert d.due == dt.date(2023, 12, 19)  # one day later than a count that ignored it


def test_northern_ireland_only_bank_holiday_stops_the_count():
    # Battle of the Boyne, Wed 12 Jul 2023, is a bank holiday in Northern Ireland only.
    d = response_deadline("2023-07-03")
    skipped = {s.date: s for s in d.skipped}
    assert dt.date(2023, 7, 12) in skipped
    assert skipped[dt.date(2023, 7, 12)].nations == ("NIR",)
    assert d.due == dt.date(2023, 8, 1)


@pytest.mark.parametrize(
    ("received", "holiday", "name"),
    [
        ("2022-09-12", dt.date(2022, 9, 19), "State Funeral of Queen Elizabeth II"),
        ("2023-05-02", dt.date(2023, 5, 8), "Coronation of Charles III"),
    ],
)
def test_one_off_bank_holidays_are_skipped(received, holiday, name):
    d = response_deadline(received)
    skipped = {s.date: s for s in d.skipped}
    assert holiday in skipped
    assert name in skipped[holiday].name


def test_christmas_and_new_year_span():
    d = response_deadline("2022-12-20", responded="2023-01-23")
    skipped = [s.date for s in d.skipped if not s.is_weekend]
    # Boxing Day, Christmas observed, New Year observed, and Scotland's 3 January
    assert skipped == [
        dt.date(2022, 12, 26),
        dt.date(2022, 12, 27),
        dt.date(2023, 1, 2),
        dt.date(2023, 1, 3),
    ]
    assert d.due == dt.date(2023, 1, 23)
    assert d.on_time


def test_working_shows_day_one_each_holiday_with_its_nation_and_the_last_day():
    lines = response_deadline("2023-11-20").working()
    text = "\n".join(lines)
    assert "Day 1: Tue 21 Nov 2023" in text
    assert "Saint Andrew's Day (Scotland)" in text
    assert "Day 20 (due): Tue 19 Dec 2023" in text


def test_response_before_receipt_is_refused():
    with pytest.raises(DateError, match="before the date received"):
        response_deadline("2023-10-25", responded="2023-10-01")


@pytest.mark.parametrize("bad", ["2023-02-30", "31/10/2023x", "yesterday", ""])
def test_bad_dates_get_a_clear_message(bad):
    with pytest.raises(DateError, match="is not a valid date: write it as 4/12/2023"):
        response_deadline(bad)


def test_an_extension_of_more_than_20_further_working_days_carries_a_warning():
    """ICO guidance on s.10 time limits: a FOIA s.10(3) public interest extension should
    normally be no more than 20 further working days (issue 12 item 11)."""
    long = response_deadline("2024-02-01", "FOIA", extension_days=25)
    usual = response_deadline("2024-02-01", "FOIA", extension_days=20)
    assert long.warnings and "20 the ICO expects" in long.warnings[0]
    assert "Warning:" in "\n".join(long.working())
    assert usual.warnings == []

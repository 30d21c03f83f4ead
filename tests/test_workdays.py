"""Vectorised working days agree with the deadlines module, bank holiday by bank holiday."""

from __future__ import annotations

import datetime as dt
import random

import numpy as np
import pytest

from workbench.deadlines import WorkingCalendar
from workbench.workdays import add_working_days, is_working_day, working_days_between

#: Days the UK calendars disagree on or that sit next to a weekend.
AWKWARD = [
    dt.date(2023, 12, 22),  # Friday before Christmas
    dt.date(2023, 12, 25),  # Christmas Day
    dt.date(2024, 1, 1),
    dt.date(2024, 1, 2),  # Scotland only
    dt.date(2024, 3, 15),  # the Friday before St Patrick's Day (NI only, Mon 18 Mar)
    dt.date(2024, 3, 28),  # before Good Friday
    dt.date(2024, 3, 29),  # Good Friday
    dt.date(2024, 4, 1),  # Easter Monday (not Scotland)
    dt.date(2024, 7, 12),  # Battle of the Boyne (NI only)
    dt.date(2024, 8, 5),  # Summer bank holiday, Scotland
    dt.date(2024, 8, 26),  # Summer bank holiday, England, Wales, NI
    dt.date(2024, 12, 2),  # St Andrew's Day substitute (Scotland)
    dt.date(2024, 12, 28),  # a Saturday
]


@pytest.mark.parametrize("regime", ["FOIA", "EIR", "FOISA"])
def test_counts_and_offsets_match_the_calendar_day_by_day(regime):
    calendar = WorkingCalendar(regime)
    rng = random.Random(regime)
    starts = AWKWARD + [dt.date(2021, 1, 1) + dt.timedelta(rng.randrange(2000)) for _ in range(300)]
    ends = [start + dt.timedelta(rng.randrange(-3, 80)) for start in starts]
    steps = [rng.randrange(0, 45) for _ in starts]

    counted = working_days_between(starts, ends, regime)
    moved = add_working_days(starts, steps, regime)

    pairs = zip(starts, ends, strict=True)
    assert counted.tolist() == [calendar.working_days_between(s, e) for s, e in pairs]
    moves = zip(starts, steps, strict=True)
    assert moved.tolist() == [calendar.add_working_days(s, n) for s, n in moves]
    assert is_working_day(starts, regime).tolist() == [calendar.is_working_day(s) for s in starts]


def test_each_row_counts_under_its_own_regime():
    # Thu 28 Mar to Tue 2 Apr 2024: Good Friday stops every count; Easter Monday is a bank
    # holiday in England, Wales and NI (so for FOIA) but not in Scotland (so not for FOISA).
    start, end = dt.date(2024, 3, 28), dt.date(2024, 4, 2)
    counted = working_days_between([start] * 4, [end] * 4, ["FOIA", "FOISA", None, "mixed"])
    assert counted.tolist() == [1, 2, 1, 1]


def test_a_scotland_only_holiday_stops_the_uk_count_but_an_english_one_not_the_scottish():
    # Easter Monday (1 Apr 2024) is not a Scottish bank holiday; 2 Jan is Scotland-only but
    # FOIA counts a bank holiday anywhere in the UK.
    easter = add_working_days([dt.date(2024, 3, 28)] * 2, 1, ["FOIA", "FOISA"])
    assert easter.tolist() == [dt.date(2024, 4, 2), dt.date(2024, 4, 1)]
    new_year = add_working_days([dt.date(2023, 12, 29)] * 2, 1, ["FOIA", "FOISA"])
    assert new_year.tolist() == [dt.date(2024, 1, 3), dt.date(2024, 1, 3)]


def test_missing_dates_stay_missing():
    counted = working_days_between([dt.date(2024, 1, 8), None], [None, dt.date(2024, 1, 9)], "FOIA")
    assert np.isnan(counted).all()
    assert np.isnat(add_working_days([None], [5], "FOIA")).all()


def test_a_teams_extra_holiday_file_is_honoured(isolated_data):
    # A one-off holiday (like a state funeral) added in the data folder stops the count.
    (isolated_data / "extra_bank_holidays.yaml").write_text(
        "- date: 2031-06-10\n  name: Extra holiday\n  nations: [ENG, WLS, SCT, NIR]\n",
        encoding="utf-8",
    )
    assert WorkingCalendar("FOIA").is_working_day(dt.date(2031, 6, 10)) is False
    moved = add_working_days([dt.date(2031, 6, 9)], [1], "FOIA")
    assert moved.tolist() == [dt.date(2031, 6, 11)]

"""Working-day arithmetic on whole columns of dates, for the register and the demo data.

Why a second home for working days: :mod:`workbench.deadlines` counts one deadline at a
time and shows its working, which is what a reviewer needs.  The register counts
hundreds of thousands of intervals, where a Python loop per row would blow the 2-second
budget.  NumPy's business-day functions do it in C, given the weekend and an array of
the other non-working days, and that array is taken from
:class:`workbench.deadlines.WorkingCalendar` itself — so both agree on every bank
holiday, including those of other UK nations and a team's extra holiday file
(``tests/test_workdays.py`` checks the two against each other).

The conventions are the deadlines module's: the day after the start is day 1, and a
start on a non-working day counts from the next working day.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import numpy as np
import pandas as pd

from .deadlines import WorkingCalendar, parse_regime


def _regime_name(regime: str | None) -> str:
    """The calendar a regime counts on: a mixed or unknown case counts on FOIA's."""
    if regime in (None, "", "mixed"):
        return "FOIA"
    return parse_regime(regime).value


@lru_cache(maxsize=256)
def _year_holidays(regime: str, year: int, extra_key: tuple) -> tuple[dt.date, ...]:
    # ``extra_key`` (extra holiday files with their mtimes) only keys the cache.
    return WorkingCalendar(regime).weekday_holidays(year)


def holiday_array(regime: str | None, first_year: int, last_year: int) -> np.ndarray:
    """Every weekday from ``first_year`` to ``last_year`` that is not a working day.

    Taken from :class:`~workbench.deadlines.WorkingCalendar` (UK-wide bank holidays for
    FOIA and EIR, Scottish ones for FOISA and the EISR, plus any extra holiday files) as
    ``datetime64[D]``; each year is worked out once and remembered until an extra holiday
    file changes.
    """
    name = _regime_name(regime)
    extra_key = WorkingCalendar(name).holiday_files_key
    days = [
        day
        for year in range(first_year, last_year + 1)
        for day in _year_holidays(name, year, extra_key)
    ]
    return np.array(days, dtype="datetime64[D]")


def _days(values) -> np.ndarray:
    """Dates (datetime64, Timestamps, NaT) as ``datetime64[D]``."""
    return np.asarray(pd.to_datetime(pd.Series(values)).to_numpy(), dtype="datetime64[D]")


def _year_span(*columns: np.ndarray, margin: int = 1) -> tuple[int, int]:
    """The years the dates fall in, widened by ``margin`` years each side."""
    present = [column[~np.isnat(column)] for column in columns]
    present = [column for column in present if column.size]
    if not present:
        return 2000, 2000
    years = np.concatenate([column.astype("datetime64[Y]").astype(int) for column in present])
    return int(years.min()) + 1970 - margin, int(years.max()) + 1970 + margin


def working_days_between(start, end, regimes) -> np.ndarray:
    """Working days after each ``start`` up to and including ``end``, row by row.

    The vectorised twin of :meth:`WorkingCalendar.working_days_between`: 0 when ``end``
    is on or before ``start``; NaN where either date is missing.

    :param regimes: one regime for every row, or a sequence of regimes (one a row).
    """
    begin, finish = _days(start), _days(end)
    regime_of_row = _regimes(regimes, len(begin))
    out = np.full(len(begin), np.nan)
    valid = ~(np.isnat(begin) | np.isnat(finish))
    first, last = _year_span(begin[valid], finish[valid])
    for regime in pd.unique(regime_of_row[valid]):
        rows = valid & (regime_of_row == regime)
        holidays = holiday_array(regime, first, last)
        one = np.timedelta64(1, "D")
        counted = np.busday_count(begin[rows] + one, finish[rows] + one, holidays=holidays)
        out[rows] = np.maximum(counted, 0)
    return out


def add_working_days(start, days, regimes) -> np.ndarray:
    """The ``days``-th working day after each ``start`` (``datetime64[D]``; NaT if missing).

    The vectorised twin of :meth:`WorkingCalendar.add_working_days` (and so of every due
    date counted with the ICO's receipt rule).  Negative ``days`` count backwards.
    """
    begin = _days(start)
    steps = np.broadcast_to(np.asarray(days, dtype=np.int64), begin.shape)
    regime_of_row = _regimes(regimes, len(begin))
    out = np.full(len(begin), np.datetime64("NaT"), dtype="datetime64[D]")
    valid = ~np.isnat(begin)
    longest = int(np.abs(steps[valid]).max()) if valid.any() else 0
    first, last = _year_span(begin[valid], margin=1 + longest // 200)
    for regime in pd.unique(regime_of_row[valid]):
        rows = valid & (regime_of_row == regime)
        holidays = holiday_array(regime, first, last)
        out[rows & (steps == 0)] = begin[rows & (steps == 0)]
        forward = rows & (steps > 0)
        backward = rows & (steps < 0)
        # Rolling a non-working start back to the last working day makes "n working days
        # after it" land where the deadlines module's day-by-day count does.
        out[forward] = np.busday_offset(
            begin[forward], steps[forward], roll="backward", holidays=holidays
        )
        out[backward] = np.busday_offset(
            begin[backward], steps[backward], roll="forward", holidays=holidays
        )
    return out


def _regimes(regimes, rows: int) -> np.ndarray:
    """One calendar name per row, from one regime or a column of them (missing -> FOIA)."""
    if regimes is None or isinstance(regimes, str):
        return np.full(rows, _regime_name(regimes), dtype=object)
    column = pd.Series(regimes, dtype=object)
    names = {
        value: _regime_name(value if isinstance(value, str) else None)
        for value in pd.unique(column)
    }
    return column.map(names).to_numpy(dtype=object)


def is_working_day(dates, regimes) -> np.ndarray:
    """Whether each date is a working day under its regime (False where missing)."""
    days = _days(dates)
    regime_of_row = _regimes(regimes, len(days))
    out = np.zeros(len(days), dtype=bool)
    valid = ~np.isnat(days)
    first, last = _year_span(days[valid])
    for regime in pd.unique(regime_of_row[valid]):
        rows = valid & (regime_of_row == regime)
        out[rows] = np.is_busday(days[rows], holidays=holiday_array(regime, first, last))
    return out

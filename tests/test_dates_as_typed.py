"""Dates are read as people type them, day first, by one reader for the commands and the page."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

from workbench.cli import main
from workbench.deadlines import parse_date
from workbench.errors import DateError

DECEMBER_4 = dt.date(2023, 12, 4)


@pytest.mark.parametrize(
    "typed",
    [
        "4/12/2023",
        "04/12/2023",
        "4 Dec 2023",
        "4 December 2023",
        "4th December 2023",
        "Monday 4 December 2023",
        "2023-12-04",
        "4.12.2023",
        "4-12-2023",
        "4/12/23",
        " 4 Dec 2023. ",
    ],
)
def test_each_way_of_writing_a_date_is_read_day_first(typed):
    assert parse_date(typed) == DECEMBER_4


@pytest.mark.parametrize("typed", ["31/02/2024", "2023-13-01", "12/2023", "tomorrow", "4/12"])
def test_a_date_that_is_not_one_is_named_with_the_ways_to_write_it(typed):
    with pytest.raises(DateError) as raised:
        parse_date(typed, field_name="Remedy date")
    message = str(raised.value)
    assert message.startswith(f"Remedy date '{typed}' is not a valid date")
    assert "4/12/2023" in message and "4 Dec 2023" in message and "day first" in message


def test_the_commands_take_dates_as_typed():
    typed = CliRunner().invoke(main, ["deadline", "25/10/2023", "--responded", "22 Nov 2023"])
    iso = CliRunner().invoke(main, ["deadline", "2023-10-25", "--responded", "2023-11-22"])
    assert typed.exit_code == 0, typed.output
    assert typed.output == iso.output
    assert "Day 20 (due): Wed 22 Nov 2023" in typed.output

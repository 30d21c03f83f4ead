"""FOISA s.73: only Scottish bank holidays count; FOISA allows no extension."""

import datetime as dt

import pytest

from workbench.deadlines import response_deadline
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

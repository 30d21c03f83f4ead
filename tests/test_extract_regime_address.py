"""A disclosure-log page that names no Act: its address still files it under one."""

from __future__ import annotations

import pytest

from workbench.parsing.extract import extract

PAGE = (
    "Parking permits (FI10422)\n\nRequest\n\n1. How many permits were issued in 2023?\n\n"
    "Response\n\n1. 4,210 permits were issued.\n"
)


@pytest.mark.parametrize(
    ("name", "regime"),
    [
        ("https://council.example.gov.uk/freedom-of-information/disclosure-log/fi10422", "FOIA"),
        ("https://www.gov.scot/publications/foi-202400012345/", "FOISA"),
        ("https://council.example.gov.uk/environmental-information/eir-2024-19", "EIR"),
        ("https://council.example.gov.uk/parking/permits", None),
        (None, None),
    ],
)
def test_regime_from_the_address_when_the_text_names_none(name, regime):
    result = extract(PAGE, name=name)
    assert result.regime == regime
    if regime is not None:
        assert result.confidence["regime"] < 0.8  # only the address says so: check it


def test_the_text_wins_over_the_address():
    text = (
        PAGE + "\nWe have dealt with your request under the Environmental Information Regulations."
    )
    result = extract(text, name="https://council.example.gov.uk/freedom-of-information/fi10422")
    assert result.regime == "EIR"

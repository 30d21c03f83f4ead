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


def test_a_scottish_council_answers_under_foisa_whatever_act_the_requester_cites():
    # FOISA s.1: a request to a Scottish public authority is made under the Scottish Act,
    # though the requester's own lead-in names "the Freedom of Information Act".
    text = (
        "Under the Freedom of Information Act can I ask for the following information:\n\n"
        "1. How many bus shelters did the council repair in 2023?\n\n"
        "Response 04-02-2024\n\n1. 57\n"
    )
    result = extract(text, name="http://moray.gov.uk/moray_standard/page_100001.html")
    assert result.regime == "FOISA"
    assert extract(text, name="https://council.example.gov.uk/foi/page_100001").regime == "FOIA"

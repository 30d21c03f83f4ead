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


@pytest.mark.parametrize(
    ("name", "regime"),
    [
        # A Scottish authority's own host or its body page on a request-tracking site.
        ("https://www.scotland.police.uk/access-to-information/foi-log/", "FOISA"),
        ("https://www.whatdotheyknow.com/body/scottish_borders_council", "FOISA"),
        # A request's title is the requester's words; a publication's title is its topic.
        ("https://www.whatdotheyknow.com/request/scottish_ferry_contracts", "FOIA"),
        ("https://www.gov.uk/government/publications/foi-release-scotland-visits", "FOIA"),
        # UK bodies in Scotland answer under the UK Act (FOIA s.80).
        ("https://www.gov.uk/government/organisations/scotland-office/foi", "FOIA"),
        ("https://www.whatdotheyknow.com/body/scotland_office", "FOIA"),
        ("https://www.whatdotheyknow.com/body/advocate_general_for_scotland", "FOIA"),
    ],
)
def test_only_the_authority_part_of_an_address_makes_it_scottish(name, regime):
    # "FOI" is mentioned, no Act is named: the address decides between the two Acts.
    text = "Your FOI request\n\n" + PAGE
    assert extract(text, name=name).regime == regime

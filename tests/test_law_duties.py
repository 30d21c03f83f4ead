"""Each regime's duties are cited in its own terms, and personal data by the law of the date.

Issue 12 item 9: FOISA letters get FOISA citations, never FOIA's; item 8: the data
protection law in force at the response date (the Data Protection Act 1998 before 25 May
2018, the GDPR and DPA 2018 from then, the UK GDPR from 1 January 2021).
"""

import datetime as dt

import pytest

from workbench.law import cite, data_protection_law, duty, load_law


@pytest.mark.parametrize("name", sorted(load_law().duties))
def test_a_foisa_letter_is_never_cited_foia(name):
    for citation in duty(name, "FOISA"):
        assert citation.cite.startswith("FOISA"), (name, citation.cite)
        assert citation.url.startswith("https://www.legislation.gov.uk/")


def test_duties_by_regime():
    """FOIA s.17(1)(c), FOISA s.16(1)(d): the refusal notice's reasons."""
    assert cite("refusal_reasons", "FOIA") == "FOIA s.17(1)(c)"
    assert cite("refusal_reasons", "FOISA") == "FOISA s.16(1)(d)"
    assert cite("advice_and_assistance", "EIR") == "EIR reg 9"
    assert cite("advice_and_assistance", "mixed") == "FOIA s.16; EIR reg 9"


def test_the_eir_have_no_general_duty_to_confirm_or_deny():
    assert cite("confirm_or_deny", "EIR") == ""


@pytest.mark.parametrize(
    ("day", "law"),
    [
        (dt.date(2018, 5, 24), "Data Protection Act 1998"),
        (dt.date(2018, 5, 25), "the GDPR (Article 6(1)(f))"),
        (dt.date(2020, 12, 31), "the GDPR (Article 6(1)(f))"),
        (dt.date(2021, 1, 1), "the UK GDPR"),
    ],
)
def test_personal_data_follows_the_law_at_the_date_of_the_response(day, law):
    assert law in data_protection_law(day).name

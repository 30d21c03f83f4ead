"""Review rights, regulator complaint rights and advice and assistance, with their sentences."""

from __future__ import annotations

import pytest

from workbench.parsing.extract import extract


@pytest.mark.parametrize(
    "sentence",
    [
        "You can ask us to review our response.",
        "If you are dissatisfied with the handling of your request, you have the right to ask "
        "for an internal review.",
        "If you are unhappy with this response, you may ask us to carry out an internal review.",
        "You can read a copy of our full review procedure on our website.",
        "Please see the attached information sheet for details of your right to appeal.",
    ],
)
def test_review_rights(sentence):
    result = extract("Please find the information attached.\n\n" + sentence)
    assert result.review_rights_given
    assert result.field_evidence["review_rights_given"].quote == sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "If you are still dissatisfied, you can complain to the ICO as regulator of the FOIA.",
        "You have the right to apply directly to the Information Commissioner for a decision.",
        "If you remain unhappy you can appeal to the Scottish Information Commissioner.",
        "If you are not satisfied you can contact the Information Commissioner's Office.",
        "You may then apply to the Commissioner under section 50 of the Act.",
    ],
)
def test_regulator_complaint_rights(sentence):
    result = extract("Please find the information attached.\n\n" + sentence)
    assert result.complaint_rights_given


@pytest.mark.parametrize(
    "sentence",
    [
        "You may wish to refine your request to cover a shorter period.",
        "Under section 16 we have a duty to provide advice and assistance.",
        "The reports can be found at www.example.gov.uk/reports.",
        "You can access them on the force's website.",
    ],
)
def test_advice_and_assistance(sentence):
    assert extract("We do not hold this information. " + sentence).advice_and_assistance


def test_a_letter_without_rights_says_so():
    result = extract("Please find the information attached.")
    assert not result.review_rights_given
    assert not result.complaint_rights_given
    assert not result.advice_and_assistance
    assert "review_rights_given" not in result.field_evidence


def test_a_review_already_done_is_not_an_offer_of_one():
    text = (
        "This request asked for an internal review of the decision to withhold the report. "
        "Decision upheld: the original decision stands under section 22."
    )
    assert not extract(text).review_rights_given


@pytest.mark.parametrize(
    "sentence",
    [
        "The request for an internal review was received on 27 October 2025.",
        "Your request for an internal review has been received and the review was conducted "
        "by a senior officer.",
    ],
)
def test_a_review_told_in_the_past_is_not_an_offer_of_one(sentence):
    assert not extract("Internal review report\n\n" + sentence).review_rights_given


def test_the_complaints_team_of_the_authority_is_not_the_regulator():
    text = "If you have a complaint about our service, please contact our Complaints Team."
    assert not extract(text).complaint_rights_given

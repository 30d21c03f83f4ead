"""A fee the request is about is not a fee charged for answering it.

Requests are often about money: a council's fee review, the sum a minister's office was
charged. Naming that fee is the request's topic, and public interest argued beside an
exemption disputed in words (no section number) is that exemption's test, not an argument
against a refusal that has none.
"""

from __future__ import annotations

from workbench.grounds import read_grounds


def test_a_fee_review_asked_about_is_no_fees_ground():
    text = (
        "Dear team,\n\n"
        "My request was for the papers on the parking fee review and the figures for fee income.\n"
        "I ask for a review of your refusal on these grounds:\n"
        "- The exemptions you claimed do not apply to papers discussed at a public committee.\n"
        "- The public interest favours disclosure.\n\n"
        "Regards,\nT. Okafor\n"
    )
    assert [g.category for g in read_grounds(text, "FOIA")] == [
        "exemption_disputed",
        "public_interest",
    ]


def test_a_sum_someone_else_was_charged_is_no_fees_ground():
    text = "The department was charged £8,400 for rooms that were never used."
    assert "fees" not in [g.category for g in read_grounds(text, "FOIA")]


def test_a_charge_to_the_requester_is_still_a_fees_ground():
    text = "You want to charge me £40 for copies of documents you hold electronically."
    assert [g.category for g in read_grounds(text, "FOIA")] == ["fees"]


def test_saying_the_subject_is_a_matter_of_public_interest_states_the_ground():
    text = "How the bills were settled is plainly a matter of public interest."
    assert [g.category for g in read_grounds(text, "FOISA")] == ["public_interest"]

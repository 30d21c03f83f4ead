"""Common ways requesters state a ground, each read in its category.

The sentences are written for this test in the words requesters commonly use (learnt from
reading real review requests, none copied); each is a review request of one ground.
"""

from __future__ import annotations

import pytest

from workbench.grounds import read_grounds

CASES = [
    # the harm asserted but not made out; reasons given in general terms only
    ("exemption_disputed", "The damage you say release would cause has not been explained at all."),
    ("exemption_disputed", "Your reasons are generic and could be given for any document."),
    ("exemption_disputed", "I think the exemption was not applied correctly to these minutes."),
    # the public interest test never carried out
    ("public_interest", "As far as I can see the public interest test was never carried out."),
    # a summary or extract given where the whole was asked for
    ("incomplete", "You sent a summary rather than the full report I asked for."),
    ("incomplete", "The table gives totals, not the entire register as requested."),
    # the burden of a request asserted without any estimate
    ("cost_limit_disputed", "You gave no estimate of the time the work would take."),
]


@pytest.mark.parametrize(("category", "sentence"), CASES)
def test_the_phrasing_is_read_in_its_category(category, sentence):
    grounds = read_grounds(f"Dear FOI team,\n\n{sentence}\n\nRegards,\nK. Lomax\n")
    assert [g.category for g in grounds] == [category]


def test_not_providing_an_estimate_is_not_an_unanswered_part_of_the_request():
    grounds = read_grounds("The council did not provide any estimate of the hours involved.")
    assert [g.category for g in grounds] != ["incomplete"]

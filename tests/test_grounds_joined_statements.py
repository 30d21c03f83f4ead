"""Short statements run together in one sentence are grounds of their own.

A template list is often written as one sentence: "The response is incomplete and the
exemptions claimed do not apply", or "..., I believe the exemption cannot cover them and
the public interest favours their release". Each statement with its own subject and verb
is a ground, as an item of the same list would be.
"""

from __future__ import annotations

from workbench.grounds import read_grounds


def test_a_short_statement_joined_by_and_is_a_ground_of_its_own():
    grounds = read_grounds("The reply is incomplete and the exemptions you relied on do not apply.")
    assert [g.category for g in grounds] == ["incomplete", "exemption_disputed"]


def test_the_public_interest_favouring_release_after_and_is_a_ground_of_its_own():
    text = (
        "I believe the exemptions cannot cover the scores"
        " and the public interest favours their release."
    )
    grounds = read_grounds(text, "FOIA")
    assert [g.category for g in grounds] == ["exemption_disputed", "public_interest"]


def test_a_comma_splice_before_the_requesters_view_opens_another_statement():
    text = (
        "Two annexes were left out of what you sent, I believe the exemptions do not apply to them."
    )
    grounds = read_grounds(text, "FOIA")
    assert [g.category for g in grounds] == ["incomplete", "exemption_disputed"]


def test_two_nouns_joined_by_and_are_not_cut():
    grounds = read_grounds("The minutes and the agendas are still missing from your reply.")
    assert len(grounds) == 1

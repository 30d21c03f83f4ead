"""Still waiting for the answer is no response, not a late one.

WhatDoTheyKnow offers requesters this wording when a request is overdue: "I had expected that
you would have supplied the information that I requested some time ago - the law requires that
you provide the information promptly and in any event no later than 20 days after the request."
Nothing has come: the ground is that there was no response, although the law's time limit is
quoted. A reply that came late is still a delay.
"""

from __future__ import annotations

from workbench.grounds import read_grounds

OVERDUE = (
    "Dear Harbour Board,\n\n"
    "I am disappointed that the Board has not yet dealt with my request.\n\n"
    "I had expected that you would have supplied the information that I requested some time "
    "ago - the law requires that you provide the information promptly and in any event no "
    "later than 20 days after the request.\n\n"
    "When do you expect that you will supply the information requested?\n\n"
    "Yours faithfully,\nT. Ahmed\n"
)


def test_the_information_expected_long_since_and_not_supplied_is_no_response():
    grounds = read_grounds(OVERDUE, "FOIA")
    assert [g.category for g in grounds] == ["no_response"]
    assert grounds[0].quote.startswith("I had expected that you would have supplied")


def test_a_reply_that_came_late_is_still_a_delay():
    late = (
        "Dear Harbour Board,\n\n"
        "Your reply came seven weeks after my request, past the 20 working days.\n"
    )
    assert [g.category for g in read_grounds(late, "FOIA")] == ["delay"]


def test_the_deadline_missed_argues_the_complaint_that_nothing_has_come():
    # "should have responded by ..." says when the answer was due; with nothing come at all
    # it argues the complaint of no response, not a separate complaint of delay
    text = (
        "Dear FOI team,\n\nThe answer I asked for is now overdue. The council should have "
        "responded by 3 June at the latest.\n\nRegards,\nR. Kaur\n"
    )
    assert [g.category for g in read_grounds(text, "FOIA")] == ["no_response"]

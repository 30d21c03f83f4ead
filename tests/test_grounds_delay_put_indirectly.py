"""Complaints about the time taken, put without the word "late" or "deadline".

The exemption of the refusal that came late names the decision, not the delay complained of,
so it is not the delay ground's provision.
"""

from __future__ import annotations

import pytest

from workbench.grounds import read_grounds


@pytest.mark.parametrize(
    "sentence",
    [
        "I made my request on 3 February and I have still not received the information.",
        "It is now over two months since I asked for these figures.",
        "Your reply came after 31 working days.",
        "I have now waited six weeks for the review.",
    ],
)
def test_the_time_taken_is_read_as_delay(sentence):
    grounds = read_grounds(f"Dear FOI Officer,\n\n{sentence}\n\nRegards,\nJ. Amberley\n")
    assert [g.category for g in grounds] == ["delay"]


def test_no_response_at_all_is_still_no_response():
    grounds = read_grounds("Dear FOI Officer,\n\nI have still not received any response.\n")
    assert [g.category for g in grounds] == ["no_response"]


def test_a_delay_ground_does_not_take_the_exemption_named_beside_it():
    text = (
        "The redactions in the tender report are far wider than section 43 can justify, "
        "and I have now waited six weeks for the review."
    )
    grounds = read_grounds(text, "FOIA")
    assert [(g.category, g.provisions) for g in grounds] == [
        ("excessive_redaction", ("s.43",)),
        ("delay", ()),
    ]


def test_the_exemption_of_the_late_refusal_is_not_the_delay_ground_s_provision():
    text = (
        "Dear FOI team,\n\nYour refusal under section 43 was sent two months after my "
        "request.\n\nRegards,\nK. Lomax\n"
    )
    grounds = read_grounds(text, "FOIA")
    assert [g.category for g in grounds] == ["delay"]
    assert grounds[0].provisions == ()

"""Public interest argued against a refusal that has no public interest test disputes it.

A request refused as vexatious (FOIA s.14) or over the cost limit (s.12) involves no
exemption and no public interest test; the requester who answers "there is overwhelming
public interest in this information" argues the value of the request, which disputes that
refusal. Under the EIR a manifestly unreasonable request is refused only if the public
interest favours it (reg.12(1)(b)), so there the public interest stays a ground of its own.
"""

from __future__ import annotations

from workbench.grounds import read_grounds

VEXATIOUS = (
    "Dear FOI Team,\n\n"
    "Your refusal under section 14(1) is wrong: this is my first request to you and it is "
    "not vexatious.\n\n"
    "There is overwhelming public interest in how the council spends its road budget.\n"
)


def test_public_interest_against_a_vexatious_refusal_disputes_the_refusal():
    grounds = read_grounds(VEXATIOUS, "FOIA")
    assert [g.category for g in grounds] == ["vexatious_disputed", "vexatious_disputed"]
    assert "public interest" not in grounds[1].summary.lower()


def test_public_interest_stays_its_own_ground_when_an_exemption_is_named():
    text = VEXATIOUS.replace(
        "There is overwhelming",
        "You also withheld the contract under section 43(2), but there is overwhelming",
    )
    assert "public_interest" in [g.category for g in read_grounds(text, "FOIA")]


def test_under_the_eir_the_public_interest_is_argued_in_its_own_right():
    text = (
        "Dear FOI Team,\n\n"
        "You refused my request as manifestly unreasonable under regulation 12(4)(b). I do "
        "not accept that it would be a burden: the data is in one spreadsheet.\n\n"
        "There is overwhelming public interest in knowing how polluted the river is.\n"
    )
    assert "public_interest" in [g.category for g in read_grounds(text, "EIR")]


def test_a_paragraph_on_the_requests_purpose_argues_the_vexatious_ground():
    # naming the public interest in passing, after "not vexatious", argues the request's
    # serious purpose: support for that ground, not a ground of its own
    text = (
        "Dear FOI Team,\n\n"
        "I cannot accept that my request is vexatious under section 14(1); nothing I wrote "
        "was abusive.\n\n"
        "Context\n"
        "All my letters have been polite and concerned matters of public interest, "
        "namely road safety near the school.\n"
    )
    grounds = read_grounds(text, "FOIA")
    assert [g.category for g in grounds] == ["vexatious_disputed"]

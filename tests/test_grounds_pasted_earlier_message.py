"""An earlier message under the requester's new one does not give its grounds twice.

A requester chasing a review signs a short message and puts their earlier one under it,
pasted whole or quoted under a wrapped "On ... wrote:" line.
"""

from __future__ import annotations

from workbench.grounds import read_grounds

PASTED = """Dear FOI Team,

I asked for an internal review on 2 March and have heard nothing since. The redactions in \
the tender report are still far wider than section 43 can justify.

Yours sincerely,
M. Quist

Dear FOI Team,

I am writing to request an internal review of the council's handling of my FOI request.

The redactions in the tender report go much further than section 43 could justify, and \
whole pages were blacked out.

The tender evaluation scores were also withheld without any reason being given.

Yours sincerely,
M. Quist
"""

WRAPPED = """Dear FOI Team,

The redactions in the tender report are still far wider than section 43 can justify.

Yours sincerely,
M. Quist

On Tue, 2 Mar 2024 at 10:01, M. Quist <request-1234-abcd@example.org>
wrote:

Dear FOI Team,

The redactions in the tender report go much further than section 43 could justify.
"""


def test_a_ground_the_new_message_states_again_is_read_once():
    grounds = read_grounds(PASTED, "FOIA")
    redactions = [g for g in grounds if g.category == "excessive_redaction"]
    assert len(redactions) == 1
    assert redactions[0].quote.startswith("The redactions in the tender report are still")


def test_a_ground_only_the_pasted_message_states_is_still_read():
    grounds = read_grounds(PASTED, "FOIA")
    assert any("evaluation scores" in g.quote for g in grounds)
    assert [g.category for g in grounds][0] == "no_response"


def test_a_message_quoted_under_a_wrapped_attribution_is_left_out():
    grounds = read_grounds(WRAPPED, "FOIA")
    assert [g.quote for g in grounds] == [
        "The redactions in the tender report are still far wider than section 43 can justify."
    ]


def test_a_ground_of_the_same_kind_about_something_else_is_kept():
    text = PASTED.replace(
        "The redactions in the tender report go much further than section 43 could "
        "justify, and whole pages were blacked out.",
        "Most of the parks minutes were blacked out as well.",
    )
    redactions = [g for g in read_grounds(text, "FOIA") if g.category == "excessive_redaction"]
    assert len(redactions) == 2

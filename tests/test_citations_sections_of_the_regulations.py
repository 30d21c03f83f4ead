"""A requester who writes "section 10 of EIR" means regulation 10: the regulations have no
sections. Only the requester-side reading (every provision mentioned) takes it so; the
exemptions a response letter cites are read as before."""

from __future__ import annotations

import pytest

from workbench.citations import mentioned_provisions, parse_citations


@pytest.mark.parametrize(
    ("text", "hint", "expected"),
    [
        ("You breached section 5 of the EIR by replying late.", None, ["reg.5"]),
        ("the blanket application of section 10 of EIR to the redactions", "FOISA",
         ["eisr.reg.10"]),
        ("section 12 of the Environmental Information Regulations 2004", None, ["reg.12"]),
        ("section 10 of the EISRs", None, ["eisr.reg.10"]),
    ],
)  # fmt: skip
def test_a_section_of_the_regulations_is_read_as_the_regulation(text, hint, expected):
    assert [c.id for c in mentioned_provisions(text, hint)] == expected


def test_a_section_of_another_act_is_still_left_out():
    assert mentioned_provisions("section 40 of the Data Protection Act 2018") == []


def test_the_regulation_form_is_read_as_before():
    found = mentioned_provisions("regulation 12(4)(b) of the EIRs does not apply")
    assert [(c.id, c.quote) for c in found] == [("reg.12(4)(b)", "regulation 12(4)(b)")]


def test_letters_citations_are_unchanged():
    assert parse_citations("We rely on section 12 of the EIR.") == []

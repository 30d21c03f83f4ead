"""How slowly the acknowledgement came is the story of the request, not a complaint of delay."""

from __future__ import annotations

from workbench.grounds import read_grounds


def test_a_late_acknowledgement_told_as_narrative_is_not_a_delay_ground():
    text = (
        "Nine days after I sent my request, on 14 June, I received an acknowledgement "
        "from the information officer.\n\n"
        "I do not accept that the report is exempt under section 43, as the contract "
        "ended years ago.\n"
    )
    assert [g.category for g in read_grounds(text)] == ["exemption_disputed"]


def test_an_answer_that_came_late_is_still_a_delay_ground():
    text = "Your answer came seven weeks after my request, well beyond the twenty working days.\n"
    assert [g.category for g in read_grounds(text)] == ["delay"]

"""The law a requester sets out to support a ground is argument, never a ground of its own.

Requesters copy out what a section requires of public authorities in general ("Authorities
must respond promptly and in any event by the twentieth working day") to show what this
authority failed to do. Those sentences speak of public authorities in general, not of this
one: they neither state a ground nor decide the category of the ground they support, whether
they follow it in the same passage or stand in a list of their own.
"""

from __future__ import annotations

from pathlib import Path

from workbench.grounds import read_grounds

FILES = Path(__file__).parent / "files" / "grounds"


def _text(*, colon: bool) -> str:
    text = (FILES / "law_quoted_in_support.txt").read_text(encoding="utf-8")
    return text if colon else text.replace("when an answer is due:", "when an answer is due.")


def test_the_law_set_out_under_a_ground_does_not_change_its_category():
    grounds = read_grounds(_text(colon=True), "FOIA")
    assert [g.category for g in grounds] == ["delay", "exemption_disputed"]
    assert grounds[0].quote.startswith("Your reply came eleven weeks after I wrote")


def test_the_law_set_out_in_a_list_of_its_own_states_no_ground():
    grounds = read_grounds(_text(colon=False), "FOIA")
    assert [g.category for g in grounds] == ["delay", "exemption_disputed"]


def test_a_duty_stated_against_this_authority_is_still_a_ground():
    text = "The council must respond within twenty working days, and you took three months.\n"
    assert [g.category for g in read_grounds(text, "FOIA")] == ["delay"]


def test_the_law_stated_of_this_authority_argues_the_ground_before_it():
    text = (
        "Dear FOI team,\n\nThe reply I asked for is overdue. In any case, the law states that the "
        "trust must respond within twenty working days.\n\nRegards,\nR. Kaur\n"
    )
    assert [g.category for g in read_grounds(text, "FOIA")] == ["no_response"]

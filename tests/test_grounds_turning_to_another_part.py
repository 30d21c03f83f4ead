"""A requester putting a case about one part of the request, then turning to another.

"It would be my contention that the figures fall outside the scope of that exemption"
disputes the exemption in words of argument; a paragraph opening "As for the second part,
..." turns to another part of the request, so it states a ground of its own even when it
is of the same kind as the one before.
"""

from __future__ import annotations

from workbench.grounds import read_grounds


def test_information_outside_the_scope_of_the_exemption_disputes_it():
    text = "It would be my contention that a headcount falls outside the scope of this provision."
    assert [g.category for g in read_grounds(text, "FOISA")] == ["exemption_disputed"]


def test_outside_the_scope_of_the_request_is_not_an_exemption_ground():
    text = "Some of what you sent falls outside the scope of my request."
    assert "exemption_disputed" not in [g.category for g in read_grounds(text, "FOISA")]


def test_turning_to_another_part_of_the_request_starts_a_new_ground():
    text = (
        "Dear team,\n\n"
        "I do not accept that the exemption applies to the staffing figures.\n\n"
        "As for the board minutes, what they say is widely known.\n\n"
        "Regards,\nJ. Mowat\n"
    )
    grounds = read_grounds(text, "FOISA")
    assert [g.category for g in grounds] == ["exemption_disputed", "exemption_disputed"]
    assert grounds[1].quote.startswith("As for the board minutes")

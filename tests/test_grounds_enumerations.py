"""Points that complete the sentence introducing them argue that sentence's ground.

"Nothing in your letter shows that my emails:" followed by "- were abusive or offensive;"
is one objection argued point by point, not a ground per point; so are the conditions of a
legal test after a line ending in a semicolon ("the council has to show two things before it
can rely on section 43;" then "(a) ..." and "(b) ..."). A list introduced as the reasons for
the review still gives one ground per item (see ``test_grounds_lists``).
"""

from __future__ import annotations

from pathlib import Path

from workbench.grounds import read_grounds

FILES = Path(__file__).parent / "files" / "grounds"


def test_points_completing_the_sentence_before_them_are_its_support():
    text = (FILES / "enumerated_points.txt").read_text(encoding="utf-8")
    grounds = read_grounds(text)
    assert [g.category for g in grounds] == ["vexatious_disputed", "delay"]
    assert "how the grant was spent" in grounds[0].quote


def test_a_list_of_reasons_still_gives_a_ground_per_item():
    text = (
        "My reasons for asking for a review are:\n"
        "- the exemption does not apply to the minutes;\n"
        "- the public interest favours disclosure;\n"
    )
    categories = [g.category for g in read_grounds(text)]
    assert categories == ["exemption_disputed", "public_interest"]


def test_conditions_after_a_line_ending_in_a_semicolon_are_not_grounds_of_their_own():
    text = (FILES / "conditions_after_semicolon.txt").read_text(encoding="utf-8")
    grounds = read_grounds(text, "FOIA")
    assert len(grounds) == 2
    assert grounds[0].category == "delay"
    assert grounds[1].quote.startswith("As I read the guidance")
    assert "(b) that the public interest" in grounds[1].quote


def test_demands_completing_a_sentence_that_states_no_ground_are_each_their_own():
    # "Please can you:" objects to nothing; each point after it asks for something else, so
    # one point's ground does not run on into the next point of the same kind
    text = (
        "Please can you:\n"
        "1. explain why my request was not answered within the statutory twenty working days;\n"
        "2. send me the invoices; and\n"
        "3. say what you will change so that requests are answered within the statutory time.\n"
    )
    grounds = read_grounds(text, "FOIA")
    assert not any("3. say what you will change" in g.quote for g in grounds[:1])
    assert any(g.quote.startswith("3. say what you will change") for g in grounds)

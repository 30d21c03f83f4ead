"""A rebuttal of a reported exemption that names how it was used disputes that use.

Requesters often report the exemption in the sentence that objects to how it was used ("You
relied on section 43(2) but did not consider the public interest", "You redacted names under
section 40 but gave no reason why the rest of page 4 is blacked out"). The exemption says what
the complaint is about; the complaint is that the test was not done, or that too much was
redacted.
"""

from __future__ import annotations

from pathlib import Path

from workbench.grounds import read_grounds

FILES = Path(__file__).parent / "files" / "grounds"
TEXT = (FILES / "exemption_reported_public_interest_rebutted.txt").read_text(encoding="utf-8")


def test_a_clause_after_but_is_about_the_public_interest_not_the_exemption_before_it():
    ground = read_grounds(TEXT, "FOIA")[0]
    assert ground.category == "public_interest"
    assert ground.provisions == ("s.43(2)",)
    assert ground.quote.startswith("You relied on section 43(2) but did not consider")


def test_a_however_sentence_after_a_reported_exemption_disputes_the_public_interest():
    ground = read_grounds(TEXT, "FOIA")[1]
    assert ground.category == "public_interest"
    assert ground.provisions == ("s.38",)
    assert "nothing in your letter weighs the public interest" in ground.quote


def test_both_are_grounds_of_their_own():
    assert len(read_grounds(TEXT, "FOIA")) == 2


def test_a_clause_about_what_else_was_blacked_out_is_about_the_extent_of_redaction():
    text = (
        "Dear FOI team,\n\n"
        "You redacted names under section 40 but gave no reason why the rest of page 4 is "
        "blacked out.\n\nRegards,\nK. Lomax\n"
    )
    grounds = read_grounds(text, "FOIA")
    assert [g.category for g in grounds] == ["excessive_redaction"]
    assert grounds[0].provisions == ("s.40",)

"""A rebuttal of a reported exemption that names the public interest disputes the public interest.

Requesters often report the exemption in the sentence that objects to how it was used ("You
relied on section 43(2) but did not consider the public interest"). The exemption says what
the public interest test was for; the complaint is that the test was not done.
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

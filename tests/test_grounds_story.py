"""The requester's story of the matter and of the decision leads into the grounds; it is none.

Requesters often tell what happened before they object: what the request was about
(including its own delays, which are not the authority's), then what the reply decided.
Only the objection that follows is a ground.
"""

from __future__ import annotations

from pathlib import Path

from workbench.grounds import read_grounds

FILES = Path(__file__).parent / "files" / "grounds"


def test_the_story_before_the_objection_is_not_a_ground():
    text = (FILES / "story_then_ground.txt").read_text(encoding="utf-8")
    grounds = read_grounds(text, "FOISA")
    assert [g.category for g in grounds] == ["exemption_disputed"]
    assert grounds[0].quote.startswith("I do not accept that the invoices")
    assert grounds[0].provisions == ("foisa.s.33(1)(b)",)


def test_the_authority_s_delay_is_still_a_ground():
    text = "There has been an unreasonable delay in responding to my request.\n"
    assert [g.category for g in read_grounds(text, "FOISA")] == ["delay"]

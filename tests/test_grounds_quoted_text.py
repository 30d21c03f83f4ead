"""Words the requester quotes from others (guidance, the authority's reply) are not grounds."""

from __future__ import annotations

from pathlib import Path

from workbench.grounds import read_grounds

FILES = Path(__file__).parent / "files" / "grounds"


def _grounds():
    return read_grounds((FILES / "quoted_reply.txt").read_text(encoding="utf-8"))


def test_the_authority_reply_quoted_below_an_email_is_not_read():
    text = (FILES / "quoted_reply.txt").read_text(encoding="utf-8")
    reply = text.index("On 12 May 2024")
    assert all(g.end <= reply for g in _grounds())
    assert all(g.category != "vexatious_disputed" for g in _grounds())


def test_guidance_quoted_in_support_is_not_a_ground_of_its_own():
    grounds = _grounds()
    assert len(grounds) == 1
    assert grounds[0].category == "exemption_disputed"
    assert grounds[0].quote.startswith("But the page you linked to")

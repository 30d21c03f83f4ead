"""Headed sections that argue the ground stated before them are that ground, not new ones.

A requester who argues at length puts headings over the parts of one argument; a section
under a heading that argues the same kind of ground as the one just stated is support
("supporting argument for a ground is not split out"), while a section that turns to
another kind of ground, or says it adds one ("You also ..."), is a ground of its own.
Plain paragraphs without headings keep one ground each, as before.
"""

from __future__ import annotations

from pathlib import Path

from workbench.grounds import read_grounds

FILES = Path(__file__).parent / "files" / "grounds"


def _read(name: str) -> str:
    return (FILES / name).read_text(encoding="utf-8")


def test_headed_sections_arguing_the_same_ground_extend_it():
    text = _read("headed_sections_one_ground.txt")
    grounds = read_grounds(text)
    assert [g.category for g in grounds] == ["vexatious_disputed"]
    assert "I do not accept that my request is vexatious" in grounds[0].quote
    assert grounds[0].quote.rstrip().endswith("none of them was vexatious either.")
    assert "Yours faithfully" not in grounds[0].quote


def test_a_headed_section_on_another_ground_stays_its_own():
    grounds = read_grounds(_read("headed_sections_new_point.txt"))
    assert [g.category for g in grounds] == ["vexatious_disputed", "advice_and_assistance"]
    assert grounds[1].quote.startswith("No Advice Given")


def test_plain_paragraphs_of_the_same_kind_stay_separate():
    text = (
        "Dear Sir,\n\n"
        "This is only my second request in three years, so it cannot be vexatious.\n\n"
        "Nor is it a repeated request: the first was about a different year.\n"
    )
    assert [g.category for g in read_grounds(text)] == ["vexatious_disputed"] * 2


def test_the_requester_reading_the_authority_s_words_is_no_ground():
    text = (
        "Dear Sir,\n\n"
        "I assume the NPCC mean that it is unreasonable for me to reply promptly.\n"
        "That is not a reason to call my request vexatious.\n"
    )
    grounds = read_grounds(text)
    assert [g.category for g in grounds] == ["vexatious_disputed"]

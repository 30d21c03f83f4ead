"""A requester's headings and the quotations they cite shape the request as they wrote it.

A title-case heading over a point ("Burden Not Shown") starts a new block and is never
read as the beginning of the sentence under it; a dash line naming the source of the
quotation above it is not a list item; the sign-off is never joined to the line before.
"""

from __future__ import annotations

from pathlib import Path

from workbench.grounds import read_grounds
from workbench.grounds.structure import read_structure

FILES = Path(__file__).parent / "files" / "grounds"


def _text() -> str:
    return (FILES / "headed_argument.txt").read_text(encoding="utf-8")


def test_each_headed_point_is_read_on_its_own():
    grounds = read_grounds(_text())
    assert [g.category for g in grounds] == ["vexatious_disputed", "advice_and_assistance"]
    assert grounds[0].quote.startswith("Burden Not Shown")
    assert grounds[1].quote.startswith("Missed Chance to Narrow")


def test_a_heading_is_not_joined_to_the_sentence_under_it():
    text = _text()
    starts = {text[u.start : u.end].split("\n")[0] for u in read_structure(text).units}
    assert "Burden Not Shown" in starts


def test_the_source_of_a_quotation_is_not_a_list_item():
    text = _text()
    blocks = read_structure(text).blocks
    assert not any(text[b.start : b.end].startswith("—") for b in blocks)
    assert all(b.item is None for b in blocks)


def test_the_sign_off_is_not_part_of_the_last_ground():
    text = (
        "Dear Sir,\n\nYour reply arrived well after the twenty working day deadline\n"
        "Yours faithfully,\nA. Person\n"
    )
    grounds = read_grounds(text)
    assert [g.category for g in grounds] == ["delay"]
    assert "Yours" not in grounds[0].quote

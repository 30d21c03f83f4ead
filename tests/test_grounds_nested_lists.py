"""Points of a sub-list nested in an item argue that item's ground; the item is one ground.

A list item that ends by introducing what follows ("... for these reasons:") and is
followed by items with another marker ("o", Word's second-level bullet) has those points
as its support. The outer list still gives one ground per item.
"""

from __future__ import annotations

from pathlib import Path

from workbench.grounds import read_grounds

FILES = Path(__file__).parent / "files" / "grounds"


def test_the_sub_points_belong_to_the_item_they_are_nested_in():
    text = (FILES / "nested_list.txt").read_text(encoding="utf-8")
    grounds = read_grounds(text)
    assert [g.category for g in grounds] == ["exemption_disputed", "public_interest", "delay"]
    assert "Taxpayers funded the mission" in grounds[1].quote
    assert grounds[1].quote.startswith("- The weighing of the public interest")


def test_a_sentence_stating_a_ground_is_read_although_it_ends_introducing_reasons():
    text = (FILES / "nested_list.txt").read_text(encoding="utf-8")
    public_interest = read_grounds(text)[1]
    assert public_interest.confidence >= 0.3

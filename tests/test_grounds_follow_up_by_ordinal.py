"""A follow-up listing what went wrong, point by point ("Firstly, ... Secondly, ...").

Requesters who get the wrong papers write back without asking for a review: what was asked
for against what came instead ("my request was for the 2022 budget papers, but you appear
to have sent the 2021 papers") is a misreading, said across the two halves of a sentence;
documents the papers refer to that were not sent ("none of these were attached") are more
information held; and each ordinal point is a ground of its own, even when two in a row are
of one kind.
"""

from __future__ import annotations

from pathlib import Path

from workbench.grounds import read_grounds

FILES = Path(__file__).parent / "files" / "grounds"
TEXT = (FILES / "follow_up_points_by_ordinal.txt").read_text(encoding="utf-8")


def test_what_was_sent_instead_of_what_was_asked_for_is_a_misreading():
    first = read_grounds(TEXT, "FOIA")[0]
    assert first.category == "misinterpreted"
    assert first.quote.startswith("Firstly, my request was for the 2022 budget papers")


def test_documents_referred_to_of_which_none_were_sent_are_more_information_held():
    grounds = read_grounds(TEXT, "FOIA")
    missing = next(g for g in grounds if "none of these were attached" in g.quote)
    assert missing.category == "more_information_held"


def test_each_ordinal_point_is_a_ground_of_its_own():
    categories = [g.category for g in read_grounds(TEXT, "FOIA")]
    assert categories == [
        "misinterpreted",
        "delay",
        "more_information_held",
        "more_information_held",
    ]

"""A reply that quotes the request with email quote marks ("> ") is read through the marks."""

from __future__ import annotations

from pathlib import Path

from workbench.parsing.extract import extract
from workbench.parsing.model import Determination as D

STRUCTURE = Path(__file__).parent / "letters" / "structure"

BELOW_THE_REPLY = (
    "Dear Ms Green,\n\nPlease see our response below.\n\nThe council enforces 14 bus lanes with "
    "cameras, which raised £1.2 million in 2023. The contract with the camera supplier is "
    "exempt under section 43(2).\n\nKind regards,\nTraffic Team\n\n"
    "> Dear Council,\n> Please tell me:\n"
    "> 1. How many bus lanes does the council enforce with cameras?\n"
    "> 2. How much income did the bus lane cameras raise in 2023?\n"
    "> 3. Please send the contract with the camera supplier.\n"
    "> Yours faithfully,\n> A Green\n"
)


def test_questions_quoted_one_by_one_each_take_the_answer_after_them():
    text = (STRUCTURE / "quoted-email-questions-answered-in-turn.txt").read_text(encoding="utf-8")
    points = extract(text).points
    assert [p.text for p in points][:2] == [
        "How many bus lanes does the council enforce with cameras?",
        "How much income did the bus lane cameras raise in 2023?",
    ]
    assert [p.determination for p in points] == [
        D.HELD_DISCLOSED,
        D.HELD_DISCLOSED,
        D.HELD_WITHHELD,
    ]


def test_the_request_quoted_below_the_reply_gives_the_points():
    points = extract(BELOW_THE_REPLY).points
    assert [p.label for p in points] == ["1", "2", "3"]
    assert points[2].determination is D.HELD_WITHHELD
    assert points[2].provisions == ["s.43(2)"]


def test_evidence_is_quoted_from_the_text_as_written():
    # The answer itself runs over two marked lines: its quote keeps the marks.
    text = (
        "Dear Mr Lee,\n\nOur answer is below.\n\n> 1. What was the library budget for 2023?\n"
        "> The budget was £2m, and the breakdown by branch is in the\n> attached spreadsheet.\n"
        "> 2. How many branches closed?\n> Two branches closed.\n\nRegards,\nLibraries\n"
    )
    first, second = extract(text).points
    [evidence] = first.evidence
    assert evidence.quote == text[evidence.start : evidence.end]
    assert "\n> attached spreadsheet" in evidence.quote
    assert second.determination is D.HELD_DISCLOSED

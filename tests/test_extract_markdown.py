"""A letter copied into Markdown reads as the letter: its marks hide no heading or bullet."""

from __future__ import annotations

from workbench.parsing.extract import extract
from workbench.parsing.markup import without_markup

LETTER = """Dear Mr Reid,

**Your request**

*"Please send me:*
*- the number of permits issued in 2023, and*
*- the cost of the permit scheme in 2023."*

**Our response**

*- the number of permits issued in 2023*

We issued 412 permits in 2023.

*- the cost of the permit scheme in 2023*

We do not hold this information. The scheme's costs are not recorded separately.

Yours sincerely,
Permits Team
"""


def test_marks_are_blanked_without_moving_any_character():
    plain = without_markup(LETTER)
    assert len(plain) == len(LETTER)
    assert "  Your request  " in plain
    assert " - the number of permits issued in 2023, and " in plain
    assert all(a == b for a, b in zip(plain, LETTER, strict=True) if b not in "*")


def test_each_bullet_of_a_markdown_request_is_a_point_with_its_own_answer():
    result = extract(LETTER)
    assert [(p.label, p.determination.value) for p in result.points] == [
        ("1", "held_disclosed"),
        ("2", "not_held"),
    ]


def test_evidence_is_quoted_from_the_text_as_written():
    letter = LETTER.replace("We issued 412 permits", "We issued **412** permits")
    result = extract(letter)
    (evidence,) = result.points[0].evidence
    assert evidence.quote == "We issued **412** permits in 2023."
    assert letter[evidence.start : evidence.end] == evidence.quote


def test_a_lone_asterisk_is_a_footnote_not_markup():
    text = "Total incidents*: 41\n\n* figures for 2023 are provisional\n"
    assert without_markup(text) == text

"""The letter as a requester reads it, checked in the Word and web-page files read back.

A4 with page numbers, real heading styles, table header rows that repeat on each
page; the requester's words quoted without the reading's "(part: ...)" note; no
doubled full stops; what we will do said once in a point's section; the s.40(2)
test taken to its end whichever answers were given; and the seed letter under
1,000 words when the review changes nothing.
"""

from __future__ import annotations

import re

import pytest
from docx.oxml.ns import qn
from docx.shared import Mm
from export_fixtures import decided_seed_review, seed_draft
from letter_text import docx_document, docx_lines, html_lines, words

from workbench.cases import load_case
from workbench.export import build_letter, render_docx, render_html


def _both(review, case) -> tuple[list[str], list[str], bytes]:
    letter = build_letter(review, case)
    word = render_docx(letter)
    return html_lines(render_html(letter)), docx_lines(word), word


@pytest.fixture
def case(seed_case):
    return load_case(seed_case)


@pytest.fixture
def decided(case):
    return _both(decided_seed_review(case), case)


def test_the_word_letter_is_a4_with_page_numbers_and_real_headings(decided):
    _html, _word, data = decided
    document = docx_document(data)
    section = document.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(1)
    assert abs(section.page_height - Mm(297)) < Mm(1)
    footer = section.footer._element.xml
    assert "PAGE" in footer and "NUMPAGES" in footer
    styles = {p.style.name for p in document.paragraphs}
    assert {"Heading 1", "Heading 2", "Heading 3"} <= styles
    for table in document.tables:
        header = table.rows[0]._tr.trPr
        assert header is not None and header.find(qn("w:tblHeader")) is not None


def test_you_asked_quotes_the_requester_not_the_readings_note(decided):
    for lines in decided[:2]:
        assert not [line for line in lines if "(part:" in line]
        assert (
            "This part of point 3 of your request is about whether we hold a DPIA for "
            "Northamptonshire Police." in lines
        )


def test_no_sentence_ends_with_two_full_stops(case):
    review = decided_seed_review(case)
    review.searches[0].further_search_needed = "Search the DPIA inbox for October 2023."
    for lines in _both(review, case)[:2]:
        assert [line for line in lines if re.search(r"(?<!\.)\.\s*\.(?!\.)", line)] == []
        assert any(line.endswith("for October 2023.") for line in lines)


def _section(lines: list[str], heading: str, next_heading: str) -> list[str]:
    return lines[lines.index(heading) + 1 : lines.index(next_heading)]


def test_what_we_will_do_is_said_once_in_a_points_section(decided):
    for lines in decided[:2]:
        section = _section(lines, "Point 3a", "Point 3b")
        said = [line for line in section if "new searches" in line.lower()]
        assert said == [
            "For point 3a, our response was that the information is not held. I have found that "
            "this was wrong. To put this right we will carry out new searches by 19 January 2024."
        ]


@pytest.mark.parametrize(
    "answers",
    [
        {"personal_data": "yes"},
        {"personal_data": "yes", "legitimate_interest": "no"},
        {"personal_data": "yes", "legitimate_interest": "yes", "reasonably_necessary": "no"},
        {"personal_data": "yes", "legitimate_interest": "yes", "reasonably_necessary": "yes"},
        {
            "personal_data": "yes",
            "legitimate_interest": "yes",
            "reasonably_necessary": "yes",
            "balance_favours_subject": "no",
        },
    ],
)
def test_the_s40_paragraph_takes_the_three_step_test_to_its_end(case, answers):
    """Whatever was answered, the paragraph goes on past "three steps": each step is decided,
    found not to arise, or said to be not yet decided; it never stops in the middle."""
    review = decided_seed_review(case)
    review.provisions[0].answers = answers
    for lines in _both(review, case)[:2]:
        (paragraph,) = [line for line in lines if "three steps" in line]
        after = paragraph.split("three steps", 1)[1]
        assert "First" in after or "first step" in after, paragraph
        settled = "not arise" in after or "no legitimate interest" in after
        if answers.get("legitimate_interest") == "yes" and "necessary to meet" not in after:
            raise AssertionError(f"the second step is missing: {paragraph}")
        if answers.get("reasonably_necessary") == "yes" and not settled:
            assert "Third" in after or "third step" in after, paragraph
        assert paragraph.endswith((".", ".]")), paragraph


def test_the_seed_letter_is_under_1000_words_when_the_review_changes_nothing(case):
    review = seed_draft(case)
    for point in review.points:
        point.finding = "correct"
    review.provisions[0].answers = {
        "personal_data": "yes",
        "legitimate_interest": "yes",
        "reasonably_necessary": "yes",
        "balance_favours_subject": "yes",
    }
    review.provisions[0].finding = "upheld"
    html, word, _data = _both(review, case)
    assert words(html) < 1000, words(html)
    assert words(word) < 1000, words(word)

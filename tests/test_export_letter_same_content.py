"""The Word letter and the web-page letter say the same things, line for line."""

from __future__ import annotations

import pytest
from export_fixtures import decided_seed_review
from letter_text import docx_lines, html_lines

from workbench.cases import load_case
from workbench.export import build_letter, render_docx, render_html


@pytest.fixture
def rendered(seed_case):
    case = load_case(seed_case)
    review = decided_seed_review(case)
    review.provisions[0].public_interest = {"for_disclosure": "Openness.", "favours": "withholding"}
    letter = build_letter(review, case)
    return html_lines(render_html(letter)), docx_lines(render_docx(letter))


def test_every_line_of_the_web_page_is_in_the_word_letter_and_back(rendered):
    html, word = rendered
    assert [line for line in html if line not in word] == []
    assert [line for line in word if line not in html] == []


def test_the_searches_table_keeps_the_further_search_column_in_word(rendered):
    _html, word = rendered
    assert "Further search needed" in word
    assert "Search the DPIA inbox for October 2023" in word

"""The Markdown letter: the same letter, with requester text printed literally."""

from __future__ import annotations

import pytest
from export_fixtures import decided_seed_review

from workbench.cases import load_case
from workbench.export import export_case
from workbench.export.templating import markdown_escape


def test_markdown_letter_escapes_requester_markup_and_keeps_numbering(seed_case, tmp_path):
    case = load_case(seed_case)
    (path,) = export_case(case, tmp_path, formats=["md"], review=decided_seed_review(case))
    text = path.read_text(encoding="utf-8")
    assert "<script>" not in text
    assert r"\<script\>alert(1)\</script\>" in text
    assert "### Point 3a" in text and "### Point 3b" in text
    # The request is quoted with its own numbering, escaped so it stays a quotation.
    assert "> 1\\. Has the ICO had correspondence with Essex police" in text
    assert "| 3a | Not held | Incorrect | Carry out new searches by 19 January 2024 |" in text
    assert "complain to the Information Commissioner's Office (ICO)" in text


def test_markdown_escape_defuses_headings_lists_links_and_html():
    assert markdown_escape("# Not a heading") == r"\# Not a heading"
    assert markdown_escape("- not a list") == r"\- not a list"
    assert markdown_escape("[link](http://x)") == r"\[link\](http://x)"
    assert markdown_escape("a | b") == r"a \| b"
    assert markdown_escape("<b>&") == r"\<b\>&amp;"


@pytest.mark.parametrize("end", ["\r", "\r\n", "\n"])
def test_a_bare_carriage_return_does_not_let_a_heading_or_list_through(end):
    assert markdown_escape(f"Fine.{end}# Heading{end}- item{end}1. first") == (
        "Fine.\n\\# Heading\n\\- item\n1\\. first"
    )

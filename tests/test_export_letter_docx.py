"""The Word letter: proper headings, the request's own numbering, a points table, the ICO."""

from __future__ import annotations

import io
import re

import docx
import pytest
from export_fixtures import REASONS_1, SEED_ID, decided_seed_review, seed_draft

from workbench.cases import load_case
from workbench.export import export_case
from workbench.store import Store


@pytest.fixture
def letter(seed_case, tmp_path):
    """The Word letter exported from the decided seed review saved in the store."""
    case = load_case(seed_case)
    with Store(tmp_path / "store.db") as store:
        store.create(decided_seed_review(case), who="sam")
        (path,) = export_case(case, tmp_path / "out", formats=["docx"], store=store)
    assert path.name == f"{SEED_ID}-review-v1.docx"
    return docx.Document(io.BytesIO(path.read_bytes()))


def _headings(document, level: int) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


def _text(document) -> str:
    return "\n".join(p.text for p in document.paragraphs)


def test_the_letter_has_a_title_and_a_heading_for_each_section(letter):
    assert _headings(letter, 1) == [f"Internal review of your request {SEED_ID}"]
    sections = _headings(letter, 2)
    for expected in (
        "Your request",
        "Our original response",
        "Your request for a review",
        "Who carried out this review",
        "How we handled your request",
        "Our searches",
        "My findings on each point of your request",
        "The exemptions we relied on",
        "Outcome",
        "Your right to complain",
    ):
        assert expected in sections
    assert sections.index("Our original response") < sections.index("Outcome")


def test_points_are_numbered_as_the_request_numbers_them(letter):
    points = [h for h in _headings(letter, 3) if h.startswith("Point ")]
    assert points == ["Point 1", "Point 2", "Point 3a", "Point 3b"]


def test_the_points_table_gives_each_determination_finding_and_remedy(letter):
    table = letter.tables[0]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["Point", "Our original response", "Finding on review", "What we will do"]
    assert [row[0] for row in rows[1:]] == ["1", "2", "3a", "3b"]
    assert rows[1][1] == "Held, partly disclosed (section 40(2))"
    assert rows[3][2] == "Incorrect"
    assert rows[3][3] == "Carry out new searches by 19 January 2024"


def test_the_reviewers_reasons_are_kept_word_for_word(letter):
    paragraphs = [p.text for p in letter.paragraphs]
    for paragraph in REASONS_1.split("\n\n"):
        assert paragraph in paragraphs


def test_the_exemption_section_walks_through_the_legitimate_interests_test(letter):
    assert "Section 40(2) FOIA: Third-party personal data" in _headings(letter, 3)
    text = _text(letter)
    assert "First, there is a legitimate interest in giving you the information." in text
    assert "We were right to rely on it." in text


def test_the_letter_gives_dates_outcome_and_what_happens_next(letter):
    text = _text(letter)
    assert "We received your request on 25 October 2023" in text
    assert "We responded on 22 November 2023" in text
    assert "You asked for a review on 4 December 2023" in text
    assert "Outcome of this review: Upheld in part" in text
    assert "Point 3a: Carry out new searches, by 19 January 2024" in text


def test_the_letter_tells_the_requester_they_may_complain_to_the_ico(letter):
    text = _text(letter)
    assert "complain to the Information Commissioner's Office (ICO)" in text
    assert "section 50 of the Freedom of Information Act 2000" in text
    assert "https://ico.org.uk/make-a-complaint/" in text
    assert "Scottish" not in text


def test_a_first_pass_draft_is_marked_as_a_draft(seed_case, tmp_path):
    case = load_case(seed_case)
    (path,) = export_case(case, tmp_path, formats=["docx"], review=seed_draft(case))
    text = _text(docx.Document(str(path)))
    assert "DRAFT (review version 1, draft): not yet signed off." in text
    assert "[Draft: the reviewer has not yet recorded a finding on this point.]" in text


def test_requester_text_cannot_become_a_field_or_a_link_in_the_letter(seed_case, tmp_path):
    import zipfile

    case = load_case(seed_case)
    review = decided_seed_review(case)
    review.grounds = (
        '{ HYPERLINK "http://evil.example" } { INCLUDETEXT "c:\\\\secrets.txt" } '
        "=cmd|' /C calc'!A0 http://evil.example/phish <w:fldSimple w:instr=\"DATE\"/>"
    )
    review.points[0].reasons = '{ DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe "/k calc" }'
    (path,) = export_case(case, tmp_path, formats=["docx"], review=review)
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    for name, data in parts.items():
        assert b"<w:fldSimple" not in data and b"<w:hyperlink" not in data, name
        # The only fields are the footer's own "Page N of M", never anything from the text.
        instructions = re.findall(rb"<w:instrText[^>]*>([^<]*)</w:instrText>", data)
        assert {i.strip() for i in instructions} <= {b"PAGE", b"NUMPAGES"}, (name, instructions)
        if not name.startswith("word/footer"):
            assert b"<w:fldChar" not in data and not instructions, name
        assert b'TargetMode="External"' not in data, name
    # ...while the requester's words are in the letter, as plain text.
    assert b"{ HYPERLINK" in parts["word/document.xml"]

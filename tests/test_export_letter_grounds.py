"""The letter answers each ground: what the requester said, the finding and why, in order."""

from __future__ import annotations

import datetime as dt
import io

import docx
from export_fixtures import decided_seed_review
from grounds_fixtures import request_text

from workbench import review_grounds as rg
from workbench.cases import load_case
from workbench.export.docx import render_docx
from workbench.export.html import render_html
from workbench.export.letter import build_letter
from workbench.export.markdown import render_markdown

TODAY = dt.date(2024, 1, 2)
HOSTILE = "<script>alert('x')</script> =HYPERLINK(\"http://evil\") *not bold*"


def _review(case):
    review = decided_seed_review(case)
    review.grounds = ""  # the review request is the document: no words typed
    review = rg.read_grounds(review, request_text())
    review = rg.set_ground_finding(
        review, "g1", "partly_upheld", reasons="Emails from March were missed.",
        remedies="new_searches",
    )  # fmt: skip
    review = rg.set_ground_finding(
        review, "g2", "not_upheld", reasons="Both inboxes were searched."
    )
    return rg.set_ground_finding(review, "g3", "upheld", reasons="We took 31 working days.",
                                 remedy="We apologise and have added staff.")  # fmt: skip


def test_each_ground_is_answered_in_the_order_raised_with_its_finding_and_reasons(seed_case):
    case = load_case(seed_case)
    letter = build_letter(_review(case), case, today=TODAY)
    answers = letter.ground_answers
    assert [a.number for a in answers] == [1, 2, 3]
    assert [a.finding for a in answers] == ["Partly upheld", "Not upheld", "Upheld"]
    assert answers[2].quote == "Separately, your response took 31 working days."
    assert answers[0].quote.endswith("\u2026") and len(answers[0].quote) <= 200
    assert answers[0].reasons == ["Emails from March were missed."]
    assert "To put it right we will carry out new searches." in " ".join(answers[0].paragraphs)
    assert answers[2].remedy == ["We apologise and have added staff."]
    said = " ".join(letter.grounds_answered)
    assert "each of the 3 grounds you raised" in said
    assert "considered each of the points you raise" not in said

    markdown = render_markdown(letter)
    section = markdown[markdown.index("## What you asked us to look at again") :]
    order = [section.index(a.heading) for a in answers]
    assert order == sorted(order)
    assert "**My finding:** Not upheld" in section and "Both inboxes were searched." in section

    html = render_html(letter)
    assert "<h2>What you asked us to look at again</h2>" in html
    assert "<strong>My finding:</strong> Upheld" in html

    document = docx.Document(io.BytesIO(render_docx(letter)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "What you asked us to look at again" in text
    assert "3. The response (or an earlier review) was late." in text
    assert "My finding: Partly upheld" in text and "We took 31 working days." in text


def test_a_draft_says_which_ground_has_no_finding_yet(seed_case):
    case = load_case(seed_case)
    review = rg.set_ground_finding(_review(case), "g2", "")
    answer = build_letter(review, case, today=TODAY).ground_answers[1]
    assert answer.finding == "No finding yet"
    assert answer.paragraphs[0].startswith("[Draft: the reviewer has not yet recorded a finding")


def test_the_requesters_words_stay_text_in_every_format(seed_case):
    case = load_case(seed_case)
    review = rg.set_ground_summary(_review(case), "g1", HOSTILE)
    letter = build_letter(review, case, today=TODAY)
    html = render_html(letter)
    assert "<script>alert" not in html and "&lt;script&gt;alert(&#39;x&#39;)" in html
    markdown = render_markdown(letter)
    assert "\\*not bold\\*" in markdown and "\\<script\\>" in markdown
    document = docx.Document(io.BytesIO(render_docx(letter)))
    assert any(HOSTILE in p.text for p in document.paragraphs)


def test_without_grounds_tracked_the_letter_claims_nothing_it_does_not_answer(seed_case):
    case = load_case(seed_case)
    review = decided_seed_review(case)
    review.grounds = "I am unhappy with your reply."  # names no point or provision
    letter = build_letter(review, case, today=TODAY)
    assert letter.ground_answers == [] and letter.grounds_answered == []
    assert "What you asked us to look at again" not in render_markdown(letter)

"""A case gets its review request when the case is made, or later: a file or a pasted email."""

from __future__ import annotations

import json

import pytest
from grounds_fixtures import SEARCHES_AND_DELAY

from workbench.cases import attach_review_request, load_case, new_case
from workbench.errors import CaseError, DocumentError
from workbench.uploads import Upload, create_case, pasted_upload

ROOT = SEARCHES_AND_DELAY.parents[3]
UPLOAD = ROOT / "tests" / "files" / "upload_case"


def test_a_review_request_is_added_to_a_case_later_and_replaced_only_on_purpose(seed_case):
    case = attach_review_request(load_case(seed_case), SEARCHES_AND_DELAY)
    assert case.meta.documents.review_request == "review_request.txt"
    assert case.meta.original_filenames["review_request"] == "syn-102.txt"
    assert "31 working days" in load_case(seed_case).review_request().text

    with pytest.raises(CaseError, match="already has a review request"):
        attach_review_request(case, text="Another request")
    replaced = attach_review_request(case, text="  You were late.\r\n", replace=True)
    assert replaced.review_request().text == "You were late.\n"
    assert replaced.meta.original_filenames["review_request"] == "pasted text"


def test_a_bad_review_request_is_refused_and_the_case_is_unchanged(seed_case, tmp_path):
    before = (seed_case / "case.json").read_text()
    broken = tmp_path / "request.docx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(DocumentError):
        attach_review_request(load_case(seed_case), broken)
    with pytest.raises(DocumentError, match="empty"):
        attach_review_request(load_case(seed_case), text="   \n ")
    assert (seed_case / "case.json").read_text() == before
    assert sorted(p.name for p in seed_case.iterdir()) == [
        "case.json",
        "request.txt",
        "response.txt",
    ]


def test_a_new_case_takes_an_uploaded_or_pasted_review_request(isolated_data):
    uploads = {
        "response": Upload("response.txt", (UPLOAD / "response.txt").read_bytes()),
        "review_request": pasted_upload("Dear FOI team,\nYour response took 31 working days.\n"),
    }
    case = create_case(uploads, "CASE-1")
    assert case.review_request().text.startswith("Dear FOI team")
    saved = json.loads((case.path / "case.json").read_text())
    assert saved["documents"]["review_request"] == "review_request.txt"

    made = new_case(UPLOAD / "response.txt", review_request=SEARCHES_AND_DELAY, case_id="CASE-2")
    assert made.meta.documents.review_request == "review_request.txt"
    assert pasted_upload("   ") is None

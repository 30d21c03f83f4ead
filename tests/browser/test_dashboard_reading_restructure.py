"""A misread real letter is uploaded, its reading restructured in the dashboard, and exported.

The letters (tests/files/misread/, from the corpus's dev part) have unnumbered requests
the first pass misreads: real-004's one-sentence request is one point partly disclosed,
though the answer discloses the diary and does not hold the sent emails; real-139's third item
is one point, though the answer refuses half of it and does not hold the other half.
The reviewer uploads the letter on the Cases page, then merges, splits, takes request
texts from the letter beside the points, sets determinations, provisions, the kind of
letter and the requester, exports, and downloads the letter and spreadsheet: they must show
exactly the hand-made reading, and the checks must no longer report what the reviewer
corrected.
"""

from __future__ import annotations

import io

import docx
import openpyxl
import pytest
from correcting import Corrector
from correction_scripts import load, reading
from steps import choose_file, open_case, select_tab

from workbench.store import Store

CASES = {"real-004": "FOI-17-02393", "real-139": "FOI-2020-663"}


@pytest.mark.parametrize("name", list(CASES))
def test_a_misread_letter_is_restructured_to_its_hand_made_reading_and_exported(
    name, dashboard_server, open_dashboard, screenshot, tmp_path
):
    correction = load(name)
    case_id = CASES[name]
    page = open_dashboard(dashboard_server)
    choose_file(page, "response", correction.response)
    page.get_by_role("button", name="Create case").click()
    page.locator(".wb-case-row.wb-new-case", has_text=case_id).wait_for()
    open_case(page, case_id)

    corrector = Corrector(page, case_id)
    corrector.open_points()
    screenshot("as read")
    corrector.apply(correction.steps)
    with Store() as store:
        saved = store.get(case_id)
    assert reading(saved) == correction.truth_reading()
    corrector.open_points()
    page.locator(".wb-point").first.scroll_into_view_if_needed()
    screenshot("as corrected")

    # The checks follow the corrected reading: no point is left without an answer.
    select_tab(page, "Overview")
    page.locator(".wb-check").first.wait_for()
    assert page.locator("[class*='wb-check-point-not-answered']").count() == 0
    assert page.locator("[class*='wb-check-disclosed-but-refused']").count() == 0
    screenshot("overview with the corrected facts")

    letter, book = _export(page, tmp_path, f"{case_id}-review-v1")
    screenshot("exported")
    truth = correction.truth_reading()
    text = "\n".join(p.text for p in letter.paragraphs)
    headings = [line for line in text.splitlines() if line.startswith("Point ")]
    assert headings == [f"Point {label}" for label, _, _ in truth]
    assert f"Dear {saved.requester or 'Sir or Madam'}," in text
    assert "Held, disclosed (section" not in text  # no refusal ground on a disclosed point
    rows = list(book["Points"].iter_rows(min_row=2, values_only=True))
    assert [(row[0], row[4] or "") for row in rows] == [
        (label, ", ".join(provisions)) for label, _, provisions in truth
    ]
    cited = sorted(row[0] for row in book["Provisions"].iter_rows(min_row=2, values_only=True))
    assert cited == sorted({p for _, _, provisions in truth for p in provisions})
    checks = [row[0] for row in book["Checks"].iter_rows(min_row=2, values_only=True)]
    assert not [c for c in checks if str(c).startswith("point-not-answered")]


def _export(page, tmp_path, stem: str):
    """Write the Word letter and the spreadsheet on Outcome and letter, and download both."""
    select_tab(page, "Outcome and letter")
    files = {}
    for fmt in ("docx", "xlsx"):
        page.locator(f"button.wb-export-{fmt}").click()
        link = page.locator(".wb-downloads a", has_text=f"Download {stem}.{fmt}")
        link.wait_for()
        with page.expect_download() as info:
            link.click()
        target = tmp_path / info.value.suggested_filename
        info.value.save_as(target)
        files[fmt] = target.read_bytes()
    letter = docx.Document(io.BytesIO(files["docx"]))
    book = openpyxl.load_workbook(io.BytesIO(files["xlsx"]), read_only=True)
    return letter, book

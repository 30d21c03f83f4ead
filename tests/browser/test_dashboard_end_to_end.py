"""A whole review in the browser: open the seed case, record findings, export, download.

The reviewer opens the dashboard, opens the seed case and sees its reference
and dates, records a finding on point 2 and an answer for s.40(2), reloads the
page, goes to Outcome and letter, writes the Word letter and the spreadsheet,
and downloads both through the browser.  The downloaded files are read back
with python-docx and openpyxl.  A screenshot of each step is saved in
``test-artifacts/``.
"""

from __future__ import annotations

import io

import docx
import openpyxl
from steps import (
    DOCS_SCREENSHOT,
    DOCS_SCREENSHOT_LIMIT,
    SEED_ID,
    choose,
    open_case,
    save_docs_screenshot,
    select_tab,
    type_text,
    wait_for_saved,
)

FINDING_2 = (
    "The response says point 2 is not held but does not describe any search of the "
    "Regulatory Supervision mailbox; new searches are needed."
)
LETTER_NAME = f"{SEED_ID}-review-v1"


def test_a_review_is_recorded_kept_exported_and_downloaded(
    dashboard_server, open_dashboard, screenshot, artifacts_dir, tmp_path
):
    page = open_dashboard(dashboard_server)
    page.locator(".wb-case-row", has_text=SEED_ID).wait_for()
    assert "Not started" in page.locator(".wb-case-row", has_text=SEED_ID).inner_text()
    screenshot("cases")

    # The overview shows the reference and the dates read from the letter.
    open_case(page, SEED_ID)
    reference = page.locator(".wb-fact-reference .wb-value")
    assert reference.inner_text() == SEED_ID
    assert page.locator(".wb-fact-date-received .wb-value").inner_text() == "25 October 2023"
    assert page.locator(".wb-fact-date-of-response .wb-value").inner_text() == "22 November 2023"
    screenshot("overview")
    save_docs_screenshot(page, artifacts_dir)

    # A finding on point 2.
    select_tab(page, "Request points")
    card = ".wb-point-2"
    page.locator(card).wait_for()
    choose(page, f"{card} .wb-point-finding", "Incorrect")
    type_text(page, f"{card} .wb-point-reasons textarea", FINDING_2)
    wait_for_saved(
        lambda r: r.points[1].finding == "incorrect" and r.points[1].reasons == FINDING_2
    )
    screenshot("point 2 finding")

    # An answer for s.40(2).
    select_tab(page, "Provisions")
    question = ".wb-provision .wb-question-personal-data"
    page.locator(question).wait_for()
    choose(page, question, "Yes")
    wait_for_saved(lambda r: r.provisions[0].answers.get("personal_data") == "yes")
    screenshot("s40 answer")

    # Reload: the page comes back on the same tab, the work is in the store, and the
    # letter shows it.
    page.reload(wait_until="commit")
    page.locator(question).wait_for()
    page.get_by_role("button", name="Back to cases").click()
    page.locator(".wb-case-row", has_text=SEED_ID).wait_for()
    assert "In progress" in page.locator(".wb-case-row", has_text=SEED_ID).inner_text()
    open_case(page, SEED_ID)
    select_tab(page, "Outcome and letter")
    letter = page.frame_locator("iframe.wb-letter")
    letter.get_by_text(FINDING_2).wait_for()
    screenshot("outcome and letter after reload")

    # Write the files, then download each through its link.
    downloaded = {}
    for fmt in ("docx", "xlsx"):
        page.locator(f"button.wb-export-{fmt}").click()
        link = page.locator(".wb-downloads a", has_text=f"Download {LETTER_NAME}.{fmt}")
        link.wait_for()
        with page.expect_download() as info:
            link.click()
        download = info.value
        assert download.failure() is None
        assert download.suggested_filename == f"{LETTER_NAME}.{fmt}"
        target = tmp_path / download.suggested_filename
        download.save_as(target)
        downloaded[fmt] = target.read_bytes()
    screenshot("files downloaded")

    letter_doc = docx.Document(io.BytesIO(downloaded["docx"]))
    text = "\n".join(p.text for p in letter_doc.paragraphs)
    assert FINDING_2 in text
    assert SEED_ID in text
    book = openpyxl.load_workbook(io.BytesIO(downloaded["xlsx"]), read_only=True)
    cells = [
        str(cell)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in row
        if cell is not None
    ]
    assert FINDING_2 in cells
    assert "Incorrect" in cells


def test_the_readme_screenshot_is_there_and_small():
    readme = (DOCS_SCREENSHOT.parents[1] / "README.md").read_text()
    assert "docs/dashboard.png" in readme
    assert DOCS_SCREENSHOT.is_file()
    assert DOCS_SCREENSHOT.stat().st_size < DOCS_SCREENSHOT_LIMIT

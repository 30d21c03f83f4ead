"""A case with a review request, in the browser: grounds -> findings -> letter, read back.

The reviewer creates a case from uploaded files with the requester's email pasted in as
the review request (``tests/review_requests/synthetic/syn-102.txt``: more information
held, searches inadequate, delay).  On the Grounds tab the request is shown beside a
card per ground.  A search found inadequate makes the workbench propose "upheld" for
the searches ground, which the reviewer accepts; they answer the first ground
themselves, leave the third without a finding, and find the points and the provision.
Completing is refused, naming the third ground; once it has its finding the review is
signed off, and the Word letter and the spreadsheet are downloaded and read back: every
ground appears with its finding, in the order raised, and the spreadsheet has the
Grounds sheet.
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
import openpyxl
from steps import choose, choose_file, open_case, select_tab, type_text, wait_for_saved

ROOT = Path(__file__).resolve().parents[2]
UPLOAD = ROOT / "tests" / "files" / "upload_case"
REVIEW_REQUEST = ROOT / "tests" / "review_requests" / "synthetic" / "syn-102.txt"
CASE_ID = "FOI-2024-0193"
NOT_UPHELD_1 = "We sent every email the Chief Executive exchanged with the developer in 2023."
UPHELD_3 = "We replied on working day 31, eleven days late."


def _saved(check):
    return wait_for_saved(check, CASE_ID)


def test_every_ground_is_answered_before_sign_off_and_in_the_letter(
    start_dashboard, open_dashboard, screenshot, tmp_path
):
    page = open_dashboard(start_dashboard())

    # A new case, the requester's email pasted in as its review request.
    choose_file(page, "response", UPLOAD / "response.txt")
    choose_file(page, "request", UPLOAD / "request.txt")
    choose_file(page, "searches", UPLOAD / "searches.csv")
    page.locator(".wb-upload .wb-chosen", has_text="searches.csv (").wait_for()
    page.locator(".wb-upload-pasted textarea").fill(REVIEW_REQUEST.read_text())
    page.get_by_role("button", name="Create case").click()
    page.locator(".wb-case-row.wb-new-case", has_text=CASE_ID).wait_for()
    open_case(page, CASE_ID)
    review = _saved(lambda r: len(r.requester_grounds) == 3)
    assert [g.category for g in review.requester_grounds] == [
        "more_information_held",
        "searches_inadequate",
        "delay",
    ]

    # The Grounds tab: the request beside a card per ground, the first one outlined.
    select_tab(page, "Grounds")
    page.locator(".wb-ground-g3").wait_for()
    request = page.locator(".wb-review-request-view .wb-docview-text")
    assert "your response took 31 working days" in request.inner_text()
    current = request.locator("mark.wb-hl-current")
    assert current.inner_text().startswith("My request asked for all emails")
    assert request.locator("mark.wb-hl-ground").count() == 2
    assert "Linked to" in page.locator(".wb-ground-g2").inner_text()
    screenshot("grounds")

    # A search found inadequate: the searches ground is proposed "upheld", and accepted.
    select_tab(page, "Searches")
    page.locator(".wb-search").first.locator("select").select_option(label="No")
    _saved(lambda r: r.searches[0].adequate is False)
    select_tab(page, "Grounds")
    searches = page.locator(".wb-ground-g2")
    searches.get_by_text("Your findings propose: Upheld").wait_for()
    assert _saved(lambda r: True).ground("g2").finding is None  # shown, not set
    searches.get_by_role("button", name="Use this proposal").click()
    _saved(lambda r: r.ground("g2").finding == "upheld" and r.ground("g2").reasons)

    # The first ground answered by hand; the third left without a finding.
    choose(page, ".wb-ground-g1 .wb-ground-finding", "Not upheld")
    type_text(page, ".wb-ground-g1 .wb-ground-reasons textarea", NOT_UPHELD_1)
    _saved(lambda r: r.ground("g1").reasons == NOT_UPHELD_1)
    screenshot("two grounds answered")

    # The points and the provision.
    select_tab(page, "Request points")
    for label in ("1", "2"):
        choose(page, f".wb-point-{label} .wb-point-finding", "Correct")
    select_tab(page, "Provisions")
    choose(page, ".wb-provision .wb-provision-finding", "Upheld")
    _saved(lambda r: all(p.finding for p in r.points) and r.provisions[0].finding)

    # Completion is refused while a ground has no finding; the page says which.
    select_tab(page, "Outcome and letter")
    missing = page.locator(".wb-missing")
    missing.get_by_text("a finding for ground g3").wait_for()
    page.locator(".wb-signed-by input").fill("Ann Reviewer")
    page.locator("button.wb-complete").click()
    refusal = page.locator(".wb-messages .wb-error")
    refusal.wait_for()
    assert "a finding for ground g3" in refusal.inner_text()
    assert _saved(lambda r: True).status.value == "in_progress"
    screenshot("completion refused")

    select_tab(page, "Grounds")  # from the foot of the long Outcome page
    choose(page, ".wb-ground-g3 .wb-ground-finding", "Upheld")
    type_text(page, ".wb-ground-g3 .wb-ground-reasons textarea", UPHELD_3)
    page.locator(".wb-ground-g3 .wb-remedies").get_by_text("Apologise for the delay").click()
    _saved(lambda r: r.ground("g3").reasons == UPHELD_3 and r.ground("g3").remedies)
    select_tab(page, "Outcome and letter")
    page.locator(".wb-signed-by input").fill("Ann Reviewer")
    page.locator("button.wb-complete").click()
    _saved(lambda r: r.status.value == "completed")
    screenshot("signed off")

    files = {}
    for fmt in ("docx", "xlsx"):
        page.locator(f"button.wb-export-{fmt}").click()
        link = page.locator(".wb-downloads a", has_text=f".{fmt}")
        link.wait_for()
        with page.expect_download() as info:
            link.click()
        target = tmp_path / info.value.suggested_filename
        info.value.save_as(target)
        files[fmt] = target.read_bytes()

    letter = docx.Document(io.BytesIO(files["docx"]))
    text = [p.text for p in letter.paragraphs]
    start = text.index("What you asked us to look at again")
    section = text[start:]
    headings = [line for line in section if line[:2] in ("1.", "2.", "3.")]
    assert headings == [
        "1. More information is held than was found or disclosed.",
        "2. The searches for the information were inadequate.",
        "3. The response (or an earlier review) was late.",
    ]
    findings = [line for line in section if line.startswith("My finding: ")]
    assert findings == ["My finding: Not upheld", "My finding: Upheld", "My finding: Upheld"]
    assert NOT_UPHELD_1 in section and UPHELD_3 in section
    assert "Separately, your response took 31 working days." in section

    book = openpyxl.load_workbook(io.BytesIO(files["xlsx"]), read_only=True)
    assert "Grounds" in book.sheetnames
    rows = list(book["Grounds"].iter_rows(values_only=True))
    finding = rows[0].index("Finding")
    assert [(row[0], row[finding]) for row in rows[1:]] == [
        ("g1", "Not upheld"),
        ("g2", "Upheld"),
        ("g3", "Upheld"),
    ]

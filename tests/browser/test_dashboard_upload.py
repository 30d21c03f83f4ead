"""A reviewer creates a case in the browser by uploading its documents, then opens it.

The files are in ``tests/files/upload_case/``: a response, the request and a
search record.  The server runs with a small upload limit, so the test can
also choose a file over the limit (but well under the websocket limit) and see
the message, without sending megabytes.
"""

from __future__ import annotations

from pathlib import Path

from steps import box_values, choose_file, open_case, select_tab, wait_for_box_value

UPLOAD = Path(__file__).resolve().parents[1] / "files" / "upload_case"
NEW_ID = "FOI-2024-0193"
#: 0.05 MB = 52,428 bytes; the server's websocket limit is then 2 x that + 1 MB.
LIMIT_MB = "0.05"


def test_a_case_is_created_from_uploaded_files_and_opened(
    start_dashboard, open_dashboard, screenshot, monkeypatch, tmp_path
):
    monkeypatch.setenv("WORKBENCH_MAX_UPLOAD_MB", LIMIT_MB)
    server = start_dashboard()
    page = open_dashboard(server)
    limit = page.locator(".wb-upload-limit")
    assert "Each file may be up to 51.2 KB" in limit.inner_text()
    screenshot("cases with the upload form")

    # Too large for the workbench, small enough for the connection: a plain message.
    big = tmp_path / "big-response.txt"
    big.write_text("Our reference: BIG-1\n" + "x" * 60_000)
    choose_file(page, "response", big)
    message = page.locator(".wb-messages .wb-error")
    message.wait_for()
    assert "big-response.txt is 58.6 KB, over the 51.2 KB limit" in message.inner_text()
    screenshot("too large refused")

    choose_file(page, "response", UPLOAD / "response.txt")
    choose_file(page, "request", UPLOAD / "request.txt")
    choose_file(page, "searches", UPLOAD / "searches.csv")
    page.locator(".wb-upload .wb-chosen", has_text="searches.csv (").wait_for()
    page.get_by_role("button", name="Create case").click()

    row = page.locator(".wb-case-row.wb-new-case", has_text=NEW_ID)
    row.wait_for()
    assert "Not started" in row.inner_text() and "FOIA" in row.inner_text()
    assert f"Case {NEW_ID} was created" in page.locator(".wb-messages").inner_text()
    screenshot("case created")
    assert (server.data.cases / NEW_ID / "searches.csv").is_file()

    open_case(page, NEW_ID)
    assert page.locator(".wb-fact-reference .wb-value").inner_text() == NEW_ID
    select_tab(page, "Searches")
    table = page.locator(".wb-searches")
    table.wait_for()
    wait_for_box_value(table, "Regeneration shared drive")
    assert "Finance system (cost code RG-QS)" in box_values(table)
    screenshot("searches of the new case")

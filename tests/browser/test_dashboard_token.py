"""Served with a token, the dashboard works for whoever opened it with the token, and only them.

The reviewer opens the address with ``?token=...``, opens the seed case, writes
the Word letter and downloads it through its link (the login cookie set by
the token carries over to the download).  Another browser, without the token
or the cookie, gets the login form instead of the letter from the same link.
"""

from __future__ import annotations

from steps import SEED_ID, open_case, select_tab

TOKEN = "a-browser-test-token-of-32-chars"
LETTER = f"{SEED_ID}-review-v1.docx"


def test_the_token_opens_the_dashboard_and_its_downloads_and_nothing_else_does(
    start_dashboard, page, browser, screenshot
):
    server = start_dashboard("--token", TOKEN)
    page.goto(f"{server.url}?token={TOKEN}", wait_until="commit")
    page.locator(".wb-cases").get_by_text("Cases", exact=True).wait_for(state="visible")
    open_case(page, SEED_ID)
    select_tab(page, "Outcome and letter")
    page.locator("button.wb-export-docx").click()
    link = page.locator(".wb-downloads a", has_text=f"Download {LETTER}")
    link.wait_for()
    with page.expect_download() as info:
        link.click()
    assert info.value.failure() is None
    assert info.value.suggested_filename == LETTER
    screenshot("letter downloaded with the token")

    href = link.get_attribute("href")
    stranger = browser.new_context()
    try:
        answer = stranger.request.get(server.url.rstrip("/") + href, max_redirects=0)
        assert answer.status == 302
        assert answer.headers["location"].startswith("/login")
        assert stranger.request.get(server.url, max_redirects=0).status == 302
    finally:
        stranger.close()

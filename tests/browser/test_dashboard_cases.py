"""A reviewer opens the dashboard, finds the seed case in the list and opens it."""

from __future__ import annotations

SEED_ID = "IC-266000-V6Y0"


def test_the_seed_case_is_listed_and_opens_showing_its_details(
    dashboard_server, open_dashboard, screenshot
):
    page = open_dashboard(dashboard_server)
    row = page.locator(".wb-case-row", has_text=SEED_ID)
    row.wait_for(state="visible")
    assert "FOIA" in row.inner_text()
    screenshot("cases list")

    row.get_by_role("button", name="Open").click()
    case = page.locator(".wb-case")
    case.get_by_text(f"Case {SEED_ID}", exact=True).wait_for(state="visible")
    facts = case.locator(".wb-facts").inner_text()
    assert "Information Commissioner's Office" in facts
    assert "FOIA" in facts
    case.get_by_text("The response as sent", exact=True).click()  # the panel opens
    response = case.locator(".wb-document").inner_text()
    assert "We received your request on 25 October 2023" in response
    screenshot("case opened")

    case.get_by_role("button", name="Back to cases").click()
    page.locator(".wb-case-row", has_text=SEED_ID).wait_for(state="visible")

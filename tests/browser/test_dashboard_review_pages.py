"""A reviewer records findings in the browser, reloads the page, and finds them kept."""

from __future__ import annotations

import time
from collections.abc import Callable

from steps import select_tab

from workbench.store import Store

SEED_ID = "IC-266000-V6Y0"


def _eventually(condition: Callable[[], bool], what: str, timeout: float = 30) -> None:
    """Wait for the kernel to save what the page sent (widget messages are asynchronous)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"not saved within {timeout:.0f} s: {what}")


def _saved():
    with Store() as store:  # the test's WORKBENCH_DB, which the server uses too
        return store.get(SEED_ID) if store.exists(SEED_ID) else None


def _open_seed_case(page):
    page.locator(".wb-case-row", has_text=SEED_ID).get_by_role("button", name="Open").click()
    case = page.locator(".wb-case")
    case.get_by_text(f"Case {SEED_ID}", exact=True).wait_for(state="visible")
    case.locator(".wb-fact-reference").wait_for(state="visible")
    return case


def _tab(case, title: str) -> None:
    select_tab(case.page, title)


def test_findings_made_in_the_browser_are_kept_across_a_reload(
    dashboard_server, open_dashboard, screenshot
):
    page = open_dashboard(dashboard_server)
    case = _open_seed_case(page)

    assert SEED_ID in case.locator(".wb-fact-reference").inner_text()
    received = case.locator(".wb-fact-date-received").inner_text()
    assert "25 October 2023" in received
    assert "We received your request on 25 October 2023." in received
    assert "22 November 2023" in case.locator(".wb-fact-date-of-response").inner_text()
    assert "Day 20 (due): Wed 22 Nov 2023" in case.locator(".wb-working").inner_text()
    page.set_viewport_size({"width": 1366, "height": 3200})  # the whole tab in one picture
    screenshot("overview")
    page.set_viewport_size({"width": 1366, "height": 768})

    _tab(case, "Request points")
    point = case.locator(".wb-point-2")
    point.locator(".wb-point-finding select").select_option(label="Incorrect")
    reasons = point.locator(".wb-point-reasons textarea")
    reasons.fill("No searches were described for Northamptonshire.")
    reasons.press("Tab")  # leaving the box saves it
    _eventually(
        lambda: (
            (review := _saved()) is not None
            and review.points[1].finding is not None
            and review.points[1].finding.value == "incorrect"
            and review.points[1].reasons.startswith("No searches")
        ),
        "the finding and reasons on point 2",
    )
    point.scroll_into_view_if_needed()
    screenshot("finding on point 2")

    _tab(case, "Provisions")
    case.locator(".wb-question-personal-data select").select_option(label="Yes")
    case.locator(".wb-question-legitimate-interest").wait_for(state="visible")  # re-rendered
    _eventually(
        lambda: _saved().provisions[0].answers.get("personal_data") == "yes",
        "the s.40(2) answer",
    )
    screenshot("s40-2 answer")

    page.reload(wait_until="commit")  # back where the reviewer was: the case, on Provisions
    case = page.locator(".wb-case")
    case.get_by_text(f"Case {SEED_ID}", exact=True).wait_for(state="visible")
    case.locator(".wb-question-legitimate-interest").wait_for(state="visible")
    _tab(case, "Request points")
    point = case.locator(".wb-point-2")
    assert point.locator(".wb-point-finding select").input_value() == "Incorrect"
    assert point.locator(".wb-point-reasons textarea").input_value().startswith("No searches")
    point.scroll_into_view_if_needed()
    screenshot("point 2 after reload")

    _tab(case, "Provisions")
    assert case.locator(".wb-question-personal-data select").input_value() == "Yes"
    case.locator(".wb-question-legitimate-interest").wait_for(state="visible")
    screenshot("s40-2 after reload")

"""Reopening the page resumes exactly where the reviewer was, typed text included."""

from __future__ import annotations

import time

from steps import SEED_ID, open_case, select_tab, wait_for_saved

from workbench.dashboard.debounce import TYPING_PAUSE
from workbench.store import Store

TYPED = "Typed without leaving the box"
MORE = ", and more typed just before the reload"


def _place() -> tuple[str, str] | None:
    with Store() as store:  # the test's WORKBENCH_DB, which the server uses too
        place = store.get_place()
    return None if place is None else (place.case_id, place.tab)


def _wait_for_place(expected: tuple[str, str] | None, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while _place() != expected:
        assert time.monotonic() < deadline, f"the place kept is {_place()}, not {expected}"
        time.sleep(0.2)


def _reload_into_case(page, tab: str) -> None:
    """Reload, and wait for the case to come back by itself on ``tab`` (no clicks)."""
    page.reload(wait_until="commit")
    page.locator(".wb-case").get_by_text(f"Case {SEED_ID}", exact=True).wait_for()
    current = page.locator(".wb-tabs").get_by_role("tab", name=tab, exact=True)
    current.wait_for()
    assert current.get_attribute("aria-selected") == "true"


def test_reloading_comes_back_to_the_same_case_and_tab(
    dashboard_server, open_dashboard, screenshot
):
    page = open_dashboard(dashboard_server)
    open_case(page, SEED_ID)
    select_tab(page, "Provisions")
    question = page.locator(".wb-provision .wb-question-personal-data")
    question.wait_for()
    _wait_for_place((SEED_ID, "Provisions"))
    screenshot("provisions tab")

    _reload_into_case(page, "Provisions")
    question.wait_for(state="visible")  # the tab's page is shown, not just its title
    assert page.locator(".wb-cases").count() == 0
    screenshot("provisions tab after reload")

    page.get_by_role("button", name="Back to cases").click()
    page.locator(".wb-case-row", has_text=SEED_ID).wait_for()
    _wait_for_place(None)
    page.reload(wait_until="commit")
    page.locator(".wb-case-row", has_text=SEED_ID).wait_for()
    screenshot("cases page after back and reload")


def test_text_typed_without_leaving_the_box_survives_a_reload(
    dashboard_server, open_dashboard, screenshot
):
    page = open_dashboard(dashboard_server)
    open_case(page, SEED_ID)
    select_tab(page, "Request points")
    box = page.locator(".wb-point-2 .wb-point-reasons textarea")
    box.click()
    box.press_sequentially(TYPED, delay=30)
    # Saved while the cursor is still in the box, once, with the whole text.
    wait_for_saved(lambda review: review.points[1].reasons == TYPED)
    with Store() as store:
        edits = [e.new_value for e in store.audit(SEED_ID) if e.field_path == "points.1.reasons"]
    assert edits == [TYPED]
    screenshot("typed, still in the box")

    box.press_sequentially(MORE, delay=10)
    # Reload well inside the typing pause, once the browser has sent the last keystroke
    # (one it still holds when the page goes is never sent: the kernel cannot save it).
    page.wait_for_timeout(TYPING_PAUSE * 1000 * 0.4)
    _reload_into_case(page, "Request points")
    wait_for_saved(lambda review: review.points[1].reasons == TYPED + MORE)
    reasons = page.locator(".wb-point-2 .wb-point-reasons textarea")
    reasons.wait_for()
    assert reasons.input_value() == TYPED + MORE
    reasons.scroll_into_view_if_needed()
    screenshot("typed text after reload")

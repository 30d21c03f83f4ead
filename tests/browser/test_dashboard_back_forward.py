"""The browser's Back and Forward move between the dashboard's own views.

Cases list -> case (Overview) -> Provisions, then Back twice and Forward twice:
each step shows the view it returns to, and the browser never leaves the dashboard.
"""

from __future__ import annotations

from steps import SEED_ID, open_case, show_tab, wait_for_tab_page


def _on_tab(page, title: str) -> None:
    page.locator(".wb-tabs").get_by_role("tab", name=title, selected=True).wait_for()
    wait_for_tab_page(page, title)


def test_back_and_forward_move_between_the_dashboards_views(
    dashboard_server, open_dashboard, screenshot
):
    page = open_dashboard(dashboard_server)
    page.locator(".wb-case-row", has_text=SEED_ID).wait_for()
    open_case(page, SEED_ID)
    show_tab(page, "Provisions")
    page.locator(".wb-provision").wait_for()
    assert page.url.endswith(f"#case/{SEED_ID}/provisions")

    page.go_back()
    _on_tab(page, "Overview")
    page.locator(".wb-fact-reference").wait_for()
    page.go_back()
    page.locator(".wb-case-row", has_text=SEED_ID).wait_for()
    assert page.locator(".wb-tabs").count() == 0
    screenshot("back to the cases list")
    assert page.url.startswith(dashboard_server.url)

    page.go_forward()
    _on_tab(page, "Overview")
    page.go_forward()
    _on_tab(page, "Provisions")
    page.locator(".wb-provision").wait_for()
    screenshot("forward to provisions")
    assert page.url == f"{dashboard_server.url}#case/{SEED_ID}/provisions"

"""A page left open keeps its kernel: only pages nobody has open are culled."""

from __future__ import annotations

import time


def test_an_open_page_still_works_after_the_idle_timeout(start_dashboard, open_dashboard):
    server = start_dashboard("--cull-idle-timeout", "2", "--cull-interval", "1")
    page = open_dashboard(server)
    time.sleep(6)  # three idle timeouts with the page open

    page.locator(".wb-case-row", has_text="IC-266000-V6Y0").get_by_role(
        "button", name="Open"
    ).click()
    page.locator(".wb-case").get_by_text("Case IC-266000-V6Y0", exact=True).wait_for()
    assert "Culling 'idle' kernel" not in server.log()

"""A page left open keeps its kernel: only pages nobody has open are culled."""

from __future__ import annotations

import time


def test_an_open_page_still_works_after_the_idle_timeout(start_dashboard, open_dashboard):
    # The timeout must outlast the page's own start: between the notebook's run and the page
    # connecting to its kernel, the kernel is idle with no page, and is culled (at 2 seconds a
    # loaded machine lost the page before it showed). The default is 30 minutes.
    server = start_dashboard("--cull-idle-timeout", "5", "--cull-interval", "1")
    page = open_dashboard(server)
    time.sleep(16)  # three idle timeouts with the page open

    page.locator(".wb-case-row", has_text="IC-266000-V6Y0").get_by_role(
        "button", name="Open"
    ).click()
    page.locator(".wb-case").get_by_text("Case IC-266000-V6Y0", exact=True).wait_for()
    assert "Culling 'idle' kernel" not in server.log()

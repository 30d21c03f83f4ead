"""A tab chosen in the browser whose choice never reaches the kernel still shows its page.

CI once saw the "Request points" tab marked chosen while the Overview stayed under it for a
minute.  A widget's change is held in the browser until the kernel has acknowledged the
previous one, and the kernel does not acknowledge every message it handles, so a choice
can be lost on the way.  Here the first choice is dropped on purpose between the browser
and the server: the page must notice that no answer came and ask the kernel again.
"""

from __future__ import annotations

import re

from steps import SEED_ID, open_case, select_tab


def _drop_the_first_tab_choice(dropped: list[bytes]):
    """A websocket route passing everything on except the first tab choice from the page."""

    def route(ws) -> None:
        server = ws.connect_to_server()

        def from_page(message) -> None:
            data = message if isinstance(message, bytes) else message.encode()
            if not dropped and b'"selected_index"' in data and b'"update"' in data:
                dropped.append(data)
                return
            server.send(message)

        ws.on_message(from_page)

    return route


def test_a_tab_choice_lost_on_the_way_is_asked_for_again(
    dashboard_server, open_dashboard, page, screenshot
):
    dropped: list[bytes] = []
    page.route_web_socket(re.compile(r".*/channels.*"), _drop_the_first_tab_choice(dropped))
    open_dashboard(dashboard_server)
    open_case(page, SEED_ID)
    page.locator(".wb-fact-reference").wait_for()

    select_tab(page, "Request points", timeout=45)
    assert dropped, "the choice was not dropped: this test tested nothing"
    page.locator(".wb-point-2").wait_for()
    assert page.locator(".wb-tabpanel").get_attribute("aria-busy") == "false"
    screenshot("points shown after the lost choice")

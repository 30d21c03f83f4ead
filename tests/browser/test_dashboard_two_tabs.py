"""The same case open in two tabs: different fields both saved, the same field a visible choice.

Two tabs (two kernels, two sessions) show the seed case's Request points.  Each types
reasons for a different point at the same time: both are saved, neither tab loses a
character.  Then both type reasons for the same point: the second save finds the first,
so that tab shows the saved text in the box and its own text in a panel right beside
it, with "Use mine" and "Keep theirs"; choosing "Use mine" saves it.
"""

from __future__ import annotations

from steps import SEED_ID, open_case, select_tab, wait_for_saved

FIRST = "Tab A: the searches of the Essex correspondence were adequate."
SECOND = "Tab B: nothing shows that the Northamptonshire mailbox was searched."
THEIRS = "Tab A: the DPIA point turns on what was held at the time of the request."
MINE = "Tab B: the DPIA was received after the request; it was not held when asked."


def _reasons(page, label: str):
    return page.locator(f".wb-point-{label} .wb-point-reasons textarea")


def test_two_tabs_edit_different_fields_and_then_the_same_one(
    dashboard_server, open_dashboard, screenshot
):
    tab_a = open_dashboard(dashboard_server)
    open_case(tab_a, SEED_ID)
    select_tab(tab_a, "Request points")
    _reasons(tab_a, "1").wait_for()

    tab_b = tab_a.context.new_page()
    tab_b.goto(dashboard_server.url, wait_until="commit")  # resumes on the same case and tab
    _reasons(tab_b, "2").wait_for()

    # Different fields, typed in both tabs before either is saved.
    _reasons(tab_a, "1").fill(FIRST)
    _reasons(tab_b, "2").fill(SECOND)
    wait_for_saved(lambda r: r.points[0].reasons == FIRST and r.points[1].reasons == SECOND)
    # Looking at the points again, each tab shows both changes.
    for tab in (tab_a, tab_b):
        select_tab(tab, "Overview")
        select_tab(tab, "Request points")
        tab.wait_for_function(
            "([a, b]) => document.querySelector('.wb-point-1 .wb-point-reasons textarea')?.value"
            " === a && document.querySelector('.wb-point-2 .wb-point-reasons textarea')?.value"
            " === b",
            arg=[FIRST, SECOND],
        )
    assert tab_b.locator(".wb-conflict").count() == 0 and tab_a.locator(".wb-conflict").count() == 0
    screenshot("different fields both saved")

    # The same field: tab A saves first, tab B's save finds it.
    _reasons(tab_a, "3a").fill(THEIRS)
    wait_for_saved(lambda r: r.points[2].reasons == THEIRS)
    _reasons(tab_b, "3a").fill(MINE)
    panel = tab_b.locator(".wb-point-3a .wb-conflict")
    panel.wait_for()
    panel.scroll_into_view_if_needed()
    tab_b.screenshot(path=str(screenshot("same field: the conflict beside it")))
    assert "while you were editing it" in panel.inner_text()
    assert _reasons(tab_b, "3a").input_value() == THEIRS  # the saved text, in the box
    assert panel.locator(".wb-conflict-mine textarea").input_value() == MINE  # nothing lost
    wait_for_saved(lambda r: r.points[2].reasons == THEIRS)

    panel.get_by_role("button", name="Use mine").click()
    wait_for_saved(lambda r: r.points[2].reasons == MINE)
    panel.wait_for(state="detached")
    assert _reasons(tab_b, "3a").input_value() == MINE

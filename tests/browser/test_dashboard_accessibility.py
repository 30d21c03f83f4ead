"""WCAG 2.2 AA on every page and state of the dashboard, as axe-core measures it.

The seed case is walked through as a reviewer meets it: the Cases page (and with
a message on it), the case with its response panel open, every tab of the case
(whatever ``case_view.TABS`` lists, so a tab added later is covered), a date typed
wrongly, the Provisions questions opened up by an answer, the files written, and
every tab again once the review is signed off and frozen.  Each state must have
no axe-core violation (serious, critical or otherwise, best practices included)
and no box that scrolls sideways.  No request leaves the machine: anything not
addressed to the dashboard's server fails the test (the page must work on a
network without internet access).
"""

from __future__ import annotations

from accessibility import assert_accessible
from steps import SEED_ID, choose, open_case, show_tab, type_text, wait_for_saved

from workbench.dashboard.case_view import TABS
from workbench.service import ReviewSession


def _offline(page, server) -> list[str]:
    """Refuse (and list) every request that is not to the dashboard's own server."""
    refused: list[str] = []

    def route(request_route) -> None:
        url = request_route.request.url
        if url.startswith(server.url) or url.startswith(("data:", "blob:")):
            request_route.continue_()
        else:
            refused.append(url)
            request_route.abort()

    page.route("**/*", route)
    return refused


def _sign_off_through_the_service() -> None:
    """Record a finding everywhere and sign off, as another reviewer's session would."""
    with ReviewSession.open(SEED_ID) as session:
        for index, _point in enumerate(session.review.points):
            session.edit(f"points.{index}.finding", "correct")
        for index, _provision in enumerate(session.review.provisions):
            session.edit(f"provisions.{index}.finding", "upheld")
        session.complete("Priya Shah")


def test_every_page_and_state_passes_axe(dashboard_server, open_dashboard, page, screenshot):
    refused = _offline(page, dashboard_server)
    open_dashboard(dashboard_server)
    page.locator(".wb-case-row", has_text=SEED_ID).wait_for()
    assert_accessible(page, "the Cases page")

    page.goto(dashboard_server.url + "#case/NO-SUCH-CASE/overview", wait_until="commit")
    page.locator(".wb-messages .wb-error").wait_for()
    assert_accessible(page, "the Cases page with a message")

    open_case(page, SEED_ID)
    page.locator(".wb-response-panel summary").click()
    page.locator(".wb-response-panel .wb-document").wait_for()
    assert_accessible(page, "the case with its response open")
    screenshot("response open")
    # The letter wraps at words: a long word moves to the next line rather than breaking.
    wrapping = "el => [getComputedStyle(el).overflowWrap, getComputedStyle(el).wordBreak]"
    assert page.locator(".wb-response-panel .wb-document").evaluate(wrapping) == [
        "break-word",
        "normal",
    ]

    for title, _module, _cls in TABS:
        show_tab(page, title)
        assert_accessible(page, f"the {title} tab")
        screenshot(title)

    show_tab(page, "Request points")
    type_text(page, ".wb-point-2 .wb-remedy-date input", "31/02/2024")
    page.locator(".wb-point-2 .wb-field-note", has_text="not a valid date").wait_for()
    assert_accessible(page, "a wrong date named beside its box")

    show_tab(page, "Provisions")
    choose(page, ".wb-question-personal-data", "Yes")
    page.locator(".wb-question-legitimate-interest").wait_for()
    wait_for_saved(lambda r: r.provisions[0].answers.get("personal_data") == "yes")
    assert_accessible(page, "the s.40(2) questions opened up")

    show_tab(page, "Outcome and letter")
    page.locator("button.wb-export-docx").click()
    page.locator(".wb-downloads a").first.wait_for()
    assert_accessible(page, "the letter written, with its link")

    _sign_off_through_the_service()
    for title, _module, _cls in TABS:
        show_tab(page, title)
        page.locator(".wb-case-facts", has_text="completed").wait_for()
        assert_accessible(page, f"the {title} tab, signed off")
    screenshot("signed off")
    assert refused == []

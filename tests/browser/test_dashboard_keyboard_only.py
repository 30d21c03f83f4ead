"""A whole review with the keyboard alone: open the case, read the response, record a
finding on every point and provision, sign off, and download the letter.

Only key presses are used (Tab, Shift+Tab, the arrow keys, Enter, typing).  At every
stop the keyboard makes, the focused control must show a focus outline at least
2 px wide with a contrast of 3:1 or more against what is behind it (WCAG 2.2,
2.4.7, 2.4.11 and 1.4.11).
"""

from __future__ import annotations

import io

import docx
from keyboard import focused, tab_to
from steps import SEED_ID, wait_for_saved, wait_for_tab_page

IN_TAB_LIST = "el.getAttribute('role') === 'tab'"


def _choose_tab(page, title: str, stops) -> None:
    """From anywhere on the page: back to the tab list, along it, and Enter."""
    tab_to(page, IN_TAB_LIST, stops, backwards=True)
    for _ in range(10):
        if focused(page, f"el.textContent === {title!r}"):
            break
        page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    page.locator(".wb-tabs").get_by_role("tab", name=title, selected=True).wait_for()
    wait_for_tab_page(page, title)
    page.wait_for_timeout(500)


def _arrow_to(page, option: str) -> None:
    """On a focused closed dropdown: ArrowDown until ``option`` is chosen."""
    for _ in range(10):
        if page.evaluate("document.activeElement.selectedOptions[0].text") == option:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"{option!r} is not among the dropdown's options")


def test_the_seed_review_is_done_with_the_keyboard_alone(
    dashboard_server, open_dashboard, screenshot, tmp_path
):
    page = open_dashboard(dashboard_server)
    page.locator(".wb-case-row", has_text=SEED_ID).wait_for()
    stops = []

    # Open the case.
    tab_to(page, "el.closest('.wb-case-row') && el.textContent.trim() === 'Open'", stops)
    page.keyboard.press("Enter")
    page.locator(".wb-tabs").wait_for()

    # Read the response: open its panel, move into the letter and scroll it.
    tab_to(page, "el.tagName === 'SUMMARY'", stops)
    page.keyboard.press("Enter")
    letter = page.locator(".wb-response-panel .wb-document")
    letter.wait_for()
    tab_to(page, "el.classList.contains('wb-document')", stops)
    for _ in range(2):
        page.keyboard.press("PageDown")
    page.wait_for_function(
        "() => document.querySelector('.wb-response-panel .wb-document').scrollTop > 100"
    )  # the letter scrolls (smoothly) under the keyboard
    assert "We received your request on 25 October 2023" in letter.inner_text()
    screenshot("the response read")

    # A finding on every point.
    _choose_tab(page, "Request points", stops)
    page.locator(".wb-point h3").first.wait_for()
    labels = page.locator(".wb-point h3").all_inner_texts()
    assert labels
    for label in (text.removeprefix("Point ") for text in labels):
        tab_to(page, f"el.closest('.wb-point-{label} .wb-point-finding')", stops)
        _arrow_to(page, "Correct")
    wait_for_saved(lambda r: all(p.finding is not None for p in r.points))
    screenshot("findings on the points")

    # The provision.
    _choose_tab(page, "Provisions", stops)
    tab_to(page, "el.closest('.wb-provision-finding')", stops)
    _arrow_to(page, "Upheld")
    wait_for_saved(lambda r: r.provisions[0].finding is not None)

    # Sign off, then write the letter and download it.
    _choose_tab(page, "Outcome and letter", stops)
    tab_to(page, "el.closest('.wb-outcome-signed-by') && el.tagName === 'INPUT'", stops)
    page.keyboard.press("Control+a")
    page.keyboard.type("Priya Shah")
    page.wait_for_timeout(1000)  # the widget sends typed text in batches; a person is slower
    tab_to(page, "el.textContent.includes('Complete and sign off')", stops)
    page.keyboard.press("Enter")
    page.locator(".wb-case-facts", has_text="completed").wait_for()
    wait_for_saved(lambda r: r.sign_off is not None and r.sign_off.name == "Priya Shah")
    tab_to(page, "el.classList.contains('wb-export-docx')", stops)
    page.keyboard.press("Enter")
    page.locator(".wb-downloads a").first.wait_for()
    tab_to(page, "el.tagName === 'A' && el.textContent.includes('.docx')", stops)
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    screenshot("signed off and downloaded")

    letter_text = "\n".join(
        p.text for p in docx.Document(io.BytesIO(target.read_bytes())).paragraphs
    )
    assert SEED_ID in letter_text
    unseen = [s for s in stops if s.width < 2 or s.contrast < 3]
    assert not unseen, f"focus not visible at 3:1 on: {unseen[:10]}"
    assert len(stops) > 20

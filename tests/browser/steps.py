"""What a reviewer does in the dashboard, as Playwright steps the browser tests share.

Each step waits for what the reviewer would wait for (a widget appearing, a
tab's page showing), never for a fixed time; ``wait_for_saved`` polls the
store the server writes to, because a change reaches the store only after the
browser has sent it to the kernel.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from workbench.dashboard.navigation import slug
from workbench.store import ReviewNotFound, Store

SEED_ID = "IC-266000-V6Y0"
ROOT = Path(__file__).resolve().parents[2]

#: Where the README's screenshot lives; refreshed when this variable is set to 1.
DOCS_SCREENSHOT = ROOT / "docs" / "dashboard.png"
UPDATE_DOCS_ENV = "WORKBENCH_UPDATE_DOCS_SCREENSHOT"
DOCS_SCREENSHOT_LIMIT = 300 * 1024


def open_case(page, case_id: str) -> None:
    """Click Open on the case's row and wait for the case's tabs."""
    row = page.locator(".wb-case-row", has_text=case_id)
    row.get_by_role("button", name="Open").click()
    page.locator(".wb-case").get_by_text(f"Case {case_id}", exact=True).wait_for()
    page.locator(".wb-tabs").wait_for()


#: How long a tab's page may take to appear once chosen (seconds).  Building a page and
#: drawing its widgets takes 1-5 s on a busy 2-core machine; this is room for a much
#: slower one, not a retry: the tab is chosen once.
TAB_PAGE_TIMEOUT = 120
#: How long a click on a tab may take to mark it chosen (it is marked in the page at once).
TAB_CLICK_TIMEOUT = 5


class TabNotShown(AssertionError):
    """A chosen tab's page did not replace the page shown; the message says what was seen."""


def select_tab(page, title: str, timeout: float = TAB_PAGE_TIMEOUT) -> None:
    """Show one tab of the opened case and wait until its page is the one in the panel.

    Each page carries its tab's name (``wb-page-<slug>``), so this waits for *that* page,
    not for any change.  The tab is chosen once: the dashboard itself asks the kernel again
    when a choice gets no answer, so clicking again here would hide the very failure this
    waits for.  Only a click that did not land (the tab is not marked chosen, which happens
    in the page at once) is repeated, since it never reached the dashboard.  An error
    message in the dashboard ends the wait at once, with its text.
    """
    tab = page.locator(".wb-tabs").get_by_role("tab", name=title, exact=True)
    _mark_messages_seen(page)
    if tab.get_attribute("aria-selected") != "true":
        _click_tab(tab, title)
    _wait_for_page(page, title, timeout)


def wait_for_tab_page(page, title: str, timeout: float = TAB_PAGE_TIMEOUT) -> None:
    """Wait until the panel shows tab ``title``'s page (chosen by a key, Back, a reload...).

    An error message appearing meanwhile ends the wait at once, with its text.
    """
    _mark_messages_seen(page)
    _wait_for_page(page, title, timeout)


def _mark_messages_seen(page) -> None:
    """Mark the messages shown now, so only a message that comes after is taken as an answer."""
    page.evaluate(
        "() => document.querySelectorAll('.wb-messages .wb-error')"
        ".forEach(m => m.setAttribute('data-wb-seen', ''))"
    )


def _wait_for_page(page, title: str, timeout: float) -> None:
    shown = page.locator(f".wb-tabpanel .wb-page-{slug(title)}")
    errors = page.locator(".wb-messages .wb-error:not([data-wb-seen])")
    deadline = time.monotonic() + timeout
    while not shown.is_visible():
        if errors.count():
            raise TabNotShown(f"choosing {title!r}, the dashboard said: {errors.all_inner_texts()}")
        if time.monotonic() > deadline:
            raise TabNotShown(f"{title!r} chosen, but after {timeout:.0f} s {_panel_state(page)}")
        page.wait_for_timeout(100)


def _click_tab(tab, title: str) -> None:
    """Click a tab until the page marks it chosen (three clicks that do not land fail)."""
    for _ in range(3):
        tab.click()
        try:
            tab.and_(tab.page.locator('[aria-selected="true"]')).wait_for(
                timeout=TAB_CLICK_TIMEOUT * 1000
            )
            return
        except PlaywrightTimeout:
            continue
    raise TabNotShown(f"three clicks on the tab {title!r} did not mark it chosen")


def _panel_state(page) -> str:
    """What the panel holds and which tab is marked chosen, for a failure's message."""
    chosen = page.locator('.wb-tabs [aria-selected="true"]').all_inner_texts()
    panel = page.locator(".wb-tabpanel")
    pages = panel.locator(".wb-page").evaluate_all(
        "pages => pages.map(p => [...p.classList].filter(c => c.startsWith('wb-page-')))"
    )
    return (
        f"the tab marked chosen is {chosen}, the panel holds {pages} "
        f"(aria-busy={panel.get_attribute('aria-busy')!r})"
    )


def show_tab(page, title: str) -> None:
    """Show one tab of the opened case and let its widgets finish drawing."""
    select_tab(page, title)
    page.wait_for_timeout(300)  # the page's widgets finish drawing


def choose(page, selector: str, label: str) -> None:
    """Pick ``label`` in the dropdown inside ``selector``."""
    page.locator(f"{selector} select").select_option(label=label)


def type_text(page, selector: str, text: str) -> None:
    """Type into a text box and leave it (the dashboard saves at the latest then)."""
    box = page.locator(selector)
    box.fill(text)
    box.blur()


def box_values(locator) -> list[str]:
    """The values of the text boxes under ``locator`` (text in a box is not page text)."""
    return locator.locator("input, textarea").evaluate_all("boxes => boxes.map(b => b.value)")


def wait_for_box_value(locator, value: str, timeout: float = 60) -> None:
    """Wait until one of the text boxes under ``locator`` holds ``value``."""
    deadline = time.monotonic() + timeout
    while value not in box_values(locator):
        if time.monotonic() > deadline:
            raise AssertionError(f"no box holds {value!r}: {box_values(locator)!r}")
        time.sleep(0.2)


def choose_file(page, kind: str, path: Path) -> None:
    """Click the "Choose ..." button of an upload (response, request, searches), pick ``path``.

    The file input of ``FileUpload`` only exists while its dialog is open, so the
    file is given to the browser's file chooser, as a reviewer would.
    """
    with page.expect_file_chooser() as chooser:
        page.locator(f"button.wb-upload-{kind}").click()
    chooser.value.set_files(path)


def wait_for_saved(
    check: Callable[[object], bool], case_id: str = SEED_ID, timeout: float = 30
) -> object:
    """Wait until the saved review of ``case_id`` satisfies ``check``; return it."""
    deadline = time.monotonic() + timeout
    review = None
    while time.monotonic() < deadline:
        try:
            with Store() as store:
                review = store.get(case_id)
        except ReviewNotFound:
            review = None
        if review is not None and check(review):
            return review
        time.sleep(0.2)
    raise AssertionError(f"the review of {case_id} was not saved as expected: {review!r}")


def save_docs_screenshot(page, artifacts: Path) -> Path:
    """The README's screenshot: the page as a laptop shows it (not the full length).

    Always written to the test's artifacts; copied over ``docs/dashboard.png`` only
    when ``WORKBENCH_UPDATE_DOCS_SCREENSHOT=1``, so a normal test run changes no
    tracked file.
    """
    target = artifacts / "dashboard.png"
    page.screenshot(path=str(target), full_page=False)
    if os.environ.get(UPDATE_DOCS_ENV) == "1":
        DOCS_SCREENSHOT.parent.mkdir(exist_ok=True)
        shutil.copyfile(target, DOCS_SCREENSHOT)
    return target

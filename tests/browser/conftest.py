"""Browser tests: Playwright driving Debian's chromium against ``workbench serve``.

Fixtures for a test in this folder:

- ``dashboard_server`` / ``start_dashboard`` / ``dashboard_data``: see
  ``tests/dashboard_fixtures.py`` (a server on a copy of the seed case).
- ``browser``: one headless chromium per test module.
- ``page``: a fresh browser context and page at a laptop's size (1366x768).
- ``screenshot(step)``: saves ``test-artifacts/<test>/<NN>-<step>.png``; a
  failing test also leaves ``failed.png`` there.
- ``open_dashboard(server)``: go to the dashboard and wait until the Cases
  page is interactive (widgets only exist some time after the HTTP 200).

A browser test that fails is run once more (``pytest-rerunfailures``).  A real
browser, a Voila server and a kernel on a shared 2-core machine now and then
lose a step that no code of ours sees (once in the last several full runs: a
point split into 3a and 3b showed 3a and never 3b), and one such step must not
stop everything else from landing.  A test that fails twice is a failure, and
the run's last line counts every rerun ("1 rerun") and the summary prints why
the first try failed, so a flake is seen, not hidden.

Without ``/usr/bin/chromium`` these tests skip and say why, except under CI
(``CI=true``), where a missing browser is a failure.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from dashboard_server import ROOT, RunningServer

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = ROOT / "test-artifacts"
LAPTOP = {"width": 1366, "height": 768}
#: Widgets appear a few seconds after the request on a 2-core machine.
WIDGET_TIMEOUT_MS = 60_000
#: How many more times a failing browser test is run (the docstring says why).
RERUNS = 1


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.flaky(reruns=RERUNS))


def pytest_terminal_summary(terminalreporter):
    """Print why each rerun test failed its first time, so a flake in CI can be diagnosed
    from the log alone (the rerun plugin names the test, not the failure)."""
    for report in terminalreporter.stats.get("rerun", []):
        terminalreporter.write_sep("-", f"first try of {report.nodeid} failed")
        terminalreporter.write_line(report.longreprtext[-4000:])


def _under_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    """Debian's chromium, or a skip (a failure under CI) naming what is missing."""
    if CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK):
        return CHROMIUM
    reason = f"browser tests need {CHROMIUM} (apt-get install chromium)"
    if _under_ci():
        pytest.fail(f"CI=true but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser(chromium_path: Path) -> Iterator:
    """One headless chromium per test module.

    Not per session: while Playwright's sync API runs it owns the thread's
    event loop, and tests after the browser tests may need ``asyncio.run``.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(chromium_path), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def artifacts_dir(request) -> Path:
    """``test-artifacts/<test name>/``, emptied for this run of the test."""
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)
    folder = ARTIFACTS / name
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.png"):
        old.unlink()
    return folder


@pytest.fixture
def page(browser, artifacts_dir: Path, request) -> Iterator:
    """A fresh page at laptop size; a screenshot is kept if the test fails."""
    context = browser.new_context(viewport=LAPTOP, accept_downloads=True)
    context.set_default_timeout(WIDGET_TIMEOUT_MS)
    new_page = context.new_page()
    failed_before = request.session.testsfailed
    try:
        yield new_page
    finally:
        if request.session.testsfailed > failed_before:
            try:
                new_page.screenshot(path=str(artifacts_dir / "failed.png"), full_page=True)
            except Exception as exc:  # noqa: BLE001 - a failing test must still report
                print(f"could not save failed.png: {exc}")
        context.close()


@pytest.fixture
def screenshot(page, artifacts_dir: Path) -> Callable[[str], Path]:
    """``screenshot("opened case")`` saves the page as the next numbered step."""
    taken: list[Path] = []

    def take(step: str) -> Path:
        slug = re.sub(r"[^A-Za-z0-9]+", "-", step).strip("-").lower()
        path = artifacts_dir / f"{len(taken) + 1:02d}-{slug}.png"
        page.screenshot(path=str(path), full_page=True)
        taken.append(path)
        return path

    return take


@pytest.fixture
def open_dashboard(page) -> Callable[[RunningServer], object]:
    """Open the dashboard and wait until the Cases page's widgets are there."""

    def open_(server: RunningServer):
        page.goto(server.url, wait_until="commit")
        page.locator(".wb-cases").get_by_text("Cases", exact=True).wait_for(state="visible")
        return page

    return open_

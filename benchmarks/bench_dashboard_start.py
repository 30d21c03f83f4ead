"""Time from page request to an interactive dashboard, cold and with kernel preheating.

For the dashboard (``notebooks/review.ipynb``) and a one-cell notebook with one
widget (``benchmarks/hello.ipynb``), both served by ``workbench serve`` in the
same way, with and without ``--preheat``, the script prints:

- start: from starting the server to its port being open;
- first: the first page load after the port opens (a preheated pool may still
  be filling);
- warm: the median of later loads, each once the server is idle again (for
  preheat, once the pool has a ready kernel);

where a load is the time from asking chromium for the page to the known
widget (the case's Open button; the Hello button) being visible, in a fresh
browser context each time.  The ratio dashboard/hello shows the dashboard's
own cost over Voila's floor.  Run::

    .venv/bin/python benchmarks/bench_dashboard_start.py [--loads 3]

It uses a temporary data folder holding a copy of the seed case.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from dashboard_server import (  # noqa: E402 - the test helpers live in tests/
    RunningServer,
    make_data_folder,
    start_server,
    workbench_environment,
)

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
POOL_FILLED = "is filled with"
POOL_USED = "Using pre-heated kernel"
#: Pause after a load so that the closed page's kernel has shut down.
SETTLE_SECONDS = 3


@dataclass(frozen=True)
class Subject:
    name: str
    notebook: Path
    ready_selector: str


SUBJECTS = (
    Subject("dashboard", ROOT / "notebooks" / "review.ipynb", ".wb-case-row button"),
    Subject("hello", ROOT / "benchmarks" / "hello.ipynb", "button:has-text('Hello')"),
)


@dataclass
class Timing:
    start: float
    first: float
    warm: list[float]

    @property
    def warm_median(self) -> float:
        return statistics.median(self.warm)


def load_time(browser, url: str, selector: str) -> float:
    """Seconds from asking for the page to ``selector`` being visible."""
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    try:
        page = context.new_page()
        began = time.perf_counter()
        page.goto(url, wait_until="commit", timeout=120_000)
        page.locator(selector).first.wait_for(state="visible", timeout=120_000)
        return time.perf_counter() - began
    finally:
        context.close()


def wait_for_pool(server: RunningServer, timeout: float = 60) -> None:
    """Wait until the preheated pool holds a kernel nobody has used yet."""
    deadline = time.monotonic() + timeout
    while (log := server.log()).count(POOL_FILLED) <= log.count(POOL_USED):
        if time.monotonic() > deadline:
            raise RuntimeError(f"the kernel pool was not refilled:\n{server.log()}")
        time.sleep(0.1)


def measure(browser, subject: Subject, preheat: bool, loads: int, base: Path) -> Timing:
    base.mkdir(parents=True)
    data = make_data_folder(base)
    args = ["--notebook", str(subject.notebook), "--preheat" if preheat else "--no-preheat"]
    began = time.perf_counter()
    server = start_server(
        *args, env=workbench_environment(data, base), log_path=base / "serve.log", data=data
    )
    try:
        start = time.perf_counter() - began
        first = load_time(browser, server.url, subject.ready_selector)
        warm = []
        for _ in range(loads):
            time.sleep(SETTLE_SECONDS)
            if preheat:
                wait_for_pool(server)
                time.sleep(3)  # the pooled kernel runs the notebook as far as it can
            warm.append(load_time(browser, server.url, subject.ready_selector))
        return Timing(start, first, warm)
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--loads", type=int, default=3, help="warm loads per setting")
    loads = parser.parse_args().loads

    from playwright.sync_api import sync_playwright

    results: dict[tuple[str, bool], Timing] = {}
    with tempfile.TemporaryDirectory(prefix="bench-dashboard-") as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for preheat in (False, True):
                for subject in SUBJECTS:
                    folder = Path(tmp) / f"{subject.name}-{'preheat' if preheat else 'cold'}"
                    results[subject.name, preheat] = measure(
                        browser, subject, preheat, loads, folder
                    )
        finally:
            browser.close()

    print(f"Page request to interactive, seconds (warm: median of {loads}; 2-core figures vary)")
    print(f"{'notebook':<10} {'mode':<8} {'start':>6} {'first':>6} {'warm':>6}  warm loads")
    for (name, preheat), timing in results.items():
        mode = "preheat" if preheat else "cold"
        loads_text = " ".join(f"{t:.2f}" for t in timing.warm)
        print(
            f"{name:<10} {mode:<8} {timing.start:6.2f} {timing.first:6.2f} "
            f"{timing.warm_median:6.2f}  {loads_text}"
        )
    for preheat in (False, True):
        mode = "preheat" if preheat else "cold"
        dash, hello = results["dashboard", preheat], results["hello", preheat]
        print(
            f"ratio dashboard/hello ({mode}): first {dash.first / hello.first:.2f}, "
            f"warm {dash.warm_median / hello.warm_median:.2f}"
        )
    cold, hot = results["dashboard", False], results["dashboard", True]
    print(
        f"dashboard warm load: cold {cold.warm_median:.2f} s, preheated {hot.warm_median:.2f} s "
        f"({cold.warm_median - hot.warm_median:+.2f} s saved by preheating)"
    )


if __name__ == "__main__":
    main()

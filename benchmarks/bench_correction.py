"""How much work it is to correct a misread letter: actions and seconds, before and after.

For each misread real letter of ``tests/files/misread/`` (from the corpus's dev part),
the reviewer's steps to the hand-made reading (``correction.json``) are replayed:

- **in the dashboard** (Playwright driving chromium against ``workbench serve``): every
  click, dropdown choice, text box filled and words selected in the letter is counted;
  the time the dashboard took to answer is measured, and the reviewer's own time is
  estimated with the Keystroke-Level Model (Card, Moran and Newell 1980: 1.35 s to
  decide, 1.1 s to point, 0.2 s to click, 0.28 s a keystroke);
- **on the command line**: one ``workbench review`` command per step, timed;
- **before** (main as it was before issue 9): only a point's determination could be
  corrected (one dropdown per point); every other step could not be done at all, so
  the letter and spreadsheet kept the misread points.

Run::

    .venv/bin/python benchmarks/bench_correction.py

It uses a temporary data folder and prints one table.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from correcting import Corrector, Effort  # noqa: E402 - the test helpers live in tests/
from correction_scripts import LETTERS, cli_args, load, reading  # noqa: E402
from dashboard_server import DataFolder, start_server, workbench_environment  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
#: What main could do before issue 9: correct a point's determination, nothing else.
POSSIBLE_BEFORE = {"determination"}


def before(steps: list[dict]) -> tuple[int, int]:
    """(actions possible on main, steps impossible on main)."""
    possible = sum(1 for step in steps if step["op"] in POSSIBLE_BEFORE)
    return possible, len(steps) - possible


def in_the_dashboard(server, case_id: str, steps: list[dict]) -> Effort:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        page.set_default_timeout(90_000)
        page.goto(server.url, wait_until="commit")
        page.locator(".wb-cases, .wb-tabs").first.wait_for()
        if page.locator(".wb-tabs").count():
            page.get_by_role("button", name="Back to cases").click()
        page.locator(".wb-case-row", has_text=case_id).get_by_role("button", name="Open").click()
        page.locator(".wb-tabs").wait_for()
        corrector = Corrector(page, case_id)
        corrector.open_points()
        corrector.effort = Effort()  # count from the points page, as a reviewer arrives there
        effort = corrector.apply(steps)
        browser.close()
    return effort


def on_the_command_line(case_id: str, steps: list[dict]) -> float:
    from click.testing import CliRunner

    from workbench.cli import main

    runner = CliRunner()
    started = time.perf_counter()
    for step in steps:
        result = runner.invoke(main, cli_args(case_id, step))
        if result.exit_code != 0:
            raise RuntimeError(result.output)
    return time.perf_counter() - started


def main() -> None:
    from click.testing import CliRunner

    from workbench.cli import main as cli
    from workbench.store import Store

    base = Path(tempfile.mkdtemp(prefix="bench-correction-"))
    data = DataFolder(root=base / "data", output=base / "exports")
    data.cases.mkdir(parents=True)
    env = workbench_environment(data, base)
    os.environ.update(env)
    os.environ["WORKBENCH_USER"] = "bench"
    runner = CliRunner()
    cases = {}
    for name in LETTERS:
        correction = load(name)
        for front in ("ui", "cli"):
            case_id = f"{front}-{name}"
            response = str(correction.response)
            runner.invoke(cli, ["case", "new", "--response", response, "--id", case_id])
            result = runner.invoke(cli, ["review", "start", case_id])
            assert result.exit_code == 0, result.output
        cases[name] = correction
    server = start_server(env=env, log_path=base / "serve.log", data=data)
    rows = []
    try:
        for name, correction in cases.items():
            with Store() as store:
                first = store.get(f"ui-{name}")
            effort = in_the_dashboard(server, f"ui-{name}", correction.steps)
            cli_seconds = on_the_command_line(f"cli-{name}", correction.steps)
            with Store() as store:
                ui, by_cli = store.get(f"ui-{name}"), store.get(f"cli-{name}")
            truth = correction.truth_reading()
            assert reading(ui) == truth and reading(by_cli) == truth, name
            possible, impossible = before(correction.steps)
            rows.append((name, len(first.points), len(truth), correction, effort, cli_seconds,
                         possible, impossible))  # fmt: skip
    finally:
        server.stop()
    print_table(rows)


def print_table(rows) -> None:
    print("Correcting a misread letter to its hand-made reading (tests/files/misread/)")
    print()
    header = (
        f"{'letter':9} {'points read/true':>16} {'steps':>5} | {'BEFORE: possible':>16} "
        f"{'impossible':>10} | {'AFTER: actions':>14} {'clicks':>6} {'choices':>7} "
        f"{'entries':>7} {'selections':>10} {'typed':>5} {'dashboard s':>11} "
        f"{'reviewer s (KLM)':>16} | {'CLI commands':>12} {'CLI s':>6}"
    )
    print(header)
    print("-" * len(header))
    totals = [0.0] * 10
    for name, read, true, correction, effort, cli_seconds, possible, impossible in rows:
        steps = len(correction.steps)
        figures = [steps, possible, impossible, effort.actions, effort.clicks, effort.choices,
                   effort.entries, effort.selections, effort.typed]  # fmt: skip
        print(
            f"{name:9} {f'{read} -> {true}':>16} {steps:>5} | {possible:>16} {impossible:>10} | "
            f"{effort.actions:>14} {effort.clicks:>6} {effort.choices:>7} {effort.entries:>7} "
            f"{effort.selections:>10} {effort.typed:>5} {effort.waited:>11.1f} "
            f"{effort.reviewer_seconds():>16.0f} | {steps:>12} {cli_seconds:>6.1f}"
        )
        for i, value in enumerate(figures):
            totals[i] += value
    print()
    print(
        "BEFORE: only determinations could be corrected; every 'impossible' step (delete, "
        "relabel, split, merge, request text, provisions, requester, kind) could not be done, "
        "so the letter and spreadsheet kept the misread points."
    )
    print(
        "AFTER: every step done in the dashboard and (the same steps) with workbench review "
        "commands; both reach the hand-made reading exactly."
    )


if __name__ == "__main__":
    main()

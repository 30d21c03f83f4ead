"""How long the ``workbench`` command takes to start, and which imports cost the most.

Issue 15 sets the target: ``workbench --help`` and ``workbench deadline ...`` at most
0.25 s (median wall time), which they only reach when the CLI imports pandas,
SQLAlchemy, NumPy, python-docx, pypdf and openpyxl in the commands that use them,
not before parsing its arguments.  The script runs each command in a fresh process
several times and prints the median (and the fastest and slowest), with
``workbench case list`` as a heavier command for comparison and ``python -c pass``
as the floor no command can go below, then the imports
``python -X importtime`` finds slowest when ``workbench --help`` runs.  Run::

    .venv/bin/python benchmarks/bench_cli_start.py [--runs 7] [--top 12]

It uses the venv's ``workbench`` script and a temporary data folder holding a copy
of the seed case, so nothing in ``data/`` changes.  On a busy machine the figures
rise; compare runs made on an idle one.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_ID = "IC-266000-V6Y0"
COMMANDS = {
    "--help": ["--help"],
    "deadline": ["deadline", "2/1/2024", "--regime", "FOIA"],
    "case list (heavier)": ["case", "list"],
}


def workbench_script() -> Path:
    """The ``workbench`` entry point installed beside the running interpreter."""
    script = Path(sys.executable).parent / "workbench"
    if not script.exists():
        raise SystemExit(f"No workbench script beside {sys.executable}; run from the venv")
    return script


def time_command(
    argv: list[str], env: dict[str, str], runs: int
) -> tuple[list[float], list[float]]:
    """Wall and CPU (user + system) times of ``argv`` run ``runs`` times, each in a fresh process.

    The CPU time varies less than the wall time when other work shares the machine.
    """
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return walls, cpus


def import_offenders(argv: list[str], env: dict[str, str], top: int) -> list[tuple[float, str]]:
    """The packages whose import took longest (cumulative seconds), slowest first.

    Only whole packages (``pandas``, not ``pandas.core.api``) are listed, each timed where
    it was first imported, plus ``workbench.cli`` itself for the total.
    """
    code = "import sys; from workbench.cli import main; main(sys.argv[1:], prog_name='workbench')"
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code, *argv],
        env=env,
        capture_output=True,
        text=True,
    )
    rows = []
    for line in result.stderr.splitlines():
        if not line.startswith("import time:") or line.count("|") != 2:
            continue
        _, cumulative, name = (part.strip() for part in line[len("import time:") :].split("|"))
        if cumulative.isdigit() and ("." not in name or name == "workbench.cli"):
            rows.append((int(cumulative) / 1e6, name))
    return sorted(rows, reverse=True)[:top]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs of each command")
    parser.add_argument("--top", type=int, default=12, help="slowest imports to list")
    args = parser.parse_args()
    script = workbench_script()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(ROOT / "workbench" / "seed" / SEED_ID, data / "cases" / SEED_ID)
        env = {**os.environ, "WORKBENCH_DATA": str(data), "WORKBENCH_OUTPUT": f"{tmp}/out"}
        env.pop("WORKBENCH_DB", None)
        print(
            f"workbench start-up, {args.runs} fresh processes each, seconds: "
            "median wall time (min-max), median CPU time"
        )
        runs = {label: [str(script), *argv] for label, argv in COMMANDS.items()}
        runs["(python -c pass)"] = [sys.executable, "-c", "pass"]  # the interpreter's floor
        for label, argv in runs.items():
            walls, cpus = time_command(argv, env, args.runs)
            print(
                f"  {label:<22} {statistics.median(walls):6.3f}  "
                f"({min(walls):.3f}-{max(walls):.3f})  cpu {statistics.median(cpus):.3f}"
            )
        for label in ("--help", "deadline"):
            print(f"\nslowest top-level imports for `workbench {' '.join(COMMANDS[label])}`")
            for seconds, name in import_offenders(COMMANDS[label], env, args.top):
                print(f"  {seconds:6.3f}  {name}")


if __name__ == "__main__":
    main()

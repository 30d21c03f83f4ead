"""What the audit trail's hash chain costs: on field edits, on bulk loads, and to verify.

For each figure this prints the median of several runs, in wall-clock time and in CPU
time (the machine may be shared; CPU time is the steadier comparison):

1. one field edit (``Store.edit``, a transaction writing the review, its version, two
   audit rows and the register projection) on a file store, over 300 edits;
2. ``workbench demo-data --n N`` into a fresh store (the bulk load), for N = 10,000;
3. ``Store.verify_audit()`` over that store (every chain and guard checked).

Run it from a checkout to measure that checkout (it imports the ``workbench`` beside
it), e.g. once on ``main`` and once on a branch, to compare:

    python benchmarks/bench_audit_chain.py [--n 10000] [--edits 300] [--runs 3]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def edit_seconds(folder: Path, edits: int) -> tuple[float, float]:
    """Median wall and CPU seconds per field edit on a fresh file store."""
    sys.path.insert(0, str(ROOT / "tests"))
    from review_fixtures import CASE_ID, sample_review

    from workbench.store import Store

    with Store(folder / "edits.db") as store:
        token = store.create(sample_review(), "ann")
        walls, cpus = [], []
        for n in range(edits):
            wall, cpu = time.perf_counter(), time.process_time()
            _, token = store.edit(CASE_ID, "grounds", f"Grounds, draft {n}", "ann", token)
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def demo_data_seconds(folder: Path, count: int, run: int) -> tuple[float, float, Path]:
    """Wall and CPU seconds of ``workbench demo-data --n count`` into a fresh store."""
    db = folder / f"demo-{run}.db"
    command = [sys.executable, "-m", "workbench", "demo-data", "--n", str(count), "--db", str(db)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, cwd=ROOT, capture_output=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, db


def verify_seconds(db: Path) -> float | None:
    from workbench.store import Store

    with Store(db) as store:
        if not hasattr(store, "verify_audit"):
            return None  # a checkout from before the chain
        started = time.perf_counter()
        verdict = store.verify_audit()
        elapsed = time.perf_counter() - started
    assert verdict.intact, verdict.breaks[:3]
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="reviews for demo-data")
    parser.add_argument("--edits", type=int, default=300, help="field edits to time")
    parser.add_argument("--runs", type=int, default=3, help="demo-data runs (median)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        wall, cpu = edit_seconds(folder, args.edits)
        print(
            f"field edit: median {wall * 1000:.2f} ms wall, {cpu * 1000:.2f} ms CPU "
            f"over {args.edits} edits"
        )
        loads = [demo_data_seconds(folder, args.n, run) for run in range(args.runs)]
        wall = statistics.median(load[0] for load in loads)
        cpu = statistics.median(load[1] for load in loads)
        print(
            f"demo-data --n {args.n}: median {wall:.2f} s wall, {cpu:.2f} s CPU ({args.runs} runs)"
        )
        checked = verify_seconds(loads[0][2])
        if checked is not None:
            print(f"audit verify of {args.n} reviews: {checked:.2f} s")


if __name__ == "__main__":
    main()

"""How long loading the register and computing every figure takes, and how much memory.

The target: with 100,000 synthetic reviews, load + every figure in under 2 s on one core,
and under 1 GiB of memory.  For 1,000, 10,000 and 100,000 reviews, on each store (SQLite,
and PostgreSQL: a throwaway cluster like the tests', or ``--postgres-url``), this

1. fills a fresh store with ``workbench demo-data`` (timed: the bulk load);
2. in a separate process pinned to one CPU, measures ``load_register`` + ``report``:
   the first (cold) run, the median of three more, the process's peak resident memory
   after the first (interpreter and libraries included), and — in a run of its own,
   because tracing slows the code — the peak of traced Python and NumPy allocations;
3. does the same for a load of every frame (points and the audit trail too), which the
   figures do not need but an analyst's notebook may.

Run from the checkout:  python benchmarks/bench_register.py [sizes...] [--keep DIR]
[--stores sqlite,postgresql] [--postgres-url URL]
(``--keep`` reuses SQLite stores in DIR, so a second run skips their bulk loads;
``--postgres-url`` is a database the benchmark may create schemas in.)
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_SECONDS = 2.0
TARGET_MIB = 1024
TODAY = "2025-12-31"
SEED = 7


def _pin_to_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def measure(db: str, frames: str, traced: bool) -> dict:
    """Run in the child process: time (or trace) load_register + report on ``db``."""
    import datetime as dt
    import resource
    import tracemalloc

    _pin_to_one_core()
    from workbench import register

    chosen = register.FIGURE_FRAMES if frames == "figures" else tuple(register.CHILD_FRAMES)
    today = dt.date.fromisoformat(TODAY)

    def once() -> tuple[float, float]:
        wall, cpu = time.perf_counter(), time.process_time()
        loaded = register.load_register(db, frames=chosen)
        register.report(loaded, today)
        return time.perf_counter() - wall, time.process_time() - cpu

    if traced:
        tracemalloc.start()
        once()
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return {"traced_mib": peak / 2**20}
    cold = once()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    warm = [once() for _ in range(3)]
    return {
        "cold_s": cold[0],
        "cold_cpu_s": cold[1],
        "warm_s": statistics.median(w for w, _ in warm),
        "warm_cpu_s": statistics.median(c for _, c in warm),
        "rss_mib": rss,  # peak resident memory after one load, untraced
    }


def _child(db: str, frames: str, traced: bool) -> dict:
    command = [sys.executable, __file__, "--measure", str(db), frames]
    if traced:
        command.append("--traced")
    output = subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT)
    return json.loads(output.stdout)


def _store(kind: str, folder: Path, size: int, cluster) -> tuple[str, float | None]:
    """A demo store of ``size`` reviews (made now, and timed, unless kept from before)."""
    from workbench.demo import load_demo_data
    from workbench.store import Store

    if kind == "postgresql":
        db = cluster.schema_url(f"bench{size}")
    else:
        path = folder / f"register-{size}.db"
        db = f"sqlite:///{path}"
        if path.exists():
            return db, None
    start = time.perf_counter()
    with Store(db) as store:
        load_demo_data(store, size, SEED)
    return db, time.perf_counter() - start


def _megabytes(db: str) -> float:
    """The store's size on disk: the SQLite file, or the PostgreSQL schema's tables."""
    if db.startswith("sqlite:///"):
        return Path(db.removeprefix("sqlite:///")).stat().st_size / 2**20
    import sqlalchemy as sa

    engine = sa.create_engine(db)
    with engine.connect() as conn:
        size = conn.exec_driver_sql(
            "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n "
            "ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r'"
        ).scalar()
    engine.dispose()
    return float(size) / 2**20


def _cluster(kind: str, postgres_url: str | None):
    """What PostgreSQL stores are made in: the given server, else a throwaway cluster."""
    if kind != "postgresql":
        return None
    sys.path.insert(0, str(ROOT / "tests"))
    from postgres_cluster import Cluster

    if postgres_url:
        return Cluster(postgres_url)
    return Cluster.start()


def main(sizes: list[int], keep: str | None, stores: list[str], postgres_url: str | None) -> None:
    for kind in stores:
        cluster = _cluster(kind, postgres_url)
        try:
            print(f"\n== {kind} ==")
            run_sizes(kind, sizes, keep, cluster)
        finally:
            if cluster is not None:
                cluster.stop()


def run_sizes(kind: str, sizes: list[int], keep: str | None, cluster) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-register-") as scratch:
        folder = Path(keep) if keep else Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        print(f"{'reviews':>8} {'bulk load':>10} {'db':>8}  {'frames':<8}{'cold':>8}"
              f"{'warm':>8}{'cpu':>8}{'traced':>10}{'peak RSS':>10}")  # fmt: skip
        results = {}
        for size in sizes:
            db, bulk = _store(kind, folder, size, cluster)
            megabytes = _megabytes(db)
            for frames in ("figures", "all"):
                timing = _child(db, frames, traced=False)
                memory = _child(db, frames, traced=True)
                results[(size, frames)] = (timing, memory)
                print(
                    f"{size:>8,} {(f'{bulk:.1f} s' if bulk else 'kept'):>10} "
                    f"{megabytes:>6.0f} MB  {frames:<8}"
                    f"{timing['cold_s']:>7.2f}s{timing['warm_s']:>7.2f}s"
                    f"{timing['warm_cpu_s']:>7.2f}s"
                    f"{memory['traced_mib']:>7.0f} MiB{timing['rss_mib']:>6.0f} MiB"
                )
                bulk = None
        largest = max(sizes)
        timing, memory = results[(largest, "figures")]
        slowest = max(timing["cold_s"], timing["warm_s"])
        fast = slowest < TARGET_SECONDS
        small = timing["rss_mib"] < TARGET_MIB
        print(
            f"\n{largest:,} reviews, load + every figure: {slowest:.2f} s (target < "
            f"{TARGET_SECONDS:.0f} s: {'OK' if fast else 'TOO SLOW'}); peak RSS "
            f"{timing['rss_mib']:.0f} MiB (target < {TARGET_MIB} MiB: "
            f"{'OK' if small else 'TOO BIG'})"
        )
        if len(sizes) > 1:
            smallest = min(sizes)
            base, _ = results[(smallest, "figures")]
            print(
                f"growth {smallest:,} -> {largest:,} reviews (x{largest // smallest}): time "
                f"x{timing['warm_s'] / base['warm_s']:.1f}, traced memory "
                f"x{memory['traced_mib'] / results[(smallest, 'figures')][1]['traced_mib']:.1f}"
            )


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--measure":
        print(json.dumps(measure(sys.argv[2], sys.argv[3], "--traced" in sys.argv)))
        sys.exit(0)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1_000, 10_000, 100_000])
    parser.add_argument("--keep", help="Folder to keep (and reuse) the SQLite demo stores in.")
    parser.add_argument(
        "--stores", default="sqlite,postgresql", help="Which stores (default: both)."
    )
    parser.add_argument("--postgres-url", help="A PostgreSQL database to use (default: own).")
    arguments = parser.parse_args()
    main(arguments.sizes, arguments.keep, arguments.stores.split(","), arguments.postgres_url)

"""Two reviewers in two processes editing one review: rounds, conflicts, merges, lost updates.

The figures behind ``tests/test_store_concurrent_edits.py`` (which checks them), for each
store: SQLite, and PostgreSQL (a throwaway cluster like the tests', or ``--postgres-url``).
Both editors write at the same moment every round; see ``tests/concurrent_editors.py``.

Run from the checkout:  python benchmarks/bench_concurrent_edits.py [--rounds 200]
[--stores sqlite,postgresql] [--postgres-url URL]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import concurrent_editors  # noqa: E402
from postgres_cluster import Cluster  # noqa: E402

SEED_CASE = ROOT / "workbench" / "seed" / concurrent_editors.CASE_ID


def main(rounds: int, stores: list[str], postgres_url: str | None) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-concurrent-") as scratch:
        data = Path(scratch) / "data"
        shutil.copytree(SEED_CASE, data / "cases" / SEED_CASE.name)
        os.environ["WORKBENCH_DATA"] = str(data)
        for kind in stores:
            cluster = None
            if kind == "postgresql":
                cluster = Cluster(postgres_url) if postgres_url else Cluster.start()
                url = cluster.schema_url("concurrent")
            else:
                url = f"sqlite:///{Path(scratch) / 'reviews.db'}"
            try:
                outcome = concurrent_editors.run(url, rounds)
            finally:
                if cluster is not None:
                    cluster.stop()
            print(f"{kind:<11} {outcome.summary()}")
            for error in outcome.errors[:5]:
                print(f"    error: {error}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--stores", default="sqlite,postgresql")
    parser.add_argument("--postgres-url")
    arguments = parser.parse_args()
    main(arguments.rounds, arguments.stores.split(","), arguments.postgres_url)

"""How fast the grounds reader reads review requests.

Prints, for folders of review requests in the corpus format (default: the development
and synthetic parts of ``tests/review_requests``; the ``SOURCE:`` header stripped), the
median, mean and slowest time per request, then the time for one long request made of
all of them one after another. Target: under 50 ms per review request on one core.

Run from the checkout::

    .venv/bin/python benchmarks/bench_grounds.py [FOLDER ...] [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from workbench.evaluate import letter_text
from workbench.grounds import read_grounds

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = [
    ROOT / "tests" / "review_requests" / "dev",
    ROOT / "tests" / "review_requests" / "synthetic",
]


def _texts(folders: list[Path]) -> dict[str, str]:
    return {
        f"{folder.name}/{path.name}": letter_text(path.read_text(encoding="utf-8"))
        for folder in folders
        for path in sorted(folder.glob("*.txt"))
    }


def bench(texts: dict[str, str], repeat: int) -> None:
    read_grounds("The exemption in section 40(2) does not apply.")  # load the cue data
    timings: dict[str, list[float]] = {name: [] for name in texts}
    for _ in range(repeat):
        for name, text in texts.items():
            began = time.perf_counter()
            read_grounds(text)
            timings[name].append(time.perf_counter() - began)
    per_request = {name: statistics.median(times) * 1000 for name, times in timings.items()}
    slowest = max(per_request, key=per_request.__getitem__)
    sizes = [len(t) for t in texts.values()]
    median_size = statistics.median(sizes)
    print(f"Review requests: {len(texts)} (x{repeat}), {median_size:,.0f} characters median")
    print(f"  median per request:   {statistics.median(per_request.values()):8.2f} ms")
    print(f"  mean per request:     {statistics.mean(per_request.values()):8.2f} ms")
    size = len(texts[slowest])
    print(f"  slowest request:      {per_request[slowest]:8.2f} ms ({slowest}, {size:,} chars)")
    long = "\n\n".join(texts.values())
    began = time.perf_counter()
    grounds = read_grounds(long)
    took = (time.perf_counter() - began) * 1000
    print(f"One long request of {len(long):,} characters: {took:8.2f} ms, {len(grounds)} grounds")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=DEFAULT)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    bench(_texts(args.folders), args.repeat)


if __name__ == "__main__":
    main()

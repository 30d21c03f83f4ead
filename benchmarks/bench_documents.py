"""How long loading a large PDF takes, and where the time goes.

The target is a 200-page PDF in under 2 s. pypdf's ``extract_text`` dominates,
so the figures separate opening the file from extracting its pages.

Run from the checkout:  python benchmarks/bench_documents.py [pages] [lines_per_page]
"""

from __future__ import annotations

import statistics
import sys
import time
from io import BytesIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pypdf import PdfReader  # noqa: E402

from tests.pdf_fixtures import make_text_pdf  # noqa: E402
from workbench.documents import load_bytes  # noqa: E402

TARGET_SECONDS = 2.0


def _timed(func, repeats: int) -> list[float]:
    """Wall-clock seconds of each of ``repeats`` calls."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return times


def main(pages: int = 200, lines_per_page: int = 40, repeats: int = 5) -> None:
    data = make_text_pdf(pages, lines_per_page=lines_per_page)
    print(f"PDF: {pages} pages x {lines_per_page} lines, {len(data) / 1024:.0f} KiB")

    open_times = _timed(lambda: PdfReader(BytesIO(data)).pages[pages - 1], repeats)
    extract_times = _timed(
        lambda: [page.extract_text() for page in PdfReader(BytesIO(data)).pages], repeats
    )
    load_times = _timed(lambda: load_bytes(data, "bench.pdf"), repeats)
    document = load_bytes(data, "bench.pdf")

    for label, times in [
        ("open + page tree", open_times),
        ("open + extract_text", extract_times),
        ("load_bytes (total)", load_times),
    ]:
        print(
            f"{label:>20}: median {statistics.median(times):.3f} s, "
            f"min {min(times):.3f} s, max {max(times):.3f} s"
        )
    median = statistics.median(load_times)
    print(f"{len(document.text):,} characters; {median / pages * 1000:.2f} ms per page")
    verdict = "OK" if median < TARGET_SECONDS else "TOO SLOW"
    print(f"target < {TARGET_SECONDS:.0f} s for {pages} pages: {verdict}")


if __name__ == "__main__":
    main(*(int(arg) for arg in sys.argv[1:3]))

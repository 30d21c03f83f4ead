"""How long exporting the outcome letter and findings spreadsheet takes.

Prints the time to export the letter (Word, HTML, Markdown) plus the
spreadsheet for the seed case and for a synthetic 50-point case, the median of
several runs each, with a breakdown by format.  Runs in a temporary data folder,
never the repository's store.

    .venv/bin/python benchmarks/bench_export.py [--runs 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_ID = "IC-266000-V6Y0"
POINTS = 50


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (median shown)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        (data / "cases").mkdir(parents=True)
        os.environ["WORKBENCH_DATA"] = str(data)
        os.environ.pop("WORKBENCH_DB", None)
        shutil.copytree(ROOT / "workbench" / "seed" / SEED_ID, data / "cases" / SEED_ID)
        seed = _seed_case()
        big, big_review = _fifty_point_case(Path(tmp))
        out = Path(tmp) / "out"
        print(f"Export of letter (docx, html, md) + spreadsheet (xlsx), median of {args.runs}")
        for name, case, review in (
            ("seed case (4 points)", seed, None),
            (f"synthetic case ({POINTS} points)", big, big_review),
        ):
            _report(name, case, review, out, args.runs)


def _seed_case():
    from workbench.cases import load_case
    from workbench.review import review_from_case
    from workbench.store import Store

    case = load_case(SEED_ID)
    with Store() as store:
        draft = review_from_case(case, case.first_pass(), reviewer="A Reviewer")
        store.create(draft, who="bench")
    return case


def _fifty_point_case(tmp: Path):
    """A case whose request has 50 numbered points, and a review with a finding on each."""
    from workbench.cases import new_case
    from workbench.parsing.model import Determination
    from workbench.review import PointReview, ProvisionReview, Review, SearchReview

    request = tmp / "request.txt"
    response = tmp / "response.txt"
    asks = [
        f"{n}. Please provide the minutes of meeting number {n} of the board."
        for n in range(1, POINTS + 1)
    ]
    request.write_text("I request the following:\n\n" + "\n\n".join(asks) + "\n")
    answers = [f"{n}. We do not hold information about meeting {n}." for n in range(1, POINTS + 1)]
    response.write_text(
        "Date: 1 March 2024\nOur reference: FOI-BENCH-50\n\nWe received your request on "
        "2 February 2024 and handled it under the Freedom of Information Act 2000.\n\n"
        + "\n\n".join(answers)
        + "\n\nYou can ask for an internal review within 40 working days. You can complain "
        "to the Information Commissioner's Office.\n"
    )
    case = new_case(response, request=request, case_id="BENCH-50", regime="FOIA")
    reasons = "The board's minutes are kept by the secretariat, which was not asked. " * 4
    review = Review(
        case_id=case.id,
        regime="FOIA",
        review_requested=dt.date(2024, 3, 11),
        grounds="I believe the minutes exist; see points 1 to 50. " * 5,
        points=[
            PointReview(
                label=str(n),
                request_text=asks[n - 1],
                original_determination=Determination.NOT_HELD,
                finding="incorrect" if n % 3 == 0 else "correct",
                reasons=reasons,
                remedies=["new_searches"] if n % 3 == 0 else [],
                remedy_date=dt.date(2024, 4, 30) if n % 3 == 0 else None,
            )
            for n in range(1, POINTS + 1)
        ],
        provisions=[
            ProvisionReview(provision_id=pid, points=[str(n)], finding="upheld", reasons=reasons)
            for n, pid in enumerate(
                ("s.40(2)", "s.43(2)", "s.31(1)(a)", "s.36(2)(b)(i)", "s.41"), start=1
            )
        ],
        searches=[
            SearchReview(where=f"Shared drive {n}", terms="minutes", adequate=n % 2 == 0)
            for n in range(20)
        ],
    )
    return case, review


def _report(name: str, case, review, out: Path, runs: int) -> None:
    from workbench.export import export_case

    timings: dict[str, list[float]] = {"letter (docx+html+md)": [], "spreadsheet (xlsx)": []}
    totals = []
    for _ in range(runs):
        started = time.perf_counter()
        export_case(case, out, formats=("docx", "html", "md"), review=review)
        letter = time.perf_counter() - started
        started = time.perf_counter()
        export_case(case, out, formats=("xlsx",), review=review)
        sheet = time.perf_counter() - started
        timings["letter (docx+html+md)"].append(letter)
        timings["spreadsheet (xlsx)"].append(sheet)
        started = time.perf_counter()
        export_case(case, out, review=review)
        totals.append(time.perf_counter() - started)
    print(f"\n{name}")
    for label, values in timings.items():
        print(f"  {label:<24} {statistics.median(values) * 1000:8.0f} ms")
    print(f"  {'all four in one export':<24} {statistics.median(totals) * 1000:8.0f} ms")


if __name__ == "__main__":
    main()

"""A first draft carries the original request's facts, so the register needs no case folders."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from review_fixtures import seed_extraction

from workbench import cases
from workbench.review import Review, review_from_case

FILES = Path(__file__).parent / "files"


def make_case(isolated_data, **meta) -> cases.Case:
    folder = isolated_data / "cases" / "case-1"
    folder.mkdir()
    shutil.copyfile(FILES / "seed_response.txt", folder / "response.txt")
    cases.write_case_json(
        folder,
        cases.CaseMeta(id="case-1", documents=cases.CaseDocuments(response="response.txt"), **meta),
    )
    return cases.load_case("case-1")


def test_the_case_record_gives_reference_authority_and_dates(isolated_data):
    case = make_case(
        isolated_data,
        reference="FOI-2024-0042",
        authority="Example Council",
        regime="FOIA",
        date_received=dt.date(2024, 1, 8),
        date_responded=dt.date(2024, 2, 2),
    )
    extraction = seed_extraction()
    extraction.reference = "IC-266000-V6Y0"
    extraction.date_received = dt.date(2023, 12, 1)

    review = review_from_case(case, extraction)

    assert review.reference == "FOI-2024-0042"  # what a person confirmed wins
    assert review.authority == "Example Council"
    assert (review.date_received, review.date_responded) == (
        dt.date(2024, 1, 8),
        dt.date(2024, 2, 2),
    )


def test_the_extraction_fills_what_the_case_record_lacks(isolated_data):
    case = make_case(isolated_data)
    extraction = seed_extraction()
    extraction.reference = "IC-266000-V6Y0"
    extraction.date_received = dt.date(2023, 12, 1)
    extraction.date_of_response = dt.date(2024, 1, 4)

    review = review_from_case(case, extraction)

    assert review.reference == "IC-266000-V6Y0"
    assert (review.date_received, review.date_responded) == (
        dt.date(2023, 12, 1),
        dt.date(2024, 1, 4),
    )
    assert review.authority is None


def test_a_review_saved_before_these_fields_existed_still_reads():
    old = {"schema_version": 1, "case_id": "IC-1", "status": "draft", "points": []}
    review = Review.from_json(old)
    assert (review.reference, review.authority, review.date_received) == (None, None, None)

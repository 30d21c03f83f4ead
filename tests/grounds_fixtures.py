"""Review requests to test the review's grounds with (synthetic ones only, never scoring/)."""

from __future__ import annotations

from pathlib import Path

from workbench import review_grounds
from workbench.review import PointReview, ProvisionReview, Review, SearchReview

SYNTHETIC = Path(__file__).parent / "review_requests" / "synthetic"
#: FOIA: more information held, searches inadequate, delay (fits the seed case's points).
SEARCHES_AND_DELAY = SYNTHETIC / "syn-102.txt"
#: FOIA: s.43(2) on point 1, excessive redaction under s.36 on point 3, delay under s.10.
EXEMPTION_AND_REDACTION = SYNTHETIC / "syn-010.txt"


def request_text(path: Path = SEARCHES_AND_DELAY) -> review_grounds.RequestText:
    return review_grounds.RequestText(path.read_text(encoding="utf-8"), "review_request")


def bare_review(**fields) -> Review:
    """An open review with three points, s.43(2) on point 1, s.36 on point 3, two searches."""
    return Review(
        case_id="IC-1",
        regime="FOIA",
        points=[
            PointReview(label="1", provisions=["s.43(2)"]),
            PointReview(label="2"),
            PointReview(label="3", provisions=["s.36(2)(b)(i)"]),
        ],
        provisions=[
            ProvisionReview(provision_id="s.43(2)", points=["1"]),
            ProvisionReview(provision_id="s.36(2)(b)(i)", points=["3"]),
        ],
        searches=[SearchReview(where="Email"), SearchReview(where="Shared drive")],
        **fields,
    )


def review_with_grounds(path: Path = SEARCHES_AND_DELAY, **fields) -> Review:
    """:func:`bare_review` with the grounds of the review request ``path`` read into it."""
    return review_grounds.read_grounds(bare_review(**fields), request_text(path))

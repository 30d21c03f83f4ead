"""Reviews to test with, shaped like the seed case (three points, s.40(2) on point 1)."""

from __future__ import annotations

import datetime as dt

from workbench.parsing.model import Determination, Extraction, Point
from workbench.review import PointReview, ProvisionReview, Review, SearchReview

CASE_ID = "IC-266000-V6Y0"
REQUESTED = dt.date(2024, 2, 5)  # a Monday; 20 working days later is Mon 4 March 2024


def seed_extraction() -> Extraction:
    """What the first pass reads from the seed response (see data/cases/IC-266000-V6Y0)."""
    return Extraction(
        regime="FOIA",
        points=[
            Point(
                label="1",
                text="Correspondence with Essex Police about live facial recognition",
                determination=Determination.HELD_PARTLY_DISCLOSED,
                provisions=["s.40(2)"],
            ),
            Point(
                label="2",
                text="Correspondence with Northamptonshire Police about live facial recognition",
                determination=Determination.NOT_HELD,
            ),
            Point(
                label="3",
                text="DPIAs received from Essex or Northamptonshire Police",
                determination=Determination.NOT_HELD,
            ),
        ],
        provisions_cited=["s.40(2)"],
    )


def sample_review(case_id: str = CASE_ID) -> Review:
    """A draft review of three points with one provision and one search, nothing decided."""
    return Review(
        case_id=case_id,
        regime="FOIA",
        review_requested=REQUESTED,
        points=[
            PointReview(label="1", original_determination=Determination.HELD_PARTLY_DISCLOSED),
            PointReview(label="2", original_determination=Determination.NOT_HELD),
            PointReview(label="3", original_determination=Determination.NOT_HELD),
        ],
        provisions=[ProvisionReview(provision_id="s.40(2)", points=["1"])],
        searches=[SearchReview(where="Corporate email", terms="facial recognition")],
    )


def decided_review(case_id: str = CASE_ID) -> Review:
    """The sample review in progress with every finding made: the decision is maintained."""
    review = sample_review(case_id)
    review.start()
    for point in review.points:
        point.finding = "correct"
    review.provisions[0].finding = "upheld"
    return review

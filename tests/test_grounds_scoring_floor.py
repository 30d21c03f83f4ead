"""The grounds reader on the scoring part, which no one reads: aggregate figures only.

The scoring part (``tests/review_requests/scoring``, see ``SPLIT.md``) stands in for
review requests no one on the team has read. This test only scores it, and a failure
names only the aggregate figure that fell. Floors sit a little below what the reader
reached when it was last scored (recall 0.77, precision 0.96, category 0.71,
provisions 0.96, points 1.00); the issue's targets are recall >= 0.80, precision
>= 0.70 and category >= 0.70.
"""

from __future__ import annotations

from pathlib import Path

from workbench.grounds.evaluate import evaluate_folder

SCORING = Path(__file__).parent / "review_requests" / "scoring"

FLOORS = {
    "recall": 0.74,
    "precision": 0.90,
    "category_accuracy": 0.66,
    "provisions_agreement": 0.90,
    "points_agreement": 0.90,
}


def test_scoring_figures_stay_above_their_floors():
    report = evaluate_folder(SCORING)
    assert report.requests == 14 and report.errors == []
    fallen = {
        name: round(getattr(report, name), 2)
        for name, floor in FLOORS.items()
        if getattr(report, name) < floor
    }
    assert not fallen, f"scoring figures below their floors: {fallen}"
    assert report.empty_right == report.empty_requests

"""Floors on the real letters: the development part (read while building) and the scoring part.

The scoring letters are never read while changing the extractor; this test only
scores them, so a change that reads unseen letters worse fails here. Floors sit
a little below what the extractor reached when they were set.
"""

from __future__ import annotations

import pytest
from letter_fixtures import DEV, SCORING

from workbench.evaluate import evaluate_folder

DEV_FLOORS = {
    "reference": 0.9,
    "regime": 0.93,
    "date_received": 0.93,
    "date_of_response": 0.93,
    "kind": 0.93,
    "provisions_cited": 0.93,
    "points_count": 0.85,
    "point_determination": 0.88,
    "point_provisions": 0.9,
}
SCORING_FLOORS = {
    "reference": 0.65,
    "regime": 0.8,
    "date_received": 0.8,
    "date_of_response": 0.85,
    "kind": 0.95,
    "provisions_cited": 0.68,
    "points_count": 0.68,
    "point_determination": 0.5,
    "point_provisions": 0.56,
}


@pytest.fixture(scope="module")
def dev():
    return evaluate_folder(DEV)


@pytest.fixture(scope="module")
def scoring():
    return evaluate_folder(SCORING)


@pytest.mark.parametrize("field", sorted(DEV_FLOORS))
def test_development_letters_stay_above_their_floors(dev, field):
    assert dev.errors == []
    assert dev.accuracy(field) >= DEV_FLOORS[field], [f for f in dev.failures if f.field == field]


@pytest.mark.parametrize("field", sorted(SCORING_FLOORS))
def test_scoring_letters_stay_above_their_floors(scoring, field):
    # Only the figure is shown: the scoring letters' failures are not for reading.
    assert scoring.errors == []
    assert scoring.accuracy(field) >= SCORING_FLOORS[field]

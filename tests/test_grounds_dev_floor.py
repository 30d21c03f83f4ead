"""The grounds reader keeps its figures on the development requests (and the synthetic ones).

Floors sit a little below what the reader reaches, so a change that makes it worse on
the requests it was developed on fails here; the figures themselves are printed by
``python -m workbench.grounds.evaluate tests/review_requests/dev``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.grounds.evaluate import evaluate_folder

ROOT = Path(__file__).parent / "review_requests"

FLOORS = {
    "dev": {
        "recall": 0.95,
        "precision": 0.90,
        "category_accuracy": 0.95,
        "provisions_agreement": 0.85,
        "points_agreement": 0.85,
    },
    "synthetic": {
        "recall": 0.93,
        "precision": 0.93,
        "category_accuracy": 0.95,
        "provisions_agreement": 0.85,
        "points_agreement": 0.95,
    },
}


@pytest.mark.parametrize("part", sorted(FLOORS))
def test_figures_stay_above_their_floors(part):
    report = evaluate_folder(ROOT / part)
    assert report.errors == []
    for name, floor in FLOORS[part].items():
        value = getattr(report, name)
        assert value is not None and value >= floor, f"{part} {name} {value:.2f} < {floor}"
    assert report.empty_right == report.empty_requests

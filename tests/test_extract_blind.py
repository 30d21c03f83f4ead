"""Extraction on letters written blind, in styles the development corpus lacks.

``tests/letters/blind/`` holds synthetic letters written without looking at the
extractor: a WhatDoTheyKnow page, EIR and FOISA responses, police NCND with a
flattened table, s.12, s.14 and s.21 refusals, internal review outcomes, an
exemption cited only in the alternative to "not held". Each has a hand answer in
the corpus format. The floors sit a little below what the extractor reaches, so
a change that makes it read any of these letters worse fails here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.evaluate import evaluate_folder
from workbench.parsing.model import Determination

BLIND = Path(__file__).parent / "letters" / "blind"

#: field -> lowest acceptable accuracy (reached: 100% on 16 letters, 39 points).
FLOORS = {
    "reference": 0.93,
    "regime": 0.93,
    "date_received": 0.93,
    "date_of_response": 0.93,
    "provisions_cited": 0.93,
    "points_count": 0.93,
    "point_determination": 0.94,
    "point_provisions": 0.94,
}


@pytest.fixture(scope="module")
def report():
    return evaluate_folder(BLIND)


def test_every_blind_letter_is_scored(report):
    assert report.errors == []
    assert report.letters == len(list(BLIND.glob("*.txt"))) >= 12


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_field_accuracy_stays_above_its_floor(report, field):
    accuracy = report.accuracy(field)
    failures = [f for f in report.failures if f.field == field]
    assert accuracy is not None and accuracy >= FLOORS[field], failures


@pytest.mark.parametrize("answer", sorted(BLIND.glob("*.json")), ids=lambda p: p.stem)
def test_hand_answers_are_well_formed(answer):
    """The truth must be usable: known determinations, labelled points, a synthetic SOURCE."""
    truth = json.loads(answer.read_text(encoding="utf-8"))
    text = answer.with_suffix(".txt").read_text(encoding="utf-8")
    assert text.startswith("SOURCE: synthetic (written for tests)\n\n")
    assert truth["regime"] in {"FOIA", "EIR", "FOISA", "mixed"}
    assert truth["kind"] in {"response", "internal_review_outcome"}
    if truth["kind"] == "internal_review_outcome":
        assert truth["review_outcome"] in {"upheld", "partly_upheld", "overturned"}
    known = {d.value for d in Determination}
    labels = [p["label"] for p in truth["points"]]
    assert labels and len(set(labels)) == len(labels)
    for point in truth["points"]:
        assert point["determination"] in known
        assert set(point["provisions"]) <= set(truth["provisions_cited"])

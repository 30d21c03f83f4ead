"""The seed response (ICO, IC-266000-V6Y0) read as a reviewer would read it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from workbench.evaluate import letter_text
from workbench.parsing.extract import extract
from workbench.parsing.model import Determination

SEED = Path(__file__).parent / "letters" / "real" / "dev" / "seed-IC-266000-V6Y0.txt"


@pytest.fixture(scope="module")
def text() -> str:
    return letter_text(SEED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def result(text):
    return extract(text)


def test_reference_and_dates(result):
    assert result.reference == "IC-266000-V6Y0"
    assert result.date_received == dt.date(2023, 10, 25)
    assert result.date_of_response == dt.date(2023, 11, 22)
    assert result.regime == "FOIA"


def test_point_one_is_partly_disclosed_under_s40_2(result):
    first = result.points[0]
    assert first.label == "1"
    assert first.determination is Determination.HELD_PARTLY_DISCLOSED
    assert first.provisions == ["s.40(2)"]
    assert first.text.startswith("Has the ICO had correspondence with Essex police")


def test_point_two_is_not_held(result):
    second = result.points[1]
    assert second.label == "2"
    assert second.determination is Determination.NOT_HELD
    assert second.provisions == []


def test_point_three_is_answered_in_two_parts_both_not_held(result):
    parts = [p for p in result.points if p.label.startswith("3")]
    assert [p.label for p in parts] == ["3a", "3b"]
    assert all(p.determination is Determination.NOT_HELD for p in parts)
    assert "Northamptonshire" in parts[0].text
    assert "Essex" in parts[1].text


def test_only_s40_2_is_cited(result):
    assert result.provisions_cited == ["s.40(2)"]


def test_review_and_complaint_rights_are_given(result):
    assert result.review_rights_given
    assert result.complaint_rights_given


def test_the_searches_for_the_dpia_are_found(result):
    assert any("reasonable searches" in s.quote for s in result.searches)


def test_every_evidence_offset_indexes_the_text(text, result):
    spans = [e for p in result.points for e in p.evidence]
    spans += result.searches + list(result.field_evidence.values())
    assert spans
    for evidence in spans:
        assert text[evidence.start : evidence.end] == evidence.quote


def test_each_point_shows_the_sentence_behind_its_determination(result):
    quotes = {p.label: " ".join(e.quote for e in p.evidence) for p in result.points}
    assert "redacted some personal data" in quotes["1"]
    assert "do not hold" in quotes["2"]
    assert "Northamptonshire Police, I can confirm we do not hold" in quotes["3a"]

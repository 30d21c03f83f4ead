"""Small letters in the layouts real letters use, each read exactly as a person would read it.

``tests/letters/structure/`` holds synthetic letters (one layout each: numbered questions
answered in turn, bullets answered by topic, a refusal naming the points it covers, a
request quoted below an email reply, a table of figures, review outcomes ...) with hand
answers. They pin behaviour; how well the extractor reads real letters is measured on
``tests/letters/real/``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.evaluate import FIELDS, evaluate_folder, letter_text
from workbench.parsing.extract import extract

LAYOUTS = Path(__file__).parent / "letters" / "structure"


@pytest.fixture(scope="module")
def report():
    return evaluate_folder(LAYOUTS)


@pytest.mark.parametrize("field", FIELDS)
def test_every_layout_is_read_right(report, field):
    failures = [f for f in report.failures if f.field == field]
    assert failures == []


@pytest.mark.parametrize(
    ("name", "outcome"),
    [
        ("review-partly-upheld", "partly_upheld"),
        ("review-upheld-summary", "upheld"),
        ("review-foisa-confirmed", "upheld"),
        ("review-different-decision", "overturned"),
        ("review-upholding-decision", "upheld"),
        ("review-decision-to-withhold-overturned", "overturned"),
        ("review-response-should-stand", "upheld"),
        ("review-argument-upheld-some-still-redacted", "partly_upheld"),
        ("review-handled-appropriately", "upheld"),
    ],
)
def test_review_outcome_letters(name, outcome):
    result = extract(letter_text((LAYOUTS / f"{name}.txt").read_text(encoding="utf-8")))
    assert (result.kind, result.review_outcome) == ("internal_review_outcome", outcome)

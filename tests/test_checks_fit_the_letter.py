"""End to end on real development letters: the extractor's reading of the letter's kind
reaches the checks, which ask only what that kind of letter must say (issue 12).
"""

from pathlib import Path

from workbench.checks import CheckContext, Severity, run_checks
from workbench.checks.measure import letter_text
from workbench.parsing.extract import extract

DEV = Path(__file__).parent / "letters" / "real" / "dev"


def _findings(name: str):
    text = letter_text(DEV / f"{name}.txt")
    extraction = extract(text)
    return extraction, run_checks(CheckContext.from_extraction(text, extraction))


def test_a_real_review_outcome_is_not_asked_for_a_review_right_nor_timed_as_a_response():
    """real-017 is an NHS Improvement internal review outcome: no "right to a review"
    finding, and its timing is the review's own (not the 20 days of a first response)."""
    extraction, found = _findings("real-017")
    assert extraction.kind == "internal_review_outcome"
    assert not [f for f in found if f.check == "review-rights-missing"]
    [timing] = [f for f in found if f.check == "response-timeliness"]
    assert timing.title == "Review timeliness could not be checked"
    assert timing.severity is Severity.INFO

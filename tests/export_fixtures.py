"""Reviews of the seed case for the export tests: the first pass, with findings made.

The points come from the real first pass over the seed case (1, 2, 3a, 3b: the
response answers point 3 in two parts), so the tests see what a reviewer sees.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

from workbench.cases import Case, load_case
from workbench.review import Review, review_from_case

SEED_ID = "IC-266000-V6Y0"
SEED_CASE = Path(__file__).resolve().parent.parent / "workbench" / "seed" / SEED_ID
GROUNDS = (
    "You have not searched properly for point 3 and you used s.40(2) to hide names.\n"
    '<script>alert(1)</script> =HYPERLINK("http://x","y")'
)
REASONS_1 = (
    "The redactions cover the names and direct contact details of junior staff at Essex "
    "Police.\n\nThey would not expect their names to be published."
)
REASONS_3A = '=HYPERLINK("http://x","y") Nobody searched the DPIA inbox.'


def seed_draft(case: Case) -> Review:
    """The first-pass draft a reviewer starts from."""
    return review_from_case(case, case.first_pass(), reviewer="Sam Reviewer", role="Deputy DPO")


def decided_seed_review(case: Case) -> Review:
    """The seed review with every finding made: point 3a was wrong (new searches ordered)."""
    review = seed_draft(case)
    review.start()
    review.review_requested = dt.date(2023, 12, 4)
    review.grounds = GROUNDS
    review.conclusion = "I am sorry that our searches for the DPIA were not thorough enough."
    labels = [point.label for point in review.points]
    assert labels == ["1", "2", "3a", "3b"], labels
    first, second, third_a, third_b = review.points
    first.finding, first.reasons = "correct", REASONS_1
    second.finding = "correct"
    third_a.finding, third_a.reasons = "incorrect", REASONS_3A
    third_a.remedies = ["new_searches"]
    third_a.remedy_date = dt.date(2024, 1, 19)
    third_b.finding = "correct"
    provision = review.provisions[0]
    assert provision.provision_id == "s.40(2)"
    provision.engaged = "yes"
    provision.answers = {
        "personal_data": "yes",
        "legitimate_interest": "yes",
        "reasonably_necessary": "yes",
        "balance_favours_subject": "yes",
    }
    provision.finding = "upheld"
    provision.reasons = "Junior officials have a reasonable expectation of privacy."
    review.add_search(
        where="DPIA inbox",
        terms="Essex DPIA",
        adequate=False,
        further_search_needed="Search the DPIA inbox for October 2023",
    )
    review.procedural.advice_and_assistance_adequate = True
    review.change_reasons = ["searches_inadequate"]
    return review


def make_case(cases_root: Path, case_id: str, **meta: object) -> Case:
    """A copy of the seed case under another id, with ``case.json`` fields replaced."""
    folder = cases_root / case_id
    shutil.copytree(SEED_CASE, folder)
    data = json.loads((folder / "case.json").read_text())
    data.update(id=case_id, **meta)
    (folder / "case.json").write_text(json.dumps(data, default=str))
    return load_case(folder)

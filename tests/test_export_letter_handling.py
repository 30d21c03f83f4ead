"""What the letter says about handling, grounds and the outcome wording."""

from __future__ import annotations

import datetime as dt

import yaml
from export_fixtures import decided_seed_review, make_case

from workbench.cases import load_case
from workbench.export.letter import build_letter, mentioned_points
from workbench.export.markdown import render_markdown
from workbench.organisation import load_organisation

TODAY = dt.date(2024, 1, 2)


def test_a_late_response_is_admitted_with_an_apology(isolated_data):
    case = make_case(
        isolated_data / "cases",
        "LATE-1",
        date_received="2023-10-25",
        date_responded="2023-12-20",
    )
    letter = build_letter(decided_seed_review(case), case, today=TODAY)
    handling = " ".join(letter.handling)
    assert letter.timeliness_late
    assert "should have responded by 22 November 2023" in handling
    assert "We responded on 20 December 2023, 19 working days late." in handling
    assert "I apologise for the delay" in handling


def test_an_on_time_response_says_so_without_apology(seed_case):
    case = load_case(seed_case)  # its dates come from the first pass over the letter
    review = decided_seed_review(case)
    letter = build_letter(review, case, extraction=case.first_pass(), today=TODAY)
    handling = " ".join(letter.handling)
    assert not letter.timeliness_late
    assert "within the 20 working days the law allows" in handling
    assert "apologise" not in handling
    assert "We gave you the advice and assistance it was reasonable to expect" in handling


def test_the_reviewers_timeliness_finding_wins_over_the_count(seed_case):
    case = load_case(seed_case)
    review = decided_seed_review(case)
    review.procedural.timeliness = "late"
    review.procedural.timeliness_notes = "The clarification was lost in the post room."
    letter = build_letter(review, case, today=TODAY)
    assert "I apologise for the delay" in " ".join(letter.handling)
    assert "The clarification was lost in the post room." in letter.handling


def test_the_grounds_are_quoted_and_each_is_answered(seed_case):
    case = load_case(seed_case)
    letter = build_letter(decided_seed_review(case), case, today=TODAY)
    assert letter.grounds[0].startswith("You have not searched properly for point 3")
    answered = " ".join(letter.grounds_answered)
    assert "points 3a and 3b of your request" in answered
    assert "our use of section 40(2)" in answered


def test_point_mentions_are_read_from_the_grounds():
    assert mentioned_points("see points 1, 2 and 4b; question 7") == {"1", "2", "4b", "7"}
    assert mentioned_points("my point about costs") == set()


def test_the_outcome_uses_the_organisations_wording(seed_case, tmp_path):
    folder = tmp_path / "team"
    folder.mkdir()
    shipped = load_organisation().model_dump()
    shipped["outcome_scheme"] = "authority"
    (folder / "organisation.yaml").write_text(yaml.safe_dump(shipped))
    case = load_case(seed_case)
    letter = build_letter(decided_seed_review(case), case, templates_dir=folder, today=TODAY)
    assert letter.outcome == "Appeal partially upheld"
    assert letter.outcome_neutral == "Original decision partly changed"
    assert "**Outcome of this review:** Appeal partially upheld" in render_markdown(letter, folder)


def test_a_late_review_apologises_for_its_own_delay(seed_case):
    case = load_case(seed_case)
    review = decided_seed_review(case)  # requested 4 Dec 2023: due 5 Jan 2024
    on_time = build_letter(review, case, today=dt.date(2024, 1, 5))
    late = build_letter(review, case, today=dt.date(2024, 1, 8))
    apology = "This review should have been completed by 5 January 2024."
    assert apology not in " ".join(on_time.handling)
    assert apology in " ".join(late.handling)


def test_a_completed_review_is_dated_at_sign_off_and_not_marked_draft(seed_case):
    case = load_case(seed_case)
    review = decided_seed_review(case)
    review.complete("Sam Reviewer", on=dt.date(2023, 12, 20))
    letter = build_letter(review, case, today=TODAY)
    assert not letter.draft
    assert letter.dates.review_reply == dt.date(2023, 12, 20)
    assert "DRAFT" not in render_markdown(letter)

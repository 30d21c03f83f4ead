"""The review model: a first draft from a case, due dates, corrections and validated edits."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from review_fixtures import REQUESTED, sample_review, seed_extraction

from workbench import cases
from workbench.errors import ReviewError
from workbench.parsing.model import Determination
from workbench.review import (
    PointFinding,
    Remedy,
    Review,
    ReviewStatus,
    review_from_case,
)

FILES = Path(__file__).parent / "files"


@pytest.fixture
def case_with_searches(isolated_data):
    """A case folder with a search record, written directly (no extractor involved)."""
    folder = isolated_data / "cases" / "case-1"
    folder.mkdir()
    shutil.copyfile(FILES / "seed_response.txt", folder / "response.txt")
    shutil.copyfile(FILES / "searches_ok.csv", folder / "searches.csv")
    meta = cases.CaseMeta(
        id="case-1",
        regime="FOIA",
        date_review_requested=REQUESTED,
        documents=cases.CaseDocuments(response="response.txt", searches="searches.csv"),
    )
    cases.write_case_json(folder, meta)
    return cases.load_case("case-1")


def test_a_first_draft_takes_points_provisions_and_searches_and_decides_nothing(
    case_with_searches,
):
    review = review_from_case(case_with_searches, seed_extraction(), reviewer="Ann", role="Head")

    assert review.case_id == "case-1"
    assert review.status is ReviewStatus.DRAFT
    assert review.reviewer.name == "Ann" and review.reviewer.role == "Head"
    assert review.review_requested == REQUESTED
    assert [p.label for p in review.points] == ["1", "2", "3"]
    assert review.points[0].original_determination is Determination.HELD_PARTLY_DISCLOSED
    assert review.points[0].request_text.startswith("Correspondence with Essex Police")
    assert [(p.provision_id, p.points) for p in review.provisions] == [("s.40(2)", ["1"])]
    assert [s.where for s in review.searches] == [
        "Corporate email (Outlook)",
        "Case management system",
    ]
    assert not any(s.added_by_reviewer for s in review.searches)
    assert all(p.finding is None for p in review.points)
    assert review.outcome is None


def test_without_an_extraction_the_draft_still_has_the_case_searches(case_with_searches):
    review = review_from_case(case_with_searches)
    assert review.points == [] and review.provisions == []
    assert len(review.searches) == 2
    assert review.searches[1].results == "0"


def test_the_reviewers_correction_of_a_determination_is_used_and_shows_as_theirs():
    point = sample_review().points[1]
    assert point.determination is Determination.NOT_HELD
    assert not point.determination_corrected

    point.corrected_determination = Determination.NCND
    assert point.determination is Determination.NCND
    assert point.determination_label == "Neither confirmed nor denied"
    assert point.original_determination is Determination.NOT_HELD
    assert point.determination_corrected


@pytest.mark.parametrize(
    ("regime", "exceptional", "due"),
    [
        # Mon 5 Feb 2024 + 20 working days (no holidays in between).
        ("FOIA", False, dt.date(2024, 3, 4)),
        ("FOISA", False, dt.date(2024, 3, 4)),
        # + 40: skips St Patrick's Day (NI, Mon 18 Mar), Good Friday and Easter Monday.
        ("EIR", False, dt.date(2024, 4, 4)),
        ("FOIA", True, dt.date(2024, 4, 4)),
        # "exceptional" is the FOIA Code's allowance; FOISA s.21 stays at 20.
        ("FOISA", True, dt.date(2024, 3, 4)),
        # A mixed case is held to the shorter FOIA target.
        ("mixed", False, dt.date(2024, 3, 4)),
    ],
)
def test_the_review_is_due_20_working_days_after_the_request_or_40(regime, exceptional, due):
    review = sample_review()
    review.regime = regime
    review.exceptional = exceptional
    assert review.due_date == due
    assert review.deadline().working_days == (40 if due.month == 4 else 20)


def test_without_a_request_date_there_is_no_due_date_and_nothing_is_late():
    review = sample_review()
    review.review_requested = None
    assert review.due_date is None
    assert review.is_late(dt.date(2030, 1, 1)) is False


def test_an_open_review_is_late_after_its_due_date_and_a_completed_one_by_its_sign_off():
    review = sample_review()
    assert not review.is_late(dt.date(2024, 3, 4))
    assert review.is_late(dt.date(2024, 3, 5))

    review.start()
    for point in review.points:
        point.finding = "correct"
    review.provisions[0].finding = "upheld"
    review.complete("Ann", on=dt.date(2024, 3, 1))
    assert not review.is_late(dt.date(2025, 1, 1))


def test_dismissing_an_automated_check_needs_a_reason():
    review = sample_review()
    with pytest.raises(ReviewError, match="needs a reason"):
        review.decide_check("s17_exemption_named", accepted=False)
    with pytest.raises(ReviewError, match="dismissing an automated check needs a reason"):
        review.with_value("check_decisions.s17_exemption_named", {"accepted": False})

    review.decide_check("s17_exemption_named", accepted=False, reason="The exemption is named")
    review.decide_check("s16_advice", accepted=True)
    assert review.check_decisions["s17_exemption_named"].reason == "The exemption is named"
    assert review.check_decisions["s16_advice"].accepted


def test_an_edit_by_path_returns_a_new_validated_review_and_starts_a_draft():
    draft = sample_review()
    edited = draft.with_value("points.1.finding", "incorrect")

    assert edited.points[1].finding is PointFinding.INCORRECT
    assert edited.status is ReviewStatus.IN_PROGRESS
    assert draft.points[1].finding is None and draft.status is ReviewStatus.DRAFT
    assert edited.value_at("points.1.finding") == "incorrect"

    more = edited.with_value("points.1.remedies", ["new_searches", "new_searches"])
    assert more.points[1].remedies == [Remedy.NEW_SEARCHES]
    added = more.with_value("searches.-", {"where": "Paper files", "added_by_reviewer": True})
    assert added.searches[-1].where == "Paper files"


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("points.1.finding", "wrong", "Cannot set points.1.finding: Input should be 'correct'"),
        ("points.7.finding", "correct", "No item 7 in 'points.7.finding': there are 3"),
        ("points.0.colour", "red", "Cannot set points.0.colour: Extra inputs are not permitted"),
        ("nonsense", 1, "Cannot set nonsense: Extra inputs are not permitted"),
        ("review_requested", "2024-13-01", "Cannot set review_requested: Input should be a valid"),
        ("provisions.0.points", ["9"], "refers to unknown point(s) 9; points are 1, 2, 3"),
        ("status", "completed", "status cannot be edited as a field"),
        ("sign_off", {"name": "x"}, "sign_off cannot be edited as a field"),
    ],
)
def test_a_bad_edit_is_refused_with_the_field_named(path, value, message):
    with pytest.raises(ReviewError) as caught:
        sample_review().with_value(path, value)
    assert message in str(caught.value)


def test_point_labels_must_be_unique():
    data = sample_review().to_json()
    data["points"][2]["label"] = "1"
    with pytest.raises(ReviewError, match="point labels must be unique; repeated: 1"):
        Review.from_json(data)


def test_a_search_the_reviewer_adds_is_marked_as_theirs():
    review = sample_review()
    search = review.add_search(where="Shared drive", terms="DPIA", further_search_needed="All")
    assert search.added_by_reviewer
    assert review.searches[-1] is search
    assert review.searches[-1].adequate_label == "Not decided"


def test_a_corrected_extracted_value_keeps_both_values():
    review = sample_review()
    review.correct("date_received", dt.date(2023, 10, 24), dt.date(2023, 10, 25))
    correction = review.corrections["date_received"]
    assert (correction.extracted, correction.corrected) == ("2023-10-24", "2023-10-25")


def test_labels_are_ready_for_rendering():
    review = sample_review().with_value("points.0.finding", "partly_correct")
    point = review.points[0]
    assert point.finding_label == "Partly correct"
    assert review.points[1].finding_label == "No finding yet"
    assert Remedy.choices()["apologise_for_delay"] == "Apologise for the delay"
    assert review.provisions[0].engaged_label == "Not decided"
    assert review.status_label == "In progress"
    assert review.route_label == "Not recorded"
    assert Remedy.from_label("carry out NEW SEARCHES") is Remedy.NEW_SEARCHES


def test_a_review_saved_by_a_newer_workbench_is_refused_not_misread():
    data = sample_review().to_json()
    data["schema_version"] = 99
    with pytest.raises(ReviewError, match="saved by a newer workbench"):
        Review.from_json(data)


def test_the_json_form_round_trips():
    review = sample_review().with_value("points.0.reasons", "Names of junior staff redacted")
    assert Review.from_json(review.to_json()) == review

"""Correcting the points of the reading: add, delete, relabel, split, merge, move, and bad input."""

from __future__ import annotations

import pytest
from review_fixtures import sample_review

from workbench import reading
from workbench.errors import ReviewError
from workbench.parsing.model import Determination
from workbench.review import PointReading, PointReview, Review


def _labels(review: Review) -> list[str]:
    return [p.label for p in review.points]


@pytest.fixture
def review() -> Review:
    """Three points read from a letter, the first relying on s.40(2), with some of my work."""
    base = sample_review()
    base.points[0].provisions = ["s.40(2)"]
    base.points[0].request_text = "Correspondence with Essex Police"
    base.points[0].reasons = "The redactions went too far."
    base.points[0].read = PointReading(
        label="1",
        text="Correspondence with Essex Police",
        determination=Determination.HELD_PARTLY_DISCLOSED,
        provisions=["s.40(2)"],
    )
    return base


def test_an_operation_returns_a_new_review_and_leaves_the_old_one_alone(review):
    before = review.to_json()
    changed = reading.delete_point(review, "2")
    assert review.to_json() == before
    assert _labels(changed) == ["1", "3"]


def test_a_point_is_added_at_the_end_or_after_another(review):
    added = reading.add_point(review, "4", "Minutes of the board", "not_held", "")
    assert _labels(added) == ["1", "2", "3", "4"]
    point = added.points[3]
    assert (point.request_text, point.determination) == ("Minutes of the board", "not_held")
    assert point.added_by_reviewer and point.read is None
    after = reading.add_point(review, "1b", "Part b", after="1")
    assert _labels(after) == ["1", "1b", "2", "3"]


def test_adding_a_point_with_provisions_adds_their_reviews(review):
    added = reading.add_point(review, "4", "x", "held_withheld", "section 43(2), s.41")
    assert added.points[3].provisions == ["s.43(2)", "s.41"]
    assert [(p.provision_id, p.points) for p in added.provisions] == [
        ("s.40(2)", ["1"]),
        ("s.43(2)", ["4"]),
        ("s.41", ["4"]),
    ]


def test_a_point_is_relabelled_and_its_provisions_follow(review):
    renamed = reading.relabel_point(review, "1", "Q1")
    assert _labels(renamed) == ["Q1", "2", "3"]
    assert renamed.provisions[0].points == ["Q1"]
    assert renamed.points[0].corrected_values() == ["label"]


def test_splitting_copies_everything_to_each_part_so_nothing_typed_is_lost(review):
    split = reading.split_point(review, "1", "1a, 1b")
    assert _labels(split) == ["1a", "1b", "2", "3"]
    for part in split.points[:2]:
        assert part.reasons == "The redactions went too far."
        assert part.determination is Determination.HELD_PARTLY_DISCLOSED
        assert part.provisions == ["s.40(2)"]
        assert part.read.label == "1"
    assert split.provisions[0].points == ["1a", "1b"]


def test_a_split_may_give_each_part_its_text_and_keep_the_points_own_label(review):
    texts = ["DPIAs from Essex", "From Northants"]
    split = reading.split_point(review, "3", ["3", "3b"], texts=texts)
    assert _labels(split) == ["1", "2", "3", "3b"]
    assert [p.request_text for p in split.points[2:]] == ["DPIAs from Essex", "From Northants"]


def test_merging_joins_texts_and_reasons_and_combines_provisions(review):
    review = reading.set_point_text(review, "2", "Correspondence with Northants")
    review = reading.set_point_provisions(review, "2", "s.40(2), s.31(1)")
    review = review.with_value("points.1.reasons", "Nothing was searched.")
    merged = reading.merge_points(review, "1", "2", "1-2")
    assert _labels(merged) == ["1-2", "3"]
    point = merged.points[0]
    assert point.request_text == "Correspondence with Essex Police\nCorrespondence with Northants"
    assert point.reasons == "The redactions went too far.\n\nNothing was searched."
    assert point.provisions == ["s.40(2)", "s.31(1)"]
    assert point.determination is Determination.HELD_PARTLY_DISCLOSED  # the first point's
    assert [(p.provision_id, p.points) for p in merged.provisions] == [
        ("s.40(2)", ["1-2"]),
        ("s.31(1)", ["1-2"]),
    ]


def test_a_finding_survives_a_merge_only_when_both_points_had_it(review):
    same = review.with_value("points.1.finding", "correct")
    same = same.with_value("points.2.finding", "correct")
    assert reading.merge_points(same, "2", "3").points[1].finding == "correct"
    differ = same.with_value("points.2.finding", "incorrect")
    assert reading.merge_points(differ, "2", "3").points[1].finding is None


def test_points_are_moved_and_reordered(review):
    assert _labels(reading.move_point(review, "3", 0)) == ["3", "1", "2"]
    assert _labels(reading.reorder_points(review, "2,3,1")) == ["2", "3", "1"]


def test_text_and_determination_are_corrected_and_marked_so(review):
    changed = reading.set_point_text(review, "2", "  Northants correspondence  ")
    changed = reading.set_point_determination(changed, "2", "Neither confirmed nor denied")
    point = changed.points[1]
    assert point.request_text == "Northants correspondence"
    assert point.determination is Determination.NCND
    assert point.determination_corrected
    back = reading.set_point_determination(changed, "2", "not_held")  # as read again
    assert back.points[1].corrected_determination is None


def test_the_first_answer_of_a_draft_moves_it_to_in_progress(review):
    assert reading.relabel_point(review, "1", "1a").status.value == "in_progress"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda r: reading.delete_point(r, "9"), "No point '9'.*the points are 1, 2, 3"),
        (lambda r: reading.relabel_point(r, "9", "10"), "No point '9'"),
        (lambda r: reading.relabel_point(r, "1", "2"), "already has a point 2"),
        (lambda r: reading.add_point(r, "3", "x"), "already has a point 3"),
        (lambda r: reading.add_point(r, "3 c", "x"), "cannot be a point label"),
        (lambda r: reading.add_point(r, "", "x"), "cannot be a point label"),
        (lambda r: reading.split_point(r, "1", "2,1b"), "split point 1 into 2: .*already has"),
        (lambda r: reading.split_point(r, "1", "1a"), "two or more labels"),
        (lambda r: reading.split_point(r, "1", "1a,1a"), "different labels"),
        (lambda r: reading.split_point(r, "1", "1a,1b", texts=["x"]), "one text per part"),
        (lambda r: reading.merge_points(r, "1", "1"), "two different points"),
        (lambda r: reading.merge_points(r, "1", "2", "3"), "already has a point 3"),
        (lambda r: reading.set_point_determination(r, "1", "maybe"), "held_disclosed, held_part"),
        (lambda r: reading.set_point_provisions(r, "1", "s.99"), "Unknown provision 's.99'"),
        (lambda r: reading.move_point(r, "1", 5), "outside the list of 3"),
        (lambda r: reading.reorder_points(r, "1,2"), "every point once"),
    ],
)
def test_bad_input_is_one_line_naming_the_valid_values_and_changes_nothing(review, change, message):
    before = review.to_json()
    with pytest.raises(ReviewError, match=message) as raised:
        change(review)
    assert "\n" not in str(raised.value)
    assert review.to_json() == before


def test_a_completed_review_cannot_be_restructured(review):
    for point in review.points:
        point.finding = "correct"
    review.provisions[0].finding = "upheld"
    review.start()
    review.complete("Ann")
    with pytest.raises(ReviewError, match="completed and frozen"):
        reading.delete_point(review, "1")


def test_a_point_added_by_hand_counts_every_value_as_the_reviewers():
    point = PointReview(label="9", read=None)
    assert point.added_by_reviewer
    assert point.corrected_values() == ["label", "text", "determination", "provisions"]

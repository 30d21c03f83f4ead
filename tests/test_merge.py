"""The three-way merge rules: what counts as the same field, and where a field is in theirs."""

from __future__ import annotations

from review_fixtures import sample_review

from workbench import reading
from workbench.merge import field_conflicts, retarget


def test_changes_to_different_fields_do_not_conflict():
    base = sample_review()
    mine = base.with_value("points.0.reasons", "Mine")
    theirs = base.with_value("points.1.reasons", "Theirs")
    assert field_conflicts(base, mine, theirs) == []


def test_the_same_field_changed_differently_conflicts_with_both_values():
    base = sample_review()
    mine = base.with_value("points.1.reasons", "Mine")
    theirs = base.with_value("points.1.reasons", "Theirs")
    (conflict,) = field_conflicts(base, mine, theirs)
    assert (conflict.path, conflict.mine, conflict.theirs) == ("points.1.reasons", "Mine", "Theirs")


def test_the_same_field_changed_to_the_same_value_is_no_conflict():
    base = sample_review()
    both = base.with_value("points.1.finding", "correct")
    assert field_conflicts(base, both, both) == []


def test_a_whole_value_replaced_around_my_field_conflicts():
    base = sample_review()
    mine = base.with_value("procedural.notes", "Mine")
    theirs = base.with_value("procedural", {"notes": "Theirs", "timeliness": "late"})
    (conflict,) = field_conflicts(base, mine, theirs)
    assert (conflict.path, conflict.mine, conflict.theirs) == ("procedural.notes", "Mine", "Theirs")


def test_points_are_matched_by_label_not_position():
    base = sample_review()
    theirs = reading.delete_point(base, "1")  # every later point moves up one place
    mine = base.with_value("points.2.reasons", "About point 3")
    assert field_conflicts(base, mine, theirs) == []
    assert retarget("points.2.reasons", base, theirs) == ["points", 1, "reasons"]


def test_a_point_they_deleted_or_renamed_has_no_place_in_their_version():
    base = sample_review()
    assert retarget("points.0.reasons", base, reading.delete_point(base, "1")) is None
    assert retarget("points.0.reasons", base, reading.relabel_point(base, "1", "Q1")) is None


def test_fields_outside_the_points_keep_their_path():
    base = sample_review()
    theirs = reading.delete_point(base, "1")
    assert retarget("grounds", base, theirs) == ["grounds"]
    assert retarget("provisions.0.reasons", base, theirs) is None  # s.40(2) was set aside


def test_a_fact_corrected_by_each_of_us_merges_when_the_facts_differ():
    base = sample_review()
    mine = reading.set_fact(base, "requester", "Ms Doe")
    theirs = reading.set_fact(base, "authority", "Essex Police")
    assert field_conflicts(base, mine, theirs) == []
    clash = reading.set_fact(base, "requester", "Mr Roe")
    assert {c.path for c in field_conflicts(base, mine, clash)} == {
        "requester",
        "corrections.requester",
    }

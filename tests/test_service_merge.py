"""Two sessions on one review: different fields merge, the same field is an EditConflict."""

from __future__ import annotations

import pytest

from workbench.errors import ConflictError, EditConflict
from workbench.service import ReviewSession
from workbench.store import Store

SEED_ID = "IC-266000-V6Y0"


@pytest.fixture
def store(seed_case, tmp_path):
    with Store(tmp_path / "review.db") as opened:
        yield opened


@pytest.fixture
def ann(store) -> ReviewSession:
    return ReviewSession.open(SEED_ID, "ann", store=store)


@pytest.fixture
def bob(ann, store) -> ReviewSession:
    return ReviewSession.open(SEED_ID, "bob", store=store)


def test_edits_to_different_fields_from_stale_copies_are_both_saved(ann, bob, store):
    ann.edit("points.0.reasons", "Ann's reasons")
    bob.edit("points.1.reasons", "Bob's reasons")  # bob's copy is stale: merged, not refused
    saved = store.get(SEED_ID)
    assert (saved.points[0].reasons, saved.points[1].reasons) == ("Ann's reasons", "Bob's reasons")
    assert bob.review.to_json() == saved.to_json()


def test_the_same_field_is_a_conflict_carrying_both_values_and_nothing_is_overwritten(
    ann, bob, store
):
    ann.edit("points.1.reasons", "Ann's reasons")
    with pytest.raises(EditConflict) as raised:
        bob.edit("points.1.reasons", "Bob's reasons")
    conflict = raised.value
    assert isinstance(conflict, ConflictError)
    assert (conflict.field, conflict.mine, conflict.theirs) == (
        "points.1.reasons",
        "Bob's reasons",
        "Ann's reasons",
    )
    assert "changed by ann" in str(conflict)
    assert store.get(SEED_ID).points[1].reasons == "Ann's reasons"
    assert bob.review.points[1].reasons == "Ann's reasons"  # bob now has ann's version
    bob.edit("points.1.reasons", "Bob's reasons")  # choosing "use mine" saves it
    assert store.get(SEED_ID).points[1].reasons == "Bob's reasons"


def test_an_edit_follows_its_point_when_someone_else_deleted_an_earlier_one(ann, bob, store):
    ann.delete_point("1")
    bob.edit("points.2.reasons", "About 3a")  # 3a was third when bob read it; now second
    saved = store.get(SEED_ID)
    assert [(p.label, p.reasons) for p in saved.points] == [
        ("2", ""),
        ("3a", "About 3a"),
        ("3b", ""),
    ]


def test_an_edit_to_a_point_someone_else_deleted_is_a_conflict_not_a_misplaced_save(
    ann, bob, store
):
    ann.delete_point("2")
    with pytest.raises(EditConflict, match="removed or renamed"):
        bob.edit("points.1.reasons", "About point 2")
    assert all(p.reasons == "" for p in store.get(SEED_ID).points)


def test_structural_changes_are_made_again_on_the_newer_version(ann, bob, store):
    ann.set_point_text("2", "Correspondence with Northamptonshire Police")
    bob.split_point("1", "1a,1b")  # by label: applies to ann's version as it is now
    saved = store.get(SEED_ID)
    assert [p.label for p in saved.points] == ["1a", "1b", "2", "3a", "3b"]
    assert saved.points[2].request_text == "Correspondence with Northamptonshire Police"


def test_deleting_a_point_someone_else_just_changed_asks_first(ann, bob, store):
    ann.edit("points.1.reasons", "Ann was writing about this point")
    with pytest.raises(EditConflict, match="Point 2 was changed by someone else"):
        bob.delete_point("2")
    assert [p.label for p in store.get(SEED_ID).points] == ["1", "2", "3a", "3b"]
    bob.delete_point("2")  # having seen it, bob deletes it: the audit keeps ann's words
    (row,) = [e for e in store.audit(SEED_ID) if e.action == "delete_point"]
    assert row.old_value["reasons"] == "Ann was writing about this point"


def test_signing_off_a_stale_copy_is_still_refused(ann, bob):
    for path, value in (
        ("points.0.finding", "correct"),
        ("points.1.finding", "correct"),
        ("points.2.finding", "correct"),
        ("points.3.finding", "correct"),
        ("provisions.0.finding", "upheld"),
    ):
        ann.edit(path, value)
    with pytest.raises(ConflictError):
        bob.complete("Bob")

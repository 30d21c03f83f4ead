"""Two people editing the same review: the second gets a clear conflict, never an overwrite."""

from __future__ import annotations

import datetime as dt

import pytest
from review_fixtures import CASE_ID, sample_review

from workbench.errors import ConflictError
from workbench.review import PointFinding
from workbench.store import Store

AT = dt.datetime(2024, 2, 6, 14, 5, tzinfo=dt.UTC)


@pytest.fixture
def two_users(store_url):
    """Ann's and Bob's stores: separate connections to the same database."""
    with Store(store_url, clock=lambda: AT) as ann, Store(store_url, clock=lambda: AT) as bob:
        ann.create(sample_review(), "ann")
        yield ann, bob


def test_a_stale_edit_is_refused_naming_who_changed_it_and_when(two_users):
    ann, bob = two_users
    _, ann_token = ann.open_review(CASE_ID)
    _, bob_token = bob.open_review(CASE_ID)

    ann.edit(CASE_ID, "points.0.finding", "correct", "Ann", ann_token)
    with pytest.raises(ConflictError) as caught:
        bob.edit(CASE_ID, "points.0.finding", "incorrect", "Bob", bob_token)

    when = AT.astimezone().strftime("%H:%M")
    assert str(caught.value) == (
        f"The review of {CASE_ID} was changed by Ann at {when} since you opened it; "
        "reload to see their changes"
    )
    assert caught.value.context["changed_by"] == "Ann"
    assert bob.get(CASE_ID).points[0].finding is PointFinding.CORRECT
    assert [e.who for e in bob.audit(CASE_ID) if e.field_path == "points.0.finding"] == ["Ann"]


def test_a_stale_whole_save_is_refused_even_for_a_different_field(two_users):
    ann, bob = two_users
    ann_copy, ann_token = ann.open_review(CASE_ID)
    bob_copy, bob_token = bob.open_review(CASE_ID)

    ann_copy.grounds = "More is held"
    ann.save(ann_copy, "Ann", ann_token)
    bob_copy.conclusion = "Bob's conclusion"
    with pytest.raises(ConflictError, match="changed by Ann"):
        bob.save(bob_copy, "Bob", bob_token)

    saved = bob.get(CASE_ID)
    assert saved.grounds == "More is held" and saved.conclusion == ""


def test_after_reloading_the_second_person_can_save(two_users):
    ann, bob = two_users
    _, ann_token = ann.open_review(CASE_ID)
    _, stale = bob.open_review(CASE_ID)
    ann.edit(CASE_ID, "points.0.finding", "correct", "Ann", ann_token)
    with pytest.raises(ConflictError):
        bob.edit(CASE_ID, "points.1.finding", "correct", "Bob", stale)

    _, fresh = bob.open_review(CASE_ID)
    review, _ = bob.edit(CASE_ID, "points.1.finding", "correct", "Bob", fresh)
    assert [p.finding for p in review.points[:2]] == [PointFinding.CORRECT] * 2


def test_completing_from_a_stale_copy_is_refused(two_users):
    ann, bob = two_users
    _, bob_token = bob.open_review(CASE_ID)
    _, ann_token = ann.open_review(CASE_ID)
    ann.edit(CASE_ID, "points.0.finding", "incorrect", "Ann", ann_token)
    with pytest.raises(ConflictError, match="reload to see their changes"):
        bob.complete(CASE_ID, "Bob", "Bob", bob_token)

"""Allocating a review to a team member, and each signed-in user's own place, in the store."""

from __future__ import annotations

import pytest
from review_fixtures import CASE_ID, decided_review, sample_review

from workbench.errors import ReviewError
from workbench.store import Store


@pytest.fixture
def store(store_url):
    with Store(store_url) as opened:
        yield opened


def test_an_allocation_is_saved_audited_and_listed(store):
    token = store.create(sample_review(), "mia")
    review, token = store.allocate(CASE_ID, "ann", "mia", token)
    assert review.allocated_to == "ann"
    store.allocate(CASE_ID, "bob", "mia", token)

    assert store.get(CASE_ID).allocated_to == "bob"
    assert [s.allocated_to for s in store.list_reviews()] == ["bob"]
    moves = [(e.who, e.action, e.old_value, e.new_value) for e in store.audit(CASE_ID)[1:]]
    assert moves == [("mia", "allocate", "", "ann"), ("mia", "allocate", "ann", "bob")]


def test_a_completed_review_is_not_allocated_again(store):
    token = store.create(decided_review(), "mia")
    _, token = store.complete(CASE_ID, "Mia Manager", "mia", token)
    with pytest.raises(ReviewError, match="is completed; start a new version"):
        store.allocate(CASE_ID, "ann", "mia", token)


def test_each_signed_in_user_has_a_place_of_their_own(store):
    store.set_place("case-a", "Overview", user="ann")
    store.set_place("case-b", "Outcome and letter", user="bob")
    store.set_place("case-c", "Searches")  # no sign-in: the installation's one place
    store.set_place("case-a", "Request points", user="ann")

    assert (store.get_place("ann").case_id, store.get_place("ann").tab) == (
        "case-a",
        "Request points",
    )
    assert store.get_place("bob").case_id == "case-b"
    assert store.get_place().case_id == "case-c"
    store.clear_place("ann")
    assert store.get_place("ann") is None and store.get_place("bob") is not None

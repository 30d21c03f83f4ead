"""What sign-off still needs comes from the model as items (field, message), said one way.

The model, the store and the dashboard all ask ``Review.needed_for_completion``; each item
names the field it concerns, so a page can point to it without reading the model's English.
"""

from __future__ import annotations

import pytest
from review_fixtures import CASE_ID, decided_review, sample_review

from workbench.errors import ReviewError
from workbench.outcomes import ChangeReason
from workbench.review import Needed, Review, ReviewStatus
from workbench.store import Store


def test_each_thing_still_needed_names_its_field():
    review = sample_review()
    review.start()
    review.points[1].finding = "correct"
    assert review.needed_for_completion("") == [
        Needed("sign_off", "the name of the reviewer signing it off"),
        Needed("points.0.finding", "a finding for point 1"),
        Needed("points.2.finding", "a finding for point 3"),
        Needed("provisions.0.finding", "a finding for provision s.40(2)"),
    ]
    assert review.missing_for_completion("") == [
        str(item) for item in review.needed_for_completion("")
    ]


def test_a_change_reason_item_lists_the_reasons_to_choose_from():
    review = decided_review()
    review.points[0].finding = "incorrect"
    review.points[0].remedies = ["disclose"]
    (item,) = review.needed_for_completion("Ann Smith")
    assert item.field == "change_reasons"
    assert item.message == (
        "at least one reason for the change (the outcome is 'Original decision partly changed')"
    )
    assert item.choices == tuple(ChangeReason.choices())
    assert str(item) == f"{item.message}: {', '.join(ChangeReason.choices())}"


def test_the_store_refuses_an_incomplete_sign_off_with_the_models_items(store_url):
    review = sample_review()
    review.start()
    signed = Review.model_validate(
        {
            **review.to_json(),
            "status": "completed",
            "sign_off": {"name": "Ann", "date": "2024-02-20", "outcome": "maintained"},
        }
    )
    with Store(store_url) as store:
        token = store.create(review, "ann")
        with pytest.raises(ReviewError) as refused:
            store.save(signed, "ann", token)
    assert str(refused.value).startswith(f"The review of {CASE_ID} cannot be completed yet")
    needed = refused.value.context["needed"]
    assert needed == review.needed_for_completion("Ann")
    assert needed[0] == Needed("points.0.finding", "a finding for point 1")
    assert refused.value.context["missing"] == [str(item) for item in needed]


def test_status_never_goes_backwards_is_the_models_rule():
    stored = decided_review()
    edited = stored.model_copy(deep=True)
    edited.status = ReviewStatus.DRAFT
    with pytest.raises(ReviewError, match="cannot go back from in progress to draft"):
        edited.check_replaces(stored)

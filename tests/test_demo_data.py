"""Synthetic registers: the same for the same seed, plainly made up, realistic in their mix."""

from __future__ import annotations

import collections
import datetime as dt

import pytest
from review_fixtures import sample_review

from workbench.deadlines import WorkingCalendar, response_deadline
from workbench.demo import DEMO_AS_OF, demo_reviews, load_demo_data
from workbench.errors import StoreError
from workbench.outcomes import CHANGED_OUTCOMES, Outcome
from workbench.review import ReviewStatus, Timeliness
from workbench.store import Store


@pytest.fixture(scope="module")
def reviews():
    return list(demo_reviews(1500, seed=11))


def test_the_same_seed_gives_the_same_register_and_another_seed_another():
    first = [review.to_json() for review in demo_reviews(200, seed=5)]
    again = [review.to_json() for review in demo_reviews(200, seed=5)]
    other = [review.to_json() for review in demo_reviews(200, seed=6)]
    assert first == again
    assert first != other


def test_everything_is_plainly_synthetic(reviews):
    for number, review in enumerate(reviews, start=1):
        assert review.case_id == review.reference == f"DEMO-{number:06d}"
        assert review.authority.endswith("(synthetic)")
        assert review.reviewer.name.startswith("Reviewer ") and len(review.reviewer.name) == 10
        assert review.grounds.startswith("SYNTHETIC DEMO DATA")
        assert all(point.request_text.startswith("[synthetic]") for point in review.points)


def test_the_mix_is_plausible(reviews):
    regimes = collections.Counter(review.regime for review in reviews)
    assert regimes["FOIA"] > regimes["EIR"] > regimes["FOISA"] > 0
    cited = collections.Counter(p.provision_id for r in reviews for p in r.provisions)
    assert cited.most_common(1)[0][0] == "s.40(2)"
    assert {"s.43(2)", "s.12", "reg.12(5)(e)", "foisa.s.38(1)(b)"} <= set(cited)
    completed = [r for r in reviews if r.status is ReviewStatus.COMPLETED]
    outcomes = collections.Counter(r.outcome for r in completed)
    assert outcomes.most_common(1)[0][0] is Outcome.MAINTAINED
    assert outcomes[Outcome.MAINTAINED] > len(completed) / 2
    assert all(outcomes[o] > 0 for o in Outcome)
    years = {r.review_requested.year for r in reviews}
    assert len(years) >= 4 and max(r.review_requested for r in reviews) <= DEMO_AS_OF
    statuses = collections.Counter(r.status for r in reviews)
    assert statuses[ReviewStatus.IN_PROGRESS] > 0 and statuses[ReviewStatus.DRAFT] > 0


def test_every_completed_review_meets_the_sign_off_rules(reviews):
    for review in reviews:
        if review.status is ReviewStatus.COMPLETED:
            assert review.missing_for_completion(review.sign_off.name) == []
            assert review.sign_off.date <= DEMO_AS_OF
            if review.outcome in CHANGED_OUTCOMES:
                assert review.change_reasons
        else:
            assert review.sign_off is None


def test_dates_are_counted_in_working_days_with_each_nations_bank_holidays(reviews):
    calendars = {regime: WorkingCalendar(regime) for regime in ("FOIA", "EIR", "FOISA")}
    for review in reviews:
        calendar = calendars[review.regime]
        # Responses go out, and reviews are signed off, on working days of the regime.
        assert calendar.is_working_day(review.date_responded), review.case_id
        if review.sign_off is not None:
            assert calendar.is_working_day(review.sign_off.date), review.case_id
        # "On time" means what workbench.deadlines says it means.
        finding = review.procedural.timeliness
        if finding is not None:
            due = response_deadline(review.date_received, review.regime).due
            assert (review.date_responded <= due) == (finding is Timeliness.ON_TIME)


def test_loading_into_a_store_builds_the_register(store_url):
    with Store(store_url) as store:
        assert load_demo_data(store, 50, seed=2) == 50
        summaries = store.list_reviews(today=dt.date(2026, 1, 1))
        assert [s.case_id for s in summaries][:2] == ["DEMO-000001", "DEMO-000002"]
        assert store.audit("DEMO-000001")[0].who == "demo-data"
        with pytest.raises(StoreError, match="already holds demo data"):
            load_demo_data(store, 10, seed=3)


def test_demo_data_never_goes_into_a_store_with_real_reviews(store_url):
    with Store(store_url) as store:
        store.create(sample_review("IC-1"), "ann")
        with pytest.raises(StoreError, match="holds real reviews"):
            load_demo_data(store, 10)
        assert [s.case_id for s in store.list_reviews()] == ["IC-1"]

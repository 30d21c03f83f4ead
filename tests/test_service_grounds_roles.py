"""In a team, only someone who may edit the review has grounds read into it or adds a request."""

from __future__ import annotations

import pytest
from grounds_fixtures import SEARCHES_AND_DELAY
from review_fixtures import CASE_ID, sample_review

from workbench.cases import attach_review_request, load_case
from workbench.errors import PermissionDenied
from workbench.service import ReviewSession, allocate_case
from workbench.store import Store
from workbench.uploads import pasted_upload

TEAM = "managers: [mia]\nreviewers: [ann, bob]\nanalysts: [ali]\n"


@pytest.fixture
def store(seed_case, tmp_path, monkeypatch):
    team = tmp_path / "roles.yaml"
    team.write_text(TEAM)
    monkeypatch.setenv("WORKBENCH_ROLES", str(team))
    with Store(tmp_path / "review.db") as opened:
        opened.create(sample_review(), "setup")
        yield opened


def _as(user: str, store: Store, monkeypatch) -> ReviewSession:
    monkeypatch.setenv("JUPYTERHUB_USER", user)
    return ReviewSession.open(CASE_ID, store=store)


def test_only_the_reviewer_it_is_allocated_to_has_its_grounds_read(seed_case, store, monkeypatch):
    _as("mia", store, monkeypatch)
    allocate_case(CASE_ID, "ann", store=store)
    attach_review_request(load_case(seed_case), SEARCHES_AND_DELAY)

    for onlooker in ("bob", "ali"):
        assert not _as(onlooker, store, monkeypatch).propose_grounds_if_due()
    assert store.get(CASE_ID).requester_grounds == []

    assert _as("ann", store, monkeypatch).propose_grounds_if_due()
    assert len(store.get(CASE_ID).requester_grounds) == 3
    reads = [e.who for e in store.audit(CASE_ID) if e.action == "read_grounds"]
    assert set(reads) == {"ann"}


def test_an_analyst_cannot_add_a_review_request(store, monkeypatch):
    session = _as("ali", store, monkeypatch)
    with pytest.raises(PermissionDenied):
        session.attach_review_request(pasted_upload("Your response was late."))
    assert load_case(CASE_ID).meta.documents.review_request is None

"""A signed-in team member's session does what their role allows, and says why not otherwise."""

from __future__ import annotations

import pytest
from review_fixtures import CASE_ID, decided_review

from workbench.errors import PermissionDenied
from workbench.roles import Action
from workbench.service import ReviewSession, allocate_case, saved_place
from workbench.store import Store

TEAM = "managers: [mia]\nreviewers: [ann, bob]\nanalysts: [ali]\nsecond_signature: true\n"


@pytest.fixture
def store(seed_case, store_url, tmp_path, monkeypatch):
    team = tmp_path / "roles.yaml"
    team.write_text(TEAM)
    monkeypatch.setenv("WORKBENCH_ROLES", str(team))
    with Store(store_url) as opened:
        opened.create(decided_review(), "setup")
        yield opened


def as_user(user: str | None, store: Store, monkeypatch) -> ReviewSession:
    if user is None:
        monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    else:
        monkeypatch.setenv("JUPYTERHUB_USER", user)
    return ReviewSession.open(CASE_ID, store=store)


def test_the_reviewer_it_is_allocated_to_edits_it_and_nobody_else(store, monkeypatch):
    as_user("mia", store, monkeypatch)
    allocate_case(CASE_ID, "ann", store=store)

    as_user("ann", store, monkeypatch).edit("grounds", "More is held")
    for user, why in [
        ("bob", "bob may not edit this review: this review is allocated to ann"),
        ("ali", "ali may not edit this review: analysts may read reviews but not change them"),
    ]:
        session = as_user(user, store, monkeypatch)
        assert session.refusal(Action.EDIT) is not None
        with pytest.raises(PermissionDenied, match=why):
            session.edit("grounds", f"{user} was here")
        with pytest.raises(PermissionDenied):
            session.add_search(where="Shared drive")

    assert store.get(CASE_ID).grounds == "More is held"
    assert [e.who for e in store.audit(CASE_ID) if e.field_path == "grounds"] == ["ann"]


def test_with_a_second_signature_the_manager_signs_off_and_reopens(store, monkeypatch):
    as_user("mia", store, monkeypatch)
    allocate_case(CASE_ID, "ann", store=store)

    ann = as_user("ann", store, monkeypatch)
    with pytest.raises(PermissionDenied, match="second signature: someone else must sign"):
        ann.complete("Ann Smith")
    mia = as_user("mia", store, monkeypatch)
    mia.complete("Mia Manager")
    assert store.get(CASE_ID).sign_off.name == "Mia Manager"

    with pytest.raises(PermissionDenied, match="only a manager may start a new version"):
        as_user("ann", store, monkeypatch).new_version()
    as_user("mia", store, monkeypatch).new_version()
    assert store.get(CASE_ID).version == 2


def test_without_sign_in_everything_works_as_before(store, monkeypatch):
    session = as_user(None, store, monkeypatch)
    assert session.permissions.single_user
    session.edit(
        "grounds",
        "Typed by whoever sits at the machine",
    )
    session.complete("Ann Smith")
    assert store.get(CASE_ID).sign_off.name == "Ann Smith"


def test_each_signed_in_user_resumes_on_their_own_place(store, monkeypatch):
    as_user("ann", store, monkeypatch).remember_place("Searches")
    as_user("bob", store, monkeypatch).remember_place("Outcome and letter")
    monkeypatch.setenv("JUPYTERHUB_USER", "ann")
    assert saved_place(store).tab == "Searches"
    monkeypatch.setenv("JUPYTERHUB_USER", "bob")
    assert saved_place(store).tab == "Outcome and letter"
    monkeypatch.delenv("JUPYTERHUB_USER")
    assert saved_place(store) is None  # the installation's place: nobody signed in set one


def test_the_letters_name_is_pre_filled_with_the_sign_in_name_and_follows_allocation(
    seed_case, new_store_url, monkeypatch
):
    with Store(new_store_url()) as fresh:
        assert as_user("ann", fresh, monkeypatch).review.reviewer.name == "ann"
        monkeypatch.setenv("JUPYTERHUB_USER", "mia")
        assert allocate_case(CASE_ID, "ann", store=fresh).reviewer.name == "ann"
        assert allocate_case(CASE_ID, "bob", store=fresh).reviewer.name == "bob"
        as_user("bob", fresh, monkeypatch).edit("reviewer.name", "Robert Jones")
        monkeypatch.setenv("JUPYTERHUB_USER", "mia")
        assert allocate_case(CASE_ID, "ann", store=fresh).reviewer.name == "Robert Jones"

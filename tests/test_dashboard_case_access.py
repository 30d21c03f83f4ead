"""Signed in, the opened case says who you are, who has it, and whether you may change it."""

from __future__ import annotations

import pytest
from review_page_fixtures import SEED_ID, one, page_text

from workbench.dashboard.case_view import CaseView
from workbench.service import allocate_case


@pytest.fixture
def team(tmp_path, monkeypatch):
    path = tmp_path / "roles.yaml"
    path.write_text("managers: [mia]\nreviewers: [ann, bob]\n")
    monkeypatch.setenv("WORKBENCH_ROLES", str(path))


def open_as(user, store, seed_case, messages, monkeypatch) -> CaseView:
    from workbench.cases import load_case

    monkeypatch.setenv("JUPYTERHUB_USER", user)
    return CaseView(load_case(SEED_ID), lambda: None, messages.guard, store=store)


def test_a_reviewer_opening_someone_elses_review_is_told_it_is_read_only(
    team, store, seed_case, messages, monkeypatch
):
    monkeypatch.setenv("JUPYTERHUB_USER", "mia")
    allocate_case(SEED_ID, "ann", store=store)

    bob = open_as("bob", store, seed_case, messages, monkeypatch)
    banner = one(bob.widget, "wb-access").value
    assert "Signed in as <b>bob</b>" in banner and "Allocated to <b>ann</b>" in banner
    assert "Read only: this review is allocated to ann" in banner
    assert "your changes are recorded as bob (signed in)" in page_text(bob.widget)

    grounds = one(bob.widget, "wb-grounds")
    grounds.value = "Bob was here"
    bob.save_typing()
    assert any("bob may not edit this review" in text for text in messages.texts)
    assert store.get(SEED_ID).grounds == ""

    ann = open_as("ann", store, seed_case, messages, monkeypatch)
    assert "Read only" not in one(ann.widget, "wb-access").value


def test_without_sign_in_the_case_says_nothing_about_access(store, seed_case, messages):
    from workbench.cases import load_case

    view = CaseView(load_case(SEED_ID), lambda: None, messages.guard, store=store)
    assert one(view.widget, "wb-access").value == ""
    assert "Recorded with every change you make" in page_text(view.widget)

"""Signed in, the Cases page shows who each review is allocated to; a manager allocates there."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from workbench.dashboard.cases_page import CasesPage
from workbench.dashboard.messages import Messages
from workbench.store import Store

ROOT = Path(__file__).resolve().parent.parent
SEED_ID = "IC-266000-V6Y0"


@pytest.fixture
def team(isolated_data, tmp_path, monkeypatch):
    shutil.copytree(ROOT / "workbench" / "seed" / SEED_ID, isolated_data / "cases" / SEED_ID)
    path = tmp_path / "roles.yaml"
    path.write_text("managers: [mia]\nreviewers: [ann, bob]\nanalysts: [ali]\n")
    monkeypatch.setenv("WORKBENCH_ROLES", str(path))


def page_as(user: str, monkeypatch) -> CasesPage:
    monkeypatch.setenv("JUPYTERHUB_USER", user)
    page = CasesPage(Messages(), on_open=lambda case_id: None, today=lambda: dt.date(2024, 2, 26))
    page.refresh()
    return page


def seed_row(page: CasesPage):
    return next(r for r in page.rows.children if "wb-case-row" in r._dom_classes)


def test_a_manager_allocates_a_case_nobody_has_opened(team, monkeypatch):
    page = page_as("mia", monkeypatch)
    assert "Allocated to" in page.rows.children[0].children[6].value
    chooser, button = seed_row(page).children[6].children
    assert set(chooser.options) == {"ann", "bob", "mia"}

    chooser.value = "ann"
    button.click()

    with Store() as store:
        review = store.get(SEED_ID)
        audit = store.audit(SEED_ID)
    assert review.allocated_to == "ann" and review.reviewer.name == "ann"
    assert review.status.value == "draft"  # allocating is not starting the review
    assert [(e.who, e.action, e.field_path) for e in audit] == [
        ("mia", "create", ""),
        ("mia", "allocate", "reviewer.name"),
        ("mia", "allocate", "allocated_to"),
    ]
    assert seed_row(page).children[6].children[0].value == "ann"


def test_a_reviewer_sees_the_allocation_but_cannot_change_it(team, monkeypatch):
    from workbench.service import allocate_case

    monkeypatch.setenv("JUPYTERHUB_USER", "mia")
    allocate_case(SEED_ID, "bob")
    page = page_as("ann", monkeypatch)
    cell = seed_row(page).children[6]
    assert cell.value == "bob" and "wb-allocated-to" in cell._dom_classes


def test_a_reviewer_cannot_allocate_from_code_either(team, monkeypatch):
    from workbench.errors import PermissionDenied
    from workbench.service import allocate_case

    monkeypatch.setenv("JUPYTERHUB_USER", "ann")
    with pytest.raises(PermissionDenied, match="ann may not allocate reviews: only a manager"):
        allocate_case(SEED_ID, "ann")


def test_only_team_members_can_be_allocated(team, monkeypatch):
    from workbench.errors import ReviewError
    from workbench.service import allocate_case

    monkeypatch.setenv("JUPYTERHUB_USER", "mia")
    with pytest.raises(ReviewError, match="zed is not in the roles file"):
        allocate_case(SEED_ID, "zed")


def test_without_sign_in_the_page_is_as_before(team, monkeypatch):
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    page = CasesPage(Messages(), on_open=lambda case_id: None)
    page.refresh()
    assert len(seed_row(page).children) == 7  # no allocation column

"""Reopening the dashboard resumes on the case and tab the reviewer was on."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from review_fixtures import CASE_ID, sample_review

from workbench import dashboard, store
from workbench.dashboard.frame import Dashboard
from workbench.store import Store

SEED_ID = "IC-266000-V6Y0"


def _place() -> tuple[str, str] | None:
    with Store() as opened:
        place = opened.get_place()
    return None if place is None else (place.case_id, place.tab)


def _open(board: Dashboard, case_id: str = SEED_ID) -> None:
    board.show_cases()
    (row,) = [
        row
        for row in board.cases_page.rows.children
        if "wb-case-row" in row._dom_classes and row.children[0].value == case_id
    ]
    row.children[-1].click()  # "Open"


def _reopened() -> Dashboard:
    """The page opened again: a new dashboard, as a new kernel builds it."""
    board = Dashboard()
    board.messages.guard(board.resume)()
    return board


# -- the store keeps one place -------------------------------------------------------------------


def test_a_new_store_has_no_place_and_keeps_the_last_one_set(tmp_path):
    now = [dt.datetime(2024, 3, 1, 9, 0, tzinfo=dt.UTC)]
    path = tmp_path / "reviews.db"
    with Store(path, clock=lambda: now[0]) as opened:
        assert opened.get_place() is None
        opened.set_place("IC-1", "Overview")
        now[0] = dt.datetime(2024, 3, 1, 9, 5, tzinfo=dt.UTC)
        opened.set_place("IC-2", "Provisions")
    with Store(path) as again:
        place = again.get_place()
        assert (place.case_id, place.tab) == ("IC-2", "Provisions")
        assert place.updated_at == dt.datetime(2024, 3, 1, 9, 5, tzinfo=dt.UTC)
        again.clear_place()
        assert again.get_place() is None
        again.clear_place()  # nothing to forget is not an error


def test_an_existing_store_gets_the_workspace_by_a_named_migration(tmp_path, monkeypatch):
    path = tmp_path / "reviews.db"
    older = tuple(m for m in store.MIGRATIONS if m[0] != "0004_workspace")
    monkeypatch.setattr(store.schema, "MIGRATIONS", older)
    with Store(path) as old:
        old.create(sample_review(), "ann")
    monkeypatch.undo()
    with Store(path) as upgraded:
        assert upgraded.applied_migrations == ["0004_workspace"]
        assert upgraded.get(CASE_ID).case_id == CASE_ID
        upgraded.set_place(CASE_ID, "Searches")
        assert upgraded.get_place().tab == "Searches"


def test_a_place_written_by_something_else_is_no_place(tmp_path):
    with Store(tmp_path / "reviews.db") as opened:
        with opened._engine.begin() as conn:
            conn.execute(
                store.workspace_table.insert().values(
                    key="place", value={"case": 3}, updated_at="2024-03-01T09:00:00+00:00"
                )
            )
        assert opened.get_place() is None


# -- the dashboard writes the place ------------------------------------------------------------


def test_opening_a_case_and_changing_tab_are_remembered(seed_case):
    board = Dashboard()
    _open(board)
    assert _place() == (SEED_ID, "Overview")
    board.case_view.select("Provisions")
    assert _place() == (SEED_ID, "Provisions")
    board.case_view.select("Outcome and letter")
    assert _place() == (SEED_ID, "Outcome and letter")
    assert board.messages.texts == []


def test_back_to_cases_forgets_the_place(seed_case):
    board = Dashboard()
    _open(board)
    board.case_view.select("Searches")
    board.case_view.widget.children[0].click()  # "Back to cases"
    assert _place() is None
    again = _reopened()
    assert again.case_view is None
    assert again.body.children == (again.cases_page.widget,)


# -- reopening the page ----------------------------------------------------------------------


def test_reopening_the_page_shows_the_same_case_on_the_same_tab(seed_case):
    board = Dashboard()
    _open(board)
    board.case_view.select("Provisions")

    again = _reopened()
    view = again.case_view
    assert view is not None and again.body.children == (view.widget,)
    assert view.case.id == SEED_ID
    assert view.tab == "Provisions"
    assert view.tabs.selected_index == 3
    assert list(view.pages) == ["Provisions"]  # built straight away, not the Overview first
    assert again.summary().endswith(f"case {SEED_ID}, tab Provisions")
    assert again.messages.texts == []


def test_a_case_removed_since_gives_the_cases_page_without_a_message(seed_case):
    board = Dashboard()
    _open(board)
    board.case_view.select("Procedure")
    board.case_view.session.close()
    shutil.rmtree(seed_case)

    again = _reopened()
    assert again.case_view is None
    assert again.body.children == (again.cases_page.widget,)
    assert again.messages.texts == []


def test_a_tab_that_no_longer_exists_opens_the_case_on_its_first_tab(seed_case):
    with Store() as opened:
        opened.set_place(SEED_ID, "A tab renamed since")
    again = _reopened()
    assert again.case_view.tab == "Overview"
    assert again.messages.texts == []


@pytest.mark.parametrize("case_id", ["../../etc", "/etc/passwd", "no-such-case"])
def test_a_place_that_is_not_a_case_gives_the_cases_page(seed_case, case_id):
    with Store() as opened:
        opened.set_place(case_id, "Overview")
    again = _reopened()
    assert again.case_view is None
    assert again.messages.texts == []


def test_a_case_that_cannot_be_opened_gives_the_cases_page_and_says_why(seed_case):
    with Store() as opened:
        opened.set_place(SEED_ID, "Overview")
    (seed_case / "response.txt").unlink()
    again = _reopened()
    assert again.case_view is None
    assert again.body.children == (again.cases_page.widget,)
    (shown,) = again.messages.texts
    assert "response.txt" in shown and "Traceback" not in shown


def test_an_unreadable_store_gives_the_cases_page(seed_case, isolated_data, monkeypatch):
    monkeypatch.setenv("WORKBENCH_DB", str(isolated_data / "not-a-db"))
    (isolated_data / "not-a-db").mkdir()
    again = _reopened()
    assert again.case_view is None
    assert "Review statuses cannot be shown" in again.messages.texts[0]


def test_a_preheated_page_reads_the_place_when_it_is_requested(seed_case, monkeypatch):
    """The place saved between preheating and the request is the one shown."""
    import voila.utils

    def reviewer_arrives() -> None:
        with Store() as opened:  # the reviewer's last visit, saved after the kernel started
            opened.set_place(SEED_ID, "Searches")

    monkeypatch.setenv("VOILA_PREHEAT", "True")
    monkeypatch.setattr(voila.utils, "wait_for_request", reviewer_arrives)
    root = dashboard.app()
    assert repr(root).endswith(f"case {SEED_ID}, tab Searches")

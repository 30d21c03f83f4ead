"""The Searches page: the search record as a table, judged and added to through the session."""

from __future__ import annotations

from pathlib import Path

import ipywidgets as widgets
import pytest
from review_page_fixtures import page_text

from workbench.cases import new_case
from workbench.dashboard.messages import Messages
from workbench.dashboard.searches_page import SearchesPage
from workbench.service import ReviewSession
from workbench.store import Store

ROOT = Path(__file__).resolve().parent.parent
UPLOAD = ROOT / "tests" / "files" / "upload_case"
CASE_ID = "FOI-2024-0193"


@pytest.fixture
def case_with_searches(isolated_data):
    return new_case(
        UPLOAD / "response.txt", request=UPLOAD / "request.txt", searches=UPLOAD / "searches.csv"
    )


@pytest.fixture
def messages() -> Messages:
    return Messages()


def _open(case_id: str, messages: Messages) -> tuple[ReviewSession, SearchesPage]:
    session = ReviewSession.open(case_id, who="A. Reviewer")
    return session, SearchesPage(session, messages.guard)


@pytest.fixture
def page(case_with_searches, messages):
    session, page = _open(CASE_ID, messages)
    yield page
    session.close()


def _rows(page: SearchesPage) -> list:
    return [
        child
        for table in page.widget.children
        if "wb-searches" in getattr(table, "_dom_classes", ())
        for child in table.children
        if "wb-search" in child._dom_classes
    ]


def _record_cells(row) -> list[str]:
    record = row.children[0]
    return [cell.value for cell in record.children]


def _judgement(row):
    """The row's (adequate dropdown, further-search text box)."""
    judged = row.children[1]
    return judged.children[1], judged.children[2]


def _summary(page: SearchesPage) -> str:
    return page.widget.children[1].value


def test_the_search_record_is_shown_as_a_table(page):
    rows = _rows(page)
    assert len(rows) == 2
    assert _record_cells(rows[0]) == [
        "2024-03-11",
        "Regeneration officer",
        "Regeneration shared drive",
        "Quay Street consultants",
        "2023-01-01 to 2023-12-31",
        "14 documents",
        "Invoices and appointment letters",
    ]
    assert _record_cells(rows[1])[6] == ""  # no notes
    assert "From the search record" in rows[0].children[1].children[0].value
    assert _summary(page) == "<p>2 searches: 2 not decided yet.</p>"


def test_marking_a_search_inadequate_is_saved_through_the_store(page, messages):
    adequate, further = _judgement(_rows(page)[1])
    adequate.value = "no"
    further.value = "Search the finance officer's mailbox for 'RG-QS' invoices"
    assert messages.texts == []
    assert _summary(page) == "<p>2 searches: 1 not adequate, 1 not decided yet.</p>"

    with Store() as store:
        saved = store.get(CASE_ID)
        audit = store.audit(CASE_ID)
    assert saved.searches[1].adequate is False
    assert saved.searches[1].further_search_needed.startswith("Search the finance officer")
    assert {entry.field_path for entry in audit} >= {
        "searches.1.adequate",
        "searches.1.further_search_needed",
    }
    assert all(entry.who == "A. Reviewer" for entry in audit if entry.action == "edit")

    # Reopened (as after a page reload), the page shows what was saved.
    session, reopened = _open(CASE_ID, messages)
    adequate, further = _judgement(_rows(reopened)[1])
    assert adequate.value == "no"
    assert further.value.startswith("Search the finance officer")
    session.close()


def test_a_missing_search_is_added_and_marked_as_the_reviewers(page, messages):
    page.new_search["where"].value = "Chief executive's email"
    page.new_search["terms"].value = "Quay Street AND consultant"
    page.new_search["who"].value = "Reviewer"
    page.add_button.click()
    assert messages.texts == []

    rows = _rows(page)
    assert len(rows) == 3
    assert _record_cells(rows[2])[2] == "Chief executive's email"
    assert "wb-search-added" in rows[2]._dom_classes
    assert "Added by the reviewer" in rows[2].children[1].children[0].value
    assert page.new_search["where"].value == ""  # the form is ready for the next one
    with Store() as store:
        added = store.get(CASE_ID).searches[2]
    assert added.added_by_reviewer is True
    assert added.terms == "Quay Street AND consultant"

    # The new row can be judged like the others.
    adequate, _further = _judgement(rows[2])
    adequate.value = "yes"
    with Store() as store:
        assert store.get(CASE_ID).searches[2].adequate is True


def test_a_search_without_a_place_or_terms_is_refused_with_a_message(page, messages):
    page.new_search["who"].value = "Reviewer"
    page.add_button.click()
    (shown,) = messages.texts
    assert "Say where the search was made or which terms were used" in shown
    assert len(_rows(page)) == 2
    assert page.new_search["who"].value == "Reviewer"  # what was typed is kept
    with Store() as store:
        assert len(store.get(CASE_ID).searches) == 2


def test_markup_in_a_search_record_is_shown_as_text(isolated_data, messages, tmp_path):
    record = tmp_path / "searches.csv"
    record.write_text(
        "Where,Search terms,Notes\n"
        '<img src=x onerror=alert(1)>,<script>alert(1)</script>,=HYPERLINK("x")\n'
    )
    new_case(UPLOAD / "response.txt", searches=record)
    session, page = _open(CASE_ID, messages)
    record = _rows(page)[0].children[0]
    # Text boxes show their value as text, never as markup.
    assert all(isinstance(cell, widgets.Text) for cell in record.children)
    cells = _record_cells(_rows(page)[0])
    assert cells[2] == "<img src=x onerror=alert(1)>"
    assert cells[3] == "<script>alert(1)</script>"
    session.close()


def test_a_case_without_a_search_record_says_so_and_quotes_the_letter(seed_case, messages):
    session, page = _open("IC-266000-V6Y0", messages)
    text = page_text(page.widget)
    assert "The case has no search record" in text
    assert "Having conducted reasonable searches" in text  # what the response says
    assert "not held" in text  # the automated check on searches
    assert _rows(page) == []
    page.new_search["where"].value = "Records management system"
    page.add_button.click()
    assert len(_rows(page)) == 1
    session.close()


def test_a_completed_review_cannot_be_changed_here(page, messages):
    session = page.session
    for path, value in (
        ("points.0.finding", "correct"),
        ("points.1.finding", "correct"),
        ("provisions.0.finding", "upheld"),
    ):
        session.edit(path, value)
    session.complete("A. Reviewer")
    page.refresh()
    adequate, further = _judgement(_rows(page)[0])
    assert adequate.disabled and further.disabled
    assert page.add_button.disabled
    assert all(box.disabled for box in page.new_search.values())

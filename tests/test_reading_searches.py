"""Correcting the searches: rows edited and deleted (kept in the audit), passages "not a search"."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.cases import new_case
from workbench.errors import ReviewError
from workbench.service import ReviewSession
from workbench.store import Store

UPLOAD = Path(__file__).parent / "files" / "upload_case"


@pytest.fixture
def session(isolated_data, tmp_path):
    case = new_case(UPLOAD / "response.txt", searches=UPLOAD / "searches.csv")
    with Store(tmp_path / "review.db") as store:
        yield ReviewSession.open(case.id, "ann", store=store)


def test_a_search_row_is_corrected_column_by_column(session):
    session.edit_search(0, where="Regeneration team drive", terms="Quay St")
    row = session.store.get(session.case_id).searches[0]
    assert (row.where, row.terms, row.who) == ("Regeneration team drive", "Quay St", row.who)
    audit = session.store.audit(session.case_id)
    assert ("edit_search", "searches.0.where", "Regeneration team drive") in [
        (e.action, e.field_path, e.new_value) for e in audit
    ]


def test_a_deleted_search_row_stays_in_the_audit_trail(session):
    removed = session.review.searches[1].model_dump(mode="json")
    session.delete_search(1)
    assert len(session.store.get(session.case_id).searches) == 1
    rows = [(e.action, e.field_path, e.old_value) for e in session.store.audit(session.case_id)]
    assert ("delete_search", "searches.1", removed) in rows


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda s: s.edit_search(5, where="x"), "No search 6: the review has 2"),
        (lambda s: s.edit_search(0, place="x"), "no column place: use date, who, where"),
        (lambda s: s.edit_search(0, where="", terms=""), "needs where it was made"),
        (lambda s: s.delete_search(-1), "No search 0"),
    ],
)
def test_a_wrong_search_edit_is_refused_with_what_is_allowed(session, change, message):
    token = session.token
    with pytest.raises(ReviewError, match=message):
        change(session)
    assert session.token == token


def test_a_passage_marked_not_a_search_is_no_longer_read_as_one(seed_case, tmp_path):
    with Store(tmp_path / "seed.db") as store:
        session = ReviewSession.open("IC-266000-V6Y0", "ann", store=store)
        (passage, *_) = session.extraction.searches
        assert passage in session.reading().searches
        session.mark_not_a_search(passage)
        assert passage not in session.reading().searches
        assert session.store.get(session.case_id).not_searches == [passage]
        session.mark_not_a_search(passage, False)
        assert passage in session.reading().searches

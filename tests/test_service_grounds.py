"""The session reads, corrects and answers the grounds: one method each, audited, merged."""

from __future__ import annotations

import json

import pytest
from grounds_fixtures import SEARCHES_AND_DELAY

from workbench.cases import attach_review_request, load_case
from workbench.errors import EditConflict, ReviewError
from workbench.review import ReviewStatus
from workbench.service import ReviewSession
from workbench.store import Store
from workbench.uploads import Upload, pasted_upload

SEED_ID = "IC-266000-V6Y0"


@pytest.fixture
def store(seed_case, tmp_path):
    with Store(tmp_path / "review.db") as opened:
        yield opened


def _with_request(seed_case):
    attach_review_request(load_case(seed_case), SEARCHES_AND_DELAY)


def _rows(store, action):
    return [e for e in store.audit(SEED_ID) if e.action == action]


def test_starting_a_review_of_a_case_with_a_review_request_reads_its_grounds(seed_case, store):
    _with_request(seed_case)
    draft = ReviewSession.start(load_case(seed_case), "ann", store=store, extraction=None)
    assert [g.id for g in draft.requester_grounds] == ["g1", "g2", "g3"]
    assert store.get(SEED_ID).requester_grounds == draft.requester_grounds


def test_opening_a_review_without_grounds_reads_them_once_without_starting_it(seed_case, store):
    session = ReviewSession.open(SEED_ID, "ann", store=store)  # no review request yet
    assert session.review.requester_grounds == [] and not session.propose_grounds_if_due()
    _with_request(seed_case)
    session = ReviewSession.open(SEED_ID, "ann", store=store)
    assert session.propose_grounds_if_due()
    assert [g.category for g in session.review.requester_grounds][-1] == "delay"
    assert session.review.status is ReviewStatus.DRAFT  # reading is not the reviewer's work
    rows = _rows(store, "read_grounds")
    assert [r.field_path for r in rows] == [
        "requester_grounds.0",
        "requester_grounds.1",
        "requester_grounds.2",
        "grounds_read",
    ]
    assert {r.who for r in rows} == {"ann"} and rows[2].new_value["category"] == "delay"
    assert not session.propose_grounds_if_due()


def test_a_review_saved_by_an_older_workbench_gets_its_grounds_when_opened(seed_case, store):
    session = ReviewSession.open(SEED_ID, "ann", store=store)
    session.edit("points.0.reasons", "Checked.")
    older = session.review.to_json()
    for field in ("requester_grounds", "grounds_read"):
        del older[field]
    older["schema_version"] = 2
    with store._write() as conn:  # what a schema 2 workbench left in the store
        from workbench.store import reviews_table

        conn.execute(reviews_table.update().values(data=json.loads(json.dumps(older))))
    _with_request(seed_case)
    reopened = ReviewSession.open(SEED_ID, "ann", store=store)
    assert reopened.review.schema_version == 3 and reopened.review.requester_grounds == []
    assert reopened.propose_grounds_if_due()
    assert len(store.get(SEED_ID).requester_grounds) == 3
    assert store.get(SEED_ID).points[0].reasons == "Checked."


def test_a_review_request_pasted_later_is_kept_with_the_case_and_read(seed_case, store):
    session = ReviewSession.open(SEED_ID, "ann", store=store)
    session.attach_review_request(pasted_upload(SEARCHES_AND_DELAY.read_text()))
    assert load_case(SEED_ID).meta.documents.review_request == "review_request.txt"
    assert len(session.review.requester_grounds) == 3
    with pytest.raises(Exception, match="already has a review request"):
        session.attach_review_request(Upload("other.txt", b"Your response was late."))
    session.attach_review_request(Upload("other.txt", b"Your response was late."), replace=True)
    assert session.review_request().text == "Your response was late."
    assert len(session.review.requester_grounds) == 3  # its grounds are the reviewer's now
    session.read_grounds(replace=True)
    assert [g.category for g in session.review.requester_grounds] == ["delay"]


@pytest.mark.parametrize(
    ("do", "action", "path"),
    [
        (lambda s: s.add_ground("fees", "Charged"), "add_ground", "requester_grounds.3"),
        (lambda s: s.delete_ground("g2"), "delete_ground", "requester_grounds.1"),
        (lambda s: s.split_ground("g1"), "split_ground", "requester_grounds.0"),
        (lambda s: s.merge_grounds("g1", "g2"), "merge_grounds", "requester_grounds"),
        (lambda s: s.move_ground("g3", 0), "move_ground", "requester_grounds"),
    ],
)
def test_each_restructuring_of_the_grounds_is_one_audit_row(seed_case, store, do, action, path):
    _with_request(seed_case)
    session = ReviewSession.open(SEED_ID, "ann", store=store)
    session.propose_grounds_if_due()
    do(session)
    rows = [r for r in _rows(store, action) if r.field_path.startswith("requester_grounds")]
    assert [(r.who, r.field_path) for r in rows] == [("ann", path)]


def test_each_correction_and_finding_is_audited_under_its_action(seed_case, store):
    _with_request(seed_case)
    session = ReviewSession.open(SEED_ID, "ann", store=store)
    session.propose_grounds_if_due()
    session.set_ground_category("g1", "incomplete")
    session.set_ground("g2", summary="Two inboxes not searched", points="1")
    session.set_ground_finding("g3", "not_upheld", reasons="On time.")
    session.edit("procedural.timeliness", "on_time")
    with pytest.raises(ReviewError, match="Nothing you have found"):
        session.accept_ground_proposal("g1")
    actions = {(r.action, r.field_path) for r in store.audit(SEED_ID)}
    assert ("set_ground_category", "requester_grounds.0.category") in actions
    assert ("set_ground", "requester_grounds.1.summary") in actions
    assert ("set_ground_finding", "requester_grounds.2.finding") in actions


def test_two_reviewers_answering_different_grounds_are_both_saved(seed_case, store):
    _with_request(seed_case)
    ann = ReviewSession.open(SEED_ID, "ann", store=store)
    ann.propose_grounds_if_due()
    bob = ReviewSession.open(SEED_ID, "bob", store=store)
    ann.set_ground_finding("g1", "upheld", reasons="Ann: more emails.")
    bob.set_ground_finding("g3", "not_upheld", reasons="Bob: on time.")  # stale copy: merged
    saved = store.get(SEED_ID)
    assert saved.ground("g1").reasons == "Ann: more emails."
    assert saved.ground("g3").reasons == "Bob: on time."
    ann.edit("requester_grounds.1.reasons", "Ann's")
    with pytest.raises(EditConflict):
        bob.edit("requester_grounds.1.reasons", "Bob's")


def test_the_check_follows_the_findings_on_the_grounds(seed_case, store):
    _with_request(seed_case)
    session = ReviewSession.open(SEED_ID, "ann", store=store)
    session.propose_grounds_if_due()
    ids = {f.id for f in session.checks() if f.check == "ground-without-finding"}
    assert ids == {f"ground-without-finding:g{n}" for n in (1, 2, 3)}
    session.set_ground_finding("g2", "not_upheld", reasons="Searched.")
    ids = {f.id for f in session.checks() if f.check == "ground-without-finding"}
    assert "ground-without-finding:g2" not in ids and len(ids) == 2


def test_an_unreadable_review_request_is_said_once_and_nothing_breaks(seed_case, store, tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("Your response was late.")
    document.save(tmp_path / "request.docx")
    attach_review_request(load_case(seed_case), tmp_path / "request.docx")
    (seed_case / "review_request.docx").write_bytes(b"PK not really a Word file")
    session = ReviewSession.open(SEED_ID, "ann", store=store)
    assert not session.propose_grounds_if_due()
    assert session.grounds_problem and "review request cannot be read" in session.grounds_problem
    assert session.review.requester_grounds == []

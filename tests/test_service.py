"""The review session the dashboard calls: every action is saved, audited and conflict-safe."""

from __future__ import annotations

import datetime as dt
import zipfile

import pytest

from workbench import serve
from workbench.errors import ConflictError, DateError, ExportError, ReviewError
from workbench.outcomes import Outcome
from workbench.review import ReviewStatus
from workbench.service import ReviewSession
from workbench.store import Store

SEED_ID = "IC-266000-V6Y0"


@pytest.fixture
def store(store_url):
    with Store(store_url) as opened:
        yield opened


@pytest.fixture
def session(seed_case, store) -> ReviewSession:
    return ReviewSession.open(SEED_ID, "ann", store=store, download_url=serve.download_url)


def _audit(store: Store) -> list[tuple[str, str, str]]:
    return [(entry.action, entry.field_path, entry.who) for entry in store.audit(SEED_ID)]


def test_opening_a_case_for_the_first_time_saves_a_draft_made_from_the_letter(session, store):
    review = session.review
    assert review.status is ReviewStatus.DRAFT
    assert [point.label for point in review.points] == ["1", "2", "3a", "3b"]
    assert [p.provision_id for p in review.provisions] == ["s.40(2)"]
    assert store.get(SEED_ID).to_json() == review.to_json()
    assert _audit(store) == [("create", "", "ann")]


def test_reopening_resumes_the_saved_review_instead_of_starting_again(session, store):
    session.edit("points.1.finding", "incorrect")
    again = ReviewSession.open(SEED_ID, "ann", store=store)
    assert again.review.points[1].finding.value == "incorrect"
    assert again.token == session.token
    assert [action for action, _, _ in _audit(store)].count("create") == 1


def test_a_session_opens_its_own_store_from_the_settings(seed_case, isolated_data):
    with ReviewSession.open(SEED_ID) as opened:
        opened.edit("grounds", "They hold more")
    assert (isolated_data / "workbench.db").exists()
    with Store() as store:
        assert store.get(SEED_ID).grounds == "They hold more"


def test_an_edit_is_saved_at_once_with_an_audit_row(session, store):
    session.edit("points.1.reasons", "No searches were described.")
    assert store.get(SEED_ID).points[1].reasons == "No searches were described."
    assert ("edit", "points.1.reasons", "ann") in _audit(store)
    assert session.review.status is ReviewStatus.IN_PROGRESS


def test_the_audit_names_the_reviewer_recorded_in_the_review_when_no_one_is_given(
    seed_case, store, monkeypatch
):
    monkeypatch.setenv("WORKBENCH_USER", "pshah")
    session = ReviewSession.open(SEED_ID, store=store)
    assert session.who == "pshah"  # the person running it, before a name is typed
    session.edit("reviewer.name", "Priya Shah")
    session.edit("grounds", "Searches were too narrow")
    assert _audit(store)[-1] == ("edit", "grounds", "Priya Shah")


def test_a_value_the_model_refuses_is_a_plain_error_and_nothing_is_saved(session, store):
    token = session.token
    with pytest.raises(ReviewError, match="points.1.finding"):
        session.edit("points.1.finding", "maybe")
    assert session.token == token
    assert store.get(SEED_ID).points[1].finding is None


def test_a_stale_edit_is_refused_and_the_session_shows_the_other_change(session, store):
    other = ReviewSession.open(SEED_ID, "bob", store=store)
    other.edit("points.1.finding", "correct")

    with pytest.raises(ConflictError, match="changed by bob"):
        session.edit("points.1.finding", "incorrect")

    assert store.get(SEED_ID).points[1].finding.value == "correct"  # not overwritten
    assert session.review.points[1].finding.value == "correct"  # reloaded
    session.edit("points.1.finding", "incorrect")  # a deliberate second try now works
    assert store.get(SEED_ID).points[1].finding.value == "incorrect"


def test_a_decision_made_on_a_stale_copy_is_merged_with_the_other_change(session, store):
    ReviewSession.open(SEED_ID, "bob", store=store).edit("grounds", "bob's words")
    finding = session.checks()[0]
    session.decide_check(finding.id, accepted=True)  # a different field: no conflict
    saved = store.get(SEED_ID)
    assert saved.check_decisions[finding.id].accepted is True
    assert saved.grounds == "bob's words"
    assert session.review.to_json() == saved.to_json()


def test_several_fields_are_saved_together_or_not_at_all(session, store):
    token = session.token
    session.edit_many([("points.1.finding", "incorrect"), ("points.1.reasons", "No searches")])
    assert session.token == token + 1
    saved = store.get(SEED_ID).points[1]
    assert (saved.finding.value, saved.reasons) == ("incorrect", "No searches")

    with pytest.raises(ReviewError, match="points.2.finding"):
        session.edit_many([("points.2.reasons", "Fine"), ("points.2.finding", "perhaps")])
    assert store.get(SEED_ID).points[2].reasons == ""


def test_reload_reads_what_someone_else_saved(session, store):
    ReviewSession.open(SEED_ID, "bob", store=store).edit("grounds", "bob's words")
    assert session.review.grounds == ""
    assert session.reload().grounds == "bob's words"


def test_a_corrected_fact_is_marked_as_the_reviewers_and_keeps_what_was_read(session, store):
    before = session.fact("date_received")
    assert before.value == dt.date(2023, 10, 25) and not before.corrected
    assert before.evidence.quote == "We received your request on 25 October 2023."

    session.correct("date_received", "2023-10-26")

    fact = session.fact("date_received")
    assert fact.corrected
    assert (fact.extracted, fact.value) == (dt.date(2023, 10, 25), dt.date(2023, 10, 26))
    saved = store.get(SEED_ID)
    assert saved.corrections["date_received"].corrected == "2023-10-26"
    assert saved.date_received == dt.date(2023, 10, 26)
    assert ("set_fact", "corrections.date_received", "ann") in _audit(store)
    assert session.facts().received == dt.date(2023, 10, 26)  # what the letter will say


def test_setting_a_fact_back_to_what_was_read_removes_the_correction(session, store):
    session.correct("reference", "IC-999")
    session.correct("reference", "IC-266000-V6Y0")
    assert "reference" not in store.get(SEED_ID).corrections
    assert not session.fact("reference").corrected


def test_a_corrected_regime_changes_the_deadline_the_page_shows(session):
    assert session.response_deadline().regime.value == "FOIA"
    session.correct("regime", "EIR")
    assert session.review.regime == "EIR"
    assert session.response_deadline().regime.value == "EIR"


def test_yes_no_facts_can_be_corrected(session):
    assert session.fact("advice_and_assistance").value is True
    session.correct("advice_and_assistance", "no")
    assert session.fact("advice_and_assistance").value is False
    assert session.fact("advice_and_assistance").corrected


@pytest.mark.parametrize(
    ("field", "value", "error", "message"),
    [
        ("date_received", "31/02/2023", DateError, "Request received"),
        ("regime", "GDPR", ReviewError, "not a regime"),
        ("advice_and_assistance", "perhaps", ReviewError, "yes or no"),
        ("reviewer", "x", ReviewError, "not a fact"),
    ],
)
def test_a_wrong_correction_says_what_is_wrong_and_saves_nothing(
    session, store, field, value, error, message
):
    with pytest.raises(error, match=message):
        session.correct(field, value)
    assert store.get(SEED_ID).corrections == {}


def test_the_response_deadline_is_worked_out_step_by_step(session):
    deadline = session.response_deadline()
    lines = deadline.working()
    assert "Received: Wed 25 Oct 2023" in lines
    assert "Day 1: Thu 26 Oct 2023" in lines
    assert "Day 20 (due): Wed 22 Nov 2023" in lines
    assert lines[-1] == "Responded: Wed 22 Nov 2023, working day 20: on time"


def test_clearing_a_corrected_fact_goes_back_to_what_was_read(session, store):
    session.correct("date_of_response", "2023-11-24")
    assert session.response_deadline().days_late == 2
    session.correct("date_of_response", " ")
    assert not session.fact("date_of_response").corrected
    assert store.get(SEED_ID).date_responded == dt.date(2023, 11, 22)
    assert session.response_deadline().on_time


def test_a_response_dated_before_the_request_gives_no_deadline(session):
    session.correct("date_of_response", "2023-10-01")
    assert session.response_deadline() is None


def test_the_checks_run_once_per_session(session, monkeypatch):
    first = session.checks()
    assert {f.id for f in first} >= {"searches-not-described:point-2", "placeholder-links"}
    import workbench.checks.runner as runner

    monkeypatch.setattr(runner, "run_case_checks", lambda *a: pytest.fail("ran twice"))
    assert session.checks() is first


def test_a_check_is_accepted_or_dismissed_with_a_reason(session, store):
    finding = session.checks()[0]
    session.decide_check(finding.id, accepted=True)
    assert store.get(SEED_ID).check_decisions[finding.id].accepted is True

    with pytest.raises(ReviewError, match="needs a reason"):
        session.decide_check(finding.id, accepted=False, reason="  ")
    assert store.get(SEED_ID).check_decisions[finding.id].accepted is True

    session.decide_check(finding.id, accepted=False, reason="Searches are in annex A")
    decision = store.get(SEED_ID).check_decisions[finding.id]
    assert (decision.accepted, decision.reason) == (False, "Searches are in annex A")
    assert ("decide_check", f"check_decisions.{finding.id}.accepted", "ann") in _audit(store)


def test_a_missing_search_is_added_as_the_reviewers(session, store):
    session.add_search(where="Shared drive", terms="Essex police", notes="<b>new</b>")
    (added,) = [s for s in store.get(SEED_ID).searches if s.added_by_reviewer]
    assert (added.where, added.terms, added.notes) == ("Shared drive", "Essex police", "<b>new</b>")
    with pytest.raises(ReviewError, match="Cannot add the search"):
        session.add_search(colour="blue")


def test_overriding_the_outcome_needs_a_reason(session, store):
    session.edit("points.0.finding", "correct")
    assert session.review.outcome is Outcome.MAINTAINED
    with pytest.raises(ReviewError, match="needs a reason"):
        session.override_outcome("withdrawn", "")
    session.override_outcome("withdrawn", "The requester withdrew")
    assert store.get(SEED_ID).outcome is Outcome.WITHDRAWN
    session.clear_override()
    assert store.get(SEED_ID).outcome is Outcome.MAINTAINED


def test_completing_lists_what_is_missing_then_signs_off_and_freezes(session, store):
    session.edit("grounds", "started")
    with pytest.raises(ReviewError, match="a finding for point 2"):
        session.complete("Ann Reviewer")
    for index in range(4):
        session.edit(f"points.{index}.finding", "correct")
    session.edit("provisions.0.finding", "upheld")
    session.complete("Ann Reviewer", on=dt.date(2024, 1, 10))
    assert store.get(SEED_ID).status is ReviewStatus.COMPLETED
    with pytest.raises(ReviewError, match="frozen"):
        session.edit("grounds", "later")
    with pytest.raises(ReviewError, match="frozen"):
        session.correct("reference", "X")
    session.new_version()
    assert session.review.version == 2 and session.review.status is ReviewStatus.DRAFT


def test_exports_go_to_the_case_folder_in_the_output_folder(session, isolated_data, monkeypatch):
    monkeypatch.setenv("WORKBENCH_FILES_ROOT", str(isolated_data))
    session.edit("points.1.finding", "incorrect")
    paths = session.export(["docx", "xlsx"])
    assert [p.name for p in paths] == [f"{SEED_ID}-review-v1.docx", f"{SEED_ID}-review-v1.xlsx"]
    assert all(p.parent == isolated_data / "exports" / SEED_ID for p in paths)
    assert zipfile.is_zipfile(paths[0])
    assert session.download_url(paths[0]) == (
        f"/voila/files/exports/{SEED_ID}/{SEED_ID}-review-v1.docx"
    )
    with pytest.raises(ExportError, match="Unknown export format"):
        session.export(["pdf"])


def test_a_file_outside_the_output_folder_gets_no_download_link(session, seed_case):
    with pytest.raises(ExportError, match="not in the output folder"):
        session.download_url(seed_case / "case.json")


def test_a_session_shown_by_no_server_says_where_the_file_is_instead_of_a_link(
    seed_case, store, isolated_data
):
    unserved = ReviewSession.open(SEED_ID, "ann", store=store)
    [path] = unserved.export(["docx"])
    with pytest.raises(ExportError) as raised:
        unserved.download_url(path)
    assert str(raised.value) == (
        f"{path.name} has no download link outside the dashboard: open it from {path.parent}"
    )

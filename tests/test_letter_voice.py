"""A reviewer's note that speaks of the requester in the third person is flagged before the
letter, which is addressed to the requester, quotes it."""

from __future__ import annotations

from review_page_fixtures import one, page_text

from workbench.dashboard.outcome_page import OutcomePage
from workbench.letter_voice import third_person_passages


def test_third_person_notes_are_found_where_the_letter_quotes_them(session):
    review = session.review
    review.procedural.notes = "We apologise for the delay. The requester was not told about s.16."
    review.points[1].reasons = "He asked for emails, and his request was clear."
    review.conclusion = "You were not given the advice you needed; we are sorry."
    found = third_person_passages(review)
    assert [(f.where, f.phrase) for f in found] == [
        ("Procedure: other notes on the handling", "The requester"),
        ("Request points: reasons for point 2", "He asked"),
    ]
    assert found[0].sentence == "The requester was not told about s.16."
    assert "you" in found[0].why


def test_notes_addressed_to_the_requester_pass(session):
    review = session.review
    review.procedural.notes = "You asked us to search the DPIA inbox; we did not."
    review.points[0].reasons = "The Chief Constable's letter to the ICO is held."
    review.conclusion = "I am sorry that you had to ask for this review."
    assert third_person_passages(review) == []


def test_the_requesters_name_in_a_note_is_flagged(session):
    review = session.review
    review.procedural.notes = "Ms Khan was given a reply on time."
    assert [f.phrase for f in third_person_passages(review, "Ms A Khan")] == ["Khan"]


def test_the_outcome_page_warns_before_the_letter_goes_out(session, messages):
    page = OutcomePage(session, messages.guard)
    assert page_text(one(page.widget, "wb-letter-voice")) == ""
    session.edit("procedural.notes", "The applicant's email was never answered.")
    page.refresh()
    warning = page_text(one(page.widget, "wb-letter-voice"))
    assert "Check before the letter goes out" in warning
    assert "Procedure: other notes on the handling" in warning
    assert "The applicant&#x27;s email was never answered." in warning

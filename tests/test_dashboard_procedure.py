"""The Procedure page: timeliness with the working shown, s.16 advice, s.17 refusal notice."""

from __future__ import annotations

import json

import pytest

from workbench.dashboard.messages import Messages
from workbench.dashboard.procedure_page import ProcedurePage
from workbench.service import ReviewSession
from workbench.store import Store

SEED_ID = "IC-266000-V6Y0"


@pytest.fixture
def messages() -> Messages:
    return Messages()


@pytest.fixture
def page(seed_case, messages):
    session = ReviewSession.open(SEED_ID, who="A. Reviewer")
    yield ProcedurePage(session, messages.guard)
    session.close()


def _sections(page: ProcedurePage) -> dict[str, object]:
    found = {}
    for child in page.widget.children:
        if "wb-section" in child._dom_classes:
            heading = child.children[0].value
            found[heading.removeprefix("<h3>").removesuffix("</h3>")] = child
    return found


def _timeliness(page: ProcedurePage):
    section = _sections(page)["Timeliness"]
    working, _hints, suggestion, controls, notes = section.children[1:]
    answer, use_dates = controls.children
    return working, suggestion, answer, use_dates, notes


def _saved(path: str):
    with Store() as store:
        return store.get(SEED_ID).value_at(path)


def test_the_deadline_is_worked_out_with_the_days_the_response_took(page):
    working, suggestion, answer, _use, _notes = _timeliness(page)
    text = working.value
    assert "Received 25 October 2023; due by <b>22 November 2023</b> (working day 20)" in text
    assert "sent 22 November 2023, on working day 20" in text
    assert "on time" in text
    assert "<li>Day 1: Thu 26 Oct 2023</li>" in text
    assert "<li>Day 20 (due): Wed 22 Nov 2023</li>" in text
    assert suggestion.value == "<p>The dates say: <b>On time</b>.</p>"
    assert answer.value == ""  # the reviewer has not decided yet


def test_use_what_the_dates_say_records_the_finding(page, messages):
    _working, _suggestion, answer, use_dates, _notes = _timeliness(page)
    use_dates.click()
    assert messages.texts == []
    assert answer.value == "on_time"
    assert _saved("procedural.timeliness") == "on_time"


def test_a_corrected_response_date_makes_the_response_late(page, messages):
    page.session.correct("date_of_response", "2023-11-24")  # two working days after the 22nd
    page.refresh()
    working, suggestion, answer, use_dates, notes = _timeliness(page)
    assert "on working day 22" in working.value
    assert "late by 2 working days" in working.value
    assert "<b>Late</b>" in suggestion.value
    use_dates.click()
    notes.value = "No extension was claimed."
    assert messages.texts == []
    assert _saved("procedural.timeliness") == "late"
    assert _saved("procedural.timeliness_notes") == "No extension was claimed."


def test_without_dates_the_page_explains_and_the_button_says_why(seed_case, messages):
    meta_file = seed_case / "case.json"
    meta = json.loads(meta_file.read_text())
    meta["date_responded"] = None
    meta_file.write_text(json.dumps(meta))
    (seed_case / "response.txt").write_text("Dear requester,\n\nWe do not hold it.\n")
    session = ReviewSession.open(SEED_ID)
    page = ProcedurePage(session, messages.guard)
    working, suggestion, _answer, use_dates, _notes = _timeliness(page)
    assert "The deadline cannot be worked out" in working.value
    assert suggestion.value == ""
    use_dates.click()
    (shown,) = messages.texts
    assert "correct the date received and the date of the response" in shown
    assert _saved("procedural.timeliness") is None
    session.close()


def test_advice_and_refusal_notice_findings_are_saved_and_shown_again(page, messages):
    sections = _sections(page)
    advice = sections["Advice and assistance (s.16)"]
    refusal = sections["The refusal notice (s.17)"]
    advice.children[2].value = "no"
    advice.children[3].value = "The letter did not suggest how to narrow the request."
    refusal.children[2].value = "yes"
    refusal.children[3].value = "s.40(2) was named and explained."
    assert messages.texts == []
    assert _saved("procedural.advice_and_assistance_adequate") is False
    assert _saved("procedural.refusal_notice_adequate") is True
    assert _saved("procedural.refusal_notice_notes") == "s.40(2) was named and explained."

    reopened = ProcedurePage(ReviewSession.open(SEED_ID), messages.guard)
    sections = _sections(reopened)
    assert sections["Advice and assistance (s.16)"].children[2].value == "no"
    assert sections["The refusal notice (s.17)"].children[3].value.startswith("s.40(2) was")
    reopened.session.close()


def test_each_question_shows_the_automated_checks_on_it(page):
    refusal = _sections(page)["The refusal notice (s.17)"]
    question = refusal.children[1].value
    assert "Did the refusal notice say what it must" in question
    advice = _sections(page)["Advice and assistance (s.16)"].children[1].value
    assert "(read from the letter)" in advice


def test_an_eir_case_names_the_regulations(seed_case, messages):
    meta_file = seed_case / "case.json"
    meta = json.loads(meta_file.read_text())
    meta["regime"] = "EIR"
    meta_file.write_text(json.dumps(meta))
    session = ReviewSession.open(SEED_ID)
    headings = set(_sections(ProcedurePage(session, messages.guard)))
    assert {"Advice and assistance (reg 9)", "The refusal notice (reg 14)"} <= headings
    session.close()


def test_a_completed_review_is_read_only_here(page):
    session = page.session
    for index in range(4):
        session.edit(f"points.{index}.finding", "correct")
    session.edit("provisions.0.finding", "upheld")
    session.complete("A. Reviewer")
    page.refresh()
    _working, _suggestion, answer, use_dates, notes = _timeliness(page)
    assert answer.disabled and notes.disabled and use_dates.disabled
    assert _sections(page)["The refusal notice (s.17)"].children[2].disabled

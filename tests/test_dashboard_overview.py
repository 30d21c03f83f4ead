"""The Overview tab: facts with their evidence, corrections marked, the deadline, the checks."""

from __future__ import annotations

import datetime as dt

import ipywidgets as widgets
from review_page_fixtures import SEED_ID, all_with, audit_rows, button, one, page_text, walk

from workbench.dashboard.overview_page import OverviewPage
from workbench.dashboard.pages import css_slug
from workbench.service import ReviewSession


def _page(session, messages) -> OverviewPage:
    return OverviewPage(session, messages.guard)


def _fact_input(page: OverviewPage, name: str) -> widgets.Widget:
    return one(page.widget, f"wb-fact-input-{name.replace('_', '-')}")


def _fact_text(page: OverviewPage, name: str) -> str:
    return page_text(one(page.widget, f"wb-fact-{name.replace('_', '-')}"))


def _check_card(page: OverviewPage, check_id: str) -> widgets.Widget:
    return one(page.widget, f"wb-check-{css_slug(check_id)}")


def test_each_fact_shows_its_value_and_the_sentence_it_was_read_from(session, messages):
    page = _page(session, messages)
    assert _fact_input(page, "reference").value == "IC-266000-V6Y0"
    assert _fact_input(page, "date_received").value == "25 October 2023"
    received = _fact_text(page, "date_received")
    assert "25 October 2023" in received and "as read" in received
    assert "We received your request on 25 October 2023." in received
    assert "22 November 2023" in _fact_text(page, "date_of_response")
    assert _fact_input(page, "review_rights_given").value == "yes"


def test_correcting_a_date_saves_it_as_the_reviewers_and_reworks_the_deadline(
    session, store, messages
):
    page = _page(session, messages)
    _fact_input(page, "date_received").value = "2023-10-26"

    assert messages.texts == []
    saved = store.get(SEED_ID)
    assert saved.corrections["date_received"].corrected == "2023-10-26"
    assert (
        "set_fact",
        "corrections.date_received",
        {"extracted": "2023-10-25", "corrected": "2023-10-26"},
    ) in audit_rows(store)
    received = _fact_text(page, "date_received")
    assert "26 October 2023" in received
    assert "edited by the reviewer" in received
    assert "as read: 25 October 2023" in received
    assert "Received: Thu 26 Oct 2023" in page_text(page.widget)


def test_a_wrong_date_is_a_message_in_the_page_and_nothing_is_saved(session, store, messages):
    page = _page(session, messages)
    field = _fact_input(page, "date_of_response")
    field.value = "31/11/2023"  # the callback must not raise
    (shown,) = messages.texts
    assert "Response sent &#x27;31/11/2023&#x27; is not a valid date" in shown
    assert "Traceback" not in shown
    assert store.get(SEED_ID).corrections == {}
    assert field.value == "31/11/2023"  # what was typed stays, to be corrected
    assert "not a valid date" in page_text(one(page.widget, "wb-fact-date-of-response"))


def test_a_yes_no_fact_is_corrected_from_its_dropdown(session, store, messages):
    page = _page(session, messages)
    _fact_input(page, "advice_and_assistance").value = "no"
    assert store.get(SEED_ID).corrections["advice_and_assistance"].corrected is False
    assert "edited by the reviewer" in _fact_text(page, "advice_and_assistance")


def test_the_deadline_is_worked_out_step_by_step(session, messages):
    text = page_text(_page(session, messages).widget)
    for line in (
        "Response due: FOIA, 20 working days",
        "Day 1: Thu 26 Oct 2023",
        "Day 20 (due): Wed 22 Nov 2023",
        "Responded: Wed 22 Nov 2023, working day 20: on time",
    ):
        assert line in text


def test_the_reviewer_is_recorded_and_named_in_the_audit(session, store, messages):
    page = _page(session, messages)
    name = one(page.widget, "wb-reviewer-name")
    assert name.continuous_update is True  # sent as typed, saved when the typing pauses
    name.value = "Priya Shah"
    one(page.widget, "wb-grounds").value = "They hold more than they said"

    saved = store.get(SEED_ID)
    assert saved.reviewer.name == "Priya Shah"
    assert saved.grounds == "They hold more than they said"
    last = store.audit(SEED_ID)[-1]
    assert (last.field_path, last.who) == ("grounds", "Priya Shah")


def test_review_request_date_and_route_are_saved_and_give_the_review_due_date(
    session, store, messages
):
    page = _page(session, messages)
    requested = one(page.widget, "wb-review-requested")
    assert requested.continuous_update is False  # a date is read when the reviewer leaves it
    requested.value = "2024-01-05"
    assert store.get(SEED_ID).review_requested == dt.date(2024, 1, 5)
    assert "Review due <b>2 February 2024</b>" in page_text(page.widget)

    requested.value = "5th January"
    assert "not a valid date" in messages.texts[0]
    assert store.get(SEED_ID).review_requested == dt.date(2024, 1, 5)
    assert requested.value == "5th January"


def test_a_check_is_accepted_or_dismissed_only_with_a_reason(session, store, messages):
    page = _page(session, messages)
    check_id = "searches-not-described:point-2"
    card = _check_card(page, check_id)
    assert "Point 2: &#x27;not held&#x27; with no searches described" in page_text(card)

    button(card, "Dismiss").click()
    assert "needs a reason" in messages.texts[0]
    assert check_id not in store.get(SEED_ID).check_decisions

    button(card, "Accept").click()
    assert store.get(SEED_ID).check_decisions[check_id].accepted is True
    assert "Accepted" in page_text(card)

    (reason,) = [w for w in walk(card) if isinstance(w, widgets.Text)]
    reason.value = "Annex A <b>describes</b> them"
    button(card, "Dismiss").click()
    decision = store.get(SEED_ID).check_decisions[check_id]
    assert (decision.accepted, decision.reason) == (False, "Annex A <b>describes</b> them")
    assert "Dismissed</span>: Annex A &lt;b&gt;describes&lt;/b&gt; them" in page_text(card)


def test_markup_in_the_letter_is_shown_as_text(seed_case, store, messages):
    response = seed_case / "response.txt"
    text = response.read_text()
    response.write_text(
        text.replace(
            "We received your request on 25 October 2023.",
            "We received your request <img src=x onerror=alert(1)> on 25 October 2023.",
        )
    )
    page = _page(ReviewSession.open(SEED_ID, store=store), messages)
    shown = _fact_text(page, "date_received")
    assert "<img" not in shown
    assert "&lt;img src=x onerror=alert(1)&gt;" in shown


def test_another_reviewers_change_to_the_same_field_is_shown_beside_it_with_mine_kept(
    session, store, messages
):
    page = _page(session, messages)
    ReviewSession.open(SEED_ID, "bob", store=store).edit("grounds", "Bob's words")

    grounds = one(page.widget, "wb-grounds")
    grounds.value = "My words"

    assert store.get(SEED_ID).grounds == "Bob's words"  # not overwritten
    assert grounds.value == "Bob's words"  # the box shows what is saved
    panel = one(page.widget, "wb-conflict")
    assert "Changed by bob while you were editing it" in page_text(panel)
    assert one(panel, "wb-conflict-mine").value == "My words"  # nothing typed is lost
    boxes = [w for w in walk(page.widget) if w is grounds or w is panel]
    assert boxes == [grounds, panel]  # right beside the field

    button(panel, "Use mine").click()
    assert store.get(SEED_ID).grounds == "My words"
    assert grounds.value == "My words"
    assert not all_with(page.widget, "wb-conflict")


def test_another_reviewers_change_to_a_different_field_is_merged(session, store, messages):
    page = _page(session, messages)
    ReviewSession.open(SEED_ID, "bob", store=store).edit("reviewer.role", "Head of IG")

    one(page.widget, "wb-grounds").value = "My words"

    saved = store.get(SEED_ID)
    assert (saved.grounds, saved.reviewer.role) == ("My words", "Head of IG")
    assert messages.texts == [] and not all_with(page.widget, "wb-conflict")


def test_reopening_shows_everything_saved(session, store, messages):
    page = _page(session, messages)
    one(page.widget, "wb-reviewer-name").value = "Priya Shah"
    _fact_input(page, "reference").value = "IC-266000-V6Y1"
    button(_check_card(page, "placeholder-links"), "Accept").click()

    again = _page(ReviewSession.open(SEED_ID, store=store), messages)
    assert one(again.widget, "wb-reviewer-name").value == "Priya Shah"
    assert _fact_input(again, "reference").value == "IC-266000-V6Y1"
    assert "edited by the reviewer" in _fact_text(again, "reference")
    assert "Accepted" in page_text(_check_card(again, "placeholder-links"))


def test_a_completed_review_shows_its_fields_disabled(session, messages):
    for index in range(4):
        session.edit(f"points.{index}.finding", "correct")
    session.edit("provisions.0.finding", "upheld")
    session.complete("Priya Shah")
    page = _page(session, messages)
    assert one(page.widget, "wb-grounds").disabled
    assert button(_check_card(page, "placeholder-links"), "Accept").disabled


def test_the_reviewer_confirms_whether_they_were_involved_in_the_original_request(
    session, store, messages
):
    """s.45 Code (2018): a reviewer not involved "where possible"; the letter says so only
    when the reviewer confirms it (issue 12 item 13)."""
    page = _page(session, messages)
    involved = one(page.widget, "wb-reviewer-involved")
    assert involved.value == ""  # not confirmed until the reviewer says so
    involved.value = "no"
    assert store.get(SEED_ID).reviewer.involved_in_original is False

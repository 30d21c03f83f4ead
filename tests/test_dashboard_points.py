"""The Request points tab: a card per point, each change saved and audited at once."""

from __future__ import annotations

import datetime as dt

import ipywidgets as widgets
from review_page_fixtures import SEED_ID, all_with, audit_rows, one, page_text, walk

from workbench.dashboard.points_page import PointsPage
from workbench.review import Remedy
from workbench.service import ReviewSession


def _page(session, messages) -> PointsPage:
    return PointsPage(session, messages.guard)


def _card(page: PointsPage, label: str) -> widgets.Widget:
    return one(page.widget, f"wb-point-{label}")


def _dropdowns(card: widgets.Widget) -> list[widgets.Dropdown]:
    return [w for w in walk(card) if isinstance(w, widgets.Dropdown)]


def _remedy(card: widgets.Widget, remedy: Remedy) -> widgets.Checkbox:
    (box,) = [
        w for w in walk(card) if isinstance(w, widgets.Checkbox) and w.description == remedy.label
    ]
    return box


def _remedy_date(card: widgets.Widget) -> widgets.Text:
    return one(card, "wb-remedy-date")


def test_every_point_has_a_card_with_the_request_decision_and_evidence(session, messages):
    page = _page(session, messages)
    cards = all_with(page.widget, "wb-point")
    assert len(cards) == 4
    first = page_text(_card(page, "1"))
    text = one(_card(page, "1"), "wb-point-text").value
    assert "Has the ICO had correspondence with Essex police" in text
    assert "Held, partly disclosed" in first and "as read" in first
    assert one(_card(page, "1"), "wb-point-provisions").value == "s.40(2)"
    second = page_text(_card(page, "2"))
    assert "Northamptonshire police" in one(_card(page, "2"), "wb-point-text").value
    assert "Not held" in second
    assert "<blockquote class='wb-evidence'>" in second  # the sentence it was read from


def test_a_finding_on_point_2_is_saved_with_an_audit_row(session, store, messages):
    page = _page(session, messages)
    finding = one(_card(page, "2"), "wb-point-finding")
    finding.value = "incorrect"
    assert store.get(SEED_ID).points[1].finding.value == "incorrect"
    assert ("edit", "points.1.finding", "incorrect") in audit_rows(store)
    assert messages.texts == []


def test_reasons_are_saved_as_they_are_typed(session, store, messages):
    page = _page(session, messages)
    reasons = one(_card(page, "2"), "wb-point-reasons")
    assert reasons.continuous_update is True  # each keystroke reaches the kernel
    reasons.value = "No searches were described for Northamptonshire."
    assert (
        store.get(SEED_ID).points[1].reasons == "No searches were described for Northamptonshire."
    )


def test_remedies_are_ticked_and_unticked(session, store, messages):
    page = _page(session, messages)
    card = _card(page, "2")
    _remedy(card, Remedy.NEW_SEARCHES).value = True
    _remedy(card, Remedy.APOLOGISE_FOR_DELAY).value = True
    _remedy(card, Remedy.APOLOGISE_FOR_DELAY).value = False
    assert store.get(SEED_ID).points[1].remedies == [Remedy.NEW_SEARCHES]
    assert store.get(SEED_ID).points[0].remedies == []


def test_a_remedy_date_is_saved_and_a_wrong_one_is_a_message_not_an_error(session, store, messages):
    page = _page(session, messages)
    field = _remedy_date(_card(page, "2"))
    field.value = "1/2/2024"  # UK order: 1 February
    assert store.get(SEED_ID).points[1].remedy_date == dt.date(2024, 2, 1)
    assert field.value == "1 February 2024"

    field.value = "31/02/2024"
    (shown,) = messages.texts
    assert "Remedy date for point 2 &#x27;31/02/2024&#x27; is not a valid date" in shown
    assert "not a valid date" in page_text(_card(page, "2"))  # beside the box too
    assert store.get(SEED_ID).points[1].remedy_date == dt.date(2024, 2, 1)
    assert field.value == "31/02/2024"  # what was typed stays, to be corrected

    field.value = ""
    assert store.get(SEED_ID).points[1].remedy_date is None
    assert "not a valid date" not in page_text(_card(page, "2"))


def test_correcting_the_determination_is_marked_as_the_reviewers(session, store, messages):
    page = _page(session, messages)
    correct = one(_card(page, "3a"), "wb-point-determination")
    assert correct.value == "not_held"
    correct.value = "ncnd"
    saved = store.get(SEED_ID).points[2]
    assert saved.corrected_determination.value == "ncnd"
    assert saved.original_determination.value == "not_held"
    text = page_text(_card(page, "3a"))
    assert "Neither confirmed nor denied" in text
    assert "edited by the reviewer" in text and "read from the letter: Not held" in text

    correct.value = ""
    assert store.get(SEED_ID).points[2].corrected_determination is None
    assert "edited by the reviewer" not in page_text(_card(page, "3a"))


def test_markup_in_the_request_is_shown_as_text(seed_case, store, messages):
    request = seed_case / "request.txt"
    request.write_text(
        request.read_text().replace(
            "Northamptonshire police regarding", "Northamptonshire <script>x()</script> regarding"
        )
    )
    page = _page(ReviewSession.open(SEED_ID, store=store), messages)
    assert "<script>" not in page_text(page.widget)
    texts = [box.value for box in all_with(page.widget, "wb-point-text")]
    assert any("<script>x()</script>" in text for text in texts)  # a text box shows it as text


def test_reopening_resumes_every_value(session, store, messages):
    page = _page(session, messages)
    card = _card(page, "2")
    one(card, "wb-point-finding").value = "partly_correct"
    one(card, "wb-point-reasons").value = "Partly."
    _remedy(card, Remedy.DISCLOSE_IN_PART).value = True
    _remedy_date(card).value = "2024-03-01"

    again = _card(_page(ReviewSession.open(SEED_ID, store=store), messages), "2")
    assert one(again, "wb-point-finding").value == "partly_correct"
    assert one(again, "wb-point-reasons").value == "Partly."
    assert _remedy(again, Remedy.DISCLOSE_IN_PART).value is True
    assert _remedy_date(again).value == "1 March 2024"

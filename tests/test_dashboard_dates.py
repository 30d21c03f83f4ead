"""A date in the dashboard is typed as people write it, or picked from a calendar.

What was typed and could not be read stays in the box, named beside it and in
the message area, so the reviewer corrects it rather than typing it again.
"""

from __future__ import annotations

import datetime as dt

import ipywidgets as widgets
from review_page_fixtures import SEED_ID, one, page_text

from workbench.dashboard.points_page import PointsPage


def _remedy_by(page: PointsPage) -> tuple[widgets.Text, widgets.DatePicker, widgets.Widget]:
    card = one(page.widget, "wb-point-2")
    return one(card, "wb-remedy-date"), one(card, "wb-date-picker"), card


def test_typed_forms_are_read_day_first_and_shown_in_words(session, store, messages):
    page = PointsPage(session, messages.guard)
    typed, picker, _card = _remedy_by(page)
    for text in ("4/12/2023", "04/12/2023", "4 Dec 2023", "2023-12-04"):
        typed.value = ""
        typed.value = text
        assert store.get(SEED_ID).points[1].remedy_date == dt.date(2023, 12, 4), text
        assert typed.value == "4 December 2023"
        assert picker.value == dt.date(2023, 12, 4)
    assert messages.texts == []


def test_the_picker_saves_the_day_chosen(session, store, messages):
    page = PointsPage(session, messages.guard)
    typed, picker, _card = _remedy_by(page)
    picker.value = dt.date(2024, 1, 19)
    assert store.get(SEED_ID).points[1].remedy_date == dt.date(2024, 1, 19)
    assert typed.value == "19 January 2024"


def test_a_wrong_date_stays_as_typed_until_corrected(session, store, messages):
    page = PointsPage(session, messages.guard)
    typed, _picker, card = _remedy_by(page)
    typed.value = "31/11/2023"
    assert typed.value == "31/11/2023"
    assert "not a valid date" in page_text(card) and "day first" in page_text(card)
    (shown,) = messages.texts
    assert "Traceback" not in shown
    assert store.get(SEED_ID).points[1].remedy_date is None

    page.refresh()  # showing the saved review again does not wipe it either
    assert typed.value == "31/11/2023"
    typed.value = "30/11/2023"
    assert store.get(SEED_ID).points[1].remedy_date == dt.date(2023, 11, 30)
    assert "not a valid date" not in page_text(card)

"""The dashboard shows how sure the first pass is, and marks unsure readings "check this"."""

from __future__ import annotations

from review_page_fixtures import *  # noqa: F403 - store, session, messages
from review_page_fixtures import one, page_text

from workbench.dashboard.confidence import confidence_badge
from workbench.dashboard.overview_page import OverviewPage
from workbench.dashboard.points_page import PointsPage


def test_the_badge_says_check_this_below_the_threshold():
    assert "Check this" in confidence_badge(0.55)
    assert "55%" in confidence_badge(0.55)
    assert "Check this" not in confidence_badge(0.9)
    assert "Read with confidence" in confidence_badge(0.9)
    assert confidence_badge(None) == ""


def test_each_point_shows_its_confidence_and_unsure_ones_say_check_this(session, messages):
    session.extraction.points[0].confidence = 0.9
    session.extraction.points[1].confidence = 0.5
    page = PointsPage(session, messages.guard)
    assert "Check this" in page_text(one(page.widget, "wb-point-2"))
    first = page_text(one(page.widget, "wb-point-1"))
    assert "Read with confidence" in first and "Check this" not in first


def test_a_corrected_point_carries_no_mark(session, messages):
    session.extraction.points[1].confidence = 0.5
    session.edit("points.1.corrected_determination", "held_disclosed")
    page = PointsPage(session, messages.guard)
    text = page_text(one(page.widget, "wb-point-2"))
    assert "Check this" not in text and "confidence" not in text


def test_facts_read_from_the_letter_show_their_confidence(session, messages):
    session.extraction.confidence["review_rights_given"] = 0.6
    page = OverviewPage(session, messages.guard)
    assert "Check this" in page_text(one(page.widget, "wb-fact-review-rights-given"))
    # The reference comes from the case record, which a person confirmed: no mark.
    assert "confidence" not in page_text(one(page.widget, "wb-fact-reference"))

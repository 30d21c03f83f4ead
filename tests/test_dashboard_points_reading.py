"""The Request points tab corrects the reading: buttons and boxes call the session's operations."""

from __future__ import annotations

import ipywidgets as widgets
from review_page_fixtures import SEED_ID, all_with, button, one, page_text

from workbench.dashboard.document_view import DocumentView
from workbench.dashboard.points_page import PointsPage


def _page(session, messages) -> PointsPage:
    return PointsPage(session, messages.guard)


def _labels(page: PointsPage) -> list[str]:
    return [one(card, "wb-point-label").value for card in all_with(page.widget, "wb-point")]


def _card(page, label):
    return one(page.widget, f"wb-point-{label}")


def test_points_are_split_merged_relabelled_moved_and_deleted(session, store, messages):
    page = _page(session, messages)
    one(_card(page, "1"), "wb-split-into").value = "1a, 1b"
    button(_card(page, "1"), "Split").click()
    assert _labels(page) == ["1a", "1b", "2", "3a", "3b"]

    one(_card(page, "3a"), "wb-merge-with").value = "3b"
    button(_card(page, "3a"), "Merge with").click()
    assert _labels(page) == ["1a", "1b", "2", "3a"]

    one(_card(page, "3a"), "wb-point-label").value = "3"
    assert _labels(page) == ["1a", "1b", "2", "3"]

    button(_card(page, "3"), "↑ Up").click()
    assert _labels(page) == ["1a", "1b", "3", "2"]

    button(_card(page, "1b"), "Delete").click()
    assert _labels(page) == ["1a", "3", "2"]
    assert [p.label for p in store.get(SEED_ID).points] == ["1a", "3", "2"]
    assert messages.texts == []


def test_text_determination_and_provisions_are_corrected_in_place(session, store, messages):
    page = _page(session, messages)
    card = _card(page, "2")
    one(card, "wb-point-text").value = "Correspondence with Northamptonshire Police"
    one(card, "wb-point-determination").value = "ncnd"
    one(card, "wb-point-provisions").value = "section 40(5B)"
    saved = store.get(SEED_ID).points[1]
    assert saved.request_text == "Correspondence with Northamptonshire Police"
    assert saved.determination == "ncnd" and saved.provisions == ["s.40(5B)"]
    assert "corrected by the reviewer" in page_text(card)
    assert one(card, "wb-point-provisions").value == "s.40(5B)"


def test_an_unknown_provision_is_a_message_and_the_box_shows_what_is_saved(session, messages):
    page = _page(session, messages)
    box = one(_card(page, "1"), "wb-point-provisions")
    box.value = "s.99"
    (shown,) = messages.texts
    assert "Unknown provision" in shown and "s.40(2), reg.12(5)(b)" in shown
    assert box.value == "s.40(2)"


def test_a_point_is_added_from_the_form(session, store, messages):
    page = _page(session, messages)
    one(page.widget, "wb-new-point-label").value = "4"
    one(page.widget, "wb-new-point-text").value = "Board minutes"
    button(page.widget, "Add the point").click()
    assert [p.label for p in store.get(SEED_ID).points][-1] == "4"
    assert _labels(page)[-1] == "4"


def test_words_selected_in_the_letter_become_a_points_request_text(session, store, messages):
    page = _page(session, messages)
    letter = one(page.widget, "wb-letter-view")
    assert isinstance(letter, DocumentView)
    text = letter.response_text
    start = text.index("Has the ICO had correspondence with Essex")
    end = text.index("\n", start)
    page.letter.current = "1"
    letter._received(letter, {"action": "text", "point": "1", "source": "response",
                              "start": start, "end": end}, [])  # fmt: skip
    saved = store.get(SEED_ID).points[0]
    assert saved.request_text == " ".join(text[start:end].split())
    assert (saved.text_source.start, saved.text_source.end) == (start, end)
    kinds = {h["kind"] for h in letter.highlights}
    assert "request" in kinds  # shown where it came from


def test_the_chosen_points_answer_is_highlighted_in_the_letter(session, messages):
    page = _page(session, messages)
    button(_card(page, "2"), "Show in the letter").click()
    assert page.letter.current == "2"
    (mark,) = [h for h in page.letter.highlights if h["kind"] == "answer"]
    quote = page.letter.response_text[mark["start"] : mark["end"]]
    assert "do not hold information" in quote


def test_a_completed_review_offers_no_corrections(session, messages):
    for index in range(4):
        session.edit(f"points.{index}.finding", "correct")
    session.edit("provisions.0.finding", "upheld")
    session.complete("Ann")
    page = _page(session, messages)
    tools = [w for w in all_with(page.widget, "wb-point-tools")]
    for row in tools:
        for child in row.children:
            if isinstance(child, widgets.Button | widgets.Text) and child.description != (
                "Show in the letter"
            ):
                assert child.disabled, child

"""The Grounds tab: the review request beside a card per ground; every control calls the session."""

from __future__ import annotations

from grounds_fixtures import SEARCHES_AND_DELAY
from review_page_fixtures import SEED_ID, all_with, button, one, page_text

from workbench.cases import attach_review_request, load_case
from workbench.dashboard.document_view import DocumentView
from workbench.dashboard.grounds_page import GroundsPage
from workbench.service import ReviewSession


def _page(session, messages) -> GroundsPage:
    return GroundsPage(session, messages.guard)


def _ids(page) -> list[str]:
    return [
        c._dom_classes[-1].removeprefix("wb-ground-") for c in all_with(page.widget, "wb-ground")
    ]


def _with_grounds(seed_case, store) -> ReviewSession:
    attach_review_request(load_case(seed_case), SEARCHES_AND_DELAY)
    session = ReviewSession.open(SEED_ID, store=store)
    session.propose_grounds_if_due()
    return session


def test_a_pasted_review_request_is_kept_and_its_grounds_shown_as_cards(session, store, messages):
    page = _page(session, messages)
    assert "This case has no review request yet" in page_text(page.widget)
    form = one(page.widget, "wb-attach-review-request")
    one(form, "wb-review-request-pasted").value = SEARCHES_AND_DELAY.read_text()
    button(form, "Save the review request").click()

    assert messages.texts == []
    assert _ids(page) == ["g1", "g2", "g3"]
    assert load_case(SEED_ID).meta.documents.review_request == "review_request.txt"
    viewer = one(page.widget, "wb-review-request-view")
    assert isinstance(viewer, DocumentView) and viewer.source == "review_request"
    kinds = [(mark["kind"], viewer.review_request_text[mark["start"] : mark["end"]])
             for mark in viewer.highlights]  # fmt: skip
    assert kinds[0][0] == "current" and kinds[2] == (
        "ground", "Separately, your response took 31 working days."
    )  # fmt: skip


def test_a_card_corrects_the_ground_and_records_the_finding(seed_case, store, messages):
    page = _page(_with_grounds(seed_case, store), messages)
    card = one(page.widget, "wb-ground-g3")
    one(card, "wb-ground-category").value = "other"
    one(card, "wb-ground-summary").value = "Says the reply was late"
    one(card, "wb-ground-points").value = "2"
    one(card, "wb-ground-provisions").value = "section 10(1)"
    one(card, "wb-ground-finding").value = "upheld"
    one(card, "wb-ground-reasons").value = "We took 31 working days."
    [apology] = [b for b in all_with(card, "wb-remedies")[0].children
                 if b.description == "Apologise for the delay"]  # fmt: skip
    apology.value = True
    ground = store.get(SEED_ID).ground("g3")
    assert (ground.category, ground.summary) == ("other", "Says the reply was late")
    assert ground.points == ["2"] and ground.provisions == ["s.10(1)"]
    assert (ground.finding, ground.reasons) == ("upheld", "We took 31 working days.")
    assert ground.remedies == ["apologise_for_delay"]
    assert "corrected by the reviewer" in page_text(card) and "Answered." in page_text(card)
    assert messages.texts == []


def test_a_proposal_is_shown_then_used_only_when_the_reviewer_says_so(seed_case, store, messages):
    session = _with_grounds(seed_case, store)
    session.edit("procedural.timeliness", "late")
    page = _page(session, messages)
    card = one(page.widget, "wb-ground-g3")
    assert "Your findings propose: <b>Upheld</b>, because the response was late" in page_text(card)
    assert store.get(SEED_ID).ground("g3").finding is None
    button(card, "Use this proposal").click()
    ground = store.get(SEED_ID).ground("g3")
    assert ground.finding == "upheld" and ground.remedies == ["apologise_for_delay"]
    assert one(one(page.widget, "wb-ground-g1"), "wb-accept-proposal").disabled  # none for g1


def test_grounds_are_split_merged_moved_deleted_and_added(seed_case, store, messages):
    page = _page(_with_grounds(seed_case, store), messages)
    button(one(page.widget, "wb-ground-g1"), "Split in two").click()
    assert _ids(page) == ["g1a", "g1b", "g2", "g3"]
    card = one(page.widget, "wb-ground-g1a")
    one(card, "wb-merge-ground-with").value = "g1b"
    button(card, "Merge").click()
    assert _ids(page) == ["g1a", "g2", "g3"]
    button(one(page.widget, "wb-ground-g3"), "Move up").click()
    assert _ids(page) == ["g1a", "g3", "g2"]
    button(one(page.widget, "wb-ground-g2"), "Delete").click()
    assert _ids(page) == ["g1a", "g3"]
    form = one(page.widget, "wb-add-ground-form")
    one(form, "wb-new-ground-category").value = "fees"
    one(form, "wb-new-ground-summary").value = "Charged £10 for copies"
    button(form, "Add the ground").click()
    assert _ids(page) == ["g1a", "g3", "g4"]
    assert store.get(SEED_ID).ground("g4").category == "fees"
    assert messages.texts == []


def test_words_selected_in_the_request_become_a_grounds_words_or_a_new_ground(
    seed_case, store, messages
):
    page = _page(_with_grounds(seed_case, store), messages)
    viewer = page.document
    text = viewer.review_request_text
    start = text.index("I find it very hard")
    viewer._received(viewer, {"action": "quote", "point": "g1", "source": "review_request",
                              "start": start, "end": start + 30}, [])  # fmt: skip
    assert store.get(SEED_ID).ground("g1").quote == "I find it very hard to believe"
    start = text.index("I think there must be more emails")
    viewer._received(viewer, {"action": "new", "point": "", "source": "review_request",
                              "start": start, "end": start + 33}, [])  # fmt: skip
    added = store.get(SEED_ID).requester_grounds
    assert [g.id for g in added] == ["g1", "g4", "g2", "g3"]  # in the order raised
    assert added[1].category == "more_information_held" and added[1].added_by_reviewer
    viewer._received(
        viewer,
        {"action": "text", "point": "g1", "source": "review_request", "start": 0, "end": 5},
        [],
    )  # a point's action: not offered here
    assert len(store.get(SEED_ID).requester_grounds) == 4


def test_a_bad_provision_is_a_message_and_the_box_shows_what_is_saved(seed_case, store, messages):
    page = _page(_with_grounds(seed_case, store), messages)
    box = one(one(page.widget, "wb-ground-g1"), "wb-ground-provisions")
    box.value = "section 999 of the Dog Act"
    (shown,) = messages.texts
    assert "Unknown provision" in shown and box.value == ""


def test_a_low_confidence_ground_says_check_this(seed_case, store, messages):
    session = _with_grounds(seed_case, store)
    review = session.review.with_value("requester_grounds.0.confidence", 0.2)
    session.store.save(review, "ann", session.token)
    session.reload()
    page = _page(session, messages)
    card = one(page.widget, "wb-ground-g1")
    assert "Check this" in page_text(card) and "confidence 0.20" in page_text(card)
    assert page.document.highlights[0]["kind"] == "current"
    assert page.document.highlights[1]["kind"] == "ground"

"""The Provisions tab: catalogue questions that follow the answers, without losing any."""

from __future__ import annotations

import ipywidgets as widgets
from review_page_fixtures import SEED_ID, audit_rows, one, page_text, walk

from workbench.dashboard.provisions_page import ProvisionsPage
from workbench.service import ReviewSession


def _page(session, messages) -> ProvisionsPage:
    return ProvisionsPage(session, messages.guard)


def _shown_questions(page: ProvisionsPage) -> list[str]:
    return [
        css.removeprefix("wb-question-").replace("-", "_")
        for w in walk(page.widget)
        for css in getattr(w, "_dom_classes", ())
        if css.startswith("wb-question-") and css != "wb-question-text"
    ]


def _answer(page: ProvisionsPage, question_id: str) -> widgets.Dropdown:
    row = one(page.widget, f"wb-question-{question_id.replace('_', '-')}")
    (dropdown,) = [w for w in walk(row) if isinstance(w, widgets.Dropdown)]
    return dropdown


def test_s40_2_shows_its_title_and_only_the_questions_that_apply(session, messages):
    page = _page(session, messages)
    text = page_text(page.widget)
    assert "s.40(2): Third-party personal data" in text
    assert "Applied to point(s): 1" in text
    assert "No public interest test" in text
    assert _shown_questions(page) == ["personal_data", "deceased", "notice_shows_steps"]
    assert [label for label, _ in _answer(page, "personal_data").options] == [
        "— not decided —",
        "Yes",
        "No",
        "Unsure",
    ]


def test_an_answer_is_saved_and_brings_up_the_questions_it_opens(session, store, messages):
    page = _page(session, messages)
    _answer(page, "personal_data").value = "yes"

    assert store.get(SEED_ID).provisions[0].answers == {"personal_data": "yes"}
    assert ("edit", "provisions.0.answers.personal_data", "yes") in audit_rows(store)
    assert _shown_questions(page) == [
        "personal_data",
        "identifiable",
        "deceased",
        "principle",
        "law_at_date",
        "legitimate_interest",
        "special_category",
        "notice_shows_steps",
    ]
    assert _answer(page, "personal_data").value == "yes"


def test_changing_an_answer_never_wipes_the_others(session, store, messages):
    page = _page(session, messages)
    _answer(page, "personal_data").value = "yes"
    _answer(page, "legitimate_interest").value = "yes"
    _answer(page, "special_category").value = "no"
    _answer(page, "notice_shows_steps").value = "no"

    _answer(page, "personal_data").value = "no"

    assert _shown_questions(page) == ["personal_data", "deceased", "notice_shows_steps"]
    assert _answer(page, "notice_shows_steps").value == "no"
    assert store.get(SEED_ID).provisions[0].answers == {
        "personal_data": "no",
        "legitimate_interest": "yes",
        "special_category": "no",
        "notice_shows_steps": "no",
    }

    _answer(page, "personal_data").value = "yes"  # the hidden answers come back with them
    assert _answer(page, "legitimate_interest").value == "yes"
    assert _answer(page, "reasonably_necessary").value == ""
    assert _answer(page, "special_category").value == "no"


def test_clearing_an_answer_removes_only_that_answer(session, store, messages):
    page = _page(session, messages)
    _answer(page, "personal_data").value = "unsure"
    _answer(page, "notice_shows_steps").value = "yes"
    _answer(page, "notice_shows_steps").value = ""
    assert store.get(SEED_ID).provisions[0].answers == {"personal_data": "unsure"}


def test_engaged_finding_and_reasons_are_saved(session, store, messages):
    page = _page(session, messages)
    one(page.widget, "wb-provision-engaged").value = "yes"
    one(page.widget, "wb-provision-finding").value = "upheld_in_part"
    (reasons,) = [w for w in walk(page.widget) if isinstance(w, widgets.Textarea)]
    reasons.value = "Names of junior staff can be released."
    saved = store.get(SEED_ID).provisions[0]
    assert (saved.engaged.value, saved.finding.value) == ("yes", "upheld_in_part")
    assert saved.reasons == "Names of junior staff can be released."


def test_a_qualified_provision_records_the_public_interest_test(session, store, messages):
    session.edit("provisions.-", {"provision_id": "s.43(2)", "points": ["2"]})
    page = _page(session, messages)
    text = page_text(page.widget)
    assert "s.43(2): " in text and "The public interest test" in text

    one(page.widget, "wb-pit-for-disclosure").value = "Transparency about <b>spending</b>"
    one(page.widget, "wb-pit-for-withholding").value = "Commercial harm"
    one(page.widget, "wb-pit-favours").value = "disclosure"

    test = store.get(SEED_ID).provisions[1].public_interest
    assert test.for_disclosure == "Transparency about <b>spending</b>"
    assert test.for_withholding == "Commercial harm"
    assert test.favours.value == "disclosure"
    assert store.get(SEED_ID).provisions[0].public_interest is None


def test_a_provision_missing_from_the_catalogue_still_takes_a_finding(session, store, messages):
    session.edit("provisions.-", {"provision_id": "s.99"})
    page = _page(session, messages)
    assert "s.99: Not in the provisions catalogue" in page_text(page.widget)
    findings = [w for w in walk(page.widget) if "wb-provision-finding" in w._dom_classes]
    findings[1].value = "not_upheld"
    assert store.get(SEED_ID).provisions[1].finding.value == "not_upheld"


def test_reopening_shows_the_saved_answers(session, store, messages):
    page = _page(session, messages)
    _answer(page, "personal_data").value = "yes"
    _answer(page, "legitimate_interest").value = "no"

    again = _page(ReviewSession.open(SEED_ID, store=store), messages)
    assert _answer(again, "personal_data").value == "yes"
    assert _answer(again, "legitimate_interest").value == "no"
    assert "reasonably_necessary" not in _shown_questions(again)

"""The Outcome and letter page: outcome and override, change reasons, preview, files, sign-off."""

from __future__ import annotations

import datetime as dt
import io

import docx
import openpyxl
import pytest

from workbench import serve, settings
from workbench.dashboard.messages import Messages
from workbench.dashboard.outcome_page import OutcomePage
from workbench.outcomes import ChangeReason
from workbench.service import ReviewSession
from workbench.store import Store

SEED_ID = "IC-266000-V6Y0"
TODAY = dt.date(2024, 3, 1)
FINDING_2 = "The searches for point 2 were not described; new searches are needed."


@pytest.fixture
def messages() -> Messages:
    return Messages()


@pytest.fixture
def session(seed_case):
    session = ReviewSession.open(SEED_ID, who="A. Reviewer", download_url=serve.download_url)
    yield session
    session.close()


@pytest.fixture
def page(session, messages) -> OutcomePage:
    return OutcomePage(session, messages.guard, today=TODAY)


def _decide_all(session: ReviewSession, point_2: str = "correct") -> None:
    for index, label in enumerate(("1", "2", "3a", "3b")):
        session.edit(f"points.{index}.finding", point_2 if label == "2" else "correct")
    session.edit("provisions.0.finding", "upheld")


def _outcome_text(page: OutcomePage) -> str:
    return page.widget.children[2].children[1].value


def _saved():
    with Store() as store:
        return store.get(SEED_ID)


def test_the_derived_outcome_is_shown_in_the_schemes_words(page, session):
    assert "do not add up to an outcome yet" in _outcome_text(page)
    session.edit("points.0.finding", "correct")
    page.refresh()
    text = _outcome_text(page)
    assert "<b>Original decision maintained</b>" in text
    assert "Cabinet Office central-government FOI statistics: <b>Upheld in full</b>" in text
    assert "Provisional: no finding yet for point 2, point 3a, point 3b, provision s.40(2)" in text

    _decide_all(session, point_2="incorrect")
    page.refresh()
    text = _outcome_text(page)
    assert "<b>Original decision partly changed</b>" in text and "<b>Upheld in part</b>" in text
    assert "Provisional" not in text


def test_an_override_needs_a_reason(page, messages):
    page.override_choice.value = "reversed"
    page.override_button.click()
    (shown,) = messages.texts
    assert "Give a reason for overriding the outcome" in shown
    assert _saved().outcome_override is None
    assert page.override_choice.value == "reversed"  # the choice is kept to add a reason

    page.override_reason.value = "The requester withdrew point 3 by email."
    page.override_button.click()
    assert messages.texts == []
    override = _saved().outcome_override
    assert override.outcome == "reversed" and override.reason.startswith("The requester")
    assert "Overridden by the reviewer: <b>Original decision reversed</b>" in _outcome_text(page)
    assert "<b>Overturned</b>" in _outcome_text(page)

    page.override_choice.value = ""
    page.override_button.click()
    assert _saved().outcome_override is None
    assert "Overridden" not in _outcome_text(page)


def test_change_reasons_are_ticked_and_suggested_from_the_findings(page, session, messages):
    box = page.reason_boxes[ChangeReason.SEARCHES_INADEQUATE]
    assert box.description == "Searches not adequate or information missed"
    session.edit("points.1.remedies", ["new_searches"])
    page.refresh()
    assert box.description.endswith("(suggested by your findings)")
    box.value = True
    page.reason_boxes[ChangeReason.PROCEDURAL_ONLY].value = True
    page.reason_boxes[ChangeReason.PROCEDURAL_ONLY].value = False
    assert messages.texts == []
    assert _saved().change_reasons == [ChangeReason.SEARCHES_INADEQUATE]


def test_the_preview_is_the_exported_letter_in_a_sandboxed_frame(page, session):
    session.edit("points.1.finding", "incorrect")
    session.edit("points.1.reasons", FINDING_2)
    page.refresh()
    preview = page.preview.value
    assert preview.startswith("<iframe class='wb-letter' sandbox=''")
    letter = page.letter_html()
    assert FINDING_2 in letter
    assert "srcdoc='" in preview and "&lt;html" in preview  # the letter, attribute-escaped
    assert "IC-266000-V6Y0" in preview


def test_requester_text_with_markup_is_text_in_the_preview(page, session):
    grounds = "<script>alert(1)</script> and <img src=x onerror=alert(2)>"
    session.edit("grounds", grounds)
    page.refresh()
    letter = page.letter_html()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in letter
    assert "<script>alert(1)" not in letter and "<img src=x" not in letter
    preview = page.preview.value
    assert "<script" not in preview and "<img" not in preview
    # Inside the frame's srcdoc the escaped letter is escaped once more for the attribute.
    assert "&amp;lt;script&amp;gt;alert(1)" in preview


def test_the_files_are_written_to_the_output_folder_and_offered_as_links(page, session):
    session.edit("points.1.finding", "incorrect")
    session.edit("points.1.reasons", FINDING_2)
    page.refresh()
    buttons = {
        fmt: next(b for b in _buttons(page) if f"wb-export-{fmt}" in b._dom_classes)
        for fmt in ("docx", "html", "xlsx")
    }
    for button in buttons.values():
        button.click()
    folder = settings.output_dir() / SEED_ID
    written = sorted(p.name for p in folder.iterdir())
    assert written == [f"IC-266000-V6Y0-review-v1.{fmt}" for fmt in ("docx", "html", "xlsx")]
    links = page.links.value
    for name in written:
        assert f"download='{name}'" in links
        assert "/voila/files/" in links and f"/{SEED_ID}/{name}'" in links
    assert "data:" not in links

    letter = docx.Document(io.BytesIO((folder / written[0]).read_bytes()))
    assert any(FINDING_2 in p.text for p in letter.paragraphs)
    book = openpyxl.load_workbook(folder / written[2], read_only=True)
    cells = [
        c for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for c in row
    ]
    assert FINDING_2 in cells


def _buttons(page: OutcomePage) -> list:
    found = []
    stack = list(page.widget.children)
    while stack:
        widget = stack.pop()
        if widget.__class__.__name__ == "Button":
            found.append(widget)
        stack.extend(getattr(widget, "children", ()))
    return found


def test_sign_off_needs_a_name_and_everything_recorded(page, session, messages):
    page.signed_by.value = "  "
    page.complete_button.click()
    (shown,) = messages.texts
    assert "Type your name in &#x27;Signed off by&#x27;" in shown

    page.signed_by.value = "A. Reviewer"
    page.complete_button.click()
    (shown,) = messages.texts
    assert "cannot be completed yet" in shown and "a finding for point 3a" in shown
    assert _saved().sign_off is None
    missing = page.widget.children[-1].children[1].value
    assert "a finding for provision s.40(2)" in missing


def test_a_missing_change_reason_points_to_the_boxes_to_tick(page, session):
    _decide_all(session, point_2="incorrect")
    page.refresh()
    missing = page.widget.children[-1].children[1].value
    assert "at least one reason for the change" in missing
    assert "tick one under “Why the decision changed”" in missing
    assert ChangeReason.EXCESSIVE_REDACTION.value not in missing


def test_completing_freezes_the_review_and_a_new_version_can_be_started(page, session, messages):
    _decide_all(session)
    page.refresh()
    assert "Everything needed is recorded" in page.widget.children[-1].children[1].value
    page.signed_by.value = "A. Reviewer"
    page.complete_button.click()
    assert messages.texts == []
    saved = _saved()
    assert saved.is_frozen and saved.sign_off.name == "A. Reviewer"

    banner = page.widget.children[1].value
    assert "<b>Completed.</b> Version 1 was signed off by A. Reviewer" in banner
    assert "It is frozen" in banner
    assert page.override_choice.disabled and page.override_button.disabled
    assert all(box.disabled for box in page.reason_boxes.values())
    # The signed-off letter can still be written.
    paths = page.export(["docx"])
    assert paths[0].is_file()

    page.new_version_button.click()
    assert messages.texts == []
    assert _saved().version == 2 and not _saved().is_frozen
    assert "Version 2, draft" in page.widget.children[1].value
    assert not page.override_choice.disabled


def test_a_change_after_sign_off_is_refused_with_a_message(page, session, messages):
    _decide_all(session)
    session.complete("A. Reviewer")
    page.refresh()
    stale = page.reason_boxes[ChangeReason.NEW_CIRCUMSTANCES]
    stale.disabled = False  # a page that still offered the box (another tab, say)
    stale.value = True
    (shown,) = messages.texts
    assert "completed and frozen" in shown
    assert _saved().change_reasons == []

"""attachments-missing: 'attached' wording with no attachment in the document."""

from tests.check_letters import LETTERS, context, letter, run
from workbench.checks import CheckContext, Severity
from workbench.documents import load_document
from workbench.parsing.model import Extraction


def _eml_context(name: str) -> CheckContext:
    doc = load_document(LETTERS / name)
    return CheckContext.from_extraction(
        doc.text, Extraction(), response_format=doc.format, response_metadata=doc.metadata
    )


def test_an_email_saying_please_find_attached_with_no_attachment_is_an_issue():
    [finding] = run("attachments-missing", _eml_context("attachment_missing.eml"))
    assert finding.severity is Severity.ISSUE
    assert finding.evidence[0].quote.startswith("Please find attached the minutes")


def test_an_email_carrying_the_attachment_satisfies_the_check():
    assert run("attachments-missing", _eml_context("attachment_present.eml")) == []


def test_a_plain_text_letter_referring_to_an_attachment_asks_the_reviewer_to_confirm():
    [finding] = run("attachments-missing", context(letter("review_window.txt")))
    assert finding.severity is Severity.INFO
    assert "cannot tell" in finding.explanation


def test_a_letter_that_attaches_nothing_is_not_flagged():
    assert run("attachments-missing", context(letter("searches_missing.txt"))) == []

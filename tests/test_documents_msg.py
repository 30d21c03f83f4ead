"""Outlook messages (.msg) load like any other document: body as text, the rest as metadata.

The messages are built by the tests (``tests/msg_fixtures.py``) in the layout
Outlook saves, so every case here is a real compound file, read by the same
loader and refused with the same family of errors as the other formats.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
from msg_fixtures import Attachment, build_msg, build_ole_document

from tests.pdf_fixtures import make_pdf
from workbench.checks import CheckContext, run_checks
from workbench.documents import load_bytes, load_document
from workbench.errors import DocumentError, DocumentTooLarge, UnreadableDocument
from workbench.parsing.extract import extract, guess_case_metadata

PDF = Attachment("disclosure.pdf", b"%PDF-1.4 the disclosed minutes", "application/pdf")


def test_a_message_gives_its_body_sender_date_and_attachments(tmp_path: Path) -> None:
    path = tmp_path / "Internal review request.msg"
    path.write_bytes(build_msg(attachments=[PDF]))
    document = load_document(path)
    assert document.format == "msg" and document.is_email
    assert document.text == "Dear FOI team,\nPlease review my request.\nJo Bloggs"
    meta = document.metadata
    assert meta["subject"] == "Internal review of FOI 2023/0456"
    assert meta["from"] == "Jo Bloggs <jo.bloggs@example.org>"
    assert meta["to"] == "FOI Team <foi@council.example.gov.uk>"
    assert meta["date"] == "2024-01-15T09:30:00+00:00"
    assert meta["body_format"] == "plain"
    assert meta["attachments"] == [
        {"filename": "disclosure.pdf", "content_type": "application/pdf", "size": 30}
    ]


def test_every_attachment_is_listed_and_none_is_read() -> None:
    files = [PDF, Attachment("searches.xlsx", b"PK\x03\x04 not opened", "application/vnd.ms-excel")]
    document = load_bytes(build_msg(attachments=files), "request.msg")
    assert [a["filename"] for a in document.metadata["attachments"]] == [
        "disclosure.pdf",
        "searches.xlsx",
    ]
    assert "the disclosed minutes" not in document.text


def test_an_html_only_message_is_read_as_text() -> None:
    html = "<html><body><p>Please review <b>point 2</b>.</p><script>x()</script></body></html>"
    document = load_bytes(build_msg(body=None, html=html), "request.msg")
    assert document.metadata["body_format"] == "html"
    assert "Please review point 2." in document.text
    assert "x()" not in document.text


def test_an_uploaded_message_keeps_only_its_file_name() -> None:
    document = load_bytes(build_msg(), "../../etc/request.msg")
    assert document.filename == "request.msg" and document.path is None


def test_the_extractor_takes_the_date_and_reference_a_letter_leaves_out(tmp_path: Path) -> None:
    """As for .eml: the sent date is the response date, and the subject carries the reference."""
    body = (
        "Dear Ms Bloggs,\r\n\r\nWe received your request on 2 January 2024 and have handled it "
        "under the Freedom of Information Act 2000. We hold the information and enclose it.\r\n"
    )
    path = tmp_path / "response.msg"
    path.write_bytes(build_msg(subject="Your request FOI 2024/0012", body=body))
    assert extract(body).date_of_response is None  # the letter itself does not say
    meta = guess_case_metadata({"response": path})
    assert meta["reference"] == "FOI 2024/0012"
    assert meta["date_responded"] == dt.date(2024, 1, 15)


def test_the_attachments_check_sees_a_message_s_attachments() -> None:
    body = "Dear Jo,\r\nPlease find attached the minutes you asked for.\r\n"

    def findings(attachments: list[Attachment]) -> list[str]:
        document = load_bytes(build_msg(body=body, attachments=attachments), "response.msg")
        context = CheckContext.from_extraction(
            document.text,
            extract(document.text),
            response_format=document.format,
            response_metadata=document.metadata,
        )
        return [f.title for f in run_checks(context, only=["attachments-missing"])]

    assert findings([PDF]) == []
    assert findings([]) == ["Attachment referred to but the email has none"]


# --------------------------------------------------------------------------- errors


def test_an_empty_message_file_is_refused() -> None:
    with pytest.raises(UnreadableDocument, match=r"^empty\.msg is empty \(0 bytes\)\.$"):
        load_bytes(b"", "empty.msg")


def test_bytes_that_are_not_a_message_are_refused_with_what_they_look_like() -> None:
    with pytest.raises(UnreadableDocument) as caught:
        load_bytes(make_pdf([["A letter"]]), "letter.msg")
    assert str(caught.value) == (
        "letter.msg is not a valid Outlook message (.msg) file. It looks like a PDF: "
        "rename it to .pdf."
    )
    with pytest.raises(UnreadableDocument, match=r"^notes\.msg is not a valid Outlook message"):
        load_bytes(b"Just some text, saved with the wrong name.\n" * 50, "notes.msg")


def test_another_office_file_named_msg_is_refused_saying_so() -> None:
    with pytest.raises(UnreadableDocument) as caught:
        load_bytes(build_ole_document(), "minutes.msg")
    assert str(caught.value).startswith(
        "minutes.msg is not an Outlook message: it is another kind of Office file"
    )


def test_a_message_saved_with_the_wrong_extension_says_rename_it() -> None:
    with pytest.raises(UnreadableDocument) as caught:
        load_bytes(build_msg(), "request.eml")
    assert str(caught.value).endswith("It looks like an Outlook message: rename it to .msg.")


def test_a_truncated_message_is_refused_as_corrupt_with_the_cause_kept() -> None:
    data = build_msg(attachments=[PDF])
    with pytest.raises(UnreadableDocument) as caught:
        load_bytes(data[: len(data) // 2], "cut.msg")
    assert str(caught.value) == (
        "cut.msg is not a valid Outlook message (.msg) file (it may be corrupt)."
    )
    assert caught.value.__cause__ is not None
    assert caught.value.path == "cut.msg"


def test_a_message_with_no_body_points_at_its_attachments() -> None:
    with pytest.raises(UnreadableDocument) as caught:
        load_bytes(build_msg(body=None, attachments=[PDF]), "forward.msg")
    assert str(caught.value) == (
        "forward.msg contains no text: the message has no body, only attachments "
        "(disclosure.pdf). Attachments are not read; save them and load them separately."
    )


def test_an_oversized_message_is_refused_before_it_is_read() -> None:
    data = build_msg(attachments=[Attachment("big.bin", b"\x00" * 20_000)])
    with pytest.raises(DocumentTooLarge, match=r"^big\.msg is .* over the .* limit"):
        load_bytes(data, "big.msg", max_bytes=10_000)


def test_any_damage_to_a_message_is_one_document_error_naming_the_file() -> None:
    """Flip bytes all over a real message: whatever breaks inside the libraries, the
    reviewer gets a DocumentError naming the file (or the message still loads)."""
    original = build_msg(attachments=[PDF])
    rng = random.Random(15)
    for _ in range(60):
        damaged = bytearray(original)
        for _ in range(rng.randint(1, 40)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        try:
            load_bytes(bytes(damaged), "damaged.msg")
        except DocumentError as error:
            assert "damaged.msg" in str(error)

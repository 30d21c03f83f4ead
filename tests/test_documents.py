"""Loading each supported format into text and metadata (the happy paths).

Every fixture is built here, in tmp_path or in memory, so the tests say exactly
what is in each file. Error cases are in test_documents_errors.py.
"""

from __future__ import annotations

import builtins
import copy
import dataclasses
import io
import os
import pathlib
from email.message import EmailMessage
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from tests.pdf_fixtures import encrypt_pdf, make_pdf, make_text_pdf
from workbench.documents import SUPPORTED_EXTENSIONS, Document, load_bytes, load_document

# --------------------------------------------------------------------------- builders


def build_docx(path: Path | None = None) -> bytes:
    """A letter with a heading, a table between paragraphs and a numbered list."""
    document = docx.Document()
    document.core_properties.title = "Internal review outcome"
    document.core_properties.author = "Information Rights Team"
    document.add_heading("Internal review", level=1)
    document.add_paragraph("We have reviewed the handling of your request.")
    table = document.add_table(rows=3, cols=3)
    rows = [
        ("Part", "Exemption", "Outcome"),
        ("1", "Section 40(2)", "Upheld"),
        ("2", "Section 43(2)", "Overturned"),
    ]
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.add_paragraph("First, the exemption was engaged.", style="List Number")
    document.add_paragraph("Second, the public interest favours disclosure.", style="List Number")
    document.add_paragraph("Yours sincerely")
    buffer = io.BytesIO()
    document.save(buffer)
    if path is not None:
        path.write_bytes(buffer.getvalue())
    return buffer.getvalue()


def build_eml(*, html_only: bool = False, with_attachment: bool = True) -> bytes:
    """An email like a review request: plain + HTML alternatives and a PDF attached."""
    message = EmailMessage()
    message["Subject"] = "Internal review request – FOI 2024/0173"
    message["From"] = "Jo Bloggs <jo@example.org>"
    message["To"] = "foi@council.example.gov.uk"
    message["Date"] = "Tue, 05 Mar 2024 14:30:00 +0000"
    html = (
        "<html><head><title>Ignored title</title><style>p {color: red}</style></head>"
        "<body><p>Dear FOI team,</p><p>Please review the &pound;450 cost estimate &amp; "
        "the use of section&nbsp;12.</p><script>alert('x')</script>"
        "<ul><li>Point one</li><li>Point two</li></ul>"
        "<table><tr><th>Date</th><th>Event</th></tr><tr><td>1 Feb</td><td>Request</td></tr>"
        "</table>Regards,<br>Jo</body></html>"
    )
    if html_only:
        message.set_content(html, subtype="html")
    else:
        message.set_content(
            "Dear FOI team,\n\nPlease review the £450 cost estimate.\n\nRegards,\nJo\n"
        )
        message.add_alternative(html, subtype="html")
    if with_attachment:
        message.add_attachment(
            b"%PDF-1.4 fake", maintype="application", subtype="pdf", filename="response.pdf"
        )
    return message.as_bytes()


# --------------------------------------------------------------------------- plain text


def test_utf8_text_is_kept_exactly_except_newlines(tmp_path: Path) -> None:
    path = tmp_path / "response.txt"
    path.write_bytes("  Indented\tline £5 \r\nsecond line\rthird\n\n".encode())
    document = load_document(path)
    assert document.text == "  Indented\tline £5 \nsecond line\nthird\n\n"
    assert document.format == "txt"
    assert document.filename == "response.txt"
    assert document.path == path
    assert document.metadata["encoding"] == "utf-8"
    assert document.metadata["size_bytes"] == path.stat().st_size


def test_utf8_bom_is_removed_so_offsets_start_at_the_text(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_bytes(b"\xef\xbb\xbf# Heading\r\n\r\nBody")
    document = load_document(path)
    assert document.text == "# Heading\n\nBody"
    assert document.format == "md"
    assert document.metadata["encoding"] == "utf-8-sig"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be"])
def test_utf16_with_bom(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "letter.txt"
    text = "Request for “all minutes” – fee £0\r\nSecond line"
    data = text.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    path.write_bytes(data)
    document = load_document(path)
    assert document.text == "Request for “all minutes” – fee £0\nSecond line"
    assert document.metadata["encoding"].startswith("utf-16")


def test_cp1252_pound_sign_and_curly_quotes_are_detected(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    text = "The cost limit is £450 and we “withheld” the officer’s name – see section 40(2).\r\n"
    path.write_bytes(text.encode("cp1252"))
    document = load_document(path)
    assert document.text == text.replace("\r\n", "\n")
    assert document.metadata["encoding"] == "cp1252"


def test_very_short_cp1252_text_is_not_misread_as_utf16() -> None:
    # charset-normalizer alone guesses UTF-16 for these two bytes.
    document = load_bytes("£5".encode("cp1252"), "fee.txt")
    assert document.text == "£5"


def test_latin1_text_decodes(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    text = "Café minutes, fee £3, ref: naïve résumé.\n"
    path.write_bytes(text.encode("latin-1"))
    assert load_document(path).text == text


def test_cyrillic_cp1251_is_left_to_the_detector() -> None:
    text = "Привет, это тестовый документ на русском языке. Запрос о свободе информации."
    document = load_bytes(text.encode("cp1251"), "russian.txt")
    assert document.text == text
    assert document.metadata["encoding"] == "cp1251"


def test_bomless_utf16_is_recognised() -> None:
    document = load_bytes("Plain ASCII request text".encode("utf-16-le"), "request.txt")
    assert document.text == "Plain ASCII request text"
    assert document.metadata["encoding"] == "utf-16-le"


# --------------------------------------------------------------------------- email


def test_eml_prefers_plain_text_and_lists_attachments(tmp_path: Path) -> None:
    path = tmp_path / "review_request.eml"
    path.write_bytes(build_eml())
    document = load_document(path)
    assert document.format == "eml"
    assert (
        document.text == "Dear FOI team,\n\nPlease review the £450 cost estimate.\n\nRegards,\nJo\n"
    )
    meta = document.metadata
    assert meta["subject"] == "Internal review request – FOI 2024/0173"
    assert meta["from"] == "Jo Bloggs <jo@example.org>"
    assert meta["to"] == "foi@council.example.gov.uk"
    assert meta["date"] == "2024-03-05T14:30:00+00:00"
    assert meta["body_format"] == "plain"
    assert meta["attachments"] == [
        {"filename": "response.pdf", "content_type": "application/pdf", "size": 13}
    ]


def test_eml_headers_are_not_in_the_text() -> None:
    document = load_bytes(build_eml(), "request.eml")
    assert "Subject" not in document.text
    assert "jo@example.org" not in document.text


def test_html_only_eml_is_converted_to_text() -> None:
    document = load_bytes(build_eml(html_only=True, with_attachment=False), "request.eml")
    assert document.metadata["body_format"] == "html"
    assert document.metadata["attachments"] == []
    assert document.text == (
        "Dear FOI team,\n\n"
        "Please review the £450 cost estimate & the use of section 12.\n\n"
        "- Point one\n"
        "- Point two\n\n"
        "Date | Event\n"
        "1 Feb | Request\n\n"
        "Regards,\n"
        "Jo"
    )
    for dropped in ("Ignored title", "color: red", "alert"):
        assert dropped not in document.text


def test_eml_mislabelled_latin1_body_uses_windows_1252() -> None:
    raw = (
        b"From: a@example.org\r\nSubject: quotes\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: text/plain; charset="iso-8859-1"\r\n'
        b"Content-Transfer-Encoding: 8bit\r\n\r\n"
        b"We \x93withheld\x94 it \x96 \xa3450.\r\n"
    )
    document = load_bytes(raw, "quotes.eml")
    assert document.text == "We “withheld” it – £450.\n"


def test_eml_with_an_unparseable_date_keeps_the_raw_value() -> None:
    raw = b"From: a@example.org\r\nDate: sometime last week\r\nSubject: s\r\n\r\nBody text\r\n"
    document = load_bytes(raw, "odd.eml")
    assert document.metadata["date"] is None
    assert document.metadata["date_raw"] == "sometime last week"
    assert document.text == "Body text\n"


def test_eml_nested_attachments_and_attached_email_are_listed() -> None:
    inner = EmailMessage()
    inner["Subject"] = "Original request"
    inner.set_content("The original request.")
    outer = EmailMessage()
    outer["From"] = "a@example.org"
    outer["Subject"] = "Fwd"
    outer.set_content("See attached.")
    outer.add_attachment(inner)
    outer.add_attachment(b"a,b\n1,2\n", maintype="text", subtype="csv", filename="log.csv")
    document = load_bytes(outer.as_bytes(), "fwd.eml")
    assert document.text == "See attached.\n"
    types = [item["content_type"] for item in document.metadata["attachments"]]
    assert types == ["message/rfc822", "text/csv"]
    assert document.metadata["attachments"][1] == {
        "filename": "log.csv",
        "content_type": "text/csv",
        "size": 8,
    }


# --------------------------------------------------------------------------- docx


def test_docx_paragraphs_and_table_rows_in_document_order(tmp_path: Path) -> None:
    path = tmp_path / "outcome.docx"
    build_docx(path)
    document = load_document(path)
    assert document.format == "docx"
    assert document.text.split("\n") == [
        "Internal review",
        "We have reviewed the handling of your request.",
        "Part | Exemption | Outcome",
        "1 | Section 40(2) | Upheld",
        "2 | Section 43(2) | Overturned",
        "First, the exemption was engaged.",
        "Second, the public interest favours disclosure.",
        "Yours sincerely",
    ]
    assert document.metadata == {
        "title": "Internal review outcome",
        "author": "Information Rights Team",
        "paragraphs": 5,
        "tables": 1,
        "size_bytes": path.stat().st_size,
    }


def test_docx_merged_cells_appear_once() -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Merged heading"
    table.cell(0, 2).text = "Right"
    for index, cell in enumerate(table.rows[1].cells):
        cell.text = f"c{index}"
    buffer = io.BytesIO()
    document.save(buffer)
    loaded = load_bytes(buffer.getvalue(), "merged.docx")
    assert loaded.text.split("\n") == ["Merged heading | Right", "c0 | c1 | c2"]


def test_docx_keeps_text_python_docx_paragraph_text_would_drop() -> None:
    """Tracked insertions and content controls are visible text; deletions are not."""
    document = docx.Document()
    paragraph = document.add_paragraph("Kept ")
    inserted = copy.deepcopy(paragraph.runs[0]._r)
    inserted.find(qn("w:t")).text = "inserted "
    ins = paragraph._p.makeelement(qn("w:ins"), {qn("w:id"): "1", qn("w:author"): "A"})
    ins.append(inserted)
    paragraph._p.append(ins)
    control = paragraph._p.makeelement(qn("w:sdt"), {})
    content = control.makeelement(qn("w:sdtContent"), {})
    in_control = copy.deepcopy(paragraph.runs[0]._r)
    in_control.find(qn("w:t")).text = "in a control"
    content.append(in_control)
    control.append(content)
    paragraph._p.append(control)
    deleted_run = copy.deepcopy(paragraph.runs[0]._r)
    text_element = deleted_run.find(qn("w:t"))
    text_element.tag = qn("w:delText")
    text_element.text = " deleted"
    deletion = paragraph._p.makeelement(qn("w:del"), {qn("w:id"): "2", qn("w:author"): "A"})
    deletion.append(deleted_run)
    paragraph._p.append(deletion)
    buffer = io.BytesIO()
    document.save(buffer)
    assert load_bytes(buffer.getvalue(), "tracked.docx").text == "Kept inserted in a control"


# --------------------------------------------------------------------------- pdf


def test_pdf_pages_are_joined_with_a_blank_line(tmp_path: Path) -> None:
    path = tmp_path / "response.pdf"
    path.write_bytes(
        make_pdf(
            [["Dear Ms Smith,", "Fee: £450 “estimate”"], ["Section 40(2) applies."]],
            title="FOI response",
        )
    )
    document = load_document(path)
    assert document.format == "pdf"
    assert document.text == "Dear Ms Smith,\nFee: £450 “estimate”\n\nSection 40(2) applies."
    meta = document.metadata
    assert meta["pages"] == 2
    assert meta["title"] == "FOI response"
    assert meta["page_starts"] == [0, document.text.index("Section")]
    assert meta["pages_without_text"] == []


def test_pdf_with_some_image_only_pages_loads_and_reports_them() -> None:
    document = load_bytes(make_pdf([["Covering letter"], [], ["Annex"]]), "mixed.pdf")
    assert document.metadata["pages_without_text"] == [2]
    starts = document.metadata["page_starts"]
    assert document.text[starts[2] :] == "Annex"


def test_pdf_with_only_an_owner_password_opens() -> None:
    data = encrypt_pdf(make_pdf([["Restricted but readable"]]), "", owner_password="owner")
    assert load_bytes(data, "restricted.pdf").text == "Restricted but readable"


def test_200_page_pdf_loads_every_page() -> None:
    document = load_bytes(make_text_pdf(200, lines_per_page=30), "bundle.pdf")
    assert document.metadata["pages"] == 200
    assert "Page 200 line 30:" in document.text
    assert len(document.metadata["page_starts"]) == 200


# --------------------------------------------------------------------------- common


def test_load_document_and_load_bytes_agree(tmp_path: Path) -> None:
    path = tmp_path / "outcome.docx"
    data = build_docx(path)
    from_disk = load_document(str(path))
    uploaded = load_bytes(data, "outcome.docx")
    assert from_disk.text == uploaded.text
    assert from_disk.metadata == uploaded.metadata
    assert uploaded.path is None


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("../../etc/passwd.txt", "passwd.txt"),
        ("C:\\Users\\jo\\Desktop\\request.txt", "request.txt"),
        ("/absolute/path/request.txt", "request.txt"),
        ("REQUEST.TXT", "REQUEST.TXT"),
    ],
)
def test_load_bytes_uses_only_the_base_name(given: str, expected: str) -> None:
    document = load_bytes(b"Request text", given)
    assert document.filename == expected
    assert document.path is None


def test_load_bytes_never_touches_the_filesystem(monkeypatch: pytest.MonkeyPatch) -> None:
    pdf, eml, docx_bytes = make_pdf([["PDF text"]]), build_eml(), build_docx()

    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"filesystem touched: {args!r}")

    for target, name in [(builtins, "open"), (os, "open"), (os, "stat"), (pathlib.Path, "open")]:
        monkeypatch.setattr(target, name, forbidden)
    assert load_bytes(pdf, "../../etc/a.pdf").text == "PDF text"
    assert load_bytes(eml, "../b.eml").format == "eml"
    assert load_bytes(docx_bytes, "/etc/c.docx").format == "docx"
    assert load_bytes(b"text", "..\\..\\d.txt").text == "text"


def test_document_is_frozen_and_its_repr_leaves_out_the_text() -> None:
    document = load_bytes(b"A long confidential body", "note.txt")
    assert isinstance(document, Document)
    with pytest.raises(dataclasses.FrozenInstanceError):
        document.text = "changed"  # type: ignore[misc]
    assert "confidential" not in repr(document)
    assert "note.txt" in repr(document)


def test_extensions_are_case_insensitive_and_all_listed() -> None:
    assert set(SUPPORTED_EXTENSIONS.values()) == {"txt", "md", "eml", "msg", "docx", "pdf"}
    assert load_bytes(make_pdf([["Shouting"]]), "SCAN.PDF").format == "pdf"


def test_size_limit_from_settings_allows_files_up_to_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_MAX_UPLOAD_MB", "1")
    assert load_bytes(b"x" * (1024 * 1024), "exactly.txt").metadata["size_bytes"] == 1024 * 1024

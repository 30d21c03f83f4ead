"""Every way a document can fail to load, and what the reviewer is told.

The messages are shown to reviewers as they are, so the tests check the wording
(file named, problem stated, what to do), not just the exception type; and they
check that library exceptions are chained as ``__cause__``, never leaked.
"""

from __future__ import annotations

import io
import random
import zipfile
from email.message import EmailMessage
from pathlib import Path

import docx
import pytest
from lxml.etree import LxmlError
from pypdf.errors import PdfReadError

from tests.pdf_fixtures import encrypt_pdf, make_pdf
from workbench.documents import load_bytes, load_document
from workbench.errors import (
    DocumentError,
    DocumentTooLarge,
    UnreadableDocument,
    UnsupportedFormat,
)

SUPPORTED_LIST = "Supported types: .txt, .md, .eml, .msg, .docx, .pdf."


def small_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("Outcome: upheld.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Section 40(2)"
    table.cell(0, 1).text = "Upheld"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def small_eml() -> bytes:
    message = EmailMessage()
    message["From"] = "jo@example.org"
    message["Subject"] = "Review"
    message.set_content("Please review my request.")
    message.add_alternative("<p>Please review my <b>request</b>.</p>", subtype="html")
    return message.as_bytes()


def rezip(data: bytes, replace: dict[str, bytes] | None = None, drop: str = "") -> bytes:
    """Copy a zip, replacing or dropping members, to make damaged Office files."""
    replace = replace or {}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            if item.filename == drop:
                continue
            target.writestr(item, replace.get(item.filename, source.read(item.filename)))
    return out.getvalue()


# --------------------------------------------------------------------------- format


@pytest.mark.parametrize(
    ("name", "hint"),
    [
        ("report.doc", "(.doc: save it as .docx first)"),
        ("report.odt", "(.odt: save it as .docx first)"),
        ("report.rtf", "(.rtf: save it as .docx first)"),
    ],
)
def test_known_unsupported_formats_say_how_to_convert(name: str, hint: str) -> None:
    with pytest.raises(UnsupportedFormat) as caught:
        load_bytes(b"anything", name)
    message = str(caught.value)
    assert message.startswith(f"{name} is a .{name.split('.')[-1]} file")
    assert hint in message
    assert message.endswith(SUPPORTED_LIST)
    assert caught.value.path == name


def test_unknown_extension_lists_the_supported_ones(tmp_path: Path) -> None:
    path = tmp_path / "setup.exe"
    path.write_bytes(b"MZ\x90\x00")
    with pytest.raises(UnsupportedFormat) as caught:
        load_document(path)
    assert str(caught.value) == (
        f"setup.exe is a .exe file, which the workbench cannot read. {SUPPORTED_LIST}"
    )
    assert caught.value.path == path


def test_no_extension() -> None:
    with pytest.raises(UnsupportedFormat, match=r"^README has no file extension.*Supported"):
        load_bytes(b"text", "README")


def test_load_bytes_with_only_a_path_for_a_name() -> None:
    with pytest.raises(UnsupportedFormat, match=r"^upload has no file extension"):
        load_bytes(b"text", "../../")


# --------------------------------------------------------------------------- size


def test_too_large_names_size_and_limit_in_mb(tmp_path: Path) -> None:
    path = tmp_path / "bundle.pdf"
    path.write_bytes(b"%PDF-1.4\n" + b"0" * (3 * 1024 * 1024))
    with pytest.raises(DocumentTooLarge) as caught:
        load_document(path, max_bytes=2 * 1024 * 1024)
    assert str(caught.value) == (
        "bundle.pdf is 3 MB, over the 2 MB limit for documents "
        "(set WORKBENCH_MAX_UPLOAD_MB to change it)."
    )
    assert caught.value.context == {"size": path.stat().st_size, "limit": 2 * 1024 * 1024}


def test_limit_comes_from_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_MAX_UPLOAD_MB", "0.5")
    with pytest.raises(DocumentTooLarge, match=r"^big\.txt is 0\.8 MB, over the 0\.5 MB limit"):
        load_bytes(b"x" * 800_000, "big.txt")


def test_default_limit_is_20_mb() -> None:
    with pytest.raises(DocumentTooLarge, match=r"is 21 MB, over the 20 MB limit"):
        load_bytes(b"x" * (21 * 1024 * 1024), "huge.txt")


def test_just_over_the_limit_is_shown_in_bytes() -> None:
    with pytest.raises(DocumentTooLarge, match=r"is 1,048,577 bytes, over the 1,048,576 bytes"):
        load_bytes(b"x" * (1024 * 1024 + 1), "edge.txt", max_bytes=1024 * 1024)


def test_a_non_positive_limit_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="max_bytes must be above 0"):
        load_bytes(b"x", "a.txt", max_bytes=0)


def test_docx_that_unzips_to_something_huge_is_refused() -> None:
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(small_docx())) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            target.writestr(item.filename, source.read(item.filename))
        target.writestr("word/media/padding.bin", b"\0" * (30 * 1024 * 1024))
    with pytest.raises(
        DocumentTooLarge, match=r"^bomb\.docx unpacks to 30\.\d MB, which is too large"
    ):
        load_bytes(buffer.getvalue(), "bomb.docx")


# --------------------------------------------------------------------------- filesystem


def test_missing_file_is_a_plain_document_error(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.pdf"
    with pytest.raises(DocumentError) as caught:
        load_document(path)
    assert type(caught.value) is DocumentError
    assert str(caught.value) == f"No such file: {path}"
    assert isinstance(caught.value.__cause__, FileNotFoundError)


def test_folder_is_not_a_document(tmp_path: Path) -> None:
    folder = tmp_path / "letters.pdf"
    folder.mkdir()
    with pytest.raises(DocumentError, match="letters.pdf is a folder, not a document"):
        load_document(folder)


# --------------------------------------------------------------------------- empty


@pytest.mark.parametrize("name", ["a.txt", "a.md", "a.eml", "a.docx", "a.pdf"])
def test_empty_file_of_every_format(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    with pytest.raises(UnreadableDocument) as caught:
        load_document(path)
    assert str(caught.value) == f"{name} is empty (0 bytes)."


@pytest.mark.parametrize("content", [b"   \r\n\t\n", b"\xef\xbb\xbf", "  \n".encode("utf-16")])
def test_whitespace_only_text(content: bytes) -> None:
    with pytest.raises(UnreadableDocument) as caught:
        load_bytes(content, "blank.txt")
    assert str(caught.value) == "blank.txt contains no text (it is empty or only whitespace)."


def test_docx_with_no_text() -> None:
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with pytest.raises(UnreadableDocument, match=r"^blank\.docx contains no text"):
        load_bytes(buffer.getvalue(), "blank.docx")


def test_email_with_only_an_attachment_points_at_it() -> None:
    message = EmailMessage()
    message["From"] = "jo@example.org"
    message["Subject"] = "Attached"
    message.add_attachment(b"%PDF-1.4", maintype="application", subtype="pdf", filename="r.pdf")
    with pytest.raises(UnreadableDocument) as caught:
        load_bytes(message.as_bytes(), "attached.eml")
    assert str(caught.value) == (
        "attached.eml contains no text: the email has no message body, only attachments "
        "(r.pdf). Attachments are not read; save them and load them separately."
    )


# --------------------------------------------------------------------------- text


def test_binary_data_in_a_txt() -> None:
    with pytest.raises(
        UnreadableDocument, match=r"^data\.txt is not a text file: it contains binary"
    ):
        load_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01", "data.txt")


def test_pdf_renamed_to_txt_says_what_it_is() -> None:
    with pytest.raises(UnreadableDocument) as caught:
        load_bytes(make_pdf([["x"]]), "response.txt")
    assert (
        str(caught.value)
        == "response.txt is not a text file. It looks like a PDF: rename it to .pdf."
    )


def test_broken_utf16_chains_the_decode_error() -> None:
    with pytest.raises(UnreadableDocument) as caught:
        load_bytes(b"\xff\xfeA\x00\x00\xd8B\x00", "broken.txt")  # a lone surrogate
    assert str(caught.value).startswith(
        "broken.txt could not be read as utf-16-le text: it contains bytes that are not valid"
    )
    assert isinstance(caught.value.__cause__, UnicodeDecodeError)


# --------------------------------------------------------------------------- email


def test_text_file_renamed_to_eml() -> None:
    with pytest.raises(UnreadableDocument) as caught:
        load_bytes(b"Just some notes\nwith no headers at all\n", "notes.eml")
    assert str(caught.value) == (
        "notes.eml is not a valid email (.eml) file: it has no email headers "
        "(From, To, Subject or Date)."
    )


def test_html_that_trips_the_stdlib_parser_still_loads() -> None:
    raw = (
        b"From: a@example.org\r\nSubject: odd\r\nContent-Type: text/html\r\n\r\n"
        b"<p>Before</p><![foo bar]><p>After</p>"
    )
    assert load_bytes(raw, "odd.eml").text == "Before\n\nAfter"


# --------------------------------------------------------------------------- docx


def test_docx_that_is_not_a_zip() -> None:
    with pytest.raises(UnreadableDocument) as caught:
        load_bytes(b"This is plain text saved as .docx", "letter.docx")
    assert str(caught.value) == "letter.docx is not a valid Word document (it may be corrupt)."


def test_old_doc_renamed_to_docx() -> None:
    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    with pytest.raises(UnreadableDocument) as caught:
        load_bytes(ole2, "old.docx")
    assert str(caught.value) == (
        "old.docx is not a valid Word document (it may be corrupt). It looks like an "
        "old-style Office file (.doc) or a password-protected one: save it as .docx without "
        "a password."
    )


def test_truncated_docx_chains_bad_zip_file() -> None:
    data = small_docx()
    with pytest.raises(UnreadableDocument) as caught:
        load_bytes(data[: len(data) // 2], "cut.docx")
    assert str(caught.value) == "cut.docx is not a valid Word document (it may be corrupt)."
    assert isinstance(caught.value.__cause__, zipfile.BadZipFile)


def test_zip_without_word_content_names_the_real_type() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(UnreadableDocument) as caught:
        load_bytes(buffer.getvalue(), "figures.docx")
    assert str(caught.value) == (
        "figures.docx is not a valid Word document (it may be corrupt). "
        "It looks like an Excel workbook."
    )


def test_docx_with_broken_xml_chains_the_parser_error() -> None:
    data = rezip(small_docx(), replace={"word/document.xml": b"<w:document><unclosed>"})
    with pytest.raises(UnreadableDocument) as caught:
        load_bytes(data, "broken.docx")
    assert str(caught.value) == "broken.docx is not a valid Word document (it may be corrupt)."
    assert isinstance(caught.value.__cause__, LxmlError)


def test_docx_missing_its_content_types_chains_the_library_error() -> None:
    data = rezip(small_docx(), drop="[Content_Types].xml")
    with pytest.raises(UnreadableDocument) as caught:
        load_bytes(data, "partial.docx")
    assert str(caught.value) == "partial.docx is not a valid Word document (it may be corrupt)."
    assert caught.value.__cause__ is not None


# --------------------------------------------------------------------------- pdf


def test_pdf_without_a_header() -> None:
    with pytest.raises(UnreadableDocument) as caught:
        load_bytes(b"<html>Not found</html>", "response.pdf")
    assert str(caught.value) == "response.pdf is not a valid PDF (it may be corrupt)."


def test_docx_renamed_to_pdf_says_what_it_is() -> None:
    with pytest.raises(UnreadableDocument) as caught:
        load_bytes(small_docx(), "letter.pdf")
    assert str(caught.value) == (
        "letter.pdf is not a valid PDF (it may be corrupt). It looks like a zip archive, "
        "such as a Word document: if so, rename it to .docx."
    )


def test_pdf_with_a_header_but_garbage_chains_pdf_read_error() -> None:
    with pytest.raises(UnreadableDocument) as caught:
        load_bytes(b"%PDF-1.7\nthis is not really a pdf", "junk.pdf")
    assert str(caught.value) == "junk.pdf is not a valid PDF (it may be corrupt)."
    assert isinstance(caught.value.__cause__, PdfReadError)


def test_password_protected_pdf(tmp_path: Path) -> None:
    path = tmp_path / "secret.pdf"
    path.write_bytes(encrypt_pdf(make_pdf([["Top secret"]]), "hunter2"))
    with pytest.raises(UnreadableDocument) as caught:
        load_document(path)
    assert str(caught.value) == (
        "secret.pdf is password-protected. Remove the password (or ask for a copy without "
        "one) and load it again."
    )
    assert caught.value.path == path


def test_scanned_pdf_needs_ocr() -> None:
    with pytest.raises(UnreadableDocument) as caught:
        load_bytes(make_pdf([[], []]), "scan.pdf")
    assert str(caught.value) == (
        "scan.pdf has no text that can be extracted: it may be a scanned image. "
        "Run it through OCR (text recognition) first, then load the result."
    )


# --------------------------------------------------------------------------- robustness


def _damaged_variants(data: bytes, seed: int, count: int = 25) -> list[bytes]:
    """Truncations and random byte flips of a valid file."""
    rng = random.Random(seed)
    variants = [data[: len(data) * step // 10] for step in range(1, 10)]
    for _ in range(count):
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 20)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        variants.append(bytes(damaged))
    return variants


@pytest.mark.parametrize(
    ("name", "build"),
    [
        ("fuzz.pdf", lambda: make_pdf([["Page one text"], ["Page two (text)"]], title="T")),
        ("fuzz.docx", small_docx),
        ("fuzz.eml", small_eml),
        ("fuzz.txt", lambda: "Fee £450 “quoted”\r\n".encode("cp1252")),
    ],
)
def test_damaged_files_raise_only_document_errors(name: str, build) -> None:
    """Whatever the damage, the caller sees a Document or a DocumentError, never a
    library exception."""
    for variant in _damaged_variants(build(), seed=len(name)):
        try:
            load_bytes(variant, name)
        except DocumentError as exc:
            assert name in str(exc)


def test_pdf_with_an_unknown_stream_filter_chains_the_library_error() -> None:
    data = make_pdf([["hello"]]).replace(b"<< /Length", b"<< /Filter /NoSuchDecode /Length")
    with pytest.raises(UnreadableDocument) as caught:
        load_bytes(data, "odd.pdf")
    assert str(caught.value) == "odd.pdf is not a valid PDF (it may be corrupt)."
    assert isinstance(caught.value.__cause__, NotImplementedError)

"""The grounds reader reads a review request however it arrives: .txt, .eml, .docx or .pdf."""

from __future__ import annotations

import io
from email.message import EmailMessage
from pathlib import Path

import docx
import pytest

from tests.pdf_fixtures import make_pdf
from workbench.documents import load_document
from workbench.grounds import read_grounds_file

FILES = Path(__file__).parent / "files" / "grounds"
EXPECTED = ["exemption_disputed", "public_interest", "public_interest", "delay"]


def _lines() -> list[str]:
    return (FILES / "template_list.txt").read_text(encoding="utf-8").splitlines()


def _eml(path: Path) -> None:
    message = EmailMessage()
    message["Subject"] = "Internal review request"
    message["From"] = "A. Smith <a.smith@example.org>"
    message["To"] = "foi@example.gov.uk"
    message.set_content("\n".join(_lines()) + "\n")
    path.write_bytes(message.as_bytes())


def _docx(path: Path) -> None:
    document = docx.Document()
    for line in _lines():
        if line.strip():
            document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(buffer.getvalue())


def _pdf(path: Path) -> None:
    path.write_bytes(make_pdf([[line for line in _lines() if line.strip()]]))


def _txt(path: Path) -> None:
    path.write_text("\n".join(_lines()) + "\n", encoding="utf-8")


@pytest.mark.parametrize("build", [_txt, _eml, _docx, _pdf], ids=["txt", "eml", "docx", "pdf"])
def test_every_format_gives_the_same_grounds_at_offsets_in_its_loaded_text(tmp_path, build):
    path = tmp_path / f"review_request.{build.__name__.lstrip('_')}"
    build(path)
    grounds = read_grounds_file(path)
    assert [g.category for g in grounds] == EXPECTED
    text = load_document(path).text
    for ground in grounds:
        assert text[ground.start : ground.end] == ground.quote

"""PDF: each page's text, with where each page starts in the joined text."""

from __future__ import annotations

import struct
import zlib
from io import BytesIO
from typing import Any

from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError, PyPdfError

from ..errors import UnreadableDocument
from .formats import _sniff
from .source import _invalid, _Source
from .text import _normalise_newlines


def _parse_pdf(data: bytes, source: _Source) -> tuple[str, dict[str, Any]]:
    """A PDF: each page's text, pages separated by a blank line."""
    if b"%PDF-" not in data[:1024]:
        raise UnreadableDocument(
            f"{source.name} is not a valid PDF (it may be corrupt).{_sniff(data)}",
            path=source.error_path,
        )
    try:
        reader = _open_pdf(data, source)
        pages = _pdf_page_texts(reader)
        metadata = _pdf_metadata(reader)
    except _PDF_ERRORS as exc:
        raise _invalid(source, "PDF") from exc
    if not pages:
        raise UnreadableDocument(
            f"{source.name} has no pages (it may be corrupt).", path=source.error_path
        )
    if not any(page.strip() for page in pages):
        raise UnreadableDocument(
            f"{source.name} has no text that can be extracted: it may be a scanned image. "
            "Run it through OCR (text recognition) first, then load the result.",
            path=source.error_path,
        )
    text, starts = _join_pages(pages)
    metadata.update(
        pages=len(pages),
        page_starts=starts,
        pages_without_text=[n for n, page in enumerate(pages, 1) if not page.strip()],
    )
    return text, metadata


#: pypdf raises its own errors and, on malformed input, almost any built-in one.
_PDF_ERRORS: tuple[type[Exception], ...] = (
    PyPdfError,
    ValueError,
    LookupError,
    TypeError,
    AttributeError,
    AssertionError,
    ArithmeticError,
    RuntimeError,  # includes RecursionError and NotImplementedError (unknown filters)
    OSError,
    struct.error,
    zlib.error,
)


def _open_pdf(data: bytes, source: _Source) -> PdfReader:
    """A PdfReader, decrypted if that needs no password (owner-only protection)."""
    reader = PdfReader(BytesIO(data))
    if not reader.is_encrypted:
        return reader
    try:
        result = reader.decrypt("")
    except DependencyError as exc:
        raise UnreadableDocument(
            f"{source.name} is encrypted in a way this installation cannot open "
            "(AES encryption needs the 'cryptography' package). Ask for an unencrypted copy.",
            path=source.error_path,
        ) from exc
    if result == PasswordType.NOT_DECRYPTED:
        raise UnreadableDocument(
            f"{source.name} is password-protected. Remove the password (or ask for a copy "
            "without one) and load it again.",
            path=source.error_path,
        )
    return reader


def _pdf_page_texts(reader: PdfReader) -> list[str]:
    """Text of every page, newlines normalised so page offsets stay right."""
    return [_normalise_newlines(page.extract_text() or "") for page in reader.pages]


def _pdf_metadata(reader: PdfReader) -> dict[str, Any]:
    info = reader.metadata
    return {
        "title": (info.title or None) if info is not None else None,
        "author": (info.author or None) if info is not None else None,
    }


def _join_pages(pages: list[str]) -> tuple[str, list[int]]:
    """Join pages with a blank line and record where each page starts in the text."""
    starts: list[int] = []
    offset = 0
    for page in pages:
        starts.append(offset)
        offset += len(page) + 2
    return "\n\n".join(pages), starts

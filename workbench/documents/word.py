"""Word documents (.docx): paragraphs and table rows in document order."""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from io import BytesIO
from typing import Any

import docx
from docx.opc.exceptions import OpcError
from docx.oxml.exceptions import XmlchemyError
from docx.oxml.ns import qn
from lxml.etree import LxmlError

from ..errors import UnreadableDocument
from .archives import check_archive
from .formats import _sniff
from .source import _invalid, _Source


def _parse_docx(data: bytes, source: _Source) -> tuple[str, dict[str, Any]]:
    """A Word document: paragraphs and table rows in the order they appear."""
    _check_office_zip(data, source)
    try:
        return _docx_text_and_metadata(data)
    except _DOCX_ERRORS as exc:
        raise _invalid(source, "Word document") from exc


def _check_office_zip(data: bytes, source: _Source) -> None:
    """A .docx is a zip with word/document.xml; say clearly when it is something else."""
    if not data.startswith(b"PK\x03\x04"):
        raise UnreadableDocument(
            f"{source.name} is not a valid Word document (it may be corrupt).{_sniff(data)}",
            path=source.error_path,
        )
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                check_archive(archive, len(data), source.name, source.error_path)
    except _ZIP_ERRORS as exc:
        raise _invalid(source, "Word document") from exc
    if "word/document.xml" not in names:
        raise UnreadableDocument(
            f"{source.name} is not a valid Word document (it may be corrupt)."
            f"{_other_office_hint(names)}",
            path=source.error_path,
        )


def _other_office_hint(names: set[str]) -> str:
    """Name the real type of a renamed Excel, PowerPoint or OpenDocument file."""
    if any(name.startswith("xl/") for name in names):
        return " It looks like an Excel workbook."
    if any(name.startswith("ppt/") for name in names):
        return " It looks like a PowerPoint presentation."
    if "content.xml" in names:
        return " It looks like an OpenDocument file: save it as .docx first."
    return ""


#: What zipfile raises on a damaged or unusual archive.
_ZIP_ERRORS: tuple[type[Exception], ...] = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    NotImplementedError,  # an unsupported compression method or zip version
    RuntimeError,  # an encrypted member
    ValueError,
    EOFError,
    zlib.error,
)

#: What python-docx and lxml add on top when the package's XML is damaged.
_DOCX_ERRORS: tuple[type[Exception], ...] = (
    *_ZIP_ERRORS,
    OpcError,
    XmlchemyError,
    LxmlError,
    KeyError,
    TypeError,
    AttributeError,
)


def _docx_text_and_metadata(data: bytes) -> tuple[str, dict[str, Any]]:
    """Open with python-docx, then walk the body XML so tables stay in place."""
    document = docx.Document(BytesIO(data))
    body = document.element.body
    blocks = list(_docx_blocks(body))
    properties = document.core_properties
    paragraphs = [child for child in body.iterchildren(_W_P) if _inline_text(child).strip()]
    metadata = {
        "title": properties.title or None,
        "author": properties.author or None,
        "paragraphs": len(paragraphs),  # non-empty ones outside tables
        "tables": len(body.findall(f".//{_W_TBL}")),
    }
    return "\n".join(blocks), metadata


_W_P, _W_R, _W_TBL, _W_TR, _W_TC = (qn(f"w:{t}") for t in ("p", "r", "tbl", "tr", "tc"))
_W_SDT, _W_SDT_CONTENT, _W_CUSTOM_XML = (qn(f"w:{t}") for t in ("sdt", "sdtContent", "customXml"))

#: Inline wrappers whose runs are part of the visible text. python-docx's own
#: Paragraph.text only reads direct runs and hyperlinks, so it silently drops text in
#: tracked insertions, content controls (common in letter templates) and fields.
_W_INLINE_CONTAINERS = frozenset(
    qn(f"w:{t}")
    for t in (
        "hyperlink",
        "ins",
        "moveTo",
        "sdt",
        "sdtContent",
        "fldSimple",
        "smartTag",
        "customXml",
        "dir",
        "bdo",
    )
)


def _docx_blocks(container: Any) -> Iterator[str]:
    """One string per paragraph and per table row, in document order."""
    for child in container.iterchildren():
        if child.tag == _W_P:
            yield _inline_text(child)
        elif child.tag == _W_TBL:
            yield from _table_rows(child)
        elif child.tag in (_W_SDT, _W_CUSTOM_XML):
            content = child.find(_W_SDT_CONTENT) if child.tag == _W_SDT else child
            if content is not None:
                yield from _docx_blocks(content)


def _inline_text(element: Any) -> str:
    """A paragraph's visible text: runs (via python-docx) inside any inline wrapper.

    Deleted text (w:del, w:delText) is skipped, as Word shows it with changes accepted.
    """
    parts: list[str] = []
    for child in element.iterchildren():
        if child.tag == _W_R:
            parts.append(child.text or "")
        elif child.tag in _W_INLINE_CONTAINERS:
            parts.append(_inline_text(child))
    return "".join(parts)


def _table_rows(table: Any) -> Iterator[str]:
    """Each row on one line, cells joined with ' | '; merged cells appear once."""
    for row in table.iterchildren(_W_TR):
        yield " | ".join(_cell_text(cell) for cell in row.iterchildren(_W_TC))


def _cell_text(cell: Any) -> str:
    """A cell's paragraphs (and any nested table) on one line, so the row stays one line."""
    return " ".join(block.strip() for block in _docx_blocks(cell) if block.strip())

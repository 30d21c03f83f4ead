"""Dispatch to each format's parser and apply the checks every format shares."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..errors import UnreadableDocument
from .eml import _parse_eml
from .model import Document
from .msg import _parse_msg
from .pdf import _parse_pdf
from .source import _Source
from .text import _normalise_newlines, _parse_text
from .word import _parse_docx


def _parse(data: bytes, fmt: str, source: _Source) -> Document:
    """Run the format's parser, then apply the checks every format shares."""
    if not data:
        raise UnreadableDocument(f"{source.name} is empty (0 bytes).", path=source.error_path)
    text, metadata = _PARSERS[fmt](data, source)
    text = _normalise_newlines(text)
    if not text.strip():
        raise UnreadableDocument(
            f"{source.name} contains no text (it is empty or only whitespace).",
            path=source.error_path,
        )
    metadata["size_bytes"] = len(data)
    return Document(
        text=text, filename=source.name, format=fmt, metadata=metadata, path=source.path
    )


_PARSERS: dict[str, Callable[[bytes, _Source], tuple[str, dict[str, Any]]]] = {
    "txt": _parse_text,
    "md": _parse_text,
    "eml": _parse_eml,
    "msg": _parse_msg,
    "docx": _parse_docx,
    "pdf": _parse_pdf,
}

"""Turn an uploaded or saved document into plain text plus a little metadata.

Every check downstream (exemptions cited, deadlines, redaction wording) works on
``Document.text`` and points back into it by character offset, so the loader
keeps text as close to the source as it can: only newlines are normalised.

Reviewers see the error messages directly, so every failure, including any
exception from the parsing libraries, becomes a :class:`~workbench.errors.DocumentError`
subclass whose message names the file and says what is wrong in plain English.
The library exception stays available as ``__cause__`` for debugging.
"""

from __future__ import annotations

from pathlib import Path

from .files import _file_size, _read_file
from .formats import EMAIL_FORMATS, SUPPORTED_EXTENSIONS, _format_for
from .limits import _check_size, _resolve_limit
from .model import Document
from .parse import _parse
from .source import _basename, _Source

__all__ = ["EMAIL_FORMATS", "SUPPORTED_EXTENSIONS", "Document", "load_bytes", "load_document"]


def load_document(path: str | Path, *, max_bytes: int | None = None) -> Document:
    """Load a document from disk.

    The size is checked from the file's metadata before reading, so an oversized
    file is refused without being read into memory.
    """
    path = Path(path)
    source = _Source(path.name, path)
    limit = _resolve_limit(max_bytes)
    size = _file_size(path)
    fmt = _format_for(source)
    _check_size(size, limit, source)
    data = _read_file(path, limit)
    _check_size(len(data), limit, source)  # the file may have grown since stat()
    return _parse(data, fmt, source)


def load_bytes(data: bytes, filename: str, *, max_bytes: int | None = None) -> Document:
    """Load an uploaded document from memory.

    Only the last component of ``filename`` is used (an upload called
    ``../../etc/passwd`` is just ``passwd``) and the filesystem is never touched.
    """
    source = _Source(_basename(filename), None)
    limit = _resolve_limit(max_bytes)
    fmt = _format_for(source)
    _check_size(len(data), limit, source)
    return _parse(bytes(data), fmt, source)

"""Reading a document from disk, with OS errors told in plain English."""

from __future__ import annotations

import stat
from pathlib import Path

from ..errors import DocumentError


def _file_size(path: Path) -> int:
    """The file's size, refusing folders and mapping OS errors to DocumentError."""
    try:
        info = path.stat()
    except OSError as exc:
        raise _os_error(path, exc) from exc
    if stat.S_ISDIR(info.st_mode):
        raise DocumentError(f"{path} is a folder, not a document.", path=path)
    return info.st_size


def _read_file(path: Path, limit: int) -> bytes:
    """Read at most one byte more than the limit, so a growing file is still caught."""
    try:
        with path.open("rb") as handle:
            return handle.read(limit + 1)
    except OSError as exc:
        raise _os_error(path, exc) from exc


def _os_error(path: Path, exc: OSError) -> DocumentError:
    """A plain-English DocumentError for a failed stat or open."""
    if isinstance(exc, FileNotFoundError):
        return DocumentError(f"No such file: {path}", path=path)
    if isinstance(exc, IsADirectoryError):
        return DocumentError(f"{path} is a folder, not a document.", path=path)
    if isinstance(exc, PermissionError):
        return DocumentError(f"{path} could not be opened: permission denied.", path=path)
    reason = exc.strerror or str(exc)
    return DocumentError(f"{path} could not be read: {reason}.", path=path)

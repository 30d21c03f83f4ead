"""Where a document came from, as named in error messages."""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from ..errors import UnreadableDocument


class _Source(NamedTuple):
    """The name to show in messages and the path to attach to errors."""

    name: str
    path: Path | None

    @property
    def error_path(self) -> str | Path:
        return self.path if self.path is not None else self.name


def _basename(filename: str) -> str:
    """The last path component, whichever separator the browser used."""
    name = re.split(r"[\\/]", filename.replace("\x00", ""))[-1].strip()
    return name if name not in ("", ".", "..") else "upload"


def _invalid(source: _Source, kind: str) -> UnreadableDocument:
    return UnreadableDocument(
        f"{source.name} is not a valid {kind} (it may be corrupt).", path=source.error_path
    )

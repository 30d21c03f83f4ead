"""The loaded document every check works on."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Document:
    """A loaded document: its text, where it came from and what else we learned.

    ``path`` is ``None`` for uploads (``load_bytes``); ``filename`` is always the
    bare file name, safe to show. ``text`` is left out of ``repr`` because it can
    be megabytes long.
    """

    text: str = field(repr=False)
    filename: str
    format: str
    metadata: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None

    @property
    def is_email(self) -> bool:
        """An .eml or .msg: its metadata has the sender, the date sent and the attachments."""
        from .formats import EMAIL_FORMATS

        return self.format in EMAIL_FORMATS

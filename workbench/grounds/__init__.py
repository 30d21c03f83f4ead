"""The grounds of a review request: what the requester says is wrong, one by one.

Not to be confused with :mod:`workbench.parsing.grounds`, which finds the exemptions a
*response* relies on. Here the text is the requester's, and each ground is an objection
the review must answer: its category (the 16 of ``tests/review_requests/README.md``),
the provisions and request points it concerns, and the passage that states it.
"""

from __future__ import annotations

from pathlib import Path

from ..documents import load_document
from .categories import CATEGORIES, CueBook, load_cues
from .model import RequesterGround, grounds_to_json
from .reader import read_grounds

__all__ = [
    "CATEGORIES",
    "CueBook",
    "RequesterGround",
    "grounds_to_json",
    "load_cues",
    "read_grounds",
    "read_grounds_file",
]


def read_grounds_file(path: str | Path, regime: str | None = None) -> list[RequesterGround]:
    """The grounds of a review request in any format the document loader reads.

    Offsets index the text the document loader gives (``load_document(path).text``).
    """
    return read_grounds(load_document(path).text, regime)

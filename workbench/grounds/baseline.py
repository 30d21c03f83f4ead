"""The trivial reader the scorer compares the real one against.

Every sentence of the request is a ground of the commonest category, with no
provisions and no points. It finds almost every ground and is wrong about almost
everything else; a reader that does not beat it on precision and category has
learnt nothing.
"""

from __future__ import annotations

from ..parsing.text import sentences
from .model import RequesterGround


def read_grounds_baseline(text: str, regime: str | None = None) -> list[RequesterGround]:
    """One ``exemption_disputed`` ground per sentence (``regime`` is ignored)."""
    return [
        RequesterGround(
            category="exemption_disputed",
            quote=span.text,
            start=span.start,
            end=span.end,
            summary="",
            confidence=0.0,
        )
        for span in sentences(text)
    ]

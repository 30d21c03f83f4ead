"""One ground of a review request, as the reader hands it to the rest of the workbench."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class RequesterGround:
    """What the requester objects to, and where they say it (``text[start:end] == quote``).

    ``quote`` is the passage carrying the ground: the sentence(s) that state the
    objection and the supporting argument that follows them in the same paragraph
    or list item. ``cues`` are the phrases that decided the category, so the
    reviewer can see why the reader thought so; ``confidence`` (0..1) is low when
    the cues were weak or pointed at several categories.
    """

    category: str
    quote: str
    start: int
    end: int
    summary: str
    confidence: float
    provisions: tuple[str, ...] = ()
    points: tuple[str, ...] = ()
    cues: tuple[str, ...] = field(default=(), compare=False)

    def to_dict(self, index: int) -> dict[str, Any]:
        """The documented JSON shape; ``index`` (from 1) gives the id ``g1``, ``g2``, ..."""
        return {
            "id": f"g{index}",
            "category": self.category,
            "provisions": list(self.provisions),
            "points": list(self.points),
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
            "summary": self.summary,
            "confidence": self.confidence,
            "cues": list(self.cues),
        }


def grounds_to_json(grounds: list[RequesterGround]) -> list[dict[str, Any]]:
    """Every ground in reading order, numbered ``g1``, ``g2``, ..."""
    return [ground.to_dict(index) for index, ground in enumerate(grounds, start=1)]

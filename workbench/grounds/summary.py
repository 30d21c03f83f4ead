"""A plain-text account of the grounds read from a review request.

Used by ``workbench grounds`` without ``--json``: one block per ground, in the order
the requester raised them, with the category, the points and provisions, how sure
the reader is, and the requester's own words (shortened to one line) with their
position in the text, so a reviewer can check each one against the request.
"""

from __future__ import annotations

import re

from ..parsing.text import normalise_space
from .categories import load_cues
from .model import RequesterGround

_QUOTE_WIDTH = 110
#: Control characters (terminal escapes among them) in the requester's text are not echoed.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def format_grounds(grounds: list[RequesterGround], name: str, regime: str | None) -> str:
    """The grounds as readable lines (no trailing newline)."""
    read_as = f" (read as {regime})" if regime else ""
    if not grounds:
        return f"{name}{read_as}: no ground stated."
    count = "1 ground" if len(grounds) == 1 else f"{len(grounds)} grounds"
    lines = [f"{name}{read_as}: {count}"]
    labels = {key: entry.label for key, entry in load_cues().categories.items()}
    for index, ground in enumerate(grounds, start=1):
        facts = [labels[ground.category], f"confidence {ground.confidence:.2f}"]
        if ground.points:
            facts.append("points " + ", ".join(ground.points))
        if ground.provisions:
            facts.append(", ".join(ground.provisions))
        lines.append("")
        lines.append(f"g{index}  " + "; ".join(facts))
        lines.append(f"    {ground.summary}")
        lines.append(f'    "{_shorten(ground.quote)}" [{ground.start}-{ground.end}]')
    return "\n".join(lines)


def _shorten(quote: str) -> str:
    text = _CONTROL.sub(" ", normalise_space(quote))
    return text if len(text) <= _QUOTE_WIDTH else text[: _QUOTE_WIDTH - 3].rstrip() + "..."

"""How sure the first pass is of what it read, shown beside each reading.

A reading below :data:`~workbench.parsing.model.CHECK_THRESHOLD` is marked
"Check this", so the reviewer knows where to look first; a value the reviewer
(or the case record) has set carries no mark, because nobody guessed it.
"""

from __future__ import annotations

from ..parsing.model import needs_check

_STYLE = {
    True: "background:#fff3cd;color:#664d03;border:1px solid #ffe69c;",
    False: "background:#e8f5e9;color:#1b5e20;border:1px solid #c8e6c9;",
}


def confidence_badge(confidence: float | None) -> str:
    """A small HTML badge: "Check this" below the threshold, else how sure the reading is."""
    if confidence is None:
        return ""
    unsure = needs_check(confidence)
    words = "Check this" if unsure else "Read with confidence"
    kind = "wb-check-this" if unsure else "wb-sure"
    style = _STYLE[unsure] + "border-radius:3px;padding:0 0.3rem;font-size:12px;"
    return (
        f"<div class='wb-confidence {kind}'><span style='{style}'>{words}</span> "
        f"<span class='wb-muted'>(confidence {confidence:.0%})</span></div>"
    )

"""Email quote marks ("> ") at the start of lines.

A reply often quotes the request it answers, each line marked "> " (">> " for a quote
within a quote). The marks hide the request's numbering and bullets from the reader, so it
reads the text with each mark replaced by a space: every offset still points at the same
character, and the evidence it reports is then quoted from the text as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .model import Evidence, Extraction

#: The quote marks opening a line: "> ", ">>", "> > ".
_QUOTE_MARKS = re.compile(r"^([ \t]*)((?:>[ \t]?)+)", re.MULTILINE)
#: A lone ">" line is no quoted email; two or more marked lines are.
_FEWEST_QUOTED_LINES = 2


def without_quote_marks(text: str) -> str:
    """``text`` with its email quote marks blanked out (same length, same offsets)."""
    if len(_QUOTE_MARKS.findall(text)) < _FEWEST_QUOTED_LINES:
        return text
    return _QUOTE_MARKS.sub(lambda m: m.group(1) + " " * len(m.group(2)), text)


def quote_from(
    result: Extraction, original: str, position: Callable[[int], int] | None = None
) -> None:
    """Make every quote of the response in ``result`` the original text at its offsets.

    ``position`` moves an offset of the text read to the text as written, where reading it
    changed its length (:mod:`.spacing`); the other changes keep every offset in place."""

    def requoted(evidence: Evidence) -> Evidence:
        if evidence.source != "response":
            return evidence
        start, end = evidence.start, evidence.end
        if position is not None:
            # The end is just after the evidence's last character: moved as that character is.
            start, end = (
                position(start),
                (position(end - 1) + 1 if end > start else position(start)),
            )
        return evidence.model_copy(
            update={"start": start, "end": end, "quote": original[start:end]}
        )

    for point in result.points:
        point.evidence = [requoted(e) for e in point.evidence]
    result.searches = [requoted(e) for e in result.searches]
    result.field_evidence = {k: requoted(e) for k, e in result.field_evidence.items()}

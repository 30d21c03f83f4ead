"""Email quote marks ("> ") at the start of lines.

A reply often quotes the request it answers, each line marked "> " (">> " for a quote
within a quote). The marks hide the request's numbering and bullets from the reader, so it
reads the text with each mark replaced by a space: every offset still points at the same
character, and the evidence it reports is then quoted from the text as written.
"""

from __future__ import annotations

import re

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


def quote_from(result: Extraction, original: str) -> None:
    """Make every quote of the response in ``result`` the original text at its offsets."""

    def requoted(evidence: Evidence) -> Evidence:
        if evidence.source != "response":
            return evidence
        return evidence.model_copy(update={"quote": original[evidence.start : evidence.end]})

    for point in result.points:
        point.evidence = [requoted(e) for e in point.evidence]
    result.searches = [requoted(e) for e in result.searches]
    result.field_evidence = {k: requoted(e) for k, e in result.field_evidence.items()}

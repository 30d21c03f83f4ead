"""Whether the letter's text stops in the middle of a sentence.

A response loaded from a web page, a pasted email or a PDF whose later pages
did not convert can stop part-way: the refusal explained further down, the
"however, we have provided ..." that turns a withholding into a partial
disclosure, or a review's findings, are then simply not there. What was read
from the part that survives can be overturned by what is missing, so every
point's reading is less sure, and the reviewer is told why.

The test is deliberately plain: the last line is running prose (several
words) that does not end a sentence. A page that ends with its own furniture
("Back to top", an address, a reference number) ends with a short line, and
an email or web address often ends a sentence with no full stop: neither is
taken for a cut letter. A short last line counts too when it carries on the
sentence of the line above ("... was handled correctly / under the te"): it
opens in lower case, or the line above breaks off after a comma or a word no
sentence ends on. A letter cut at a sentence's end is missed, and then its
readings keep their confidence.
"""

from __future__ import annotations

import re

from .text import Layout, Span

#: What a finished sentence, a heading or a table row can end with.
_ENDINGS = frozenset(".!?:;)]\"'\u2019\u201d|*")
#: An email or web address, which often ends a line with no full stop after it.
_ADDRESS = re.compile(r"@|^(?:https?://|www\.)", re.IGNORECASE)
#: A line this many words long or more is prose, not page furniture.
_PROSE_WORDS = 4
#: Words a sentence runs on after: a line breaking off on one is mid-sentence.
_RUNS_ON = frozenset(
    "a an and as at by for from in into of on or our such than that the to under with your".split()
)


def stops_mid_sentence(layout: Layout) -> Span | None:
    """The last line, when the text stops inside a sentence of running prose; else None."""
    lines = [line for line in layout.lines if line]
    if not lines:
        return None
    last = lines[-1]
    if last.text[-1] in _ENDINGS or _ADDRESS.search(last.text.split()[-1]):
        return None
    if _is_prose(last.text):
        return last
    above = lines[-2] if len(lines) > 1 else None
    next_line = above is not None and layout.text.count("\n", above.end, last.start) == 1
    if next_line and _carries_on(above.text, last.text):
        return last
    return None


def _is_prose(line: str) -> bool:
    return len(line.split()) >= _PROSE_WORDS


def _carries_on(above: str, last: str) -> bool:
    """Whether a short last line goes on with the sentence the prose line above left open."""
    if not _is_prose(above) or above[-1] in _ENDINGS:
        return False
    return last[0].islower() or above[-1] == "," or above.split()[-1].lower() in _RUNS_ON

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
taken for a cut letter; a letter cut inside a one-word line is missed, and
then its readings keep their confidence.
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


def stops_mid_sentence(layout: Layout) -> Span | None:
    """The last line, when the text stops inside a sentence of running prose; else None."""
    lines = [line for line in layout.lines if line]
    if not lines:
        return None
    last = lines[-1]
    words = last.text.split()
    if len(words) < _PROSE_WORDS or last.text[-1] in _ENDINGS or _ADDRESS.search(words[-1]):
        return None
    return last

"""Runs of spaces inside a line, read as one space.

A justified PDF spreads its words ("the  exemption  under  section  33(1)(b)  applies"), a
page's converter leaves two spaces where a mark was, and a typist puts two after a full stop.
The reader's phrases allow for that where they say ``\\s+``, but not every rule can: a look
back (``(?<!response\\sis\\s)``) has a fixed width, and a word test for "as follows" fails on
"as  follows". Rather than write every rule twice, the letter is read with each run of spaces
between two words taken as one, and every offset it reports is moved back to the text as
written (:func:`.quoting.quote_from`), so the evidence is quoted from it and points at the
same words.

Indentation (spaces opening a line) and the spaces ending one are kept: they say how a
letter is laid out, not what it says.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

#: Two or more spaces between two characters of a line (a tab is a column's edge: kept).
_RUN = re.compile(r"(?<=\S) {2,}(?=\S)")


@dataclass
class Spacing:
    """The text read, and where each of its offsets stands in the text as written."""

    text: str
    #: Offsets of the text read just after each run taken as one, and how many characters
    #: of the text as written had gone by then.
    _after: list[int] = field(default_factory=list)
    _removed: list[int] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """Whether any run of spaces was taken as one."""
        return bool(self._after)

    def original(self, offset: int) -> int:
        """The offset in the text as written of ``offset`` in the text read."""
        index = bisect_right(self._after, offset)
        return offset + (self._removed[index - 1] if index else 0)


def single_spaced(text: str) -> Spacing:
    """``text`` with each run of spaces between two words as one space."""
    if "  " not in text:
        return Spacing(text)  # most letters: nothing to do
    pieces: list[str] = []
    after: list[int] = []
    removed: list[int] = []
    cursor = length = gone = 0
    for match in _RUN.finditer(text):
        if _after_a_label(text, match.start(), match.end()):
            continue
        pieces += [text[cursor : match.start()], " "]
        length += match.start() - cursor + 1
        gone += len(match.group(0)) - 1
        after.append(length)
        removed.append(gone)
        cursor = match.end()
    pieces.append(text[cursor:])
    return Spacing("".join(pieces), after, removed)


def _after_a_label(text: str, at: int, end: int) -> bool:
    """Whether the spaces from ``at`` to ``end`` set a line's label apart from the sentence
    it opens ("1  The number of ...", "2&3  The force will ..."), as a tab would: they say
    the label is one."""
    if not text[end].isupper():
        return False
    line_start = text.rfind("\n", 0, at) + 1
    return _LABEL.match(text[line_start:at].strip()) is not None


#: A line's label: "1", "2&3", "Q1", "4.", "a)", "(iv)".
_LABEL = re.compile(
    r"\(?(?:[A-Za-z]{0,2}\d{1,2}[a-z]?(?:[&,/-]\d{1,2}[a-z]?)*|[A-Za-z]|[ivxIVX]{1,4})[.):]?$"
)

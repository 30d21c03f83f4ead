"""Markdown marks: "**Your request**", "# Response", "*- licence type*", "[text](address)".

A letter copied into a Markdown file, or an email whose client shows bold as "*bold*",
wraps its headings and list items in marks the reader does not know: "**Your request**"
is not read as a heading, and "*- licence type, and*" is not read as a bullet. As with
email quote marks (:mod:`.quoting`), the reader reads the text with the marks blanked out:
every offset still points at the same character, and the evidence it reports is quoted
from the text as written.

Only a text that uses the marks more than once is read this way: a lone asterisk is more
often a footnote than emphasis.
"""

from __future__ import annotations

import re

#: "**bold**" or "__bold__", which may run over the lines of one paragraph.
_STRONG = re.compile(
    r"(?<![*_\w])(\*\*|__)(?=[^\s*_])((?:[^*\n]|\n(?![ \t]*\n))+?)(?<=[^\s*_])\1(?![*_\w])"
)
#: "*italics*", which may run over the lines of one paragraph (not over a blank line).
_EMPHASIS = re.compile(r"(?<![*\w])\*(?=[^\s*])((?:[^*\n]|\n(?![ \t]*\n))+?)(?<=[^\s*])\*(?![*\w])")
#: "# Heading" to "###### Heading" opening a line.
_HEADING = re.compile(r"^([ \t]{0,3})(#{1,6})(?=[ \t]+\S)", re.MULTILINE)
#: "[text](address)": the text is kept, the brackets and the address are not.
_LINK = re.compile(r"\[([^\]\n]+)\]\(([^)\s]+)\)")
#: A text needs this many marks before it is read as Markdown.
_FEWEST_MARKS = 2


def without_markup(text: str) -> str:
    """``text`` with its Markdown marks blanked out (same length, same offsets)."""
    if "*" not in text and "#" not in text and "__" not in text and "](" not in text:
        return text  # most letters: nothing to look for
    marks = sum(len(pattern.findall(text)) for pattern in (_STRONG, _EMPHASIS, _HEADING, _LINK))
    if marks < _FEWEST_MARKS:
        return text
    text = _LINK.sub(lambda m: " " + m.group(1) + " " * (len(m.group(2)) + 3), text)
    text = _HEADING.sub(lambda m: m.group(1) + " " * len(m.group(2)), text)
    text = _STRONG.sub(lambda m: "  " + m.group(2) + "  ", text)
    return _EMPHASIS.sub(lambda m: " " + m.group(1) + " ", text)

"""Line breaks for a letter that lost them: a PDF or a web page copied as one long line.

The reader follows a letter's lines: the salutation on a line of its own, each numbered
question opening a line, the sign-off, the answer under its question. A text copied from
a PDF or a flattened page may hold all of that on one line of thousands of characters,
and then nothing opens a line at all. Such a text is read with its line breaks put back
where a letter's lines open: after the end of a sentence, before a salutation, before and
after a sign-off, before a bullet. As with Markdown marks (:mod:`.markup`), the break
takes the place of a space, so every offset still points at the same character and the
evidence is quoted from the text as written.

A text with ordinary lines is read as it is: putting breaks back is a guess, and a letter
that kept its own lines says more about itself than any guess.
"""

from __future__ import annotations

import re

#: A text is flattened when its lines run this long on average (a letter's paragraphs,
#: wrapped or not, run to a few hundred characters)...
_FLAT_AVERAGE = 600
#: ... and its longest line is at least this long.
_FLAT_LINE = 800

#: Where a line opens in a flattened letter: the space after a sentence's end before what
#: opens the next (a capital, a number, a bracket, a quotation mark or a bullet), the space
#: before a salutation or a sign-off, and the space after a sign-off.
_OPENS = re.compile(
    # (not after an item's own label: "1. How many ...", "a. Whether ...")
    r"(?<![\s(]\d)(?<![\s(]\d\d)(?<![\s(][A-Za-z])"
    r"(?P<end>[.?!;])(?P<space>[ \t]+)(?=[A-Z0-9(\"'‘“•·▪]|[a-z][.)][ \t])"
    # after a colon, only a list or a quotation opens a line ("You asked: 1. How many ..."),
    # not a label's value ("Reference: Internal Review 105795")
    r"|:(?P<space6>[ \t]+)(?=\(?(?:\d{1,2}|[a-zA-Z])[.)][ \t]|[\"'‘“•·▪])"
    # ... or, after a lead-in of a few words, what it introduces ("... asked for the following
    # information: I would be grateful ...")
    r"|:(?P<space7>[ \t]+)(?=[A-Z])"
    # the letter's date, just before its salutation, on a line of its own
    r"|(?P<space8>[ \t]+)(?=\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8},?\s+\d{4}[ \t]+Dear\b)"
    r"|\bDear\s+[^,.\n]{1,40},(?P<space5>[ \t]+)(?=[A-Z])"
    r"|(?P<before>\S)(?P<space2>[ \t]+)(?=(?:Dear|Yours\s+(?:sincerely|faithfully|truly)|"
    r"Kind\s+regards|Best\s+regards)\b)"
    r"|\b(?P<signoff>sincerely|faithfully|regards)(?P<comma>,?)(?P<space3>[ \t]+)"
    r"|(?P<space4>[ \t]+)(?=[•·▪][ \t])"
)


def is_flattened(text: str) -> bool:
    """Whether ``text`` has lost its line breaks (a few very long lines)."""
    lines = [line for line in text.split("\n") if line.strip()]
    if not lines:
        return False
    longest = max(len(line) for line in lines)
    return longest >= _FLAT_LINE and sum(len(line) for line in lines) / len(lines) >= _FLAT_AVERAGE


def relined(text: str) -> str:
    """``text`` with line breaks put back where a letter's lines open, if it lost them (same
    length, same offsets); any other text as it is."""
    if not is_flattened(text):
        return text

    def broken(match: re.Match[str]) -> str:
        whole = match.group(0)
        if match.group("space7") and not _leads_in(text, match.start()):
            return whole
        for name in ("space", "space2", "space3", "space4", "space5", "space6", "space7", "space8"):
            if match.group(name):
                at = match.start(name) - match.start()
                return whole[:at] + "\n" + whole[at + 1 :]
        return whole

    return _OPENS.sub(broken, text)


#: The fewest words a clause ending in a colon has to introduce what follows it on a line of
#: its own; a field's label ("Our ref:", "Date:", "Reference:") has fewer.
_LEAD_IN_WORDS = 4


def _leads_in(text: str, colon: int) -> bool:
    """Whether the clause ending at ``colon`` is a lead-in rather than a field's label (in a
    flattened letterhead a label follows the address with no stop between: "... SW1H 9EX
    Our ref: 4471")."""
    start = max(text.rfind(mark, 0, colon) for mark in (".", "?", "!", ";", "\n"))
    words = text[start + 1 : colon].split()
    return len(words) >= _LEAD_IN_WORDS and words[-1].lower() not in _LABEL_WORDS


#: Words that end a field's label: "Our ref:", "Date:", "Telephone:".
_LABEL_WORDS = frozenset(
    {
        "ref",
        "reference",
        "date",
        "dated",
        "number",
        "no",
        "tel",
        "telephone",
        "phone",
        "mobile",
        "email",
        "e-mail",
        "fax",
        "subject",
        "re",
        "id",
        "website",
        "web",
        "address",
        "cyf",
    }
)

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

#: Where a line opens in a flattened letter, each a named group holding the space a line break
#: takes the place of.
_OPENS = re.compile(
    # After a sentence's end, before what opens the next (a capital, a number, a bracket, a
    # quotation mark, a bullet or a lettered item), but not after an item's own label ("1.
    # How many ...", "a. Whether ...", "Q1. How many ...").
    r"(?<![\s(]\d)(?<![\s(]\d\d)(?<![\s(][A-Za-z])(?<![\s(]Q\d)(?<![\s(]Q\d\d)"
    r"[.?!;](?P<after_stop>[ \t]+)(?=[A-Z0-9(\"'‘“•·▪]|[a-z][.)][ \t])"
    # After a colon, a list or a quotation ("You asked: 1. How many ..."), not a label's value
    # ("Reference: Internal Review 105795") ...
    r"|:(?P<before_list>[ \t]+)(?=\(?(?:\d{1,2}|[a-zA-Z])[.)][ \t]|[\"'‘“•·▪])"
    # ... or, after a lead-in of a few words, what it introduces ("... asked for the following
    # information: I would be grateful ..."): see _leads_in.
    r"|:(?P<after_lead_in>[ \t]+)(?=[A-Z])"
    # The letter's date, just before its salutation.
    r"|(?P<before_date>[ \t]+)(?=\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8},?\s+\d{4}[ \t]+Dear\b)"
    # After the salutation, before a salutation and around a sign-off.
    r"|\bDear\s+[^,.\n]{1,40},(?P<after_salutation>[ \t]+)(?=[A-Z])"
    r"|\S(?P<before_greeting>[ \t]+)(?=(?:Dear|Yours\s+(?:sincerely|faithfully|truly)|"
    r"Kind\s+regards|Best\s+regards)\b)"
    r"|\b(?:sincerely|faithfully|regards),?(?P<after_sign_off>[ \t]+)"
    # Before a bullet, and before a question's label ("Q2.", "Q3 –"), which opens its line.
    r"|(?P<before_bullet>[ \t]+)(?=[•·▪][ \t])"
    r"|(?P<before_label>[ \t]+)(?=Q\d{1,2}(?:[.:)]|[ \t]+[–-][ \t]))"
)
_BREAKS = tuple(_OPENS.groupindex)


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
        if match.group("after_lead_in") and not _leads_in(text, match.start()):
            return whole
        name = next(name for name in _BREAKS if match.group(name))
        at = match.start(name) - match.start()
        return whole[:at] + "\n" + whole[at + 1 :]

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

"""A PDF's page furniture: the page footer and the protective marking on every page.

A letter printed to PDF and copied back as text carries, at each page break, lines that are
no part of it: "Page 2 of 9", and a government body's protective marking ("OFFICIAL", "NOT
PROTECTIVELY MARKED") at the top and foot of every page. Standing between two paragraphs
they part what belongs together (a refusal and the list of exemptions it introduces, a
point's two answers), and alone on a line in capitals the marking reads as a heading over
what follows. The reader reads the text with those lines blanked out: every offset still
points at the same character, as with quote marks (:mod:`.quoting`).
"""

from __future__ import annotations

import re

#: A line holding only a page number ("Page 2 of 9", "- 3 -" is not matched: too like a
#: list's dash) or a protective marking of the Government Security Classifications.
_FURNITURE = re.compile(
    r"^[ \t]*(?:page[ \t]+\d{1,3}[ \t]+of[ \t]+\d{1,3}|"
    r"official(?:[ \t]*[-–:]?[ \t]*sensitive)?|not[ \t]+protectively[ \t]+marked|unclassified)"
    r"[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)


def without_page_furniture(text: str) -> str:
    """``text`` with its page footers and protective markings blanked (same length)."""
    lowered = text.lower()
    if not any(word in lowered for word in ("page", "official", "marked", "classified")):
        return text
    return _FURNITURE.sub(lambda m: " " * len(m.group(0)), text)

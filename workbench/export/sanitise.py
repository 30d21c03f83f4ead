"""Making untrusted text safe for the file formats the workbench writes.

Requester-supplied text (the request, the grounds for review) goes into Word
files, spreadsheets and HTML.  HTML is escaped by the templates' autoescape;
this module holds the other two hazards:

* XML files (``.docx``, ``.xlsx``) cannot hold most control characters, and a
  stray form feed pasted from a PDF would make python-docx or openpyxl fail;
* a spreadsheet cell whose text starts with ``=``, ``+``, ``-``, ``@``, a tab or
  a carriage return may be taken as a formula when the file is opened or the
  cell edited ("CSV/formula injection", OWASP), so ``=HYPERLINK(...)`` in a
  requester's grounds could become a live link or worse.  Such text is written
  with a leading apostrophe (what Excel itself shows for text typed as
  ``'=...``) and :func:`restore_text` removes it when a workbook is read back.
"""

from __future__ import annotations

import re

#: Characters XML 1.0 forbids (everything below 0x20 except tab, newline, carriage return).
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
#: The first characters that make a spreadsheet treat a cell as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
#: What prefixes neutralised text; Excel displays it, and it is removed on import.
NEUTRALISING_PREFIX = "'"
#: The most characters an Excel cell holds.
EXCEL_CELL_LIMIT = 32_767
#: Ends text cut to fit a cell; the importer then keeps the saved text rather than the cut one.
TRUNCATED = " … (truncated)"


def xml_safe(text: str) -> str:
    """``text`` without the control characters an XML document cannot contain."""
    return _XML_ILLEGAL.sub("", text)


def needs_neutralising(text: str) -> bool:
    """True when a spreadsheet could read ``text`` as a formula."""
    return text.startswith(FORMULA_TRIGGERS)


def neutralise(text: str) -> str:
    """Text a spreadsheet shows as typed and never evaluates.

    >>> neutralise('=HYPERLINK("http://x","y")')
    '\\'=HYPERLINK("http://x","y")'
    >>> neutralise("No change")
    'No change'
    """
    text = xml_safe(text)
    if needs_neutralising(text):
        text = NEUTRALISING_PREFIX + text
    if len(text) > EXCEL_CELL_LIMIT:
        text = text[: EXCEL_CELL_LIMIT - len(TRUNCATED)] + TRUNCATED
    return text


def restore_text(text: str) -> str:
    """Undo :func:`neutralise` for text read back from a workbook the workbench wrote."""
    if text.startswith(NEUTRALISING_PREFIX) and needs_neutralising(text[1:]):
        return text[1:]
    return text


def restore_or_keep(text: str, saved: str) -> str:
    """The text read back, or ``saved`` when the cell holds ``saved`` cut to fit Excel."""
    restored = restore_text(text)
    if restored.endswith(TRUNCATED) and saved.startswith(restored[: -len(TRUNCATED)]):
        return saved
    return restored

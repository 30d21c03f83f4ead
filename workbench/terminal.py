"""Text for a terminal: control characters shown, never obeyed.

Letters and file names come from requesters, and a terminal obeys what it is
sent: an escape sequence in a letter (``ESC ] 0 ; ... BEL``) retitles the
window, others move the cursor, rewrite earlier lines or, on some terminals,
do worse.  So everything the command line prints passes through
:func:`printable`, which writes such characters out as Python would
(``\\x1b``), keeping only line breaks and tabs.
"""

from __future__ import annotations

import re
from typing import IO, Any

#: C0 controls but tab and newline, DEL, C1 controls, and the bidirectional overrides
#: that can make text read differently from what it is ("Trojan Source").
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` with every control character written out (``\\x1b``, ``\\x00``, ``\\r``)."""
    return _UNPRINTABLE.sub(lambda found: found.group().encode("unicode_escape").decode(), text)


class PrintableStream:
    """A text stream that passes everything written to it through :func:`printable`.

    It has no ``buffer``, so nothing (click included) can write around it.
    """

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        shown = printable(text)
        try:
            self._stream.write(shown)
        except UnicodeEncodeError:  # a terminal set to ASCII: what click itself would do
            encoding = self._stream.encoding or "ascii"
            self._stream.write(shown.encode(encoding, "replace").decode(encoding))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        if name == "buffer":
            raise AttributeError(name)
        return getattr(self._stream, name)

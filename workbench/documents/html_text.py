"""HTML email bodies rendered as readable plain text."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from ..errors import UnreadableDocument
from .source import _Source


class _HtmlToText(HTMLParser):
    """Just enough HTML rendering for an email body: text, line breaks, table rows.

    Block boundaries are remembered as "pending" newlines and written only before
    the next visible text, so nested or adjacent blocks give one line break (or one
    blank line after a paragraph) rather than a pile of empty lines.
    """

    _SKIP = frozenset({"script", "style", "head", "title", "noscript", "template"})
    _PARAGRAPHS = frozenset("blockquote dl figure h1 h2 h3 h4 h5 h6 hr ol p pre table ul".split())
    _LINES = frozenset(
        "address article aside dd div dt fieldset figcaption footer form header li main "
        "nav section tr".split()
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)  # entities arrive already unescaped
        self.parts: list[str] = []
        self._pending = 0
        self._skipping = 0
        self._in_pre = 0
        self._cell_in_row = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":  # an unclosed <head> must not swallow the whole message
            self._skipping = 0
        elif tag in self._SKIP:
            self._skipping += 1
        elif tag == "br":
            self._emit("\n")
        elif tag in ("td", "th"):
            if self._cell_in_row:
                self._emit(" | ")
            self._cell_in_row = True
        else:
            self._block(tag)
            if tag == "li":
                self._emit("- ")
            self._in_pre += tag == "pre"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self._emit("\n")
        else:
            self._block(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
            return
        self._block(tag)
        if tag == "pre":
            self._in_pre = max(0, self._in_pre - 1)

    def handle_data(self, data: str) -> None:
        if self._skipping:
            return
        if not self._in_pre:  # outside <pre>, runs of HTML whitespace render as one space
            data = re.sub(r"[ \t\r\n\f]+", " ", data)
        if data.strip() or self._in_pre:
            self._emit(data)
        elif not self._pending:
            self.parts.append(data)

    def _block(self, tag: str) -> None:
        """Note a line break (or blank line) before whatever comes next."""
        if tag in self._PARAGRAPHS:
            self._pending = max(self._pending, 2)
        elif tag in self._LINES:
            self._pending = max(self._pending, 1)
        if tag in ("tr", "table"):
            self._cell_in_row = False

    def _emit(self, text: str) -> None:
        if self._pending and self.parts:
            self.parts.append("\n" * self._pending)
        self._pending = 0
        self.parts.append(text)

    def text(self) -> str:
        """The collected text, with spaces at line ends removed as a browser would."""
        raw = "".join(self.parts).replace("\xa0", " ")  # &nbsp; would defeat phrase search
        lines = [line.strip(" \t") for line in raw.split("\n")]
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


#: ``<![...]>`` marked sections other than CDATA (conditional markup from old Outlook).
_MARKED_SECTION = re.compile(r"<!\[(?!CDATA\[).*?\]>", re.DOTALL)


def _html_to_text(html: str, source: _Source) -> str:
    """Convert an HTML email body to readable text with the stdlib parser.

    html.parser raises AssertionError on some unusual ``<![...]>`` sections; strip
    those and try once more before giving up on the body.
    """
    try:
        return _render_html(html)
    except AssertionError:
        pass
    try:
        return _render_html(_MARKED_SECTION.sub("", html))
    except AssertionError as exc:
        raise UnreadableDocument(
            f"{source.name} has an HTML message body that could not be read (it may be corrupt).",
            path=source.error_path,
        ) from exc


def _render_html(html: str) -> str:
    parser = _HtmlToText()
    parser.feed(html)
    parser.close()
    return parser.text()

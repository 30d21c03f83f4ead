"""The text of an exported letter read back from its file, line by line, for comparison.

Used by the tests that read the Word and web-page letters back: a letter's lines in
reading order, whitespace collapsed, from the body of the document (the Word letter's
page header and footer, and the web page's title and styles, are not its content).
"""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser

import docx

#: Elements after which a web page starts a new line of text.
_BLOCKS = {
    "p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "td", "th",
    "address", "blockquote", "section", "table", "ul", "ol", "div",
}  # fmt: skip


def _lines(chunks: list[str]) -> list[str]:
    text = "".join(chunks)
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.chunks: list[str] = []
        self._skipping = 0
        self._open: list[bool] = []  # for each open block: does it keep line breaks?

    def handle_starttag(self, tag, attrs):
        if tag in ("head", "style", "title", "script"):
            self._skipping += 1
        elif tag == "br":
            self.chunks.append("\n")
        elif tag in _BLOCKS:
            self.chunks.append("\n")
            classes = dict(attrs).get("class") or ""
            # The letter's stylesheet keeps the line breaks of quoted and verbatim text.
            self._open.append(tag == "blockquote" or "verbatim" in classes.split())

    def handle_endtag(self, tag):
        if tag in ("head", "style", "title", "script"):
            self._skipping -= 1
        elif tag in _BLOCKS and tag != "br":
            self.chunks.append("\n")
            if self._open:
                self._open.pop()

    def handle_data(self, data):
        if self._skipping:
            return
        if any(self._open):
            self.chunks.append(re.sub(r"[ \t]+", " ", data))
        else:
            self.chunks.append(re.sub(r"\s+", " ", data))


def html_lines(page: str) -> list[str]:
    """The web-page letter's text, one entry per line as a browser would break it."""
    parser = _Text()
    parser.feed(page)
    return _lines(parser.chunks)


def docx_document(data: bytes):
    return docx.Document(io.BytesIO(data))


def docx_lines(data: bytes) -> list[str]:
    """The Word letter's body text: paragraphs and table cells in document order."""
    document = docx_document(data)
    chunks: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            chunks.append(docx.text.paragraph.Paragraph(child, document).text + "\n")
        elif tag == "tbl":
            table = docx.table.Table(child, document)
            for row in table.rows:
                for cell in row.cells:
                    chunks.append(cell.text + "\n")
    return _lines(chunks)


def words(lines: list[str]) -> int:
    return sum(len(line.split()) for line in lines)

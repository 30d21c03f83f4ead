"""Small, valid PDFs built by hand, for tests and benchmarks.

pypdf can read text but cannot easily write it, so the fixtures write the PDF
syntax directly: one catalog, one page tree, one shared Helvetica font and one
content stream per page. Text is encoded as WinAnsi (cp1252) so "£" and curly
quotes survive extraction; anything outside cp1252 is not supported here.
"""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO

from pypdf import PdfReader, PdfWriter


def _pdf_string(text: str) -> bytes:
    """A PDF literal string: escapes the delimiters and writes non-ASCII as octal."""
    out = bytearray(b"(")
    for byte in text.encode("cp1252"):
        if byte in b"()\\":
            out += b"\\" + bytes([byte])
        elif 32 <= byte < 127:
            out.append(byte)
        else:
            out += f"\\{byte:03o}".encode("ascii")
    out += b")"
    return bytes(out)


def _content_stream(lines: Sequence[str]) -> bytes:
    """Draw each line 14 points below the previous one, starting near the top."""
    if not lines:
        # A "scanned" page: graphics only, no text operators at all.
        return b"0.5 g 72 72 450 650 re f"
    parts = [b"BT /F1 11 Tf 14 TL 72 760 Td"]
    for index, line in enumerate(lines):
        parts.append(_pdf_string(line) + (b" Tj" if index == 0 else b" '"))
    parts.append(b"ET")
    return b"\n".join(parts)


def make_pdf(pages: Sequence[Sequence[str]], *, title: str | None = None) -> bytes:
    """A PDF with one page per item of ``pages``, each holding those text lines.

    A page given as an empty list has no text at all (like a scanned image).
    """
    # Object numbers: 1 catalog, 2 page tree, 3 font, 4 info, then page/content pairs.
    page_ids = [5 + 2 * i for i in range(len(pages))]
    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [%s] /Count %d >>"
        % (b" ".join(b"%d 0 R" % pid for pid in page_ids), len(pages)),
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        4: b"<< /Title %s /Producer (workbench tests) >>" % _pdf_string(title or ""),
    }
    for page_id, lines in zip(page_ids, pages, strict=True):
        stream = _content_stream(lines)
        objects[page_id] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (page_id + 1)
        )
        objects[page_id + 1] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)
    return _assemble(objects, has_info=title is not None)


def _assemble(objects: dict[int, bytes], *, has_info: bool) -> bytes:
    """Write the objects with a correct cross-reference table and trailer."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    xref_at = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        out += b"%010d 00000 n \n" % offsets[number]
    info = b" /Info 4 0 R" if has_info else b""
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        size,
        info,
        xref_at,
    )
    return bytes(out)


def make_text_pdf(page_count: int, *, lines_per_page: int = 40, title: str | None = None) -> bytes:
    """A PDF of ``page_count`` pages of numbered, letter-like lines (for benchmarks)."""
    pages = [
        [
            f"Page {page} line {line}: the public authority withholds this under section 40(2)."
            for line in range(1, lines_per_page + 1)
        ]
        for page in range(1, page_count + 1)
    ]
    return make_pdf(pages, title=title)


def encrypt_pdf(data: bytes, user_password: str, owner_password: str | None = None) -> bytes:
    """Re-write a PDF encrypted with pypdf's writer (RC4-128, no extra dependency)."""
    writer = PdfWriter(clone_from=PdfReader(BytesIO(data)))
    writer.encrypt(user_password, owner_password)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()

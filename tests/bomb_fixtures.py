"""Small files that unpack to a great deal: the "zip bombs" the parsers must refuse.

Built on the fly (a few hundred KB to a few MB each) rather than kept as data
files.  Each is a valid-looking .docx or .xlsx, padded where needed with
random bytes (which do not compress) so that it passes a check on the
compression ratio alone, as the probe's bombs did.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import docx
from openpyxl import Workbook

MB = 1024 * 1024
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _padding(archive: zipfile.ZipFile, size: int) -> None:
    """``size`` random bytes stored uncompressed, as an image would be."""
    if size > 0:
        info = zipfile.ZipInfo("word/media/image1.png")
        archive.writestr(info, b"\x89PNG" + os.urandom(size - 4), zipfile.ZIP_STORED)


def _stream(archive: zipfile.ZipFile, name: str, head: bytes, fill: bytes, size: int, tail: bytes):
    """Write one member of about ``size`` bytes without holding it in memory."""
    units = size // len(fill)
    per_chunk = max(1, MB // len(fill))
    with archive.open(name, "w", force_zip64=True) as member:
        member.write(head)
        for start in range(0, units, per_chunk):
            member.write(fill * min(per_chunk, units - start))
        member.write(tail)


def padded_docx(path: Path, xml_mb: int, ratio: int = 24) -> Path:
    """A Word document whose body is ``xml_mb`` MB of paragraphs, padded to pass the ratio."""
    plain = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Dear requester")
    document.save(plain)
    with (
        zipfile.ZipFile(plain) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            if item.filename == "word/document.xml":
                head = f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>'.encode()
                paragraph = b"<w:p><w:r><w:t>Lorem ipsum dolor sit amet</w:t></w:r></w:p>"
                tail = b"</w:body></w:document>"
                _stream(target, item.filename, head, paragraph, xml_mb * MB, tail)
            else:
                target.writestr(item, source.read(item.filename))
        _padding(target, xml_mb * MB // ratio)
    return path


_SHEET = (
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
    '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c></row>'
    "</sheetData></worksheet>"
)
_STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
_STRINGS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"


def huge_string_xlsx(path: Path, string_mb: int, pad: bool = True) -> Path:
    """A search record (as Excel writes one: shared strings) whose 'Terms' is ``string_mb`` MB."""
    plain = io.BytesIO()
    book = Workbook()
    book.active.append(["Where", "Terms"])
    book.save(plain)
    with (
        zipfile.ZipFile(plain) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = _SHEET.encode()
            elif item.filename == "[Content_Types].xml":
                override = (
                    f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_STRINGS_TYPE}"/>'
                )
                data = data.replace(b"</Types>", override.encode() + b"</Types>")
            elif item.filename == "xl/_rels/workbook.xml.rels":
                rel = f'<Relationship Type="{_STRINGS_REL}" Target="sharedStrings.xml" Id="rId9"/>'
                data = data.replace(b"</Relationships>", rel.encode() + b"</Relationships>")
            target.writestr(item, data)
        head = (
            b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
            b'2006/main" count="4" uniqueCount="4"><si><t>Where</t></si><si><t>Terms</t></si>'
            b"<si><t>Shared drive</t></si><si><t>"
        )
        _stream(target, "xl/sharedStrings.xml", head, b"A", string_mb * MB, b"</t></si></sst>")
        if pad:
            _padding(target, string_mb * MB // 24)
    return path


def long_search_record(path: Path, rows: int, cell: str = "x") -> Path:
    """A plain search record with ``rows`` data rows (no bomb: just too many rows)."""
    book = Workbook()
    book.active.append(["Where", "Terms"])
    for n in range(rows):
        book.active.append([f"Place {n}", cell])
    book.save(path)
    return path

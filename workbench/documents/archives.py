"""Bounds on what reading a container file (Word, Excel, Outlook) may cost: bombs refused early.

A .docx or .xlsx is a zip archive of XML.  A small file can unpack to
gigabytes (a 1 MB workbook holding one 1 GB string), and XML parsed into
memory costs several times its size, so before any library opens one, its
directory is checked against three ceilings, each refused with one line:

* the total it unpacks to (:data:`MAX_UNPACKED`), media included, whatever
  the file's size;
* the ratio of that total to the file's size (:data:`MAX_RATIO`), which
  ordinary documents stay well under;
* the total of the parts that could be parsed as XML (:data:`MAX_XML`).  A
  part counts unless its first bytes show it cannot be XML (an image, a
  PDF, an embedded file): the names and declared types inside the archive
  are the sender's to choose, so they are not trusted.

The sizes come from the archive's directory; :mod:`zipfile` never returns
more than an entry declares (a longer one fails its CRC check), so a lying
directory cannot get past these bounds.

An Outlook message is an OLE compound file instead: :func:`check_compound`
bounds its streams the same way.

Spreadsheets read row by row have their own bounds, :data:`MAX_ROWS` and
:data:`MAX_CELL` (Excel's own limit on a cell), checked as they are read.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import DocumentTooLarge
from .limits import _MB, _megabytes

#: Most that one file may unpack to, in bytes, media included.
MAX_UNPACKED = 256 * _MB
#: Most it may unpack to relative to its own size (at least 1 MB is allowed for).
MAX_RATIO = 25
#: Most XML, in bytes, one file may hold (parsing 16 MB of XML takes seconds and ~250 MB).
MAX_XML = 16 * _MB
#: Most parts one archive may have (each costs memory before anything is read).
MAX_PARTS = 10_000
#: Most rows read from a spreadsheet (a search record, a findings workbook's sheet).
MAX_ROWS = 10_000
#: Longest text read from one spreadsheet cell: Excel's own limit.
MAX_CELL = 32_767

#: Starts of files that are certainly not XML: images, PDF, zip, OLE, fonts.
_BINARY_STARTS = (
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"BM",
    b"II*\x00",
    b"MM\x00*",
    b"%PDF",
    b"PK\x03\x04",
    b"\xd0\xcf\x11\xe0",
    b"\x01\x00\x00\x00",  # EMF
    b"\xd7\xcd\xc6\x9a",  # WMF
    b"\x00\x01\x00\x00",  # TrueType
    b"OTTO",
    b"RIFF",
)


def check_archive(archive: zipfile.ZipFile, size: int, name: str, path: str | Path) -> None:
    """Refuse an archive that would unpack to too much, before anything in it is read.

    :param size: the file's own size in bytes.
    :raises DocumentTooLarge: naming the file and the ceiling it passed.
    """
    infos = archive.infolist()
    if len(infos) > MAX_PARTS:
        raise DocumentTooLarge(
            f"{name} holds {len(infos):,} parts, more than the {MAX_PARTS:,} the workbench "
            "will read",
            path=path,
            size=len(infos),
        )
    unpacked = sum(info.file_size for info in infos)
    if unpacked > MAX_UNPACKED:
        raise DocumentTooLarge(
            f"{name} unpacks to {_megabytes(unpacked)} MB, more than the "
            f"{MAX_UNPACKED // _MB} MB the workbench will unpack",
            path=path,
            size=unpacked,
            limit=MAX_UNPACKED,
        )
    if unpacked > MAX_RATIO * max(size, _MB):
        raise DocumentTooLarge(
            f"{name} unpacks to {_megabytes(unpacked)} MB, which is too large to read safely "
            f"(over {MAX_RATIO} times its own size)",
            path=path,
            size=unpacked,
        )
    xml = sum(info.file_size for info in _maybe_xml(archive, infos))
    if xml > MAX_XML:
        raise DocumentTooLarge(
            f"{name} holds {_megabytes(xml)} MB of XML, more than the {MAX_XML // _MB} MB the "
            "workbench will read",
            path=path,
            size=xml,
            limit=MAX_XML,
        )


#: Most compressed RTF read as an Outlook message's body (decompressed in pure Python, up to
#: eight times larger, when the message has no plain-text body).
MAX_RTF = _MB


def check_compound(ole: Any, size: int, name: str, path: str | Path) -> None:
    """Refuse an OLE compound file (an Outlook .msg) whose streams add up to too much.

    A compound file stores its streams uncompressed, so together they cannot be much
    larger than the file unless its sector chains are shared or loop, which only a
    crafted file does.  A message whose body is only compressed RTF is bounded too.

    :param ole: an open ``olefile.OleFileIO``.
    :raises DocumentTooLarge: naming the file and the ceiling it passed.
    """
    streams = ole.listdir(streams=True, storages=False)
    if len(streams) > MAX_PARTS:
        raise DocumentTooLarge(
            f"{name} holds {len(streams):,} streams, more than the {MAX_PARTS:,} the "
            "workbench will read",
            path=path,
            size=len(streams),
        )
    total = sum(ole.get_size(stream) for stream in streams)
    if total > MAX_UNPACKED or total > MAX_RATIO * max(size, _MB):
        raise DocumentTooLarge(
            f"{name} unpacks to {_megabytes(total)} MB, which is too large to read safely",
            path=path,
            size=total,
        )
    plain = any(ole.exists(f"__substg1.0_1000{kind}") for kind in ("001F", "001E"))
    rtf = "__substg1.0_10090102"
    if not plain and ole.exists(rtf) and ole.get_size(rtf) > MAX_RTF:
        raise DocumentTooLarge(
            f"{name} has only a compressed RTF body of {_megabytes(ole.get_size(rtf))} MB, "
            f"more than the {MAX_RTF // _MB} MB the workbench will unpack; save the email "
            "as .eml or as text instead",
            path=path,
            size=ole.get_size(rtf),
            limit=MAX_RTF,
        )


def _maybe_xml(archive: zipfile.ZipFile, infos: Iterable[zipfile.ZipInfo]):
    """The parts whose first bytes do not rule out XML."""
    for info in infos:
        if info.is_dir() or info.file_size == 0:
            continue
        with archive.open(info) as part:
            head = part.read(8)
        if not head.startswith(_BINARY_STARTS):
            yield info


def check_rows(rows: int, name: str, path: str | Path) -> None:
    """Refuse a spreadsheet past :data:`MAX_ROWS` rows (call with the count so far)."""
    if rows > MAX_ROWS:
        raise DocumentTooLarge(
            f"{name} has more than {MAX_ROWS:,} rows, more than the workbench will read",
            path=path,
            size=rows,
            limit=MAX_ROWS,
        )


def check_cell(text: str, name: str, where: str, path: str | Path) -> str:
    """Refuse a cell longer than Excel allows (no spreadsheet program wrote it)."""
    if len(text) > MAX_CELL:
        raise DocumentTooLarge(
            f"{name}: {where} holds {len(text):,} characters, more than the {MAX_CELL:,} a "
            "spreadsheet cell can",
            path=path,
            size=len(text),
            limit=MAX_CELL,
        )
    return text

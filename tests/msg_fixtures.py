"""Outlook messages (.msg) built by the tests, shaped as Outlook saves them.

A .msg is an OLE compound file ([MS-CFB]) whose streams hold MAPI properties
([MS-OXMSG]): ``__properties_version1.0`` lists the fixed-size properties (the
dates, counts, attachment method) and each string or binary property is a
stream of its own, named ``__substg1.0_<tag>`` (UTF-16 text for type 001F).
Recipients and attachments are sub-storages with the same layout.  The compound
file itself is written by ``extract_msg.ole_writer.OleWriter``, the writer the
library uses to save embedded messages, so the tests never hand-pack sectors.

Usage::

    data = build_msg(subject="Internal review", body="Please review ...",
                     attachments=[Attachment("letter.pdf", b"%PDF-1.4 ...")])
"""

from __future__ import annotations

import datetime as dt
import io
import struct
from collections.abc import Iterable
from dataclasses import dataclass

from extract_msg.ole_writer import OleWriter

SENT = dt.datetime(2024, 1, 15, 9, 30, tzinfo=dt.UTC)

# MAPI property tags: id << 16 | type (001F unicode string, 0102 binary,
# 0003 32-bit integer, 0040 FILETIME).
PR_MESSAGE_CLASS = 0x001A001F
PR_SUBJECT = 0x0037001F
PR_CLIENT_SUBMIT_TIME = 0x00390040
PR_MESSAGE_DELIVERY_TIME = 0x0E060040
PR_DISPLAY_TO = 0x0E04001F
PR_SENDER_NAME = 0x0C1A001F
PR_SENDER_EMAIL_ADDRESS = 0x0C1F001F
PR_SENDER_SMTP_ADDRESS = 0x5D01001F
PR_BODY = 0x1000001F
PR_HTML = 0x10130102
PR_RECIPIENT_TYPE = 0x0C150003
PR_DISPLAY_NAME = 0x3001001F
PR_ADDRTYPE = 0x3002001F
PR_EMAIL_ADDRESS = 0x3003001F
PR_SMTP_ADDRESS = 0x39FE001F
PR_ATTACH_DATA_BIN = 0x37010102
PR_ATTACH_EXTENSION = 0x3703001F
PR_ATTACH_FILENAME = 0x3704001F
PR_ATTACH_METHOD = 0x37050003
PR_ATTACH_LONG_FILENAME = 0x3707001F
PR_ATTACH_MIME_TAG = 0x370E001F
PR_ATTACH_SIZE = 0x0E200003

ATTACH_BY_VALUE = 1
MAPI_TO = 1
_READABLE_AND_WRITABLE = 6


@dataclass(frozen=True)
class Attachment:
    filename: str
    data: bytes
    content_type: str = "application/octet-stream"


def build_msg(
    *,
    subject: str = "Internal review of FOI 2023/0456",
    body: str | None = "Dear FOI team,\r\nPlease review my request.\r\nJo Bloggs",
    html: str | None = None,
    sender: tuple[str, str] = ("Jo Bloggs", "jo.bloggs@example.org"),
    to: tuple[str, str] = ("FOI Team", "foi@council.example.gov.uk"),
    sent: dt.datetime = SENT,
    attachments: Iterable[Attachment] = (),
) -> bytes:
    """The bytes of an Outlook email (message class IPM.Note) with these contents."""
    attachments = list(attachments)
    writer = OleWriter()
    strings = {
        PR_MESSAGE_CLASS: "IPM.Note",
        PR_SUBJECT: subject,
        PR_SENDER_NAME: sender[0],
        PR_SENDER_EMAIL_ADDRESS: sender[1],
        PR_SENDER_SMTP_ADDRESS: sender[1],
        PR_DISPLAY_TO: to[0],
    }
    if body is not None:
        strings[PR_BODY] = body
    properties = _strings(writer, "", strings)
    if html is not None:
        properties += _binary(writer, "", PR_HTML, html.encode("utf-8"))
    properties += _fixed(PR_CLIENT_SUBMIT_TIME, struct.pack("<Q", _filetime(sent)))
    properties += _fixed(PR_MESSAGE_DELIVERY_TIME, struct.pack("<Q", _filetime(sent)))
    # The top-level header: 8 reserved bytes, next recipient and attachment ids,
    # recipient and attachment counts, 8 reserved bytes ([MS-OXMSG] 2.4.1.1).
    counts = struct.pack("<IIII", 1, len(attachments), 1, len(attachments))
    writer.addEntry("__properties_version1.0", bytes(8) + counts + bytes(8) + properties)
    _recipient(writer, to)
    for index, attachment in enumerate(attachments):
        _attachment(writer, index, attachment)
    _named_properties(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def build_ole_document() -> bytes:
    """A compound file that is not a message (as an old Word .doc is)."""
    writer = OleWriter()
    writer.addEntry("WordDocument", b"\x00" * 4096)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _recipient(writer: OleWriter, to: tuple[str, str]) -> None:
    storage = "__recip_version1.0_#00000000"
    writer.addEntry(storage, storage=True)
    fields = {PR_DISPLAY_NAME: to[0], PR_EMAIL_ADDRESS: to[1], PR_SMTP_ADDRESS: to[1]}
    properties = _strings(writer, storage, {**fields, PR_ADDRTYPE: "SMTP"})
    properties += _fixed(PR_RECIPIENT_TYPE, struct.pack("<I", MAPI_TO) + bytes(4))
    writer.addEntry(f"{storage}/__properties_version1.0", bytes(8) + properties)


def _attachment(writer: OleWriter, index: int, attachment: Attachment) -> None:
    storage = f"__attach_version1.0_#{index:08X}"
    writer.addEntry(storage, storage=True)
    extension = "." + attachment.filename.rsplit(".", 1)[-1]
    properties = _strings(
        writer,
        storage,
        {
            PR_ATTACH_LONG_FILENAME: attachment.filename,
            PR_ATTACH_FILENAME: attachment.filename[:12],
            PR_ATTACH_EXTENSION: extension,
            PR_ATTACH_MIME_TAG: attachment.content_type,
        },
    )
    properties += _binary(writer, storage, PR_ATTACH_DATA_BIN, attachment.data)
    properties += _fixed(PR_ATTACH_METHOD, struct.pack("<I", ATTACH_BY_VALUE) + bytes(4))
    properties += _fixed(PR_ATTACH_SIZE, struct.pack("<I", len(attachment.data)) + bytes(4))
    writer.addEntry(f"{storage}/__properties_version1.0", bytes(8) + properties)


def _named_properties(writer: OleWriter) -> None:
    """The (empty) named-property mapping every message carries."""
    writer.addEntry("__nameid_version1.0", storage=True)
    for stream in ("00020102", "00030102", "00040102"):
        writer.addEntry(f"__nameid_version1.0/__substg1.0_{stream}", b"")


def _strings(writer: OleWriter, storage: str, values: dict[int, str]) -> bytes:
    """Write each string property's stream; return their entries for the property stream."""
    entries = b""
    for tag, text in values.items():
        data = text.encode("utf-16-le")
        writer.addEntry(_stream(storage, tag), data)
        entries += _variable(tag, len(data) + 2)  # the size counts the terminating null
    return entries


def _binary(writer: OleWriter, storage: str, tag: int, data: bytes) -> bytes:
    writer.addEntry(_stream(storage, tag), data)
    return _variable(tag, len(data))


def _stream(storage: str, tag: int) -> str:
    name = f"__substg1.0_{tag:08X}"
    return f"{storage}/{name}" if storage else name


def _fixed(tag: int, value: bytes) -> bytes:
    """A 16-byte property entry holding its 8-byte value."""
    return struct.pack("<HHI", tag & 0xFFFF, tag >> 16, _READABLE_AND_WRITABLE) + value


def _variable(tag: int, size: int) -> bytes:
    """A 16-byte property entry for a stream property: its size, then 4 reserved bytes."""
    return struct.pack("<HHII", tag & 0xFFFF, tag >> 16, _READABLE_AND_WRITABLE, size) + bytes(4)


def _filetime(moment: dt.datetime) -> int:
    """100-nanosecond intervals since 1 January 1601 (UTC), as Windows counts time."""
    since = moment - dt.datetime(1601, 1, 1, tzinfo=dt.UTC)
    return (since.days * 86_400 + since.seconds) * 10_000_000 + since.microseconds * 10

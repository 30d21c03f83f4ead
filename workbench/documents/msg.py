"""Outlook messages (.msg): the body as text; sender, date and attachments as metadata.

FOI requests and review requests reach a team as Outlook messages, saved from
Outlook by dragging them out.  A .msg is not MIME but an OLE compound file (a
small file system of "streams" holding MAPI properties), so it is read with
``extract-msg``.  The metadata has the same keys as an .eml's (``subject``,
``from``, ``to``, ``cc``, ``date``, ``attachments``, ``body_format``), so the
extractor and the checks treat both kinds of email alike.  Attachments are listed,
never read.
"""

from __future__ import annotations

import datetime as dt
import logging
import struct
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ..errors import UnreadableDocument
from .archives import check_compound
from .formats import OLE_MAGIC, _sniff
from .html_text import _html_to_text
from .source import _Source

#: olefile treats shorter "data" as a file name, and no compound file is smaller.
_SMALLEST_OLE_FILE = 1536
#: What a .msg holds at its root and other OLE files (.doc, .xls) do not.
_MESSAGE_STREAM = "__properties_version1.0"


def _parse_msg(data: bytes, source: _Source) -> tuple[str, dict[str, Any]]:
    """An Outlook message: body text only; headers and attachments go in metadata."""
    if not data.startswith(OLE_MAGIC):
        raise UnreadableDocument(
            f"{source.name} is not a valid Outlook message (.msg) file.{_sniff(data)}",
            path=source.error_path,
        )
    if len(data) < _SMALLEST_OLE_FILE:
        raise _corrupt(source)
    with _message(data, source) as message:
        body, body_format = _body(message, source)
        metadata = _headers(message)
        metadata.update(body_format=body_format, attachments=list(_attachments(message)))
    if not body.strip():
        raise UnreadableDocument(_no_body_message(source, metadata), path=source.error_path)
    return body, metadata


@contextmanager
def _message(data: bytes, source: _Source) -> Iterator[Any]:
    """Open the message, and turn any error of the OLE or MAPI readers into one message.

    A damaged compound file can fail in many ways deep inside ``olefile`` and
    ``extract-msg`` (their own exceptions, ``OSError``, ``struct.error``, a
    ``KeyError`` for a missing stream), while being read as well as while opened;
    to a reviewer all of them mean the same thing, and the cause stays chained.
    """
    import extract_msg
    import olefile

    if not _is_message(olefile, data, source):
        raise UnreadableDocument(
            f"{source.name} is not an Outlook message: it is another kind of Office file "
            "(such as an old .doc or .xls). Save the email from Outlook as .msg, or as .eml.",
            path=source.error_path,
        )
    opened = None
    try:
        with _quiet_library():
            opened = extract_msg.openMsg(data, delayAttachments=False)
            yield opened
    except UnreadableDocument:
        raise
    except extract_msg.exceptions.UnsupportedMSGTypeError as exc:
        raise UnreadableDocument(
            f"{source.name} is an Outlook item the workbench cannot read as an email "
            f"({exc}); encrypted or signed messages must be saved unprotected first.",
            path=source.error_path,
        ) from exc
    except _library_errors() as exc:
        raise _corrupt(source) from exc
    finally:
        if opened is not None:
            opened.close()


def _is_message(olefile: Any, data: bytes, source: _Source) -> bool:
    """True when the compound file has a message's property stream at its root.

    A message is also checked against the bounds on what reading it may cost
    (:func:`workbench.documents.archives.check_compound`) before extract-msg reads it.
    """
    try:
        with olefile.OleFileIO(data) as ole:
            if not ole.exists(_MESSAGE_STREAM):
                return False
            check_compound(ole, len(data), source.name, source.error_path)
            return True
    except _library_errors():
        return True  # let extract-msg say what is wrong, mapped like any other damage


@contextmanager
def _quiet_library() -> Iterator[None]:
    """extract-msg logs each oddity it tolerates; the reviewer gets one message instead."""
    logger = logging.getLogger("extract_msg")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def _library_errors() -> tuple[type[BaseException], ...]:
    """What a damaged file can raise inside olefile and extract-msg (imported when needed)."""
    from extract_msg.exceptions import ExMsgBaseException

    return (
        ExMsgBaseException,
        OSError,  # olefile.OleFileError is an OSError
        ValueError,
        KeyError,
        IndexError,
        TypeError,
        AttributeError,
        UnicodeError,
        struct.error,
        NotImplementedError,
    )


def _corrupt(source: _Source) -> UnreadableDocument:
    return UnreadableDocument(
        f"{source.name} is not a valid Outlook message (.msg) file (it may be corrupt).",
        path=source.error_path,
    )


def _body(message: Any, source: _Source) -> tuple[str, str]:
    """The plain-text body if it has any text, else the HTML body converted to text."""
    plain = message.body
    if isinstance(plain, str) and plain.strip():
        return plain, "plain"
    html = message.htmlBody
    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    if isinstance(html, str):
        text = _html_to_text(html, source)
        if text.strip():
            return text, "html"
    return "", "none"


def _headers(message: Any) -> dict[str, Any]:
    """Subject, sender, recipients and sending date, keyed as an .eml's are."""
    moment = message.date
    return {
        "subject": _text(message.subject),
        "from": _text(message.sender),
        "to": _text(message.to),
        "cc": _text(message.cc),
        "date": moment.isoformat() if isinstance(moment, dt.datetime) else None,
    }


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return str(value).strip() or None


def _attachments(message: Any) -> Iterator[dict[str, Any]]:
    """Every attachment by name, type and size; an attached email is named by its subject."""
    for attachment in message.attachments:
        data = attachment.data
        embedded = not isinstance(data, bytes | type(None))
        name = attachment.longFilename or attachment.shortFilename
        if embedded and not name:
            name = f"{_text(getattr(data, 'subject', None)) or 'attached message'}.msg"
        yield {
            "filename": name or "(no name)",
            "content_type": "message/rfc822" if embedded else _mimetype(attachment),
            "size": len(data) if isinstance(data, bytes) else _declared_size(attachment),
        }


def _mimetype(attachment: Any) -> str:
    try:
        return attachment.mimetype or "application/octet-stream"
    except Exception:  # noqa: BLE001 - a guess at a type is never worth failing the email
        return "application/octet-stream"


def _declared_size(attachment: Any) -> int:
    """PR_ATTACH_SIZE, for attachments whose bytes are not a plain stream."""
    try:
        return int(attachment.props.get("0E200003").value)
    except (AttributeError, TypeError, ValueError):
        return 0


def _no_body_message(source: _Source, metadata: dict[str, Any]) -> str:
    """Say that the message is empty, and point at the attachments if the text is there."""
    attachments = metadata["attachments"]
    if not attachments:
        return f"{source.name} contains no text: the message has no body."
    names = ", ".join(item["filename"] for item in attachments)
    return (
        f"{source.name} contains no text: the message has no body, only attachments "
        f"({names}). Attachments are not read; save them and load them separately."
    )

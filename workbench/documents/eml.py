"""Email (.eml): the body as text; headers and attachments as metadata."""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from typing import Any, cast

from ..errors import UnreadableDocument
from .formats import _sniff
from .html_text import _html_to_text
from .source import _Source

_EMAIL_HEADERS = ("from", "to", "subject", "date", "message-id", "mime-version")
_HEADER_ERRORS = (LookupError, ValueError, TypeError, AttributeError)


def _parse_eml(data: bytes, source: _Source) -> tuple[str, dict[str, Any]]:
    """An .eml file: body text only; headers and attachments go in metadata."""
    looks_like = _sniff(data)
    if looks_like:
        raise UnreadableDocument(
            f"{source.name} is not a valid email (.eml) file.{looks_like}",
            path=source.error_path,
        )
    message = _parse_email_bytes(data, source)
    body, body_format = _email_body(message, source)
    attachments = list(_email_attachments(message))
    metadata = _email_headers(message)
    metadata.update(body_format=body_format, attachments=attachments)
    if not body.strip():
        raise UnreadableDocument(
            _no_email_body_message(source, attachments), path=source.error_path
        )
    return body, metadata


def _parse_email_bytes(data: bytes, source: _Source) -> EmailMessage:
    """Parse leniently (the stdlib records defects rather than raising), then check
    that it is an email at all: a text file renamed .eml parses without complaint."""
    try:
        message = BytesParser(policy=policy.default).parsebytes(data)
    except (*_HEADER_ERRORS, UnicodeError) as exc:
        raise UnreadableDocument(
            f"{source.name} is not a valid email (.eml) file (it may be corrupt).",
            path=source.error_path,
        ) from exc
    present = {key.lower() for key in message.keys()}
    if not present.intersection(_EMAIL_HEADERS):
        raise UnreadableDocument(
            f"{source.name} is not a valid email (.eml) file: it has no email headers "
            "(From, To, Subject or Date).",
            path=source.error_path,
        )
    return cast(EmailMessage, message)  # policy.default always builds EmailMessage


def _no_email_body_message(source: _Source, attachments: list[dict[str, Any]]) -> str:
    """Say that the email is empty, and point at the attachments if that is where the text is."""
    if not attachments:
        return f"{source.name} contains no text: the email has no message body."
    names = ", ".join(item["filename"] for item in attachments)
    return (
        f"{source.name} contains no text: the email has no message body, only attachments "
        f"({names}). Attachments are not read; save them and load them separately."
    )


def _email_body(message: EmailMessage, source: _Source) -> tuple[str, str]:
    """The text/plain body if it has any text, else the HTML body converted to text."""
    for subtype in ("plain", "html"):
        part = message.get_body(preferencelist=(subtype,))
        if part is None:
            continue
        text = _part_text(part)
        if subtype == "html":
            text = _html_to_text(text, source)
        if text.strip():
            return text, subtype
    return "", "none"


def _part_text(part: EmailMessage) -> str:
    """Decode a text part, trusting its declared charset only as far as it works.

    Mail often says iso-8859-1 while using Windows-1252 curly quotes, or says
    nothing and sends UTF-8, so fall back rather than fail on a mislabelled body.
    """
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    declared = part.get_content_charset()
    for encoding in _email_charsets(declared):
        try:
            return payload.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return payload.decode("cp1252", errors="replace")


def _email_charsets(declared: str | None) -> list[str]:
    """Encodings to try, in order, for a part that declares ``declared``."""
    try:
        name = codecs.lookup(declared).name if declared else None
    except LookupError:
        name = None
    if name in (None, "ascii"):
        return ["utf-8", "cp1252"]
    if name == "iso8859-1":  # as browsers do: the C1 range is really Windows-1252
        return ["cp1252", "utf-8"]
    return [name, "utf-8"]


def _email_headers(message: EmailMessage) -> dict[str, Any]:
    """Subject, sender, recipients and date; the date as ISO 8601 when it parses."""
    metadata: dict[str, Any] = {
        name: _header(message, name) for name in ("subject", "from", "to", "cc")
    }
    try:
        moment = getattr(message["date"], "datetime", None)
    except _HEADER_ERRORS:  # some malformed dates raise instead of recording a defect
        moment = None
    metadata["date"] = moment.isoformat() if moment is not None else None
    raw_date = _header(message, "date")
    if moment is None and raw_date:
        metadata["date_raw"] = raw_date  # keep what it said, for a human to read
    return metadata


def _header(message: EmailMessage, name: str) -> str | None:
    """A decoded header, or the raw text if the stdlib's parser chokes on it."""
    try:
        value = message[name]
    except _HEADER_ERRORS:
        return _raw_header(message, name)
    return None if value is None else str(value)


def _raw_header(message: EmailMessage, name: str) -> str | None:
    for key, value in message.raw_items():
        if key.lower() == name:
            return str(value)
    return None


def _email_attachments(part: EmailMessage) -> Iterator[dict[str, Any]]:
    """Every attached file, however deeply nested, without descending into them."""
    if not part.is_multipart() or part.get_content_maintype() == "message":
        return
    for child in part.iter_parts():
        if _is_attachment(child):
            yield {
                "filename": child.get_filename() or "(no name)",
                "content_type": child.get_content_type(),
                "size": _attachment_size(child),
            }
        elif child.is_multipart():
            yield from _email_attachments(child)


def _is_attachment(part: EmailMessage) -> bool:
    """Attachments, named inline files and attached emails; not body alternatives."""
    if part.is_attachment() or part.get_filename():
        return True
    return part.get_content_maintype() not in ("text", "multipart")


def _attachment_size(part: EmailMessage) -> int:
    """Decoded size in bytes; an attached email is measured as its whole message."""
    if part.get_content_maintype() == "message" or part.is_multipart():
        inner = part.get_payload()
        if isinstance(inner, list):
            return sum(len(item.as_bytes()) for item in inner)
    payload = part.get_payload(decode=True)
    return len(payload) if isinstance(payload, bytes) else 0

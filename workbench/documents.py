"""Turn an uploaded or saved document into plain text plus a little metadata.

Every check downstream (exemptions cited, deadlines, redaction wording) works on
``Document.text`` and points back into it by character offset, so the loader
keeps text as close to the source as it can: only newlines are normalised.

Reviewers see the error messages directly, so every failure, including any
exception from the parsing libraries, becomes a :class:`~workbench.errors.DocumentError`
subclass whose message names the file and says what is wrong in plain English.
The library exception stays available as ``__cause__`` for debugging.
"""

from __future__ import annotations

import codecs
import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path
from typing import Any, NamedTuple, cast

import docx
from charset_normalizer import from_bytes
from docx.opc.exceptions import OpcError
from docx.oxml.exceptions import XmlchemyError
from docx.oxml.ns import qn
from lxml.etree import LxmlError
from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError, PyPdfError

from .errors import DocumentError, DocumentTooLarge, UnreadableDocument, UnsupportedFormat
from .settings import max_upload_bytes

#: Extension -> format name. The order is the order shown to users.
SUPPORTED_EXTENSIONS: dict[str, str] = {
    ".txt": "txt",
    ".md": "md",
    ".eml": "eml",
    ".docx": "docx",
    ".pdf": "pdf",
}

#: What to tell someone who uploads a format we know but do not read.
_CONVERSION_HINTS: dict[str, str] = {
    ".doc": "save it as .docx first",
    ".docm": "save it as .docx first",
    ".dot": "save it as .docx first",
    ".dotx": "save it as .docx first",
    ".odt": "save it as .docx first",
    ".rtf": "save it as .docx first",
    ".pages": "export it as .docx or .pdf first",
    ".msg": "save the email as .eml first",
    ".htm": "save it as .pdf or .txt first",
    ".html": "save it as .pdf or .txt first",
}

_MB = 1024 * 1024

#: A .docx may expand this many times its own size when unzipped; beyond that it is
#: treated as too large rather than risk exhausting memory (a "zip bomb").
_MAX_UNZIP_RATIO = 25


@dataclass(frozen=True)
class Document:
    """A loaded document: its text, where it came from and what else we learned.

    ``path`` is ``None`` for uploads (``load_bytes``); ``filename`` is always the
    bare file name, safe to show. ``text`` is left out of ``repr`` because it can
    be megabytes long.
    """

    text: str = field(repr=False)
    filename: str
    format: str
    metadata: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None


class _Source(NamedTuple):
    """The name to show in messages and the path to attach to errors."""

    name: str
    path: Path | None

    @property
    def error_path(self) -> str | Path:
        return self.path if self.path is not None else self.name


# --------------------------------------------------------------------------- public API


def load_document(path: str | Path, *, max_bytes: int | None = None) -> Document:
    """Load a document from disk.

    The size is checked from the file's metadata before reading, so an oversized
    file is refused without being read into memory.
    """
    path = Path(path)
    source = _Source(path.name, path)
    limit = _resolve_limit(max_bytes)
    size = _file_size(path)
    fmt = _format_for(source)
    _check_size(size, limit, source)
    data = _read_file(path, limit)
    _check_size(len(data), limit, source)  # the file may have grown since stat()
    return _parse(data, fmt, source)


def load_bytes(data: bytes, filename: str, *, max_bytes: int | None = None) -> Document:
    """Load an uploaded document from memory.

    Only the last component of ``filename`` is used (an upload called
    ``../../etc/passwd`` is just ``passwd``) and the filesystem is never touched.
    """
    source = _Source(_basename(filename), None)
    limit = _resolve_limit(max_bytes)
    fmt = _format_for(source)
    _check_size(len(data), limit, source)
    return _parse(bytes(data), fmt, source)


# --------------------------------------------------------------------------- checks


def _resolve_limit(max_bytes: int | None) -> int:
    """The caller's limit, or the configured one; a non-positive limit is a bug."""
    if max_bytes is None:
        return max_upload_bytes()
    if max_bytes <= 0:
        raise ValueError(f"max_bytes must be above 0, not {max_bytes}")
    return max_bytes


def _basename(filename: str) -> str:
    """The last path component, whichever separator the browser used."""
    name = re.split(r"[\\/]", filename.replace("\x00", ""))[-1].strip()
    return name if name not in ("", ".", "..") else "upload"


def _format_for(source: _Source) -> str:
    """The format named by the extension, or UnsupportedFormat saying what to do."""
    suffix = Path(source.name).suffix.lower()
    if suffix in SUPPORTED_EXTENSIONS:
        return SUPPORTED_EXTENSIONS[suffix]
    supported = ", ".join(SUPPORTED_EXTENSIONS)
    if not suffix:
        problem = f"{source.name} has no file extension, so its type is unknown"
    else:
        problem = f"{source.name} is a {suffix} file, which the workbench cannot read"
        if suffix in _CONVERSION_HINTS:
            problem += f" ({suffix}: {_CONVERSION_HINTS[suffix]})"
    raise UnsupportedFormat(
        f"{problem}. Supported types: {supported}.",
        path=source.error_path,
        extension=suffix,
    )


def _check_size(size: int, limit: int, source: _Source) -> None:
    """Refuse anything over the limit, saying both sizes in MB."""
    if size <= limit:
        return
    shown, limit_shown = _megabytes(size), _megabytes(limit)
    if shown == limit_shown:  # just over: MB would read "20 MB, over the 20 MB limit"
        shown, limit_shown = f"{size:,} bytes", f"{limit:,} bytes"
    else:
        shown, limit_shown = f"{shown} MB", f"{limit_shown} MB"
    raise DocumentTooLarge(
        f"{source.name} is {shown}, over the {limit_shown} limit for documents "
        "(set WORKBENCH_MAX_UPLOAD_MB to change it).",
        path=source.error_path,
        size=size,
        limit=limit,
    )


def _megabytes(size: int) -> str:
    """Size in MB to one decimal place, without a pointless '.0'."""
    text = f"{size / _MB:.1f}"
    return text[:-2] if text.endswith(".0") else text


# --------------------------------------------------------------------------- filesystem


def _file_size(path: Path) -> int:
    """The file's size, refusing folders and mapping OS errors to DocumentError."""
    try:
        info = path.stat()
    except OSError as exc:
        raise _os_error(path, exc) from exc
    if stat.S_ISDIR(info.st_mode):
        raise DocumentError(f"{path} is a folder, not a document.", path=path)
    return info.st_size


def _read_file(path: Path, limit: int) -> bytes:
    """Read at most one byte more than the limit, so a growing file is still caught."""
    try:
        with path.open("rb") as handle:
            return handle.read(limit + 1)
    except OSError as exc:
        raise _os_error(path, exc) from exc


def _os_error(path: Path, exc: OSError) -> DocumentError:
    """A plain-English DocumentError for a failed stat or open."""
    if isinstance(exc, FileNotFoundError):
        return DocumentError(f"No such file: {path}", path=path)
    if isinstance(exc, IsADirectoryError):
        return DocumentError(f"{path} is a folder, not a document.", path=path)
    if isinstance(exc, PermissionError):
        return DocumentError(f"{path} could not be opened: permission denied.", path=path)
    reason = exc.strerror or str(exc)
    return DocumentError(f"{path} could not be read: {reason}.", path=path)


# --------------------------------------------------------------------------- dispatch


def _parse(data: bytes, fmt: str, source: _Source) -> Document:
    """Run the format's parser, then apply the checks every format shares."""
    if not data:
        raise UnreadableDocument(f"{source.name} is empty (0 bytes).", path=source.error_path)
    text, metadata = _PARSERS[fmt](data, source)
    text = _normalise_newlines(text)
    if not text.strip():
        raise UnreadableDocument(
            f"{source.name} contains no text (it is empty or only whitespace).",
            path=source.error_path,
        )
    metadata["size_bytes"] = len(data)
    return Document(
        text=text, filename=source.name, format=fmt, metadata=metadata, path=source.path
    )


def _normalise_newlines(text: str) -> str:
    """Windows and old Mac line endings become \\n; nothing else changes."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _sniff(data: bytes) -> str:
    """What the bytes really are, as a sentence for the error message ('' if unknown).

    A wrong extension is a common mistake, and the fix (rename, re-save, remove a
    password) depends on what the file actually is.
    """
    if data.startswith(b"%PDF-"):
        return " It looks like a PDF: rename it to .pdf."
    if data.startswith(b"PK\x03\x04"):
        return " It looks like a zip archive, such as a Word document: if so, rename it to .docx."
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return (
            " It looks like an old-style Office file (.doc) or a password-protected one: "
            "save it as .docx without a password."
        )
    if data.startswith(b"{\\rtf"):
        return " It looks like an RTF file: save it as .docx first."
    return ""


# --------------------------------------------------------------------------- plain text


_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _parse_text(data: bytes, source: _Source) -> tuple[str, dict[str, Any]]:
    """A .txt or .md file: decode it and keep the text exactly as written."""
    looks_like = _sniff(data)
    if looks_like:
        raise UnreadableDocument(
            f"{source.name} is not a text file.{looks_like}", path=source.error_path
        )
    text, encoding = _decode_text(data, source)
    return text, {"encoding": encoding}


def _decode_text(data: bytes, source: _Source) -> tuple[str, str]:
    """Decode with a byte-order mark if there is one, else UTF-8, else detect."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_strict(data[len(bom) :], encoding, source), encoding
    if b"\x00" in data:
        encoding = _bomless_utf16(data)
        if encoding is None:
            raise UnreadableDocument(
                f"{source.name} is not a text file: it contains binary data.",
                path=source.error_path,
            )
        return _decode_strict(data, encoding, source), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    encoding = _detect_legacy_encoding(data)
    if encoding is None:
        raise UnreadableDocument(
            f"{source.name} could not be read as text: its character encoding could not "
            "be worked out. Save it as UTF-8 and try again.",
            path=source.error_path,
        )
    return _decode_strict(data, encoding, source), encoding


def _decode_strict(data: bytes, encoding: str, source: _Source) -> str:
    """Decode, turning a UnicodeDecodeError into a message about the file."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UnreadableDocument(
            f"{source.name} could not be read as {encoding} text: it contains bytes "
            f"that are not valid {encoding} (at byte {exc.start}). It may be corrupt.",
            path=source.error_path,
        ) from exc


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM puts a zero in every other byte of ASCII text; spot that."""
    sample = data[:4096]
    if len(sample) < 2 or len(data) % 2:
        return None
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_zeros > half * 0.3 and even_zeros == 0:
        return "utf-16-le"
    if even_zeros > half * 0.3 and odd_zeros == 0:
        return "utf-16-be"
    return None


def _detect_legacy_encoding(data: bytes) -> str | None:
    """Guess a non-UTF-8 encoding, preferring Windows-1252 as UK offices use it.

    charset-normalizer often ranks Central European code pages (cp1250, cp852)
    above cp1252 for short English text with "£" or curly quotes, because they
    decode it equally cleanly. So cp1252 wins whenever it is among the plausible
    candidates, or when the detector recognised no language at all; its top
    guess is used only when it found a language in it (Russian cp1251, etc.).
    """
    results = from_bytes(data)
    candidates = [_codec_name(match.encoding) for match in results]
    if "cp1252" in candidates:
        return "cp1252"
    best = results.best()
    if best is not None and best.coherence > 0 and not best.encoding.startswith("utf_"):
        return _codec_name(best.encoding)
    if _decodes(data, "cp1252"):
        return "cp1252"
    if best is not None and not best.encoding.startswith("utf_"):
        return _codec_name(best.encoding)
    return None


def _codec_name(encoding: str) -> str:
    """Python's canonical name, so 'latin_1' and 'iso8859-1' compare equal."""
    return codecs.lookup(encoding).name


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


# --------------------------------------------------------------------------- email


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


# --------------------------------------------------------------------------- docx


def _parse_docx(data: bytes, source: _Source) -> tuple[str, dict[str, Any]]:
    """A Word document: paragraphs and table rows in the order they appear."""
    _check_office_zip(data, source)
    try:
        return _docx_text_and_metadata(data)
    except _DOCX_ERRORS as exc:
        raise _invalid(source, "Word document") from exc


def _check_office_zip(data: bytes, source: _Source) -> None:
    """A .docx is a zip with word/document.xml; say clearly when it is something else."""
    if not data.startswith(b"PK\x03\x04"):
        raise UnreadableDocument(
            f"{source.name} is not a valid Word document (it may be corrupt).{_sniff(data)}",
            path=source.error_path,
        )
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            names = set(archive.namelist())
            unzipped = sum(info.file_size for info in archive.infolist())
    except _ZIP_ERRORS as exc:
        raise _invalid(source, "Word document") from exc
    if "word/document.xml" not in names:
        raise UnreadableDocument(
            f"{source.name} is not a valid Word document (it may be corrupt)."
            f"{_other_office_hint(names)}",
            path=source.error_path,
        )
    if unzipped > _MAX_UNZIP_RATIO * max(len(data), _MB):
        raise DocumentTooLarge(
            f"{source.name} unpacks to {_megabytes(unzipped)} MB, which is too large to read "
            "safely.",
            path=source.error_path,
            size=unzipped,
        )


def _other_office_hint(names: set[str]) -> str:
    """Name the real type of a renamed Excel, PowerPoint or OpenDocument file."""
    if any(name.startswith("xl/") for name in names):
        return " It looks like an Excel workbook."
    if any(name.startswith("ppt/") for name in names):
        return " It looks like a PowerPoint presentation."
    if "content.xml" in names:
        return " It looks like an OpenDocument file: save it as .docx first."
    return ""


def _invalid(source: _Source, kind: str) -> UnreadableDocument:
    return UnreadableDocument(
        f"{source.name} is not a valid {kind} (it may be corrupt).", path=source.error_path
    )


#: What zipfile raises on a damaged or unusual archive.
_ZIP_ERRORS: tuple[type[Exception], ...] = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    NotImplementedError,  # an unsupported compression method or zip version
    RuntimeError,  # an encrypted member
    ValueError,
    EOFError,
    zlib.error,
)

#: What python-docx and lxml add on top when the package's XML is damaged.
_DOCX_ERRORS: tuple[type[Exception], ...] = (
    *_ZIP_ERRORS,
    OpcError,
    XmlchemyError,
    LxmlError,
    KeyError,
    TypeError,
    AttributeError,
)


def _docx_text_and_metadata(data: bytes) -> tuple[str, dict[str, Any]]:
    """Open with python-docx, then walk the body XML so tables stay in place."""
    document = docx.Document(BytesIO(data))
    body = document.element.body
    blocks = list(_docx_blocks(body))
    properties = document.core_properties
    paragraphs = [child for child in body.iterchildren(_W_P) if _inline_text(child).strip()]
    metadata = {
        "title": properties.title or None,
        "author": properties.author or None,
        "paragraphs": len(paragraphs),  # non-empty ones outside tables
        "tables": len(body.findall(f".//{_W_TBL}")),
    }
    return "\n".join(blocks), metadata


_W_P, _W_R, _W_TBL, _W_TR, _W_TC = (qn(f"w:{t}") for t in ("p", "r", "tbl", "tr", "tc"))
_W_SDT, _W_SDT_CONTENT, _W_CUSTOM_XML = (qn(f"w:{t}") for t in ("sdt", "sdtContent", "customXml"))

#: Inline wrappers whose runs are part of the visible text. python-docx's own
#: Paragraph.text only reads direct runs and hyperlinks, so it silently drops text in
#: tracked insertions, content controls (common in letter templates) and fields.
_W_INLINE_CONTAINERS = frozenset(
    qn(f"w:{t}")
    for t in (
        "hyperlink",
        "ins",
        "moveTo",
        "sdt",
        "sdtContent",
        "fldSimple",
        "smartTag",
        "customXml",
        "dir",
        "bdo",
    )
)


def _docx_blocks(container: Any) -> Iterator[str]:
    """One string per paragraph and per table row, in document order."""
    for child in container.iterchildren():
        if child.tag == _W_P:
            yield _inline_text(child)
        elif child.tag == _W_TBL:
            yield from _table_rows(child)
        elif child.tag in (_W_SDT, _W_CUSTOM_XML):
            content = child.find(_W_SDT_CONTENT) if child.tag == _W_SDT else child
            if content is not None:
                yield from _docx_blocks(content)


def _inline_text(element: Any) -> str:
    """A paragraph's visible text: runs (via python-docx) inside any inline wrapper.

    Deleted text (w:del, w:delText) is skipped, as Word shows it with changes accepted.
    """
    parts: list[str] = []
    for child in element.iterchildren():
        if child.tag == _W_R:
            parts.append(child.text or "")
        elif child.tag in _W_INLINE_CONTAINERS:
            parts.append(_inline_text(child))
    return "".join(parts)


def _table_rows(table: Any) -> Iterator[str]:
    """Each row on one line, cells joined with ' | '; merged cells appear once."""
    for row in table.iterchildren(_W_TR):
        yield " | ".join(_cell_text(cell) for cell in row.iterchildren(_W_TC))


def _cell_text(cell: Any) -> str:
    """A cell's paragraphs (and any nested table) on one line, so the row stays one line."""
    return " ".join(block.strip() for block in _docx_blocks(cell) if block.strip())


# --------------------------------------------------------------------------- pdf


def _parse_pdf(data: bytes, source: _Source) -> tuple[str, dict[str, Any]]:
    """A PDF: each page's text, pages separated by a blank line."""
    if b"%PDF-" not in data[:1024]:
        raise UnreadableDocument(
            f"{source.name} is not a valid PDF (it may be corrupt).{_sniff(data)}",
            path=source.error_path,
        )
    try:
        reader = _open_pdf(data, source)
        pages = _pdf_page_texts(reader)
        metadata = _pdf_metadata(reader)
    except _PDF_ERRORS as exc:
        raise _invalid(source, "PDF") from exc
    if not pages:
        raise UnreadableDocument(
            f"{source.name} has no pages (it may be corrupt).", path=source.error_path
        )
    if not any(page.strip() for page in pages):
        raise UnreadableDocument(
            f"{source.name} has no text that can be extracted: it may be a scanned image. "
            "Run it through OCR (text recognition) first, then load the result.",
            path=source.error_path,
        )
    text, starts = _join_pages(pages)
    metadata.update(
        pages=len(pages),
        page_starts=starts,
        pages_without_text=[n for n, page in enumerate(pages, 1) if not page.strip()],
    )
    return text, metadata


#: pypdf raises its own errors and, on malformed input, almost any built-in one.
_PDF_ERRORS: tuple[type[Exception], ...] = (
    PyPdfError,
    ValueError,
    LookupError,
    TypeError,
    AttributeError,
    AssertionError,
    ArithmeticError,
    RuntimeError,  # includes RecursionError and NotImplementedError (unknown filters)
    OSError,
    struct.error,
    zlib.error,
)


def _open_pdf(data: bytes, source: _Source) -> PdfReader:
    """A PdfReader, decrypted if that needs no password (owner-only protection)."""
    reader = PdfReader(BytesIO(data))
    if not reader.is_encrypted:
        return reader
    try:
        result = reader.decrypt("")
    except DependencyError as exc:
        raise UnreadableDocument(
            f"{source.name} is encrypted in a way this installation cannot open "
            "(AES encryption needs the 'cryptography' package). Ask for an unencrypted copy.",
            path=source.error_path,
        ) from exc
    if result == PasswordType.NOT_DECRYPTED:
        raise UnreadableDocument(
            f"{source.name} is password-protected. Remove the password (or ask for a copy "
            "without one) and load it again.",
            path=source.error_path,
        )
    return reader


def _pdf_page_texts(reader: PdfReader) -> list[str]:
    """Text of every page, newlines normalised so page offsets stay right."""
    return [_normalise_newlines(page.extract_text() or "") for page in reader.pages]


def _pdf_metadata(reader: PdfReader) -> dict[str, Any]:
    info = reader.metadata
    return {
        "title": (info.title or None) if info is not None else None,
        "author": (info.author or None) if info is not None else None,
    }


def _join_pages(pages: list[str]) -> tuple[str, list[int]]:
    """Join pages with a blank line and record where each page starts in the text."""
    starts: list[int] = []
    offset = 0
    for page in pages:
        starts.append(offset)
        offset += len(page) + 2
    return "\n\n".join(pages), starts


# --------------------------------------------------------------------------- dispatch table


_PARSERS: dict[str, Callable[[bytes, _Source], tuple[str, dict[str, Any]]]] = {
    "txt": _parse_text,
    "md": _parse_text,
    "eml": _parse_eml,
    "docx": _parse_docx,
    "pdf": _parse_pdf,
}

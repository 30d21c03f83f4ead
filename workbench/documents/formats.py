"""Which formats are read, chosen by extension, and what misnamed bytes really are."""

from __future__ import annotations

from pathlib import Path

from ..errors import UnsupportedFormat
from .source import _Source

#: Extension -> format name. The order is the order shown to users.
SUPPORTED_EXTENSIONS: dict[str, str] = {
    ".txt": "txt",
    ".md": "md",
    ".eml": "eml",
    ".msg": "msg",
    ".docx": "docx",
    ".pdf": "pdf",
}


#: Formats that are emails: their metadata has a sender, a date and attachments.
EMAIL_FORMATS = frozenset({"eml", "msg"})

#: The first bytes of an OLE compound file: an Outlook message, or an old .doc or .xls.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: The name of a message's property streams, as an OLE directory stores it (UTF-16).
_MSG_STREAM_NAME = "__substg1.0_".encode("utf-16-le")


#: What to tell someone who uploads a format we know but do not read.
_CONVERSION_HINTS: dict[str, str] = {
    ".doc": "save it as .docx first",
    ".docm": "save it as .docx first",
    ".dot": "save it as .docx first",
    ".dotx": "save it as .docx first",
    ".odt": "save it as .docx first",
    ".rtf": "save it as .docx first",
    ".pages": "export it as .docx or .pdf first",
    ".htm": "save it as .pdf or .txt first",
    ".html": "save it as .pdf or .txt first",
}


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


def _sniff(data: bytes) -> str:
    """What the bytes really are, as a sentence for the error message ('' if unknown).

    A wrong extension is a common mistake, and the fix (rename, re-save, remove a
    password) depends on what the file actually is.
    """
    if data.startswith(b"%PDF-"):
        return " It looks like a PDF: rename it to .pdf."
    if data.startswith(b"PK\x03\x04"):
        return " It looks like a zip archive, such as a Word document: if so, rename it to .docx."
    if data.startswith(OLE_MAGIC) and _MSG_STREAM_NAME in data:
        return " It looks like an Outlook message: rename it to .msg."
    if data.startswith(OLE_MAGIC):
        return (
            " It looks like an old-style Office file (.doc) or a password-protected one: "
            "save it as .docx without a password."
        )
    if data.startswith(b"{\\rtf"):
        return " It looks like an RTF file: save it as .docx first."
    return ""

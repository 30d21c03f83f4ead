"""Creating a case from files uploaded in the browser.

Every upload is checked in memory first (file name, size, type, whether it
can be read at all), so a refused file never touches the cases folder; only
then are the files written to a temporary folder and handed to
:func:`workbench.cases.new_case`, which builds the case folder atomically and
takes the case id from the reference it extracts.  Nothing here knows about
widgets: the Cases page passes in what ``ipywidgets.FileUpload`` holds.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from . import settings
from .cases import (
    Case,
    attach_review_request,
    new_case,
    search_records_from_bytes,
    validate_case_id,
)
from .documents import SUPPORTED_EXTENSIONS, load_bytes
from .errors import CaseError, DocumentError, DocumentTooLarge, UnsupportedFormat

#: The kinds of file a case is made from, in the order the form asks for them.
KINDS = ("response", "request", "searches", "review_request")

#: What the form calls each kind.
KIND_LABELS = {
    "response": "Response",
    "request": "Request",
    "searches": "Search record",
    "review_request": "Review request",
}

#: Extensions accepted for each kind (also the file picker's ``accept``).
DOCUMENT_EXTENSIONS = tuple(SUPPORTED_EXTENSIONS)
SEARCH_EXTENSIONS = (".csv", ".xlsx")
EXTENSIONS = {
    "response": DOCUMENT_EXTENSIONS,
    "request": DOCUMENT_EXTENSIONS,
    "searches": SEARCH_EXTENSIONS,
    "review_request": DOCUMENT_EXTENSIONS,
}

#: Characters that make a file name look like markup, or could confuse a file system.
_UNSAFE_NAME = re.compile(r"[<>\x00-\x1f\x7f]")


@dataclass(frozen=True)
class Upload:
    """One uploaded file: the name the browser gave and its bytes."""

    name: str
    content: bytes

    @classmethod
    def from_widget_value(cls, value: object) -> Upload | None:
        """The first file of a ``FileUpload.value`` (a tuple of dicts), or None when empty."""
        if not value:
            return None
        first = value[0]  # type: ignore[index]
        return cls(name=str(first.get("name") or ""), content=bytes(first.get("content") or b""))

    @property
    def size(self) -> int:
        return len(self.content)


def size_text(size: int) -> str:
    """A size as people read it: 512 bytes, 3.4 KB, 20 MB."""
    if size < 1024:
        return f"{size} bytes"
    for unit, scale in (("KB", 1024), ("MB", 1024**2), ("GB", 1024**3)):
        if size < scale * 1024 or unit == "GB":
            text = f"{size / scale:.1f}"
            return f"{text.removesuffix('.0')} {unit}"
    raise AssertionError("unreachable")


#: Longest upload name kept (file systems allow 255 bytes; the case folder adds nothing).
MAX_NAME = 200


def safe_file_name(name: str) -> str:
    """The bare file name of an upload, refusing names that hold markup or hide the file.

    :raises DocumentError: for an empty or hidden name, or one containing ``<``, ``>``
        or control characters (a name is shown in the page and kept in ``case.json``).
    """
    bare = re.split(r"[\\/]", name)[-1].strip()
    if _UNSAFE_NAME.search(bare):
        raise DocumentError(
            f"The file name {bare!r} contains '<', '>' or control characters; rename the "
            "file (letters, digits, spaces, '-', '_' and '.') and upload it again.",
            path=bare,
        )
    if not bare or bare.startswith("."):
        raise DocumentError(
            f"The file name {name!r} is empty or hidden; rename the file and upload it again.",
            path=bare,
        )
    if len(bare) > MAX_NAME or len(bare.encode("utf-8")) > 255:
        raise DocumentError(
            f"The file name is {len(bare)} characters long; rename the file (at most "
            f"{MAX_NAME} characters) and upload it again.",
            path=bare[:MAX_NAME],
        )
    return bare


def check_upload(kind: str, upload: Upload, max_bytes: int | None = None) -> str:
    """Check one upload without writing it anywhere; return its safe file name.

    :raises DocumentError: (or a subclass) saying what is wrong: the name, the size, the
        type, or that the file cannot be read (corrupt, empty, no header row...).
    """
    limit = max_bytes if max_bytes is not None else settings.max_upload_bytes()
    name = safe_file_name(upload.name)
    _check_size(name, upload.size, limit)
    if kind == "searches":
        _check_search_record(name, upload.content)
    else:
        load_bytes(upload.content, name, max_bytes=limit)
    return name


def _check_size(name: str, size: int, limit: int) -> None:
    """Refuse a file over the limit, in the units the page shows the limit in."""
    if size <= limit:
        return
    shown, limit_shown = size_text(size), size_text(limit)
    if shown == limit_shown:  # just over: "20 MB, over the 20 MB limit" would puzzle
        shown, limit_shown = f"{size:,} bytes", f"{limit:,} bytes"
    raise DocumentTooLarge(
        f"{name} is {shown}, over the {limit_shown} limit for documents "
        "(set WORKBENCH_MAX_UPLOAD_MB to change it).",
        path=name,
        size=size,
        limit=limit,
    )


def _check_search_record(name: str, content: bytes) -> None:
    suffix = Path(name).suffix.lower()
    if suffix not in SEARCH_EXTENSIONS:
        raise UnsupportedFormat(
            f"{name}: a search record must be a .csv or .xlsx file.", path=name, extension=suffix
        )
    try:
        search_records_from_bytes(content, name)
    except DocumentError as exc:
        # The check reads a temporary copy called "upload.csv"; name the reviewer's file.
        message = str(exc).replace(f"upload{suffix}", name, 1)
        raise type(exc)(message, path=name, **exc.context) from exc


def pasted_upload(text: str | None, name: str = "review request (pasted).txt") -> Upload | None:
    """Text pasted into the page (an email body) as an upload of a .txt file; None if blank."""
    if text is None or not text.strip():
        return None
    body = text.replace("\r\n", "\n").strip() + "\n"
    return Upload(name=name, content=body.encode("utf-8"))


def check_uploads(uploads: dict[str, Upload | None], max_bytes: int | None = None) -> list[str]:
    """Every problem with a set of uploads, one sentence each (empty when all is well)."""
    problems = []
    if uploads.get("response") is None:
        problems.append("Choose the response (the letter being reviewed) before creating a case.")
    for kind in KINDS:
        upload = uploads.get(kind)
        if upload is None:
            continue
        try:
            check_upload(kind, upload, max_bytes)
        except DocumentError as exc:
            problems.append(f"{KIND_LABELS[kind]}: {exc}")
    return problems


def create_case(
    uploads: dict[str, Upload | None], case_id: str | None = None, max_bytes: int | None = None
) -> Case:
    """Create a case from uploads checked by :func:`check_uploads`.

    The case id comes from the reference extracted from the response unless
    ``case_id`` is given.  An existing case is never overwritten.

    :raises DocumentError: naming every refused file (one sentence each in its
        ``context["problems"]``); nothing is written.
    :raises CaseError: for an invalid case id, or one that already exists.
    """
    problems = check_uploads(uploads, max_bytes)
    if problems:
        raise DocumentError(" ".join(problems), problems=problems)
    wanted_id = validate_case_id(case_id.strip()) if case_id and case_id.strip() else None
    with tempfile.TemporaryDirectory(prefix="workbench-upload-") as tmp:
        paths = {}
        for kind in KINDS:
            upload = uploads.get(kind)
            if upload is None:
                continue
            folder = Path(tmp) / kind  # one folder each, so two files may share a name
            folder.mkdir()
            path = folder / safe_file_name(upload.name)
            path.write_bytes(upload.content)
            paths[kind] = path
        try:
            return new_case(
                paths["response"],
                request=paths.get("request"),
                searches=paths.get("searches"),
                review_request=paths.get("review_request"),
                case_id=wanted_id,
            )
        except CaseError as exc:
            raise _plain_case_error(exc) from exc


def attach_uploaded_review_request(
    case: Case, upload: Upload, *, replace: bool = False, max_bytes: int | None = None
) -> Case:
    """Give an existing case the review request uploaded (or pasted: :func:`pasted_upload`).

    :raises DocumentError: the file is refused (name, size, type, unreadable).
    :raises CaseError: the case has one already and ``replace`` was not given.
    """
    name = check_upload("review_request", upload, max_bytes)
    with tempfile.TemporaryDirectory(prefix="workbench-upload-") as tmp:
        path = Path(tmp) / name
        path.write_bytes(upload.content)
        return attach_review_request(case, path, original_name=name, replace=replace)


def _plain_case_error(exc: CaseError) -> CaseError:
    """An existing case gets a message that says what to do, without server paths."""
    case_id = exc.case_id
    if case_id and (settings.cases_dir() / case_id).exists():
        return CaseError(
            f"A case called {case_id!r} already exists, so nothing was created and the "
            "existing case is unchanged. Open it from the list, or give this one another "
            "case id.",
            case_id=case_id,
        )
    return exc

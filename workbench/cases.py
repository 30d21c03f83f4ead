"""Case folders: one folder per case under ``<data>/cases/<case-id>/``.

A case folder is the one source of a case's documents and metadata: a
``case.json`` (validated, versioned), the original request and response as
they were received, an optional search record and an optional copy of the
requester's review request.  Reviews (the reviewer's work) live in the store,
not here, so a case folder can be copied between installations as it is.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from . import settings
from .documents import Document, load_document
from .errors import CaseError, CaseNotFound, DocumentError, InvalidCaseId
from .seed_case import provide_cases_folder

if TYPE_CHECKING:
    from .parsing.model import Extraction

SCHEMA_VERSION = 1
CASE_FILE = "case.json"
_ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,79}")
SEARCH_COLUMNS = ("date", "who", "where", "terms", "date_range", "results", "notes")
_SEARCH_ALIASES = {
    "search_terms": "terms",
    "date_range_covered": "date_range",
    "who_(role)": "who",
    "role": "who",
    "where_(system/location)": "where",
    "location": "where",
    "system": "where",
    "result": "results",
}


#: Names Windows keeps for devices, with or without an extension ("CON", "nul.txt").
_WINDOWS_DEVICES = frozenset(
    ["CON", "PRN", "AUX", "NUL"] + [f"{port}{n}" for port in ("COM", "LPT") for n in range(1, 10)]
)


def case_id_problem(case_id: object) -> str | None:
    """What is wrong with a case id, or None: the one rule for case ids everywhere.

    A case id names a folder and a file (``<id>-review-v1.docx``) on any system
    and is shown in pages and letters, so: 1 to 80 letters, digits, ``.``,
    ``-`` or ``_``, starting with a letter or digit, no ``..``, not ending in a
    dot, and not a name Windows reserves (``CON``, ``NUL``, ``COM1``...).
    """
    shown = repr(case_id)[:100]
    if (
        not isinstance(case_id, str)
        or not _ID_PATTERN.fullmatch(case_id)
        or ".." in case_id
        or case_id.endswith(".")
    ):
        return (
            f"Invalid case id {shown}: use up to 80 letters, digits, '.', '-' or '_', "
            "starting with a letter or digit (no '/', '\\' or '..')"
        )
    if case_id.split(".", 1)[0].upper() in _WINDOWS_DEVICES:
        return f"Invalid case id {shown}: Windows reserves that name for a device"
    return None


def validate_case_id(case_id: str) -> str:
    """Refuse ids that could escape the cases folder or confuse a file system."""
    problem = case_id_problem(case_id)
    if problem:
        raise InvalidCaseId(problem, case_id=str(case_id)[:100])
    return case_id


class CaseDocuments(BaseModel):
    """File names (inside the case folder) of the case's documents."""

    model_config = ConfigDict(extra="forbid")

    response: str
    request: str | None = None
    searches: str | None = None
    review_request: str | None = None

    @field_validator("*")
    @classmethod
    def _plain_file_name(cls, value: str | None) -> str | None:
        if value is not None and (Path(value).name != value or value in ("", ".", "..")):
            raise ValueError(f"{value!r} must be a plain file name inside the case folder")
        return value


class CaseMeta(BaseModel):
    """What ``case.json`` holds: the case's metadata, not the reviewer's work."""

    model_config = ConfigDict(extra="forbid")

    schema_version: int = SCHEMA_VERSION
    id: str
    reference: str | None = None
    authority: str | None = None
    regime: Literal["FOIA", "EIR", "FOISA", "EISR", "mixed"] | None = None
    requester: str | None = None
    date_received: dt.date | None = None
    date_responded: dt.date | None = None
    date_review_requested: dt.date | None = None
    documents: CaseDocuments
    original_filenames: dict[str, str] = Field(default_factory=dict)
    created: dt.datetime | None = None

    @field_validator("id")
    @classmethod
    def _valid_id(cls, value: str) -> str:
        return validate_case_id(value)

    @field_validator("schema_version")
    @classmethod
    def _known_version(cls, value: int) -> int:
        if value > SCHEMA_VERSION:
            raise ValueError(
                f"schema_version {value} is newer than this workbench understands "
                f"({SCHEMA_VERSION}); update the workbench"
            )
        return value


class SearchRecord(BaseModel):
    """One search made for the original response, as the search record lists it."""

    date: str = ""
    who: str = ""
    where: str = ""
    terms: str = ""
    date_range: str = ""
    results: str = ""
    notes: str = ""


class Case:
    """A case folder opened for reading: metadata plus lazy access to its documents."""

    def __init__(self, path: Path, meta: CaseMeta) -> None:
        self.path = path
        self.meta = meta

    @property
    def id(self) -> str:
        return self.meta.id

    def __repr__(self) -> str:
        return f"Case({self.id!r}, reference={self.meta.reference!r})"

    def document_path(self, kind: str) -> Path | None:
        name = getattr(self.meta.documents, kind)
        return self.path / name if name else None

    def response(self) -> Document:
        """The original response, loaded as text."""
        return load_document(self.path / self.meta.documents.response)

    def request(self) -> Document | None:
        """The original request, or None when only the response quotes it."""
        path = self.document_path("request")
        return load_document(path) if path else None

    def review_request(self) -> Document | None:
        path = self.document_path("review_request")
        return load_document(path) if path else None

    def searches(self) -> list[SearchRecord]:
        """The search record, or an empty list when the file has none."""
        path = self.document_path("searches")
        return read_search_record(path) if path else []

    def first_pass(self) -> Extraction:
        """The automated reading of the response (and of the request, when the case has one).

        What the checks, the exports and a new review all start from, read here so
        they read the same letter the same way.  The extractor is imported on first
        use: listing cases never needs it.
        """
        from .parsing.extract import extract

        response = self.response()
        request = self.request()
        return extract(response.text, request.text if request is not None else None)

    def save(self) -> None:
        """Write ``case.json`` atomically."""
        write_case_json(self.path, self.meta)


def case_path(case_id: str, cases_root: Path | None = None) -> Path:
    """The folder of ``case_id``, refusing ids that would escape the cases folder."""
    return _cases_root(cases_root) / validate_case_id(case_id)


def load_case(case: str | Path, cases_root: Path | None = None) -> Case:
    """Open a case by id (in the cases folder) or by the path of its folder."""
    path = Path(case) if _looks_like_path(case) else case_path(str(case), cases_root)
    file = path / CASE_FILE
    if not file.is_file():
        raise CaseNotFound(f"No case at {path} (no {CASE_FILE} there)", path=path)
    try:
        raw = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CaseError(f"{file} is not valid JSON: {exc}", path=file) from exc
    try:
        meta = CaseMeta.model_validate(raw)
    except ValidationError as exc:
        raise CaseError(f"{file} is invalid: {_first_error(exc)}", path=file) from exc
    return Case(path, meta)


def find_case(argument: str | Path, cases_root: Path | None = None) -> Case:
    """The case a person named by a case folder or a case id: what commands take.

    A folder holding ``case.json`` wins, so ``workbench check IC-1`` run inside
    a folder of cases opens ``./IC-1``; anything else is read as an id in the
    cases folder.  Unlike :func:`load_case` (for ids a program already holds),
    a relative folder needs no ``/`` to be found.

    :raises CaseNotFound: ``argument`` is neither, named in a one-line message.
    :raises InvalidCaseId: ``argument`` is no folder and no possible case id (``..``).
    :raises CaseError: the case's ``case.json`` cannot be read.
    """
    folder = Path(argument)
    if (folder / CASE_FILE).is_file():
        return load_case(folder)
    root = cases_root or settings.cases_dir()
    if not _looks_like_path(argument):
        path = case_path(str(argument), root)  # refuses '..' and the like, naming them
        if (path / CASE_FILE).is_file():
            return load_case(path)
    raise CaseNotFound(
        f"No case at {str(argument)!r}: it is neither a case folder (one holding {CASE_FILE}) "
        f"nor the id of a case in {root}",
        path=folder,
    )


def _looks_like_path(value: str | Path) -> bool:
    return isinstance(value, Path) or "/" in value or "\\" in value


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err["loc"]) or "case"
    return f"{where}: {err['msg']}"


def list_cases(cases_root: Path | None = None) -> list[Case]:
    """Every valid case in the cases folder, sorted by id; broken folders are skipped."""
    root = _cases_root(cases_root)
    if not root.is_dir():
        return []
    cases = []
    for child in sorted(root.iterdir()):
        if child.is_dir() and (child / CASE_FILE).is_file():
            try:
                cases.append(load_case(child))
            except CaseError:
                continue
    return cases


def _cases_root(cases_root: Path | None) -> Path:
    """The folder given, else the settings' cases folder, made with the seed case if new."""
    if cases_root is not None:
        return cases_root
    root = settings.cases_dir()
    provide_cases_folder(root)
    return root


def write_case_json(folder: Path, meta: CaseMeta) -> None:
    """Write ``case.json`` through a temporary file and a rename, so it is never half-written."""
    text = json.dumps(meta.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
    atomic_write_text(folder / CASE_FILE, text)


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so a crash leaves either the old file or the new one."""
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and ``os.replace``."""
    atomic_write_many({path: data})


def atomic_write_many(files: dict[Path, bytes]) -> None:
    """Write several files so that either all of them are written or none is.

    Each goes to a hidden temporary file beside its target first (a full disk or a
    read-only folder fails here, and every temporary file is removed); only when all
    are safely on disk are they renamed into place.

    :raises OSError: naming the file that could not be written (never a temporary one).
    """
    pending: list[tuple[str, Path]] = []
    created: list[Path] = []
    try:
        for path, data in files.items():
            pending.append((_write_temporary(path, data), path))
        for tmp, path in pending:
            existed = path.exists()
            os.replace(tmp, path)
            if not existed:
                created.append(path)
    except BaseException:
        for tmp, _ in pending:
            Path(tmp).unlink(missing_ok=True)
        for path in created:  # new files of a set that is not complete
            path.unlink(missing_ok=True)
        raise


def _write_temporary(path: Path, data: bytes) -> str:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(path)) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OSError(exc.errno, exc.strerror, str(path)) from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def read_search_record(path: Path) -> list[SearchRecord]:
    """Read a search record from ``.csv`` or ``.xlsx``; headers are matched loosely."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        rows = _csv_rows(path)
    elif suffix == ".xlsx":
        rows = _xlsx_rows(path)
    else:
        raise DocumentError(
            f"{path.name}: a search record must be .csv or .xlsx, not {suffix or 'no extension'}",
            path=path,
        )
    return [SearchRecord(**row) for row in rows if any(row.values())]


def search_records_from_bytes(data: bytes, filename: str) -> list[SearchRecord]:
    """Validate an uploaded search record before it is saved (used by ``new_case``)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"upload{Path(filename).suffix.lower()}"
        path.write_bytes(data)
        return read_search_record(path)


def _normalise_header(header: object) -> str:
    key = re.sub(r"\s+", "_", str(header or "").strip().lower())
    return _SEARCH_ALIASES.get(key, key)


def _keep_known(headers: list[str], values: list[object]) -> dict[str, str]:
    row = {}
    for key, value in zip(headers, values, strict=False):
        if key in SEARCH_COLUMNS:
            row[key] = "" if value is None else _cell_text(value)
    return row


def _cell_text(value: object) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def _csv_rows(path: Path) -> list[dict[str, str]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        text = path.read_bytes().decode("cp1252", errors="replace")
    reader = csv.reader(io.StringIO(text))
    try:
        rows = _bounded_rows(reader, path)
    except csv.Error as exc:
        raise DocumentError(f"{path.name}: not a readable CSV file ({exc})", path=path) from exc
    if not rows:
        raise DocumentError(f"{path.name}: the search record is empty", path=path)
    headers = [_normalise_header(h) for h in rows[0]]
    _require_columns(path, headers)
    return [_keep_known(headers, r) for r in rows[1:]]


def _xlsx_rows(path: Path) -> list[dict[str, str]]:
    import zipfile
    import zlib

    from openpyxl import load_workbook

    from .documents.archives import check_archive

    try:
        with zipfile.ZipFile(path) as archive:
            check_archive(archive, path.stat().st_size, path.name, path)
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, RuntimeError, zlib.error) as exc:
        raise DocumentError(
            f"{path.name}: not a valid Excel workbook (it may be corrupt)", path=path
        ) from exc
    try:
        rows = _bounded_rows(book.worksheets[0].iter_rows(values_only=True), path)
    finally:
        book.close()
    if not rows:
        raise DocumentError(f"{path.name}: the search record is empty", path=path)
    headers = [_normalise_header(h) for h in rows[0]]
    _require_columns(path, headers)
    return [_keep_known(headers, r) for r in rows[1:]]


def _bounded_rows(rows: Iterable[Sequence[object]], path: Path) -> list[list[object]]:
    """The rows of a search record, refusing one too long or with a cell too long."""
    from .documents.archives import check_cell, check_rows

    kept = []
    for number, row in enumerate(rows, start=1):
        check_rows(number, path.name, path)
        for column, value in enumerate(row, start=1):
            if isinstance(value, str):
                check_cell(value, path.name, f"row {number}, column {column}", path)
        kept.append(list(row))
    return kept


def _require_columns(path: Path, headers: list[str]) -> None:
    if not {"where", "terms"} & set(headers):
        raise DocumentError(
            f"{path.name}: a search record needs a header row naming at least 'where' or "
            f"'terms' (columns: {', '.join(SEARCH_COLUMNS)})",
            path=path,
        )


def _copy_into(folder: Path, source: Path, stem: str) -> str:
    name = f"{stem}{source.suffix.lower()}"
    shutil.copyfile(source, folder / name)
    return name


def new_case(
    response: str | Path,
    *,
    request: str | Path | None = None,
    searches: str | Path | None = None,
    review_request: str | Path | None = None,
    case_id: str | None = None,
    cases_root: Path | None = None,
    **metadata: object,
) -> Case:
    """Create a case folder from documents on disk.

    Every document is loaded first, so a corrupt or oversized file is refused
    before anything is written; the folder is then built under a temporary name
    and renamed into place, so a failure never leaves half a case behind.
    Metadata the caller does not give is filled from the response by the
    extractor where it can be (reference, regime, dates).
    """
    root = cases_root or settings.cases_dir()
    sources = {"response": Path(response)}
    for kind, value in (("request", request), ("review_request", review_request)):
        if value is not None:
            sources[kind] = Path(value)
    for path in sources.values():
        load_document(path)
    if searches is not None:
        sources["searches"] = Path(searches)
        read_search_record(sources["searches"])
    guessed = _guess_metadata(sources)
    if case_id is None:
        case_id = guessed.pop("id", None) or _id_from(sources["response"])
    guessed.pop("id", None)
    case_id = validate_case_id(case_id)
    final = root / case_id
    if final.exists():
        raise CaseError(f"A case called {case_id!r} already exists at {final}", case_id=case_id)
    try:
        root.mkdir(parents=True, exist_ok=True)
        building = Path(tempfile.mkdtemp(dir=root, prefix=f".{case_id}."))
    except OSError as exc:
        raise _cannot_write(case_id, root, exc) from exc
    try:
        names = {kind: _copy_into(building, src, kind) for kind, src in sources.items()}
        fields = {**guessed, **{k: v for k, v in metadata.items() if v is not None}}
        meta = _build_meta(case_id, names, sources, fields)
        write_case_json(building, meta)
        os.rename(building, final)
    except OSError as exc:
        shutil.rmtree(building, ignore_errors=True)
        raise _cannot_write(case_id, root, exc) from exc
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return Case(final, meta)


def _cannot_write(case_id: str, root: Path, exc: OSError) -> CaseError:
    return CaseError(
        f"Cannot create the case {case_id} in {root}: {exc.strerror or exc}; nothing was written",
        case_id=case_id,
        path=root,
    )


#: The file name (without extension) a case's documents are kept under in its folder.
REVIEW_REQUEST_STEM = "review_request"


def attach_review_request(
    case: Case,
    path: str | Path | None = None,
    *,
    text: str | None = None,
    original_name: str | None = None,
    replace: bool = False,
) -> Case:
    """Give a case its requester's review request, from a file or as pasted text.

    A review often begins before anyone files the requester's email with the case, so the
    review request can be added (or, with ``replace``, replaced) at any time.  The document
    is loaded first, so an unreadable or oversized one is refused before anything is
    written; the copy and then ``case.json`` are each written atomically.

    :param text: the review request as text (an email body pasted in), instead of ``path``.
    :param original_name: the name to record for it (default: the file's name).
    :raises DocumentError: the document cannot be read, or the text is empty or too long.
    :raises CaseError: the case has a review request already and ``replace`` was not given.
    """
    if (path is None) == (text is None):
        raise CaseError("Give the review request as a file or as text, not both or neither")
    existing = case.meta.documents.review_request
    if existing and not replace:
        raise CaseError(
            f"Case {case.id} already has a review request ({existing}); replace it only on "
            "purpose (--replace in the command, 'Replace' in the dashboard)",
            case_id=case.id,
        )
    if text is not None:
        data = _pasted_text(text)
        suffix, shown = ".txt", original_name or "pasted text"
    else:
        source = Path(path)  # type: ignore[arg-type]
        load_document(source)
        data = source.read_bytes()
        suffix, shown = source.suffix.lower(), original_name or source.name
    name = f"{REVIEW_REQUEST_STEM}{suffix}"
    atomic_write_bytes(case.path / name, data)
    documents = case.meta.documents.model_copy(update={"review_request": name})
    originals = {**case.meta.original_filenames, "review_request": shown}
    meta = case.meta.model_copy(update={"documents": documents, "original_filenames": originals})
    write_case_json(case.path, meta)
    if existing and existing != name:
        (case.path / existing).unlink(missing_ok=True)
    return Case(case.path, meta)


def _pasted_text(text: str) -> bytes:
    """Pasted text as the bytes of a .txt document, refused when empty or too long."""
    from .errors import DocumentTooLarge

    body = text.replace("\r\n", "\n").strip()
    if not body:
        raise DocumentError("The review request is empty: paste the requester's words")
    data = (body + "\n").encode("utf-8")
    limit = settings.max_upload_bytes()
    if len(data) > limit:
        raise DocumentTooLarge(
            f"The pasted review request is {len(data):,} bytes, over the {limit:,} byte limit "
            "for documents (set WORKBENCH_MAX_UPLOAD_MB to change it)",
            size=len(data),
            limit=limit,
        )
    return data


def _build_meta(
    case_id: str, names: dict[str, str], sources: dict[str, Path], fields: dict[str, object]
) -> CaseMeta:
    try:
        return CaseMeta(
            id=case_id,
            documents=CaseDocuments(**names),
            original_filenames={k: p.name for k, p in sources.items()},
            created=dt.datetime.now(dt.UTC).replace(microsecond=0),
            **fields,
        )
    except ValidationError as exc:
        raise CaseError(f"Invalid case metadata: {_first_error(exc)}", case_id=case_id) from exc


def _id_from(path: Path) -> str:
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", path.stem).strip("-._") or "case"
    return stem[:80]


def _guess_metadata(sources: dict[str, Path]) -> dict[str, object]:
    """Reference, regime and dates read from the documents by the extractor.

    Imported here, not at the top, because the extractor is only needed when a
    case is created and the case list should stay quick to import.
    """
    from .parsing.extract import guess_case_metadata

    return guess_case_metadata(sources)

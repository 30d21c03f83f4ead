"""Many cases at once: one case per sub-folder of a folder, as a team's mail exports them.

Why: a team starting with the workbench, or receiving a month's reviews, has
folders of documents (one per request: the response, the request, a search
record, the requester's review request, often as Outlook messages), not cases.
:func:`import_case_folder` finds each document's role in one sub-folder and
makes a case of it with :func:`workbench.cases.new_case`, so each case is
checked and created exactly as ``workbench case new`` would; a folder that
cannot be made into a case is refused with the reason, and the others go on.

How a document's role is found, in order:

1. **by kind**: a ``.csv`` or ``.xlsx`` is the search record;
2. **by name**: a name with "review" or "appeal" is the review request; a reply
   as Outlook names it ("RE Your request.msg"), or a name with "response",
   "reply", "decision", "answer" or "refusal", the response; a name with
   "request" the request (so "response to request.pdf" is the response);
3. **by the email's subject** (``.eml``, ``.msg``) for the rest: "internal
   review" is the review request, a reply ("RE: ...") the response;
4. a single document still unplaced, when no response has been found, is the
   response.

Anything else is left out of the case and named in the summary.  The case id is
the sub-folder's name when that is a valid id, else the reference read from
the response (as ``case new`` does).

Usage::

    results = [import_case_folder(sub) for sub in case_folders("inbox/")]
    print(summary(results))
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .cases import new_case, validate_case_id
from .documents import EMAIL_FORMATS, SUPPORTED_EXTENSIONS, load_document
from .errors import CaseError, InvalidCaseId, WorkbenchError

#: The roles a document can have in a case, as ``new_case`` names its arguments.
ROLES = ("response", "request", "searches", "review_request")
SEARCH_RECORD_EXTENSIONS = (".csv", ".xlsx")
_ROLE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("review_request", ("review", "appeal")),
    ("response", ("response", "reply", "decision", "answer", "refusal")),
    ("request", ("request",)),
)
#: How mail clients mark a reply ("RE:", German "AW:", Nordic "SV:").
_REPLY_PREFIXES = ("re", "aw", "sv")
_ROLE_NAMES = {
    "response": "the response",
    "request": "the request",
    "searches": "the search record",
    "review_request": "the review request",
}
#: Files a mail client or an operating system leaves beside documents.
_NOISE = re.compile(r"^(\.|~\$)|^(thumbs\.db|desktop\.ini)$", re.I)


@dataclass(frozen=True)
class ImportResult:
    """What became of one sub-folder: the case made, or why none was."""

    folder: Path
    case_id: str | None = None
    refused: str | None = None
    #: Files left out of the case, each with the reason.
    left_out: tuple[str, ...] = field(default_factory=tuple)

    @property
    def imported(self) -> bool:
        return self.case_id is not None


def case_folders(folder: str | Path) -> list[Path]:
    """The sub-folders of *folder* to import, by name.

    :raises CaseError: *folder* is not a folder, or has no sub-folders.
    """
    root = Path(folder)
    if not root.is_dir():
        raise CaseError(f"{root} is not a folder", path=root)
    found = sorted(p for p in root.iterdir() if p.is_dir() and not _NOISE.match(p.name))
    if not found:
        raise CaseError(
            f"{root} has no sub-folders: put each case's documents in a folder of its own, "
            "or make one case with: workbench case new --response FILE",
            path=root,
        )
    return found


def import_case_folder(folder: Path, *, cases_root: Path | None = None) -> ImportResult:
    """Make one case of the documents in *folder*; never raises for a refusal, returns it."""
    try:
        roles, left_out = find_roles(folder)
        created = new_case(
            roles["response"],
            request=roles.get("request"),
            searches=roles.get("searches"),
            review_request=roles.get("review_request"),
            case_id=_folder_id(folder),
            cases_root=cases_root,
        )
    except WorkbenchError as exc:
        return ImportResult(folder, refused=str(exc))
    return ImportResult(folder, case_id=created.id, left_out=tuple(left_out))


def find_roles(folder: Path) -> tuple[dict[str, Path], list[str]]:
    """Each document's role in the case, and the files left out (with the reason).

    :raises CaseError: no response, or two documents for one role.
    """
    files = sorted(p for p in folder.iterdir() if p.is_file() and not _NOISE.match(p.name))
    found: dict[str, list[Path]] = {role: [] for role in ROLES}
    left_out: list[str] = []
    unplaced: list[Path] = []
    for path in files:
        suffix = path.suffix.lower()
        if suffix not in SEARCH_RECORD_EXTENSIONS and suffix not in SUPPORTED_EXTENSIONS:
            left_out.append(f"{path.name}: not a type the workbench reads")
        elif role := role_of(path):
            found[role].append(path)
        else:
            unplaced.append(path)
    if not found["response"] and len(unplaced) == 1:
        found["response"] = unplaced
        unplaced = []
    left_out += [
        f"{path.name}: could not tell what it is (put its role in its name)" for path in unplaced
    ]
    return _one_each(folder, found, files), left_out


def role_of(path: Path) -> str | None:
    """The role a file's kind, name or email subject gives it (one of :data:`ROLES`), if any."""
    if path.suffix.lower() in SEARCH_RECORD_EXTENSIONS:
        return "searches"
    return _role_by_name(path) or _role_by_subject(path)


def _role_by_name(path: Path) -> str | None:
    words = [word for word in re.split(r"[^a-z]+", path.stem.lower()) if word]
    cues = set(words) | {word[:-1] for word in words if word.endswith("s")}  # "requests"
    if cues & set(_ROLE_WORDS[0][1]):
        return "review_request"
    if words and words[0] in _REPLY_PREFIXES:  # Outlook names a saved reply "RE Subject"
        return "response"
    for role, role_cues in _ROLE_WORDS[1:]:
        if cues & set(role_cues):
            return role
    return None


def _role_by_subject(path: Path) -> str | None:
    """An email's subject says what it is when its file name does not."""
    if SUPPORTED_EXTENSIONS[path.suffix.lower()] not in EMAIL_FORMATS:
        return None
    try:
        subject = (load_document(path).metadata.get("subject") or "").strip().lower()
    except WorkbenchError:
        return None  # new_case reports an unreadable document if it is used
    if "internal review" in subject or "review request" in subject:
        return "review_request"
    if re.match(rf"({'|'.join(_REPLY_PREFIXES)})\s*:", subject):
        return "response"
    return None


def _one_each(folder: Path, found: dict[str, list[Path]], files: list[Path]) -> dict[str, Path]:
    for role, paths in found.items():
        if len(paths) > 1:
            names = ", ".join(p.name for p in paths)
            raise CaseError(
                f"{len(paths)} files look like {_ROLE_NAMES[role]} ({names}); "
                "keep one, or say which in the file names",
                path=folder,
            )
    if not found["response"]:
        names = ", ".join(p.name for p in files) or "no files"
        raise CaseError(
            f"no response found ({names}); name the response's file 'response' (e.g. response.pdf)",
            path=folder,
        )
    return {role: paths[0] for role, paths in found.items() if paths}


def _folder_id(folder: Path) -> str | None:
    """The sub-folder's name as the case id, when it is a valid one."""
    try:
        return validate_case_id(folder.name)
    except InvalidCaseId:
        return None


def summary(results: Iterable[ImportResult]) -> str:
    """What was imported, what was refused and why, and what was left out, as lines of text."""
    results = list(results)
    imported = [r for r in results if r.imported]
    refused = [r for r in results if not r.imported]
    lines = [f"Imported {len(imported)} of {len(results)} folders as cases."]
    for result in imported:
        lines.append(f"  {result.folder.name} -> case {result.case_id}")
        lines += [f"    left out {note}" for note in result.left_out]
    if refused:
        lines.append(f"Refused {len(refused)}:")
        lines += [f"  {r.folder.name}: {r.refused}" for r in refused]
    return "\n".join(lines)

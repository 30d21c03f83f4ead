"""Bringing back a findings spreadsheet a reviewer filled in offline.

The reviewer may change the shaded columns of a workbook written by
:mod:`workbench.export.xlsx`: the finding on each ground of the review request with
its reasons and remedy; point findings, corrected determinations, reasons,
remedies and remedy dates; provision engagement, findings and reasons; search
adequacy and further searches; decisions on automated checks; and the outcome
(an outcome other than the one the findings add up to needs a reason, as in
the dashboard).  Everything else in the workbook is information only.

What protects the saved review:

* the workbook names its case, review version and the store revision it was
  exported from; a workbook for another case, an older version, or a review
  that has changed since is refused with a message saying what to do, so an
  offline copy never silently overwrites newer work;
* every value is validated by the review model before anything is saved, and
  all the changes are saved in one transaction through the store, so they
  land in the audit trail (who, when, old and new value) or not at all;
* text is read back exactly as typed: the apostrophe the export puts before a
  formula-like value is removed, and a cell holding a real formula is refused.
"""

from __future__ import annotations

import datetime as dt
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

from ..cases import Case, case_id_problem, load_case
from ..documents.archives import check_archive, check_cell, check_rows
from ..errors import ConflictError, DocumentError, ReviewError
from ..labelled import LabelledEnum
from ..outcomes import Outcome
from ..parsing.dates import read_date
from ..parsing.model import DETERMINATION_LABELS, Determination
from ..review import (
    Engaged,
    GroundFinding,
    PointFinding,
    ProvisionFinding,
    Remedy,
    Review,
    review_from_case,
)
from ..review_grounds import with_grounds_read
from ..store import ReviewNotFound, Store
from .sanitise import restore_or_keep, restore_text
from .xlsx import (
    CASE_ID_ROW,
    CHECK_DECISIONS,
    CHECKS,
    GROUNDS,
    NOT_SAVED,
    OUTCOME_ROW,
    OVERRIDE_REASON_ROW,
    POINTS,
    PROVISIONS,
    REMEDY_PREFIX,
    REMEDY_SEPARATOR,
    REVISION_ROW,
    SEARCHES,
    SUMMARY,
    VERSION_ROW,
    YES_NO,
)

FieldPath = tuple[str | int, ...]


@dataclass(frozen=True)
class ImportReport:
    """What an import changed."""

    case_id: str
    version: int
    #: (field path, old value, new value) for every field the workbook changed.
    changes: list[tuple[str, Any, Any]]
    revision: int

    @property
    def message(self) -> str:
        if not self.changes:
            return f"No changes to the review of {self.case_id} (version {self.version})"
        fields = "; ".join(path for path, _old, _new in self.changes)
        return (
            f"Updated the review of {self.case_id} (version {self.version}): "
            f"{len(self.changes)} change(s): {fields}"
        )


def import_findings(
    path: str | Path,
    who: str,
    *,
    store: Store | None = None,
    case_id: str | None = None,
    case: Case | None = None,
) -> ImportReport:
    """Apply the findings in a workbook to the saved review, through the store's audit trail.

    :param who: the person importing, recorded in the audit trail.
    :param case_id: refuse a workbook for any other case.
    :param case: the case folder, needed only when the workbook was exported from a
        first-pass draft not yet in the store (default: the case of that id in the data folder).
    :raises DocumentError: the file is not a findings workbook the workbench wrote.
    :raises ReviewError: a different case, an older version, or a value the review refuses.
    :raises ConflictError: the review changed in the store after the workbook was exported.
    """
    book = _open(Path(path))
    sheets = _sheets(book, Path(path))
    header = _summary(sheets[SUMMARY], Path(path))
    if case_id is not None and header.case_id != case_id:
        raise ReviewError(
            f"{Path(path).name} is the findings workbook of case {header.case_id}, not {case_id}",
            case_id=case_id,
        )
    owned = store is None
    store = store or Store()
    try:
        review, revision = _current(store, header, case)
        _refuse_stale(header, review, revision, store)
        updated = _apply(review, _edits(sheets, review))
        updated = _apply_outcome(header, review, updated)
        if revision is None:  # a first-pass draft: save it, then the reviewer's changes
            revision = store.create(review, who)
        new_revision = store.save(updated, who, revision)
    finally:
        if owned:
            store.close()
    changes = _changed(review, updated)
    return ImportReport(header.case_id, review.version, changes, new_revision)


# -- reading the workbook -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Header:
    case_id: str
    version: int
    revision: int | None
    outcome: str | None
    override_reason: str
    outcome_cell: str
    reason_cell: str


def _open(path: Path):
    if not path.is_file():
        raise DocumentError(f"No such workbook: {path}", path=path)
    try:
        with zipfile.ZipFile(path) as archive:
            check_archive(archive, path.stat().st_size, path.name, path)
        return load_workbook(path, data_only=False)
    except _WORKBOOK_ERRORS as exc:
        raise DocumentError(
            f"{path.name}: not a valid Excel workbook (it may be corrupt)", path=path
        ) from exc


#: What zipfile and openpyxl raise on a damaged workbook.
_WORKBOOK_ERRORS = (
    zipfile.BadZipFile,
    KeyError,
    OSError,
    ValueError,
    TypeError,
    RuntimeError,  # an encrypted part
    zlib.error,
)


def _sheets(book, path: Path) -> dict[str, Worksheet]:
    missing = [name for name in (SUMMARY, POINTS, PROVISIONS, SEARCHES) if name not in book]
    if missing:
        raise DocumentError(
            f"{path.name} is not a findings workbook written by the workbench "
            f"(no {', '.join(missing)} sheet); export one with 'workbench export --format xlsx'",
            path=path,
        )
    return {name: book[name] for name in book.sheetnames}


def _summary(sheet: Worksheet, path: Path) -> _Header:
    rows: dict[str, Cell] = {}
    for key_cell, value_cell in sheet.iter_rows(min_row=2, max_col=2):
        if isinstance(key_cell.value, str):
            rows[key_cell.value.strip()] = value_cell
    if CASE_ID_ROW not in rows or VERSION_ROW not in rows or REVISION_ROW not in rows:
        raise DocumentError(
            f"{path.name}: the Summary sheet does not name the case, review version and store "
            "revision; it was not written by 'workbench export'",
            path=path,
        )
    case_id = str(rows[CASE_ID_ROW].value or "").strip()
    problem = case_id_problem(case_id)
    if problem:  # never a path: the workbook says which case, not where to look
        raise DocumentError(f"{path.name}: Summary's {CASE_ID_ROW!r}: {problem}", path=path)
    try:
        version = int(rows[VERSION_ROW].value)
        raw_revision = rows[REVISION_ROW].value
        revision = None if str(raw_revision).strip() == NOT_SAVED else int(raw_revision)
    except (TypeError, ValueError) as exc:
        raise DocumentError(
            f"{path.name}: Summary's {VERSION_ROW!r} and {REVISION_ROW!r} must be left as exported",
            path=path,
        ) from exc
    outcome_cell = rows.get(OUTCOME_ROW)
    reason_cell = rows.get(OVERRIDE_REASON_ROW)
    return _Header(
        case_id=case_id,
        version=version,
        revision=revision,
        outcome=_text(outcome_cell) if outcome_cell is not None else None,
        override_reason=_text(reason_cell) if reason_cell is not None else "",
        outcome_cell=f"{SUMMARY}!{outcome_cell.coordinate}" if outcome_cell else "",
        reason_cell=f"{SUMMARY}!{reason_cell.coordinate}" if reason_cell else "",
    )


def _table(sheet: Worksheet) -> list[dict[str, Cell]]:
    """Data rows as {header: cell}; wholly empty rows are skipped."""
    headers = [str(c.value).strip() if c.value is not None else "" for c in sheet[1]]
    rows = []
    check_rows(sheet.max_row, f"The {sheet.title} sheet", sheet.title)
    for cells in sheet.iter_rows(min_row=2, max_col=len(headers)):
        if all(cell.value in (None, "") for cell in cells):
            continue
        rows.append({header: cell for header, cell in zip(headers, cells, strict=False) if header})
    return rows


def _text(cell: Cell | None) -> str:
    """A cell's text as the reviewer typed it (a formula is refused, not evaluated)."""
    if cell is None or cell.value is None:
        return ""
    if cell.data_type == "f" or (isinstance(cell.value, str) and cell.data_type == "f"):
        raise ReviewError(
            f"{_where(cell)} holds a formula ({cell.value}); type findings as plain text",
            field=_where(cell),
        )
    if isinstance(cell.value, dt.datetime):
        return cell.value.date().isoformat()
    text = check_cell(str(cell.value), cell.parent.title, _where(cell), _where(cell))
    return restore_text(text).strip()


def _long_text(row: dict[str, Cell], header: str, saved: str) -> str:
    """A free-text cell, keeping the saved text when the export had to cut it to fit."""
    return restore_or_keep(_text(row.get(header)), saved.strip())


def _where(cell: Cell) -> str:
    return f"{cell.parent.title}!{cell.coordinate}"


def _choice(cell: Cell | None, enum: type[LabelledEnum]) -> LabelledEnum | None:
    text = _text(cell)
    if not text:
        return None
    try:
        return enum.from_label(text)
    except ValueError as exc:
        raise ReviewError(f"{_where(cell)}: {exc}", field=_where(cell)) from exc


def _determination(cell: Cell | None) -> Determination | None:
    text = _text(cell)
    if not text:
        return None
    for value, label in DETERMINATION_LABELS.items():
        if text.casefold() in (label.casefold(), value.value):
            return value
    allowed = ", ".join(repr(label) for label in DETERMINATION_LABELS.values())
    raise ReviewError(f"{_where(cell)}: {text!r} is not one of {allowed}", field=_where(cell))


def _yes_no(cell: Cell | None) -> bool | None:
    text = _text(cell).casefold()
    if not text:
        return None
    if text in ("yes", "y", "true"):
        return True
    if text in ("no", "n", "false"):
        return False
    raise ReviewError(f"{_where(cell)}: {text!r} is not one of {YES_NO}", field=_where(cell))


def _date(cell: Cell | None) -> dt.date | None:
    if cell is None or cell.value in (None, ""):
        return None
    if isinstance(cell.value, dt.datetime):
        return cell.value.date()
    if isinstance(cell.value, dt.date):
        return cell.value
    text = _text(cell)
    day = read_date(text)  # the workbench's one reader of typed dates: day first
    if day is None:
        raise ReviewError(
            f"{_where(cell)}: {text!r} is not a date (use a date cell, or write it as "
            "19/01/2024 or 19 Jan 2024)",
            field=_where(cell),
        )
    return day


def _chosen_remedies(row: dict[str, Cell]) -> list[Remedy]:
    """The remedies marked "Yes" in their own columns (or, in an older workbook, listed in one)."""
    if not any(header.startswith(REMEDY_PREFIX) for header in row):
        return _remedies(row.get("Remedies (separate with ;)"))
    chosen = []
    for remedy in Remedy:
        cell = row.get(f"{REMEDY_PREFIX}{remedy.label}")
        answer = _text(cell).lower()
        if answer in ("yes", "y"):
            chosen.append(remedy)
        elif answer not in ("", "no", "n"):
            raise ReviewError(
                f"{_where(cell)}: {_text(cell)!r} is not Yes or No", field=_where(cell)
            )
    return chosen


def _remedies(cell: Cell | None) -> list[Remedy]:
    text = _text(cell)
    remedies = []
    for part in text.split(REMEDY_SEPARATOR):
        if part.strip():
            try:
                remedies.append(Remedy.from_label(part))
            except ValueError as exc:
                raise ReviewError(f"{_where(cell)}: {exc}", field=_where(cell)) from exc
    return remedies


# -- checking it belongs ------------------------------------------------------------------------


def _current(store: Store, header: _Header, case: Case | None) -> tuple[Review, int | None]:
    """The saved review and its revision, or the first-pass draft (revision None) it came from."""
    try:
        return store.open_review(header.case_id)
    except ReviewNotFound:
        if header.revision is not None:
            raise
    case = case or load_case(header.case_id)
    return with_grounds_read(case, review_from_case(case, case.first_pass())), None


def _refuse_stale(header: _Header, review: Review, revision: int | None, store: Store) -> None:
    if header.version != review.version:
        raise ReviewError(
            f"This workbook is for version {header.version} of the review of {header.case_id}, "
            f"but the current version is {review.version}; export a new workbook",
            case_id=header.case_id,
        )
    if revision is not None and header.revision != revision:
        last = store.audit(header.case_id)[-1]
        since = "after this workbook was exported"
        if header.revision is None:
            since += " from the automated first pass"
        raise ConflictError(
            f"The review of {header.case_id} was changed by {last.who} at "
            f"{last.at.astimezone():%H:%M on %d %b %Y} {since}; export a new workbook and "
            "copy your findings into it",
            case_id=header.case_id,
        )


# -- what changed -------------------------------------------------------------------------------


def _edits(sheets: dict[str, Worksheet], review: Review) -> list[tuple[FieldPath, Any]]:
    edits: list[tuple[FieldPath, Any]] = []
    if GROUNDS in sheets:  # workbooks written before grounds were tracked have none
        edits += _ground_edits(sheets[GROUNDS], review)
    edits += _point_edits(sheets[POINTS], review)
    edits += _provision_edits(sheets[PROVISIONS], review)
    edits += _search_edits(sheets[SEARCHES], review)
    if CHECKS in sheets:
        edits += _check_edits(sheets[CHECKS], review)
    return edits


def _set(edits: list, path: FieldPath, current: Any, new: Any) -> None:
    if new != current:
        edits.append((path, new))


def _ground_edits(sheet: Worksheet, review: Review) -> list[tuple[FieldPath, Any]]:
    """The finding, reasons, remedies and remedy of each ground (its reading stays as it is:
    grounds are added, split or merged in the workbench)."""
    index = {ground.id: i for i, ground in enumerate(review.requester_grounds)}
    edits: list[tuple[FieldPath, Any]] = []
    for row in _table(sheet):
        cell = row.get("Ground")
        ground_id = _text(cell)
        if ground_id not in index:
            where = _where(cell) if cell is not None else f"{GROUNDS} sheet"
            raise ReviewError(
                f"{where}: the review has no ground {ground_id!r} (grounds: "
                f"{', '.join(index) or 'none'}); add, split or merge grounds in the workbench, "
                "then export a new workbook",
                field="requester_grounds",
            )
        i, ground = index[ground_id], review.requester_grounds[index[ground_id]]
        base: FieldPath = ("requester_grounds", i)
        _set(edits, (*base, "finding"), ground.finding, _choice(row.get("Finding"), GroundFinding))
        _set(
            edits,
            (*base, "reasons"),
            ground.reasons.strip(),
            _long_text(row, "Reasons", ground.reasons),
        )
        remedies = _remedies(row.get("Remedies (separate with ;)"))
        _set(edits, (*base, "remedies"), ground.remedies, remedies)
        remedy = _long_text(row, "What we will do", ground.remedy)
        _set(edits, (*base, "remedy"), ground.remedy.strip(), remedy)
    return edits


def _point_edits(sheet: Worksheet, review: Review) -> list[tuple[FieldPath, Any]]:
    index = {point.label: i for i, point in enumerate(review.points)}
    edits: list[tuple[FieldPath, Any]] = []
    for row in _table(sheet):
        label = _text(row.get("Point"))
        if label not in index:
            raise ReviewError(
                f"{_where(row['Point'])}: the review has no point {label!r} "
                f"(points: {', '.join(index)})",
                field="points",
            )
        i, point = index[label], review.points[index[label]]
        base: FieldPath = ("points", i)
        _set(
            edits,
            (*base, "corrected_determination"),
            point.corrected_determination,
            _determination(row.get("Corrected determination")),
        )
        _set(edits, (*base, "finding"), point.finding, _choice(row.get("Finding"), PointFinding))
        reasons = _long_text(row, "Reasons", point.reasons)
        _set(edits, (*base, "reasons"), point.reasons.strip(), reasons)
        remedies = _chosen_remedies(row)
        _set(edits, (*base, "remedies"), point.remedies, remedies)
        _set(edits, (*base, "remedy_date"), point.remedy_date, _date(row.get("Remedy date")))
    return edits


def _provision_edits(sheet: Worksheet, review: Review) -> list[tuple[FieldPath, Any]]:
    index = {p.provision_id: i for i, p in enumerate(review.provisions)}
    edits: list[tuple[FieldPath, Any]] = []
    for row in _table(sheet):
        pid = _text(row.get("Provision"))
        if pid not in index:
            raise ReviewError(
                f"{_where(row['Provision'])}: the review has no provision {pid!r}",
                field="provisions",
            )
        i, provision = index[pid], review.provisions[index[pid]]
        base: FieldPath = ("provisions", i)
        _set(edits, (*base, "engaged"), provision.engaged, _choice(row.get("Engaged"), Engaged))
        _set(
            edits,
            (*base, "finding"),
            provision.finding,
            _choice(row.get("Finding"), ProvisionFinding),
        )
        reasons = _long_text(row, "Reasons", provision.reasons)
        _set(edits, (*base, "reasons"), provision.reasons.strip(), reasons)
    return edits


def _search_edits(sheet: Worksheet, review: Review) -> list[tuple[FieldPath, Any]]:
    edits: list[tuple[FieldPath, Any]] = []
    for row in _table(sheet):
        cell = row.get("#")
        number = cell.value if cell is not None else None
        if not isinstance(number, int) or not 1 <= number <= len(review.searches):
            where = _where(cell) if cell is not None else f"{SEARCHES} sheet"
            raise ReviewError(
                f"{where}: search number {number!r} is not one of the review's "
                f"{len(review.searches)} searches (add new searches in the workbench)",
                field="searches",
            )
        search = review.searches[number - 1]
        base: FieldPath = ("searches", number - 1)
        _set(edits, (*base, "adequate"), search.adequate, _yes_no(row.get("Adequate")))
        _set(
            edits,
            (*base, "further_search_needed"),
            search.further_search_needed.strip(),
            _text(row.get("Further search needed")),
        )
    return edits


def _check_edits(sheet: Worksheet, review: Review) -> list[tuple[FieldPath, Any]]:
    edits: list[tuple[FieldPath, Any]] = []
    for row in _table(sheet):
        finding_id = _text(row.get("Finding id"))
        decision = _text(row.get("Decision")).casefold()
        reason = _text(row.get("Reason"))
        if not finding_id or not decision:
            continue
        if decision not in (d.casefold() for d in CHECK_DECISIONS):
            where = _where(row["Decision"])
            raise ReviewError(f"{where}: {decision!r} is not one of {CHECK_DECISIONS}", field=where)
        new = {"accepted": decision == "accepted", "reason": reason}
        current = review.check_decisions.get(finding_id)
        old = current.model_dump(mode="json") if current is not None else None
        _set(edits, ("check_decisions", finding_id), old, new)
    return edits


def _apply(review: Review, edits: list[tuple[FieldPath, Any]]) -> Review:
    """Every edit validated by the model, in order; the first refusal stops the import."""
    updated = review
    for path, value in edits:
        updated = updated.with_value(list(path), value)
    return updated


def _apply_outcome(header: _Header, exported: Review, updated: Review) -> Review:
    """Apply a changed Outcome cell: the derived one clears an override; another needs a reason.

    The cell is compared with the outcome the workbook was exported with, so changing a
    finding (which moves the derived outcome) never reads as an override.
    """
    if header.outcome is None:
        return updated
    chosen = _outcome(header)
    override = exported.outcome_override
    reason_changed = override is not None and header.override_reason != override.reason.strip()
    if chosen == exported.outcome and not reason_changed:
        return updated
    if chosen is None or chosen == updated.derived_outcome:
        return updated.with_value("outcome_override", None) if override else updated
    if not header.override_reason:
        raise ReviewError(
            f"{header.outcome_cell}: an outcome other than the one the findings add up to "
            f"({_label(updated.derived_outcome)}) needs a reason in {header.reason_cell}",
            field="outcome_override",
        )
    return updated.with_value(
        "outcome_override", {"outcome": chosen.value, "reason": header.override_reason}
    )


def _outcome(header: _Header) -> Outcome | None:
    if not header.outcome:
        return None
    try:
        return Outcome.from_label(header.outcome)
    except ValueError as exc:
        raise ReviewError(f"{header.outcome_cell}: {exc}", field="outcome") from exc


def _label(outcome: Outcome | None) -> str:
    return outcome.label if outcome else "none yet"


def _changed(before: Review, after: Review) -> list[tuple[str, Any, Any]]:
    from ..store import diff_json

    return diff_json(before.to_json(), after.to_json())

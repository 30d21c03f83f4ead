"""Exports of a review: the outcome letter (Word, HTML, Markdown) and the findings spreadsheet.

Usage::

    from workbench.export import export_case

    paths = export_case("IC-266000-V6Y0", "out/")             # all four formats
    paths = export_case(case, "out/", formats=("docx",))       # just the Word letter

The review exported is the one saved in the store; when the case has none yet,
a first-pass draft is built from the automated extraction
(:meth:`workbench.cases.Case.first_pass`, :func:`workbench.review.review_from_case`)
and the grounds read from the review request, so a reviewer can start from the
spreadsheet offline.  Every file is
rendered before any is written, and each is written atomically, so a failure never
leaves half a letter in ``out_dir``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..cases import Case, atomic_write_many, load_case
from ..errors import ExportError, WorkbenchError
from ..organisation import load_organisation
from ..parsing.model import Extraction
from ..review import Review, review_from_case
from ..review_grounds import with_grounds_read
from ..store import AuditEntry, ReviewNotFound, Store
from .docx import render_docx
from .facts import case_facts
from .html import render_html
from .letter import LetterContext, build_letter
from .markdown import render_markdown
from .xlsx import WorkbookInputs, render_xlsx

#: Every format, in the order files are written.
FORMATS = ("docx", "html", "md", "xlsx")

__all__ = [
    "FORMATS",
    "LetterContext",
    "SavedReview",
    "build_letter",
    "export_case",
    "export_file_name",
    "parse_formats",
    "render_docx",
    "render_html",
    "render_markdown",
    "render_xlsx",
]


@dataclass(frozen=True)
class SavedReview:
    """A review with where it came from: the store (with its revision) or the first pass."""

    review: Review
    #: The store's optimistic-lock token, or None for a first-pass draft not in the store.
    revision: int | None
    audit: Sequence[AuditEntry] = ()


def export_case(
    case: Case | str | Path,
    out_dir: str | Path,
    formats: Iterable[str] = FORMATS,
    review: Review | None = None,
    *,
    store: Store | None = None,
    templates_dir: Path | None = None,
    today: dt.date | None = None,
) -> list[Path]:
    """Write the letter and spreadsheet of a case's review into ``out_dir``.

    :param case: a :class:`~workbench.cases.Case`, a case id or a case folder.
    :param formats: any of ``docx``, ``html``, ``md``, ``xlsx``.
    :param review: the review to export; default the one saved in the store, else a
        first-pass draft.
    :param store: the store to read (default: :class:`~workbench.store.Store` at the setting).
    :param templates_dir: the team's templates folder (default: the setting).
    :param today: the date on a draft letter (default: today).
    :returns: the files written, named like ``IC-266000-V6Y0-review-v1.docx``.
    :raises ExportError: an unknown format, or ``out_dir`` cannot be written.
    """
    wanted = parse_formats(formats)
    if not isinstance(case, Case):
        case = load_case(case)
    extraction = _extraction_or_none(case)
    if review is not None:
        saved = _as_saved(review, store)
    else:
        saved = load_review(case, extraction, store)
    organisation = load_organisation(templates_dir)
    letter = build_letter(
        saved.review,
        case,
        organisation=organisation,
        templates_dir=templates_dir,
        extraction=extraction,
        today=today,
    )
    rendered = {fmt: _render(fmt, saved, case, letter, extraction, templates_dir) for fmt in wanted}
    return _write_all(Path(out_dir), export_file_name(case.id, saved.review.version), rendered)


def parse_formats(formats: Iterable[str] | str) -> list[str]:
    """``"docx,html"`` or ``["docx", "html"]`` -> ``["docx", "html"]``, refusing unknown ones."""
    items = formats.split(",") if isinstance(formats, str) else list(formats)
    wanted = [item.strip().lower().lstrip(".") for item in items if item.strip()]
    unknown = [item for item in wanted if item not in FORMATS]
    if unknown or not wanted:
        raise ExportError(
            f"Unknown export format {', '.join(unknown) or '(none given)'}: "
            f"choose from {', '.join(FORMATS)}",
            field="formats",
        )
    return list(dict.fromkeys(wanted))


def export_file_name(case_id: str, version: int) -> str:
    """The stem every export of a review version shares: ``IC-266000-V6Y0-review-v1``."""
    return f"{case_id}-review-v{version}"


def load_review(
    case: Case, extraction: Extraction | None = None, store: Store | None = None
) -> SavedReview:
    """The review saved for ``case``, or a first-pass draft when the store has none."""
    owned = store is None
    store = store or Store()
    try:
        review, revision = store.open_review(case.id)
        audit = store.audit(case.id)
        return SavedReview(review, revision, audit)
    except ReviewNotFound:
        reading = extraction if extraction is not None else case.first_pass()
        draft = with_grounds_read(case, review_from_case(case, reading))
        return SavedReview(draft, None)
    finally:
        if owned:
            store.close()


def _as_saved(review: Review, store: Store | None) -> SavedReview:
    """A review handed in by the caller, with the store's revision when it is the saved one.

    The spreadsheet records the revision so that ``import-xlsx`` can refuse stale copies;
    a review with unsaved changes gets none, and its spreadsheet imports only as a new review.
    """
    owned = store is None
    store = store or Store()
    try:
        stored, revision = store.open_review(review.case_id)
        if stored.to_json() != review.to_json():
            return SavedReview(review, None)
        return SavedReview(review, revision, store.audit(review.case_id))
    except ReviewNotFound:
        return SavedReview(review, None)
    finally:
        if owned:
            store.close()


def _extraction_or_none(case: Case) -> Extraction | None:
    """The first pass, or None when the response cannot be read (a saved review still exports)."""
    try:
        return case.first_pass()
    except WorkbenchError:
        return None


def _render(
    fmt: str,
    saved: SavedReview,
    case: Case,
    letter: LetterContext,
    extraction: Extraction | None,
    templates_dir: Path | None,
) -> bytes:
    if fmt == "docx":
        return render_docx(letter)
    if fmt == "html":
        return render_html(letter, templates_dir).encode("utf-8")
    if fmt == "md":
        return render_markdown(letter, templates_dir).encode("utf-8")
    inputs = WorkbookInputs(
        case=case,
        facts=case_facts(saved.review, case, extraction),
        revision=saved.revision,
        outcome_scheme=letter.organisation.outcome_scheme,
        outcome_wording=letter.outcome,
        checks=_checks(case, extraction, saved.review),
        audit=saved.audit,
    )
    return render_xlsx(saved.review, inputs)


def _checks(case: Case, extraction: Extraction | None, review: Review) -> list:
    """The checks' findings on the review's corrected reading, for the Checks sheet.

    None when the response is unreadable.
    """
    if extraction is None:
        return []
    from ..checks.runner import run_case_checks

    return run_case_checks(case, extraction, review=review)


def _write_all(out_dir: Path, stem: str, rendered: dict[str, bytes]) -> list[Path]:
    """Write every format or none: a set that fails part-way leaves nothing behind."""
    files = {out_dir / f"{stem}.{fmt}": data for fmt, data in rendered.items()}
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        atomic_write_many(files)
    except OSError as exc:
        raise ExportError(
            f"Cannot write the export to {out_dir}: {exc.strerror or exc}; nothing was written",
            path=out_dir,
        ) from exc
    return list(files)

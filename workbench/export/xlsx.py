"""The findings spreadsheet (openpyxl): the whole review, one sheet per kind of finding.

Sheets: Summary, Grounds, Points, Provisions, Searches, Procedure, Checks and Audit.
Every sheet has a styled, frozen header row, an autofilter, column widths that
fit its content and wrapped text where a column holds sentences.  The Points
sheet has a Yes/No column per remedy and a remedy date column that accepts only
dates; the Provisions sheet a column per catalogue question, answered "Yes",
"No" or "Not sure".  Dates are
real Excel dates (so they sort and filter), and the columns a reviewer may fill
in offline (findings on grounds, points and provisions, reasons, remedies,
adequacy, check decisions, the outcome) are shaded and offer drop-down lists of
the allowed values.  A
workbook filled in this way comes back with ``workbench review import-xlsx``
(:mod:`workbench.export.import_xlsx`), which reads the same column headers.

Every piece of text goes through :func:`~workbench.export.sanitise.neutralise`,
so a requester's ``=HYPERLINK(...)`` is stored as inert text, never a formula.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..cases import Case
from ..checks.base import Finding
from ..outcomes import Outcome
from ..parsing.model import DETERMINATION_LABELS
from ..review import (
    Engaged,
    GroundFinding,
    PointFinding,
    ProvisionFinding,
    Remedy,
    Review,
    yes_no_label,
)
from ..store import AuditEntry
from .facts import CaseFacts
from .letter import catalogue_entry
from .sanitise import neutralise

# -- names shared with the importer ------------------------------------------------------------

SUMMARY, POINTS, PROVISIONS, SEARCHES = "Summary", "Points", "Provisions", "Searches"
PROCEDURE, CHECKS, AUDIT, LISTS = "Procedure", "Checks", "Audit", "Lists"
GROUNDS = "Grounds"
SHEETS = (SUMMARY, GROUNDS, POINTS, PROVISIONS, SEARCHES, PROCEDURE, CHECKS, AUDIT)

#: Summary rows the importer relies on to refuse the wrong or a stale workbook.
CASE_ID_ROW, VERSION_ROW, REVISION_ROW = "Case id", "Review version", "Store revision"
OUTCOME_ROW, OVERRIDE_REASON_ROW = "Outcome", "Outcome override reason"
#: The revision written when the review was a first-pass draft not yet in the store.
NOT_SAVED = "not saved"
#: Separates several remedies in one cell.
REMEDY_SEPARATOR = ";"

YES_NO = ("Yes", "No")
#: A catalogue question's answers as the sheet words them.
ANSWER_WORDS = {"yes": "Yes", "no": "No", "unsure": "Not sure"}
#: The header of a remedy's column on the Points sheet: "Remedy: Disclose the information".
REMEDY_PREFIX = "Remedy: "
#: Remedy dates the sheet accepts (anything else typed is refused by Excel).
REMEDY_DATES = (dt.date(2000, 1, 1), dt.date(2100, 12, 31))
CHECK_DECISIONS = ("Accepted", "Dismissed")
DATE_FORMAT = "dd mmm yyyy"
DATETIME_FORMAT = "dd mmm yyyy hh:mm"

_HEADER_FONT = Font(bold=True, color="FFFFFF")
_HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
_EDITABLE_FILL = PatternFill("solid", fgColor="FFF2CC")
_WRAP = Alignment(wrap_text=True, vertical="top")
_TOP = Alignment(vertical="top")


@dataclass(frozen=True)
class Column:
    """One column: its header, width, and whether the reviewer fills it in offline."""

    header: str
    width: int
    wrap: bool = False
    editable: bool = False
    #: Name of the drop-down list (a column of the hidden Lists sheet), if any.
    choices: str | None = None
    #: Only dates may be typed (Excel refuses anything else).
    date: bool = False


#: The drop-down lists, by name; written to the hidden Lists sheet.
CHOICE_LISTS: dict[str, tuple[str, ...]] = {
    "point_finding": tuple(PointFinding.choices().values()),
    "ground_finding": tuple(GroundFinding.choices().values()),
    "provision_finding": tuple(ProvisionFinding.choices().values()),
    "engaged": tuple(Engaged.choices().values()),
    "determination": tuple(DETERMINATION_LABELS.values()),
    "yes_no": YES_NO,
    "answer": tuple(ANSWER_WORDS.values()),
    "check_decision": CHECK_DECISIONS,
    "outcome": tuple(Outcome.choices().values()),
}

POINT_COLUMNS = (
    Column("Point", 8),
    Column("Request", 50, wrap=True),
    Column("Original determination", 24),
    Column("Corrected determination", 24, editable=True, choices="determination"),
    Column("Provisions", 14),
    Column("Finding", 16, editable=True, choices="point_finding"),
    Column("Reasons", 60, wrap=True, editable=True),
    *(
        Column(f"{REMEDY_PREFIX}{remedy.label}", 16, wrap=True, editable=True, choices="yes_no")
        for remedy in Remedy
    ),
    Column("Remedy date", 14, editable=True, date=True),
)
GROUND_COLUMNS = (
    Column("Ground", 8),
    Column("Category", 22),
    Column("Summary", 40, wrap=True),
    Column("Requester's words", 60, wrap=True),
    Column("Provisions", 14),
    Column("Points", 10),
    Column("Reader's confidence", 11),
    Column("Linked to", 36, wrap=True),
    Column("Proposed by your findings", 36, wrap=True),
    Column("Finding", 16, editable=True, choices="ground_finding"),
    Column("Reasons", 60, wrap=True, editable=True),
    Column("Remedies (separate with ;)", 40, wrap=True, editable=True),
    Column("What we will do", 40, wrap=True, editable=True),
)
PROVISION_COLUMNS = (
    Column("Provision", 14),
    Column("Title", 30, wrap=True),
    Column("Points", 10),
    Column("Engaged", 12, editable=True, choices="engaged"),
    # ... then one column per catalogue question (provision_columns) ...
    Column("Public interest", 50, wrap=True),
    Column("Finding", 16, editable=True, choices="provision_finding"),
    Column("Reasons", 60, wrap=True, editable=True),
)
#: Where the question columns go among PROVISION_COLUMNS.
QUESTIONS_AT = 4
SEARCH_COLUMNS = (
    Column("#", 5),
    Column("Date", 14),
    Column("Who", 20),
    Column("Where", 30, wrap=True),
    Column("Terms", 30, wrap=True),
    Column("Date range", 18),
    Column("Results", 30, wrap=True),
    Column("Notes", 30, wrap=True),
    Column("Added by reviewer", 10),
    Column("Adequate", 11, editable=True, choices="yes_no"),
    Column("Further search needed", 40, wrap=True, editable=True),
)
PROCEDURE_COLUMNS = (Column("Item", 34), Column("Value", 22), Column("Notes", 70, wrap=True))
CHECK_COLUMNS = (
    Column("Finding id", 28),
    Column("Check", 22),
    Column("Severity", 10),
    Column("Title", 40, wrap=True),
    Column("Explanation", 60, wrap=True),
    Column("Point", 8),
    Column("Provision", 12),
    Column("Decision", 12, editable=True, choices="check_decision"),
    Column("Reason", 40, wrap=True, editable=True),
)
AUDIT_COLUMNS = (
    Column("When (UTC)", 18),
    Column("Who", 18),
    Column("Version", 8),
    Column("Action", 12),
    Column("Field", 30),
    Column("Old value", 40, wrap=True),
    Column("New value", 40, wrap=True),
)
SUMMARY_COLUMNS = (Column("Item", 28), Column("Value", 80, wrap=True))


@dataclass(frozen=True)
class WorkbookInputs:
    """Everything the spreadsheet shows besides the review itself."""

    case: Case
    facts: CaseFacts
    #: The store's revision of the review (its optimistic-lock token), or None if not saved.
    revision: int | None
    outcome_scheme: str
    outcome_wording: str
    checks: Sequence[Finding] = ()
    audit: Sequence[AuditEntry] = ()
    exported_at: dt.datetime | None = None


def render_xlsx(review: Review, inputs: WorkbookInputs) -> bytes:
    """The findings workbook as the bytes of an ``.xlsx`` file."""
    book = Workbook()
    book.remove(book.active)
    book.properties.title = f"Internal review findings {review.case_id}"
    book.properties.creator = "FOI internal review workbench"
    _lists_sheet(book)
    _summary_sheet(book.create_sheet(SUMMARY, 0), review, inputs)
    _table(book.create_sheet(GROUNDS, 1), GROUND_COLUMNS, _ground_rows(review))
    _table(book.create_sheet(POINTS, 2), POINT_COLUMNS, _point_rows(review))
    questions = review_questions(review)
    _table(
        book.create_sheet(PROVISIONS, 3),
        provision_columns(questions),
        _provision_rows(review, questions),
    )
    _table(book.create_sheet(SEARCHES, 4), SEARCH_COLUMNS, _search_rows(review))
    _table(book.create_sheet(PROCEDURE, 5), PROCEDURE_COLUMNS, _procedure_rows(review, inputs))
    _table(book.create_sheet(CHECKS, 6), CHECK_COLUMNS, _check_rows(review, inputs.checks))
    _table(book.create_sheet(AUDIT, 7), AUDIT_COLUMNS, _audit_rows(inputs.audit))
    book.active = 0
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# -- writing cells ------------------------------------------------------------------------------


def put(sheet: Worksheet, row: int, column: int, value: Any) -> None:
    """Write one value as Excel should hold it: text inert, dates as dates, numbers as numbers."""
    cell = sheet.cell(row=row, column=column)
    if value is None:
        cell.value = None
    elif isinstance(value, bool):
        cell.value = yes_no_label(value)
    elif isinstance(value, dt.datetime):
        moment = value.astimezone(dt.UTC).replace(tzinfo=None) if value.tzinfo else value
        cell.value = moment
        cell.number_format = DATETIME_FORMAT
    elif isinstance(value, dt.date):
        cell.value = value
        cell.number_format = DATE_FORMAT
    elif isinstance(value, int | float):
        cell.value = value
    else:
        text = neutralise(str(value))
        cell.value = text
        # Belt and braces: openpyxl types any string starting "=" as a formula.
        cell.data_type = "s"
        if text != str(value):
            cell.quotePrefix = True


def _table(sheet: Worksheet, columns: Sequence[Column], rows: Iterable[Sequence[Any]]) -> None:
    """A header row, data rows, then the styling, filter and drop-downs of the columns."""
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=index, value=column.header)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    last = 1
    for last, values in enumerate(rows, start=2):
        for index, (column, value) in enumerate(zip(columns, values, strict=True), start=1):
            put(sheet, last, index, value)
            cell = sheet.cell(row=last, column=index)
            cell.alignment = _WRAP if column.wrap else _TOP
            if column.editable:
                cell.fill = _EDITABLE_FILL
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(last, 2)}"
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        if column.choices:
            _drop_down(sheet, f"{letter}2:{letter}{max(last, 2)}", column.choices, column.header)
        if column.date:
            _dates_only(sheet, f"{letter}2:{letter}{max(last, 2)}", column.header)
            for row in range(2, max(last, 2) + 1):
                sheet.cell(row=row, column=index).number_format = DATE_FORMAT


def _drop_down(sheet: Worksheet, cells: str, choices: str, header: str) -> None:
    """Offer the ``choices`` list in ``cells`` and refuse anything else typed there."""
    allowed = ", ".join(CHOICE_LISTS[choices])
    validation = DataValidation(
        type="list",
        formula1=_list_range(choices),
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=f"{header}: choose from the list"[:32],
        error=f"Choose one of: {allowed}"[:255],
    )
    sheet.add_data_validation(validation)
    validation.add(cells)


def _dates_only(sheet: Worksheet, cells: str, header: str) -> None:
    """Accept only a date in ``cells`` (from 2000 to 2100), with a message saying so."""
    first, last = (day.isoformat() for day in REMEDY_DATES)
    validation = DataValidation(
        type="date",
        operator="between",
        formula1=f"DATE({first[:4]},{int(first[5:7])},{int(first[8:])})",
        formula2=f"DATE({last[:4]},{int(last[5:7])},{int(last[8:])})",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=f"{header}: a date"[:32],
        error="Type a date, for example 19/01/2024 or 19 Jan 2024, or leave it empty.",
        showInputMessage=True,
        promptTitle=header[:32],
        prompt="A date, for example 19/01/2024.",
    )
    sheet.add_data_validation(validation)
    validation.add(cells)


def _lists_sheet(book: Workbook) -> None:
    """A hidden sheet holding the drop-down values (labels may contain commas)."""
    sheet = book.create_sheet(LISTS)
    for index, (name, values) in enumerate(CHOICE_LISTS.items(), start=1):
        sheet.cell(row=1, column=index, value=name)
        for row, value in enumerate(values, start=2):
            sheet.cell(row=row, column=index, value=value)
    sheet.sheet_state = "hidden"


def _list_range(name: str) -> str:
    index = list(CHOICE_LISTS).index(name) + 1
    letter = get_column_letter(index)
    return f"{quote_sheetname(LISTS)}!${letter}$2:${letter}${len(CHOICE_LISTS[name]) + 1}"


# -- sheets -------------------------------------------------------------------------------------


def _summary_sheet(sheet: Worksheet, review: Review, inputs: WorkbookInputs) -> None:
    facts = inputs.facts
    sign_off = review.sign_off
    override = review.outcome_override
    rows: list[tuple[str, Any]] = [
        (CASE_ID_ROW, review.case_id),
        ("Reference", facts.reference),
        ("Regime", facts.regime),
        ("Authority", facts.authority or inputs.case.meta.authority),
        ("Requester", facts.requester),
        (VERSION_ROW, review.version),
        ("Review status", review.status_label),
        (REVISION_ROW, inputs.revision if inputs.revision is not None else NOT_SAVED),
        ("Reviewer", review.reviewer.name),
        ("Reviewer's role", review.reviewer.role),
        ("Request received", facts.received),
        ("Response sent", facts.responded),
        ("Review requested", facts.review_requested),
        ("Review requested by", review.route_label),
        ("Review due", review.due_date),
        ("Review late", review.is_late(sign_off.date if sign_off else None)),
        ("Requester's grounds", review.grounds),
        (OUTCOME_ROW, review.outcome.label if review.outcome else None),
        (OVERRIDE_REASON_ROW, override.reason if override else None),
        (f"Outcome ({inputs.outcome_scheme} wording)", inputs.outcome_wording),
        ("Why the decision changed", "; ".join(r.label for r in review.change_reasons)),
        ("Reviewer's conclusion", review.conclusion),
        ("Signed off by", sign_off.name if sign_off else None),
        ("Signed off on", sign_off.date if sign_off else None),
        ("Exported at (UTC)", inputs.exported_at or dt.datetime.now(dt.UTC)),
    ]
    _table(sheet, SUMMARY_COLUMNS, rows)
    for row, (item, _value) in enumerate(rows, start=2):
        if item in (OUTCOME_ROW, OVERRIDE_REASON_ROW):
            sheet.cell(row=row, column=2).fill = _EDITABLE_FILL
        if item == OUTCOME_ROW:
            _drop_down(sheet, f"B{row}", "outcome", OUTCOME_ROW)


def _ground_rows(review: Review) -> list[list[Any]]:
    """One row per ground of the review request, in the order raised."""
    from ..ground_links import links_for, proposal_for
    from ..review_grounds import category_label

    rows = []
    for ground in review.requester_grounds:
        confidence = ground.confidence
        shown = None
        if confidence is not None:
            shown = f"{confidence:.2f}" + (" (check this)" if ground.unsure else "")
        proposal = proposal_for(review, ground)
        rows.append(
            [
                ground.id,
                category_label(ground.category),
                ground.summary,
                ground.quote,
                ", ".join(ground.provisions),
                ", ".join(ground.points),
                shown,
                "; ".join(links_for(review, ground).words()),
                proposal.sentence if proposal is not None else None,
                ground.finding.label if ground.finding else None,
                ground.reasons,
                f"{REMEDY_SEPARATOR} ".join(ground.remedy_labels),
                ground.remedy,
            ]
        )
    return rows


def _point_rows(review: Review) -> list[list[Any]]:
    rows = []
    for point in review.points:
        original = point.original_determination
        corrected = point.corrected_determination
        rows.append(
            [
                point.label,
                point.request_text,
                DETERMINATION_LABELS[original] if original else None,
                DETERMINATION_LABELS[corrected] if corrected else None,
                ", ".join(point.provisions),
                point.finding.label if point.finding else None,
                point.reasons,
                *("Yes" if remedy in point.remedies else None for remedy in Remedy),
                point.remedy_date,
            ]
        )
    return rows


@dataclass(frozen=True)
class QuestionColumn:
    """A catalogue question with a column of its own on the Provisions sheet."""

    id: str
    text: str


def review_questions(review: Review) -> list[QuestionColumn]:
    """Every question asked of the review's provisions (or answered), each once, in order."""
    found: dict[str, QuestionColumn] = {}
    for provision in review.provisions:
        _title, questions = catalogue_entry(provision.provision_id)
        for key, question in questions.items():
            found.setdefault(key, QuestionColumn(key, getattr(question, "text", key)))
        for key in provision.answers:
            found.setdefault(key, QuestionColumn(key, key.replace("_", " ").capitalize()))
    return list(found.values())


def provision_columns(questions: Sequence[QuestionColumn]) -> tuple[Column, ...]:
    """The Provisions sheet's columns: the fixed ones with a column per question among them."""
    asked = tuple(Column(q.text, 24, wrap=True) for q in questions)
    return PROVISION_COLUMNS[:QUESTIONS_AT] + asked + PROVISION_COLUMNS[QUESTIONS_AT:]


def answer_words(value: Any) -> str | None:
    """An answer as the sheet shows it: "Yes", "No", "Not sure", or the reviewer's own words."""
    text = str(value or "").strip()
    return ANSWER_WORDS.get(text.lower(), text) or None


def _provision_rows(review: Review, questions: Sequence[QuestionColumn]) -> list[list[Any]]:
    rows = []
    for provision in review.provisions:
        title, _questions = catalogue_entry(provision.provision_id)
        rows.append(
            [
                provision.provision_id,
                title,
                ", ".join(provision.points),
                provision.engaged.label if provision.engaged else None,
                *(answer_words(provision.answers.get(q.id)) for q in questions),
                _public_interest_text(provision.public_interest),
                provision.finding.label if provision.finding else None,
                provision.reasons,
            ]
        )
    return rows


def _public_interest_text(test: Any) -> str:
    if test is None:
        return ""
    parts = [
        ("For disclosure", test.for_disclosure),
        ("For withholding", test.for_withholding),
        ("Balance", test.balance),
    ]
    lines = [f"{label}: {text}" for label, text in parts if text]
    if test.favours:
        lines.append(test.favours_label)
    return "\n".join(lines)


def _search_rows(review: Review) -> list[list[Any]]:
    return [
        [
            index,
            search_date(search.date),
            search.who,
            search.where,
            search.terms,
            search.date_range,
            search.results,
            search.notes,
            search.added_by_reviewer,
            yes_no_label(search.adequate) if search.adequate is not None else None,
            search.further_search_needed,
        ]
        for index, search in enumerate(review.searches, start=1)
    ]


def search_date(text: str) -> dt.date | str:
    """A search record's date as a real date when it is one (ISO or UK day/month/year)."""
    from ..parsing.dates import read_date

    return read_date(text) or text


def _procedure_rows(review: Review, inputs: WorkbookInputs) -> list[list[Any]]:
    proc = review.procedural
    deadline = inputs.facts.deadline
    counted = None
    if deadline is not None:
        verdict = "on time" if deadline.on_time else f"late by {deadline.days_late} working days"
        counted = f"Working day {deadline.working_days_taken} of {deadline.working_days}: {verdict}"
    sign_off = review.sign_off
    return [
        ["Request received", inputs.facts.received, None],
        ["Response due (statutory)", deadline.due if deadline else None, counted],
        ["Response sent", inputs.facts.responded, None],
        ["Timeliness (reviewer's finding)", proc.timeliness_label, proc.timeliness_notes],
        [
            "Advice and assistance adequate (s.16 / reg 9)",
            yes_no_label(proc.advice_and_assistance_adequate),
            proc.advice_and_assistance_notes,
        ],
        [
            "Refusal notice adequate (s.17)",
            yes_no_label(proc.refusal_notice_adequate),
            proc.refusal_notice_notes,
        ],
        ["Other procedural notes", None, proc.notes],
        ["Review requested", review.review_requested, review.route_label],
        ["Review due", review.due_date, "exceptional case" if review.exceptional else None],
        ["Review late", review.is_late(sign_off.date if sign_off else None), None],
    ]


def _check_rows(review: Review, checks: Sequence[Finding]) -> list[list[Any]]:
    rows = []
    for finding in checks:
        decision = review.check_decisions.get(finding.id)
        rows.append(
            [
                finding.id,
                finding.check,
                finding.severity.value,
                finding.title,
                finding.explanation,
                finding.point,
                finding.provision,
                None if decision is None else CHECK_DECISIONS[0 if decision.accepted else 1],
                decision.reason if decision else None,
            ]
        )
    return rows


def _audit_rows(audit: Sequence[AuditEntry]) -> list[list[Any]]:
    return [
        [
            entry.at,
            entry.who,
            entry.version,
            entry.action,
            entry.field_path or "(whole review)",
            _audit_value(entry.old_value),
            _audit_value(entry.new_value),
        ]
        for entry in audit
    ]


def _audit_value(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)

"""What the Cases page lists for each case: status, due date and working days left.

The case folders say which cases exist; the store says how far each review
has got (and the reference and regime, where the reviewer corrected them).
A case nobody has started (no review, or a draft with nothing edited) is
"Not started".  The review's due date is the store's, or for a case
with no review yet, worked out from the review request date in ``case.json``.
Days left are counted in working days on the case's regime's calendar, so a
bank holiday does not count as a day to work in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from .cases import Case
from .deadlines import WorkingCalendar, review_deadline
from .review import ReviewStatus

NOT_STARTED = "Not started"
IN_PROGRESS = "In progress"
COMPLETED = "Completed"
UNKNOWN = "Unknown"

_STATUS_WORDS = {
    ReviewStatus.DRAFT: NOT_STARTED,
    ReviewStatus.IN_PROGRESS: IN_PROGRESS,
    ReviewStatus.COMPLETED: COMPLETED,
}


@dataclass(frozen=True)
class CaseRow:
    """One line of the case list."""

    case_id: str
    reference: str | None
    regime: str | None
    status: str
    due: dt.date | None
    #: Working days from today to the due date; negative when overdue; None without a date
    #: or once the review is completed.
    days_left: int | None
    #: The sign-in name the review is allocated to ("" when nobody, or no review yet).
    allocated_to: str = ""

    @property
    def overdue(self) -> bool:
        return self.days_left is not None and self.days_left < 0

    @property
    def days_left_text(self) -> str:
        """ "12 working days left", "Due today", "Overdue by 3 working days" or a dash."""
        if self.days_left is None:
            return "—"
        if self.days_left == 0:
            return "Due today"
        count = abs(self.days_left)
        days = f"{count} working day{'s' if count != 1 else ''}"
        return f"Overdue by {days}" if self.days_left < 0 else f"{days} left"


def calendar_regime(regime: str | None) -> str:
    """The calendar a case is counted on: its own, or FOIA's for mixed or unknown cases."""
    return regime if regime in ("FOIA", "EIR", "FOISA", "EISR") else "FOIA"


def working_days_left(due: dt.date, today: dt.date, regime: str | None) -> int:
    """Working days from ``today`` up to ``due``; negative (working days late) once past it."""
    calendar = WorkingCalendar(calendar_regime(regime))
    if due >= today:
        return calendar.working_days_between(today, due)
    return -calendar.working_days_between(due, today)


def _due_from_case(case: Case) -> dt.date | None:
    requested = case.meta.date_review_requested
    if requested is None:
        return None
    return review_deadline(requested, calendar_regime(case.meta.regime)).due


def case_rows(
    cases: Iterable[Case], summaries: Iterable[object] | None, today: dt.date
) -> list[CaseRow]:
    """The list's rows, from the case folders and the store's review summaries.

    ``summaries`` are :class:`workbench.store.ReviewSummary` rows, or None when the
    store could not be read (every status is then "Unknown").
    """
    by_case = {s.case_id: s for s in summaries} if summaries is not None else None
    rows = []
    for case in cases:
        meta = case.meta
        summary = by_case.get(meta.id) if by_case is not None else None
        if by_case is None:
            status, due = UNKNOWN, _due_from_case(case)
        elif summary is None:
            status, due = NOT_STARTED, _due_from_case(case)
        else:
            status = _STATUS_WORDS[summary.status]
            due = summary.due_date or _due_from_case(case)
        regime = getattr(summary, "regime", None) or meta.regime
        days_left = None
        if due is not None and status != COMPLETED:
            days_left = working_days_left(due, today, regime)
        rows.append(
            CaseRow(
                case_id=meta.id,
                reference=getattr(summary, "reference", None) or meta.reference,
                regime=regime,
                status=status,
                due=due,
                days_left=days_left,
                allocated_to=getattr(summary, "allocated_to", "") if summary else "",
            )
        )
    return rows

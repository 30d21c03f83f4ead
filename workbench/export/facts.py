"""The facts of a case an export states: reference, regime, dates and the response deadline.

Why one place: the letter and the spreadsheet must print the same dates.  Each
fact is taken from the most trusted source that has it: the reviewer's own
correction (``review.corrections``), then ``case.json`` (what a person
entered), then what the automated first pass read from the letter.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..cases import Case
from ..deadlines import Deadline, response_deadline
from ..errors import WorkbenchError
from ..parsing.model import Extraction
from ..review import Review


@dataclass(frozen=True)
class CaseFacts:
    """What an export says about the case, whichever source each fact came from."""

    reference: str
    regime: str
    received: dt.date | None
    responded: dt.date | None
    review_requested: dt.date | None
    #: The statutory response deadline with the response marked, when both dates are known.
    deadline: Deadline | None
    authority: str | None = None
    #: Who the letter is addressed to; None when nobody knows ("Dear Sir or Madam").
    requester: str | None = None


def case_facts(review: Review, case: Case, extraction: Extraction | None = None) -> CaseFacts:
    """The reference, regime, dates, authority and requester as an export should state them."""

    def best(extracted_field: str, meta_field: str) -> Any:
        correction = review.corrections.get(extracted_field)
        if correction is not None and correction.corrected not in (None, ""):
            return _typed(extracted_field, correction.corrected)
        value = getattr(case.meta, meta_field, None)
        if value is None and extraction is not None:
            value = getattr(extraction, extracted_field, None)
        return value

    regime = review.regime or best("regime", "regime") or "FOIA"
    received = best("date_received", "date_received")
    responded = best("date_of_response", "date_responded")
    return CaseFacts(
        reference=best("reference", "reference") or review.case_id,
        regime=regime,
        received=received,
        responded=responded,
        review_requested=review.review_requested or case.meta.date_review_requested,
        deadline=_deadline(received, responded, regime),
        authority=_text(review.authority) or _text(best("authority", "authority")),
        requester=_text(review.requester) or _text(best("requester", "requester")),
    )


def _text(value: Any) -> str | None:
    """A name as the letter prints it, or None for none (blank counts as none)."""
    return str(value).strip() if value is not None and str(value).strip() else None


def _typed(field: str, value: Any) -> Any:
    """A corrected date is stored as JSON text; read it back as a date."""
    if field.startswith("date_") and isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return value


def _deadline(received: dt.date | None, responded: dt.date | None, regime: str) -> Deadline | None:
    if received is None or responded is None or responded < received:
        return None
    counted = regime if regime in ("FOIA", "EIR", "FOISA", "EISR") else "FOIA"
    try:
        return response_deadline(received, counted, responded=responded)
    except WorkbenchError:
        return None

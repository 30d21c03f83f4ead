"""Running every check on a case folder: load, extract, check.

Given the review, the checks read the reviewer's corrected reading (points,
determinations, provisions, facts; :func:`workbench.reading.corrected_reading`)
rather than the first pass, so a fault the reviewer corrected is not reported again.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from ..cases import Case, load_case
from ..errors import WorkbenchError
from ..parsing.model import Extraction
from .base import CheckContext, Finding, Severity, finding, run_checks, sort_findings

if TYPE_CHECKING:
    from ..review import Review

log = logging.getLogger(__name__)


def case_context(
    case: Case | str | Path, extraction: Extraction | None = None, review: Review | None = None
) -> CheckContext:
    """Everything the checks read about a case, with ``case.json`` dates taking precedence.

    The case record is what a person confirmed, so its dates and regime win
    over what the extractor read from the letter; the extractor fills gaps.
    Pass ``extraction`` to reuse one already made.  With ``review``, the reviewer's
    reading is applied over it and the reviewer's corrected facts win over both.
    """
    if not isinstance(case, Case):
        case = load_case(case)
    if extraction is None:
        extraction = case.first_pass()
    response = case.response()
    request = case.request()
    request_text = request.text if request is not None else None
    if review is not None:
        return _reviewed_context(case, extraction, review, response, request_text)
    return CheckContext.from_extraction(
        response.text,
        extraction,
        request_text=request_text,
        meta=case.meta,
        searches=case.searches(),
        response_format=response.format,
        response_metadata=response.metadata,
    )


def _reviewed_context(
    case: Case, extraction: Extraction, review: Review, response, request_text: str | None
) -> CheckContext:
    """The context of the corrected reading: the review's points and facts over the letter's."""
    from ..export.facts import case_facts
    from ..reading import corrected_reading

    facts = case_facts(review, case, extraction)
    context = CheckContext.from_extraction(
        response.text,
        corrected_reading(review, extraction),
        request_text=request_text,
        meta=case.meta,
        searches=case.searches(),
        response_format=response.format,
        response_metadata=response.metadata,
        date_review_requested=facts.review_requested,
    )
    context.regime = review.regime or context.regime
    context.date_received = facts.received or context.date_received
    context.date_responded = facts.responded or context.date_responded
    context.date_review_requested = facts.review_requested or context.date_review_requested
    context.review = review
    return context


def run_case_checks(
    case: Case | str | Path, extraction: Extraction | None = None, review: Review | None = None
) -> list[Finding]:
    """Load a case (an id, a folder or a :class:`Case`), extract, and run every check.

    With ``review``, the checks read the reviewer's corrected reading.  A case that
    cannot be opened raises its WorkbenchError as usual.  If the extractor itself
    fails on a letter, the checks still run on the text and the case record, and a
    warning says the letter's answers were not read, so the reviewer gets what can be
    checked rather than nothing.
    """
    if not isinstance(case, Case):
        case = load_case(case)
    try:
        context = case_context(case, extraction, review)
    except WorkbenchError:
        raise
    except Exception as exc:  # noqa: BLE001 - reported to the reviewer, and logged
        log.exception("extraction failed for case %s", case.id)
        context = case_context(case, Extraction(), review)
        failed = finding(
            "extraction",
            Severity.WARNING,
            "The letter's answers could not be read automatically",
            f"The extractor stopped on this letter ({type(exc).__name__}: {exc}), so checks "
            "that need the request points, determinations or provisions found nothing to "
            "check. Record them by hand and review those points yourself.",
        )
        return sort_findings([failed, *run_checks(context)])
    return run_checks(context)

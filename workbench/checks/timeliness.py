"""Time limits: was the response on time, and was the review asked for in time?"""

from __future__ import annotations

import re

from .. import deadlines
from ..errors import DateError
from ..parsing.model import Evidence
from . import text as tx
from .base import CheckContext, Finding, Severity, check, finding

_EXTENSION = re.compile(
    r"\bextend(?:ed|ing)?\b[^.]{0,80}\b(?:deadline|time|period|date)\b|\bs(?:ection|\.)\s*10\s*\(3\)",
    re.I,
)


def timing_regime(context: CheckContext) -> tuple[deadlines.Regime, str]:
    """The regime to count working days under, and a note when it had to be assumed.

    A "mixed" FOIA/EIR response uses FOIA's count: both give 20 working days
    and count bank holidays anywhere in the UK.
    """
    if context.regime in ("FOIA", "EIR", "FOISA", "EISR"):
        return deadlines.Regime(context.regime), ""
    if context.regime == "mixed":
        return deadlines.Regime.FOIA, " (FOIA and EIR both apply; counted under FOIA)"
    return deadlines.Regime.FOIA, " (the regime is not known; counted under FOIA)"


def _date_evidence(context: CheckContext, *fields: str) -> list[Evidence]:
    return [
        context.extraction.field_evidence[f]
        for f in fields
        if f in context.extraction.field_evidence
    ]


@check(
    id="response-timeliness",
    title="Response timeliness",
    doc="Working days from receipt to response against the 20-working-day limit.",
)
def response_timeliness(context: CheckContext) -> list[Finding]:
    """Counts the working days from receipt to the response and compares them with the limit.

    FOIA s.10(1) and FOISA s.10 require a response by the 20th working day
    after receipt; EIR reg 5(2) the same.  The count (weekends and bank
    holidays skipped, under the regime's own calendar) is done by
    `workbench.deadlines.response_deadline`, so the finding can show its
    working.  On time is reported as information, late as an issue with the
    number of working days late; if either date is unknown the reviewer is
    told the check could not be made.  An extension the letter mentions
    (FOIA s.10(3), EIR reg 7) is pointed out, not applied: its validity is
    for the reviewer to judge.

    Source: domain reference section 1 (foia_response, eir_response,
    foisa_response; calendar rules), FOIA s.10.
    """
    cid = "response-timeliness"
    not_a_response = _not_a_first_response(context)
    if not_a_response:
        return [finding(cid, Severity.INFO, *not_a_response)]
    regime, assumed = timing_regime(context)
    evidence = _date_evidence(context, "date_received", "date_of_response")
    missing = [
        name
        for name, value in (
            ("the date the request was received", context.date_received),
            ("the date of the response", context.date_responded),
        )
        if value is None
    ]
    if missing:
        return [
            finding(
                cid,
                Severity.WARNING,
                "Timeliness could not be checked",
                f"The letter does not state {' or '.join(missing)}, and the case record does "
                "not give it. Enter the dates in the case to check the 20-working-day limit.",
                evidence=evidence,
            )
        ]
    try:
        deadline = deadlines.response_deadline(
            context.date_received,
            regime,
            responded=context.date_responded,
            clarification_received=_clarified(context),
        )
    except DateError as exc:
        return [
            finding(
                cid,
                Severity.WARNING,
                "Timeliness could not be checked",
                f"The dates do not make sense together: {exc}. Correct them in the case.",
                evidence=evidence,
            )
        ]
    working = (
        f"Received {deadline.start:%a %d %b %Y}; due by {deadline.due:%a %d %b %Y} "
        f"(working day {deadline.working_days}){assumed}; "
        f"responded {deadline.responded:%a %d %b %Y}, working day {deadline.working_days_taken}."
    )
    if deadline.on_time:
        return [
            finding(
                cid,
                Severity.INFO,
                f"Responded on time (working day {deadline.working_days_taken})",
                working,
                evidence=evidence,
            )
        ]
    extension = tx.first_sentence_with(_EXTENSION, context.response_text)
    note = (
        " The letter mentions an extension of time; the count above does not apply it, "
        "so check whether the extension was allowed (FOIA s.10(3): qualified exemptions "
        "only, EIR reg 7: complex and voluminous only)."
        if extension
        else ""
    )
    return [
        finding(
            cid,
            Severity.ISSUE,
            f"Response late by {deadline.days_late} working day"
            f"{'s' if deadline.days_late != 1 else ''}",
            working + " The statutory limit was missed; the review outcome should admit the "
            "breach." + note,
            evidence=[*evidence, *([extension] if extension else [])],
        )
    ]


def _not_a_first_response(context: CheckContext) -> tuple[str, str] | None:
    """A review outcome or a holding notice is not the first response to be timed."""
    kind = context.extraction.kind
    if kind == "internal_review_outcome":
        return (
            "This letter is an internal review outcome",
            "Its date is when the review answered, not when the request was first answered, "
            "so the 20-working-day limit for a response is not measured from it. Time the "
            "original response from its own letter.",
        )
    if kind == "holding_notice":
        return (
            "This letter is a holding notice",
            "It decides nothing yet, and the date it promises an answer by is not a response "
            "date. Time the response from the letter that answers the request; an extension "
            "(FOIA s.10(3), EIR reg 7, EISR reg 7) is for the reviewer to judge.",
        )
    return None


def _clarified(context: CheckContext):
    """The clarification date the letter gives, when it is after receipt (FOIA s.1(3))."""
    clarified = context.extraction.date_clarified
    if clarified is None or context.date_received is None or clarified < context.date_received:
        return None
    return clarified


@check(
    id="review-request-window",
    title="Review requested within 40 working days",
    doc="Whether the review was asked for within 40 working days of the response.",
)
def review_request_window(context: CheckContext) -> list[Finding]:
    """Checks the review request against the 40-working-day window after the response.

    The s.45 Code (2018) expects requesters to ask for a review within 40
    working days of the response and lets authorities refuse later requests;
    EIR reg 11 sets the same 40 working days in law and FOISA s.20 allows
    late requests at the authority's discretion.  A late request is a
    warning, not an issue: the authority may still choose to review.  When
    the review request date is unknown nothing is reported.

    Source: domain reference section 1 (foia_ir_ask, eir_ir, foisa_ir_ask) and
    section 2 ("Not a review": requests after 40 WD).
    """
    cid = "review-request-window"
    if context.date_review_requested is None:
        return []
    if context.date_responded is None:
        return [
            finding(
                cid,
                Severity.WARNING,
                "Review window could not be checked",
                "The review request date is known but the date of the response is not, so the "
                "40-working-day window cannot be counted. Enter the response date in the case.",
            )
        ]
    regime, assumed = timing_regime(context)
    window = deadlines.review_request_deadline(context.date_responded, regime)
    requested = context.date_review_requested
    calendar = deadlines.WorkingCalendar(regime)
    day = calendar.working_days_between(context.date_responded, requested)
    base = (
        f"Response {context.date_responded:%a %d %b %Y}; a review could be asked for until "
        f"{window.due:%a %d %b %Y} (40 working days){assumed}; the review was requested on "
        f"{requested:%a %d %b %Y}"
    )
    if requested < context.date_responded:
        return [
            finding(
                cid,
                Severity.INFO,
                "Review requested before the response date",
                base + ", before the response. This is usually a complaint about delay, "
                "which is itself a ground for review.",
            )
        ]
    if requested <= window.due:
        return [
            finding(
                cid,
                Severity.INFO,
                f"Review requested in time (working day {day} of 40)",
                base + f", working day {day}.",
            )
        ]
    late = calendar.working_days_between(window.due, requested)
    return [
        finding(
            cid,
            Severity.WARNING,
            f"Review requested {late} working day{'s' if late != 1 else ''} after the window",
            base + f", working day {day}. The authority may decline a late request (s.45 Code; "
            "EIR reg 11) or accept it at its discretion; record the decision either way.",
        )
    ]

"""Time limits: was the letter on time by its own rule, and was the review asked for in time?

Each kind of letter has its own clock.  A first response (or refusal notice) is due
by the 20th working day after receipt, restarted on clarification; a holding notice
must itself arrive within those 20 working days, and the date it promises is not a
response date; an internal review outcome is measured against the review's own limit
(EIR reg 11(4) 40 working days, FOISA s.21(1) 20, FOIA 20 under the s.45 Code), never
the 20 days of a first response.
"""

from __future__ import annotations

import datetime as dt
import re

from .. import deadlines, law
from ..errors import DateError
from ..parsing.dates import find_dates
from ..parsing.model import Evidence
from . import text as tx
from .base import CheckContext, Finding, Severity, check, finding

_EXTENSION = re.compile(
    r"\bextend(?:ed|ing)?\b[^.]{0,80}\b(?:deadline|time|period|date)\b|\bs(?:ection|\.)\s*10\s*\(3\)"
    r"|\bextension\b|\bfurther\s+(?:\d+|twenty)\s+working\s+days|\badditional\s+time\b",
    re.I,
)
#: Words by which a letter admits that it was late.
_ADMITS_DELAY = re.compile(
    r"\b(?:apologi[sz]e|apologies|sorry|regret)\b[^.]{0,80}\b(?:delay|late|lateness|time\s+(?:it\s+)?"
    r"(?:has\s+)?taken|length\s+of\s+time)"
    r"|\b(?:delay|delayed|late|outside\s+the\s+(?:statutory|20)[^.]{0,20}(?:time|deadline|period|"
    r"limit|days))\b[^.]{0,60}\b(?:apologi[sz]e|apologies|sorry|regret)\b"
    r"|\bbreach(?:ed)?\s+(?:of\s+)?(?:the\s+)?(?:statutory\s+)?(?:time|deadline|20)",
    re.I,
)
#: Words that introduce the date a holding notice promises a response by.
_PROMISE = re.compile(
    r"\b(?:by|on\s+or\s+before|no\s+later\s+than|until|before)\b[^.]{0,40}$", re.I
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


def not_checked(cid: str, title: str, why: str, evidence=()) -> Finding:
    """A check that cannot decide says so, as information, never as an issue."""
    return finding(cid, Severity.INFO, title, why, evidence=evidence)


@check(
    id="response-timeliness",
    title="Timeliness by the letter's own rule",
    doc="Working days to the letter against its own limit: response, holding notice or review.",
)
def response_timeliness(context: CheckContext) -> list[Finding]:
    """Counts the working days to the letter and compares them with the limit for its kind.

    A first response or refusal notice is due by the 20th working day after receipt
    (FOIA s.10(1), EIR reg 5(2), FOISA s.10(1)), the clock restarting when a requested
    clarification arrives (FOIA s.1(3)).  A holding notice (a s.17 notice extending
    the time for the public interest test) must itself be sent within those 20
    working days; the date it promises is not a response date and is left to
    ``extension-too-long``.  An internal review outcome is measured from the review
    request against the review's own limit (EIR reg 11(4): 40 working days; FOISA
    s.21(1): 20; FOIA: 20 under the s.45 Code), never the 20 days of a first
    response.  The count (weekends and bank holidays skipped, under the regime's own
    calendar) is done by :mod:`workbench.deadlines`, so the finding shows its working.

    On time is information; late is an issue with the working days late.  When a date
    is missing the check says it could not be checked (information), unless the
    letter itself apologises for a delay, which is an admitted breach and an issue.

    Law: FOIA s.10(1), s.1(3) and s.17(1)-(2) as in force since 1 January 2005; EIR
    reg 5(2) and reg 11(4) (2004, as made); FOISA s.10(1) and s.21(1) (2002, as in
    force on 9 November 2024); s.45 Code of Practice (July 2018).

    Source: domain reference section 1 (foia_response, eir_response,
    foisa_response, eir_ir, foisa_ir_do; calendar rules); FOISA s.21(1) on
    legislation.gov.uk; issue 12 items 12 and "checks that fit the letter".
    """
    if context.is_review_outcome:
        return _review_timeliness(context)
    return _first_response_timeliness(context)


def _first_response_timeliness(context: CheckContext) -> list[Finding]:
    cid = "response-timeliness"
    regime, assumed = timing_regime(context)
    what = "holding notice" if context.is_holding_notice else "response"
    evidence = _date_evidence(context, "date_received", "date_of_response")
    missing = [
        name
        for name, value in (
            ("the date the request was received", context.date_received),
            (f"the date of the {what}", context.date_responded),
        )
        if value is None
    ]
    if missing:
        admitted = _admitted_delay(context)
        if admitted is not None:
            return [admitted]
        return [
            not_checked(
                cid,
                "Timeliness could not be checked",
                f"The letter does not state {' or '.join(missing)}, and the case record does "
                "not give it. Enter the dates in the case to check the 20-working-day limit.",
                evidence,
            )
        ]
    try:
        deadline = deadlines.response_deadline(
            context.date_received,
            regime,
            responded=context.date_responded,
            clarification_received=context.date_clarified,
        )
    except DateError as exc:
        return [
            not_checked(
                cid,
                "Timeliness could not be checked",
                f"The dates do not make sense together: {exc}. Correct them in the case.",
                evidence,
            )
        ]
    clarification = law.cite("clarification", context.regime)
    restarted = (
        f" The clock restarted on the clarification received {context.date_clarified:%d %b %Y}"
        + (f" ({clarification})." if clarification else ".")
        if context.date_clarified
        else ""
    )
    working = (
        f"Received {deadline.start:%a %d %b %Y}; due by {deadline.due:%a %d %b %Y} "
        f"(working day {deadline.working_days}){assumed}; {what} sent "
        f"{deadline.responded:%a %d %b %Y}, working day {deadline.working_days_taken}." + restarted
    )
    if deadline.on_time:
        return [
            finding(
                cid,
                Severity.INFO,
                (
                    "Holding notice sent on time"
                    if context.is_holding_notice
                    else "Responded on time"
                )
                + f" (working day {deadline.working_days_taken})",
                working,
                evidence=evidence,
            )
        ]
    limit = law.cite("response_time", context.regime)
    why = (
        " Even a notice extending the time must be sent within the 20 working days"
        + (" (FOIA s.17(2))." if regime is deadlines.Regime.FOIA else ".")
        if context.is_holding_notice
        else " The statutory limit was missed; the review outcome should admit the breach."
    )
    return [
        finding(
            cid,
            Severity.ISSUE,
            ("Holding notice" if context.is_holding_notice else "Response")
            + f" late by {deadline.days_late} working day"
            f"{'s' if deadline.days_late != 1 else ''}",
            working + f" The limit is {limit}." + why,
            evidence=evidence,
        )
    ]


def _review_timeliness(context: CheckContext) -> list[Finding]:
    cid = "response-timeliness"
    regime, assumed = timing_regime(context)
    requested, replied = context.date_review_requested, context.date_responded
    if requested is None or replied is None:
        admitted = _admitted_delay(context)
        if admitted is not None:
            return [admitted]
        return [
            not_checked(
                cid,
                "Review timeliness could not be checked",
                "This letter is an internal review outcome, measured from the review request "
                "against the review's own limit, not the 20 days of a first response. Enter "
                "the date the review was requested and the date of this letter in the case.",
            )
        ]
    try:
        deadline = deadlines.review_deadline(requested, regime, responded=replied)
    except DateError as exc:
        return [not_checked(cid, "Review timeliness could not be checked", f"{exc}.")]
    rule = {"EIR": "EIR reg 11(4)", "FOISA": "FOISA s.21(1)", "EISR": "EISR reg 16(4)"}.get(
        regime.value, "the s.45 Code of Practice"
    )
    working = (
        f"Review requested {requested:%a %d %b %Y}; due by {deadline.due:%a %d %b %Y} "
        f"({deadline.working_days} working days under {rule}){assumed}; replied "
        f"{replied:%a %d %b %Y}, working day {deadline.working_days_taken}."
    )
    if deadline.on_time:
        return [finding(cid, Severity.INFO, "Review completed on time", working)]
    return [
        finding(
            cid,
            Severity.ISSUE,
            f"Review late by {deadline.days_late} working day"
            f"{'s' if deadline.days_late != 1 else ''}",
            working + " The review missed its own time limit.",
        )
    ]


def _admitted_delay(context: CheckContext) -> Finding | None:
    """The letter's own apology for a delay: an admitted breach, whatever the dates say."""
    sentence = tx.first_sentence_with(_ADMITS_DELAY, context.response_text)
    if sentence is None:
        return None
    late = (
        "the original response or this review was late"
        if context.is_review_outcome
        else "the response was late"
    )
    return finding(
        "response-timeliness",
        Severity.ISSUE,
        f"The letter admits {late}",
        "The dates needed to count the working days are not known, but the letter itself "
        "apologises for a delay, which admits that a time limit was missed. The review "
        "outcome should record the breach.",
        evidence=[sentence],
    )


@check(
    id="extension-too-long",
    title="Public interest extension longer than the ICO expects",
    doc="A FOIA s.10(3) extension of more than 20 further working days.",
)
def extension_too_long(context: CheckContext) -> list[Finding]:
    """Measures an extension of time for the public interest test against the ICO's 20 days.

    FOIA s.10(3) lets an authority take longer than 20 working days to weigh the public
    interest, but only as long as is "reasonable in the circumstances"; the ICO expects
    no more than 20 further working days (40 in all).  The letter is read for an
    extension and the date it promises a response by (a date in the sentence that
    mentions the extension, after "by", "no later than" ...); counted from the
    original deadline, more than 20 further working days is a warning.  The EIR allow
    an extension only for complex and voluminous requests, to 40 working days in all
    (reg 7), and FOISA none, so under those regimes any promised date beyond 20
    working days is a warning too.  A letter that promises no date, or whose receipt
    date is unknown, is reported as not checked.

    Law: FOIA s.10(3) as in force since 1 January 2005; EIR reg 7 (2004, as made);
    FOISA s.10 (no extension); ICO guidance on time limits under s.10 ("Extensions to
    consider the public interest test").

    Source: ICO "Time limits for compliance under the Freedom of Information Act
    (section 10)"; domain reference section 1 (foia_pit_ext, eir_ext, foisa_response);
    workbench.deadlines (the warning on extensions over 20 working days).
    """
    cid = "extension-too-long"
    text = context.response_text
    mentions = tx.search(_EXTENSION, text)
    if not mentions:
        return []
    promised = _promised_date(text, mentions)
    if promised is None or context.date_received is None:
        return [
            not_checked(
                cid,
                "Extension could not be measured",
                "The letter mentions an extension of time, but the date it promises a "
                "response by, or the date the request was received, is not known.",
                [tx.sentence_evidence(text, mentions[0][0])],
            )
        ]
    day, sentence = promised
    regime, assumed = timing_regime(context)
    original = deadlines.response_deadline(
        context.date_received, regime, clarification_received=context.date_clarified
    ).due
    calendar = deadlines.WorkingCalendar(regime)
    further = calendar.working_days_between(original, day)
    allowed = deadlines.ICO_EXTENSION_DAYS if regime is not deadlines.Regime.FOISA else 0
    summary = (
        f"The original deadline was {original:%a %d %b %Y}{assumed}; the letter promises a "
        f"response by {day:%a %d %b %Y}, {further} further working day"
        f"{'s' if further != 1 else ''}."
    )
    if further <= allowed:
        return [finding(cid, Severity.INFO, "Extension within 20 working days", summary)]
    why = {
        deadlines.Regime.FOIA: " The ICO expects an extension under FOIA s.10(3) of no more than "
        "20 further working days; the review should ask why a longer one was reasonable.",
        deadlines.Regime.EIR: " Under the EIR the time can be extended only for complex and "
        "voluminous requests, to 40 working days in all (reg 7).",
        deadlines.Regime.FOISA: " FOISA allows no extension of the 20 working days.",
        deadlines.Regime.EISR: " Under the EISR the time can be extended only where the volume "
        "and complexity of the information make 20 working days impracticable, to 40 in all "
        "(reg 7(1)).",
    }[regime]
    return [
        finding(
            cid,
            Severity.WARNING,
            f"Extension of {further} further working days",
            summary + why,
            evidence=[sentence],
        )
    ]


def _promised_date(text: str, mentions: list[tx.Span]) -> tuple[dt.date, Evidence] | None:
    """The date an extension sentence promises a response by, and that sentence."""
    for start, _ in mentions:
        a, b = tx.sentence_at(text, start)
        for found in find_dates(text, a, b):
            if _PROMISE.search(text[a : found.start]):
                return found.date, tx.evidence(text, (a, b))
    return None


@check(
    id="review-request-window",
    title="Review requested within 40 working days",
    doc="Whether the review was asked for within 40 working days, counted as the regime says.",
)
def review_request_window(context: CheckContext) -> list[Finding]:
    """Checks the review request against the 40-working-day window, counted per regime.

    The s.45 Code (2018) expects requesters to ask for a review within 40 working
    days of the response and lets authorities refuse later requests; EIR reg 11(2)
    sets 40 working days in law.  Under FOISA s.20(5) the 40 working days run from
    the expiry of the time for compliance (the 20th working day after receipt), or
    from receipt of a late response: a response sent early does not shorten the
    window, so with the date of receipt known the window is counted from the later
    of the two.  A late request is a warning, not an issue: the authority may still
    choose to review (FOISA s.20(6) lets the authority accept one).  When the review
    request date is unknown nothing is reported; when a FOISA request looks late
    counted from the response but the date of receipt is unknown, the check says it
    could not decide.

    Law: s.45 Code of Practice (July 2018); EIR reg 11(2) (2004, as made); FOISA
    s.20(5)-(6) (as in force on 9 November 2024).

    Source: domain reference section 1 (foia_ir_ask, eir_ir, foisa_ir_ask) and
    section 2 ("Not a review": requests after 40 WD); FOISA s.20 on
    legislation.gov.uk (crossheading "Review of refusal, etc.").
    """
    cid = "review-request-window"
    if context.date_review_requested is None:
        return []
    if context.date_responded is None:
        return [
            not_checked(
                cid,
                "Review window could not be checked",
                "The review request date is known but the date of the response is not, so the "
                "40-working-day window cannot be counted. Enter the response date in the case.",
            )
        ]
    regime, assumed = timing_regime(context)
    window = deadlines.review_request_deadline(
        context.date_responded,
        regime,
        received=context.date_received,
        clarification_received=context.date_clarified,
    )
    requested = context.date_review_requested
    calendar = deadlines.WorkingCalendar(regime)
    day = calendar.working_days_between(window.start, requested)
    counted = "; ".join(window.notes)
    base = (
        f"Response {context.date_responded:%a %d %b %Y}; a review could be asked for until "
        f"{window.due:%a %d %b %Y} (40 working days){assumed}"
        + (f" ({counted})" if counted else "")
        + f"; the review was requested on {requested:%a %d %b %Y}"
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
        when = f"working day {day} of 40" if day else "before the 40 working days began"
        return [
            finding(
                cid,
                Severity.INFO,
                f"Review requested in time ({when})",
                base + f", {when}.",
            )
        ]
    if regime is deadlines.Regime.FOISA and context.date_received is None:
        return [
            not_checked(
                cid,
                "Review window could not be checked",
                base + ". Under FOISA s.20(5) the window runs from the expiry of the time for "
                "compliance when the response came earlier, so it may end later; enter the "
                "date the request was received to decide.",
            )
        ]
    late = calendar.working_days_between(window.due, requested)
    rule = {
        deadlines.Regime.FOISA: "FOISA s.20(5), though s.20(6) lets the authority accept it",
        deadlines.Regime.EIR: "EIR reg 11(2)",
    }.get(regime, "the s.45 Code")
    return [
        finding(
            cid,
            Severity.WARNING,
            f"Review requested {late} working day{'s' if late != 1 else ''} after the window",
            base + f", working day {day}. The request is late under {rule}; the authority may "
            "decline it or accept it at its discretion; record the decision either way.",
        )
    ]

"""Refusals on cost (FOIA s.12, FOISA s.12): the estimate, and advice on what would fit."""

from __future__ import annotations

import re

from .. import law
from ..parsing.model import Determination, Evidence
from . import provisions as pv
from . import text as tx
from .base import CheckContext, Finding, Severity, check, cut_short, finding
from .exemptions import citation_evidence, cited_provisions, passages

_AMOUNT = re.compile(
    r"(?:£\s?(?P<pounds>\d[\d,]*(?:\.\d+)?)"
    r"|(?P<time>\d[\d,]*(?:\.\d+)?)\s*(?:-\s*\d+\s*)?(?P<unit>hours?|hrs?|minutes?|mins?|"
    r"seconds?|secs?|(?:working\s+)?days\s+of\s+(?:staff\s+|officer\s+)?(?:time|work))\b)",
    re.I,
)
#: Figures that are the statutory limit or rate, not the authority's estimate.
_LIMIT_POUNDS = {"450", "600", "25", "15"}
_LIMIT_HOURS = {"18", "24", "40"}
_LIMIT_WORDS = re.compile(r"\blimit\b|per\s+hour|an\s+hour|hourly|rate\s+of|equates?\s+to", re.I)
#: A figure is an estimate only in a sentence about the work of complying.
_EFFORT = re.compile(
    r"estimat|\btak(?:e|es|en|ing)\b|\bcost|\bspen[dt]|\brequir|\bexceed|\blocat|\bretriev"
    r"|\bextract|\bsearch|\breview|\bcheck|\bgo(?:ing)?\s+through|\bexamin|\bread",
    re.I,
)
_ADVICE = re.compile(
    r"advice\s+and\s+assistance|\bsection\s+16\b|\bs\.\s?16\b|\bregulation\s+9\b|\breg\.?\s?9\b"
    r"|\bnarrow|\brefin(?:e|ing)\b|\breduc\w*\s+(?:the\s+)?(?:scope|number|time|period|range)"
    r"|\b(?:limit|restrict)\w*\s+(?:your|the)\s+(?:request|scope|time|period|search)"
    r"|\bsubmit\s+a\s+(?:new|revised|narrower)|\bif\s+you\s+(?:were\s+to\s+)?(?:limit|narrow|"
    r"reduce|restrict|specify|focus)|\bmay\s+be\s+able\s+to\s+(?:answer|provide|help|comply)"
    r"|\bwithin\s+the\s+(?:cost|appropriate)\s+limit\b.{0,80}\b(?:if|by|could)",
    re.I,
)


def _refuses_on_cost(context: CheckContext) -> tuple[list[str], list[str]]:
    """The cost-limit provisions cited, and the points refused on cost."""
    provisions = [p for p in cited_provisions(context) if pv.is_cost_limit(p)]
    provisions += [
        c.id for c in context.citations if pv.is_cost_limit(c.id) and c.id not in provisions
    ]
    points = [
        p.label for p in context.extraction.points if p.determination == Determination.COST_LIMIT
    ]
    return provisions, points


def _trigger_evidence(context: CheckContext, provisions: list[str], points: list[str]):
    evidence = [e for p in provisions for e in citation_evidence(context, p)]
    evidence += [
        e
        for p in context.extraction.points
        if p.label in points
        for e in p.evidence
        if e.source == "response"
    ]
    return evidence


def estimate_sentences(text: str) -> list[Evidence]:
    """Sentences giving a time or cost figure that is not the statutory limit or rate."""
    out = []
    for m in _AMOUNT.finditer(text):
        sentence = tx.sentence_evidence(text, m.start())
        figure = (m.group("pounds") or m.group("time") or "").replace(",", "")
        is_limit_value = (m.group("pounds") and figure.split(".")[0] in _LIMIT_POUNDS) or (
            m.group("time") and figure in _LIMIT_HOURS
        )
        if is_limit_value and _LIMIT_WORDS.search(sentence.quote):
            continue
        if not _EFFORT.search(sentence.quote):
            continue
        if sentence not in out:
            out.append(sentence)
    return out


def _label(provisions: list[str], points: list[str]) -> tuple[str, str | None]:
    provision = provisions[0] if provisions else "s.12"
    on = f" (point{'s' if len(points) > 1 else ''} {', '.join(points)})" if points else ""
    return provision + on, (points[0] if len(points) == 1 else None)


@check(
    id="cost-limit-estimate-missing",
    title="Cost limit refusal without an estimate",
    doc="s.12 relied on without an estimate of the time or cost of compliance.",
)
def cost_limit_estimate_missing(context: CheckContext) -> list[Finding]:
    """For a refusal on cost, looks for the authority's estimate of time or cost.

    s.12 applies only if a reasonable, realistic estimate shows that
    determining whether the information is held, locating, retrieving and
    extracting it would exceed the appropriate limit (£600 / 24 hours for
    central government, £450 / 18 hours for others, at £25 an hour).  The
    letter is read for a time or cost figure that is not simply the limit
    or the hourly rate ("the limit is 18 hours" does not count; "it would
    take 60 hours to check 1,200 files" does).  None is an issue.

    Law: FOIA s.12 and SI 2004/3244 regs 3-5 (in force since 1 January 2005); FOISA
    s.12 and SSI 2004/467 regs 3 and 5 (in force since 1 January 2005).

    Source: domain reference section 3b (s.12 row: reasoned, realistic
    estimate; Fees Regulations reg 4); ICO guidance on s.12 ("a reasonable
    estimate", "providing cogent evidence").
    """
    provisions, points = _refuses_on_cost(context)
    if not provisions and not points:
        return []
    if estimate_sentences(context.response_text):
        return []
    label, point = _label(provisions, points)
    evidence = _trigger_evidence(context, provisions, points)
    if not context.closes_after(max((e.end for e in evidence), default=context.body_end)):
        return [
            cut_short(
                "cost-limit-estimate-missing",
                "The estimate of the cost",
                provision=provisions[0] if provisions else None,
                point=point,
                evidence=evidence,
            )
        ]
    return [
        finding(
            "cost-limit-estimate-missing",
            Severity.ISSUE,
            "Cost limit applied without an estimate",
            f"The request is refused on cost grounds ({label}) but the letter gives no "
            "estimate of the time or cost of complying: how many records, how long each "
            "would take to locate, retrieve and extract, and the total against the appropriate "
            "limit. Without a reasoned estimate the requester cannot tell whether the limit "
            "really applies; the review should obtain one.",
            provision=provisions[0] if provisions else None,
            point=point,
            evidence=_trigger_evidence(context, provisions, points),
        )
    ]


#: Why a reg 12(4)(b) refusal says the request is manifestly unreasonable: cost or burden.
_BURDEN = re.compile(
    r"\bcost|\bburden|\bhours?\b|\bresources?\b|\bappropriate\s+limit|\bdisproportionate\s+"
    r"(?:amount|time|cost|effort)|\b(?:time|work)\s+(?:it\s+)?would\s+take|\bvolume\b",
    re.I,
)


def _burden_refusals(context: CheckContext) -> list[str]:
    """EIR reg 12(4)(b) refusals made on cost or burden (not as vexatious) in the letter."""
    text = context.response_text
    found = []
    for provision in cited_provisions(context):
        if not provision.startswith("reg.12(4)(b)"):
            continue
        near = passages(context, provision)
        if tx.search(_BURDEN, text, near) and not re.search(r"vexatious", text, re.I):
            found.append(provision)
    return found


@check(
    id="cost-limit-advice-missing",
    title="Cost limit refusal without advice and assistance",
    doc="s.12 or a burden refusal under reg 12(4)(b) without advice on narrowing the request.",
)
def cost_limit_advice_missing(context: CheckContext) -> list[Finding]:
    """For a refusal on cost, looks for advice on how the request could be brought within the limit.

    FOIA s.16 requires reasonable advice and assistance; following the Code of
    Practice counts as compliance, and the ICO's s.12 guidance expects advice on
    what could be provided within the limit.  The same goes for an EIR refusal on
    cost or burden under reg 12(4)(b) (advice under reg 9) and for FOISA s.12
    (advice under s.15).  A reg 12(4)(b) refusal counts when the passage about it
    speaks of cost, time or burden rather than of a vexatious request.  The
    extractor's reading of advice and assistance is used, with the letter's own
    wording ("narrow", "refine", "if you were to limit ...", "section 16",
    "regulation 9") as a second look.  None is an issue.

    Law: FOIA s.16 and s.12 with SI 2004/3244 (in force since 1 January 2005); EIR
    reg 9 and reg 12(4)(b) (2004, as made); FOISA s.15 and s.12 with SSI 2004/467.

    Source: domain reference section 6 (s.16) and section 3b (s.12 row: "s.16
    advice on what fits"); ICO guidance on s.12 (advice and assistance) and on reg
    12(4)(b); issue 12 (reg 12(4)(b) with no reg 9 advice was missed).
    """
    provisions, points = _refuses_on_cost(context)
    burden = _burden_refusals(context)
    provisions += [p for p in burden if p not in provisions]
    if not provisions and not points:
        return []
    text = context.response_text
    if context.extraction.advice_and_assistance or _ADVICE.search(text):
        return []
    label, point = _label(provisions, points)
    evidence = _trigger_evidence(context, provisions, points)
    if not context.closes_after(max((e.end for e in evidence), default=context.body_end)):
        return [
            cut_short(
                "cost-limit-advice-missing",
                "Advice on narrowing the request",
                provision=provisions[0] if provisions else None,
                point=point,
                evidence=evidence,
            )
        ]
    return [
        finding(
            "cost-limit-advice-missing",
            Severity.ISSUE,
            "Cost limit applied without advice on narrowing the request",
            f"The request is refused on cost grounds ({label}) but the letter does not advise "
            "the requester how to bring it within the limit (for example a shorter period, "
            "fewer records or particular documents). Advice and assistance is owed under "
            f"{law.cite('advice_and_assistance', context.regime)}; not helping to narrow a "
            "request refused on cost is a breach.",
            provision=provisions[0] if provisions else None,
            point=point,
            evidence=_trigger_evidence(context, provisions, points),
        )
    ]

"""'Not held' answers: were the searches behind them described?"""

from __future__ import annotations

import re

from ..parsing.model import Determination, Evidence, Point
from . import text as tx
from .base import CheckContext, Finding, Severity, check, cut_short, finding

_SEARCHED = re.compile(
    r"\bsearch(?:ed|es|ing)?\b|\blook(?:ed|ing)?\s+(?:in|through|at|for)\b|\btrawl"
    r"|\b(?:made|make|making)\s+(?:\w+\s+)?enquiries|\benquiries\s+(?:with|of|were|have)"
    r"|\bcheck(?:ed|s|ing)?\s+(?:our|the|with|its|all)\b|\bconsult(?:ed|ing)\s+(?:with\s+)?"
    r"|\basked\s+(?:the|our|colleagues|staff|officers|relevant)\b|\breview(?:ed)?\s+(?:our|the)\s+"
    r"(?:records|files|systems)",
    re.I,
)
#: What makes a description of searches specific: where, with what terms, by whom, for when.
_SPECIFIC = re.compile(
    r"e-?mails?|mailbox|inbox|outlook|(?:shared|network|personal|team)\s+drives?|sharepoint"
    r"|\bteams\b|database|\bsystems?\b|\bfiles?\b|\bfolders?\b|paper\s+records|archives?"
    r"|registry|search\s+terms?|key\s?words?|using\s+the\s+terms?|\bterms?\s+[\"'\u2018\u201c]"
    r"|\bofficers?\b|\bteam\b|\bdepartment\b|\bdirectorate\b|\bbetween\s+\d|\bfrom\s+\d{4}\b"
    r"|\b(?:19|20)\d\d\s*(?:to|-|until)\s*(?:19|20)\d\d",
    re.I,
)

#: Reasons a record does not exist, which the ICO weighs alongside searches.
_EXPLAINED = re.compile(
    r"\bdestroy|\bdeleted\b|\bdisposed\b|\bretention\b|records?\s+management|\bno\s+longer\s+"
    r"(?:hold|have|keep|retain)|\bnever\s+(?:been\s+)?(?:created|held|produced|recorded|received|"
    r"collected)|\b(?:is|are|was|were)\s+not\s+(?:recorded|collected|captured|compiled|created|"
    r"produced|kept|retained)|\bdo(?:es)?\s+not\s+(?:record|collect|capture|compile|create|produce|"
    r"keep|retain|monitor)\b|\bno\s+(?:requirement|obligation|legal\s+duty|business\s+need)\s+to"
    r"|\b(?:not\s+able|unable)\s+to\s+identify|\bheld\s+by\s+(?:another|a\s+different)"
    r"|\bdo(?:es)?\s+not\s+have\s+(?:a\s+|any\s+)?(?:\w+\s+){0,3}(?:equipment|system|records?|"
    r"figures?|breakdown|data)"
    # nothing of the kind is made or kept: no checks, no record, no log
    r"|\bmakes?\s+no\s+(?:checks?|record)|\bno\s+(?:such\s+)?(?:checks?|log|register|central\s+record)"
    r"\s+(?:is|are)\s+(?:made|kept|held|maintained)"
    # another body holds it, or is responsible for it
    r"|\bmay\s+(?:be\s+)?(?:hold|held|available)\b[^.]{0,40}\b(?:by|from|contacting)\b"
    r"|\bis\s+responsible\s+for\s+(?:handling|holding|keeping|recording)",
    re.I,
)


def _not_held(context: CheckContext) -> list[Point]:
    return [p for p in context.extraction.points if p.determination == Determination.NOT_HELD]


def _search_evidence(context: CheckContext, region: list[tx.Span]) -> list[Evidence]:
    """Sentences in ``region`` that describe searching (the extractor's and our own reading)."""
    text = context.response_text
    inside = [
        e
        for e in context.extraction.searches
        if e.source == "response" and any(a <= e.start < b for a, b in region)
    ]
    own = [tx.sentence_evidence(text, start) for start, _ in tx.search(_SEARCHED, text, region)]
    return inside + own


@check(
    id="searches-not-described",
    title="'Not held' without a description of the searches",
    doc="A point answered 'not held' must say where and how the authority searched.",
)
def searches_not_described(context: CheckContext) -> list[Finding]:
    """For each point answered "not held", looks for a description of the searches made.

    "Not held" is judged on the balance of probabilities, and the ICO looks
    at the scope, quality, thoroughness and results of the searches; a
    generic "we searched" is not enough: the areas searched, the terms used
    and who searched should be named.  The answer to the point (its
    paragraph and the few after it, up to the next point or heading) is
    read for search wording.  With none there and no rows in the case's
    search record, it is an issue, unless the letter explains why the record
    does not exist (destroyed under a retention schedule, never created, not
    recorded in that form): the ICO weighs such explanations too, so that is a
    warning to check the explanation.  With no searches in the letter but a
    search record present, information (the outcome letter can describe
    them); with searches mentioned only in general terms ("reasonable
    searches"), a warning.

    Law: FOIA s.1(1)(a) as in force since 1 January 2005 (balance of probabilities:
    Bromley v IC and the Environment Agency, EA/2006/0072); EIR reg 12(4)(a); FOISA s.17.

    Source: domain reference section 5 ("Not held" and search adequacy:
    LTT121 scope, quality, thoroughness and results of searches, and other
    explanations; generic "we searched" is not enough).
    """
    cid = "searches-not-described"
    text = context.response_text
    findings = []
    for point in _not_held(context):
        region = tx.point_region(text, context.extraction.points, point.label)
        answer = [e for e in point.evidence if e.source == "response"]
        answer_spans = [(e.start, e.end) for e in answer] or None
        found = _search_evidence(context, region or [(0, len(text))])
        ends = [e.end for e in answer] + [b for _, b in region]
        if not (found and context.searches) and not context.closes_after(max(ends, default=0)):
            findings.append(cut_short(cid, "The searches", point=point.label, evidence=answer))
            continue
        if not found:
            if context.searches:
                findings.append(
                    finding(
                        cid,
                        Severity.INFO,
                        f"Point {point.label}: letter does not describe the searches",
                        f"Point {point.label} is answered 'not held' and the letter does not say "
                        f"what searches were made, though the case's search record lists "
                        f"{len(context.searches)}. Check they cover this point and describe them "
                        "in the review outcome.",
                        point=point.label,
                        evidence=answer,
                    )
                )
                continue
            reason = tx.first_sentence_with(_EXPLAINED, text, region or answer_spans)
            if reason is not None:
                findings.append(
                    finding(
                        cid,
                        Severity.WARNING,
                        f"Point {point.label}: 'not held' explained, but no searches described",
                        f"Point {point.label} is answered 'not held' with an explanation of why "
                        "the information does not exist, but the letter does not describe any "
                        "search. Check the explanation can be relied on (for example the "
                        "retention schedule or how the records are kept) and whether searches "
                        "were still needed to confirm it.",
                        point=point.label,
                        evidence=[*answer, reason],
                    )
                )
                continue
            findings.append(
                finding(
                    cid,
                    Severity.ISSUE,
                    f"Point {point.label}: 'not held' with no searches described",
                    f"Point {point.label} is answered 'not held' but the letter does not say "
                    "where the authority looked, what search terms it used or who searched, and "
                    "the case has no search record. 'Not held' is judged on the balance of "
                    "probabilities, which needs evidence of adequate searches; ask the team for "
                    "a record of them.",
                    point=point.label,
                    evidence=answer,
                )
            )
            continue
        if context.searches or any(_SPECIFIC.search(e.quote) for e in found):
            continue
        findings.append(
            finding(
                cid,
                Severity.WARNING,
                f"Point {point.label}: searches described only in general terms",
                f"Point {point.label} is answered 'not held' and the letter says searches were "
                "made, but not where (systems, mailboxes, files), with what terms, or by whom. "
                "A general statement that searches were made is not enough to show the "
                "information is not held on the balance of probabilities.",
                point=point.label,
                evidence=[*answer, *found],
            )
        )
    return findings

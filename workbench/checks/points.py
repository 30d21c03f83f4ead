"""Each request point: was it answered, and does its answer hang together?"""

from __future__ import annotations

import re

from .. import law
from ..parsing.model import Determination
from . import provisions as pv
from . import text as tx
from .base import CheckContext, Finding, Severity, check, finding

#: "If it were held, it would be exempt": reliance in the alternative, which is legitimate.
_ALTERNATIVE = re.compile(
    r"\beven\s+if\b|\bin\s+the\s+alternative\b|\bif\s+(?:the\s+|this\s+|such\s+|any\s+)?"
    r"(?:information\s+|it\s+)?(?:were|was|is)\s+held\b|\bwere\s+(?:it|the\s+information)\s+held",
    re.I,
)


@check(
    id="point-not-answered",
    title="Request point with no answer",
    doc="A point of the request for which no determination was found.",
)
def point_not_answered(context: CheckContext) -> list[Finding]:
    """Reports every request point for which no answer (determination) was found.

    FOIA s.1(1) gives the requester two rights for everything asked: to be
    told whether it is held and to have it communicated; a refusal notice
    must cover every part refused (s.17(1)).  A point with no answer is
    either missed by the authority or missed by the extractor, so the
    finding asks the reviewer to read the letter and record the answer.

    When no point at all has an answer, the letter almost always answers them in
    a form the extractor could not align (a table, one block of text), not
    nothing at all: that is reported once, as information that the answers could
    not be checked.  Only a point left unanswered among answered ones is an issue.

    Law: FOIA s.1(1) and s.17(1) as in force since 1 January 2005 (EIR reg 5(1)
    and reg 14; FOISA s.1(1) and s.16).

    Source: domain reference section 4 (s.1(1)(a) duty to confirm or deny,
    separate from disclosure) and section 6 (s.17(1) content); issue 12 (a table
    of answers read as "point 3 has no answer").
    """
    points = context.extraction.points
    unanswered = [p for p in points if p.determination is None]
    if points and len(unanswered) == len(points):
        return [
            finding(
                "point-not-answered",
                Severity.INFO,
                "Answers could not be matched to the request's points",
                f"The request's {len(points)} point{'s' if len(points) != 1 else ''} were found "
                "but no answer could be matched to any of them; the letter probably answers them "
                "in a table or in one passage. Read the letter and record each point's answer.",
            )
        ]
    findings = []
    for point in points:
        if point.determination is not None:
            continue
        asked = f' ("{_short(point.text)}")' if point.text else ""
        findings.append(
            finding(
                "point-not-answered",
                Severity.ISSUE,
                f"Point {point.label} has no answer",
                f"No answer was found for point {point.label} of the request{asked}: the "
                "letter neither says whether the information is held nor gives a reason for "
                "not answering. Read the letter; if it really is unanswered the requester is "
                f"owed a response on this point ({law.cite('right_of_access', context.regime)}).",
                point=point.label,
                evidence=point.evidence,
            )
        )
    return findings


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


@check(
    id="exemption-on-not-held",
    title="Exemption cited against information 'not held'",
    doc="An exemption applied to a point the letter says is not held.",
)
def exemption_on_not_held(context: CheckContext) -> list[Finding]:
    """Flags exemptions cited against a point answered as "not held".

    An exemption (FOIA Part II, an EIR exception) applies to information
    that is held; if nothing is held there is nothing to exempt, and citing
    one suggests either that something is held after all or that the answer
    is confused.  The EIR's own "not held" exception, reg 12(4)(a), is the
    proper ground and is not flagged.  Relying on an exemption "in the
    alternative" ("even if it were held, it would be exempt") is
    legitimate, so it is reported as a warning to check; otherwise it is an
    issue.  Where information may be held, the right tool is usually NCND.

    Law: FOIA s.1(4) and Part II as in force since 1 January 2005; EIR reg 12(4)(a)
    (2004, as made); FOISA s.1(4) and s.17.

    Source: domain reference section 5 (held = held at the time of the
    request), section 3c (reg 12(4)(a) not held) and section 4 (NCND).
    """
    text = context.response_text
    findings = []
    for point in context.extraction.points:
        if point.determination != Determination.NOT_HELD:
            continue
        cited = [p for p in point.provisions if pv.is_exemption(p) and not pv.is_not_held(p)]
        region = tx.point_region(text, context.extraction.points, point.label) or [(0, len(text))]
        alternative = tx.first_sentence_with(_ALTERNATIVE, text, region)
        for provision in cited:
            severity = Severity.WARNING if alternative else Severity.ISSUE
            why = (
                " The letter appears to rely on it in the alternative (if the information were "
                "held); check that this is clear to the requester."
                if alternative
                else " Either information is held (and the exemption needs its reasoning) or "
                "it is not (and the exemption should go); if saying which would itself cause "
                "harm, the right answer is to neither confirm nor deny."
            )
            findings.append(
                finding(
                    "exemption-on-not-held",
                    severity,
                    f"Point {point.label}: {provision} cited but the answer is 'not held'",
                    f"Point {point.label} is answered as not held, yet {provision} is cited "
                    "against it. An exemption can only apply to information that is held." + why,
                    provision=provision,
                    point=point.label,
                    evidence=[
                        *[e for e in point.evidence if e.source == "response"],
                        *([alternative] if alternative else []),
                    ],
                )
            )
    return findings


@check(
    id="disclosed-but-refused",
    title="Point disclosed in full but a refusal ground cited",
    doc="A point answered as disclosed in full that still cites an exemption or refusal ground.",
)
def disclosed_but_refused(context: CheckContext) -> list[Finding]:
    """Flags a point answered "held, disclosed" whose answer still relies on a provision.

    A provision is relied on to refuse: an exemption or exception withholds
    information (FOIA s.17(1) requires the notice to say so for the information
    withheld), s.12 refuses on cost and s.14 as vexatious.  If everything asked
    for in the point was disclosed, nothing was refused, so one of the two is
    wrong: either part was withheld (the point is "held, partly disclosed") or the
    provision belongs to another point or to none.  The reviewer corrects the
    reading (the point's determination or its provisions) when it was misread, and
    otherwise has a contradiction in the response to put right.

    Law: FOIA s.1(1) and s.17(1) as in force since 1 January 2005 (EIR reg 5(1) and
    reg 14; FOISA s.1(1) and s.16).

    Source: domain reference section 6 (s.17(1): a refusal notice names the
    exemption relied on for the information withheld) and section 4 (s.1(1): the
    two duties, to confirm and to communicate).
    """
    findings = []
    for point in context.extraction.points:
        if point.determination != Determination.HELD_DISCLOSED:
            continue
        for provision in point.provisions:
            if pv.entry(provision) is None:
                continue
            findings.append(
                finding(
                    "disclosed-but-refused",
                    Severity.ISSUE,
                    f"Point {point.label}: disclosed in full, yet {provision} is cited",
                    f"Point {point.label} is answered as held and disclosed, yet {provision} is "
                    "relied on for it, and a provision is only needed to refuse something. "
                    "Either part of the point was withheld or refused (the answer is 'held, "
                    f"partly disclosed') or {provision} does not apply to this point. Correct "
                    "the reading if it is wrong; otherwise the response contradicts itself.",
                    provision=provision,
                    point=point.label,
                    evidence=[e for e in point.evidence if e.source == "response"],
                )
            )
    return findings

"""The review itself: is every ground of the review request answered?"""

from __future__ import annotations

from ..parsing.model import Evidence
from .base import CheckContext, Finding, Severity, check


@check(
    id="ground-without-finding",
    title="Ground of the review request with no finding",
    doc="A ground the requester raised that the review has not yet answered.",
)
def ground_without_finding(context: CheckContext) -> list[Finding]:
    """Reports every ground of the review request the reviewer has not yet found on.

    An internal review exists because the requester is dissatisfied, and its outcome
    must answer what they complained about.  Under the EIR the authority must "consider
    [the requester's representations] and any supporting evidence" (reg 11(3)(a)); under
    FOISA the requirement for review specifies "the matter which gives rise to the
    applicant's dissatisfaction" (s.20(3)(c)) and the notice of the outcome must state
    the reasons for what was done (s.21(5)); for FOIA the s.45 Code of Practice (2018,
    part 5) asks for a fresh consideration of the complaint.  A ground without a finding
    would be left unanswered in the letter, so the review cannot be completed until each
    has one (upheld, partly upheld or not upheld, with the reasons).  Runs only on a
    case with a review.

    Law: EIR reg 11(3)-(4) (2004, as made, in force since 1 January 2005); FOISA s.20(3)(c)
    and s.21(5) as in force since 1 January 2005; the FOIA s.45 Code of Practice (July
    2018), part 5.

    Source: EIR reg 11(3)-(4); FOISA s.20(3)(c), s.21(5); s.45 Code of Practice 2018 part 5
    (domain reference section 7: "each ground raised, answered").
    """
    review = context.review
    if review is None:
        return []
    findings = []
    for ground in review.requester_grounds:
        if ground.finding is not None:
            continue
        what = ground.summary or ground.quote or ground.category.replace("_", " ")
        evidence = []
        if ground.quote and ground.start is not None and ground.end is not None:
            evidence.append(
                Evidence(
                    quote=ground.quote,
                    start=ground.start,
                    end=ground.end,
                    source="review_request",
                )
            )
        findings.append(
            Finding(
                id=f"ground-without-finding:{ground.id}",
                check="ground-without-finding",
                severity=Severity.ISSUE,
                title=f"Ground {ground.id} has no finding yet",
                explanation=(
                    f"The requester asked for a review on this ground ({_short(what)}), and the "
                    "outcome letter must answer it: record on the Grounds tab whether it is "
                    "upheld, partly upheld or not upheld, and why. The review cannot be "
                    "completed until every ground has a finding."
                ),
                evidence=evidence,
            )
        )
    return findings


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"

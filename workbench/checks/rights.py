"""Rights the requester must be told about: internal review and complaint to the regulator."""

from __future__ import annotations

import re

from .. import law
from ..parsing.model import Determination
from . import text as tx
from .base import CheckContext, Finding, Severity, check, cut_short, finding

_REVIEW = re.compile(
    r"internal\s+review|\b(?:ask|request|apply)\w*\s+(?:us\s+)?(?:for\s+)?(?:an?\s+)?review"
    r"|\breview\s+(?:of\s+)?(?:our|the|this)\s+(?:response|decision|handling)"
    r"|\bcarry\s+out\s+a\s+review|\breview\s+procedure|\brequest\s+for\s+review"
    r"|\bcomplaints?\s+procedure"
    r"|\breconsider(?:ation)?\s+(?:of\s+)?(?:our|the|this|your)",
    re.I,
)
_COMPLAINT = re.compile(
    r"information\s+commissioner|\bICO\b|\bsection\s+50\b|\bs\.\s?50\b|complain\w*\s+to\s+the\s+"
    r"(?:regulator|commissioner)|\bcommissioner'?s\s+office|wycliffe\s+house|ico\.org\.uk"
    r"|itspublicknowledge|foi\.scot|section\s+47\b",
    re.I,
)
_SCOTTISH = re.compile(r"scottish\s+information\s+commissioner|itspublicknowledge|foi\.scot", re.I)
_COURT_OF_SESSION = re.compile(r"court\s+of\s+session|\bsection\s+56\b|\bs\.\s?56\b", re.I)

#: Answers that refuse something, so s.17 applies and s.17(7) requires the rights.
_REFUSALS = {
    Determination.HELD_PARTLY_DISCLOSED,
    Determination.HELD_WITHHELD,
    Determination.NCND,
    Determination.COST_LIMIT,
    Determination.VEXATIOUS,
    Determination.REPEATED,
}


def refuses_something(context: CheckContext) -> bool:
    """Whether the response refuses any part of the request (so it is a refusal notice).

    Under the EIR a "not held" answer is itself a refusal (reg 12(4)(a)).
    """
    answers = {p.determination for p in context.extraction.points}
    if answers & _REFUSALS or context.extraction.provisions_cited:
        return True
    return context.regime == "EIR" and Determination.NOT_HELD in answers


def _severity(context: CheckContext) -> Severity:
    if context.is_review_outcome:
        return Severity.ISSUE
    return Severity.ISSUE if refuses_something(context) else Severity.WARNING


@check(
    id="review-rights-missing",
    title="Right to an internal review not given",
    doc="The letter must tell the requester how to ask for an internal review.",
)
def review_rights_missing(context: CheckContext) -> list[Finding]:
    """Looks for the requester's right to ask for an internal review.

    FOIA s.17(7)(a) requires a refusal notice to give details of the
    authority's complaints (internal review) procedure or say it has none;
    EIR reg 11 makes review a statutory right that must be offered (reg 14(5)),
    as does FOISA s.20 (s.19).  An issue when the response refuses anything (an
    exemption, a refusal ground, or under the EIR "not held"); a warning
    otherwise, because the Code of Practice still expects every response to
    explain it.  An internal review outcome is not asked for it: it *is* the
    review, and what it must give is the right to go to the Commissioner
    (``complaint-rights-missing``).  The extractor's reading is used, with the
    letter's own wording as a second look.

    Law: FOIA s.17(7) as in force since 1 January 2005; EIR reg 11 and reg 14(5)
    (2004, as made); FOISA s.19 and s.20 (as in force on 9 November 2024).

    Source: domain reference section 6 (s.17(7); "review must be offered
    under EIR") and section 1 (eir_ir, foisa_ir_ask); issue 12 ("no right to a
    review" on a letter that is a review outcome).
    """
    if context.is_review_outcome:
        return []
    if context.extraction.review_rights_given or _REVIEW.search(context.response_text):
        return []
    if not context.closes_after(context.body_end, rights_close=False):
        return [cut_short("review-rights-missing", "The right to an internal review")]
    return [
        finding(
            "review-rights-missing",
            _severity(context),
            "No right to an internal review given",
            "The letter does not tell the requester that they can ask for an internal review, "
            "how, or by when (40 working days). A refusal must give the review procedure "
            f"({law.cite('review_rights', context.regime)}); under the EIR and FOISA the review "
            "is a statutory right. The review outcome should set this out.",
        )
    ]


@check(
    id="complaint-rights-missing",
    title="Right to complain to the regulator not given",
    doc="The letter must tell the requester they can complain to the Commissioner.",
)
def complaint_rights_missing(context: CheckContext) -> list[Finding]:
    """Looks for the right to complain to the regulator, and that it names the right one.

    FOIA s.17(7)(b) requires a refusal notice to state the right to apply to
    the Information Commissioner under s.50 (the EIR apply s.50 through reg
    18, reg 14(5)(b)).  Under FOISA the regulator is the Scottish Information
    Commissioner (s.47, within six months; s.19(b)), so a FOISA letter naming
    only the ICO is flagged as a warning.  An internal review outcome must give
    this right too; under FOISA its notice must also give the particulars of the
    right of appeal to the Court of Session under s.56 (s.21(10)), so a FOISA
    review outcome silent about that appeal is a warning.  Severity as for
    review rights: an issue when the response refuses anything or is a review
    outcome, a warning otherwise.

    Law: FOIA s.17(7)(b) and s.50; EIR reg 14(5)(b) and reg 18 (2004, as made);
    FOISA s.19, s.21(10), s.47 and s.56 (as in force on 9 November 2024).

    Source: domain reference section 6 (s.17(7), "link the ICO complaint
    portal") and section 1 (sic_appeal); FOISA s.21 on legislation.gov.uk.
    """
    cid = "complaint-rights-missing"
    text = context.response_text
    mentions = _COMPLAINT.search(text)
    if not (context.extraction.complaint_rights_given or mentions):
        if not context.closes_after(context.body_end, rights_close=False):
            return [cut_short(cid, "The right to complain to the regulator")]
        return [
            finding(
                cid,
                _severity(context),
                "No right to complain to the regulator given",
                "The letter does not tell the requester that they can complain to the "
                "Information Commissioner (FOIA s.50; EIR reg 18) or, in Scotland, apply to the "
                "Scottish Information Commissioner (FOISA s.47). The letter must say so ("
                + law.cite(
                    "review_outcome_rights" if context.is_review_outcome else "complaint_rights",
                    context.regime,
                )
                + ").",
            )
        ]
    if (
        context.regime == "FOISA"
        and context.is_review_outcome
        and not _COURT_OF_SESSION.search(text)
    ):
        if not context.closes_after(context.body_end, rights_close=False):
            return [cut_short(cid, "The Court of Session appeal (s.56)")]
        return [
            finding(
                cid,
                Severity.WARNING,
                "No particulars of the appeal to the Court of Session",
                "This is a FOISA review outcome: its notice must give the particulars of the "
                "rights of application to the Scottish Information Commissioner (s.47(1)) and of "
                "appeal to the Court of Session on a point of law (s.56), FOISA s.21(10). The "
                "letter does not mention the appeal.",
            )
        ]
    if context.regime in ("FOISA", "EISR") and mentions and not _SCOTTISH.search(text):
        return [
            finding(
                cid,
                Severity.WARNING,
                "Complaint route names the wrong regulator",
                f"The request falls under {context.regime}, where the requester applies to the "
                "Scottish Information Commissioner within six months of the review (FOISA s.47), "
                "but the "
                "letter names only the (UK) Information Commissioner.",
                evidence=[tx.sentence_evidence(text, mentions.start())],
            )
        ]
    return []

"""What engages a provision: the qualified person's opinion, the location, the threshold.

Some provisions are engaged only by a particular fact the refusal must show: s.36 by
the reasonable opinion of the authority's qualified person, s.21 (FOISA s.25) by the
information really being accessible elsewhere, which means saying where, and an EIR
reg 12(5) exception by an adverse effect that *would* happen.  Each check here looks
for that fact in the passage about the provision.
"""

from __future__ import annotations

import re

from . import provisions as pv
from . import text as tx
from .base import CheckContext, Finding, Severity, check, finding
from .exemptions import citation_evidence, cited_provisions, passages, undecided

_QUALIFIED_PERSON = re.compile(
    r"qualified\s+person|reasonable\s+opinion|opinion\s+of\s+(?:the|our)\s+[^.]{0,60}"
    r"(?:chief\s+executive|permanent\s+secretary|minister|vice[- ]chancellor|clerk|chair|"
    r"director|head|principal|registrar|monitoring\s+officer|accounting\s+officer|commissioner)",
    re.I,
)
#: How a letter says where accessible information is: an address, a named document or page.
_LOCATION = re.compile(
    r"https?://\S+|\bwww\.\S+|\S+\.(?:gov|org|nhs|ac|police|co)\.uk\b|\bavailable\s+(?:at|on|from"
    r"|via|in)\b|\bcan\s+be\s+(?:found|accessed|viewed|obtained|downloaded)\b|\bpublished\s+(?:at|on|"
    r"in)\b|\blink\b|\bpage\s+\d+|\bparagraph\s+\d+|\bsection\s+\d+\s+of\s+the\s+(?:report|document)"
    r"|\bannual\s+report\b|\bpublication\s+scheme\b|\battached\b|\benclosed\b",
    re.I,
)
#: The likelihood a reg 12(5) refusal claims; "would be likely to" is below its threshold.
_LIKELY = re.compile(
    r"would,?\s+or\s+would\s+be\s+likely\s+to|\bwould\s+be\s+likely\s+to\b|\bcould\s+(?:adversely|"
    r"prejudice|harm|damage|undermine)|\bmay\s+(?:adversely|prejudice|harm|damage|undermine)"
    r"|\bmight\s+(?:adversely|prejudice|harm)|\blikely\s+to\s+(?:adversely|prejudice|harm|damage|"
    r"undermine)|\bvery\s+likely\s+to\b",
    re.I,
)
_WOULD = re.compile(
    r"\bwould\s+(?!be\s+likely)(?:\w+\s+){0,2}?(?:adversely|prejudice|harm|damage|undermine)"
    r"|more\s+probable\s+than\s+not",
    re.I,
)


@check(
    id="qualified-person-opinion-missing",
    title="Section 36 without the qualified person's opinion",
    doc="FOIA s.36 relied on with no mention of the qualified person's reasonable opinion.",
)
def qualified_person_opinion_missing(context: CheckContext) -> list[Finding]:
    """For FOIA s.36, looks for the reasonable opinion of the authority's qualified person.

    Section 36 is engaged only if, "in the reasonable opinion of a qualified person",
    disclosure would or would be likely to cause one of the harms in s.36(2).  The ICO
    expects the authority to say who the qualified person is, that an opinion was
    given and when, and to be able to show what they saw; without an opinion the
    exemption is not engaged at all.  The letter is read for the qualified person or
    their opinion ("qualified person", "reasonable opinion", "the opinion of our Chief
    Executive ...").  None is an issue: the review must establish whether an opinion
    was given before relying on s.36.  FOISA s.30 has no qualified person and is not
    checked here.

    Law: FOIA s.36(2) and (5) as in force since 1 January 2005.

    Source: ICO guidance "Section 36 - record of the qualified person's opinion" and
    "Prejudice to the effective conduct of public affairs (section 36)" (who, when,
    reasonable in substance and reasonably arrived at); domain reference section 3b
    (s.36 row); issue 12 item 4.
    """
    cid = "qualified-person-opinion-missing"
    text = context.response_text
    findings = []
    for provision in cited_provisions(context):
        if not pv.is_qualified_person(provision):
            continue
        if tx.search(_QUALIFIED_PERSON, text):
            continue
        if unsure := undecided(context, cid, provision, "The qualified person's opinion"):
            findings.append(unsure)
            continue
        findings.append(
            finding(
                cid,
                Severity.ISSUE,
                f"{provision}: no qualified person's opinion mentioned",
                f"The letter relies on {provision} but does not mention the qualified person or "
                "their opinion. Section 36 is engaged only by the reasonable opinion of the "
                "authority's qualified person; the review should establish who gave it, when, "
                "what they were shown, and that the opinion was reasonable.",
                provision=provision,
                evidence=citation_evidence(context, provision),
            )
        )
    return findings


@check(
    id="location-not-given",
    title="Information said to be accessible elsewhere, with no location",
    doc="FOIA s.21 / FOISA s.25 relied on without saying where the information is.",
)
def location_not_given(context: CheckContext) -> list[Finding]:
    """For FOIA s.21 (FOISA s.25), looks for where the requester can find the information.

    Information is exempt under s.21 only if it is reasonably accessible to the
    applicant; the ICO accepts that only where the authority knows the applicant has
    it, or directs them to it precisely enough that it can be found without difficulty
    and is not hidden in a mass of other information.  A refusal that says only "this
    is published" leaves the requester nothing to go on.  The passage about the
    provision (and the answers to the points it is cited for) is read for a location:
    a web address, "available at/on", a named report or page, the publication scheme,
    an attachment.  None is an issue.

    Law: FOIA s.21 as in force since 1 January 2005; FOISA s.25 (as in force on
    9 November 2024).

    Source: ICO guidance "Information accessible to the applicant by other means
    (section 21)" and line to take LTT151 (precisely direct the applicant); FOISA
    s.25 on legislation.gov.uk; issue 12 item 6.
    """
    cid = "location-not-given"
    text = context.response_text
    findings = []
    for provision in cited_provisions(context):
        if not pv.is_accessible_elsewhere(provision):
            continue
        near = passages(context, provision)
        regions = near + [
            span
            for point in context.extraction.points
            if any(tx.same_provision(p, provision) for p in point.provisions)
            for span in tx.point_region(text, context.extraction.points, point.label)
        ]
        if tx.search(_LOCATION, text, tx.merge(regions) or None):
            continue
        if unsure := undecided(context, cid, provision, "Where the information can be found"):
            findings.append(unsure)
            continue
        findings.append(
            finding(
                cid,
                Severity.ISSUE,
                f"{provision}: no location given for information said to be accessible",
                f"The letter relies on {provision} but does not say where the information can "
                "be found. It is reasonably accessible only if the requester is directed to it "
                "precisely (a link, the document and page); the review should give the exact "
                "location or release the information.",
                provision=provision,
                evidence=citation_evidence(context, provision),
            )
        )
    return findings


@check(
    id="adverse-effect-threshold",
    title="EIR exception relied on at the wrong threshold",
    doc='A reg 12(5) exception justified by "would be likely to", not "would adversely affect".',
)
def adverse_effect_threshold(context: CheckContext) -> list[Finding]:
    """For EIR reg 12(5) exceptions, checks the refusal claims the adverse effect *would* happen.

    Regulation 12(5) allows refusal only "to the extent that its disclosure would
    adversely affect" the interest: the adverse effect must be more probable than not.
    Unlike FOIA there is no lower "would be likely to" level, and the threshold is a
    high one (Archer v IC and Salisbury DC, EA/2006/0037; ICO line to take LTT117).
    The passage about the exception is read for the likelihood it claims: "would be
    likely to", "could", "may" or "would, or would be likely to" with no plain
    "would adversely affect" is an issue, since the exception was applied at a
    threshold the regulations do not allow.  Where both appear, a warning asks the
    reviewer to confirm which level was applied.

    Law: EIR reg 12(5) (SI 2004/3391, as made; unchanged since).

    Source: EIR reg 12(5) on legislation.gov.uk; Archer v Information Commissioner and
    Salisbury District Council, EA/2006/0037 (ICO line to take LTT117); issue 12 item 3.
    """
    cid = "adverse-effect-threshold"
    text = context.response_text
    findings = []
    for provision in cited_provisions(context):
        if not pv.is_adverse_effect(provision):
            continue
        near = passages(context, provision)
        lower = tx.search(_LIKELY, text, near)
        if not lower:
            continue
        would = [s for s in tx.search(_WOULD, text, near) if not _inside(s, lower)]
        severity = Severity.WARNING if would else Severity.ISSUE
        findings.append(
            finding(
                cid,
                severity,
                f"{provision}: adverse effect claimed only as likely"
                if not would
                else f"{provision}: two levels of adverse effect claimed",
                f"The letter justifies {provision} by saying disclosure "
                f"\u201c{text[lower[0][0] : lower[0][1]]}\u201d have an adverse effect. "
                "Regulation 12(5) needs an adverse effect that would happen - more probable "
                'than not; there is no "would be likely to" level under the EIR (Archer v IC '
                "and Salisbury DC, EA/2006/0037)."
                + (
                    " It also says the effect would happen; check which test was applied."
                    if would
                    else " The review must decide whether the effect would, on the balance "
                    "of probabilities, happen."
                ),
                provision=provision,
                evidence=[
                    *citation_evidence(context, provision),
                    tx.sentence_evidence(text, lower[0][0]),
                ],
            )
        )
    return findings


def _inside(span: tx.Span, others: list[tx.Span]) -> bool:
    return any(a <= span[0] < b for a, b in others)

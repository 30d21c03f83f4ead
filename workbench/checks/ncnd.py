"""Neither confirm nor deny: is the provision that allows it cited?"""

from __future__ import annotations

import re

from .. import law
from ..parsing.model import Determination
from . import provisions as pv
from . import text as tx
from .base import CheckContext, Finding, Severity, check, finding
from .exemptions import cited_provisions

_NCND = re.compile(
    r"neither\s+confirms?\s+nor\s+den(?:y|ies)|(?:can(?:not|'t)?|unable\s+to|not\s+(?:able|"
    r"prepared|in\s+a\s+position)\s+to|will\s+not|refuse\s+to|declin\w*\s+to)\s+(?:either\s+)?"
    r"confirm\s+(?:or|nor)\s+deny|duty\s+to\s+confirm\s+or\s+deny\s+(?:does\s+not|doesn't|"
    r"did\s+not)\s+(?:arise|apply)|exempt\w*\s+from\s+the\s+duty\s+to\s+confirm\s+or\s+deny"
    r"|\bNCND\b",
    re.I,
)


@check(
    id="ncnd-provision-missing",
    title="Neither confirm nor deny without the NCND provision",
    doc="An NCND answer that does not cite the exemption's confirm-or-deny limb.",
)
def ncnd_provision_missing(context: CheckContext) -> list[Finding]:
    """When the letter neither confirms nor denies, checks it cites a provision allowing that.

    The duty to confirm or deny (FOIA s.1(1)(a)) is separate from the duty
    to disclose, and each exemption removes it only through its own NCND
    limb (s.23(5), s.24(2), s.31(3), s.40(5A)/(5B), s.41(2), s.42(2), ...);
    citing the disclosure limb (s.31(1), s.40(2)) does not.  Under the EIR
    only reg 12(6) (reg 12(5)(a) interests) and reg 13(5A)/(5B) allow it;
    under FOISA, s.18.  Triggered by NCND wording in the letter or a point
    answered "ncnd"; an issue when no NCND limb is cited, suggesting the limb
    that matches each exemption cited.

    s.43(3) covers only the interests in s.43(2): trade secrets (s.43(1)) have no NCND
    limb, so none is suggested for them.

    Law: FOIA s.1(1)(a), s.2(1) and the Part II NCND limbs as in force since 1 January
    2005; EIR reg 12(6) and reg 13(5A)-(5B) (as amended by the Data Protection Act
    2018); FOISA s.18 (as in force on 9 November 2024).

    Source: domain reference section 4 (NCND: limbs, EIR reg 12(6) and
    13(5A), FOISA s.18) and section 6 (s.17(1) "say an exemption/NCND is
    relied on, name it").
    """
    text = context.response_text
    wording = tx.search(_NCND, text)
    points = [p for p in context.extraction.points if p.determination == Determination.NCND]
    if not wording and not points:
        return []
    cited = {*cited_provisions(context), *(c.id for c in context.citations)}
    if any(pv.is_ncnd_limb(p) for p in cited):
        return []
    suggestions = sorted({limb for p in cited for limb in pv.ncnd_limbs_for(p)})
    hint = (
        f" For the exemption{'s' if len(suggestions) > 1 else ''} cited, that would be "
        f"{' or '.join(suggestions)}."
        if suggestions
        else ""
    )
    regime_note = (
        " Under the EIR only reg 12(6) and reg 13(5A)/(5B) allow it."
        if context.regime == "EIR"
        else " Under FOISA the provision is s.18."
        if context.regime == "FOISA"
        else ""
    )
    cited_duty = law.cite("confirm_or_deny", context.regime) if context.regime == "FOIA" else ""
    duty = f" ({cited_duty})" if cited_duty else ""
    evidence = [tx.sentence_evidence(text, start) for start, _ in wording[:3]]
    evidence += [e for p in points for e in p.evidence if e.source == "response"]
    on = f" for point{'s' if len(points) > 1 else ''} {', '.join(p.label for p in points)}"
    return [
        finding(
            "ncnd-provision-missing",
            Severity.ISSUE,
            "Neither confirm nor deny, but no NCND provision cited",
            f"The letter refuses to confirm or deny whether information is held"
            f"{on if points else ''}, but cites no provision that removes the duty to confirm "
            f"or deny. That duty{duty} is separate from disclosure: an exemption's "
            "disclosure limb does not cover it; its NCND limb must be cited (and, if "
            "qualified, its own public interest test given)." + hint + regime_note,
            point=points[0].label if len(points) == 1 else None,
            evidence=evidence,
        )
    ]

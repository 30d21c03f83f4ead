"""Third-party personal data (FOIA s.40(2), EIR reg 13): the legitimate interests test."""

from __future__ import annotations

import re

from .. import law
from ..parsing.model import Determination
from . import provisions as pv
from . import text as tx
from .base import CheckContext, Finding, Severity, check, finding
from .exemptions import citation_evidence, cited_provisions, passages, undecided

#: The three steps of UK GDPR Art 6(1)(f), as a notice shows them.
_STEPS: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    (
        "legitimate interest",
        "the legitimate interest in disclosure (the requester's or the public's), identified "
        "and described",
        re.compile(r"legitimate\s+interests?", re.I),
    ),
    (
        "necessity",
        "whether disclosure is reasonably necessary to meet that interest, or whether a less "
        "intrusive route would do",
        re.compile(
            r"\bnecessity\b|\breasonably\s+necessary|\b(?:is|was|be|been|not|were)\s+"
            r"(?:strictly\s+|really\s+)?necessary\b|\bnecessary\s+(?:to|for|in\s+order)\s+"
            r"(?:meet|achieve|satisfy|fulfil|pursue|serve|the\s+legitimate)|less\s+intrusive"
            r"|\bother\s+(?:means|ways?|routes?)\b"
            r"|\bwithout\s+(?:disclos|releas)\w*\s+(?:the\s+)?(?:names?|personal)",
            re.I,
        ),
    ),
    (
        "balancing test",
        "the interest weighed against the individuals' rights and reasonable expectations "
        "(would they expect disclosure; what harm or distress it would cause)",
        re.compile(
            r"\bbalanc(?:e|ed|ing)\b(?!\s+of\s+probabilit)|\bweigh(?:ed|ing|s)?\b|\boutweigh",
            re.I,
        ),
    ),
)
#: The balance must show the individuals' side, not only the word "balance".
_DATA_SUBJECT_SIDE = re.compile(
    r"reasonabl[ey]\s+expect|\bexpectations?\b|\bwould\s+not\s+expect|\bdistress|\bdamage"
    r"|\bconsequences?\b|\bintrusi|\bprivacy|\bjunior|\bsenior|\bpublic[- ]facing|\bseniority"
    r"|\brole\b",
    re.I,
)
_SPECIAL = re.compile(r"special\s+categor|criminal\s+offence\s+data|article\s+(?:9|10)\b", re.I)


def _steps_shown(text: str, spans: list[tx.Span]) -> dict[str, list[tx.Span]]:
    shown = {}
    for name, _, pattern in _STEPS:
        hits = tx.search(pattern, text, spans)
        if name == "balancing test":
            hits = [
                h
                for h in hits
                if _DATA_SUBJECT_SIDE.search(text, *tx.sentence_at(text, h[0])) is not None
                or _near_side(text, h[0], spans)
            ]
        if hits:
            shown[name] = hits
    return shown


def _near_side(text: str, offset: int, spans: list[tx.Span]) -> bool:
    """The individuals' side stated in the same paragraph as the weighing."""
    para = tx.enclosing(tx.paragraphs(text), offset)
    return bool(para and _DATA_SUBJECT_SIDE.search(text, *para))


def _law_at(context: CheckContext) -> str:
    """The data protection law the test follows: the one in force at the response date."""
    if context.date_responded is None:
        return (
            "the data protection law in force at the date of the response (UK GDPR "
            "Art 6(1)(f) today; before 25 May 2018 the Data Protection Act 1998, Schedule 2 "
            "condition 6)"
        )
    return (
        law.data_protection_law(context.date_responded).name
        + ", the law at the date of the response"
    )


def _only_ncnd(context: CheckContext, provision: str) -> bool:
    """Cited only for points neither confirmed nor denied: then it stands for s.40(5B)."""
    answers = {
        p.determination
        for p in context.extraction.points
        if any(tx.same_provision(x, provision) for x in p.provisions)
    }
    return answers == {Determination.NCND}


@check(
    id="legitimate-interests-missing",
    title="Personal data withheld without the legitimate interests test",
    doc="s.40(2) / reg 13 relied on without each step: legitimate interest, necessity, balance.",
)
def legitimate_interests_missing(context: CheckContext) -> list[Finding]:
    """For s.40(2), reg 13 (and FOISA s.38(1)(b)), checks the notice walks through Art 6(1)(f).

    Third-party personal data is exempt under the first condition when
    disclosure would breach a data protection principle, which for most
    requests turns on the lawful basis of UK GDPR Art 6(1)(f): (1) is a
    legitimate interest pursued by disclosure; (2) is disclosure reasonably
    necessary for it, with no less intrusive route; only then (3) does the
    interest outweigh the individuals' rights, freedoms and reasonable
    expectations.  The ICO expects a refusal notice to show each step.  The
    passage about the provision is read for each step; the balancing step
    counts only where the weighing is stated together with the individuals'
    side (their expectations, the consequences for them), since "no
    legitimate interest would override their rights" is a conclusion, not a
    balance.  Missing steps are named in an issue.  If the letter says the
    data is special category or criminal offence data, Art 9/10 conditions
    apply instead, so the finding is a warning.  A bare "section 40" cited only
    for points neither confirmed nor denied stands for the NCND limb
    (s.40(5B)), which this check does not cover.

    The test is named by the data protection law in force at the date of the
    response (``workbench/data/law.yaml``): the Data Protection Act 1998 (first
    principle, Schedule 2 condition 6) before 25 May 2018, the GDPR and the Data
    Protection Act 2018 until 31 December 2020, the UK GDPR since; the three steps
    are the same (Goldsmith International Business School v IC and Home Office
    [2014] UKUT 563 (AAC) for the 1998 Act).

    Law: FOIA s.40(2)-(3A) and s.40(8) as amended by the Data Protection Act 2018;
    EIR reg 13; FOISA s.38(1)(b); UK GDPR Art 5(1)(a) and 6(1)(f); DPA 1998 Sch 2
    para 6 for responses before 25 May 2018.

    Source: domain reference section 3b (s.40(2) row: Art 6(1)(f) steps,
    "Notice shows each step"), 3c (reg 13 "as s.40(2)") and section 6 ("for
    s.40 show the limb and each legitimate-interest step"); ICO section 40 and
    regulation 13 guidance; issue 12 item 8 (the law in force at the response date).
    """
    cid = "legitimate-interests-missing"
    text = context.response_text
    findings = []
    for provision in cited_provisions(context):
        if not pv.is_third_party_personal_data(provision) or _only_ncnd(context, provision):
            continue
        near = passages(context, provision)
        shown = _steps_shown(text, near)
        missing = [(name, what) for name, what, _ in _STEPS if name not in shown]
        if not missing:
            continue
        if unsure := undecided(context, cid, provision, "The legitimate interests test"):
            findings.append(unsure)
            continue
        special = tx.first_sentence_with(_SPECIAL, text, near)
        present = [
            f"{name} (\u201c{tx.sentence_evidence(text, hits[0][0]).quote}\u201d)"
            for name, hits in shown.items()
        ]
        explanation = (
            f"The letter relies on {provision} but does not walk through the legitimate "
            f"interests test that decides whether disclosure would be lawful under "
            f"{_law_at(context)}. "
            + (f"It addresses: {'; '.join(present)}. " if present else "")
            + "Missing: "
            + "; ".join(f"{name} \u2014 {what}" for name, what in missing)
            + ". The review should set out each step."
        )
        if special:
            explanation += (
                " The letter says some of the data is special category or criminal offence "
                "data, for which Art 9/10 conditions apply rather than this test; check which "
                "data each reason covers."
            )
        findings.append(
            finding(
                cid,
                Severity.WARNING if special else Severity.ISSUE,
                f"{provision}: legitimate interests test not shown "
                f"({', '.join(name for name, _ in missing)} missing)",
                explanation,
                provision=provision,
                evidence=[
                    *citation_evidence(context, provision),
                    *(tx.sentence_evidence(text, hits[0][0]) for hits in shown.values()),
                    *([special] if special else []),
                ],
            )
        )
    return findings

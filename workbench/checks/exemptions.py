"""Exemptions relied on: does the letter say why, weigh the public interest, show the harm?"""

from __future__ import annotations

import re

from .. import law
from ..catalogue import regime_of_id
from ..parsing.model import Determination, Evidence
from . import provisions as pv
from . import text as tx
from .base import CheckContext, Finding, Severity, check, cut_short, finding

_PUBLIC_INTEREST = re.compile(
    r"public\s+interest|\bfactors?\s+(?:in\s+favour|for|against)|\barguments?\s+(?:in\s+favour|"
    r"for|against)|\boutweigh|\bbalanc(?:e|ed|ing)\b(?!\s+of\s+probabilit)|\bin\s+favour\s+of\s+"
    r"(?:disclos|releas|maintain|withhold|the\s+exemption)",
    re.I,
)
#: Language that shows the two sides were weighed, not just that the phrase was used.
_WEIGHING = re.compile(
    r"\boutweigh|\bbalanc(?:e|ed|ing)\b(?!\s+of\s+probabilit)|\bweigh(?:ed|ing|s)?\b|"
    r"\b(?:factors?|arguments?|considerations?)\s+(?:in\s+favour|for|against)|"
    r"\bin\s+favour\s+of\s+(?:disclos|releas|maintain|withhold|the\s+exemption)|"
    r"\binterest\s+in\s+(?:disclos|releas|transparency|maintaining)",
    re.I,
)

_DISCLOSURE = re.compile(
    r"\bdisclos|\breleas|\bpublish|\bmade\s+public|\bmaking\s+\w+\s+public|\breveal|\bprovid"
    r"|\bconfirm|\bden(?:y|ying)\b"
    r"|\bif\s+(?:this|the|it|these)\b",
    re.I,
)
_HARM = re.compile(
    r"\breveal|\bundermin|\bdamag|\bdisadvantag|\bweaken|\bcompromis|\bjeopardi|\bimped|\bhinder"
    r"|\bdeter|\binhibit|\bharm|\bloss\b|\blose\b|\brisk|\benabl|\ballow(?:ing)?\s+(?!us\b)"
    r"|\bassist|\bexpos|\bcompetitor|\btarget|\bevad|\bavoid|\bcircumvent|\bdistort|\bless\s+willing"
    r"|\breluctan|\bunfair|\badvantage|\bweaker|\bbargaining|\bnegotiat|\bcommercially\s+sensitive"
    r"|\btell(?:s|ing)?\b|\balert|\bwarn|\btip\s+off|\baware\b",
    re.I,
)
_LIKELY = re.compile(
    r"would\s+be\s+likely\s+to|more\s+(?:probable|likely)\s+than\s+not|real\s+and\s+significant"
    r"|\bwould\s+(?:\w+\s+){0,2}(?:prejudice|harm|damage|undermine|jeopardi[sz]e|impede|"
    r"compromise|weaken|disadvantage|reveal|allow|enable|lead)",
    re.I,
)
_BOTH_LEVELS = re.compile(r"would,?\s+or\s+would\s+be\s+likely\s+to", re.I)
_REASONING = re.compile(
    r"\bbecause\b|\bsince\b|\bdue\s+to\b|\bon\s+the\s+(?:basis|grounds?)\s+that|\bas\s+(?:it|this|"
    r"these|they|the|such|disclosure|releas|it\s+is)\b|\bwould\b|\bcould\b|\bconstitutes?\b"
    r"|\bconsists?\s+of\b|\bcontains?\b|\b(?:is|are)\s+(?:the\s+)?(?:personal|third[- ]party)\s+"
    r"(?:data|information)|\bpersonal\s+(?:data|information)\s+of\b|\brelates?\s+to\b"
    r"|\bwas\s+(?:provided|supplied|obtained|given)|\bin\s+order\s+to\b|\btherefore\b"
    r"|\bavailable\s+(?:at|on|from|via)\b|https?://|www\.|\bsubject\s+to\b|\bprohibit"
    r"|\bintend|\bwill\s+be\s+published|\bdue\s+to\s+be\s+published|\bongoing\b",
    re.I,
)


def cited_provisions(context: CheckContext) -> list[str]:
    """Every provision the response relies on, in the order first seen, without repeats."""
    seen: list[str] = []
    ids = [
        *context.extraction.provisions_cited,
        *(p for point in context.extraction.points for p in point.provisions),
    ]
    for pid in ids:
        if pid not in seen:
            seen.append(pid)
    return seen


def passages(context: CheckContext, provision: str) -> list[tx.Span]:
    """Where the letter discusses ``provision`` (see :func:`text.provision_passages`).

    When the letter never cites it in a form the parser reads (the extractor
    attributed it from elsewhere), the answers to the points it is cited
    against stand in.
    """
    text = context.response_text
    found = tx.provision_passages(
        text,
        context.citations,
        provision,
        others=[c.id for c in context.citations if pv.is_exemption(c.id)]
        + cited_provisions(context),
    )
    if found:
        return found
    regions = [
        span
        for point in context.extraction.points
        if any(tx.same_provision(p, provision) for p in point.provisions)
        for span in tx.point_region(text, context.extraction.points, point.label)
    ]
    return tx.merge(regions)


def provision_end(context: CheckContext, provision: str) -> int:
    """Where the letter last cites ``provision`` (the end of its body if it never does)."""
    ends = [c.end for c in context.citations if tx.same_provision(c.id, provision)]
    return max(ends, default=context.body_end)


def decidable(context: CheckContext, provision: str) -> bool:
    """Whether an absence in the passage about ``provision`` is a real absence.

    It is when the text runs on past the passage: to the letter's closing (see
    :func:`text.closes_after`), or to a later paragraph about another provision, which
    shows the letter had finished with this one.  A text that stops inside the passage
    (a page cut short) cannot show what the letter went on to say.
    """
    end = provision_end(context, provision)
    if context.closes_after(end):
        return True
    paras = tx.paragraphs(context.response_text)
    here = tx.index_of(paras, max(end - 1, 0))
    if here is None or paras[here][1] - paras[here][0] <= tx.LIST_ITEM_MAX:
        return False  # a bare list of exemptions: the reasons may follow the list
    return any(
        not tx.same_provision(c.id, provision)
        and c.start > end
        and (tx.index_of(paras, c.start) or 0) > here
        for c in context.citations
    )


def undecided(context: CheckContext, check_id: str, provision: str, what: str) -> Finding | None:
    """A "could not be checked" finding when the text may stop before the letter says ``what``.

    Every check that reports something *missing* about a provision asks this first, so
    a page cut short is never reported as a letter that left it out (see :func:`decidable`).
    """
    if decidable(context, provision):
        return None
    return cut_short(
        check_id, what, provision=provision, evidence=citation_evidence(context, provision)
    )


def citation_evidence(context: CheckContext, provision: str) -> list[Evidence]:
    """The sentences that cite ``provision``, as evidence."""
    text = context.response_text
    hits = [c for c in context.citations if tx.same_provision(c.id, provision)]
    return [tx.sentence_evidence(text, c.start) for c in hits[:3]]


def _withheld_points(context: CheckContext, provision: str) -> list[str]:
    return [
        p.label
        for p in context.extraction.points
        if any(tx.same_provision(x, provision) for x in p.provisions)
    ]


#: A condition of s.40(2) (or reg 13) that is qualified, named next to the citation.
_QUALIFIED_CONDITION = re.compile(
    r"\(\s*(3B|4A|2B|3A)\s*\)|\bsecond\s+condition\b|\bthird\s+condition\b"
    r"|\bright\s+to\s+object\b",
    re.I,
)
#: The qualified conditions by regime: (second, third).
_CONDITION_IDS = {"FOIA": ("s.40(3B)", "s.40(4A)"), "EIR": ("reg.13(2B)", "reg.13(3A)")}


def conditions_relied_on(context: CheckContext, provision: str) -> list[str]:
    """Qualified conditions of a personal data provision the letter relies on.

    A letter citing "section 40(2) by virtue of 40(3B)" cites the condition inside the
    provision's citation, so it is read from the citation's own words and the sentence
    around it.
    """
    ids = _CONDITION_IDS.get(regime_of_id(provision))
    if ids is None or not pv.is_third_party_personal_data(provision):
        return []
    second, third = ids
    text = context.response_text
    found: set[str] = set()
    for citation in context.citations:
        if not tx.same_provision(citation.id, provision):
            continue
        sentence = text[slice(*tx.sentence_at(text, citation.start))]
        for match in _QUALIFIED_CONDITION.finditer(sentence):
            words, part = match.group(0).lower(), match.group(1)
            if part in ("3B", "2B") or "second" in words or "object" in words:
                found.add(second)
            elif part in ("4A", "3A") or "third" in words:
                found.add(third)
    return sorted(found)


@check(
    id="public-interest-missing",
    title="Qualified exemption without a public interest test",
    doc="A qualified exemption or EIR exception cited with no public interest reasoning.",
)
def public_interest_missing(context: CheckContext) -> list[Finding]:
    """For each qualified exemption (and every EIR exception), looks for the public interest test.

    A qualified exemption only allows withholding if the public interest in
    maintaining it outweighs the public interest in disclosure (FOIA s.2(2); FOISA
    s.2(1)(b)), and the refusal notice must give the reasons for that conclusion
    (FOIA s.17(3); FOISA s.16(2)); every EIR reg 12 exception needs the same test
    (reg 12(1)(b)).  Whether a provision is qualified is decided per limb by the
    provisions catalogue, at the date of the request: s.37(1)(a)-(ab) are absolute
    for requests received from 19 January 2011 (FOIA s.2(3)(ea)); s.37(2) is
    absolute only with those limbs; s.36 is absolute only for the Houses of
    Parliament; s.40(2) is absolute under its first condition but qualified when the
    letter relies on the second or third (s.40(3B), s.40(4A)).  A bare citation whose
    limbs differ ("section 37") cannot be decided and is reported as information.

    The passage about the provision is read for public interest language
    ("public interest", "factors in favour", "balance", "outweigh").  None
    anywhere in the letter is an issue.  Language that only appears away from
    the provision, when several qualified exemptions are cited, or that names
    the public interest without weighing the two sides, is a warning.

    Law: FOIA s.2(2)-(3) (as amended by the Constitutional Reform and Governance Act
    2010, in force 19 January 2011, and the Data Protection Act 2018) and s.17(3);
    EIR reg 12(1)(b) (2004); FOISA s.2 and s.16(2) (as in force on 9 November 2024).

    Source: domain reference section 3a (PIT), 3b (abs/qual column), 3c
    (EIR reg 12(1)(b)), section 4 (qualified NCND limbs need their own PIT)
    and section 6 (s.17(3)); CRaG 2010 Sch 7 para 2 and SI 2011/46 art 3 on
    legislation.gov.uk; ICO section 40 guidance part four (second condition).
    """
    cid = "public-interest-missing"
    text = context.response_text
    cited = cited_provisions(context)
    qualified, undecided = [], []
    for provision in cited:
        others = [*cited, *conditions_relied_on(context, provision)]
        required = pv.public_interest_required(
            provision, cited=others, received=context.date_received, holder=context.holder
        )
        if required is None:
            undecided.append(provision)
        elif required:
            qualified.append(provision)
    anywhere = tx.search(_PUBLIC_INTEREST, text)
    reasons = law.cite("public_interest_reasons", context.regime)
    findings = [
        finding(
            cid,
            Severity.INFO,
            f"{provision}: public interest test could not be checked",
            f"The letter cites {provision} without the limb relied on, and its limbs differ: "
            "some are absolute, some need a public interest test. Record the limb to check it.",
            provision=provision,
            evidence=citation_evidence(context, provision),
        )
        for provision in undecided
    ]
    for provision in qualified:
        near = passages(context, provision)
        near_hits = tx.search(_PUBLIC_INTEREST, text, near)
        if not near_hits and anywhere and len(qualified) == 1:
            near_hits = anywhere
        sentences = [tx.sentence_evidence(text, start) for start, _ in near_hits]
        weighed = any(_WEIGHING.search(e.quote) for e in sentences)
        if not (near_hits and weighed) and not decidable(context, provision):
            findings.append(
                cut_short(
                    cid,
                    "The public interest test",
                    provision=provision,
                    evidence=citation_evidence(context, provision),
                )
            )
            continue
        if not anywhere:
            findings.append(
                finding(
                    cid,
                    Severity.ISSUE,
                    f"{provision}: no public interest test",
                    f"{provision} is a qualified {pv.kind_word(provision)}, so the information "
                    "may be withheld only if the public interest in maintaining it outweighs the "
                    "public interest in disclosure. The letter gives no public interest "
                    "reasoning at all; a refusal must say why the balance favours withholding "
                    f"({reasons}). The review must carry out the test, as at the time of the "
                    "original response.",
                    provision=provision,
                    evidence=citation_evidence(context, provision),
                )
            )
            continue
        if not near_hits:
            findings.append(
                finding(
                    cid,
                    Severity.WARNING,
                    f"{provision}: public interest reasoning not tied to this provision",
                    f"The letter discusses the public interest, but not where it deals with "
                    f"{provision}. Several qualified provisions are cited, and the public "
                    "interest arguments must relate to the interest each one protects; check "
                    f"that the test was carried out for {provision}.",
                    provision=provision,
                    evidence=[
                        *citation_evidence(context, provision),
                        tx.sentence_evidence(text, anywhere[0][0]),
                    ],
                )
            )
            continue
        if not weighed:
            findings.append(
                finding(
                    cid,
                    Severity.WARNING,
                    f"{provision}: public interest named but not weighed",
                    f"The letter mentions the public interest for {provision} but does not set "
                    "out the factors for disclosure and for withholding or say how they were "
                    "balanced. The notice should show both sides and why withholding wins.",
                    provision=provision,
                    evidence=sentences[:3],
                )
            )
    return findings


@check(
    id="prejudice-not-explained",
    title="Prejudice-based exemption without an account of the prejudice",
    doc="A prejudice-based exemption with no protected interest, harm or likelihood stated.",
)
def prejudice_not_explained(context: CheckContext) -> list[Finding]:
    """For each prejudice-based exemption, looks for the three parts of the prejudice test.

    The ICO's prejudice test asks (1) which protected interest the exemption
    covers is at stake, (2) what the harm would be: real, actual or of
    substance, with a causal link to disclosure, and (3) how likely it is:
    "would" (more probable than not) or "would be likely to" (a real and
    significant risk).  The passage about the provision is read for each;
    the missing parts are named.  No account of the harm is an issue;
    only the interest or the likelihood missing is a warning (the lower level
    of likelihood is assumed if unstated).  Reciting "would, or would be
    likely to" without choosing is pointed out.  Which exemptions are
    prejudice-based comes from the provisions catalogue (ICO list: s.26,
    27(1), 28, 29, 31, 33, 36, 43(2); EIR "adverse effect" exceptions too).

    s.38 (and FOISA s.39(1)) "endanger" is read the same way (PETA v IC and University
    of Oxford, EA/2009/0076), so it is checked here too.

    Law: FOIA Part II prejudice-based exemptions and s.38 as in force since 1 January
    2005; EIR reg 12(5) (2004, as made; see also ``adverse-effect-threshold``); FOISA
    Part 2 "substantial prejudice" (as in force on 9 November 2024).

    Source: domain reference section 3a (prejudice test; ICO-G
    the-prejudice-test) and section 3b (s.31, s.43(2) rows); ICO section 38 guidance.
    """
    cid = "prejudice-not-explained"
    text = context.response_text
    findings = []
    for provision in cited_provisions(context):
        if not pv.is_prejudice_based(provision):
            continue
        near = passages(context, provision)
        spans = [s for p in near for s in tx.sentences(text, p)]
        quotes = [(s, text[s[0] : s[1]]) for s in spans]
        interest = pv.names_interest(provision, " ".join(q for _, q in quotes))
        harm = [s for s, q in quotes if _HARM.search(q) and _DISCLOSURE.search(q)]
        likely = [s for s, q in quotes if _LIKELY.search(q)]
        both = [s for s, q in quotes if _BOTH_LEVELS.search(q)]
        missing = []
        if not interest:
            missing.append("which protected interest would be harmed")
        if not harm:
            missing.append("what the harm would be and how disclosure would cause it")
        if not likely:
            missing.append("how likely the harm is ('would' or 'would be likely to')")
        elif len(both) == len(likely):
            missing.append(
                "which level of likelihood is claimed (it recites 'would, or would be likely "
                "to' without choosing)"
            )
        if not missing:
            continue
        if unsure := undecided(context, cid, provision, "The account of the prejudice"):
            findings.append(unsure)
            continue
        severity = Severity.ISSUE if not harm else Severity.WARNING
        findings.append(
            finding(
                cid,
                severity,
                f"{provision}: prejudice not fully explained",
                f"{provision} is prejudice-based: the notice must show which interest is at "
                "stake, a real harm caused by disclosure, and its likelihood. The letter does "
                "not say " + "; nor ".join(missing) + ".",
                provision=provision,
                evidence=[
                    *citation_evidence(context, provision),
                    *(tx.evidence(text, s) for s in harm[:2]),
                    *(tx.evidence(text, s) for s in likely[:1]),
                ],
            )
        )
    return findings


@check(
    id="refusal-reasons-missing",
    title="Exemption cited without saying why it applies",
    doc="An exemption or exception named for withheld information with no reason given.",
)
def refusal_reasons_missing(context: CheckContext) -> list[Finding]:
    """For each exemption relied on, looks for any statement of why it applies.

    A refusal notice must name the exemption and state why it applies, if
    that would not otherwise be apparent (FOIA s.17(1)(c)); under s.17(4)
    the explanation may be left out where giving it would itself reveal
    exempt information, which is why a neither-confirm-nor-deny answer is not
    flagged.  Only exemptions and EIR exceptions are read; procedural
    refusal grounds (s.12, s.14, EIR reg 12(4)(a)-(c)) are left to their own
    checks and reviewer questions (under FOIA s.17(5) a s.12 or s.14 notice
    need only state the fact).  The passage about the provision is read for any reasoning
    ("because", "as it", "would", "is personal data", "was provided in
    confidence", a published location for s.21 ...); a bare citation is an
    issue.

    Law: FOIA s.17(1)(c), (4) and (5) as in force since 1 January 2005; EIR reg
    14(3) (2004, as made); FOISA s.16(1)(d) (as in force on 9 November 2024).

    Source: domain reference section 6 (s.17(1) "say why (if not obvious)",
    s.17(4), s.12/s.14 notices; "cite an exemption per redaction"); s.17(5)
    from the Act itself (the reference covers it only in part).
    """
    cid = "refusal-reasons-missing"
    text = context.response_text
    findings = []
    for provision in cited_provisions(context):
        if not pv.is_exemption(provision) or pv.needs_no_reasons(provision):
            continue
        labels = _withheld_points(context, provision)
        answers = {p.determination for p in context.extraction.points if p.label in labels}
        if answers and answers <= {Determination.NCND}:
            continue
        if answers and answers <= {Determination.NOT_HELD}:
            continue  # reported by exemption-on-not-held
        near = passages(context, provision)
        without_citation = _outside_citations(context, near)
        if tx.search(_REASONING, text, without_citation):
            continue
        if unsure := undecided(context, cid, provision, "The reason it applies"):
            findings.append(unsure)
            continue
        on = f" (point{'s' if len(labels) > 1 else ''} {', '.join(labels)})" if labels else ""
        findings.append(
            finding(
                cid,
                Severity.ISSUE,
                f"{provision}: no reason given",
                f"The letter relies on {provision}{on} but does not say why it applies to the "
                f"information withheld. A refusal must state why the {pv.kind_word(provision)} "
                f"applies unless that is obvious ({law.cite('refusal_reasons', context.regime)}); "
                "the requester cannot challenge a reason they are not given.",
                provision=provision,
                evidence=citation_evidence(context, provision),
            )
        )
    return findings


def _outside_citations(context: CheckContext, spans: list[tx.Span]) -> list[tx.Span]:
    """``spans`` with the citations themselves cut out ("section 41" is no reason)."""
    out: list[tx.Span] = []
    cuts = sorted((c.start, c.end) for c in context.citations)
    for start, end in spans:
        pos = start
        for a, b in cuts:
            if b <= pos or a >= end:
                continue
            if a > pos:
                out.append((pos, a))
            pos = max(pos, b)
        if pos < end:
            out.append((pos, end))
    return out

"""Links and attachments the letter refers to but the requester cannot reach."""

from __future__ import annotations

import re

from ..documents.formats import EMAIL_FORMATS
from . import text as tx
from .base import CheckContext, Finding, Severity, check, finding

#: A markdown link whose target goes nowhere: empty, "#", "#anchor" or javascript.
_DEAD_MARKDOWN = re.compile(
    r"\[(?P<label>[^\]\n]{1,200})\]\(\s*(?:#[^)\s]*|javascript:[^)]*|about:blank)?\s*\)", re.I
)
#: Template placeholders left in: "[insert link]", "<link>", "[URL]", "[hyperlink here]".
_PLACEHOLDER = re.compile(
    r"[\[<{]\s*(?:insert|add|paste)?\s*(?:the\s+)?(?:link|url|hyperlink|web\s*address|web\s*link)"
    r"(?:\s+(?:here|to\s+[^\]>}\n]{0,60}))?\s*[\]>}]",
    re.I,
)
_ATTACHED = re.compile(
    r"\b(?:please\s+find\s+attached|(?:I|we)\s+(?:have\s+)?(?:attach|enclose)(?:ed)?|"
    r"(?:is|are|has\s+been|have\s+been)\s+(?:attached|enclosed)|attached\s+(?:is|are|to\s+this)"
    r"|see\s+(?:the\s+)?(?:attached|attachment|enclosed)|in\s+the\s+attach(?:ed|ment)"
    r"|(?:the\s+)?attached\s+(?:document|file|spreadsheet|pdf|copy|copies|letter|information|"
    r"correspondence|records?|emails?|table|annex|schedule))\b",
    re.I,
)


@check(
    id="placeholder-links",
    title="Links that go nowhere",
    doc="Links with an empty or '#' target, or '[insert link]' placeholders.",
)
def placeholder_links(context: CheckContext) -> list[Finding]:
    """Finds links the requester cannot follow: "[text](#)", "[text]()" and template placeholders.

    A letter that points the requester to published information, the review
    procedure or the complaint form through a link that goes nowhere has not
    told them where to find it: s.21 relies on the information being really
    accessible with its exact location given, the ICO's s.17 guidance asks
    for a link to the complaint portal, and s.16 advice is only useful if it
    can be acted on.  All dead links are reported together as one issue,
    each quoted; the reviewer should check the original as sent (links are
    sometimes lost when a letter is copied) and give real addresses in the
    outcome.

    Law: FOIA s.16, s.17(7) and s.21 as in force since 1 January 2005 (EIR reg 9 and
    reg 14(5); FOISA s.15, s.19 and s.25).

    Source: domain reference section 3b (s.21: "exact location given") and
    section 6 ("link the ICO complaint portal"; s.16 advice); ICO section 21 guidance.
    """
    text = context.response_text
    hits = [m for pattern in (_DEAD_MARKDOWN, _PLACEHOLDER) for m in pattern.finditer(text)]
    if not hits:
        return []
    hits.sort(key=lambda m: m.start())
    labels = [_label(m) for m in hits]
    shown = ", ".join(f'"{label}"' for label in labels[:8])
    more = f" and {len(labels) - 8} more" if len(labels) > 8 else ""
    return [
        finding(
            "placeholder-links",
            Severity.ISSUE,
            f"{len(hits)} link{'s' if len(hits) != 1 else ''} with no address",
            f"The letter refers the requester to {shown}{more}, but the link has no real "
            "address (it points to '#', is empty, or is a template placeholder). The requester "
            "cannot reach what the letter relies on. Check the letter as sent and give the full "
            "addresses in the review outcome.",
            evidence=[tx.evidence(text, m.span()) for m in hits],
        )
    ]


def _label(match: re.Match[str]) -> str:
    label = match.groupdict().get("label")
    return " ".join((label or match.group(0)).split())


@check(
    id="attachments-missing",
    title="Attachments referred to but not present",
    doc="'Attached'/'enclosed' wording with no attachment in the document.",
)
def attachments_missing(context: CheckContext) -> list[Finding]:
    """Finds wording that says something is attached, and checks the document carries it.

    Disclosure made "in the attached" file is only a disclosure if the file
    went with the response (FOIA s.1(1)(b): the information must be
    communicated).  For an email (.eml or .msg) the loader lists its attachments, so a
    reference to an attachment with none present is an issue.  Other formats
    (.txt, .docx, .pdf) cannot show attachments, so the reference is reported
    as information: the reviewer should confirm from the case file what was
    sent.

    Law: FOIA s.1(1)(b) as in force since 1 January 2005 (EIR reg 5(1); FOISA s.1(1)).

    Source: domain reference section 2 (review scope: compare what was
    released with what was requested) and section 8 (House of Commons
    checklist: "compare released vs requested").
    """
    text = context.response_text
    hits = list(_ATTACHED.finditer(text))
    if not hits:
        return []
    evidence = [tx.sentence_evidence(text, m.start()) for m in hits]
    if context.response_format in EMAIL_FORMATS:
        attached = context.response_metadata.get("attachments") or []
        if attached:
            return []
        return [
            finding(
                "attachments-missing",
                Severity.ISSUE,
                "Attachment referred to but the email has none",
                "The email says information is attached, but it carries no attachment. If the "
                "disclosure was never sent, the information has not been communicated; check "
                "what the requester received and send it with the review outcome.",
                evidence=evidence,
            )
        ]
    kind = f"a .{context.response_format} file" if context.response_format else "plain text"
    return [
        finding(
            "attachments-missing",
            Severity.INFO,
            "Letter refers to attachments: confirm they were sent",
            f"The letter says information is attached. The response was loaded as {kind}, "
            "which does not carry attachments, so the workbench cannot tell whether they were "
            "sent. Check the case file for what the requester received.",
            evidence=evidence,
        )
    ]

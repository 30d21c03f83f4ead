"""What a stretch of response decides: disclosed, withheld, not held, NCND, cost limit...

The decision is read from the sentences a reviewer would underline: "we do not
hold", "I have redacted some personal data", "would exceed the appropriate
limit", "can neither confirm nor deny", plus what the grounds cited imply
(s.12 is the cost limit, reg.12(4)(a) is not held, s.40(5B) is NCND). Rights
boilerplate ("if you are unhappy with our decision to withhold...") and
general statements of the law ("a public authority may refuse...") are not
decisions and are skipped, as are sentences that deny a ground ("we are no
longer relying on section 17"). An exemption cited only in the alternative
("even if it were held, it would be exempt") does not turn "not held" into a
withholding.

The signals combine the way a reviewer reads them: a refusal ground decides
the whole point; "not held" plus a disclosure is a partial answer; an
exemption plus a disclosure or a redaction is a partial disclosure; an
exemption alone is withheld; an answer with no refusal at all is disclosed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .grounds import Ground, implied_determination, most_specific
from .model import Determination
from .rights import is_rights_sentence
from .text import Layout, Span

D = Determination

_NCND = re.compile(
    r"\bneither\s+(?:to\s+)?confirm(?:s|ed|ing)?\s+n?or\s+den(?:y|ies|ied|ying)\b|\bNCND\b|"
    r"\b(?:refuse[sd]?|decline[sd]?|unable|not\s+(?:able|obliged|required)|cannot|can\s?not|"
    r"will\s+not|won't)\s+(?:to\s+)?confirm\s+(?:or|n?or)\s+deny\b|"
    r"\bno\s+inference\s+(?:can|should|may)\s+be\s+(?:taken|drawn)\b",
    re.I,
)
_COST = re.compile(
    r"\bappropriate\s+limit\b|\bcost\s+(?:limit|ceiling|threshold)\b|"
    r"\bexceed(?:s|ed|ing)?\s+(?:the\s+)?(?:cost|fees?\s+limit|time\s+limit|£\s?\d{3}|\d+\s+hours)|"
    r"\bexcessive\s+cost\b|\b(?:manifestly\s+unreasonable)\b[^.]{0,80}\b(?:cost|burden|time)\b|"
    r"\b(?:cost|time)\s+of\s+compl(?:ying|iance)\b[^.]{0,60}\bexceed",
    re.I,
)
_COST_DENIED = re.compile(r"\b(?:not|n't|never)\s+(?:\w+\s+){0,2}exceed", re.I)
_VEXATIOUS = re.compile(r"\bvexatious\b|\bmanifestly\s+unreasonable\b", re.I)
_REPEATED = re.compile(
    r"\brepeat(?:ed)?\s+request\b|\b(?:identical|substantially\s+similar)\s+(?:to\s+)?(?:a\s+|your\s+)?"
    r"(?:previous|earlier|request)|\bsubstantially\s+similar\b",
    re.I,
)
_PUBLISHED = re.compile(
    r"\breasonably\s+accessible\b|\baccessible\s+(?:to\s+you\s+)?by\s+other\s+means\b|"
    r"\b(?:is|are|has\s+been|have\s+been)\s+(?:already\s+)?(?:published|publicly\s+available|"
    r"available\s+(?:online|on\s+(?:our|the|their)\s+website|to\s+the\s+public))\b|"
    r"\balready\s+(?:published|in\s+the\s+public\s+domain|publicly\s+available)\b|"
    r"\bin\s+the\s+public\s+domain\b|\bpublished\s+(?:on|at|in)\s+(?:our|the|their)\s+\w*\s*"
    r"(?:website|web\s?site|publication\s+scheme|disclosure\s+log)",
    re.I,
)
_NOT_HELD = re.compile(
    r"\b(?:do(?:es)?|did)\s*(?:not|n't)\s+(?:currently\s+|centrally\s+|routinely\s+)?"
    r"(?:hold|have|possess|retain|keep|record|collect|capture|collate|maintain|store)\b|"
    r"\b(?:don't|doesn't|didn't)\s+(?:currently\s+)?(?:hold|have|record|collect|keep)\b|"
    r"\bnot\s+(?:be\s+)?(?:held|recorded|collected|captured|collated|retained|kept)\b|"
    r"\bno\s+(?:relevant\s+|recorded\s+|such\s+|further\s+)?(?:information|data|records?|documents?|"
    r"correspondence|emails?|details)\s+(?:is\s+|was\s+|were\s+|are\s+|has\s+been\s+|have\s+been\s+)?"
    r"(?:held|found|located|identified|recorded|kept|retained)\b|"
    r"\bhold(?:s)?\s+no\s+(?:relevant\s+|recorded\s+)?(?:information|data|records)\b|"
    r"\bno\s+longer\s+(?:hold|have|retain|keep)\b|"
    r"\b(?:not|unable)\s+(?:able\s+)?to\s+(?:locate|find|identify|trace)\b|"
    r"\b(?:has|have|had|were|was)\s+(?:since\s+)?been\s+(?:destroyed|deleted|disposed)|"
    r"\bdoes\s+not\s+exist\b|\bno\s+such\s+(?:information|records?|documents?|data)\b|"
    r"\bno\s+recorded\s+information\b|\binformation\s+not\s+held\b",
    re.I,
)
#: "The information is held" / "we can confirm that we hold" - held, whatever happens next.
_HELD = re.compile(
    r"\b(?:we|I|it)\s+(?:can\s+confirm\s+(?:that\s+)?(?:we\s+)?)?(?:do\s+)?holds?\s+(?:the\s+|this\s+|"
    r"some\s+|relevant\s+|recorded\s+)?information\b|\binformation\s+(?:is|was)\s+held\b|"
    r"\bholds?\s+(?:this|the|some|relevant)\s+information\b|\bcan\s+confirm\s+that\s+we\s+(?:do\s+)?hold\b",
    re.I,
)
_DISCLOSED = re.compile(
    r"\bplease\s+(?:find|see)\s+(?:the\s+)?(?:attached|enclosed|below|overleaf|following|"
    r"links?|table|annex|appendix|response|information|answers?|details)|"
    r"\b(?:is|are|has\s+been|have\s+been)\s+(?:attached|enclosed|provided|released|disclosed)\b"
    r"(?!\s+by\b)|"
    r"\b(?:I|we)\s+(?:have\s+|am\s+|are\s+)?(?:(?:decided|able|pleased|happy)\s+to\s+)?"
    r"(?:attached|attaching|enclosed|enclosing|provided|providing|released|releasing|disclosed|"
    r"disclosing|release|disclose|provide)\b|"
    r"\b(?:attached|enclosed)\s+(?:is|are|please\s+find)\b|\bprovided\s+(?:in|at|as)\s+(?:an?\s+)?"
    r"(?:annex|appendix|attach)|\bas\s+follows\b|\bhere\s+(?:is|are)\b|\bbelow\s+(?:is|are)\b|"
    r"\b(?:the\s+)?(?:information|answer|figures?|numbers?|data|totals?)\s+(?:you\s+(?:have\s+)?requested\s+)?"
    r"(?:is|are|was|were)\s*(?:as\s+follows|below|attached|enclosed|:)|"
    r"\b(?:I|we)\s+(?:can|am\s+able\s+to|are\s+able\s+to)\s+(?:confirm|advise|tell\s+you|inform\s+you)\s+"
    r"that\s+(?:there\s+(?:is|are|were|was|have\s+been|has\s+been)|the\s+(?:total|number|figure|amount|cost))|"
    r"\b(?:pleased|happy)\s+to\s+(?:provide|release|disclose|supply)\b|"
    # Figures given as the answer: "there were 412", "can confirm that 42 students".
    r"\bthere\s+(?:were|was|are|is|have\s+been|has\s+been)\s+£?\d[\d,.]*\b|"
    r"\bcan\s+confirm\s+that\s+£?\d[\d,.]*\s|"
    r"^\W*£?\d[\d,]*(?:\.\d+)?[km]?(?![.)\d])\s+(?:\w+\s+){0,3}(?:were|was|are|is|had|have)\b|"
    r"\bthe\s+(?:total|number|figure|amount|cost|spend|average)\b[^.]{0,40}\b(?:was|is|were|are)\s+£?\d",
    re.I,
)
_PARTIAL = re.compile(
    r"\bredact(?:ed|ion|ions|ing)?\b|\bsome\s+(?:of\s+(?:the|this|that)\s+)?(?:information|data|details|"
    r"documents?|material|content)\b|\bpart(?:s)?\s+of\s+(?:the|this|your)\s+(?:information|request|"
    r"documents?|data|correspondence)\b|\bpartial(?:ly)?\b|\bin\s+part\b|\bwith\s+the\s+exception\s+of\b|"
    r"\bremainder\b|\bremaining\s+information\b|\bexcept\s+for\b|\bapart\s+from\b|"
    r"\b(?:names?|personal\s+(?:data|information|details)|details|signatures?)\s+(?:of\s+\w+\s+)?"
    r"(?:has\s+been|have\s+been|is|are|being)?\s*(?:removed|blanked|obscured)\b",
    re.I,
)
#: A redacted disclosure is partial even when the letter names no exemption for it.
_REDACTED = re.compile(r"\bredact(?:ed|ion|ions)\b", re.I)
_WITHHELD = re.compile(
    r"\bwithh(?:old|eld|olding)\b|\bexempt(?:ion)?\s+from\s+disclosure\b|\b(?:is|are|being)\s+exempt\b|"
    r"\b(?:not|unable)\s+(?:able\s+)?to\s+(?:disclose|release|provide|share)\s+(?:this|the|that|these|"
    r"those|it|them|any|some)\b|\bnot\s+(?:be\s+)?(?:disclosed|released|provided)\b|"
    r"\bexemptions?\s+(?:appl(?:y|ies)|(?:has|have)\s+been\s+applied|(?:is|are)\s+engaged)\b|"
    r"\bexceptions?\s+(?:appl(?:y|ies)|(?:is|are)\s+engaged)\b|"
    r"\brefus(?:e|ed|ing)\s+to\s+(?:disclose|release|provide)\b",
    re.I,
)
#: The whole request refused: attachments then explain the refusal rather than answer it.
_WHOLE_REFUSAL = re.compile(
    r"\brefus(?:e|ed|ing)\s+(?:your|the|this)\s+(?:whole\s+)?request\b(?!\s+in\s+part)", re.I
)
_OTHER = re.compile(
    r"\bclarif(?:y|ication)\b|\btransferred\s+(?:your\s+request\s+)?to\b|\bnot\s+a\s+valid\s+request\b|"
    r"\bbusiness\s+as\s+usual\b|\bnot\s+(?:a\s+)?request\s+for\s+(?:recorded\s+)?information\b|"
    r"\btoo\s+general\b",
    re.I,
)
#: A disclosure-log outcome line: "Information not held", "Outcome: Partially released".
_STATUS_LINE = re.compile(
    r"^\s*(?:(?:outcome|decision|status|result|response)\s*[:\-–]\s*)?(?:information\s+)?(?P<status>"
    r"not\s+held|(?:released|disclosed|provided)\s+in\s+full|full(?:y)?\s+(?:released|disclosed)|"
    r"partial(?:ly)?\s+(?:released|disclosed|provided|granted)|(?:released|disclosed)\s+in\s+part|"
    r"part\s+(?:released|disclosed)|withheld(?:\s+in\s+full)?|refused|"
    r"neither\s+confirm(?:ed)?\s+nor\s+denied|(?:released|disclosed|provided))\s*\.?\s*$",
    re.I,
)
#: The law described in general, not applied: "a public authority may refuse ...".
_GENERAL_LAW = re.compile(
    r"\b(?:a|any)\s+public\s+authorit(?:y|ies)\b|\bpublic\s+authorities\b|"
    r"\b(?:Act|Regulations?|section|regulation|exemption|exception)\s+(?:\S+\s+){0,3}"
    r"(?:states|says|provides|allows|requires|means)\b|^\W*unless\b|"
    r"^\W*where\s+(?:a|an|the\s+information|exemptions?|a\s+request)\b|\ballow\s+us\s+to\s+refuse\b|"
    r"\bplaces\s+(?:two|a)\s+dut(?:y|ies)\b|\bthe\s+(?:first|second)\s+duty\b|^\W*if\s+(?:an?|the)\s+"
    r"(?:exemption|exception)\b",
    re.I,
)
#: Options weighed rather than taken: "we considered whether we could provide redacted copies".
_HYPOTHETICAL = re.compile(
    r"\bconsidered\s+whether\b|\bwhether\s+(?:we|it|they)\s+(?:could|would|can|might)\b|"
    r"\bif\s+we\s+were\s+to\b|\bwould\s+(?:need|have)\s+to\b|\bcould\s+(?:be|have\s+been)\s+"
    r"(?:provided|disclosed|released|redacted)\b",
    re.I,
)
#: An exemption relied on only in the alternative to "not held": "Even if the information
#: were held, it would be exempt under section 43(2)". It does not make the point withheld.
_ALTERNATIVE = re.compile(
    r"\beven\s+(?:if|were)\b|\bin\s+the\s+alternative\b|"
    r"\bif\s+(?:the\s+|this\s+|such\s+|any\s+(?:such\s+)?)?(?:information|it|data|records?)\s+"
    r"(?:were|was|is|had\s+been)\s+(?:to\s+be\s+)?held\b|"
    r"\b(?:were|had)\s+(?:the|this|such|any)\s+(?:information|data|records?)\s+"
    r"(?:to\s+be\s+|been\s+)?held\b|\bhad\s+(?:we|the\s+\w+)\s+held\b|"
    r"\bif\s+(?:we|the\s+\w+)\s+(?:did|had|were\s+to)\s+hold\b|"
    r"\bwere\s+(?:it|they)\s+(?:to\s+be\s+)?held\b|\bif\s+(?:so\s+)?held\b|"
    r"^\W*if\s+(?:it|they|we|the\s+\w+)\s+(?:did|does|do|had)\b(?!\s+not)|"
    r"\bin\s+any\s+(?:event|case)\b[^.]{0,80}\bwould\b",
    re.I,
)
#: The cues an alternative reliance turns into "alternative".
_REFUSING = frozenset({"withheld", "whole_refusal"})

#: Sentences that deny a decision rather than make it.
_DENIED = re.compile(
    r"\bno\s+longer\s+(?:rel(?:y|ying)|appl(?:y|ying)|consider)|\bnot\s+(?:relying|rely)\b|"
    r"\bwithdraw(?:n|ing)?\s+(?:our\s+|the\s+)?(?:reliance|exemption|refusal)",
    re.I,
)


@dataclass
class Reading:
    """The decision read from a stretch of text, with the sentences behind it."""

    determination: Determination | None
    provisions: list[str] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)


@dataclass
class _Signals:
    """Sentences found for each kind of signal, in reading order.

    Only the first few of each are kept: they are evidence to show, and a long
    document repeating a phrase a thousand times says nothing more.
    """

    found: dict[str, dict[int, Span]] = field(default_factory=dict)
    keep: int = 5

    def add(self, name: str, sentence: Span) -> None:
        spans = self.found.setdefault(name, {})
        if len(spans) < self.keep:
            spans.setdefault(sentence.start, sentence)

    def __contains__(self, name: str) -> bool:
        return bool(self.found.get(name))

    def get(self, name: str) -> list[Span]:
        return list(self.found.get(name, {}).values())


def read_decision(
    layout: Layout,
    spans: Iterable[Span],
    grounds: Iterable[Ground],
    cache: SentenceCache | None = None,
) -> Reading:
    """What ``spans`` of the response decide, given the grounds cited inside them.

    ``cache`` lets several points read the same text, as they do when the response
    answers them all together, without reading it again.
    """
    cache = SentenceCache() if cache is None else cache
    spans = [s for s in spans if s]
    grounds = [g for g in grounds if any(s.start <= g.start < s.end for s in spans)]
    signals = _Signals()
    status: tuple[Determination, Span] | None = None
    for span in spans:
        for line in layout.lines_in(span.start, span.end):
            match = _STATUS_LINE.match(line.text)
            if match and status is None:
                status = (_status_determination(match.group("status")), line)
        for sentence in layout.sentences_in(span.start, span.end):
            for name in cache.cues(sentence):
                signals.add(name, sentence)
    for ground in grounds:
        sentence = layout.sentence_at(ground.start) or Span(ground.start, ground.end, ground.quote)
        if cache.skipped(sentence):
            continue
        implied = implied_determination(ground.id)
        if implied is Determination.VEXATIOUS and ground.id.startswith("reg.12(4)(b)"):
            implied = D.COST_LIMIT if _COST.search(sentence.text) or "cost" in signals else implied
        if implied is None and _ALTERNATIVE.search(sentence.text):
            signals.add("ground:alternative", sentence)
            continue
        signals.add(f"ground:{implied.value if implied else 'exemption'}", sentence)
    determination, deciding = _combine(signals, status)
    provisions = _provisions_for(determination, grounds) if determination else []
    evidence = deciding
    if determination is None and not any(s.text.strip() for s in spans):
        evidence = []
    return Reading(determination, provisions, evidence)


_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ncnd", _NCND),
    ("vexatious", _VEXATIOUS),
    ("repeated", _REPEATED),
    ("published", _PUBLISHED),
    ("not_held", _NOT_HELD),
    ("held", _HELD),
    ("disclosed", _DISCLOSED),
    ("partial", _PARTIAL),
    ("redacted", _REDACTED),
    ("withheld", _WITHHELD),
    ("whole_refusal", _WHOLE_REFUSAL),
    ("other", _OTHER),
)
#: Cues that describe an action taken, which a hypothetical ("we considered whether we
#: could provide redacted copies") does not.
_ACTIONS = frozenset({"disclosed", "partial", "redacted", "held"})


class SentenceCache:
    """What each sentence says, worked out once per extraction (keyed by its offset)."""

    def __init__(self) -> None:
        self._cues: dict[int, list[str]] = {}
        self._skipped: dict[int, bool] = {}

    def cues(self, sentence: Span) -> list[str]:
        if sentence.start not in self._cues:
            self._cues[sentence.start] = _cues(sentence.text, lambda: self.skipped(sentence))
        return self._cues[sentence.start]

    def skipped(self, sentence: Span) -> bool:
        if sentence.start not in self._skipped:
            self._skipped[sentence.start] = _is_skipped(sentence.text)
        return self._skipped[sentence.start]


def _cues(text: str, skipped: Callable[[], bool]) -> list[str]:
    """The cues a sentence carries, unless it is boilerplate, law in general, or a denial.

    The skip tests run only on sentences that carry a cue at all, which most do not.
    """
    found = [name for name, pattern in _CUES if pattern.search(text)]
    if _COST.search(text) and not _COST_DENIED.search(text):
        found.append("cost")
    if not found or skipped():
        return []
    if _ACTIONS.intersection(found) and _HYPOTHETICAL.search(text):
        found = [name for name in found if name not in _ACTIONS]
    if _ALTERNATIVE.search(text):
        found = [name for name in found if name not in _REFUSING] + ["alternative"]
    return found


def _is_skipped(text: str) -> bool:
    return bool(is_rights_sentence(text) or _GENERAL_LAW.search(text) or _DENIED.search(text))


def _status_determination(status: str) -> Determination:
    status = status.lower()
    if "not held" in status:
        return D.NOT_HELD
    if "neither" in status:
        return D.NCND
    if "partial" in status or "in part" in status or status.startswith("part"):
        return D.HELD_PARTLY_DISCLOSED
    if "withheld" in status or "refused" in status:
        return D.HELD_WITHHELD
    return D.HELD_DISCLOSED


def _combine(
    signals: _Signals, status: tuple[Determination, Span] | None
) -> tuple[Determination | None, list[Span]]:
    """The decision the signals add up to, and the sentences that show it."""
    if status is not None:
        support = [s for s in _first(signals, _STATUS_SUPPORT[status[0]]) if s != status[1]]
        return status[0], [status[1], *support[:2]]
    for name, determination in (
        ("ncnd", D.NCND),
        ("ground:ncnd", D.NCND),
        ("cost", D.COST_LIMIT),
        ("ground:cost_limit", D.COST_LIMIT),
        ("repeated", D.REPEATED),
        ("ground:repeated", D.REPEATED),
        ("vexatious", D.VEXATIOUS),
        ("ground:vexatious", D.VEXATIOUS),
    ):
        if name in signals:
            return determination, _first(signals, (name, f"ground:{determination.value}"))
    not_held = "not_held" in signals or "ground:not_held" in signals
    withheld = "withheld" in signals or "ground:exemption" in signals
    if not not_held and "ground:alternative" in signals:
        # "Even if" with no "not held" beside it: the exemption is the answer after all.
        withheld = True
        for span in signals.get("ground:alternative"):
            signals.add("ground:exemption", span)
    disclosed = "disclosed" in signals
    partial = "partial" in signals
    whole = "whole_refusal" in signals
    if not_held:
        answered_part = (disclosed or partial or withheld) and not whole
        if answered_part:
            return D.HELD_PARTLY_DISCLOSED, _first(
                signals, ("disclosed", "withheld", "ground:exemption", "partial", "not_held")
            )
        return D.NOT_HELD, _first(signals, ("not_held", "ground:not_held", "whole_refusal"))
    if "ground:published_elsewhere" in signals and "ground:exemption" not in signals:
        return D.PUBLISHED_ELSEWHERE, _first(signals, ("ground:published_elsewhere", "published"))
    if withheld:
        if (disclosed or partial) and not whole:
            return D.HELD_PARTLY_DISCLOSED, _first(
                signals, ("disclosed", "partial", "withheld", "ground:exemption")
            )
        return D.HELD_WITHHELD, _first(signals, ("withheld", "ground:exemption", "held"))
    if "published" in signals or "ground:published_elsewhere" in signals:
        if not disclosed or "ground:published_elsewhere" in signals:
            return D.PUBLISHED_ELSEWHERE, _first(
                signals, ("ground:published_elsewhere", "published")
            )
    if "ground:other" in signals or ("other" in signals and not disclosed):
        return D.OTHER, _first(signals, ("ground:other", "other"))
    if "redacted" in signals and not whole:
        return D.HELD_PARTLY_DISCLOSED, _first(signals, ("disclosed", "redacted"))
    if disclosed or "held" in signals or partial:
        return D.HELD_DISCLOSED, _first(signals, ("disclosed", "held", "partial"))
    return None, []


_STATUS_SUPPORT: dict[Determination, tuple[str, ...]] = {
    D.NOT_HELD: ("not_held", "ground:not_held"),
    D.NCND: ("ncnd", "ground:ncnd"),
    D.HELD_PARTLY_DISCLOSED: ("partial", "withheld", "ground:exemption"),
    D.HELD_WITHHELD: ("withheld", "ground:exemption"),
    D.HELD_DISCLOSED: ("disclosed",),
}


def _first(signals: _Signals, names: Iterable[str], limit: int = 3) -> list[Span]:
    """Up to ``limit`` sentences for the named signals, most telling signal first."""
    chosen: dict[int, Span] = {}
    for name in names:
        for span in signals.get(name):
            if len(chosen) < limit:
                chosen.setdefault(span.start, span)
    return sorted(chosen.values(), key=lambda s: s.start)


def _provisions_for(determination: Determination, grounds: list[Ground]) -> list[str]:
    """The grounds that fit the decision (a disclosed point relies on none)."""
    if determination is D.HELD_DISCLOSED:
        return []
    return most_specific(g.id for g in grounds)


def fits(determination: Determination | None, provision_id: str) -> bool:
    """Whether a ground cited away from any point belongs with a point so decided."""
    if determination in (None, D.HELD_DISCLOSED, D.OTHER):
        return False
    implied = implied_determination(provision_id)
    if determination in (D.HELD_WITHHELD, D.HELD_PARTLY_DISCLOSED):
        return implied is None
    if determination is D.NCND:
        return implied in (None, D.NCND)
    return implied is determination or (
        determination is D.COST_LIMIT and provision_id.startswith("reg.12(4)(b)")
    )

"""Whether the response tells the requester their rights, and offers help.

A refusal notice must say how to ask for an internal review and that the
requester may complain to the regulator (FOIA s.17(7); EIR reg.14(5); FOISA
s.19). Advice and assistance (FOIA s.16, EIR reg.9) shows as pointers to
where information can be found or how a request could be narrowed. Each
finding carries the sentence that shows it, so a reviewer can confirm it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .literals import Alternation, holds_any
from .text import Layout, Span

_REVIEW = re.compile(
    r"(?:\b(?:you\s+(?:can|may|could|are\s+entitled\s+to|have\s+the\s+right\s+to)|"
    r"if\s+you\s+(?:are|remain|were|feel)|should\s+you|if\s+you\s+(?:wish|would\s+like|want)|"
    r"please\s+(?:write|contact|let\s+us\s+know)|request(?:ing)?|ask(?:ing)?)\b[^.]{0,160}?"
    r"\b(?:internal(?:ly)?\s+review(?:ed)?|review\s+(?:of\s+)?(?:our|the|this|your)|"
    r"review\s+(?:our|the|this)\s+(?:response|decision|handling)|to\s+review|a\s+review|"
    r"reviewed|requirement\s+for\s+review)\b)"
    r"|\b(?:internal\s+review|review|appeals?|complaints?)\s+(?:procedure|process)\b"
    r"|\bright\s+(?:of|to)\s+(?:appeal|request\s+a\s+review)\b"
    r"|\brequest\s+(?:for\s+)?(?:an?\s+)?internal\s+review\b",
    re.I,
)
_REGULATOR = re.compile(
    r"\b(?:complain|complaint|appeal|apply|application|refer|contact|write\s+to)\w*\b[^.]{0,200}?"
    r"\b(?:Information\s+Commissioner|ICO\b|Scottish\s+Information\s+Commissioner|regulator)"
    r"|\b(?:Information\s+Commissioner|ICO|Scottish\s+Information\s+Commissioner)\b[^.]{0,160}?"
    r"\b(?:complain|complaint|appeal|decision|application|apply)\w*"
    r"|\bsection\s+50\b|\bs\.?\s?50\b|\bsection\s+47\b",
    re.I,
)
#: Advice and assistance: one phrase each, searched as one alternation (an
#: :class:`~.literals.Alternation` tries only the phrases whose words a sentence holds).
_ADVICE = Alternation(
    (
        r"\badvice\s+and\s+assistance\b",
        r"\badvise\s+and\s+assist\b",
        r"\bsection\s+16\b",
        r"\bs\.\s?16\b",
        r"\bregulation\s+9\b",
        r"\breg\.?\s?9\b",
        r"\b(?:refine|narrow|reduce|limit)\w*\s+(?:your|the)\s+(?:request|scope|search|time\s*frame)",
        r"\b(?:if|should)\s+you\s+(?:were\s+to\s+)?(?:refine|narrow|reduce|limit)\b",
        r"\byou\s+(?:may|might|can|could)\s+(?:wish\s+to|want\s+to|find|be\s+able\s+to|access|"
        r"view|obtain)\b",
        r"\b(?:can|may)\s+be\s+(?:found|accessed|viewed|obtained|downloaded)\s+(?:at|on|here|via|"
        r"from|in|through)\b",
        r"\b(?:available|published)\s+(?:at|on|via|from)\s+(?:our|the|their|https?:|www\.)",
    ),
    re.I,
)


@dataclass(frozen=True)
class Rights:
    """What the response offers, each with the sentence that shows it (None if absent)."""

    review: Span | None
    complaint: Span | None
    advice: Span | None


def find_rights(text: str, layout: Layout | None = None, skip: Sequence[Span] = ()) -> Rights:
    """Look for review rights, regulator complaint rights and advice outside ``skip``.

    ``skip`` holds the quoted request: a requester asking for a review is not the
    authority offering one.
    """
    layout = layout or Layout(text)
    review = complaint = advice = None
    for sentence in layout.sentences:
        if any(s.start <= sentence.start < s.end for s in skip):
            continue
        words = sentence.text.lower()
        if (
            review is None
            and holds_any(words, _REVIEW_WORDS)
            and _REVIEW.search(sentence.text)
            and not _is_outcome(sentence.text)
        ):
            review = sentence
        if (
            complaint is None
            and holds_any(words, _REGULATOR_WORDS)
            and _REGULATOR.search(sentence.text)
        ):
            complaint = sentence
        if advice is None and holds_any(words, _ADVICE_WORDS) and _ADVICE.search(sentence.text):
            advice = sentence
    return Rights(review, complaint, advice)


#: What each kind of sentence must hold (lowercased): quick tests before the patterns.
_REVIEW_WORDS = ("review", "appeal", "complaint")
_REGULATOR_WORDS = ("commissioner", "ico", "regulator", "50", "47")
_ADVICE_WORDS = (
    *("advice", "advise", "assist", "16", "9", "refine", "narrow", "reduce", "limit", "may"),
    *("might", "can", "could", "found", "accessed", "viewed", "obtained", "downloaded"),
    *("available", "published"),
)


def _is_outcome(sentence: str) -> bool:
    """Sentences about a review already done are not an offer of one."""
    return bool(
        re.search(
            r"\b(?:revised|this|the\s+outcome\s+of\s+(?:the|your))\s+review\s+(?:response|outcome)|"
            r"\bupheld\b|\bhave\s+reviewed\b|\breviews?\s+\d|"
            r"\b(?:this|the|my)\s+(?:internal\s+)?review\s+has\s+(?:concluded|found)\b|"
            r"\b(?:asked\s+for|requested|have\s+requested|has\s+requested)\s+an?\s+(?:internal\s+)?review|"
            r"\byour\s+(?:\w+\s+){0,2}(?:request|e-?mail|letter|requirement)s?\s+(?:(?:of|dated)\s+"
            r"[^,.;]{1,25}?,?\s+)?(?:for|requesting|seeking|asking\s+for)\s+(?:an?\s+)?(?:internal\s+)?"
            r"review\b|"
            r"\b(?:have|has)\s+(?:now\s+)?(?:completed|carried\s+out|conducted)\s+(?:the|an?|this|my)\s+"
            r"(?:internal\s+)?review\b|^[^a-z]*\bINTERNAL\s+REVIEW\b[^a-z]*$|"
            # "The request for an internal review was received on 27 October, and the review was
            # conducted on 21 November": a review asked for and done, told in the past.
            r"\b(?:request|requirement)\s+for\s+(?:an?\s+)?(?:internal\s+)?review\s+(?:was|has\s+been)"
            r"\s+received\b|\breview\s+(?:was|has\s+been)\s+(?:conducted|carried\s+out|completed)\b",
            sentence,
            re.I,
        )
    )


#: Every rights sentence holds one of these (a quick test before the full patterns).
_RIGHTS_WORDS = ("review", "appeal", "complain", "commissioner", "ico", "regulator", "50", "47")


def is_rights_sentence(sentence: str) -> bool:
    """True for rights boilerplate, whose words ("refuse", "withhold") are not a decision."""
    lowered = sentence.lower()
    if not any(word in lowered for word in _RIGHTS_WORDS):
        return False
    if "decision" in lowered and not _ADDRESSED.search(sentence):
        # "The decision to comply with the Scottish Information Commissioner's decision 193/2024
        # and not to appeal it was taken by the First Minister": a decision the Commissioner
        # already made, named in an answer, tells the requester of no right.
        sentence = _COMMISSIONERS_DECISION.sub(" ", sentence)
    return bool(_REVIEW.search(sentence) or _REGULATOR.search(sentence)) and not _is_outcome(
        sentence
    )


#: The requester addressed: a rights sentence tells "you" what you may do.
_ADDRESSED = re.compile(r"\b(?:you|your|yourself)\b", re.I)
#: A decision the Commissioner has made, named as a thing ("the Scottish Information
#: Commissioner's decision reference 193/2024").
_COMMISSIONERS_DECISION = re.compile(
    r"\b(?:the\s+)?(?:Scottish\s+)?(?:Information\s+)?Commissioner(?:'s|’s)\s+decision"
    r"(?:\s+(?:notice|reference|number|no\.?))?(?:\s+[A-Z]*\d[\w/.-]*)?",
    re.I,
)

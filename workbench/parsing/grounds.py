"""The grounds a response relies on: cited provisions, minus those it says it does not use.

Reading citations is :mod:`workbench.citations`' job; this module adds what the
extractor needs on top: which citations the letter actually relies on ("we are
no longer relying on section 17" is not reliance), the level of detail to
report (a letter that cites both "section 43" and "section 43(2)" relies on
s.43(2)), and what kind of decision each ground implies (s.12 means the cost
limit, reg.12(4)(a) and eisr.reg.10(4)(a) mean not held, s.40(5B) means neither confirm
nor deny).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..catalogue import ancestor_ids, load_catalogue
from ..citations import is_exemption, parse_citations
from .literals import Alternation
from .model import Determination


@dataclass(frozen=True)
class Ground:
    """A provision the letter relies on, where it is cited (``text[start:end] == quote``)."""

    id: str
    start: int
    end: int
    quote: str


#: Just before a citation, these say the letter does not rely on it. An alternation of
#: phrases (each tried only where its opening words stand in the text): as one pattern, the
#: engine tries every phrase at every offset of the text before each citation.
_NOT_RELIED = Alternation(
    (
        r"(?:no\s+longer|not|never|n't|nor|rather\s+than|instead\s+of|withdraw\w*|"
        r"removed?|drop(?:ped)?)\s+(?:\w+\s+){0,4}?(?:rel(?:y|ying|ied)|reliance|apply(?:ing)?|"
        r"applied|engag\w+|cit\w+|using|use)\s+(?:on\s+|upon\s+)?(?:the\s+)?"
        r"(?:exemptions?\s+(?:at|in|under)\s+)?$",
        r"(?:does|do|did|would)\s+not\s+apply\s+(?:to\s+)?$",
        # The cost limit said not to be reached: "collating this would not exceed Section 12",
        # "will not exceed the limit set by section 12".
        r"(?:not|n't|never)\s+(?:\w+\s+){0,2}?exceed(?:ed|ing)?\s+(?:the\s+)?(?:(?:appropriate|"
        r"cost|fees?|upper)\s+)?(?:limits?\s+(?:set\s+(?:out\s+)?)?(?:in|by|of|under|at)\s+)?$",
        # The law described, not relied on: "there is a separate exemption in section 38".
        r"\b(?:separate|similar|equivalent|corresponding|parallel)\s+(?:exemptions?|exceptions?)"
        r"\s+(?:in|at|under|of)\s+(?:the\s+)?$",
    ),
    re.IGNORECASE,
)
_NOT_RELIED_AFTER = re.compile(
    r"^[^.;]{0,40}?\b(?:(?:is|are|was|were)\s+not\s+(?:engaged|applicable|relevant|relied)|"
    r"does\s+not\s+apply|do\s+not\s+apply|no\s+longer\s+appl|"
    # a review's finding: "the exception at 10(4)(d) ... was applied incorrectly"
    r"(?:was|were|had\s+been)\s+(?:(?:applied|engaged|relied\s+(?:up)?on)\s+(?:incorrectly|"
    r"wrongly|in\s+error)|(?:incorrectly|wrongly|not\s+correctly)\s+(?:applied|engaged|relied))|"
    # "I consider that section 29(1)(a) should not have been applied in this case"
    r"should\s+not\s+have\s+been\s+(?:applied|engaged|relied|used|cited|invoked))",
    re.IGNORECASE,
)
#: A finding that the ground does not fit, earlier in the sentence: "the information does not
#: constitute incomplete data in terms of the exception at 10(4)(d)".
_NOT_FITTING = re.compile(
    r"\b(?:does|do|did)\s+not\s+(?:constitute|fall\s+(?:with)?in|fall\s+under|meet|engage)\b"
    r"[^.;]{0,80}$",
    re.IGNORECASE,
)
#: A review naming the grounds the original response used and it no longer does: "Some of the
#: information previously withheld under Section 27(1) ..., Section 29(1)(a) ... is now being
#: withheld under Section 30(c)" (the grounds after "now" are the ones relied on).
_PREVIOUSLY = re.compile(
    r"\b(?:previously|originally|initially)\s+(?:withheld|redacted|exempted|refused)\s+"
    r"(?:(?!\bnow\b)[^.;])*$",
    re.IGNORECASE,
)
_WINDOW = 60
#: The review's finding on the ground, in the sentence after the one naming it: "I have
#: re-considered the application of the exemption at section 29(1)(a) of FOISA, which was
#: applied to all information requested. I have concluded that this exemption was incorrectly
#: applied" - a ground withdrawn, not relied on.
_WITHDRAWN_NEXT = re.compile(
    r"[^.;]*\.\s+[^.;]{0,60}?\b(?:this|that|the)\s+(?:exemption|exception)\s+(?:(?:was|were|had\s+"
    r"been)\s+(?:incorrectly|wrongly|not\s+correctly)|should\s+not\s+have\s+been)\s+(?:applied|"
    r"engaged|relied)",
    re.IGNORECASE,
)
_NEXT_WINDOW = 400
#: The request told back ("... requesting ... whether a Section 43(2) exemption was applied"):
#: a provision the requester asks about, which the letter does not rely on.
_ASKED_WHETHER = re.compile(
    r"\b(?:requesting|you\s+(?:asked|requested)|asking)\b[^.]*\bwhether\s+(?:an?|the|any)\s*$",
    re.IGNORECASE,
)


def _sentence_before(text: str, offset: int) -> str:
    """The words of the sentence before ``offset`` (at most 800 characters)."""
    window = text[max(0, offset - 800) : offset]
    stop = max(window.rfind(". "), window.rfind("\n\n"))
    return window[stop + 1 :] if stop >= 0 else window


def find_grounds(text: str, regime_hint: str | None) -> list[Ground]:
    """Every refusal ground cited in ``text`` and relied on, in reading order."""
    grounds = []
    catalogue = load_catalogue()
    for citation in parse_citations(text, regime_hint, catalogue=catalogue):
        if not is_exemption(citation.id, catalogue):
            continue
        before = text[max(0, citation.start - _WINDOW) : citation.start]
        after = text[citation.end : citation.end + _WINDOW]
        if _NOT_RELIED.search(before) or _NOT_RELIED_AFTER.search(after):
            continue
        if "applied" in text[citation.end : citation.end + _NEXT_WINDOW] and _WITHDRAWN_NEXT.match(
            text, citation.end, citation.end + _NEXT_WINDOW
        ):
            continue
        sentence = _sentence_before(text, citation.start)
        if (
            _ASKED_WHETHER.search(sentence)
            or _NOT_FITTING.search(sentence)
            or _PREVIOUSLY.search(sentence)
        ):
            continue
        grounds.append(Ground(citation.id, citation.start, citation.end, citation.quote))
    return grounds


def most_specific(ids: Iterable[str]) -> list[str]:
    """Distinct ids in first-seen order, dropping any id a more detailed cited id sits under.

    "Section 43 ... section 43(2)" is one ground cited at the depth of s.43(2).
    """
    ordered = list(dict.fromkeys(ids))
    covered = {ancestor for pid in ordered for ancestor in ancestor_ids(pid)}
    return [pid for pid in ordered if pid not in covered]


# --------------------------------------------------------------------------- kinds

_BY_ROOT: dict[str, Determination] = {
    "s.12": Determination.COST_LIMIT,
    "foisa.s.12": Determination.COST_LIMIT,
    "s.14": Determination.VEXATIOUS,
    "foisa.s.14": Determination.VEXATIOUS,
    "s.21": Determination.PUBLISHED_ELSEWHERE,
    "foisa.s.25": Determination.PUBLISHED_ELSEWHERE,
    "foisa.s.17": Determination.NOT_HELD,
    "foisa.s.18": Determination.NCND,
}
_BY_ID: dict[str, Determination] = {
    "s.14(2)": Determination.REPEATED,
    "foisa.s.14(2)": Determination.REPEATED,
    "reg.12(4)(a)": Determination.NOT_HELD,
    "reg.12(4)(b)": Determination.VEXATIOUS,  # "manifestly unreasonable"; cost is read from words
    "reg.12(4)(c)": Determination.OTHER,
    "reg.6(1)(b)": Determination.PUBLISHED_ELSEWHERE,
    "eisr.reg.10(4)(a)": Determination.NOT_HELD,
    "eisr.reg.10(4)(b)": Determination.VEXATIOUS,  # as reg.12(4)(b): cost is read from words
    "eisr.reg.10(4)(c)": Determination.OTHER,
}


def implied_determination(provision_id: str) -> Determination | None:
    """The decision a ground implies by itself, or None for an ordinary exemption.

    An ordinary exemption means the information is held and withheld (wholly or
    partly); a refusal ground such as s.12 decides the whole point by itself.
    """
    if provision_id in _BY_ID:
        return _BY_ID[provision_id]
    for ancestor in (provision_id, *ancestor_ids(provision_id)):
        if ancestor in _BY_ID:
            return _BY_ID[ancestor]
    if provision_id in _ncnd_limbs():
        return Determination.NCND
    root = re.sub(r"\(.*$", "", provision_id)
    return _BY_ROOT.get(root)


@lru_cache(maxsize=1)
def _ncnd_limbs() -> frozenset[str]:
    """The catalogue's neither-confirm-nor-deny limbs (s.40(5B), s.31(3), reg.13(5A) ...)."""
    catalogue = load_catalogue()
    return frozenset(p.ncnd_provision for p in catalogue.provisions if p.ncnd_provision) | {
        "s.40(5)",
        "s.40(5A)",
        "s.40(5B)",
        "reg.12(6)",
        "foisa.s.18",
    }

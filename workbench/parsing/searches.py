"""Sentences that describe the searches made for the information.

"Not held" is judged on the balance of probabilities, and what persuades is an
account of where the authority looked, with what terms, and who it asked
(ICO LTT121). The extractor only finds those sentences; whether they are
enough is for the checks and the reviewer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .literals import holds_any
from .text import Layout, Span

_SEARCH = re.compile(
    r"\b(?:search(?:es|ed|ing)?|look(?:ed)?\s+(?:for|through|in|at)|check(?:ed|s)?\s+"
    r"(?:our|the|with|all|for)|enquir(?:y|ies)\s+(?:were|have\s+been|was)?\s*(?:made|carried)|"
    r"(?:made|carried\s+out|conducted|undertook|undertaken)\s+(?:\w+\s+){0,3}enquir(?:y|ies)|"
    r"consult(?:ed)?\s+(?:with\s+)?(?:the|our|relevant)|ask(?:ed)?\s+(?:the|relevant|colleagues|"
    r"staff|officers)|contacted\s+(?:the|relevant|colleagues|staff)|review(?:ed)?\s+(?:our|the)\s+"
    r"(?:records|files|systems|email|mailbox)|trawl(?:ed)?|interrogat(?:e|ed|ion))\b",
    re.I,
)
#: Where "search" is not about this request: review rights, a search engine, website help.
_NOT_A_SEARCH = re.compile(
    r"\bsearch\s+(?:engine|bar|box|facility|function)|\byou\s+can\s+search\b|\bsearch\s+for\s+"
    r"(?:it|them)\s+on\b|\bsearch\s+our\s+website\b|\bcookie",
    re.I,
)

#: Every sentence about a search holds one of these (a quick test before the pattern).
_SEARCH_WORDS = (
    *("search", "look", "check", "enquir", "consult", "ask", "contact", "review", "trawl"),
    "interrogat",
)
#: "Searching for this would take 40 hours" is a cost estimate, not a search made.
_HYPOTHETICAL = re.compile(r"\bwould\b|\bwill\s+need\b|\bneed\s+to\s+search", re.I)


def find_searches(text: str, layout: Layout | None = None, skip: Sequence[Span] = ()) -> list[Span]:
    """Sentences outside ``skip`` (the quoted request) describing a search the authority made."""
    layout = layout or Layout(text)
    return [
        sentence
        for sentence in layout.sentences
        if not any(s.start <= sentence.start < s.end for s in skip)
        and holds_any(sentence.text.lower(), _SEARCH_WORDS)
        and _SEARCH.search(sentence.text)
        and not _NOT_A_SEARCH.search(sentence.text)
        and not re.search(r"\b(?:you|your)\s+(?:search|look)", sentence.text, re.I)
        and not _HYPOTHETICAL.search(sentence.text)
    ]

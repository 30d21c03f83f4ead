"""Reading the letter's text: paragraphs, sentences and the passage about a provision.

The checks ask questions such as "does the passage about s.43(2) say what the
harm would be?".  Answering that needs a notion of *where the letter talks
about s.43(2)*, which real letters make awkward: some put the reasoning under
a heading ("Section 43(2) - commercial interests"), some in the paragraph that
cites it, some flatten a web page so that every paragraph is one line.  The
helpers here keep those decisions in one place so every check reads the text
the same way, and every span they return indexes the loaded text, so findings
can quote the exact words.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from ..parsing.model import Evidence

if TYPE_CHECKING:
    from ..citations import Citation

Span = tuple[int, int]

_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_LIST_MARKER = re.compile(r"^\s*(?:\d+[a-z]?[.)]|\([a-z0-9]+\)|[-*\u2022])\s")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"'\u201d)\]]*\s+(?=[\"'\u201c(\[]?[A-Z0-9])")

#: A heading is a short line that does not end a sentence.
_HEADING_MAX = 70
#: Paragraphs this short are list items: a passage takes them in without counting them.
LIST_ITEM_MAX = _LIST_ITEM_MAX = 60


def paragraphs(text: str) -> tuple[Span, ...]:
    """The letter's paragraphs, as spans of non-blank text.

    Blocks are split at blank lines; inside a block, a line break also ends a
    paragraph when the line before it is a heading or ends a sentence, so that
    web pages flattened to one paragraph per line read the same as letters.
    Cached: every check asks for the paragraphs of the same text many times.
    """
    return _paragraphs(text)


@lru_cache(maxsize=8)
def _paragraphs(text: str) -> tuple[Span, ...]:
    spans: list[Span] = []
    pos = 0
    for gap in [*_BLANK_LINE.finditer(text), None]:
        end = gap.start() if gap else len(text)
        if end > pos:
            spans.extend(_split_block(text, pos, end))
        pos = gap.end() if gap else len(text)
    return tuple(s for s in (_strip(text, a, b) for a, b in spans) if s[0] < s[1])


def _split_block(text: str, start: int, end: int) -> list[Span]:
    lines: list[Span] = []
    pos = start
    while True:
        newline = text.find("\n", pos, end)
        if newline == -1:
            lines.append((pos, end))
            break
        lines.append((pos, newline))
        pos = newline + 1
    out, para_start = [], lines[0][0]
    for (a, b), (c, d) in zip(lines, lines[1:], strict=False):
        if _ends_paragraph(text[a:b].strip(), text[c:d]):
            out.append((para_start, b))
            para_start = c
    out.append((para_start, lines[-1][1]))
    return out


def _ends_paragraph(line: str, following: str) -> bool:
    if not line:
        return True
    if line[-1] in ".!?:;" or _LIST_MARKER.match(following):
        return True
    return is_heading(line) and following.strip()[:1].isupper()


def is_heading(line: str) -> bool:
    """A short line that does not end like a sentence ("Next steps", "FOIA section 40(2)")."""
    line = line.strip()
    return 0 < len(line) <= _HEADING_MAX and line[-1] not in ".,;:!?" and line[0].isupper()


def _strip(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentences(text: str, span: Span | None = None) -> list[Span]:
    """Sentences inside ``span`` of ``text``; a paragraph break always ends one.

    Line breaks inside a paragraph are wrapping, not sentence ends, so a
    hard-wrapped letter reads the same as one written a paragraph per line.
    """
    start, end = span or (0, len(text))
    paras = paragraphs(text)
    out: list[Span] = []
    i = max(0, bisect_right(paras, (start, float("inf"))) - 1)
    while i < len(paras) and paras[i][0] < end:
        a, b = max(paras[i][0], start), min(paras[i][1], end)
        i += 1
        if a >= b:
            continue
        pos = a
        for m in _SENTENCE_BREAK.finditer(text, a, b):
            out.append(_strip(text, pos, m.start()))
            pos = m.end()
        out.append(_strip(text, pos, b))
    return _join_fragments(text, [s for s in out if s[0] < s[1]])


_FRAGMENT = re.compile(r"^(?:\(?[0-9a-zA-Z]{1,3}[.)]|(?:e\.g|i\.e|etc|No|para|reg|art)\.)$", re.I)


def _join_fragments(text: str, spans: list[Span]) -> list[Span]:
    """Rejoin a list number ("1.") or abbreviation ("e.g.") to the sentence after it."""
    out: list[Span] = []
    for span in spans:
        if (
            out
            and _FRAGMENT.match(text[out[-1][0] : out[-1][1]])
            and "\n" not in text[out[-1][1] : span[0]]
        ):
            out[-1] = (out[-1][0], span[1])
        else:
            out.append(span)
    return out


def enclosing(spans: Sequence[Span], offset: int) -> Span | None:
    """The span containing ``offset`` (or the nearest one before it); ``spans`` sorted."""
    i = bisect_right(spans, (offset, float("inf"))) - 1
    return spans[i] if i >= 0 else None


def index_of(spans: Sequence[Span], offset: int) -> int | None:
    """The index of the span containing ``offset``, or None if it falls between spans."""
    i = bisect_right(spans, (offset, float("inf"))) - 1
    return i if i >= 0 and spans[i][0] <= offset < spans[i][1] else None


def sentence_at(text: str, offset: int) -> Span:
    """The sentence containing ``offset``."""
    para = enclosing(paragraphs(text), offset) or (0, len(text))
    return enclosing(sentences(text, para), offset) or para


def evidence(text: str, span: Span, *, source: str = "response") -> Evidence:
    """The exact words at ``span``, ready to show as evidence."""
    start, end = _strip(text, *span)
    return Evidence(quote=text[start:end], start=start, end=end, source=source)  # type: ignore[arg-type]


def sentence_evidence(text: str, offset: int) -> Evidence:
    """The sentence around ``offset`` as evidence."""
    return evidence(text, sentence_at(text, offset))


def search(pattern: re.Pattern[str], text: str, spans: Iterable[Span] | None = None) -> list[Span]:
    """Every match of ``pattern`` inside ``spans`` (the whole text when None)."""
    found: list[Span] = []
    for start, end in spans if spans is not None else [(0, len(text))]:
        found.extend(m.span() for m in pattern.finditer(text, start, end))
    return found


def first_sentence_with(
    pattern: re.Pattern[str], text: str, spans: Iterable[Span] | None = None
) -> Evidence | None:
    """The sentence holding the first match of ``pattern`` in ``spans``, as evidence."""
    hits = search(pattern, text, spans)
    return sentence_evidence(text, hits[0][0]) if hits else None


def merge(spans: Iterable[Span]) -> list[Span]:
    """Sorted spans with overlaps joined."""
    out: list[Span] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


# --------------------------------------------------------------------------- provisions


def same_provision(cited: str, wanted: str) -> bool:
    """True when ``cited`` names ``wanted`` or a part of it, or ``wanted`` is a part of ``cited``.

    "s.40(2)(a)" is about s.40(2); a letter saying only "section 40" is taken
    to be about s.40(2) too, since the extractor read the point that way.
    """
    cited, wanted = cited.lower(), wanted.lower()
    return cited == wanted or cited.startswith(wanted + "(") or wanted.startswith(cited + "(")


def find_citations(text: str, regime: str | None) -> list[Citation]:
    """Every provision cited in ``text``, via the citations parser (imported when first asked)."""
    from .. import citations

    return citations.parse_citations(text, _regime_hint(regime))


def _regime_hint(regime: str | None) -> str | None:
    return regime if regime in ("FOIA", "EIR", "FOISA", "EISR") else None


def provision_passages(
    text: str,
    citations: Sequence[Citation],
    provision: str,
    *,
    others: Iterable[str] = (),
    max_following: int = 2,
) -> list[Span]:
    """Where the letter discusses ``provision``: the paragraphs citing it and what follows.

    From each paragraph that cites the provision the passage runs on through
    the next paragraphs until one cites a different provision (one of
    ``others``) or is a heading.  A heading that names the provision opens a
    section, which runs to the next heading; an inline citation takes at most
    ``max_following`` further paragraphs (list items not counted), enough for
    reasoning that runs over a paragraph break without swallowing the rest of
    the letter.  Rights and sign-off paragraphs always end a passage.
    """
    paras = paragraphs(text)
    others = [o for o in others if not same_provision(o, provision)]
    cites_other = {
        index_of(paras, c.start) for c in citations if any(same_provision(c.id, o) for o in others)
    }
    spans: list[Span] = []
    for c in citations:
        if not same_provision(c.id, provision):
            continue
        i = index_of(paras, c.start)
        if i is None:
            continue
        opens_section = is_heading(text[paras[i][0] : paras[i][1]])
        budget = None if opens_section else max_following
        j = i + 1
        while j < len(paras):
            para = text[paras[j][0] : paras[j][1]]
            if j in cites_other or is_heading(para) or _CLOSING.search(para):
                break
            if budget is not None and len(para) > _LIST_ITEM_MAX:
                if budget == 0:
                    break
                budget -= 1
            j += 1
        spans.append((paras[i][0], paras[j - 1][1]))
    return merge(spans)


#: Paragraphs that close a letter's reasoning: rights, sign-off.  A passage stops there.
_CLOSING = re.compile(
    r"internal\s+review|\bcomplain|information\s+commissioner|\byours\s+(?:sincerely|faithfully)"
    r"|^\s*(?:kind\s+)?regards\b|\bnext\s+steps\b|\bright\s+to\s+(?:request|ask|appeal)",
    re.I,
)


# --------------------------------------------------------------------------- request points


def point_region(text: str, points: Sequence, label: str, *, following: int = 3) -> list[Span]:
    """Where the letter answers the point labelled ``label``.

    The paragraphs holding the point's evidence, each followed by up to
    ``following`` paragraphs, stopping at a heading or at a paragraph that
    holds another point's evidence.  Empty when the point has no evidence in
    the response, so callers can decide what "anywhere" should mean.
    """
    paras = paragraphs(text)

    def indexes(point) -> set[int]:
        found = (index_of(paras, e.start) for e in point.evidence if e.source == "response")
        return {i for i in found if i is not None}

    own = next((indexes(p) for p in points if p.label == label), set())
    others = set().union(*(indexes(p) for p in points if p.label != label)) - own
    spans = []
    for i in sorted(own):
        j = i + 1
        while j < min(len(paras), i + 1 + following):
            if j in others or j in own or is_heading(text[paras[j][0] : paras[j][1]]):
                break
            j += 1
        spans.append((paras[i][0], paras[j - 1][1]))
    return merge(spans)


# --------------------------------------------------------------------------- the letter's end

#: How a letter signs off: the line that closes it.
_SIGN_OFF = re.compile(
    r"^[ \t]*(?:yours\s+(?:sincerely|faithfully|truly)|(?:kind|best|warm|many)\s+regards"
    r"|regards\b|best\s+wishes|many\s+thanks|with\s+thanks)",
    re.IGNORECASE | re.MULTILINE,
)


#: The end matter of a response: the requester's rights, which close the letter's body.
_RIGHTS_PARAGRAPH = re.compile(
    r"\b(?:ask|request|apply|seek|write)\w*\s+(?:us\s+)?(?:for\s+)?(?:an?\s+)?(?:internal\s+)?review"
    r"|information\s+commissioner|\bcomplain\w*\s+to\b",
    re.IGNORECASE,
)


def closes_after(text: str, offset: int, *, rights_close: bool = True) -> bool:
    """Whether the text goes on past ``offset`` to the letter's closing.

    A check that looks for something *missing* (the reasons, the public interest test,
    the rights paragraph) can only decide when the text reaches the end of the letter:
    a web page cut short, a published summary or a letter copied without its last page
    may simply not show what the letter said.  The sign-off after the passage is the
    structural sign that it does; so is the rights paragraph that ends a response's
    body, except for the checks that look for that paragraph (``rights_close=False``).
    """
    if _SIGN_OFF.search(text, offset) is not None:
        return True
    return rights_close and _RIGHTS_PARAGRAPH.search(text, offset) is not None

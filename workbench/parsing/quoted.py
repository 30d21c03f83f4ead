"""Where the request is: its own document, or quoted inside the response.

Responses quote the request under a heading ("Request", "You asked:",
"Information requested", "Your request:"), in running text ("Your request of
20 February read:", "You asked us for copies of ..."), or not at all.
The quotation ends where the response heading begins, where the quotation
marks close, or where the authority starts writing ("We received your request
...", "NHS England holds this information"). Disclosure-log pages often
alternate "Request:" and "Response:" blocks; each pair is then a point with
its own answer.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from .labels import ItemLabel, read_item
from .points import (
    ASK,
    QUOTE_OPEN,
    SIGN_OFF,
    RequestLayout,
    RequestPoint,
    first_sentence,
    numbered_points,
    renumber_orders,
    split_region,
    strip_quotes,
)
from .text import Layout, Span, paragraphs

_REQUEST_WORDS = r"""(?:
        (?:(?:the|your|original|initial|foi|eir|foisa|information|freedom\s+of\s+information)\s+)*
            (?:request(?:\s+details|\s+text|\s+for\s+information)?|requested\s+information)
      | information\s+requested | details\s+of\s+(?:your\s+|the\s+)?request
      | what\s+you\s+(?:asked|requested)(?:\s+for)? | you\s+asked(?:\s+us)?(?:\s+for)?
      | you\s+requested(?:\s+the\s+following(?:\s+information)?)?
      | your\s+(?:exact\s+|original\s+|full\s+)?request\s+(?:was|read|stated|said)
            (?:\s+as\s+follows)?
      | (?:the\s+)?information\s+you\s+(?:requested|asked\s+for)
      | questions? | enquiry | query
    )"""
_RESPONSE_WORDS = r"""(?:
        (?:our\s+|the\s+|my\s+|full\s+|foi\s+|final\s+)?(?:response|reply|answer|decision|outcome)s?
            (?:\s+to\s+(?:your\s+|the\s+)?(?:request|questions?|enquiry))?
      | we\s+answered | we\s+responded | answered
      | reasons?\s+for\s+(?:not\s+providing|refusal|withholding|our\s+decision)[\w\s]*
      | information\s+(?:not\s+held|released|provided|disclosed|withheld)
    )"""
_BARE = r"^\s*{words}\s*(?::-?|-|–|—)?\s*$"
_COLON = r"^\s*{words}\s*:-?\s*(?=\S)"
_REQUEST_HEADING = re.compile(_BARE.format(words=_REQUEST_WORDS), re.I | re.X)
_RESPONSE_HEADING = re.compile(_BARE.format(words=_RESPONSE_WORDS), re.I | re.X)
#: "Request: What is the Trust's agency spend?" - a heading with its text on the same line.
_REQUEST_LEAD = re.compile(_COLON.format(words=_REQUEST_WORDS), re.I | re.X)
_RESPONSE_LEAD = re.compile(_COLON.format(words=_RESPONSE_WORDS), re.I | re.X)
#: A sentence that introduces the quoted request after it ("Your request read:").
_INTRO_SENTENCE = re.compile(
    r"""\b(?:you\s+(?:asked|requested|wrote|said|stated)|your\s+(?:\w+\s+){0,3}
        (?:request|e-?mail|letter|questions?)\b|(?:the\s+)?information\s+(?:you\s+)?requested|
        request\s+(?:was|read|is)\b)[^?!]*[:\-–]-?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
#: A request reported in running text: "You asked us for copies of ...".
_REPORTED_ASK = re.compile(
    r"""\b(?:you\s+(?:asked|requested)|asking|requesting)\s+(?:us\s+)?
        (?!(?:for\s+)?(?:an?\s+)?(?:internal\s+)?review)
        (?:for|whether|about|if|how|what|to\s+provide|to\s+be\s+provided\s+with|that|copies)\b""",
    re.IGNORECASE | re.VERBOSE,
)
#: The first words of a paragraph written by the authority, not the requester.
_AUTHORITY_START = re.compile(
    r"""^[\s"“]*(?:
        we\b(?!\s+(?:would|wish|want|request|are\s+requesting|ask|require))
      | our\b | thank\s+you | thanks\s+for
      | i\s+(?:can|have|am\s+(?:writing\s+to\s+(?:confirm|inform|advise|let)|pleased|sorry|
            afraid|able)|
            hope|trust|refer|apologise|write\s+to|attach|enclose|will|must|regret|confirm)
      | please\s+(?:see|find|note|be\s+advised)
      | in\s+(?:relation|response|reply|answer)\s+to | with\s+regards?\s+to | regarding\b
      | unfortunately | having\b | following\s+(?:your|a|the|our) | however\b
      | this\s+(?:letter|response|email|concludes)
      | yours\s+(?:sincerely|faithfully)
    )""",
    re.IGNORECASE | re.VERBOSE,
)
#: "NHS England holds this information", "West Midlands Police will neither confirm ...".
_NAMED_AUTHORITY_START = re.compile(
    r"^(?!(?:This|That|These|Those|It|There|What|How|Which|Who|When|Where|Why|Is|Are|Has|Have|"
    r"Does|Do|Did|Can|Could|Would|Will|My|I|If|Please|For|In|On|Any|All)\b)(?:The\s+)?[A-Z][\w&'’]*(?:\s+(?:[A-Z][\w&'’]*|of|for|and|the)){0,5}\s+"
    r"(?:holds?|does|do|did|can|cannot|has|have|will|would|is|are|was|were|received|confirms?)\b"
)


# --------------------------------------------------------------------------- public API


def request_points(
    request_text: str, *, offset: int = 0, source: str = "request"
) -> list[RequestPoint]:
    """The points of a request given as its own document (an email, a letter).

    ``offset`` places the points in a larger text: the requester's email quoted at
    the foot of a response is read as a request document starting there.
    """
    layout = Layout(request_text)
    region = _own_request_region(request_text, layout)
    points = split_region(request_text, region, source)
    for point in points:
        point.span = Span(point.span.start + offset, point.span.end + offset, point.span.text)
    return points


#: A request reported in running text comes near the start of a reply; a long bundle's
#: later pages are not searched for one.
_OPENING_SENTENCES = 300

#: Where a reply quotes the earlier correspondence below itself.
_EARLIER_MESSAGE = re.compile(
    r"^(?:-{2,}\s*(?:original|forwarded)\s+message\s*-{2,}|on\s.{5,120}\swrote:\s*$)",
    re.IGNORECASE,
)
_HEADER_LINE = re.compile(r"^(?:from|sent|date|to|subject|cc):\s", re.IGNORECASE)


def earlier_correspondence(layout: Layout) -> int | None:
    """Where the messages quoted below a reply begin, if the reply quotes any.

    An email reply often carries the requester's own message below it
    ("-----Original Message-----", "On 3 May, Jane wrote:", a From:/Sent: block).
    That text is the request, not the response: its numbering, its dates and any
    sections it cites are not the authority's answers.
    """
    lines = layout.lines
    for index, line in enumerate(lines):
        if index < 3:
            continue  # the reply's own headers come first
        if _EARLIER_MESSAGE.match(line.text):
            return line.start
        following = lines[index + 1] if index + 1 < len(lines) else None
        if (
            line.text.lower().startswith("from:")
            and following is not None
            and _HEADER_LINE.match(following.text)
        ):
            return line.start
    return None


def quoted_request(response_text: str, layout: Layout | None = None) -> RequestLayout:
    """Find the request quoted inside a response and split it into points."""
    layout = layout or Layout(response_text)
    headings = _headings(layout)
    pairs = _pair_headings(headings)
    if len(pairs) >= 2 and all(end is not None for _, end in pairs):
        return _paired_points(response_text, pairs, headings)
    if pairs:
        start, end = pairs[0]
        region = _region_after(response_text, start, end)
        if region:
            points = split_region(response_text, region, "response")
            return RequestLayout(points, [region])
        # A heading with nothing quoted under it ("Request for information" as the
        # letter's title, then "Dear ..."): the request may still be quoted in running text.
    region = _inline_region(response_text, layout)
    if region is not None:
        return RequestLayout(split_region(response_text, region, "response"), [region])
    return RequestLayout(_numbered_questions(response_text))


def _numbered_questions(text: str) -> list[RequestPoint]:
    """No quoted request: numbered questions answered in turn ("1. How many ...? 52").

    The questions stay part of the response (no region is cut out), so each
    numbered block is both the point and, with its answer, the answer span.
    """
    whole = Span(0, len(text), text)
    points = numbered_points(text, whole, "response")
    if len(points) < 2:
        return []
    asking = sum(1 for p in points if ASK.search(first_sentence(p.span.text)))
    if asking * 2 < len(points):
        return []
    for point in points:
        line_end = text.find("\n", point.span.start, point.span.end)
        if line_end != -1:
            point.span = Span.of(text, point.span.start, line_end)
    return points


# --------------------------------------------------------------------------- regions


@dataclass(frozen=True)
class _Heading:
    kind: str  # "request" or "response"
    line: Span
    content: int  # where the text under the heading starts

    @property
    def start(self) -> int:
        return self.line.start


def _headings(layout: Layout) -> list[_Heading]:
    found = []
    for line in layout.lines:
        if len(line.text) <= 80 and _REQUEST_HEADING.match(line.text):
            found.append(_Heading("request", line, line.end))
        elif len(line.text) <= 80 and _RESPONSE_HEADING.match(line.text):
            found.append(_Heading("response", line, line.end))
        elif match := _REQUEST_LEAD.match(line.text):
            found.append(_Heading("request", line, line.start + match.end()))
        elif match := _RESPONSE_LEAD.match(line.text):
            found.append(_Heading("response", line, line.start + match.end()))
    return found


def _pair_headings(headings: list[_Heading]) -> list[tuple[_Heading, _Heading | None]]:
    """(request heading, following response heading) pairs; a run of request headings
    ("FOI request" then "Request") counts as its last one."""
    pairs: list[tuple[_Heading, _Heading | None]] = []
    pending: _Heading | None = None
    for heading in headings:
        if heading.kind == "request":
            pending = heading
        elif pending is not None:
            pairs.append((pending, heading))
            pending = None
    if pending is not None:
        pairs.append((pending, None))
    return pairs


def _region_after(text: str, heading: _Heading, stop: _Heading | None) -> Span | None:
    """The request text after a heading, up to the response heading or its natural end."""
    end = stop.start if stop is not None else len(text)
    return _trim_region(text, heading.content, end)


def _inline_region(text: str, layout: Layout) -> Span | None:
    """A request introduced in running text: "Your request read:" or "You asked us for ..."."""
    for sentence in layout.sentences[:_OPENING_SENTENCES]:
        if _INTRO_SENTENCE.search(sentence.text):
            region = _trim_region(text, sentence.end, len(text))
            if region:
                return region
        match = _REPORTED_ASK.search(sentence.text)
        if match:
            return Span.of(text, sentence.start + match.end(), sentence.end)
    return None


def _trim_region(text: str, start: int, end: int) -> Span | None:
    """Cut the request where the quotation closes or the authority starts writing."""
    blocks = paragraphs(text, start, end)
    if not blocks:
        return Span(start, start, "")
    quoted = blocks[0].text[:1] in QUOTE_OPEN
    kept: list[Span] = []
    balance = 0
    for block in blocks:
        if kept and (_authority_writes(block.text) or _restates(kept, block)):
            break
        if not kept and _authority_writes(block.text) and not quoted:
            return Span(start, start, "")
        kept.append(block)
        if SIGN_OFF.match(block.text):
            kept.pop()
            break
        if quoted:
            balance += _quote_balance(block.text)
            if balance <= 0 and block.text.rstrip(" .").endswith(('"', "”", "'", "’")):
                break
    if not kept:
        return Span(start, start, "")
    return Span.of(text, kept[0].start, kept[-1].end)


def _restates(kept: list[Span], block: Span) -> bool:
    """A paragraph that starts the answers: it repeats a quoted question or a quoted label."""
    first = first_sentence(block.text)
    label = read_item(first)
    if label is not None and any(
        read_item(line) == label or _same_label(read_item(line), label)
        for span in kept
        for line in span.text.splitlines()
    ):
        return True
    words = _words(first)
    if len(words) < 3:
        return False
    for span in kept:
        for sentence in re.split(r"(?<=[.?!])\s+|\n", span.text):
            asked = _words(sentence)
            if asked and len(words & asked) >= 0.85 * max(len(words), len(asked)):
                return True
    return False


def _same_label(one: ItemLabel | None, other: ItemLabel) -> bool:
    return one is not None and (one.kind, one.value, one.sub) == (
        other.kind,
        other.value,
        other.sub,
    )


def _words(value: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", value.lower()) if len(w) > 2}


def _authority_writes(paragraph: str) -> bool:
    """The authority speaking: its usual openings, or "your request" in the first sentence."""
    first = first_sentence(paragraph)
    return bool(
        _AUTHORITY_START.match(paragraph)
        or _NAMED_AUTHORITY_START.match(paragraph)
        or re.search(r"\byour\s+(?:\w+\s+)?request\b|\byou\s+(?:asked|requested)\b", first, re.I)
    )


def _quote_balance(value: str) -> int:
    """Open minus closed quotation marks; straight quotes alternate."""
    curly = value.count("“") - value.count("”")
    straight = value.count('"')
    return curly + (straight % 2)


def _own_request_region(text: str, layout: Layout) -> Span:
    """In a separate request document, skip to a request heading if it has one."""
    headings = [h for h in _headings(layout) if h.kind == "request"]
    start = headings[0].content if headings else 0
    end = len(text)
    for line in layout.lines:
        if line.start > start and SIGN_OFF.match(line.text):
            end = line.start
            break
    return Span.of(text, start, end)


def _paired_points(
    text: str, pairs: list[tuple[_Heading, _Heading | None]], headings: list[_Heading]
) -> RequestLayout:
    """Request:/Response: blocks: each pair is a point (or its numbered points) with its answer."""
    points: list[RequestPoint] = []
    regions = []
    blocks: list[tuple[int, list[RequestPoint]]] = []
    request_starts = [h.start for h in headings if h.kind == "request"]
    for number, (ask, reply) in enumerate(pairs, start=1):
        assert reply is not None
        region = Span.of(text, ask.content, reply.start)
        regions.append(Span.of(text, ask.start, reply.start))
        later = request_starts[bisect_right(request_starts, reply.start) :]
        answer = Span.of(text, reply.content, later[0] if later else len(text))
        numbered = numbered_points(text, region, "response") if region else []
        blocks.append((number, numbered))
        if not numbered:
            numbered = [RequestPoint(str(number), strip_quotes(text, region), "response")]
        for point in numbered:
            point.answer = answer
            points.append(point)
    if len({p.key for p in points}) < len(points):
        # Each block numbers its own questions from 1: say which block a label belongs to.
        for number, numbered in blocks:
            for point in numbered:
                point.label = f"{number}/{point.label}"
    renumber_orders(points)
    return RequestLayout(points, regions, paired=True)

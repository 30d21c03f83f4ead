"""The request's points, from wherever the letter holds the request.

The request may be its own document, quoted in the response (all at once, or
piece by piece with an answer after each piece), or the requester's own message
elsewhere in the text (below an email reply, above it on a request-for-
information thread page). :mod:`workbench.parsing.structure` finds the pieces;
this module divides them into points (:mod:`workbench.parsing.points`) and, when
the letter answers in turn, gives each point the answer that follows its piece.
When no request can be found at all, the whole letter answers one point, and
the extractor says it is unsure of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .answers import find_answers, marker_keys
from .labels import format_label, read_item, section_prefix, top_key
from .points import (
    SIGN_OFF,
    RequestPoint,
    inline_points,
    numbered_points,
    renumber_orders,
    split_region,
    strip_quotes,
)
from .structure import ANSWERING, Letter, Piece, Unit, bullet_style, section_heading
from .text import Layout, Span, is_heading
from .voice import asks, authority_speaks, own_words, request_heading


@dataclass
class RequestReading:
    """The points found, and how they were found (which says how sure to be of them)."""

    points: list[RequestPoint]
    #: "request" (its own document), "paired" (question and answer in turn), "quoted",
    #: "earlier" (the requester's own message), "reported" (in running text), "answers"
    #: (only the answers' own labels name the points) or "none".
    how: str

    @property
    def divided_by_asks(self) -> bool:
        """Whether unnumbered prose was divided into points at each ask (the least sure way)."""
        return len(self.points) > 1 and any(p.by == "asks" for p in self.points)


def request_points(
    request_text: str, *, offset: int = 0, source: str = "request"
) -> list[RequestPoint]:
    """The points of a request given as its own document (an email, a letter).

    ``offset`` places the points in a larger text: the requester's own message
    inside a thread is read as a request document starting there.
    """
    region = _own_region(request_text)
    points = split_region(request_text, region, source)
    for point in points:
        point.span = Span(point.span.start + offset, point.span.end + offset, point.span.text)
    return points


def _own_region(text: str) -> Span:
    """In a request document, the text after any request heading and before the sign-off."""
    layout = Layout(text)
    start = 0
    for line in layout.lines:
        content = request_heading(line.text)
        if content is not None:
            start = line.start + content
            break
    else:
        # "Dear Council," on a line of its own: what stands above it (an address, the
        # title and status lines of a page showing the request) is not the request.
        for line in layout.lines:
            if SIGN_OFF.match(line.text):
                break
            if _SALUTATION_LINE.match(line.text):
                start = line.end
                break
    end = len(text)
    for line in layout.lines:
        if line.start > start and SIGN_OFF.match(line.text):
            end = line.start
            break
    return Span.of(text, start, end)


_SALUTATION_LINE = re.compile(
    r"^\s*(?:dear\s+[^,.?!\n]{1,60},?|to\s+whom\s+it\s+may\s+concern,?)\s*$", re.IGNORECASE
)


def read_request(letter: Letter, request_text: str | None = None) -> RequestReading:
    """The request's points, each paired with its own answer where the letter gives one."""
    text = letter.text
    quoted = [p for p in letter.pieces if p.source == "response"]
    if request_text and request_text.strip():
        points = request_points(request_text)
        if letter.interleaved:
            paired = _paired_points(text, quoted)
            if len(paired) == len(points):
                for point, answered in zip(points, paired, strict=True):
                    point.answer = answered.answer
        return RequestReading(points, "request")
    if letter.interleaved:
        return RequestReading(_paired_points(text, quoted), "paired")
    if quoted:
        blocks = [split_region(text, _own_list(text, piece), "response") for piece in quoted]
        for piece, block in zip(quoted, blocks, strict=True):
            _cut_inner_headings(letter, piece, block)
        points = [point for block in blocks for point in block]
        if not _label_sections(text, quoted, blocks):
            _relabel_if_repeated(points)
        renumber_orders(points)
        labelled = _answer_labels(letter) if len(points) <= 1 else []
        if labelled:
            # The page kept only the request's lead-in ("I would like the following:") and
            # lost its questions, but the answers are labelled "Q1", "Q2": those are the points.
            return RequestReading(labelled, "answers")
        points = _fuller_copy(letter, quoted, points)
        points = _earlier_parts(letter, quoted, points)
        if points:
            inline = _inline_answers(text, points)
            if len(points) > 1 and all(inline):
                # Every question carries its answer on its own line: answered in turn.
                for point, answer in zip(points, inline, strict=True):
                    _take_answer(text, point, answer)  # type: ignore[arg-type]
            elif len(points) > 2 and all(inline[:-1]) and inline[-1] is None:
                _answered_but_last(letter, points, inline)
            return RequestReading(points, "reported" if quoted[0].reported else "quoted")
    earlier = [p for p in letter.pieces if p.source == "earlier"]
    if earlier:
        span = earlier[0].span
        points = request_points(text[span.start : span.end], offset=span.start, source="response")
        if points:
            return RequestReading(points, "earlier")
    labelled = _answer_labels(letter)
    if labelled:
        return RequestReading(labelled, "answers")
    listed = _listed_requests(letter)
    if listed:
        return RequestReading(listed, "answers")
    in_turn = _numbered_in_turn(letter)
    if in_turn:
        return RequestReading(in_turn, "answers")
    run_in = _run_in_questions(letter)
    if run_in:
        return RequestReading(run_in, "paired")
    listed = _run_in_list(letter)
    if listed:
        return RequestReading(listed, "answers")
    return RequestReading([RequestPoint("1", Span(0, 0, ""), "response")], "none")


#: A numbered question run into a paragraph after a sentence's end: "... the response. 1. How
#: many people ...?", "... 537 custodies. 2. What police stations ...?".
_RUN_IN_NUMBER = re.compile(r"(?:^|(?<=[.?!:]\s))(\d{1,2})\.\s+(?=[A-Z])")
#: The question after the number: up to its question mark.
_RUN_IN_QUESTION = re.compile(r"[^?\n]{8,400}\?")


def _run_in_questions(letter: Letter) -> list[RequestPoint]:
    """Questions and answers run together in one paragraph (a PDF copied as one line: "...
    your request is replicated below together with the response. 1. How many people ...?
    Police Scotland can confirm ... 2. What police stations ...? ..."), when no request was
    found otherwise: each numbered question, its numbers running 1, 2, 3 in order, is a
    point, and the words up to the next question are its answer."""
    text = letter.text
    found: list[tuple[re.Match[str], re.Match[str]]] = []
    for zone in letter.spans(*ANSWERING):
        if "1." not in text[zone.start : zone.end]:
            continue
        for match in _RUN_IN_NUMBER.finditer(text, zone.start, zone.end):
            if int(match.group(1)) != len(found) + 1:
                continue
            question = _RUN_IN_QUESTION.match(text, match.end())
            if question is not None and asks(question.group(0)):
                found.append((match, question))
    if len(found) < 2:
        return []
    points = []
    for index, (_, question) in enumerate(found):
        nxt = found[index + 1][0].start() if index + 1 < len(found) else None
        zone = next(z for z in letter.spans(*ANSWERING) if z.start <= question.end() <= z.end)
        end = nxt if nxt is not None and nxt <= zone.end else zone.end
        asked = question.end()
        for sentence in _RUN_IN_SENTENCE.finditer(text, asked, end):
            # "What police stations were people held at? Please provide breakdowns ...": the
            # question's own follow-on, still the requester's words.
            if not asks(sentence.group(0)) or authority_speaks(sentence.group(0)):
                break
            asked = sentence.end()
        point = RequestPoint(str(index + 1), Span.of(text, question.start(), asked), "response")
        point.answer = Span.of(text, asked, end)
        points.append(point)
    return points


#: The request's numbered list run into a paragraph after its lead-in: "You asked: 1. On
#: what dates ... 2. The names of ...".
_RUN_IN_LEAD = re.compile(
    r"\b(?:asked|requested|request(?:ing)?|following(?:\s+information)?)(?:\s+for)?\s*:\s*"
    r"(?=1\.\s+[A-Z])",
    re.IGNORECASE,
)
#: The end of a run-in list's last item: its first sentence.
_ITEM_END = re.compile(r"[.?!](?=\s+[A-Z])")
#: Longest run-in item: a question, not the answers after it.
_RUN_IN_ITEM = 600


def _run_in_list(letter: Letter) -> list[RequestPoint]:
    """The request's numbered list run into one paragraph with the letter (a page that lost
    its line breaks: "You asked: 1. On what dates in 2014 was ... discussed. 2. The name of
    the officials ... 5. ... I confirm we hold some information."), when no request was
    found otherwise: each item, numbered 1, 2, 3 in order after the lead-in, is a point; the
    last ends with its first sentence. The answers after the list are found as for any list
    of points ("For your first question, ...")."""
    text = letter.text
    for zone in letter.spans(*ANSWERING):
        if "1." not in text[zone.start : zone.end]:
            continue
        lead = _RUN_IN_LEAD.search(text, zone.start, zone.end)
        if lead is None:
            continue
        starts = [lead.end()]
        for match in _RUN_IN_NUMBER.finditer(text, lead.end(), zone.end):
            if match.start() - starts[-1] > _RUN_IN_ITEM:
                break
            if int(match.group(1)) == len(starts) + 1:
                starts.append(match.start())
        if len(starts) < 2:
            continue
        opening = _RUN_IN_NUMBER.match(text, starts[-1])
        last_opens = opening.end() if opening else starts[-1]
        last = _ITEM_END.search(text, last_opens, min(zone.end, last_opens + _RUN_IN_ITEM))
        ends = [*starts[1:], last.end() if last else zone.end]
        points = []
        for number, (start, end) in enumerate(zip(starts, ends, strict=True), start=1):
            label = _RUN_IN_NUMBER.match(text, start)
            begin = label.end() if label else start
            points.append(RequestPoint(str(number), Span.of(text, begin, end), "response"))
        # The answers are read after the list: its own numbers mark no answer.
        after_list = [
            Span.of(text, max(z.start, ends[-1]), z.end)
            for z in letter.spans(*ANSWERING)
            if z.end > ends[-1]
        ]
        found = find_answers(text, letter.layout, points, [z for z in after_list if z])
        for point in points:
            spans = found.by_key.get(point.key)
            if spans:
                point.answer = Span.of(text, spans[0].start, spans[-1].end)
        return points
    return []


#: The next sentence of a paragraph.
_RUN_IN_SENTENCE = re.compile(r"\s*[^.?!]+[.?!]")


def _fuller_copy(
    letter: Letter, quoted: list[Piece], points: list[RequestPoint]
) -> list[RequestPoint]:
    """A response that quotes the request and stops inside the quotation (a page cut short)
    has lost the rest of the request; the requester's own message above it on the thread
    holds all of it. When that message's points begin with the ones quoted, they are the
    request's points."""
    message = letter.request_message
    if message is None or not points or letter.text[quoted[-1].span.end :].strip():
        return points
    fuller = request_points(message.text, offset=message.start, source="response")
    if len(fuller) <= len(points):
        return points
    for mine, theirs in zip(points, fuller, strict=False):
        words = _words(mine.span.text)
        if not words or len(words & _words(theirs.span.text)) < _SAME_ASK * len(words):
            return points
    return fuller


#: "With regard to the second part of your request you asked for:": the quotation that
#: follows is that part of the request alone.
_PART_QUOTED = re.compile(
    r"\b(?P<ord>second|third|fourth|fifth)\s+(?:part|point|question|element)\s+of\s+your\s+"
    r"(?:request|e-?mail|letter)\b[^.?!]*:\s*[-–]?\s*$",
    re.IGNORECASE,
)
_PLACES = {"second": 2, "third": 3, "fourth": 4, "fifth": 5}


def _earlier_parts(
    letter: Letter, quoted: list[Piece], points: list[RequestPoint]
) -> list[RequestPoint]:
    """A response that quotes one part of the request alone, naming its place ("With regard to
    the second part of your request you asked for: '...'"), the parts before it told in its
    own words: those parts are points too, answered before it, and the quoted one keeps the
    place the letter gives it."""
    if len(points) != 1 or len(quoted) != 1 or points[0].label not in ("", "1"):
        return points
    first = quoted[0].units[0].index
    if first == 0:
        return points
    before = letter.units[first - 1]
    match = _PART_QUOTED.search(before.text)
    if before.role not in ANSWERING or match is None:
        return points
    place = _PLACES[match.group("ord").lower()]
    earlier = [RequestPoint(str(n), Span(0, 0, ""), "response") for n in range(1, place)]
    points[0].label = str(place)
    # What the letter says before the quotation answers the parts before it; what it says
    # after, the part quoted.
    main = letter.units[letter.main[0] : letter.main[1]]
    own = [u for u in main if u.role in ANSWERING]
    above = [u for u in own if u.index < before.index]
    below = [u for u in own if u.index > quoted[0].units[-1].index]
    if above:
        answer = Span.of(letter.text, above[0].span.start, before.span.start + match.start())
        for point in earlier:
            point.answer = answer
    if below:
        points[0].answer = Span.of(letter.text, below[0].span.start, below[-1].span.end)
    renumber_orders([*earlier, *points])
    return [*earlier, *points]


#: Share of a quoted point's words its own copy in the requester's message must hold.
_SAME_ASK = 0.8


def _numbered_in_turn(letter: Letter) -> list[RequestPoint]:
    """Numbered items, each with lines under it, when no request was found otherwise.

    A disclosure log may restate each question as a bare heading ("1. Spending on agency
    staff in 2023-24") with its answer below ("a) £8,161,319"): the questions never ask in
    so many words, but items numbered 1, 2, 3 each followed by an answer of their own are the
    points, answered in turn. A plain numbered list of answers has nothing under each item,
    so it stays one point as before.
    """
    units = [u for u in letter.units[letter.main[0] : letter.main[1]] if u.role in ANSWERING]
    items = [
        i
        for i, unit in enumerate(units)
        if (label := read_item(unit.text)) is not None and label.kind == "num" and not label.sub
    ]
    numbers = [read_item(units[i].text).value for i in items]  # type: ignore[union-attr]
    if len(items) < 2 or numbers != [str(n) for n in range(1, len(items) + 1)]:
        return []
    ends = [*items[1:], _end_of_last(units, items[-1])]
    topics = {start: _topic_then_answer(units[start].text) for start in items}
    alone = [start for start, end in zip(items, ends, strict=True) if end - start < 2]
    if any(topics[start] is None for start in alone):
        return []  # a plain numbered list of answers: one point, as before
    points = []
    for start, end in zip(items, ends, strict=True):
        question, last = units[start], units[end - 1]
        label = read_item(question.text)
        assert label is not None
        topic = topics.get(start)
        if topic is not None:
            # "1. Cost of the operation; The cost of ...": the point named, then its answer
            # (the answer is read from the paragraph's start: its first sentence runs on from
            # the point's name)
            span = Span.of(
                letter.text, question.span.start + label.end, question.span.start + topic
            )
            point = RequestPoint(format_label(label), span, "response")
            point.answer = Span.of(letter.text, question.span.start, last.span.end)
            points.append(point)
            continue
        span = Span.of(letter.text, question.span.start + label.end, question.span.end)
        point = RequestPoint(format_label(label), span, "response")
        point.answer = Span.of(letter.text, units[start + 1].span.start, last.span.end)
        points.append(point)
    return points


#: "1. Cost of the policing operation; The cost of providing ...": a numbered answer that
#: opens with a few words naming its point, a semicolon or colon, then the answer.
_TOPIC_THEN_ANSWER = re.compile(r"^\W*\d{1,2}[.)]\s+([^.?!;:\n]{3,80}?)\s*[;:]\s+(?=[A-Z0-9£])")
#: Most words of the name of a point before its answer.
_TOPIC_WORDS = 10


def _topic_then_answer(paragraph: str) -> int | None:
    """Where the point's name ends in a numbered paragraph that names its point before
    answering it in a statement (or with a figure); None for any other paragraph."""
    match = _TOPIC_THEN_ANSWER.match(paragraph)
    if match is None or len(match.group(1).split()) > _TOPIC_WORDS or asks(match.group(1)):
        return None
    rest = paragraph[match.end() :]
    first = re.split(r"(?<=[.?!])\s", rest, maxsplit=1)[0]
    if "?" in first or not (
        authority_speaks(first) or _GIVEN_FIGURE.match(first) or _STATES.search(first)
    ):
        return None  # "1. Annex A: Minutes of the March meeting": a list of what is enclosed
    return match.end(1)


#: A verb that makes the words after a point's name a statement: its answer.
_STATES = re.compile(
    r"\b(?:is|are|was|were|would|will|has|have|had|can|cannot|could|does|do|did)\b", re.I
)


#: A lead-in naming several requests the letter deals with together: "This applies to the
#: following requests:", "Your requests were:".
_REQUESTS_LEAD = re.compile(
    r"\brequests\s*(?:are|were)?\s*(?:as\s+follows)?\s*:\s*[-–]?\s*$", re.IGNORECASE
)


def _listed_requests(letter: Letter) -> list[RequestPoint]:
    """One letter answering several requests at once ("This applies to the following
    requests: 1. FOI 2016/384 - ... 2. FOI 2016/385 - ..."), their questions not quoted:
    each request listed is a point, and what the letter says of them all answers each."""
    units = [u for u in letter.units[letter.main[0] : letter.main[1]] if u.role in ANSWERING]
    for index, unit in enumerate(units):
        if not _REQUESTS_LEAD.search(unit.text):
            continue
        points: list[RequestPoint] = []
        style = bullet_style(units[index + 1].text) if index + 1 < len(units) else None
        for item in units[index + 1 :]:
            first = item.text.split("\n", 1)[0]
            if style is not None and bullet_style(item.text) == style:
                # "- 14892 received on 13 September": a bulleted list of the requests, which
                # the letter names in reading order ("the fourth request").
                start = item.span.start + len(first) - len(_BULLET_MARK.sub("", first, count=1))
                span = Span.of(letter.text, start, item.span.start + len(first))
                points.append(RequestPoint(str(len(points) + 1), span, "response"))
                continue
            label = read_item(item.text)
            if label is None or label.kind != "num" or label.value != str(len(points) + 1):
                break
            span = Span.of(letter.text, item.span.start + label.end, item.span.start + len(first))
            points.append(RequestPoint(format_label(label), span, "response"))
        if len(points) >= 2 and style is not None:
            # Each request answered in turn, named by its place or its subject ("In regards to
            # the fourth request, ..."): the answers are found as for any list of points.
            return points
        if len(points) >= 2:
            # The letter decides them together: its words from the lead-in on answer each.
            answer = Span.of(letter.text, unit.span.start, units[-1].span.end)
            for point in points:
                point.answer = answer
            return points
    return []


#: A bullet's mark and the space after it.
_BULLET_MARK = re.compile(r"^\s*\S\s+")


def _end_of_last(units: list[Unit], start: int) -> int:
    """Where the last item's answer ends: at the page's next heading ("FOI Requests")."""
    for index in range(start + 1, len(units)):
        if is_heading(units[index].text) and len(units[index].text) <= 40:
            return index
    return len(units)


def _answer_labels(letter: Letter) -> list[RequestPoint]:
    """Points named by the answers' own labels when the request is not in the text.

    A page that lost its request may still head its answers "Question 1", "Questions
    2 & 3": each number is a point. Numbers must run 1, 2, 3 ... in order, or they are
    taken for something else (a list inside one answer).
    """
    keys: list[str] = []
    for zone in letter.spans(*ANSWERING):
        for line in letter.layout.lines_in(zone.start, zone.end):
            if not _QUESTION_LABEL.match(line.text):
                continue
            keys += [k for k in marker_keys(line.text) if _POINT_KEY.match(k) and k not in keys]
    tops = list(dict.fromkeys(top_key(k) for k in keys))
    if len(tops) < 2:
        # "... for question 1 there are 2,109 ...; the data for question 2 is not collated":
        # answers that name their questions in running text, the questions themselves lost.
        keys = _named_in_text(letter)
        tops = keys
    elif not _runs_from_one(tops):
        # "I am exempting Q1, Q2, Q3 and Q6a ..." then "Q4. ...", "Q5. ...": the refused
        # questions named together in a sentence, the others answered under their labels.
        named = _named_in_text(letter, with_short_form=True)
        keys = sorted(dict.fromkeys(keys + named), key=_key_order)
        tops = sorted(dict.fromkeys(top_key(k) for k in keys), key=int)
    if len(tops) < 2 or not _runs_from_one(tops):
        return []
    # "Response 1a and 1b" names parts of point 1: the parts are the points, not "1" as well.
    keys = [k for k in keys if not any(top_key(o) == k and o != k for o in keys)]
    return [RequestPoint(key, Span(0, 0, ""), "response") for key in keys]


def _named_in_text(letter: Letter, *, with_short_form: bool = False) -> list[str]:
    """Question numbers the answers name in running text ("for question 2"), in number order.

    ``with_short_form`` also counts "Q1", "Q6a" (with their part letters): only where other
    answers are labelled that way, since "Q1" alone is as often a quarter of the year.
    """
    if not with_short_form:
        found: set[int] = set()
        for zone in letter.spans(*ANSWERING):
            for match in _QUESTION_NAMED.finditer(letter.text, zone.start, zone.end):
                found.update(_numbers_named(match.group(1)))
        return [str(n) for n in _with_those_between(found)]
    keys: list[str] = []
    for zone in letter.spans(*ANSWERING):
        for match in _QUESTION_OR_Q_NAMED.finditer(letter.text, zone.start, zone.end):
            keys.append(match.group(1) + (match.group(2) or "").lower())
    return list(dict.fromkeys(keys))


def _numbers_named(listed: str) -> list[int]:
    """ "2, 5, 6 and 7" -> 2, 5, 6, 7; "2-4" -> 2, 3, 4."""
    numbers: list[int] = []
    for first, last in re.findall(r"(\d{1,2})(?:\s*(?:-|–|to)\s*(\d{1,2}))?", listed):
        start, end = int(first), int(last or first)
        numbers += range(start, end + 1) if start <= end <= start + 9 else [start]
    return numbers


def _with_those_between(found: set[int]) -> list[int]:
    """Question numbers named in the answers, with those between them: a letter that answers
    "questions 1 and 3" together and question 2 in a paragraph of its own (naming it by its
    subject, not its number) still answers three questions."""
    if len(found) < 2 or min(found) != 1 or max(found) > 2 * len(found):
        return sorted(found)
    return list(range(1, max(found) + 1))


def _runs_from_one(tops: list[str]) -> bool:
    return tops == [str(n) for n in range(1, len(tops) + 1)]


def _key_order(key: str) -> tuple[int, str]:
    number = re.match(r"\d+", key)
    return (int(number.group(0)) if number else 0, key)


#: "question 2", "questions 1", "Question Number 3": a question named by its number inside a
#: sentence or a table's row.
#: "questions 1 and 3", "points 2, 5, 6 and 7", "questions 4-6": several named together.
_QUESTION_NAMED = re.compile(
    r"\b(?:questions?|points?)\s+(?:number\s+|no\.?\s*)?"
    r"(\d{1,2}(?:\s*(?:,\s*(?:and\s+)?|&|\band\b|-|–|\bto\b)\s*\d{1,2}\b)*)\b(?![\d/]|[.,]\d)",
    re.IGNORECASE,
)

#: "Q6a", "question 3" inside a sentence: a question named, perhaps with its part letter.
_QUESTION_OR_Q_NAMED = re.compile(
    r"\b(?:questions?\s+(?:number\s+|no\.?\s*)?|Q\s?)(\d{1,2})([a-z])?\b(?!/|[.,]\d)",
    re.IGNORECASE,
)

#: An answer headed by the question(s) it answers: "Question 1", "Questions 1 & 2", "Q3:",
#: "Response 2:", "Answer 1a and 1b".
_QUESTION_LABEL = re.compile(r"^\W*(?:questions?|q|responses?|answers?)\s*\d", re.IGNORECASE)
#: A point's key: a number, perhaps with a part letter ("3", "1a").
_POINT_KEY = re.compile(r"^\d{1,2}[a-z]?$")


def _region(text: str, piece: Piece) -> Span:
    span = piece.span
    return Span.of(text, span.start, span.end)


def _paired_points(text: str, pieces: list[Piece]) -> list[RequestPoint]:
    """Question and answer in turn: each piece's points share the answer after the piece."""
    points: list[RequestPoint] = []
    blocks: list[list[RequestPoint]] = []
    titles: list[str] = []  # the section heading each block stands under, if any
    title = ""
    for index, piece in enumerate(pieces):
        if index and _REVIEW_HEADING.match(_line_before(text, piece.span.start)):
            continue  # the requester asking for a review of the answers above: no new points
        if piece.heading is not None:
            title = piece.heading.text.strip().rstrip(":").rstrip()
        found = _piece_points(text, piece)
        for point, answer in zip(found, _inline_answers(text, found), strict=True):
            if answer is not None:
                _take_answer(text, point, answer)
            else:
                point.answer = piece.answer
        fresh = []
        for point in found:
            earlier = _restated(point, points)
            if earlier is not None and _alike_but_own(point, earlier):
                earlier = None
            if earlier is not None:
                # The request quoted again, point by point, each before its own answer: the
                # answer belongs to the point first asked, which is not asked twice.
                if point.answer is not None or earlier.answer is None:
                    earlier.answer = point.answer
            else:
                fresh.append(point)
        fresh = _parts_of_previous(fresh, points)
        if fresh:
            blocks.append(fresh)
            titles.append(title)
        points += fresh
    unlabelled = [p for p in points if not p.label]
    if unlabelled:
        for number, point in enumerate(points, start=1):
            if not point.label:
                point.label = str(number)
    if len({p.key for p in points}) < len(points) and all(titles) and len(set(titles)) > 1:
        # Each section numbers its own questions from 1 under its heading: the heading tells
        # them apart, as the letter does ("Street lighting 1").
        for section, block in zip(titles, blocks, strict=True):
            for point in block:
                point.section = section
                point.label = f"{section_prefix(section)}{point.label}"
    elif len({p.key for p in points}) < len(points):
        # Each block numbers its own questions from 1: say which block a label belongs to.
        for number, block in enumerate(blocks, start=1):
            for point in block:
                point.label = f"{number}/{point.label}"
    renumber_orders(points)
    return points


#: A page's heading over the requester's request for a review of the answers above it:
#: "Review", "Internal review request", "Request for review".
_REVIEW_HEADING = re.compile(
    r"^\W*(?:(?:request\s+for\s+(?:an?\s+)?)?(?:internal\s+)?review(?:\s+request(?:ed)?)?|"
    r"appeal)\W*$",
    re.IGNORECASE,
)


def _line_before(text: str, start: int) -> str:
    """The last line with words above ``start``."""
    for line in reversed(text[max(0, start - 300) : start].splitlines()):
        if line.strip():
            return line
    return ""


#: A full stop ending the first sentence, then the next sentence on the same line.
_ASKED_STOP = re.compile(r"(?<=[a-z)])\.\s+(?=[A-Z0-9£])")
#: A question mark ending the ask, then the next sentence on the same line. A bracketed
#: qualifier written after the mark ("... the average stay? (for women if possible) 2.25")
#: still belongs to the ask; the answer starts after it.
_ASKED_THEN = re.compile(r"\?(?:[ \t]+\([^()\n]{1,120}\))?\s+(?=[A-Z0-9£])")
#: "how many police staff are suspended - 3": the figure written after the ask, past a spaced
#: dash, closing the line.
_DASHED_FIGURE = re.compile(
    r"\s[-–]\s+(?=(?:£?\d[\d,.]*%?|yes|no|none|nil)\b[^\n]{0,30}$)", re.IGNORECASE
)
#: "Has any equipment been infected by ransomware (examples include ...) No.": the question
#: closed by its bracketed examples, its question mark lost, then a plain answer.
_AFTER_BRACKET = re.compile(r"\)\s+(?=(?:yes|no|none|nil|n/a)\b[^\n]{0,30}$)", re.IGNORECASE)
#: An answer that opens with the figure asked for, or a plain yes or no: "8,420 permits ...".
#: ("Yes/No", "Yes or No" are the requester's choices, not an answer.)
#: "If so, how many? N/A": the question does not arise, which answers it too.
_GIVEN_FIGURE = re.compile(
    r"^(?:£?\d[\d,.]*\b|(?:yes|no)\b(?!\s*(?:/|or\b))|n/a\W*$|not\s+applicable\b)", re.IGNORECASE
)


def _inline_answers(text: str, points: list[RequestPoint]) -> list[Span | None]:
    """Each point's answer written on its own line after the question, where it has one."""
    inline = [_answered_in_line(text, point) for point in points]
    if any(inline):
        # Its neighbours are answered on their own lines: so is a point whose words after the
        # question need not sound like the authority ("The amount collected was 0.45%").
        inline = [
            answer or _answered_in_line(text, point, loosely=True)
            for point, answer in zip(points, inline, strict=True)
        ]
    return inline


def _answered_in_line(text: str, point: RequestPoint, *, loosely: bool = False) -> Span | None:
    """ "a) Paid on time? We cannot provide this information.": a log that writes each answer
    after its question, on the question's own line. The authority's words (or the figure)
    after the question mark are that point's answer, not part of what was asked."""
    value = text[point.span.start : point.span.end]
    match = _ASKED_THEN.search(value)
    if match is None:
        line = value.split("\n", 1)[0]
        match = _DASHED_FIGURE.search(line) or _AFTER_BRACKET.search(line)  # "... - 9", "...) No."
    if match is None:
        # "How many have accepted extra children through appeals. This information is not
        # held.": the question's mark written as a full stop, the answer after it.
        stop = _ASKED_STOP.search(value)
        if stop is not None and asks(value[: stop.start()]):
            match = stop
    if match is None or "\n" in value[: match.end()].strip():
        return None
    rest = value[match.end() :].split("\n", 1)[0]
    if asks(rest) or not (loosely or authority_speaks(rest) or _GIVEN_FIGURE.match(rest)):
        return None
    cut = point.span.start + match.end()
    return Span.of(text, cut, point.span.end)


def _answered_but_last(
    letter: Letter, points: list[RequestPoint], inline: list[Span | None]
) -> None:
    """ "- how many staff are suspended - 3" for each ask but the last ("The reasons for each
    suspension"): the others are answered on their own lines, the last by what the letter
    says after the request."""
    for point, answer in zip(points[:-1], inline[:-1], strict=True):
        _take_answer(letter.text, point, answer)  # type: ignore[arg-type]
    last = points[-1]
    after = [zone for zone in letter.spans(*ANSWERING) if zone.start >= last.span.end]
    if after:
        last.answer = after[0]


def _take_answer(text: str, point: RequestPoint, answer: Span) -> None:
    """The point keeps its question; the words after it are its answer."""
    point.span = Span.of(text, point.span.start, answer.start)
    point.answer = answer


def _parts_of_previous(found: list[RequestPoint], points: list[RequestPoint]) -> list[RequestPoint]:
    """ "3. For the same period, please provide:" answered part by part ("a) ...", "b) ..."):
    the lettered pieces are parts of point 3, which is no longer a point of its own."""
    if not found or not points or not all(re.fullmatch(r"[a-z]", p.label) for p in found):
        return found
    last = points[-1]
    part = re.fullmatch(r"(\d{1,2})([a-z])", last.key)
    if part and chr(ord(part.group(2)) + 1) == found[0].label:
        parent = None  # "3a" was the last: "b)" is "3b"
    elif re.fullmatch(r"\d{1,2}", last.key) and last.span.text.rstrip().endswith(":"):
        parent = last
    else:
        return found
    prefix = re.sub(r"[a-z]$", "", last.label) if part else last.label
    for point in found:
        point.label = f"{prefix}{point.label}"
    if parent is not None:
        for point in found:
            point.context = parent.span.text
        points.remove(parent)
    return found


def _restated(point: RequestPoint, earlier: list[RequestPoint]) -> RequestPoint | None:
    """The earlier point that ``point`` repeats word for word (near enough), if any: the
    closest of them, when it is clearly closer than any other."""
    words = _words(point.span.text)
    if len(words) < 3:
        return None
    scored = []
    for other in earlier:
        if point.label and point.key != other.key:
            continue  # "2. If not, why not?" after "1. Do you check ...?" asks something new
        theirs = _words(other.span.text)
        shared = len(words & theirs)
        most = max(len(words), len(theirs))
        # Quoted again in full, or shortened ("... during the contract extension period.")
        if theirs and shared >= 0.85 * min(len(words), len(theirs)) and shared >= 0.6 * most:
            scored.append((shared / most, other))
    scored.sort(key=lambda pair: -pair[0])
    if not scored or (len(scored) > 1 and scored[1][0] >= scored[0][0] - 0.05):
        return None
    return scored[0][1]


def _alike_but_own(point: RequestPoint, earlier: RequestPoint) -> bool:
    """An ask like one already answered, one word swapped ("... given temporary exclusions",
    answered, then "... given permanent exclusions", answered): the next question of a list
    of alike questions, not the first asked again."""
    if earlier.answer is None or point.answer is None:
        return False
    mine, theirs = _words(point.span.text), _words(earlier.span.text)
    return bool(mine - theirs) and bool(theirs - mine)


def _words(value: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", value.lower()) if len(w) > 2 or w[-1].isdigit()}


def _piece_points(text: str, piece: Piece) -> list[RequestPoint]:
    """The points of one piece: its own numbering, else one per list item, else the piece."""
    region = _own_list(text, piece)
    numbered = numbered_points(text, region, "response", continued=piece.continued)
    if numbered:
        return numbered
    items = [
        u
        for u in piece.units
        if u is not piece.heading and (read_item(u.text) is not None or bullet_style(u.text))
    ]
    if items and _fields_of_lead(piece, items):
        # "Please provide details of all trees felled ... Information to include;" over
        # "- Location", "- Date of works": what the one ask should hold, one point.
        return [RequestPoint("", strip_quotes(text, region), "response")]
    if not items:
        # "... the following information: 1. A list of ... 2. The annual spend ...": a list
        # run into one paragraph.
        inline = inline_points(text, region, "response")
        if inline:
            return inline
    if items:
        points = []
        lead: Unit | None = None  # the labelled item the last point opened with
        for unit in items:
            label = read_item(unit.text)
            if label is None and points and lead is not None and _option_of(lead, unit):
                # "3. The percentage of potholes repaired within:" over "o 7 days", "o 14 days":
                # the bullets finish the numbered question, they are not asks of their own.
                last = points[-1]
                last.span = strip_quotes(text, Span.of(text, last.span.start, unit.span.end))
                continue
            lead = unit if label is not None else None
            words = own_words(unit.text)
            start = unit.span.end - len(words)
            # A table row ends its question at the cell: the answer beside it is no part of it.
            cell = region.start >= unit.span.start
            end = min(unit.span.end, region.end) if cell else unit.span.end
            span = strip_quotes(text, Span.of(text, start, end))
            points.append(RequestPoint(format_label(label) if label else "", span, "response"))
        return points
    lead = request_heading(region.text.split("\n", 1)[0])
    if lead is not None and lead < len(region.text.split("\n", 1)[0]):
        region = Span.of(text, region.start + lead, region.end)  # "Q: How many ...?"
    return [RequestPoint("", strip_quotes(text, region), "response")]


def _option_of(lead: Unit, unit: Unit) -> bool:
    """A bullet that asks nothing under a numbered question ending in a colon ("3. The
    percentage repaired within:" / "o 7 days"): one of the question's own options. A question
    naming "the following" may introduce asks of their own."""
    line = lead.text.rstrip()
    return (
        "\n" not in line
        and line.endswith((":", ";"))
        and bullet_style(unit.text) is not None
        and not unit.asks
        and re.search(r"\bthe\s+following\b|\bas\s+follows\b", line, re.IGNORECASE) is None
    )


def _fields_of_lead(piece: Piece, items: list[Unit]) -> bool:
    """A piece that opens with an ask ending in a lead-in (":" or ";") over unlabelled list
    items that mostly ask nothing themselves ("- Location", "- Date of works"): the items are
    the fields of that ask. A lead-in naming "the following" introduces asks of their own."""
    lead = [u for u in piece.units if u.span.start < items[0].span.start]
    if not lead or any(read_item(u.text) is not None for u in items):
        return False
    last = lead[-1].text.rstrip()
    if not last.endswith((":", ";")) or not any(u.asks for u in lead):
        return False
    if re.search(r"\bthe\s+following\b|\bas\s+follows\b", last, re.IGNORECASE):
        return False
    asking = sum(u.asks for u in items)
    return asking * 3 <= len(items)


def _own_list(text: str, piece: Piece) -> Span:
    """The piece's text, from below its section heading when it has one ("Part 2 – Street
    lighting" heads the list; its number is not the list's)."""
    if piece.heading is None:
        return _region(text, piece)
    return Span.of(text, piece.heading.span.end, piece.span.end)


def _cut_inner_headings(letter: Letter, piece: Piece, points: list[RequestPoint]) -> None:
    """ "2. What was the total cost ...?" then "Travel training" over "3. ...": the heading of
    the next section of asks is no part of the question before it."""
    for unit in piece.units[1:]:
        if unit is piece.heading or section_heading(letter, unit) is None:
            continue
        for point in points:
            if point.span.start < unit.span.start < point.span.end:
                point.span = strip_quotes(
                    letter.text, Span.of(letter.text, point.span.start, unit.span.start)
                )


def _label_sections(text: str, pieces: list[Piece], blocks: list[list[RequestPoint]]) -> bool:
    """A request in sections, each under its own heading and numbered from 1 ("Potholes" /
    "1." "2.", "Street lighting" / "1." "2."): a number is told apart by its heading, as the
    letter tells them apart, so each label is the heading and the number ("Street lighting
    1"). Sections numbered straight through keep their plain numbers."""
    points = [point for block in blocks for point in block]
    if len({p.key for p in points}) == len(points):
        return False
    headed = [(piece.heading, block) for piece, block in zip(pieces, blocks, strict=True) if block]
    if headed and headed[0][0] is None:
        # The first list under no heading, the next ones under theirs: its plain numbers tell
        # it apart ("1", "2", then "Costs 1", "Costs 2").
        headed = headed[1:]
    if not headed or any(heading is None for heading, _ in headed):
        return False
    if len(headed) < 2 and len(headed) == len([b for b in blocks if b]):
        return False
    for heading, block in headed:
        assert heading is not None
        title = heading.text.strip().rstrip(":").rstrip()
        own = read_item(block[0].span.text) if len(block) == 1 else None
        if own is not None and own.kind == "num":
            # A section of one question ("1. How many ...?"), which a list needs two to number.
            point = block[0]
            body = point.span.text[own.end :]
            start = point.span.start + own.end + len(body) - len(body.lstrip())
            point.span = Span.of(text, start, point.span.end)
            point.label = format_label(own)
        for point in block:
            point.section = title
            point.label = f"{section_prefix(title)}{point.label}"
    return True


def _relabel_if_repeated(points: list[RequestPoint]) -> None:
    """Pieces that each number from 1 would repeat labels: number them in reading order."""
    if len({p.key for p in points}) < len(points):
        for number, point in enumerate(points, start=1):
            point.label = str(number)

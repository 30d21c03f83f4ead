"""Which part of the response answers which point of the request.

Responses signpost their answers the way the request numbered its points:
"Q2 & Q3 – ...", "1. Due to ...", "In relation to the second point of your
request ...", "Question 3:". Each signpost starts an answer that runs to the
next signpost or to the next heading ("Next steps", "FOIA section 40(2)").
Where the response answers one point in parts ("The third point of your
request has two parts. In relation to ... In relation to ..."), each part
becomes a point of its own ("3a", "3b"). Where nothing is signposted, the
answer part's own structure may still tie its blocks to the points in turn (one block
per point, in the order asked); failing that, the whole response answers every point.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from .labels import ORDINALS, label_key, read_item, section_prefix, top_key
from .literals import foldable, holds_any
from .points import ASK, RequestPoint, first_sentence
from .rights import is_rights_sentence
from .text import LIST_ITEM, Layout, Span, indent_at, is_heading, line_units, lines, paragraphs
from .voice import own_words as own_words_of

#: Longest first: "Question 2" must not read as "Qu" then the labels "e", "s", "t", ...
_WORD = r"(?:Question|Response|Request|Answer|Reply|Point|Part|Item|Ans|Qu|Q|A)s?"
#: A label: "Q2", "3a", "(ii)", "b)", and "1.a)" (a question's number, a stop, its part).
_TOKEN = (
    rf"(?:{_WORD}\s*\.?\s*)?\(?(?:\d{{1,2}}(?:[a-z]|\.[a-z](?=\)))?|[ivx]{{1,4}}(?![a-z])|[a-z])\)?"
)
#: Between labels: "&", "and", ",", "/", "to", or a dash with no space ("4-6"); a spaced dash
#: ("Q1 – 52") separates the label from its answer, unless both sides are stopped labels:
#: "2. - 7. N/A" answers points 2 to 7 at once.
_JOIN = (
    r"(?:\.?\s*(?:,\s*(?:&|and\b)|&|\band\b|,|\+|/)\s*|[-–]|\s+to\s+"  # "4. & 5.", "2, 3, and 4"
    r"|\.\s*[-–]\s*(?=\(?\d{1,2}[a-z]?\)?\.(?!\d)))"
)
#: "03-08-2016" after "Response" or "Request" is a date, not a range of points.
_NOT_A_DATE = r"(?!\d{1,2}[-–/.]\d{1,2}[-–/.]\d{2,4}\b)"
#: In a line of labels alone ("3 4 & 5"), a space also joins them.
_LINE_JOIN = rf"(?:{_JOIN}|\s+(?=\(?\d))"
#: A line opening with one or more labels: "Q1 –", "1.", "Q2 & Q3 –", "Questions 4-6:".
_LINE_MARKER = re.compile(
    rf"^\s*(?P<labels>{_TOKEN}(?:{_JOIN}{_TOKEN})*)"
    # "1  The number of hours ...", "2&3  Northumbria Police ...": a table's lost tab.
    rf"(?:\s*(?:[.):/\-–—]\s|[.):\-–—]?\s*$|:|(?<=\))\s)|[ \t]{{2,}}(?=[A-Z][a-z]))",
    re.IGNORECASE,
)
#: "Q1 Gender ...", "Q2 The detainee's religion ...": a question's short label and one space
#: before the answer's first capital (the label's stop or tab lost); only with its "Q" or
#: "Question", since a bare number before a capital opens many a line of prose.
_WORD_LABEL = re.compile(r"^\s*(?P<labels>(?:Q|Question\s)\s?\d{1,2}[a-z]?)[ \t]+(?=[A-Z])")
_LABELS_LINE = re.compile(
    rf"^\s*(?P<labels>{_TOKEN}(?:{_LINE_JOIN}{_TOKEN})+)\s*[.:]?\s*$", re.IGNORECASE
)
_LEAD = (
    r"^\W*(?:(?:in\s+(?:relation|response|reply|regard|respect|answer)\s+to|regarding|"
    r"with\s+(?:regards?|respect)\s+to|turning\s+to|as\s+(?:for|to|regards)|concerning|for|re:?|"
    r"(?:our\s+)?(?:response|answer|reply)\s+to|to\s+answer)\s+)?"
)
_ORDINAL_MARKER = re.compile(
    _LEAD + r"(?:the\s+|your\s+)?(?P<ord>" + "|".join(ORDINALS) + r")\s+(?:point|question|part|"
    r"request|item|element|limb|bullet(?:\s+point)?|section|query)\b",
    re.IGNORECASE,
)
#: "To answer your question one, ...": a point named by a number written as a word.
_CARDINALS = {
    word: number
    for number, word in enumerate(
        "one two three four five six seven eight nine ten eleven twelve".split(), start=1
    )
}
_CARDINAL_MARKER = re.compile(
    _LEAD + r"(?:the\s+|your\s+)?(?:point|question|part|request|item|query)\s+"
    r"(?P<card>" + "|".join(_CARDINALS) + r")\b",
    re.IGNORECASE,
)
_NUMBER_MARKER = re.compile(
    _LEAD
    + rf"(?:your\s+|the\s+)?{_WORD}\s*\.?\s*{_NOT_A_DATE}"
    + r"(?P<n>\d{1,2}[a-z]?|\(?[a-z]\)|[ivx]{1,4})(?![\w/])"
    + rf"(?P<more>(?:{_JOIN}\(?\d{{1,2}}[a-z]?\)?(?![\w/]))*)",  # "Questions 1-6", "Q2 and 3"
    re.IGNORECASE,
)
_PARTS = re.compile(
    r"\b(?:has|have|is\s+in|comes\s+in|in|into|of)\s+(?P<n>two|three|four|2|3|4)\s+"
    r"(?:separate\s+|distinct\s+)?(?:parts|elements|limbs|aspects|questions|sections)\b",
    re.IGNORECASE,
)
_NUMBERS = {"two": 2, "three": 3, "four": 4, "2": 2, "3": 3, "4": 4}
_PART_OPENER = re.compile(
    r"^\W*(?:in\s+(?:relation|response|regard|respect|reply)\s+to|regarding|with\s+(?:regards?|respect)\s+to|"
    r"as\s+(?:for|to|regards)|turning\s+to|in\s+respect\s+of|concerning|on\s+the\s+(?:question|matter|"
    r"issue)\s+of|firstly|secondly|thirdly|finally|lastly|first,|second,|third,)\b",
    re.IGNORECASE,
)


@dataclass
class Answers:
    """The answer spans of each point (by key) and what no point claims."""

    by_key: dict[str, list[Span]] = field(default_factory=dict)
    general: list[Span] = field(default_factory=list)
    signposted: bool = False
    new_points: list[RequestPoint] = field(default_factory=list)  # points after part-splitting
    #: Answers under a labelled line ("1. ...", "Question 2:"), not named in running text: they
    #: belong to their point alone, whereas a sentence naming "question 3" may run on into
    #: what the letter says of the whole request.
    labelled: list[Span] = field(default_factory=list)
    #: Points tied to their answers by the answer part's order where its blocks outnumbered
    #: the points: the wording chose where each answer opens, and may have chosen wrong.
    unsure: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class _Marker:
    start: int  # where the answer starts
    keys: tuple[str, ...]
    asks: bool = False  # the labelled line is a question (the request quoted again)
    listed: bool = False  # a labelled line (not a phrase), right after a line ending in ":"
    labelled: bool = False  # a labelled line rather than a phrase
    named: bool = False  # points named inside a sentence: in any order, never a new run
    restated: bool = False  # a line repeating the point's own words
    lead: bool = False  # a paragraph opening by naming its point ("In response to point 1:")
    unsure: bool = False  # tied to its point by order where blocks outnumbered points
    until: int | None = None  # where the last of the answers read in turn ends


def find_answers(
    text: str, layout: Layout, points: list[RequestPoint], zones: list[Span]
) -> Answers:
    """Assign the response ``zones`` to the request ``points``."""
    markers = (
        _section_markers(layout, points, zones)
        or _nested_markers(layout, points, zones)
        or _markers(layout, points, zones)
        or _blocks_in_turn(text, layout, points, zones)
    )
    if not markers:
        return Answers(general=list(zones), new_points=list(points))
    markers = _with_the_rest(layout, zones, markers, [p.key for p in points])
    if markers[-1].until is not None:
        # Blocks read in turn: their headings are inside answers, and the last answer ends
        # with the last block.
        breaks = [markers[-1].until]
    else:
        breaks = _section_breaks(text, zones, markers) + _whole_request_after(layout, markers)
    answers = Answers(signposted=True)
    claimed: list[Span] = []
    for index, marker in enumerate(markers):
        zone = next(z for z in zones if z.start <= marker.start < z.end)
        stops = [m.start for m in markers[index + 1 :]] + [b for b in breaks if b > marker.start]
        end = min([s for s in stops if s > marker.start] + [zone.end])
        span = Span.of(text, marker.start, end)
        claimed.append(span)
        if marker.labelled or marker.lead:
            answers.labelled.append(span)
        if marker.unsure:
            answers.unsure.update(marker.keys)
        for key in marker.keys:
            answers.by_key.setdefault(key, []).append(span)
    _share_after_requote(text, points, markers, claimed, answers)
    answers.general = _unclaimed(text, zones, claimed)
    _attach_lead_in(text, zones, markers, answers)
    _attach_footnotes(text, layout, zones, answers)
    answers.new_points = _split_parts(text, layout, points, answers)
    _follow_back_references(answers, points)
    return answers


#: An answer for every point the letter has not answered by name: "With regards to all other
#: questions ...", "For the remaining questions, ...", "All other parts of your request ...".
_THE_REST = re.compile(
    r"^\W*(?:(?:with\s+regards?\s+to|in\s+(?:relation|respect|response|regard)\s+to|regarding|"
    r"as\s+(?:for|to)|for|"
    # "I have carefully considered all the other parts of the request and ...": the same
    r"(?:I|we)\s+have\s+(?:(?:carefully|also)\s+)?(?:considered|reviewed|looked\s+at))\s+)?"
    r"(?:all\s+)?(?:the\s+|your\s+)?(?:other|remaining)\s+"
    r"(?:questions|points|parts|items|requests|elements)\b",
    re.IGNORECASE,
)


def _with_the_rest(
    layout: Layout, zones: list[Span], markers: list[_Marker], keys: list[str]
) -> list[_Marker]:
    """A sentence after the named answers that answers "all other questions" is the answer of
    every point no marker names (it also ends the named answer before it)."""
    named = {key for marker in markers for key in marker.keys}
    rest = tuple(key for key in keys if key not in named and top_key(key) not in named)
    if not rest:
        return markers
    first = markers[0].start
    for zone in zones:
        for sentence in layout.sentences_in(max(zone.start, first), zone.end):
            if sentence.start > first and _THE_REST.match(sentence.text):
                extra = _Marker(sentence.start, rest, lead=True)
                return sorted([*markers, extra], key=lambda m: m.start)
    return markers


def _share_after_requote(
    text: str,
    points: list[RequestPoint],
    markers: list[_Marker],
    spans: list[Span],
    answers: Answers,
) -> None:
    """Items of the request quoted again in a row ("a. 1 January and 4 February" / "b. 6
    February to date") and then one answer: the answer is every quoted item's, not the last's.

    An item is quoted again when its line repeats the point's own words and nothing follows it
    before the next item.
    """
    words = {p.key: _normal(p.span.text) for p in points if p.span}
    run: list[_Marker] = []
    for marker, span in zip(markers, spans, strict=True):
        first, _, rest = span.text.partition("\n")
        quoted = len(marker.keys) == 1 and _repeats_point(first, words.get(marker.keys[0], ""))
        if quoted and not rest.strip():
            run.append(marker)
            continue
        if quoted and run:
            for earlier in run:
                for key in earlier.keys:
                    answers.by_key.setdefault(key, []).append(span)
        run = []


def _normal(value: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", value.lower()))


def _repeats_point(line: str, point_words: str) -> bool:
    """Whether a labelled line is the point's own text again (its label set aside)."""
    own = _normal(own_words_of(line))
    return len(own) >= 12 and own in point_words


def _attach_lead_in(text: str, zones: list[Span], markers: list[_Marker], answers: Answers) -> None:
    """ "We do not hold this information. We do not have any of the following:" over the
    points restated one by one: the sentence that leads into the list decides every point
    listed under it, not only the one it happens to stand nearest."""
    restated = [m for m in markers if m.restated]
    if len(restated) < 2:
        return
    first = restated[0]
    zone = next(z for z in zones if z.start <= first.start < z.end)
    before = [b for b in paragraphs(text, zone.start, first.start) if b.text.strip()]
    if not before or not before[-1].text.rstrip().endswith(":"):
        return
    lead_in = before[-1]
    if not _REFUSING_LEAD.search(re.split(r"(?<=[.?!])\s+", lead_in.text.strip())[-1]):
        return  # "Our answers are as follows:": each point's own answer decides it
    if any(m.start < first.start and not m.restated and m.start >= lead_in.start for m in markers):
        return
    for marker in restated:
        for key in marker.keys:
            answers.by_key[key] = [lead_in, *answers.by_key.get(key, [])]


#: A lead-in that refuses what it lists: "We do not have any of the following:".
_REFUSING_LEAD = re.compile(
    r"\b(?:not|no|none|unable|cannot|can't|neither|nor)\b|n't\b", re.IGNORECASE
)


#: A footnote under a table: "* Numbers between 1 and 5 have been redacted ...".
_FOOTNOTE = re.compile(r"^\s*\*+\s*[A-Za-z]")


def _attach_footnotes(text: str, layout: Layout, zones: list[Span], answers: Answers) -> None:
    """A footnote belongs to every answer that carries its mark ("<5*"), not to the answer
    that happens to come last before it."""
    for zone in zones:
        for line in layout.lines_in(zone.start, zone.end):
            if not _FOOTNOTE.match(line.text):
                continue
            note = _footnote_span(text, layout, line, zone)
            for key, spans in answers.by_key.items():
                trimmed = [
                    Span.of(text, s.start, note.start) if s.start < note.start < s.end else s
                    for s in spans
                ]
                marked = any("*" in s.text for s in trimmed)
                answers.by_key[key] = trimmed + ([note] if marked else [])
            return


def _footnote_span(text: str, layout: Layout, first: Span, zone: Span) -> Span:
    """The footnote's lines: to the end of its sentence group (a line after a full stop that
    starts a new note ends it)."""
    end = first.end
    previous = first.text
    for line in layout.lines_in(first.end, zone.end):
        if previous.rstrip().endswith(".") and line.text[:1].isupper():
            break
        end, previous = line.end, line.text
    return Span.of(text, first.start, end)


def answers_for_paired(text: str, layout: Layout, points: list[RequestPoint]) -> Answers:
    """Request:/Response: pages: each point already has its answer."""
    answers = Answers(signposted=True)
    for point in points:
        if point.answer is not None:
            answers.by_key.setdefault(point.key, []).append(point.answer)
    answers.new_points = _split_parts(text, layout, points, answers)
    _follow_back_references(answers, points)
    return answers


#: An answer that only points back to another: "See above", "As above", "Please refer to our
#: response to question 1 above".
_BACK_REFERENCE = re.compile(
    r"^\W*(?:please\s+)?(?:see|refer\s+to|as\s+per|as)\s+(?:our\s+|the\s+)?"
    r"(?:(?:response|answer|reply)\s+(?:to|for|at)\s+)?"
    r"(?:(?:question|q)\s*\.?\s*(?P<n>\d{1,2})\s*)?(?:above|previous(?:ly)?|earlier)?\W*$",
    re.IGNORECASE,
)


#: A sentence that sends the reader to another answer: "See response to Question 1 above".
_POINTS_BACK = re.compile(
    r"^\W*(?:please\s+)?(?:see|refer\s+to|as\s+per)\s+(?:our\s+|the\s+|my\s+)?"
    r"(?:(?:response|answer|reply)\s+(?:to|for|at)\s+)?(?:question|q|point|part)\s*\.?\s*\d",
    re.IGNORECASE,
)


def _follow_back_references(answers: Answers, points: list[RequestPoint]) -> None:
    """A point answered only "See above" has the answer it points to: the question it names,
    else the point before it (itself perhaps answered "See above" in turn)."""
    previous: list[Span] | None = None
    for point in points:
        own = answers.by_key.get(point.key)
        said = own[0].text.strip().split("\n\n", 1)[0] if own and len(own) == 1 else ""
        match = _BACK_REFERENCE.match(said) if said else None
        pointing = re.search(r"above|previous|earlier", said, re.IGNORECASE)
        if match is not None and (match.group("n") or pointing):
            named = match.group("n")
            target = _answers_of(answers, named) if named else previous
            if target:
                answers.by_key[point.key] = list(target)
                own = target
        previous = own or previous


def _answers_of(answers: Answers, key: str) -> list[Span] | None:
    """The answer spans of point ``key``, or of its parts ("1" when the points are "1a", ...)."""
    if key in answers.by_key:
        return answers.by_key[key]
    parts = [span for k, spans in answers.by_key.items() if top_key(k) == key for span in spans]
    return parts or None


# --------------------------------------------------------------------------- markers


def _section_markers(
    layout: Layout, points: list[RequestPoint], zones: list[Span]
) -> list[_Marker]:
    """Answers to a request in sections, each numbered from 1 ("Potholes" / "1." "2.",
    "Street lighting" / "1." "2."). Where the response repeats the headings, a number answers
    that point of the section whose heading it stands under (a heading with no numbers under
    it answers the whole section); where it does not, the numbers start again at 1 once for
    each section, and the runs answer the sections in order."""
    sections: list[dict[str, str]] = []  # each section's own numbers -> the points' keys
    titles: list[str] = []
    for point in points:
        if not point.section and (titles or point is not points[0]) and titles != [""]:
            return []  # only the first list may stand under no heading ("1." "2.", "Costs")
        if not titles or titles[-1] != point.section:
            titles.append(point.section)
            sections.append({})
        prefix = section_prefix(point.section) if point.section else ""
        sections[-1][label_key(point.label[len(prefix) :])] = point.key
    if len(sections) < 2:
        return []
    named_by = [_normal(title) for title in titles]
    found: list[_Marker] = []
    current: int | None = None  # the section whose heading the response last repeated
    headed = False
    reached = -1  # without headings: the run of numbers reached, one run for each section
    last = 0  # the last number read in the current section or run
    heading_at: int | None = None  # a heading repeated, no number read under it yet
    inner = 0  # the last number of a list inside an answer ("The figures are:" / "1. ...")
    for zone in zones:
        for line in layout.lines_in(zone.start, zone.end):
            named = _section_named(line.text, named_by)
            if named is not None:
                if heading_at is not None and current is not None:
                    found.append(_Marker(heading_at, tuple(sections[current].values()), lead=True))
                current, headed, last, heading_at = named, True, 0, line.start
                continue
            keys = marker_keys(line.text)
            number = re.match(r"\d{1,2}", keys[0]) if keys else None
            if number is None:
                continue
            first = int(number.group(0))
            opens = last >= 1 and _after_colon(layout, line)  # under an answer ending in ":"
            if first == (inner + 1 if inner else 1) and (inner or opens):
                inner = first
                continue  # "The figures by ward are:" / "1. North ..." "2. South ...": its list
            inner = 0
            if not headed:
                if first == 1 and (reached < 0 or last >= 1):
                    reached, last = reached + 1, 0
                current = reached if reached < len(sections) else None
            if current is None or first <= last:
                continue  # a list inside an answer, numbered afresh
            mapped = tuple(sections[current][k] for k in keys if k in sections[current])
            if not mapped:
                continue
            found.append(_Marker(line.start, mapped, labelled=True))
            last = max(int(m.group(0)) for k in keys if (m := re.match(r"\d{1,2}", k)))
            heading_at = None
    if heading_at is not None and current is not None:
        found.append(_Marker(heading_at, tuple(sections[current].values()), lead=True))
    if not headed and reached != len(sections) - 1:
        return []  # as many runs of numbers as sections, or they are not the sections' answers
    answered = {key for marker in found for key in marker.keys}
    if sum(any(key in answered for key in own.values()) for own in sections) < 2:
        return []
    return sorted(found, key=lambda marker: marker.start)


#: A point numbered within its numbered section: "2.1".
_NESTED_LABEL = re.compile(r"\d{1,2}\.\d{1,2}")


def _nested_markers(layout: Layout, points: list[RequestPoint], zones: list[Span]) -> list[_Marker]:
    """Answers to a request in numbered sections with their questions nested under them
    ("1. Planting" over "1." "2." indented), given in the same layout: a number indented
    under the section's own number answers that question of the section ("2.1")."""
    if len(points) < 2 or not all(_NESTED_LABEL.fullmatch(p.label) for p in points):
        return []
    keys = {p.key for p in points}
    text = layout.text
    found: list[_Marker] = []
    outer: int | None = None  # the indent of the sections' own numbers
    section: str | None = None
    for zone in zones:
        for line in layout.lines_in(zone.start, zone.end):
            label = read_item(line.text)
            if label is None or label.kind != "num" or label.sub:
                continue
            indent = indent_at(text, line.start)
            if outer is None or indent <= outer:
                outer, section = indent, label.value
                continue
            key = label_key(f"{section}.{label.value}")
            if key in keys:
                found.append(_Marker(line.start, (key,), labelled=True))
    return found if len({m.keys for m in found}) >= 2 else []


def _section_named(line: str, titles: list[str]) -> int | None:
    """Which section's heading ``line`` repeats, if any (with or without its own "Part 2 –")."""
    if len(line) > _LONGEST_SECTION_TITLE or line.rstrip().endswith((".", "?", "!", ",", ";")):
        return None
    words = _normal(line)
    for index, title in enumerate(titles):
        if words and (words == title or _TITLE_LABEL.sub("", words) == _TITLE_LABEL.sub("", title)):
            return index
    return None


#: A section heading's own label before its title: "section a ", "part 2 ".
_TITLE_LABEL = re.compile(
    r"^(?:section|part|chapter|theme|topic|area)\s+(?:\d{1,2}|[a-z]|[ivx]{1,4})\s+"
)
_LONGEST_SECTION_TITLE = 80


def _markers(layout: Layout, points: list[RequestPoint], zones: list[Span]) -> list[_Marker]:
    keys = [p.key for p in points]
    tops = _top_order(points)
    topics = _Topics(points)
    found: dict[int, _Marker] = {}
    for zone in zones:
        for line in layout.lines_in(zone.start, zone.end):
            marker = _line_marker(line, keys, _after_colon(layout, line))
            if marker is not None and _STATUTE_LINE.match(line.text):
                marker = None  # "(2) For the purposes of subsection (1) ...": the Act quoted
            restated = topics.restated(line)
            if (
                restated is not None
                and marker is not None
                and set(restated.keys) - set(marker.keys)
                and topics.repeats_own(line, marker.keys)
            ):
                restated = None  # "Q3) How many deaths ...": its own question, a word mistyped
            if restated is not None and (marker is None or set(restated.keys) - set(marker.keys)):
                # "1. Short paper on X" under a list that numbers every item "1.": the title
                # repeated names its point more surely than a number the page may have lost.
                marker = restated
            if marker is not None:
                found.setdefault(line.start, marker)
        clarifying = _clarifications(layout, zone)
        for sentence in layout.sentences_in(zone.start, zone.end):
            if any(c.start <= sentence.start < c.end for c in clarifying):
                continue  # "Clarification received re question 7: the period is ...": no answer
            if announces_answers(sentence.text):
                continue  # "my response to your questions 1-3 is as follows:" answers none
            if _POINTS_BACK.match(sentence.text):
                continue  # "See response to Question 1 above": it borrows that answer, it is
                # not that question's own (the point it stands under follows it back)
            marker = _phrase_marker(sentence, keys, tops)
            if marker is not None and _opens_paragraph(layout, sentence):
                # "In response to point 1 of your request:" heading its paragraph: what follows
                # is that point's own answer, as under a label.
                marker = replace(marker, lead=True)
            marker = marker or topics.named(sentence) or _named_in_sentence(sentence, keys, tops)
            if marker is not None:
                found.setdefault(sentence.start, marker)
    for marker in _bare_numbers(layout, keys, zones):
        found.setdefault(marker.start, marker)
    if not any(m.labelled for m in found.values()):
        for marker in _inline_numbers(keys, zones):
            found.setdefault(marker.start, marker)
    ordered = _own_parts(layout.text, [found[start] for start in sorted(found)])
    return _in_reading_order(ordered, keys)


#: "the first part of your request", "the second part of the question": a part named by its
#: ordinal.
_ORDINAL_PART = re.compile(
    r"\b(?P<ord>first|second|third|fourth|fifth|final|last)\s+(?:part|limb|element)\b",
    re.IGNORECASE,
)


def _own_parts(text: str, markers: list[_Marker]) -> list[_Marker]:
    """Markers, less the parts of a labelled answer's own question: under "1. Regarding the
    first part of your request, ... £23.1 million." the paragraph "In terms of the second part
    of your request ..." goes on answering question 1 (its second part), not point 2."""
    kept: list[_Marker] = []
    parted = False  # the last labelled answer opened by naming its question's first part
    for marker in markers:
        if marker.labelled:
            line_end = text.find("\n", marker.start)
            line = text[marker.start : line_end if line_end >= 0 else len(text)]
            first = _ORDINAL_PART.search(line)
            parted = first is not None and first.group("ord").lower() == "first"
        elif parted and _ORDINAL_PART.search(text[marker.start : marker.start + 120]):
            continue
        kept.append(marker)
    return kept


#: A subsection of an Act quoted in the letter ("(1) Information which is reasonably accessible
#: ... is exempt information.", "(2) For the purposes of subsection (1) ..."): its bracketed
#: number is the Act's, not an answer's label.
_STATUTE_LINE = re.compile(
    r"^\s*\(\d{1,2}[A-Z]?\)\s+.*(?:\bsubsection\b|\bis\s+exempt\s+information\b|"
    r"\bfor\s+the\s+purposes\s+of\s+(?:this|that|subsection|section)\b|\bthis\s+Act\b)",
    re.IGNORECASE,
)


def _opens_paragraph(layout: Layout, sentence: Span) -> bool:
    """Whether ``sentence`` starts its paragraph (a blank line, or nothing, before it)."""
    line = layout.line_at(sentence.start)
    if line is None or layout.text[line.start : sentence.start].strip():
        return False
    before = layout.text[max(0, line.start - 200) : line.start]
    return line.start == 0 or _BLANK_LINE_END.search(before) is not None


_BLANK_LINE_END = re.compile(r"\n[ \t]*\n[ \t]*$")


#: A line reporting how the requester narrowed a point: "Clarification received 03/07/2015 re
#: question 7:", "You clarified question 2 as follows:".
_CLARIFICATION = re.compile(
    r"^\W*(?:clarification\s+(?:received|provided|given|sought)|you\s+(?:later\s+)?clarified)\b",
    re.IGNORECASE,
)


def _clarifications(layout: Layout, zone: Span) -> list[Span]:
    """Lines that restate a clarification of the request (and, after a heading line ending in a
    colon, the line it introduces). They name the question they narrow, but answer nothing."""
    lines = layout.lines_in(zone.start, zone.end)
    found: list[Span] = []
    for index, line in enumerate(lines):
        if not _CLARIFICATION.match(line.text):
            continue
        found.append(line)
        if line.text.rstrip().endswith(":") and index + 1 < len(lines):
            found.append(lines[index + 1])
    return found


def _bare_numbers(layout: Layout, keys: list[str], zones: list[Span]) -> list[_Marker]:
    """Answers numbered without a stop ("1 Welsh Government decisions are ...", "2 We did
    not ..."). A number opening a line is as often a figure ("2 officers attended"), so these
    count only when they run 1, 2, 3 ... through the answers, one for each point in turn."""
    found = []
    for zone in zones:
        for line in layout.lines_in(zone.start, zone.end):
            match = _BARE_NUMBER.match(line.text)
            if match and match.group(1) in keys:
                found.append(_Marker(line.start, (match.group(1),), labelled=True))
    numbers = [m.keys[0] for m in found]
    if len(found) < 2 or numbers != [str(n) for n in range(1, len(found) + 1)]:
        return []
    return found


def _inline_numbers(keys: list[str], zones: list[Span]) -> list[_Marker]:
    """Answers numbered in running text, one paragraph for all ("Response: ... 1. Airline
    Safety Ltd 2. 212 3. £14,930 4. We do not hold ..."), as a disclosure log flattened onto
    one line gives them. They count only when the numbers run 1, 2, 3 ... once each, one
    for every point, inside a single line."""
    if len(keys) < 2 or keys != [str(n) for n in range(1, len(keys) + 1)]:
        return []
    for zone in zones:
        for line in re.finditer(r"[^\n]+", zone.text):
            found = []
            for match in _INLINE_NUMBER.finditer(line.group(0)):
                if match.group(1) == str(len(found) + 1):
                    start = zone.start + line.start() + match.start(1)
                    found.append(_Marker(start, (match.group(1),)))
            if len(found) == len(keys):
                return found
    return []


#: "1. " inside a line, after a space or a colon: a number an inline answer opens with.
_INLINE_NUMBER = re.compile(r"(?:(?<=\s)|(?<=:))(\d{1,2})\.\s+(?=\S)")


#: A line opening with a bare number and then a capitalised word: "1 Welsh Government ...".
_BARE_NUMBER = re.compile(r"^\s*(\d{1,2})\s+(?=[A-Z][a-z])")


def _after_colon(layout: Layout, line: Span) -> bool:
    """Whether the line before ``line`` introduces a list ("We made these changes:")."""
    index = layout.line_index(line.start)
    return bool(index) and layout.lines[index - 1].text.rstrip().endswith(":")


def marker_keys(line: str) -> list[str]:
    """The point keys a line opens with: "Q2 & Q3 – ..." -> ["2", "3"]; [] for none."""
    match = _LINE_MARKER.match(line) or _WORD_LABEL.match(line)
    if not match:
        return []
    wanted = _expand(match.group("labels"))
    if len(wanted) == 1 and not re.search(r"\d|\(|\)|[.:]", line[: match.end()]):
        return []
    return wanted


def _line_marker(line: Span, keys: list[str], after_colon: bool = False) -> _Marker | None:
    match = _LINE_MARKER.match(line.text) or _WORD_LABEL.match(line.text)
    alone = _LABELS_LINE.match(line.text) if line.text[:4].strip()[:1].isdigit() else None
    if alone is not None and (match is None or len(alone.group("labels")) > match.end("labels")):
        match = alone  # "3 4 & 5" on a line of its own
    if not match:
        return None
    wanted = _expand(match.group("labels"))
    if not wanted or (
        len(wanted) == 1 and not re.search(r"\d|\(|\)|[.:]", line.text[: match.end()])
    ):
        return None
    mapped = _map_keys(wanted, keys)
    asks = bool(ASK.search(line.text[match.end() :]))
    return _Marker(line.start, mapped, asks, after_colon, labelled=True) if mapped else None


def _expand(labels: str) -> list[str]:
    """ "Q2 & Q3" -> ["2", "3"]; "Questions 4-6" -> ["4", "5", "6"]."""
    tokens = re.findall(rf"&|\band\b|,|\+|/|-|–|\bto\b|{_TOKEN}", labels, re.IGNORECASE)
    keys: list[str] = []
    ranging = False
    for token in tokens:
        if token.lower() in ("-", "–", "to"):
            ranging = True
            continue
        if token.lower() in ("&", "and", ",", "+", "/"):
            ranging = False
            continue
        key = label_key(token)
        if not key:
            continue
        part = re.fullmatch(r"(\d+)([a-z])", keys[-1]) if keys else None
        if part and re.fullmatch(r"[a-z]", key):
            # "1.a)-d)", "2.a) & b)": the parts that follow carry their question's number.
            if ranging and key > part.group(2):
                letters = range(ord(part.group(2)) + 1, ord(key) + 1)
                keys.extend(part.group(1) + chr(n) for n in letters)
            else:
                keys.append(part.group(1) + key)
        elif ranging and keys and keys[-1].isdigit() and key.isdigit():
            keys.extend(str(n) for n in range(int(keys[-1]) + 1, int(key) + 1))
        else:
            keys.append(key)
        ranging = False
    return keys


def _map_keys(wanted: list[str], keys: list[str]) -> tuple[str, ...]:
    """Marker keys -> point keys: "3" covers "3a" and "3b"; "3a" names a part of point "3"."""
    mapped: list[str] = []
    for key in wanted:
        if key in keys:
            mapped.append(key)
            continue
        parts = [k for k in keys if top_key(k) == key and k != key and key.isdigit()]
        if parts:
            mapped.extend(parts)
        elif top_key(key) in keys and top_key(key) != key:
            mapped.append(key)  # a part the response answers separately
    return tuple(dict.fromkeys(mapped))


def _top_order(points: list[RequestPoint]) -> list[list[str]]:
    """Top-level points in order, each with its keys ("3" -> ["3a", "3b"])."""
    tops: dict[str, list[str]] = {}
    for point in points:
        tops.setdefault(top_key(point.key), []).append(point.key)
    return list(tops.values())


#: A point's number in quotation marks ("With regards to requests ‘2’ and ‘3’, ..."): the
#: marks go, the number stays (the same length, so offsets hold).
_QUOTED_NUMBER = re.compile(r"[‘'\"“](\d{1,2}[a-z]?)[’'\"”]")


def _unquoted(text: str) -> str:
    """``text`` with its quoted point numbers unquoted."""
    if not any(mark in text for mark in "‘'\"“"):
        return text
    return _QUOTED_NUMBER.sub(r" \1 ", text)


def _phrase_marker(sentence: Span, keys: list[str], tops: list[list[str]]) -> _Marker | None:
    text = _unquoted(sentence.text)
    match = _ORDINAL_LIST_MARKER.match(text) if " and " in text or "&" in text else None
    if match:
        listed = _ordinal_keys(match.group("ords"), tops)
        return _Marker(sentence.start, tuple(dict.fromkeys(listed))) if listed else None
    match = _ORDINAL_MARKER.match(text)
    if match:
        number = ORDINALS[match.group("ord").lower()]
        if number == -1:
            return _Marker(sentence.start, tuple(tops[-1])) if tops else None
        if 1 <= number <= len(tops):
            return _Marker(sentence.start, tuple(tops[number - 1]))
        return None
    match = _CARDINAL_MARKER.match(text)
    if match:
        number = _CARDINALS[match.group("card").lower()]
        return _Marker(sentence.start, tuple(tops[number - 1])) if number <= len(tops) else None
    match = _NUMBER_MARKER.match(text)
    if match:
        wanted = _expand(match.group("n") + match.group("more"))
        mapped = _map_keys(wanted or [label_key(match.group("n"))], keys)
        return _Marker(sentence.start, mapped) if mapped else None
    return None


#: The words that name a point inside a sentence. The short forms ("Q", "A", "As") must be
#: followed by a number: "as a result" or "at" names no point a or t.
_NAMED_WORD = (
    r"(?:(?:Q|Qu|A|Ans)s?(?=\s*\.?\s*\(?\d)|"
    r"(?:Question|Request|Point|Part|Item|Answer|Response|Reply)s?)"
)
#: Points named inside a sentence: "... relevant to questions 2 and 3", "the second part of
#: your request".
_NAMED_POINTS = re.compile(
    rf"\b(?:{_NAMED_WORD}|parts?)\s*\.?\s*{_NOT_A_DATE}(?P<labels>\(?(?:\d{{1,2}}[a-z]?|[a-z])\)?"
    rf"(?:{_JOIN}\(?(?:\d{{1,2}}[a-z]?|[a-z])\)?)*)(?![\w/])",
    re.IGNORECASE,
)
_NAMED_ORDINAL = re.compile(
    r"\b(?:the\s+|your\s+)?(?P<ord>" + "|".join(ORDINALS) + r")\s+(?:point|question|part|"
    r"request|item|element|limb|bullet(?:\s+point)?|query)\b",
    re.IGNORECASE,
)
#: Points named together by their places: "your first and third request", "the second, fourth
#: and fifth questions", "the first and last parts of your request" (not "the first and second
#: parts of question 3", parts of one point).
_ORDINAL_LIST = (
    r"(?:the\s+|your\s+)?(?P<ords>(?:{o})(?:\s*,\s*(?:the\s+)?(?:{o}))*\s*,?\s*(?:and|&)\s+(?:the\s+)?"
    r"(?:{o}))\s+(?:points?|questions?|requests?|items?|quer(?:y|ies)|bullet(?:\s+point)?s?|"
    r"parts?(?=\s+of\s+(?:your|the|this)\s+request))\b"
).format(o="|".join(ORDINALS))
_ORDINAL_LIST_MARKER = re.compile(_LEAD + _ORDINAL_LIST, re.IGNORECASE)
_NAMED_ORDINAL_LIST = re.compile(r"\b" + _ORDINAL_LIST, re.IGNORECASE)
_ORDINAL_WORD = re.compile(r"\b(?:" + "|".join(ORDINALS) + r")\b", re.IGNORECASE)


def _ordinal_keys(words: str, tops: list[list[str]]) -> list[str]:
    """The keys of the points ``words`` name by their places ("first and third")."""
    keys: list[str] = []
    for word in _ORDINAL_WORD.findall(words):
        number = ORDINALS[word.lower()]
        if number == -1 and tops:
            keys += tops[-1]
        elif 1 <= number <= len(tops):
            keys += tops[number - 1]
    return keys


#: The words a point named by its place needs, both an ordinal and a noun ("the second part").
_ORDINAL_WORDS = tuple(ORDINALS)
_ORDINAL_NOUNS = ("point", "question", "part", "request", "item", "element", "limb", "bullet")
_ORDINAL_NOUNS += ("query",)


def _named_ordinals(text: str) -> Iterator[re.Match[str]]:
    """The points ``text`` names by their place. Most sentences lack an ordinal or a noun it
    needs: two quick word tests spare the pattern's search (unless the text holds a letter
    that folds oddly, where the words cannot be trusted)."""
    return _NAMED_ORDINAL.finditer(text) if _may_name_by_place(text) else iter(())


def _may_name_by_place(text: str) -> bool:
    lowered = text.lower()
    return not foldable(lowered) or (
        holds_any(lowered, _ORDINAL_WORDS) and holds_any(lowered, _ORDINAL_NOUNS)
    )


def _named_in_sentence(sentence: Span, keys: list[str], tops: list[list[str]]) -> _Marker | None:
    """A sentence that names the points it is about ("We neither confirm nor deny that we hold
    information relevant to questions 2 and 3"): the answer to those points, and no others."""
    if len(keys) < 2:
        return None
    named: list[str] = []
    text = _unquoted(sentence.text)
    wanted = [k for match in _NAMED_POINTS.finditer(text) for k in _expand(match.group("labels"))]
    # "Q6, Q6a, Q6b and Q6c": question 6's own stem and three of its parts, not parts d and e.
    stems = {top_key(k) for k in wanted if top_key(k) != k}
    named += _map_keys([k for k in wanted if k not in stems or k in keys], keys)
    for match in _named_ordinals(sentence.text):
        named += _ordinal_keys(match.group("ord"), tops)
    if (" and " in text or "&" in text) and _may_name_by_place(text):
        # "your first and third request", "the second and fourth questions"
        for match in _NAMED_ORDINAL_LIST.finditer(text):
            named += _ordinal_keys(match.group("ords"), tops)
    named = list(dict.fromkeys(named))
    return _Marker(sentence.start, tuple(named), named=True) if named else None


_STOPWORDS = frozenset(
    """a about above after again all also am an and any are as at be been being below between both
    but by can could did do does doing during each few for from further had has have having he her
    here him his how i if in into is it its me more most my no nor not of off on once only or other
    our out over own please provide same she should so some such than that the their them then there
    these they this those through to too under until up very was we were what when where which while
    who whom why will with would you your yours information request requested copy copies details
    number dear kindly like know held hold""".split()
)
_TOPIC_OPENER = re.compile(
    r"^\W*(?:(?:with\s+(?:regards?|respect)\s+to|in\s+(?:relation|response|reply|regard|respect|"
    r"answer)\s+to|regarding|as\s+(?:for|to|regards)|turning\s+to|concerning|on)\s+)"
    r"(?:your\s+(?:request|question|query|enquiry)\s+(?:for|about|regarding|on|concerning)\s+)?"
    r"(?P<topic>[^,.;:]{3,120})",
    re.IGNORECASE,
)


def content_words(value: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9][a-z0-9'’-]+", value.lower()) if w not in _STOPWORDS}


class _Topics:
    """Find answers that name their point by subject rather than number.

    "With regard to your request for the sent emails, ..." names the point about
    sent emails; a line repeating a question word for word before its answer
    names that question. Only used when the request has two or more points.
    """

    def __init__(self, points: list[RequestPoint]) -> None:
        self.points = [(p.key, content_words(p.span.text)) for p in points]
        # The last point's span often runs on into what the request says after its list
        # (a time frame, a definition): its own words are those of its first paragraph.
        self.points += [
            (p.key, content_words(first))
            for p in points
            if (first := _first_paragraph(p.span.text))
        ]
        #: Each top-level point with its parts, and the words of all of them together.
        tops: dict[str, tuple[list[str], set[str]]] = {}
        for point in points:
            keys, words = tops.setdefault(top_key(point.key), ([], set()))
            keys.append(point.key)
            words |= content_words(f"{point.context} {point.span.text}")
        self.tops = list(tops.values())
        self.active = len(points) >= 2

    def named(self, sentence: Span) -> _Marker | None:
        """ "With regard to the sent emails, ...": the point(s) the opening phrase names.

        A phrase naming two subjects ("the numbers of individuals ... and details of
        breaches") answers every point it names.
        """
        if not self.active:
            return None
        match = _TOPIC_OPENER.match(sentence.text)
        if not match:
            return None
        topic = match.group("topic")
        words = content_words(topic)
        scores = sorted(
            ((len(words & own), index) for index, (_, own) in enumerate(self.tops) if own),
            reverse=True,
        )
        if not scores or scores[0][0] < 2:
            return None
        if re.search(r"\band\b", topic):
            named = [i for score, i in scores if score >= 2 and score * 2 >= scores[0][0]]
            if len(named) > 1:
                keys = [k for i in sorted(named) for k in self.tops[i][0]]
                return _Marker(sentence.start, tuple(keys))
        if len(scores) > 1 and scores[1][0] == scores[0][0]:
            return None
        return _Marker(sentence.start, tuple(self.tops[scores[0][1]][0]))

    def restated(self, line: Span) -> _Marker | None:
        if not self.active:
            return None
        words = content_words(line.text)
        # "How many employees work in your Trust? – 8453": the question, its answer after it
        asks = line.text.rstrip().endswith("?") or _ANSWER_AFTER_ASK.search(line.text) is not None
        best: tuple[float, str] | None = None
        for key, own in self.points:
            shared = len(words & own)
            enough = len(own) >= 3 or (len(own) == 2 and asks)
            # An answer echoing its question ("12,345 fines were issued in 2023") adds
            # words of its own; the question repeated adds (almost) none.
            repeated = asks or shared >= 0.9 * len(words)
            if enough and repeated and shared >= 0.75 * len(own) and len(words) <= 1.3 * len(own):
                # Two asks alike ("Of these logs, how many are linked to ..." and "Of the logs
                # submitted by X, how many relate to ..."): the line repeats the closer one.
                score = shared / len(words | own)
                if best is None or score > best[0]:
                    best = (score, key)
        if best is not None:
            return _Marker(line.start, (best[1],), restated=True)
        return self._shortened(line, words)

    def repeats_own(self, line: Span, keys: tuple[str, ...]) -> bool:
        """Whether the labelled ``line`` repeats most words of a point its own label names: a
        closer match elsewhere (a neighbour asked alike, the request's own typing slip) does
        not outweigh a label that fits."""
        words = content_words(line.text)
        return any(
            key in keys and len(own) >= 3 and len(words & own) >= _OWN_SHARE * len(own)
            for key, own in self.points
        )

    def _shortened(self, line: Span, words: set[str]) -> _Marker | None:
        """A bullet over its answer naming its ask in fewer words ("- the number of licence
        holders in each age band" for "... in each age band of ten years"): every word is the
        ask's own, and no other ask has as many of them."""
        if len(words) < _FEWEST_SHORTENED or not LIST_ITEM.match(line.text):
            return None
        scores = sorted(
            ((len(words & own), key) for key, own in self.points if words <= own), reverse=True
        )
        others = [key for score, key in scores[1:] if score == scores[0][0]] if scores else []
        if not scores or any(key != scores[0][1] for key in others):
            return None
        return _Marker(line.start, (scores[0][1],), restated=True)


#: How much of its own point's words a labelled line repeating a question must share for its
#: label to stand.
_OWN_SHARE = 0.6

#: The fewest content words a shortened ask must keep to name its point.
_FEWEST_SHORTENED = 4


#: A question mark followed on its line by a short answer set off by a dash or colon.
_ANSWER_AFTER_ASK = re.compile(r"\?\s*[–—:-]\s*\S.{0,40}$")


def _first_paragraph(value: str) -> str:
    """The first paragraph of ``value`` when it has more than one, else ""."""
    parts = re.split(r"\n\s*\n", value.strip(), maxsplit=1)
    return parts[0] if len(parts) > 1 else ""


#: Lines that answer nothing but do not close the letter: the greeting, thanks, an offer to
#: write, advice under section 16, what is said of "your request" as a whole.
_NOT_AN_ANSWER = re.compile(
    r"^\W*(?:dear\b|thank|please\s+write|under\s+section\s+16\b)|\byour\s+(?:\w+\s+)?requests?\b",
    re.IGNORECASE,
)
#: The closing of a letter (signing off, contact details, rights): once it starts, no answer
#: follows.
_CLOSING = re.compile(
    r"^\W*(?:yours\b|kind\s+regards|regards\b|should\s+you\s+have|if\s+you\s+have\s+any|"
    r"if\s+you\s+are\s+(?:dis|un)satisfied|"
    r"please\s+(?:feel\s+free\s+to\s+)?(?:contact|do\s+not\s+hesitate))",
    re.IGNORECASE,
)
#: The answer part's own title on a line of its own: "Response", "Our response:", "Answers".
_PART_HEADING = re.compile(
    r"^\W*(?:(?:our|the|my|council'?s?|trust'?s?)\s+)?(?:response|reply|answer|decision|outcome)s?"
    r"(?:\s+to\s+(?:your|the)\s+(?:request|questions?))?\W*$",
    re.IGNORECASE,
)
#: The information asked for as a whole: "the information you have requested".
_ALL_ASKED = re.compile(
    r"\b(?:the\s+)?information\s+(?:that\s+)?you\s+(?:have\s+)?(?:requested|asked\s+for|sought)\b",
    re.IGNORECASE,
)
#: The fewest of its point's words a block must use to open that point's answer, when blocks
#: outnumber points: one word in common is often chance.
_OPENS = 2
#: The most words an answer may have and stand for its point without using any of its
#: point's words: "Nil", "As above", a table of figures under "Figures for 2015-2020".
_TERSE = 12
_WORDS = re.compile(r"[A-Za-z]{2,}")
#: The most blocks the alignment weighs (a longer answer part is not one block per point).
_MOST_BLOCKS = 40


def _blocks_in_turn(
    text: str, layout: Layout, points: list[RequestPoint], zones: list[Span]
) -> list[_Marker]:
    """Answers given in the order of the asks, unlabelled: the answer part read as blocks.

    The answer part's own structure says where answers start: one block per point, in
    order, is each point's answer, whatever its words ("45", "No"). Where the blocks
    outnumber the points, an answer runs over several blocks, and each answer must open
    with a block about its own point's subject; a block about no point's subject goes on
    with the answer before it. Alignments of the second kind are marked ``unsure``.
    """
    if len(points) < 2 or any(not p.span for p in points):
        return []
    units = _answer_units(text, points, zones)
    blocks = _grouped(text, units)
    if len(blocks) < len(points):
        # A short line over prose may be a terse answer ("Nil", "As above") rather than a
        # heading: read so, the blocks may come to one per point.
        alone = _grouped(text, units, titles=False)
        blocks = alone if len(alone) == len(points) else blocks
    if not len(points) <= len(blocks) <= _MOST_BLOCKS:
        return []
    scores = _block_scores(blocks, points)
    if scores[0][0] == 0 and _ALL_ASKED.search(blocks[0].text):
        return []  # "... does not hold the information you have requested": all of it, first
    if len(blocks) == len(points):
        starts = list(range(len(blocks))) if _one_each(blocks, scores) else None
    else:
        starts = _openings(scores)
    if starts is None:
        return []
    unsure = len(blocks) != len(points)
    markers = [
        _Marker(blocks[start].start, (point.key,), unsure=unsure)
        for start, point in zip(starts, points, strict=True)
    ]
    markers[-1] = replace(markers[-1], until=blocks[-1].end)
    return markers


def _answer_units(text: str, points: list[RequestPoint], zones: list[Span]) -> list[Span]:
    """The answer part's lines (wrapped lines joined) after the request, less greetings,
    thanks, what speaks of the whole request, and the closing; none where the letter first
    decides all the information asked for at once (the lines after it explain, they are not
    each point's whole answer)."""
    after = max(p.span.end for p in points if p.span)
    units = [
        u for z in zones for b in paragraphs(text, z.start, z.end) for u in line_units(text, b)
    ]
    if any(u.start >= after for u in units):
        units = [u for u in units if u.start >= after]
    kept: list[Span] = []
    for unit in units:
        opening = first_sentence(unit.text)
        if is_rights_sentence(unit.text) or _CLOSING.match(opening):
            break
        if _NOT_AN_ANSWER.search(opening) or announces_answers(unit.text):
            if not kept and _ALL_ASKED.search(unit.text):
                return []  # "... your request. We do not hold the information you requested."
            continue
        if _PART_HEADING.match(unit.text):
            continue  # "Response", "Our answer:": the answer part's own title
        kept.append(unit)
    return kept


def _grouped(text: str, units: list[Span], *, titles: bool = True) -> list[Span]:
    """Units into blocks. Prose opens a block, and so does a heading (a short line over
    prose, unless a line ending in ":" introduces it); the prose under a heading joins it
    (unless ``titles`` is false: then the short line is a block of its own, a terse
    answer); a row, an item or a figure joins the block above it (a table under "as
    follows:"), and so does prose that goes on with a sentence the line above left
    unfinished (a page's hard wrap before a capital: "... our" / "Operations Officers").
    """
    blocks: list[Span] = []
    headed = False  # the last block is a heading still waiting for its prose
    for index, unit in enumerate(units):
        following = units[index + 1] if index + 1 < len(units) else None
        introduced = index > 0 and _ends_lead(units[index - 1])
        row = _is_row(unit.text)
        heading = _is_title(unit.text) and following is not None and not _is_row(following.text)
        unfinished = index > 0 and _unfinished(units[index - 1].text)
        opens = (heading and not introduced) or (not row and not headed and not unfinished)
        if blocks and not opens:
            blocks[-1] = Span.of(text, blocks[-1].start, unit.end)
        else:
            blocks.append(unit)
        headed = titles and heading and not introduced
    return blocks


def _unfinished(line: str) -> bool:
    """Prose that stops on a word, its sentence left open: the next line goes on with it."""
    stripped = line.rstrip()
    return not _is_row(stripped) and stripped[-1:].isalpha() and stripped[-1:].islower()


def _is_row(line: str) -> bool:
    """A table row, a list item, a figure or a short heading: no sentence of its own."""
    stripped = line.strip()
    return bool(LIST_ITEM.match(stripped)) or is_heading(stripped) or len(stripped) < 25


def _is_title(line: str) -> bool:
    """A heading in words ("Grit bins"), not a table's last row ("130", "2023/24 - 1,611")."""
    return is_heading(line) and line.lstrip()[:1].isalpha()


def _ends_lead(unit: Span) -> bool:
    """Whether ``unit`` introduces what follows ("... as follows:")."""
    return unit.text.rstrip().endswith(":")


def _block_scores(blocks: list[Span], points: list[RequestPoint]) -> list[list[int]]:
    """How many of each point's own words (stemmed) each block uses. Words every point
    shares (the request's subject) and words most blocks use (the authority's name, "held")
    tell no point from another, and are set aside. "Most" is both of two blocks, but at least
    three of more: of three blocks, an explanation may repeat the last ask's words before the
    answer to it does ("replies received after the request are out of scope", then "No
    replies had been received"), and those words still name that point."""
    own = [_stems(content_words(p.span.text)) for p in points]
    used = [_stems(content_words(b.text)) for b in blocks]
    common = set.intersection(*own)
    counts: dict[str, int] = {}
    for words in used:
        for word in words:
            counts[word] = counts.get(word, 0) + 1
    common |= {
        word
        for word, count in counts.items()
        if count >= min(3, len(used)) and count * 2 > len(used)
    }
    own = [words - common for words in own]
    return [[len(words & mine) for mine in own] for words in used]


def _stems(words: set[str]) -> set[str]:
    """Crude stems: "purchases" and "purchased", "costs" and "cost" meet."""
    return {(w[:-1] if w.endswith("s") and not w.endswith("ss") else w)[:6] for w in words}


def _one_each(blocks: list[Span], scores: list[list[int]]) -> bool:
    """One block per point: each block is its point's answer. The order is the evidence; the
    wording only vetoes it where two blocks each use more of the other's point's words than
    of their own (the answers are not in the order asked), where a block is about every
    point alike (the whole request), or where a block says nothing of its own point at
    length. A terse answer ("45", "No") may use none of its point's words where there are
    three points or more; of two blocks, each must name its own subject."""
    for index, (block, row) in enumerate(zip(blocks, scores, strict=True)):
        if _about_all(row) or _crossed(scores, index):
            return False
        terse = len(_WORDS.findall(block.text)) <= _TERSE and len(scores) > 2
        if row[index] == 0 and not terse:
            return False
    return True


def _about_all(row: list[int]) -> bool:
    """Whether a block uses every point's words alike (at least half as many of each point's
    as of the point it suits best): it speaks of the whole request, and opens no one answer."""
    return 0 < min(row) * 2 >= max(row)


def _crossed(scores: list[list[int]], index: int) -> bool:
    """Whether block ``index`` and another each suit the other's point better."""
    row = scores[index]
    return any(
        row[other] > row[index] and scores[other][index] > scores[other][other]
        for other in range(len(scores))
        if other != index
    )


def _openings(scores: list[list[int]]) -> list[int] | None:
    """Where each point's answer opens, in order, when blocks outnumber points: each opening
    block is about its own point (more than any other), and the openings chosen use the
    most of their points' words. The first answer opens with the first block whatever its
    words ("The figures are below:")."""
    count = len(scores[0])
    fits = [
        [row[j] >= _OPENS and row[j] == max(row) and not _about_all(row) for j in range(count)]
        for row in scores
    ]
    # best[j][i]: the best total with point j's answer opening at block i
    best: list[list[float]] = [[-1.0] * len(scores) for _ in range(count)]
    back: list[list[int]] = [[-1] * len(scores) for _ in range(count)]
    best[0][0] = scores[0][0]  # the first answer opens the answer part, in any words
    for j in range(1, count):
        for i in range(j, len(scores)):
            if not fits[i][j]:
                continue
            earlier = [(best[j - 1][k], k) for k in range(i) if best[j - 1][k] >= 0]
            if earlier:
                total, k = max(earlier)
                best[j][i], back[j][i] = total + scores[i][j], k
    last = max(range(len(scores)), key=lambda i: best[-1][i])
    if best[-1][last] < 0:
        return None
    starts = [last]
    for j in range(count - 1, 0, -1):
        starts.append(back[j][starts[-1]])
    return starts[::-1]


def _in_reading_order(markers: list[_Marker], keys: list[str]) -> list[_Marker]:
    """The run of markers that follows the request's order.

    Numbering that starts again makes a new run: a response may quote the numbered
    request again before answering it ("1. Please provide ..." then "1. We hold
    ..."); a list inside an answer ("We made these changes:" then "1. ...") is not
    a new run. The run covering most points wins; between equals, the one with
    more numbered lines, then the one whose lines are answers rather than the
    questions again, then the later one (answers follow what they answer).
    Within a run, a marker that jumps back is not a point's answer.
    """
    order = {key: index for index, key in enumerate(keys)}
    runs: list[list[_Marker]] = []
    position = -1
    for marker in markers:
        places = [order.get(k, order.get(top_key(k), -1)) for k in marker.keys]
        if marker.named:
            if not runs:
                runs.append([])
            runs[-1].append(marker)
            continue
        ordered = [m for m in runs[-1] if not m.named] if runs else []
        if not runs or (min(places) >= 0 and ordered and _restarts(ordered, marker, order)):
            if not runs or ordered:
                runs.append([])
        elif min(places) < position and not (len(places) > 1 and max(places) >= position):
            # A marker that jumps back answers nothing new - unless it names the point reached
            # with those before it ("For questions 2, 3, and 4 above." after each quoted
            # again): one answer for them all; or a sentence opens on a point the run passed
            # over ("With regards to questions 1, 3 and 4, ..." then "With regards to your
            # second question, ..."): the answer left till last.
            if marker.labelled or not _passed_over(runs[-1], marker):
                continue
            runs[-1].append(marker)
            continue
        runs[-1].append(marker)
        position = max(places)
    if not runs:
        return []
    ranked = sorted(
        range(len(runs)),
        key=lambda i: (
            len({k for m in runs[i] for k in m.keys}),
            sum(m.labelled for m in runs[i]),
            _answers(runs[i]),
            i,
        ),
    )
    best = runs[ranked[-1]]
    return _shared_before(markers, best) + best


def _shared_before(markers: list[_Marker], run: list[_Marker]) -> list[_Marker]:
    """A sentence naming several points at once before the run that answers them one by one
    ("In answer to questions 1 to 5 all 2023 data is published ..." then "1. ... 159",
    "2. ... 147"): what it says answers each of them too, though its run lost to theirs."""
    answered = {key for marker in run for key in marker.keys}
    return [
        marker
        for marker in markers
        if marker.start < run[0].start
        and not marker.labelled
        and len(marker.keys) > 1
        and set(marker.keys) <= answered
    ]


def _passed_over(run: list[_Marker], marker: _Marker) -> bool:
    """Whether ``marker`` names only points that no marker of the run has answered."""
    answered = {key for earlier in run for key in earlier.keys}
    return not answered & set(marker.keys)


def _answers(run: list[_Marker]) -> int:
    """How much a run looks like answers rather than the questions quoted again."""
    return -sum(marker.asks for marker in run)


def _restarts(run: list[_Marker], marker: _Marker, order: dict[str, int]) -> bool:
    """A marker for the first point after a run: the numbering starts again
    (unless it opens a list introduced by a colon inside an answer)."""
    first = min(order.get(k, order.get(top_key(k), -1)) for k in marker.keys)
    return first == 0 and len(run) >= 1 and not marker.listed


#: A heading that names a provision: "Section 25(1) – information otherwise accessible",
#: "FOIA section 40(2)", "Regulation 12(4)(b)".
_STATUTE_HEADING = re.compile(
    r"^\W*(?:(?:FOIA|FOISA|EIRs?|EISR)\s+)?(?:sections?|s\.|regulations?|regs?\.?)\s*\d",
    re.IGNORECASE,
)
#: The end of an answer that announces reasons set out under headings below it.
_ANNOUNCES = re.compile(r"(?:[:;]|\b(?:below|following|as\s+follows))\W*$", re.IGNORECASE)


def _listed_provision(block: str) -> bool:
    """A provision named on a line of its own inside an answer ("Section 23(5) Information
    supplied by ... Security Bodies"): the provisions listed under it go on its list."""
    return statute_heading(block) and not is_heading(block) and "\n" not in block.strip()


def statute_heading(line: str) -> bool:
    """A heading that names a provision ("Section 25(1) – information otherwise accessible")."""
    return bool(_STATUTE_HEADING.match(line))


#: The authority announcing its answers: "my response to your questions 1-5 is as follows:",
#: "Our answers are set out below:", "Please find the Council's response to your request set
#: out below:". What follows answers; the line itself answers nothing.
_ANSWERS_FOLLOW = re.compile(
    r"\b(?:my|our|the\s+(?:council|trust|board|force)'?s?|\w+['’]s)\s+(?:response|responses|"
    r"answers?|repl(?:y|ies))\b[^.?!]{0,60}\b(?:(?:is|are)\s+(?:as\s+follows|(?:set\s+out\s+|"
    r"given\s+)?below)|set\s+out\s+below)\W*$",
    re.IGNORECASE,
)


#: The authority saying which questions this letter answers: "This response is addressing the FOI
#: questions only (questions 1, 3 & 4)." The answers follow; the sentence answers none of them.
_ANSWERS_SCOPE = re.compile(
    r"^\W*(?:this|my|our)\s+(?:response|reply|letter)\s+(?:is\s+|will\s+)?(?:address(?:es|ing)?|"
    r"cover(?:s|ing)?|deal(?:s|ing)?\s+with|answer(?:s|ing)?|respond(?:s|ing)?\s+to)\b[^.?!:;]{0,80}?"
    r"\b(?:questions?|points?|parts?|requests?)\b"
    # then only the labels it names: "(questions 1, 3 & 4)", "1 and 2 only" - no decision
    r"(?:[\s\d(),&/\-–]|(?<=\d)[a-z]|\b(?:and|or|only|[a-z]|questions?|points?|parts?)\b)*$",
    re.IGNORECASE,
)


def announces_answers(text: str) -> bool:
    """Whether ``text`` only announces the answers that follow it."""
    text = text.strip()
    if _ANSWERS_FOLLOW.search(text) is not None:
        return True
    lowered = text.lower()
    scoped = "respon" in lowered or "repl" in lowered or "letter" in lowered
    return scoped and _ANSWERS_SCOPE.match(text.rstrip(".")) is not None


def announces_below(text: str) -> bool:
    """Whether ``text`` ends by announcing what follows ("due to the below exemptions;")."""
    return bool(_ANNOUNCES.search(text.strip()))


def _section_breaks(text: str, zones: list[Span], markers: list[_Marker]) -> list[int]:
    """Offsets of headings standing alone as a paragraph: they end the answer before them.

    A heading naming a provision is the answer's own reasons when more answers follow it (the
    next signpost ends the answer anyway), when the answer announces them ("due to the below
    exemptions;") or when it follows such a heading; only after the last answer, unannounced,
    does it open reasons for them all.
    """
    starts = sorted(m.start for m in markers)
    # "1. How many were reported to the police?" then "None": a short line under a question
    # quoted again is its answer, not a heading.
    questions = {m.start for m in markers if m.restated or m.asks}
    breaks = []
    for zone in zones:
        before, kept, last = "", False, -1
        for block in paragraphs(text, zone.start, zone.end):
            before, previous = block.text, before
            after_question, last = last in questions, block.start
            if "\n" in block.text:
                # A web page's section heading on a line of its own, in capitals ("REASON FOR
                # DECISION"), with answers still to come: it ends the answer before it as a
                # blank line would. After the last answer ("NOTICE OF REFUSAL") it may be that
                # answer's reasons, and is left to run on.
                # Under a label that stands alone ("Q2 -" over "NOTICE OF REFUSAL") the
                # heading opens that answer: the answer is laid out below its label.
                block_lines = lines(text, block.start, block.end)
                breaks += [
                    line.start
                    for above, line in zip(block_lines, block_lines[1:], strict=False)
                    if starts
                    and line.start < starts[-1]
                    and line.start not in starts
                    and _CAPITAL_HEADING.match(line.text)
                    and not (above.start in starts and _BARE_MARKER.match(above.text))
                ]
                continue
            if block.start in starts or after_question:
                continue
            if not is_heading(block.text) or _LINE_MARKER.match(block.text):
                continue
            if _FIGURE_ONLY.match(block.text):
                continue  # "129,091" under the question quoted again: the answer, not a heading
            kept = statute_heading(block.text) and (
                kept
                or starts[-1] > block.start
                or announces_below(previous)
                or _listed_provision(previous)
            )
            if not kept:
                breaks.append(block.start)
    return breaks


#: A figure standing alone ("129,091", "£4,500", "12%"), though not a year: an answer.
_FIGURE_ONLY = re.compile(r"^\W*(?!(?:19|20)\d\d\W*$)£?\d[\d,.]*%?\W*$")


#: A label with nothing after it on its line: "Q2 -", "Question 3:", "4.".
_BARE_MARKER = re.compile(rf"^\s*{_TOKEN}\s*[.):\-–—]?\s*$", re.IGNORECASE)

#: A heading in capitals on a line of its own: "REASON FOR DECISION", "NOTICE OF REFUSAL".
_CAPITAL_HEADING = re.compile(r"^\s*[A-Z][A-Z'’&]+(?:\s+[A-Z][A-Z'’&]+){1,5}\s*:?\s*$")


#: A line speaking of the whole request: "the council is not obliged to comply with your
#: request", "complying with the request would exceed the appropriate limit".
_WHOLE_REQUEST = re.compile(
    r"\b(?:your|the|this)\s+(?:whole\s+|entire\s+)?request\b(?!\s+(?:for|in)\b)"
    r"(?=[^.]*\b(?:appropriate\s+limit|cost\s+limit|exceed|section\s+1[24]\b|s\.?\s?1[24]\b|"
    r"vexatious|not\s+obliged\s+to\s+comply))"
    r"|\b(?:appropriate\s+limit|cost\s+limit|section\s+1[24]\b|not\s+obliged\s+to\s+comply)"
    r"(?=[^.]*\b(?:your|the|this)\s+request\b)",
    re.IGNORECASE,
)

_PART_OF = re.compile(
    r"\b(?:part|parts|element|limb|question)\s+(?:\w+\s+)?of\s+(?:your|the|this)\s+request\b",
    re.IGNORECASE,
)


def _whole_request_after(layout: Layout, markers: list[_Marker]) -> list[int]:
    """Where a line refusing the whole request (s.12, the cost limit) follows the last
    labelled answer ("2. ..."): it closes the letter's answers, not the last one, so it ends
    that answer."""
    if not markers:
        return []
    last = max(markers, key=lambda m: m.start)
    if not last.labelled:
        return []  # a sentence naming its points ("for both parts of your request") runs on
    first = layout.line_index(last.start)
    for line in layout.lines[first + 1 :]:
        if (
            _WHOLE_REQUEST.search(line.text)
            and not _PART_OF.search(line.text)
            and not _LINE_MARKER.match(line.text)
        ):
            return [line.start]
    return []


def _unclaimed(text: str, zones: list[Span], claimed: list[Span]) -> list[Span]:
    rest: list[Span] = []
    for zone in zones:
        cursor = zone.start
        for span in sorted(
            (s for s in claimed if zone.start <= s.start < zone.end), key=lambda s: s.start
        ):
            if span.start > cursor:
                rest.append(Span.of(text, cursor, span.start))
            cursor = max(cursor, span.end)
        if cursor < zone.end:
            rest.append(Span.of(text, cursor, zone.end))
    return [s for s in rest if s]


# --------------------------------------------------------------------------- parts


def _split_parts(
    text: str, layout: Layout, points: list[RequestPoint], answers: Answers
) -> list[RequestPoint]:
    """Points, with any point the response answers in stated parts split into "3a", "3b"."""
    result: list[RequestPoint] = []
    keys = {p.key for p in points}
    for point in points:
        parts = _response_parts(point, answers, keys)
        if not parts:
            parts = _stated_parts(text, layout, point, answers)
        result.extend(parts or [point])
    for order, point in enumerate(result):
        point.order = order
    return result


def _response_parts(point: RequestPoint, answers: Answers, keys: set[str]) -> list[RequestPoint]:
    """Parts the response labels itself ("3a", "3b") for a point the request did not divide."""
    part_keys = [k for k in answers.by_key if k not in keys and top_key(k) == point.key]
    if not part_keys:
        return []
    own = answers.by_key.pop(point.key, [])
    parts = []
    for key in sorted(part_keys):
        answers.by_key[key] = own + answers.by_key[key]
        parts.append(RequestPoint(point.label + key[len(point.key) :], point.span, point.source))
    return parts


def _part_subject(opening: str) -> str:
    """ "In relation to whether we hold X, I can confirm ..." -> "whether we hold X"."""
    clause = re.split(r"[,.;:]", opening, maxsplit=1)[0]
    clause = _PART_OPENER.sub("", clause).strip()
    return re.sub(r"\s+", " ", clause)


def _stated_parts(
    text: str, layout: Layout, point: RequestPoint, answers: Answers
) -> list[RequestPoint]:
    """ "Your third point has two parts. In relation to X ... In relation to Y ..." """
    spans = answers.by_key.get(point.key)
    if not spans or len(spans) != 1 or not point.key.isdigit():
        return []
    answer = spans[0]
    stated = None
    for sentence in layout.sentences_in(answer.start, answer.end)[:3]:
        match = _PARTS.search(sentence.text)
        if match:
            stated = (sentence, _NUMBERS[match.group("n").lower()])
            break
    if stated is None:
        return []
    sentence, count = stated
    openers = [
        block
        for block in paragraphs(text, sentence.end, answer.end)
        if _PART_OPENER.match(block.text)
    ]
    if len(openers) < 2:
        return []
    openers = openers[:count]
    parts = []
    for index, opener in enumerate(openers):
        end = openers[index + 1].start if index + 1 < len(openers) else answer.end
        letter = chr(ord("a") + index)
        key = f"{point.key}{letter}"
        answers.by_key[key] = [Span.of(text, opener.start, end)]
        part = RequestPoint(f"{point.label}{letter}", point.span, point.source)
        part.part = _part_subject(opener.text)
        parts.append(part)
    answers.by_key.pop(point.key, None)
    return parts

"""A letter's structure: its messages, and the role of every block of text in the response.

Real letters come as web pages (one line per element, cookie banners), hard-
wrapped emails with the earlier correspondence quoted below, PDFs converted to
text, and disclosure-log pages; a request-for-information thread may hold the
request, an acknowledgement and the answer one after another. Reading them the
same way means reading their structure before their words:

1. The text is cut into *units*: a line, or a paragraph's wrapped lines joined.
2. Units are grouped into *messages* (a new one starts at an email header block,
   an "Original Message" line, or a "Dear ..." after a sign-off). Each message is
   the requester's (asks, no answers), an acknowledgement, or a response; the
   response deciding most is the letter the review is about, the *main* message.
3. Each unit of the main message gets a :class:`Role`: page noise, letterhead,
   salutation, heading, the request quoted, an answer, a table, the reasons for a
   refusal, the rights paragraph, the signature. Units outside it are ``EARLIER``.
4. The request is found by voice (:mod:`workbench.parsing.voice`): it starts under
   a request heading, after a sentence introducing it ("You asked:"), or at the
   top when the page opens with the asks; it ends at a response heading, when the
   authority starts speaking, when a quotation closes, or when a list of asks
   gives way to plain text. A labelled ask after an answer that continues the
   request's numbering (or its bullets) starts a new *piece* of request: the
   letter answers question by question.

Nothing here decides what an answer says; that is :mod:`workbench.parsing.decide`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypeGuard

from . import voice
from .answers import announces_answers, announces_below, marker_keys, statute_heading
from .labels import ItemLabel, format_label, label_key, read_item, run_on_items
from .phrases import phrase_book
from .points import ANSWERED_BESIDE, FOLLOW_ON, ITEM_PARAGRAPH, asks_for_more, period_only
from .rights import is_rights_sentence
from .text import BULLETS, LIST_ITEM, Layout, Span, indent_at, is_heading


class Role(StrEnum):
    """What a block of the letter is for."""

    NOISE = "noise"
    LETTERHEAD = "letterhead"
    SALUTATION = "salutation"
    HEADING = "heading"
    REQUEST = "request"
    ANSWER = "answer"
    TABLE = "table"
    REASONS = "reasons"
    RIGHTS = "rights"
    SIGNATURE = "signature"
    EARLIER = "earlier"


#: Roles whose text may say what was decided on a point.
ANSWERING = frozenset({Role.ANSWER, Role.TABLE, Role.REASONS, Role.HEADING})


@dataclass
class Unit:
    """A line of the letter, or a paragraph's wrapped lines joined."""

    span: Span
    index: int
    blank_before: bool
    role: Role = Role.ANSWER
    _voice: dict[str, object] = field(default_factory=dict, repr=False)

    @property
    def text(self) -> str:
        return self.span.text

    @property
    def asks(self) -> bool:
        """The requester's voice (worked out once: the reader asks many times)."""
        if "asks" not in self._voice:
            self._voice["asks"] = voice.asks(self.text)
        return bool(self._voice["asks"])

    @property
    def sentence_words(self) -> list[set[str]]:
        """The words of each sentence of the unit (worked out once)."""
        if "words" not in self._voice:
            sentences = _UNIT_SENTENCE_BREAK.split(voice.own_words(self.text))
            self._voice["words"] = [_words(sentence) for sentence in sentences]  # type: ignore[assignment]
        return self._voice["words"]  # type: ignore[return-value]

    @property
    def authority(self) -> bool:
        """The authority's voice."""
        if "authority" not in self._voice:
            self._voice["authority"] = voice.authority_speaks(self.text)
        return bool(self._voice["authority"])


def next_unit(units: list[Unit], unit: Unit) -> Unit | None:
    """The unit after ``unit``: most readings weigh a line by the one below it."""
    index = unit.index + 1
    return units[index] if index < len(units) else None


def _requester_asks(unit: Unit | None) -> TypeGuard[Unit]:
    """A block of the letter's own text that asks in the requester's voice, not the
    authority's: more of the request, whatever came just before it."""
    return unit is not None and unit.role in ANSWERING and unit.asks and not unit.authority


#: Where a unit's sentences part: the space after a stop, or a line break. The space is
#: matched first and the stop looked back for from it: tried only at a unit's spaces, where a
#: pattern opening with the look back is tried at every offset (the same splits).
_UNIT_SENTENCE_BREAK = re.compile(r"\s(?<=[.?!]\s)\s*|\n")


@dataclass
class Piece:
    """A stretch of the request, and the answer that follows it when the letter answers in turn."""

    units: list[Unit]
    answer: Span | None = None
    source: str = "response"  # "response": quoted in it; "earlier": the requester's own message
    reported: bool = False  # told in running text ("You asked us for ..."), not quoted
    continued: bool = False  # a later piece, after an answer (question and answer in turn)
    at_top: bool = False  # read as the request only because the page opens with it
    #: The question's own cell, when a table row holds both question and answer.
    question: Span | None = None
    #: The heading over the piece's numbered list, when the request is divided into sections
    #: under headings ("Potholes", "Part 2 – Street lighting"), each numbered from 1.
    heading: Unit | None = None

    @property
    def span(self) -> Span:
        if self.question is not None:
            return self.question
        first, last = self.units[0].span, self.units[-1].span
        return Span(first.start, last.end, "")


@dataclass
class Letter:
    """The structure read from one text."""

    text: str
    layout: Layout
    units: list[Unit]
    #: (first, last + 1) unit indices of the main message.
    main: tuple[int, int]
    pieces: list[Piece] = field(default_factory=list)
    #: The request quoted piece by piece, each piece followed by its own answer.
    interleaved: bool = False
    #: The requester's own message elsewhere in the text, when the main message quotes none.
    request_message: Span | None = None
    #: Units of messages that only acknowledge the request or promise an answer.
    acknowledgements: list[Span] = field(default_factory=list)
    #: What the main message is: "response", or "acknowledgement" when the authority has
    #: only acknowledged the request so far.
    main_kind: str = "response"
    _spans: dict[frozenset[Role], list[Span]] = field(default_factory=dict, repr=False)

    def spans(self, *roles: Role) -> list[Span]:
        """The text of every run of units with one of ``roles``, in order.

        Read once the structure is complete, so each answer is worked out once.
        """
        key = frozenset(roles)
        if key not in self._spans:
            self._spans[key] = self._runs(key)
        return self._spans[key]

    def _runs(self, roles: frozenset[Role]) -> list[Span]:
        out: list[Span] = []
        for unit in self.units:
            if unit.role not in roles:
                continue
            if out and self._adjacent(out[-1], unit):
                out[-1] = Span(
                    out[-1].start, unit.span.end, self.text[out[-1].start : unit.span.end]
                )
            else:
                out.append(unit.span)
        return out

    def _adjacent(self, span: Span, unit: Unit) -> bool:
        previous = self.units[unit.index - 1] if unit.index else None
        return previous is not None and previous.span.end == span.end

    def role_at(self, offset: int) -> Role | None:
        index = bisect_right([u.span.start for u in self.units], offset) - 1
        if index >= 0 and offset < self.units[index].span.end:
            return self.units[index].role
        return None

    @property
    def own_words(self) -> list[Span]:
        """The response's own text: the main message without the request it quotes.

        An answer given beside its question in a table row is the response's own, though
        its row is read with the request.
        """
        spans = self.spans(*(role for role in Role if role not in (Role.REQUEST, Role.EARLIER)))
        beside = [p.answer for p in self.pieces if p.question is not None and p.answer]
        return sorted(spans + beside, key=lambda span: span.start) if beside else spans

    @property
    def request_spans(self) -> list[Span]:
        """The request quoted in the response, and the requester's own message if any."""
        spans = [piece.span for piece in self.pieces if piece.source == "response"]
        return spans + ([self.request_message] if self.request_message is not None else [])


# --------------------------------------------------------------------------- units

#: A line holding nothing but a list label ("1.", "Q3", "(b)"): it belongs to the next line.
_LABEL_ONLY = re.compile(
    r"^\s*(?:(?:Q|Question|Request|Point|Part|Item)(?:\s+(?:Number|No\.?))?\s?)?"
    r"\(?(?:\d{1,2}[a-z]?|[a-z]|[ivx]{1,5})[.):]?\s*$",
    re.IGNORECASE,
)
_TERMINAL = (".", "?", "!", ":", ";", '"', "”")
#: A wrapped line is long; a heading or a list item is not continued by the next line.
_WRAP_WIDTH = 55
_HEADING_LINE = 40
_LONGEST_WRAP = 110
_BULLET = re.compile(rf"^\s*(?P<mark>[{BULLETS}])(?P<space>\s+)")


#: "Q1 / Please supply the strategy A1 / We do not hold one": a question and its answer run
#: together on one line when a two-column table is flattened.
_GLUED_ANSWER = re.compile(r"^\s*Q\s?(?P<n>\d{1,2})\s*[/:.)\-–]")


_ANSWER_LABEL = re.compile(r"^\s*A\s?\d{1,2}\s*[/:.)\-–]\s")


#: A disclosure log's record flattened onto one line: "Ref: 87 Information request: Please
#: provide ... Response: Further to your request ..." - the labels that head its fields.
_RUN_IN_REQUEST = re.compile(
    r"(?<=\S)\s+(?=(?:Information\s+request|Request(?:\s+details)?|Details\s+of\s+request)\s*:\s)"
)
_RUN_IN_RESPONSE = re.compile(r"(?<=\S)\s+(?=(?:Response|Our\s+response|Answer)\s*:\s)")


def _split_glued(text: str, line: Span) -> list[Span]:
    fields = _split_fields(text, line)
    if len(fields) > 1:
        return fields
    if line.text.lstrip()[:1] not in ("Q", "q"):
        return [line]
    match = _GLUED_ANSWER.match(line.text)
    if not match:
        return [line]
    answer = re.search(rf"(?<=\S)\s*\bA\s?{match.group('n')}\s*[/:.)\-–]\s", line.text)
    if answer is None or answer.start() < match.end() + 10:
        answer = re.search(rf"(?<=[a-z.?])A\s?{match.group('n')}\s*[/:]\s", line.text)
    if answer is None or answer.start() < match.end() + 10:
        return [line]
    cut = line.start + answer.start() + (len(answer.group(0)) - len(answer.group(0).lstrip()))
    return [Span.of(text, line.start, cut), Span.of(text, cut, line.end)]


def _split_fields(text: str, line: Span) -> list[Span]:
    """A record's request and response run together on one line are two lines: the request
    field, then the response field (and the record's label before them, if any). Only a
    line holding both labels, the request's first, is cut."""
    if line.text.count(":") < 2 or "equest" not in line.text:
        return [line]  # most lines: not a record's fields
    request = _RUN_IN_REQUEST.search(line.text)
    starts_with_request = re.match(r"\s*(?:Information\s+request|Request)\s*:", line.text)
    if request is None and not starts_with_request:
        return [line]
    after = request.end() if request is not None else 0
    response = _RUN_IN_RESPONSE.search(line.text, after)
    if response is None:
        return [line]
    cuts = [c for c in (request.end() if request else None, response.end()) if c]
    bounds = [0, *cuts, len(line.text)]
    return [
        Span.of(text, line.start + begin, line.start + end)
        for begin, end in zip(bounds, bounds[1:], strict=False)
        if line.text[begin:end].strip()
    ]


def read_units(text: str, layout: Layout) -> list[Unit]:
    units: list[Unit] = []
    previous_end = 0
    # A web page's text has a paragraph on each line; only a hard-wrapped text has lines to
    # join, and it never has lines longer than any wrap.
    unwrapped = sum(len(line.text) > _LONGEST_WRAP for line in layout.lines) >= 2
    for line in (part for whole in layout.lines for part in _split_glued(text, whole)):
        blank = text.count("\n", previous_end, line.start) >= 2
        previous_end = line.end
        if units and (
            (_LABEL_ONLY.match(units[-1].text) and _labels(units, line.text))
            or (not blank and _joins(units[-1].text, line.text, unwrapped=unwrapped))
        ):
            last = units[-1]
            last.span = Span(last.span.start, line.end, text[last.span.start : line.end])
            continue
        units.append(Unit(line, len(units), blank or not units))
    return units


def _labels(units: list[Unit], line: str) -> bool:
    """Whether the lone label ending ``units`` is the label of ``line``: not when it is the
    answer under a question, nor when ``line`` carries a number of its own ("85" under a
    table's heading, then "Question 3. Of these ..."): the lone number is a figure."""
    if _answers_question(units):
        return False
    own = read_item(line)
    return own is None or own.kind != "num"


def _answers_question(units: list[Unit]) -> bool:
    """A lone number right under a question ("How many ...?" / "41") is its answer, not the
    label of the line after it."""
    return len(units) >= 2 and units[-2].text.rstrip().endswith("?")


def _joins(previous: str, line: str, *, unwrapped: bool = False) -> bool:
    """Whether ``line`` carries on the unit before it (a wrapped line, or a lone label's text)."""
    if LIST_ITEM.match(line) or _BULLET.match(line) or voice.is_table_row(line):
        return False
    if _ANSWER_LABEL.match(line):
        return False  # "A1 / We do not hold ...": an answer starts a block of its own
    if _HEADER_LINE.match(line) or _EARLIER_MESSAGE.match(line):
        return False  # an email header starts a block of its own
    last_line = previous.rsplit("\n", 1)[-1].rstrip()
    if last_line.endswith(_TERMINAL) or not re.search(r"[A-Za-z]", last_line):
        return False
    if last_line.endswith(voice.GLYPHS) and voice.GLYPH_AT_END.search(last_line):
        return False  # "You asked for: ·" / "Any ...": a PDF put the item's bullet up there
    if (
        "\n" not in previous
        and LIST_ITEM.match(previous)
        and line[:1].isupper()
        and _ANSWER_OPENING.match(line)
    ):
        return False  # "1) Assessments of the model" / "Please note we hold no more": its answer
    if line[:1].islower():
        return True
    if _PUNCTUATION_ONLY.match(line) or (
        _DANGLING_WORD.search(last_line)
        and not voice.SALUTATION.match(line)
        and not voice.SIGN_OFF.match(line)
    ):
        # ":" alone on a line, or a line broken after "and" / "of" ("... asked the Department
        # of Health and" / "Social Care (DHSC)" / ":"): a PDF's wrap, whatever the next line's case
        return True
    if unwrapped:
        return False
    if len(last_line) < _WRAP_WIDTH or voice.SIGN_OFF.match(line) or voice.SALUTATION.match(line):
        return False
    if len(last_line) > _LONGEST_WRAP:
        return False  # a line longer than any wrapped line is a paragraph of a web page
    # A short heading after a long line starts a section of its own ("Our response").
    return not (len(line) <= _HEADING_LINE and is_heading(line))


#: A line holding only a closing mark: "." or ":" a PDF's wrap put on a line of its own.
_PUNCTUATION_ONLY = re.compile(r"^\s*[:;,.)]\s*$")
#: A line that stops on a word no sentence ends with: "... the Department of Health and" (not
#: the "a" of "n/a").
_DANGLING_WORD = re.compile(
    r"(?<![/\-])\b(?:and|or|of|the|to|for|with|in|a|an|by)\s*$", re.IGNORECASE
)


def bullet_style(line: str) -> tuple[str, int] | None:
    """The marker of a bulleted line and the width after it: a list keeps one style."""
    match = _BULLET.match(line)
    if not match:
        return None
    return match.group("mark"), min(len(match.group("space").expandtabs(8)), 4)


# --------------------------------------------------------------------------- messages

_EARLIER_MESSAGE = re.compile(
    r"^(?:-{2,}\s*(?:original|forwarded)\s+message\s*-{2,}|on\s.{5,120}\swrote:\s*$)",
    re.IGNORECASE,
)
_HEADER_LINE = re.compile(r"^(?:from|sent|date|to|subject|cc):\s", re.IGNORECASE)


def earlier_correspondence(layout: Layout) -> int | None:
    """Where the messages quoted below a reply begin, if the reply quotes any.

    An email reply often carries the earlier message below it ("-----Original
    Message-----", "On 3 May, Jane wrote:", a From:/Sent: block). Readers that only want
    the reply's own words (the grounds of a review request, say) stop there. The
    letter's own messages are read by :func:`read_letter`.
    """
    found = layout.lines
    for index, line in enumerate(found):
        if index < 3:
            continue  # the reply's own headers come first
        if _EARLIER_MESSAGE.match(line.text):
            return line.start
        following = found[index + 1] if index + 1 < len(found) else None
        if (
            line.text.lower().startswith("from:")
            and following is not None
            and _HEADER_LINE.match(following.text)
        ):
            return line.start
    return None


def _message_starts(units: list[Unit]) -> list[int]:
    """Unit indices where a new message begins (always 0 first)."""
    starts = [0]
    signed_off = False
    signer = 0  # the unit after the last sign-off: the signer's name, which ends that message
    for unit in units:
        text = unit.text
        first_line = text.split("\n", 1)[0]
        header = first_line.lower().startswith("from:") and (
            _HEADER_LINE.match(text.split("\n")[1])
            if "\n" in text
            else _next_is_header(units, unit)
        )
        if unit.index and (header or _EARLIER_MESSAGE.match(first_line)):
            starts.append(unit.index)
            signed_off = False
        elif _is_salutation(text) and signed_off and unit.index > starts[-1]:
            starts.append(_letterhead_start(units, unit.index, max(starts[-1], signer)))
            signed_off = False
        elif voice.SIGN_OFF.match(first_line):
            signed_off = True
            signer = unit.index + 1
    return sorted(set(starts))


def _letterhead_start(units: list[Unit], salutation: int, floor: int) -> int:
    """Where a letter opening at ``salutation`` begins: its heading lines above the "Dear ..."
    (the addressee, the date, "Our ref: ...", a title) are the letter's own, not the end of
    the message before it, as on a thread page where the reply's attachment follows an email.
    They run back to the signer's name under the last sign-off, or to a sentence."""
    start = salutation
    while start - 1 > floor and _letterhead_line(units[start - 1].text):
        start -= 1
    return start


def _letterhead_line(text: str) -> bool:
    """A line of a letter's heading: a field (date, reference, addressee), or a short line
    that is no sentence ("Request Accepted", "Our ref / Ein cyf: 2021-1022E")."""
    if _LETTERHEAD_FIELD.match(text):
        return True
    return (
        "\n" not in text
        and len(text) <= 60
        and not text.rstrip().endswith((".", "?", "!", ","))
        and not voice.SIGN_OFF.match(text)
    )


#: A heading line of a letter: the date alone, a reference, or the addressee's name.
_LETTERHEAD_FIELD = re.compile(
    r"^\s*(?:(?:date\s*:?\s*)?\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9},?\s+\d{4}|"
    r"\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|(?:our|your)\s+ref(?:erence)?\b[^\n]{0,40}|"
    r"(?:mr|mrs|ms|miss|mx|dr)\.?\s+[A-Z][\w.' -]{0,30})\s*$",
    re.IGNORECASE,
)


def _next_is_header(units: list[Unit], unit: Unit) -> bool:
    following = next_unit(units, unit)
    return following is not None and bool(_HEADER_LINE.match(following.text))


def _is_salutation(text: str) -> bool:
    """A salutation standing alone ("Dear Ms Lawrence"), not "Dear TfL, can you ..."."""
    return bool(voice.SALUTATION.match(text)) and len(text) <= 60 and "\n" not in text


@dataclass
class _Message:
    first: int
    last: int  # exclusive
    kind: str = "response"  # "response", "request", "acknowledgement"
    decisions: int = 0


def _classify(units: list[Unit], message: _Message) -> None:
    book = phrase_book()
    asks = answers = acks = 0
    to_authority = quoting = False
    for unit in units[message.first : message.last]:
        text = unit.text
        if voice.SIGN_OFF.match(text):
            break  # what follows the sign-off is a signature and the site's footer
        if voice.SALUTATION.match(text):
            if _TO_AN_AUTHORITY.match(text):
                asks += 2  # "Dear Greater Glasgow NHS Board,": written to the authority
                to_authority = True
            continue
        if unit.asks and not unit.authority:
            asks += 1
        elif unit.authority:
            answers += 1
        lowered = text.lower()
        if book.find("kinds", "acknowledgement", text, lowered) or book.find(
            "kinds", "holding_notice", text, lowered
        ):
            acks += 1
        else:
            # "Your request is as follows:" in an acknowledgement: the line and what follows
            # it are the request quoted back, whose words decide nothing.
            quoting = quoting or (acks > 0 and _QUOTES_REQUEST.search(text) is not None)
            if (
                not unit.asks
                and not quoting
                and any(book.find("cues", name, text, lowered) for name in _DECISION_CUES)
                and not book.find("skip", "prospective", text, lowered)
            ):
                message.decisions += 1
    if acks and not message.decisions and not to_authority:
        # The authority acknowledging the request, often quoting it back ("we have grouped
        # your requests into one: I would like to request ..."): its asks are the requester's.
        message.kind = "acknowledgement"
    elif asks and asks >= answers and not message.decisions:
        message.kind = "request"
    elif acks and not message.decisions:
        message.kind = "acknowledgement"


#: "Your request is as follows:", "You requested:": the request quoted back below.
_QUOTES_REQUEST = re.compile(r"\b(?:request(?:ed)?|asked)\b[^.]{0,40}:\s*$", re.IGNORECASE)
#: A salutation to an organisation rather than a person: the requester writing to it.
_TO_AN_AUTHORITY = re.compile(
    r"^\s*dear\s+(?!(?:mr|mrs|ms|miss|dr|sir|madam|requester|applicant)\b)[^,\n]{0,60}\b"
    r"(?:council|board|police|constabulary|trust|university|department|government|authority|"
    r"commission(?:er)?|office|team|unit|service|agency|college|ministry|executive)\b[^,\n]{0,30},?\s*$",
    re.IGNORECASE,
)
#: Words of decision: what tells a response from a request or an acknowledgement.
_DECISION_CUES = ("not_held", "withheld", "ncnd", "cost", "vexatious", "disclosed", "held")


def _messages(units: list[Unit]) -> list[_Message]:
    starts = _message_starts(units)
    messages = [
        _Message(first, starts[i + 1] if i + 1 < len(starts) else len(units))
        for i, first in enumerate(starts)
    ]
    if len(messages) > 1:
        for message in messages:
            _classify(units, message)
    return messages


def _main(messages: list[_Message]) -> _Message:
    """The response the review is about: the one deciding most (the first, between equals)."""
    responses = (
        [m for m in messages if m.kind == "response"]
        or [m for m in messages if m.kind == "acknowledgement"]
        or messages
    )
    return max(responses, key=lambda m: (m.decisions, -m.first))


# --------------------------------------------------------------------------- roles


def read_letter(text: str, layout: Layout | None = None) -> Letter:
    """The structure of ``text``: its units with their roles, and the request's pieces."""
    layout = layout or Layout(text)
    units = read_units(text, layout)
    messages = _messages(units)
    main = _main(messages)
    letter = Letter(text, layout, units, (main.first, main.last), main_kind=main.kind)
    for message in messages:
        if message is main:
            continue
        for unit in units[message.first : message.last]:
            unit.role = Role.EARLIER
        span = _message_span(text, units, message)
        if message.kind == "request" and letter.request_message is None:
            letter.request_message = span
        elif message.kind == "acknowledgement":
            letter.acknowledgements.append(span)
    own = units[main.first : main.last]
    _mark_frame(own)
    _mark_sections(own)
    _find_request(letter, own)
    _mark_record_fields(own)
    return letter


def _mark_record_fields(units: list[Unit]) -> None:
    """A disclosure log's record fields above the request ("Request Number" over "42", "Date
    Received" over "07/08/2023"): when the answer comes after the request, those short lines
    describe the record, they do not answer it (a record's number is no figure given)."""
    first = next((u.index for u in units if u.role is Role.REQUEST), None)
    if first is None:
        return
    last = max(u.index for u in units if u.role is Role.REQUEST)
    if not any(u.role is Role.ANSWER for u in units if u.index > last):
        return
    for unit in units:
        if unit.index >= first:
            break
        if unit.role is Role.ANSWER and all(_field_line(line) for line in unit.text.split("\n")):
            unit.role = Role.LETTERHEAD


def _field_line(line: str) -> bool:
    """A record field's name or value: short, no sentence, no one speaking, nothing decided."""
    line = line.strip()
    return (
        len(line) <= _FIELD_LINE
        and not line.endswith((".", "?", "!", ",", ":"))
        and _FIRST_PERSON.search(line) is None
        and _FIELD_DECIDES.search(line) is None
    )


_FIELD_LINE = 60
#: A status line that says what was decided ("Information not held", "Partially released").
_FIELD_DECIDES = re.compile(
    r"\b(?:held|withh|refus|exempt|disclos|releas|provid|grant|partial|part|full|neither|"
    r"vexatious|cost|section|regulation|outcome|response)",
    re.IGNORECASE,
)


def _message_span(text: str, units: list[Unit], message: _Message) -> Span:
    start = units[message.first].span.start
    end = units[message.last - 1].span.end
    return Span(start, end, text[start:end])


def _mark_frame(units: list[Unit]) -> None:
    """Noise, letterhead (before the salutation), salutation, signature (from the sign-off)."""
    book = phrase_book()
    salutation = next((u for u in units if _is_salutation(u.text)), None)
    for unit in units:
        if book.find("noise", None, unit.text):
            unit.role = Role.NOISE
    if salutation is not None and _headed_letter(units, salutation):
        for unit in units:
            if unit.index < salutation.index and unit.role is not Role.NOISE:
                # Addresses, references and dates head a letter; a long sentence before the
                # salutation (a blog's comment, a page's summary) is content, not letterhead.
                if len(unit.text) <= _LETTERHEAD_LINE:
                    unit.role = Role.LETTERHEAD
    if salutation is not None:
        salutation.role = Role.SALUTATION
    after = salutation.index if salutation is not None else -1
    signoff = next(
        (u for u in units if u.index > after and voice.SIGN_OFF.match(u.text.split("\n", 1)[0])),
        None,
    )
    if signoff is None:
        return
    for unit in units:
        if unit.index < signoff.index or unit.role is Role.NOISE:
            continue
        if unit.index > signoff.index and (
            len(unit.text) > _SIGNATURE_LINE
            or voice.rights_heading(unit.text)
            or voice.reasons_heading(unit.text)
            or _ANNEX.match(unit.text)
        ):
            break  # an annex, the reasons or the rights after the signature
        unit.role = Role.SIGNATURE


_LETTERHEAD_LINE = 100


def _headed_letter(units: list[Unit], salutation: Unit) -> bool:
    """Whether what comes before the salutation is a letterhead: a page that quotes the
    request or answers under headings before a "Dear ..." is not one."""
    for unit in units:
        if unit.index >= salutation.index:
            break  # (the units may be a later message's: indices count from the page's top)
        first = unit.text.split("\n", 1)[0]
        if unit.index + 1 == salutation.index and "\n" not in unit.text:
            continue  # "Freedom of Information Request" over "Dear Mr Joseph": the letter's title
        if voice.request_heading(first) is not None or voice.response_heading(first) is not None:
            return False
        if read_item(first) is not None and unit.asks:
            return False
    return True


_SIGNATURE_LINE = 100
#: A unit this many words long is the letter's prose, not a page's menu or a heading.
_PROSE_WORDS = 8
_ANNEX = re.compile(r"^\W*(?:annex|appendix|attachment|schedule)\b", re.IGNORECASE)


def _mark_sections(units: list[Unit]) -> None:
    """Rights and reasons: under their headings, or sentence by sentence; tables."""
    section: Role | None = None
    labelled = False  # inside an answer signposted by its point ("Part 1", "Q2 -")
    previous, kept = "", False
    written = False  # any prose of the letter yet: a page's menu ("Contact us") comes before it
    for unit in units:
        if unit.role is not Role.ANSWER:
            continue
        text = unit.text
        first_line = text.split("\n", 1)[0]
        if not labelled and section is None and marker_keys(first_line):
            labelled = True
        if is_heading(first_line) and "\n" not in text:
            if voice.rights_heading(text) and written:
                section = Role.RIGHTS
                unit.role = Role.RIGHTS
                continue
            if (
                section is None
                and labelled
                and ((kept and statute_heading(text)) or _inside_answer(units, unit, previous))
            ):
                kept, previous = True, text  # the headings after it are the same answer's too
                continue
            kept = False
            if voice.reasons_heading(text):
                section = Role.REASONS
                unit.role = Role.HEADING
                continue
            if voice.request_heading(text) is not None or voice.response_heading(text) is not None:
                section = None
                continue
            if section is Role.RIGHTS:
                section = None
        written = written or len(text.split()) >= _PROSE_WORDS
        if section is Role.RIGHTS or _rights(text):
            unit.role = Role.RIGHTS
        elif voice.is_table_row(first_line):
            unit.role = Role.TABLE
        elif section is Role.REASONS:
            unit.role = Role.REASONS
        previous = text


def _inside_answer(units: list[Unit], heading: Unit, previous: str) -> bool:
    """A provision heading inside a signposted answer gives that answer's own reasons when the
    answer announces it ("due to the below exemptions;") or more signposted answers follow;
    otherwise it opens reasons for every point."""
    if not statute_heading(heading.text):
        return False
    if announces_below(previous):
        return True
    return any(
        u.role is Role.ANSWER and marker_keys(u.text.split("\n", 1)[0])
        for u in units[heading.index + 1 :]
    )


def _rights(text: str) -> bool:
    """A paragraph on the right to a review or to complain: it opens with a rights sentence
    and decides nothing."""
    if _QUESTION_ROW.match(text.split("\n", 1)[0]):
        return False  # "Did you change the appeals process? | No.": a question and its answer
    first = re.split(r"(?<=[.?!])\s+", text.strip(), maxsplit=1)[0]
    return is_rights_sentence(first) and not _DECIDES.search(text)


#: A flattened table row whose first cell is a question: "How many ...? | 41".
_QUESTION_ROW = re.compile(r"^[^|]{3,}\?\s*\|")


_DECIDES = re.compile(
    r"\b(?:exempt|withh|not\s+held|neither\s+confirm|(?:section|regulation|s\.|reg\.)\s*\d)",
    re.IGNORECASE,
)


# --------------------------------------------------------------------------- the request


@dataclass
class _Reader:
    """The state of the walk through the main message that finds the request."""

    letter: Letter
    state: str = "before"  # "before", "intro", "request", "answer"
    current: Piece | None = None
    quoted: bool = False  # the current piece opened with a quotation mark
    #: The lead-in ended with the quotation mark that opens the request ("... for:- '"), so
    #: the request ends with the line that closes it.
    after_quote: bool = False
    curly: int = 0
    straight: int = 0
    spoken: bool = False  # the authority has spoken (the request is no longer at the top)
    labels: list[ItemLabel] = field(default_factory=list)
    styles: set[tuple[str, int]] = field(default_factory=set)
    previous: Unit | None = None
    #: A "Question" heading straight over a "Response" heading: a two-column table read row
    #: by row, so questions and answers alternate line by line.
    columns: bool = False
    #: Indices of the units read as the headings of the request's sections: their own labels
    #: ("Part 2 – Street lighting") are not the list's numbers.
    headings: set[int] = field(default_factory=set)
    #: The sections are answered in turn, question by question, not after the whole request.
    in_turn: bool = False
    #: Where the answer part's heading ("Response") stands, when the request opened under a
    #: heading of its own ("Information requested"): everything between is the request.
    answer_heading: int | None = None

    # -- pieces ----------------------------------------------------------------------

    def open(self, unit: Unit, *, continued: bool = False) -> None:
        self.close()
        self.current = Piece([unit], continued=continued)
        self.letter.pieces.append(self.current)
        self.state = "request"
        self.quoted = unit.text.lstrip()[:1] in _OPEN_QUOTES
        self.after_quote = (
            not self.quoted
            and self.previous is not None
            and self.previous.text.rstrip().endswith(tuple(_OPEN_QUOTES))
        )
        self.curly = self.straight = 0
        heading = self._heading_over(unit)
        if heading is not None:
            # "Libraries" over "1. How many ...?", the questions answered in turn: the heading
            # names the section the questions are in.
            self.current.units.insert(0, heading)
            self.current.heading = heading
            self._mark(heading)
        self._count_quotes(unit.text)
        self._mark(unit)

    def _heading_over(self, unit: Unit) -> Unit | None:
        """The section heading straight over a list of asks numbered from 1 that opens a piece,
        when the authority's words left it out of the request."""
        if not unit.index:
            return None
        before = self.letter.units[unit.index - 1]
        if (
            before.role not in ANSWERING
            or not _first_number(unit)
            or section_heading(self.letter, before) is None
        ):
            return None
        # Only where another section follows, numbered from 1 again under a heading of its
        # own: a page's title over its questions ("Response to FOI request 23/0456") is none.
        for other in self.letter.units[unit.index + 1 : self.letter.main[1]]:
            if (
                other.role in ANSWERING
                and not _same_heading(other.text, before.text)
                and section_heading(self.letter, other) is not None
                and _first_number(self.letter.units[other.index + 1])
            ):
                return before
        return None

    def extend(self, unit: Unit) -> None:
        assert self.current is not None
        self.current.units.append(unit)
        self._count_quotes(unit.text)
        self._mark(unit)

    def close(self) -> None:
        self.current = None
        self.quoted = self.after_quote = False

    def _count_quotes(self, value: str) -> None:
        self.curly += value.count("“") - value.count("”")
        self.straight += value.count('"')

    @property
    def balance(self) -> int:
        """Quotation marks left open in a piece that opened with one (straight ones alternate)."""
        return self.curly + self.straight % 2 if self.quoted else 0

    def _mark(self, unit: Unit) -> None:
        unit.role = Role.REQUEST
        if unit.index in self.headings or section_heading(self.letter, unit) is not None:
            self.headings.add(unit.index)
            assert self.current is not None
            if self.current.heading is None and not self.current_labels():
                self.current.heading = unit
            return
        label = read_item(unit.text)
        if label is None and unit.blank_before and self.labels and asks_for_more(unit.text):
            last = self.labels[-1]
            if last.kind == "num" and not last.sub and not last.word:
                # "1." "2.", then "As a supplementary, I would also ask ...": the list's next
                # point, as the request is divided (points.numbered_points), and answers
                # numbered "3." after it are its answer, not more request.
                self.labels.append(ItemLabel("num", str(int(last.value) + 1), None, None, 0))
        if label is not None:
            self.labels.append(label)
            self.labels += [own for _, own in run_on_items(unit.text, label)]
            head, _, rest = unit.text.partition("\n")
            if rest and not head[label.end :].strip():
                # "2." alone on its line over "a) Is the Part B fully minuted?": the part's
                # letter counts too, so "b) If not, ..." after its answer asks again.
                part = read_item(rest)
                if part is not None and part.kind != label.kind:
                    self.labels.append(part)
        style = bullet_style(unit.text)
        if style is not None and not _continuation_list(self.previous):
            self.styles.add(style)

    # -- decisions -------------------------------------------------------------------

    def ends_request(self, unit: Unit) -> bool:
        text = unit.text
        assert self.current is not None
        if self.balance > 0 and len(self.current.units) < _LONGEST_QUOTE:
            if not (self._set_apart(unit) and unit.authority and not unit.asks):
                return False  # still inside the quotation
            if self._in_request_message(unit):
                return False  # the requester's own words, quoted back from their message
            # The quotation never closed (the page lost its mark): the authority answering
            # after a wider gap than the request's own paragraphs ends it.
        if self.quoted and text.lstrip()[:1] not in _OPEN_QUOTES:
            if self._single_quote_open(unit):
                return False  # "'... which names or is in connection with:" then its bullets
            return True  # the quotation has closed
        if self.after_quote and self.current.units[-1].text.rstrip().endswith(_CLOSE_QUOTES):
            return True  # "2. copies of the notes made there in 2025'": the quotation closed
        assert self.current is not None
        if unit.role is Role.HEADING and statute_heading(text.split("\n", 1)[0]):
            return True  # "Section 21 – information already reasonably accessible": the answer
        if self._lead_in_continues(unit):
            return False  # "... I request that you:" then "Provide a redacted version ..."
        if (
            self.answer_heading is not None
            and unit.index < self.answer_heading
            and (not (unit.authority and not unit.asks) or self._ask_follows(unit))
        ):
            # Under "Information requested", before "Response": "2a) If possible, please break
            # down by age" though it repeats "1a)", and "Thank you for your correspondence. We
            # cannot see why ..." before "Please provide ..." (the requester thanking the
            # authority for an earlier reply) are still the request. Only the authority's own
            # words with no ask after them start the answer before its heading.
            return False
        if unit.authority and not unit.asks:
            return True
        if (
            voice.states(text)
            and read_item(text) is None
            and bullet_style(text) is None
            and not self._ask_follows(unit)
        ):
            # "Road repairs are assigned priorities by risk.", "No, the items are not minuted.":
            # a statement of what is held or done straight after the last ask, no ask after it -
            # the answer has begun, though the authority never names itself. (A labelled item
            # may state: "2. The date the tenant was notified" is one more requested item.)
            return True
        if _decides(unit) and not _asked_then_answered(unit):
            # "In issuing our response the council have applied S12 ...", "Under section 21 of
            # the Act, the department is not required to provide ...": the authority deciding
            # in the third person ends the asks, and later numbered asks stay points.
            return True
        if not unit.asks and _about_the_law(text):
            # "The Freedom of Information Act 2000 provides people with a right of access ...":
            # the page's words on the law, after the asks, are no more of them.
            return True
        if voice.is_table_row(text.split("\n", 1)[0]) or self._figure_rows(unit):
            return True
        if _group_label(self.letter, unit) or self._group_heading(unit):
            return False  # "C" / "For the last 5 years:" then "7. ...": the next group of asks
        if self._answered_rows(unit):
            return True  # "... in each of these years?" then "- 2019/20 – 260": its answer
        label = read_item(text)
        seen = self.current_labels()
        if (
            label is not None
            and not (
                _follows(seen, label) and any(run_on_items(u.text) for u in self.current.units)
            )
            and _repeats(text, self.current, relabelled=True)
        ):
            # "4. How many staff?" asked, then "1. How many staff? – 8453": its answer. (The
            # next number after "1. ... received. 2. ... answered." on one line is the next
            # ask, however like item 2 it reads: "3. ... answered on time.")
            return True
        if label is not None and any(_same(label, other) for other in seen):
            if label.kind != "num" and period_only(text[label.end :]):
                return False  # "ii. 2013/14" again under the next question: its years
            if unit.asks and _all_first(seen + [label]):
                return False  # "1. How many ...?" "1. How many ...?": a list the page numbers "1."
            if self._nested(unit):
                return False  # "5. For each case:" then, indented, "1. The date ...": its parts
            if self._outer_follows(unit, label):
                return False  # "1. Recording" / (indented) "1. ..." "2. ...", then "2. Review"
            if unit.asks and _new_sub_list(seen, label):
                return False  # "2. ...? a) Please also ..." then "3. ...? a) Please also ...":
                # the parts of the next question, lettered afresh
            return True  # the request's numbering again: the answers start
        named = marker_keys(text) if text[:1].isalnum() else []
        if len(named) > 1 and set(named) <= {label_key(format_label(s)) for s in seen}:
            return True  # "1 and 2: ..." - answers to points already asked
        if (
            _repeats(text, self.current)
            and not (unit.asks and self._fresh_ask_follows(unit))
            and not self._alike_ask(unit)
        ):
            return True  # a question quoted again: its answer follows
        listed = [u for u in self.current.units if _listed(u.text)]
        if listed and self._answer_bullet(unit, listed):
            return True  # "- Total off-framework spend" ... then "• 0 off-framework": the answer
        taken = self.current.units[-1]
        if listed and not _listed(taken.text) and _last_item_unmarked(listed, taken):
            return True  # the list's last ask, its bullet lost, is taken: the answer follows
        if listed and not _listed(text) and not unit.asks:
            if _last_item_unmarked(listed, unit):
                return False  # "- how many ... - 9" each answered, then "The reasons for ..."
            if self.current.continued:
                return True  # the next question in a list, then plain text: its answer
            if len(listed) > 1 and len(listed) == len(self.current.units) and self._reported_list():
                # "You asked for information on:" then "1. ..." "2. ...", then "According to
                # the StatsWales data there are now 732 ...": the authority's own list of the
                # asks is over and its answer begins.
                return not _follows_on(text)
            last = self.current.units[-1]
            if (
                last in listed
                and last.text.rstrip().endswith("?")
                and not _follows_on(text)
                and not _item_of_question(last.text, text)
            ):
                return True  # "Question 1: How many ...?" then "Yes. A copy is attached."
            if all(bullet_style(u.text) for u in listed) and (
                unit.blank_before or self._answered_in_turn()
            ):
                return True  # bulleted asks, then a paragraph of plain text: the answers
        return False

    def _reported_list(self) -> bool:
        """The piece is a list the authority introduced in its own words ("Thank you for your
        request ... You asked for information on:"), not the requester's text quoted whole."""
        assert self.current is not None
        first = self.current.units[0].index
        before = self.letter.units[first - 1] if first > 0 else None
        return (
            before is not None
            and before.role in ANSWERING
            and before.authority
            and voice.introduces_request(_last_sentence(before.text))
        )

    def _fresh_ask_follows(self, unit: Unit) -> bool:
        """The next block asks something not yet asked: a line said twice by the requester
        ("Please break down per year ..." after two questions) is still the request; a
        question quoted again is followed by its answer."""
        following = next_unit(self.letter.units, unit)
        assert self.current is not None
        return _requester_asks(following) and not _repeats(following.text, self.current)

    def _single_quote_open(self, unit: Unit) -> bool:
        """The piece opened with a single quotation mark that no line has closed yet (none is
        counted: an apostrophe looks the same), and ``unit`` is no answer set apart from it:
        the quotation runs on ("'Please release all information ... in connection with:" over
        its bullets, the last of them closing with "'")."""
        assert self.current is not None
        if self.current.units[0].text.lstrip()[:1] not in _SINGLE_QUOTES:
            return False
        if len(self.current.units) >= _LONGEST_QUOTE:
            return False
        closed = _CLOSING_SINGLE.search(self.current.units[-1].text) is not None
        return not closed and not (unit.authority and not unit.asks)

    def _ask_follows(self, unit: Unit) -> bool:
        """The next block of the letter asks, in the requester's voice: a statement between two
        asks is the request's own background, not its answer."""
        return _requester_asks(next_unit(self.letter.units, unit))

    def _in_request_message(self, unit: Unit) -> bool:
        """The unit repeats a passage of the requester's own message on the page, word for word
        near enough ("I can see there are some published figures ..." quoted back in an
        acknowledgement): it is the request, whatever its voice."""
        message = self.letter.request_message
        words = _words(_ADDRESS.sub(" ", unit.text))  # a mail system may rewrite links
        if message is None or len(words) < _FEWEST_ITEM_WORDS:
            return False
        return len(words & _words(_ADDRESS.sub(" ", message.text))) >= 0.85 * len(words)

    def _alike_ask(self, unit: Unit) -> bool:
        """An ask like one before it but for a word of its own ("... on campus", then "... off
        campus"), with another ask after it: the next item of a list of alike asks, not a
        question quoted again over its answer."""
        units = self.letter.units
        following = next_unit(units, unit)
        if following is None or not following.asks or following.authority:
            return False
        words = _words(voice.own_words(unit.text))
        return not any(
            words <= asked for earlier in self.current.units for asked in earlier.sentence_words
        )

    def _answer_bullet(self, unit: Unit, listed: list[Unit]) -> bool:
        """A bullet of another mark than the request's own bullets, set apart by a blank line,
        that asks for nothing and does not qualify the ask before it: the page's answer list,
        not one more ask ("- Total hours filled by agencies" then "• 0 in the last 3 months")."""
        style = bullet_style(unit.text)
        marks = {found[0] for u in listed if (found := bullet_style(u.text)) is not None}
        return (
            style is not None
            and unit.blank_before
            and len(marks) == 1
            and all(bullet_style(u.text) is not None for u in listed)
            and style[0] not in marks
            and not unit.asks
            and not _follows_on(_BULLET.sub("", unit.text))
            and not listed[-1].text.rstrip().endswith(":")
        )

    def _answered_rows(self, unit: Unit) -> bool:
        """A question, then a run of bullets most of which give a figure (or a yes, no, none)
        beside what they name ("- 2018/19 – 260", "- 2019/20 – No data available"): the
        question's answer, one row per year or category it asked about, not more asks."""
        assert self.current is not None
        if not self.current.units[-1].text.rstrip().endswith("?") or unit.asks:
            return False
        run = []
        for other in self.letter.units[unit.index : unit.index + _LONGEST_QUOTE]:
            if "\n" in other.text.strip() or bullet_style(other.text) is None:
                break
            run.append(other)
        answered = sum(ANSWERED_BESIDE.search(u.text) is not None for u in run)
        return len(run) >= 2 and answered * 2 > len(run)

    def _figure_rows(self, unit: Unit) -> bool:
        """ "Non Physical 23" / "Physical 19" / "2014-15 Total 42 12": the unit opens a run of
        lines that each hold a label and figures only, a table that lost its rules (its header
        line may come first) - the answer, not more of the request."""
        units = self.letter.units
        start = unit.index + (0 if voice.figure_row(unit.text) else 1)
        run = units[start : start + _FIGURE_ROWS]
        return (
            len(run) == _FIGURE_ROWS
            and all("\n" not in u.text for u in run)
            and voice.figure_table([u.text for u in run])
        )

    def _set_apart(self, unit: Unit) -> bool:
        """More than one blank line before the unit: a gap wider than a paragraph break."""
        previous = self.letter.units[unit.index - 1] if unit.index else None
        start = previous.span.end if previous is not None else 0
        return self.letter.text.count("\n", start, unit.span.start) >= 3

    def _nested(self, unit: Unit) -> bool:
        """A labelled line indented deeper than the piece's first labelled line: a list
        nested under one of the request's items, numbered afresh."""
        assert self.current is not None
        labelled = [u for u in self.current.units if read_item(u.text) is not None]
        return bool(labelled) and _indent(self.letter.text, unit) > _indent(
            self.letter.text, labelled[0]
        )

    def _outer_follows(self, unit: Unit, label: ItemLabel) -> bool:
        """A labelled line back at the indent of an outer list, after a list nested deeper,
        that carries on the outer list's numbering ("1. Recording of cases" over its indented
        "1." "2.", then "2. Review of cases"): the request's next section, not its numbers
        starting again."""
        assert self.current is not None
        text = self.letter.text
        indent = _indent(text, unit)
        labelled = [u for u in self.current.units if u.index not in self.headings]
        outer = [
            found
            for u in labelled
            if _indent(text, u) == indent and (found := read_item(u.text)) is not None
        ]
        deeper = any(_indent(text, u) > indent and read_item(u.text) is not None for u in labelled)
        return deeper and bool(outer) and _follows(outer, label)

    def _answered_in_turn(self) -> bool:
        """The authority announced its answers over the asks it restates ("Please find our
        response to your request set out below:"): each ask's plain lines are its answer,
        blank line or not (an email wrapped to 72 columns has none)."""
        first = self.letter.pieces[0].units[0].index if self.letter.pieces else 0
        before = self.letter.units[first - 1] if first > 0 else None
        return before is not None and announces_answers(before.text)

    def _lead_in_continues(self, unit: Unit) -> bool:
        """After the requester's own lead-in ("If any part is exempt, I request that you:"),
        the next line is what they ask for, unless the authority opens its answer there."""
        assert self.current is not None
        last = self.current.units[-1]
        if _AUTHORITY_OPENING.match(unit.text) is not None or (
            _POINTING_OPENING.match(unit.text) is not None and not unit.asks
        ):
            return False  # "Please see the links below ..." under "What is the spend:"
        # "May I enquire if" then "· Natural England are aware of this ...": the sentence runs
        # on into the next line, whatever its voice, and into each bullet of the list under it.
        return (last.text.rstrip().endswith(":") and last.asks) or bool(
            _DANGLING.search(self._head_of_run(unit).text)
        )

    def _head_of_run(self, unit: Unit) -> Unit:
        """The piece's line over the run of bullets ``unit`` would continue (its last line when
        ``unit`` is no bullet of that run)."""
        assert self.current is not None
        units = self.current.units
        style = bullet_style(unit.text)
        index = len(units) - 1
        while index > 0 and style is not None and bullet_style(units[index].text) == style:
            index -= 1
        return units[index]

    def _group_heading(self, unit: Unit) -> bool:
        """A short line ending in a colon, or a heading of a word or two, straight over the next
        number of the request's own list ("For the last 5 year period:" then "2. How many ...",
        "Policy" then "7) Is it the policy ..."), heads more asks."""
        text = unit.text.rstrip()
        if "\n" in text or len(text) > 80 or read_item(text):
            return False
        if not text.endswith(":") and not (
            len(text.split()) <= 3 and is_heading(text) and not text[:1].isdigit()
        ):
            return False  # "426 households" under a question: a figure, its answer
        index = unit.index + 1
        following = self.letter.units[index] if index < len(self.letter.units) else None
        label = read_item(following.text) if following is not None else None
        return label is not None and _follows(self.current_labels(), label)

    def current_labels(self) -> list[ItemLabel]:
        """The piece's labels, with those of items run on after the first on a line ("1. ...
        received. 2. ... answered.")."""
        assert self.current is not None
        return [
            found
            for u in self.current.units
            if u.index not in self.headings and (label := read_item(u.text)) is not None
            for found in (label, *(own for _, own in run_on_items(u.text, label)))
        ]

    def section(self, unit: Unit) -> str | None:
        """What a section heading inside the request does: "more" when the list under it
        carries on the request's numbering ("School transport" ... "2." then "Travel
        training" over "3."), "new" when it numbers from 1 again under a heading of its own,
        as the section before it did ("Potholes" / "1." "2.", then "Street lighting" / "1.").
        None when ``unit`` heads no list of asks."""
        assert self.current is not None
        if section_heading(self.letter, unit) is None:
            return None
        label = read_item(self.letter.units[unit.index + 1].text)
        assert label is not None
        seen = [s for s in self.current_labels() if s.kind == "num"]
        if seen and _follows(seen, label):
            return "more"
        if (
            label.value == "1"
            and seen
            and seen[0].value == "1"
            and (self.current.heading is not None or len(self.letter.pieces) == 1)
            and self._fresh_section(unit)
        ):
            # The request's first list may stand under no heading of its own ("1." "2." "3.",
            # then "Questions regarding costs:" over "1." "2."): a heading over a list of
            # asks numbered afresh opens its next section all the same.
            return "new"
        return None

    def next_section(self, unit: Unit) -> bool:
        """After an answer, the next section of a request answered question by question:
        a heading not yet read over asks numbered from 1 again, when the request began under
        a heading of its own ("Potholes" / "1. ...?" / its answer / "2. ...?" / its answer,
        then "Street lighting" / "1. ...?")."""
        if not any(p.heading is not None for p in self.letter.pieces):
            return False
        if section_heading(self.letter, unit) is None:
            return False
        return _first_number(self.letter.units[unit.index + 1]) and self._fresh_section(unit)

    def _fresh_section(self, unit: Unit) -> bool:
        """The section heading ``unit`` names a section not read yet, and the question under it
        is no question already asked: the request's next section, not the response repeating
        it (with its answers)."""
        following = self.letter.units[unit.index + 1]
        return (
            not any(
                p.heading is not None and _same_heading(p.heading.text, unit.text)
                for p in self.letter.pieces
            )
            and not any(_repeats(following.text, p) for p in self.letter.pieces)
            and not _asked_again(following.text, self.letter.pieces)
        )

    def continues_request(self, unit: Unit) -> bool:
        """In the answers, a labelled or bulleted ask that carries on the request's list."""
        text = unit.text
        if unit.authority and not unit.asks:
            return False
        label = read_item(text)
        if label is not None and self.labels:
            headed = [p.heading is not None for p in self.letter.pieces]
            if not self.in_turn and (sum(headed) > 1 or (len(headed) == 2 and headed[1])):
                # The request came in sections, each under its heading and numbered from 1:
                # a number after it carries on no list, it answers one of the sections.
                return False
            return _follows(self._labels_at(unit), label)
        style = bullet_style(text)
        if style is not None and _FIGURE_ONLY.match(text):
            return False  # "- 190": a figure answering a bulleted ask, in the same style
        return (
            style is not None
            and style in self.styles
            and not _continuation_list(self.previous)
            and not _continuation_list(self._head_of_bullets(unit))
        )

    def _labels_at(self, unit: Unit) -> list[ItemLabel]:
        """The request's labels that a labelled line in the answers could carry on: all of
        them, unless the request nests lists under its items ("1. Recording of cases" over
        "1." "2." indented). Then only the outer list's, and none for a line indented deeper:
        a list inside an answer ("2. As follows:" over "1." "2." "3."), which a question
        nested in the request would not follow."""
        text = self.letter.text
        labelled = [
            (_indent(text, u), found)
            for piece in self.letter.pieces
            for u in piece.units
            if u.index not in self.headings and (found := read_item(u.text)) is not None
        ]
        outer = min((indent for indent, _ in labelled), default=0)
        if not any(indent > outer and _first_number_label(found) for indent, found in labelled):
            return self.labels  # no list numbered afresh under an item (lettered parts are not)
        if _indent(text, unit) > outer:
            return []
        return [found for indent, found in labelled if indent == outer]

    def _head_of_bullets(self, unit: Unit) -> Unit | None:
        """The line over the run of bullets ``unit`` belongs to ("2. As follows:")."""
        index = unit.index - 1
        while index >= 0 and bullet_style(self.letter.units[index].text) is not None:
            index -= 1
        return self.letter.units[index] if index >= 0 else None


_OPEN_QUOTES = "\"“‘'"
_SINGLE_QUOTES = "‘'"
#: A line ending a single quotation: "... or representatives.'", "... in 2025’."
_CLOSING_SINGLE = re.compile(r"['’][.,;)\]]*\s*$|['’]\s*[.,;)]?\s*$")
_CLOSE_QUOTES = ('"', "”", "’", "'")
#: A web address (which a mail system may rewrite when it quotes a message back).
_ADDRESS = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
#: How many figure rows in a row make a table.
_FIGURE_ROWS = 3
#: A line that stops on a word no sentence ends with: what it asks runs on into the next line.
_DANGLING = re.compile(
    r"\b(?:if|whether|that|about|of|for|regarding|concerning|to|the|and|or)\s*$", re.IGNORECASE
)


def _question_cell(unit: Unit) -> bool:
    """The question of a flattened table row: the requester asking, in so many words
    ("How many ...?", "Please provide ..."), not a conditional ("Where a request is ...")."""
    text = unit.text.rstrip()
    return (
        unit.asks
        and not unit.authority
        and (text.endswith("?") or _ASKS_PLAINLY.search(text) is not None)
    )


_ASKS_PLAINLY = re.compile(
    r"\b(?:please|could\s+you|can\s+you|would\s+you|I\s+would\s+like|provide|send\s+me)\b",
    re.IGNORECASE,
)
#: The head of one column of a question-and-answer table: "Question", "Response", "Answer".
_COLUMN_HEAD = re.compile(
    r"^\W*(?:questions?|requests?|responses?|answers?|replies|reply)\W*$", re.IGNORECASE
)
#: A list item holding only a figure: "- 190", "• £4,500", "* 12%".
_FIGURE_ONLY = re.compile(r"^\s*\S\s+[£$€]?\d[\d,.]*\s*%?\s*$")
#: A quotation still open after this many units has lost its closing mark (a page cut short,
#: a mark the conversion dropped): the request ends by voice from there.
_LONGEST_QUOTE = 40
#: What follows "Request:" when it labels a reference rather than quoting the request.
_CODE_ONLY = re.compile(r"^\s*[\w/\-.& ]{1,30}$(?<=\d)|^\s*(?:[\w/\-.&]*\d[\w/\-.&]*\s*){1,3}$")


def _find_request(letter: Letter, units: list[Unit]) -> None:
    reader = _Reader(letter)
    for unit in units:
        if unit.role not in ANSWERING:
            if unit.role in (Role.RIGHTS, Role.SIGNATURE) and reader.state == "request":
                reader.close()
                reader.state = "answer"
            continue
        _step(reader, unit)
        reader.previous = unit
    reader.close()
    for piece in letter.pieces:
        _cut_swallowed_answer(piece)
    letter.pieces = [p for p in letter.pieces if p.units]
    _pair_answers(letter)
    if not letter.pieces and letter.request_message is None:
        # No request quoted and none on the thread: the opening may restate it as a list.
        restated = _restated_list(letter, units, on_thread=False)
        if len(restated) > 2:
            # The opening keeps its own role: it says when the request came, as any opening.
            restated[0].role = Role.ANSWER
            letter.pieces.append(Piece(restated[1:]))
    if not letter.pieces:
        _mirrored_list(letter)
    if not letter.pieces:
        _reported(letter, units, voice.reported_ask)
    if not letter.pieces and letter.request_message is not None:
        span = letter.request_message
        earlier = [u for u in letter.units if span.start <= u.span.start < span.end]
        letter.pieces.append(Piece(earlier, source="earlier"))
        _restated_list(letter, units)
    if not letter.pieces:
        # Only its subject, named in the thanks for it: the request's own words come first.
        _reported(letter, units, voice.thanked_ask)
    if not letter.pieces:
        _reported_by_topic(letter, units)


def _mirrored_list(letter: Letter) -> None:
    """A numbered list above the answer part's heading ("Response"), answered under it by a
    list numbered the same way: the first list is the request, however its items are worded
    ("1. Total number of requests in each of 2013 to 2017" asks nothing in so many words).
    The numbering answered item by item says what no wording has to."""
    heading = next(
        (
            u.index
            for u in letter.units
            if (u.role in ANSWERING or u.role is Role.HEADING)
            and not LIST_ITEM.match(u.text)
            and voice.response_heading(u.text.split("\n", 1)[0]) is not None
        ),
        None,
    )
    if heading is None:
        return
    before = _numbered_run(reversed(letter.units[:heading]))[::-1]
    after = _numbered_run(letter.units[heading + 1 :], skip_prose=True)
    asked = [_number(u.text) for u in before]
    answered = [_number(u.text) for u in after]
    shared = min(len(asked), len(answered))
    if shared < 2 or answered[:shared] != asked[:shared]:
        return  # (a text cut short may stop before the last answers)
    for unit in before:
        unit.role = Role.REQUEST
    letter.pieces.append(Piece(before))


def _numbered_run(units: Iterable[Unit], *, skip_prose: bool = False) -> list[Unit]:
    """The numbered items at the head of ``units`` ("1. ...", "2. ..."), up to the first unit
    that is not one; with ``skip_prose``, all of them, other units passed over (an answer's
    own paragraphs under its number)."""
    found: list[Unit] = []
    for unit in units:
        if _number(unit.text) is not None:
            found.append(unit)
        elif not skip_prose:
            break
    return found


def _number(text: str) -> str | None:
    """The number opening an item ("2. ..." gives "2"), or None."""
    match = _NUMBERED.match(text)
    return match.group(1) if match else None


_NUMBERED = re.compile(r"^[ \t]*(\d{1,2})[.)]\s")


#: The response's opening naming the request and introducing a list: "Thank you for your
#: request dated 11 January under FOISA for details of all correspondence between:-".
_INTRODUCES_REQUEST = re.compile(
    r"\byour\s+(?:[\w-]+\s+){0,3}(?:request|e-?mail|letter|enquiry)\b.*:\s*[-–]?\s*$",
    re.IGNORECASE | re.DOTALL,
)
#: How far into the response its restatement of the request is looked for.
_RESTATED_WITHIN = 6


def _restated_list(letter: Letter, units: list[Unit], *, on_thread: bool = True) -> list[Unit]:
    """The items of a request restated in the response's opening ("Thank you for your request
    ... for details of all correspondence between:-" then a bulleted list): the request told
    again, not answers. Its own words may be in the requester's message on the thread; when
    they are not, the restatement is the only request the letter gives. Returns the opening
    and its items (marked as the request), or nothing."""
    last = letter.main[1]
    opening = [u for u in units if u.role in ANSWERING][:_RESTATED_WITHIN]
    for unit in opening:
        if not _INTRODUCES_REQUEST.search(unit.text):
            continue
        listed: list[Unit] = []
        for item in letter.units[unit.index + 1 : last]:
            if LIST_ITEM.match(item.text):
                listed.append(item)
            elif listed and not item.blank_before and (on_thread or item.text[:1].islower()):
                # An item's wrapped line. Without the requester's message to compare, a
                # capitalised line straight after the list is the answer beginning.
                listed.append(item)
            else:
                break
        if any(LIST_ITEM.match(u.text) for u in listed):
            for item in [unit, *listed]:
                item.role = Role.REQUEST
            return [unit, *listed]
        return []
    return []


def _step(reader: _Reader, unit: Unit) -> None:
    text = unit.text
    first_line = text.split("\n", 1)[0]
    if reader.state != "request" and _table_pair(reader, unit):
        return
    requested = voice.request_heading(first_line)
    if requested is not None and (
        _answer_label(text, first_line)
        or _bare_answer_label(reader, unit, first_line)
        or _labelled_answer(reader, text)
    ):
        # "Q1" on its own line over "I can confirm that we hold ...": the answer's label.
        if reader.state in ("request", "intro"):
            reader.close()
            reader.state = "answer"
        reader.spoken = True
        return
    if requested is not None and not _title(reader, unit):
        _drop_title_block(reader, at_top=True)
        reader.close()
        unit.role = Role.HEADING
        if _CODE_ONLY.match(first_line[requested:]):
            return  # "Freedom of Information Request: 0596 2019/20" - a reference, not a request
        reader.answer_heading = _answer_heading_after(reader, unit)
        if requested < len(first_line):
            reader.open(unit)  # "Request: What is the agency spend?"
        else:
            reader.state = "intro"
        return
    responded = voice.response_heading(first_line)
    if responded is None and reader.previous is not None:
        dotted = voice.dotted_answer(first_line)  # "Q. How many ...?" then "A. 1,204."
        if dotted is not None and voice.request_heading(reader.previous.text.split("\n", 1)[0]):
            responded = dotted
    if responded is not None and reader.state in ("request", "intro", "answer", "before"):
        bare = responded >= len(first_line)
        if bare and reader.state == "intro" and reader.previous is not None:
            reader.columns = (
                _COLUMN_HEAD.match(reader.previous.text) is not None
                and _COLUMN_HEAD.match(first_line) is not None
                and not reader.letter.pieces
            )
        if reader.state in ("request", "intro") or reader.letter.pieces:
            reader.close()
            reader.state = "answer"
        unit.role = Role.HEADING if bare else Role.ANSWER
        reader.spoken = True
        return
    if reader.columns:
        question = _question_cell(unit)
        if not reader.letter.pieces and not question:
            reader.columns = False  # "Request" / "Response" over a lost request: no table
        elif question:
            reader.open(unit)  # the question cell of the next row
            return
        else:
            reader.close()  # its answer cell
            reader.state = "answer"
            return
    if reader.state == "request":
        assert reader.current is not None
        section = reader.section(unit)
        if section is not None:
            reader.headings.add(unit.index)
            if section == "new":
                reader.open(unit)  # the next section of the request, numbered afresh
            else:
                reader.extend(unit)
            return
        if not reader.ends_request(unit):
            reader.extend(unit)
            return
        reader.close()
        reader.state = "answer"
        reader.spoken = True
    if reader.state == "intro":
        if _DATE_ONLY.match(text):
            return  # "Request details" / "19 October 2020": the request's date, not its text
        if _FIELD_LABEL.match(text) or (
            reader.previous is not None and _FIELD_LABEL.match(reader.previous.text)
        ):
            return  # "- Reference" / "- FOI 25-102": a record's fields, before its request
        if _REQUEST_NUMBER.match(text):
            return  # "Original Request 202500497219": which request, not what it asked
        if (
            voice.authority_speaks(text)
            and not _listed(text)
            and text.lstrip()[:1] not in _OPEN_QUOTES
            and not _quoted_message(reader, unit)
        ):
            reader.spoken = True
            if not voice.introduces_request(_last_sentence(text)):
                reader.state = "answer" if reader.letter.pieces else "before"
        else:
            reader.open(unit)
        return
    if reader.state == "answer" and reader.letter.pieces and reader.next_section(unit):
        reader.headings.add(unit.index)
        reader.in_turn = True
        reader.open(unit)  # "Street lighting" over "1. How many ...?" after the answers above
        return
    if reader.state == "answer" and reader.letter.pieces and _leads_more_asks(reader, unit):
        reader.open(unit, continued=True)  # "Please also provide details of ... to include;"
        return
    if (
        reader.state == "answer"
        and reader.letter.pieces
        and reader.continues_request(unit)
        and not (_signpost(reader, unit) and _restates(text, reader.letter.pieces))
        and not _asked_again(text, reader.letter.pieces)
    ):
        reader.open(unit, continued=True)
        return
    at_top = reader.state == "before" and not reader.spoken and not reader.letter.pieces
    requester = unit.asks and not unit.authority
    if (
        requester
        and _starts_a_list(text)
        and not (reader.previous is not None and announces_answers(reader.previous.text))
        and _only_titles(reader.letter.pieces)
    ):
        # "Question 1: How many ...?" - questions answered in turn. A heading read as the
        # request before them ("Request for information: Environmental Information
        # Regulations 2004") asked for nothing: the questions are the request.
        _drop_title_block(reader)
        reader.open(unit)
        return
    if requester and not reader.letter.pieces and _bulleted_asks(reader, unit):
        # "Please find below a summary of our findings." then "- The total number of 999 calls
        # received ...?" "- The number of ...?": a run of bulleted asks in the requester's voice,
        # before any request was read, is the request quoted without a heading.
        _drop_title_block(reader)
        reader.open(unit)
        return
    if (
        requester
        and reader.state == "before"
        and not reader.letter.pieces
        and _leads_a_list(reader, unit)
    ):
        # "Under FOIA, please can you provide me with the following information ...?" then
        # "Request 1", "Request 2": the requester's lead-in over numbered asks, quoted after
        # the authority's opening words.
        reader.open(unit)
        return
    if (
        requester
        and reader.state == "before"
        and not reader.letter.pieces
        and not (reader.previous is not None and read_item(reader.previous.text) is not None)
        and _WANTS_INFORMATION.search(text) is not None
        and _ASKS_IN_WORDS.search(text) is not None
        and _answer_heading_after(reader, unit) is not None
    ):
        # "This is a request for information about ..." then "Please could you provide ...",
        # then "Response": what asks before the answer part's heading is the request, though
        # no heading of its own (lost, or never written) says so.
        _drop_title_block(reader)
        reader.open(unit)
        return
    if at_top and unit.role is not Role.TABLE and (requester or _list_over_answer(reader, unit)):
        reader.open(unit)  # a page that opens with the request itself
        assert reader.current is not None
        reader.current.at_top = True
        return
    if (
        reader.state in ("before", "answer")
        and not reader.letter.pieces
        and _REQUEST_NUMBER.match(text)
        and _opens_quote(reader, unit)
    ):
        reader.state = "intro"  # "Original Request FOI2018/01112" over the request quoted
        return
    last = _last_sentence(text)
    announces = reader.state == "answer" and (
        _AS_FOLLOWS.match(text.rstrip()) is not None
        # "The number of hours of overtime worked is recorded in financial years as follows:"
        # once the request is read: the authority's figures follow, not the request again.
        or (bool(reader.letter.pieces) and _NAMES_NO_REQUEST.search(last) is None)
    )
    if voice.introduces_request(last) and not requester and not announces:
        _drop_title_block(reader, at_top=True)
        reader.state = "intro"
        reader.spoken = True
        return
    if unit.authority and not _record_field(text):
        reader.spoken = True


#: What a request asks for, in so many words (not a page's "please open the PDF above").
_WANTS_INFORMATION = re.compile(
    r"\b(?:provide|send\s+me|supply|disclose|release|cop(?:y|ies)|details|information|data|"
    r"number\s+of|how\s+(?:many|much)|breakdown|figures|records|list\s+of)\b",
    re.IGNORECASE,
)


#: ... and asks for it in words of asking (not a title: "Copies of the annual report.").
_ASKS_IN_WORDS = re.compile(
    r"\b(?:please|could\s+you|can\s+you|would\s+you|I\s+would\s+like|I\s+wish|I\s+request|"
    r"I\s+am\s+requesting|how\s+(?:many|much)|what|which|whether)\b",
    re.IGNORECASE,
)


def _answer_heading_after(reader: _Reader, unit: Unit) -> int | None:
    """The index of the answer part's heading alone on its line ("Response", "Our reply")
    later in the message, with no heading of a request between; None if there is none."""
    for later in reader.letter.units[unit.index + 1 : reader.letter.main[1]]:
        first_line = later.text.split("\n", 1)[0]
        if voice.request_heading(first_line) is not None:
            return None
        responded = voice.response_heading(first_line)
        if responded is not None and responded >= len(first_line.rstrip()):
            return later.index
    return None


def _quoted_message(reader: _Reader, unit: Unit) -> bool:
    """Straight under "You wrote:", a message that asks is the requester's, though it opens
    with their own thanks ("Thank you for your reply. I would like to narrow my request ..."):
    the quotation marks that said so were lost."""
    previous = reader.previous
    return (
        unit.asks
        and previous is not None
        and previous.index == unit.index - 1
        and _WROTE.search(_last_sentence(previous.text)) is not None
    )


#: "You wrote:", "your email said:" - the requester's message quoted next.
_WROTE = re.compile(
    r"\b(?:you|your\s+(?:\w+\s+)?(?:e-?mail|letter|message))\s+(?:wrote|said|stated)\s*:\s*$",
    re.IGNORECASE,
)


def _opens_quote(reader: _Reader, unit: Unit) -> bool:
    """Whether the unit after ``unit`` opens with a quotation mark, or (the page having lost
    its marks) asks in the requester's words: "Original Request FOI2018/01112" over "Could you
    please describe ...?"."""
    units = reader.letter.units
    following = next_unit(units, unit)
    return following is not None and (
        following.text.lstrip()[:1] in _OPEN_QUOTES or _requester_asks(following)
    )


#: The fewest words an item of a list must have to be read as an ask in other words.
_FEWEST_ITEM_WORDS = 4


def _list_over_answer(reader: _Reader, unit: Unit) -> bool:
    """A list numbered 1, 2, 3 ... opening the page, then the authority speaking: the request
    in other words ("1. Date of first deployment ..." / "2. Percentage of officers ...", then
    "I am writing to inform you that ..."). Each item names what is wanted without a verb
    that asks; answers numbered at the top of a page whose request was lost hold figures, or
    speak for the authority themselves, and are not followed by the authority answering."""
    units = reader.letter.units
    index = unit.index
    number = 1
    while index < len(units):
        candidate = units[index]
        label = read_item(candidate.text)
        if label is None or label.kind != "num" or label.sub or label.value != str(number):
            break
        words = _words(candidate.text[label.end :])
        if candidate.authority or len(words) < _FEWEST_ITEM_WORDS:
            return False
        number += 1
        index += 1
    if number <= 2:
        return False
    while index < len(units) and not units[index].authority:
        if read_item(units[index].text) is not None or units[index].role not in ANSWERING:
            return False
        index += 1  # "(Calendar and financial year if possible).": a note on the asks
        if index - unit.index > number + 1:
            return False
    return index < len(units) and units[index].role in ANSWERING


def _record_field(text: str) -> bool:
    """A disclosure log's field or status line ("Date received: 4 March 2024", "Information
    withheld (in full)"): it describes the record, it is not the authority answering, so a
    request after it still opens the page."""
    line = text.strip()
    return (
        "\n" not in line
        and len(line) <= 60
        and not line.endswith(".")
        and _FIRST_PERSON.search(line) is None
    )


_FIRST_PERSON = re.compile(r"\b(?:we|I|our|us|my)\b", re.IGNORECASE)


#: A letter (or roman numeral) alone on its line, without the stop a list label has: "C".
_LONE_LETTER = re.compile(r"^\s*\(?(?:[a-z]|[ivx]{1,4})\)?\s*$", re.IGNORECASE)


def section_heading(letter: Letter, unit: Unit) -> str | None:
    """The heading of a section of the request, as written less a closing colon: a short line
    that asks nothing ("Potholes", "Section A: Potholes", "Part 2 – Street lighting") straight
    over a numbered list whose items ask. None for any other unit."""
    text = unit.text.strip()
    if "\n" in text or len(text) > _LONGEST_SECTION_HEADING or not text[:1].isupper():
        return None
    if _SECTION_TITLE.match(text) is None and (read_item(text) is not None or not is_heading(text)):
        return None
    units = letter.units
    following = next_unit(units, unit)
    label = read_item(following.text) if following is not None else None
    if following is None or label is None or label.kind != "num" or label.sub:
        return None
    if statute_heading(text) or unit.asks or unit.authority:
        return None
    if voice.request_heading(text) is not None or voice.response_heading(text) is not None:
        return None
    listed = []
    for item in units[following.index : following.index + _LONGEST_SECTION]:
        if read_item(item.text) is None:
            break
        listed.append(item)
    if not any(u.asks for u in listed) or any(u.authority for u in listed):
        return None  # a heading over answers numbered like the request ("1. 3,412 were ...")
    return text.rstrip(":").rstrip()


def _first_number_label(label: ItemLabel) -> bool:
    """A label that opens a numbered list: "1."."""
    return label.kind == "num" and label.value == "1" and not label.sub


def _first_number(unit: Unit) -> bool:
    """Whether ``unit`` is the first item of a numbered list ("1. How many ...?")."""
    label = read_item(unit.text)
    return label is not None and label.kind == "num" and label.value == "1"


def _same_heading(one: str, other: str) -> bool:
    """Two headings in the same words, their labels too: "Section A" is not "Section B"."""
    return re.findall(r"[a-z0-9]+", one.lower()) == re.findall(r"[a-z0-9]+", other.lower())


#: A section heading that carries its own label before its title: "Section A: Potholes",
#: "Part 2 – Street lighting" (the title is what a bare "Part 2" lacks).
_SECTION_TITLE = re.compile(
    r"^(?i:section|part|chapter|theme|topic|area)\s+(?:\d{1,2}|[A-Z]|[IVX]{1,4})\s*"
    r"(?::|[-–—]|\.(?=\s))\s*[A-Z]"
)
_LONGEST_SECTION_HEADING = 80
#: How many numbered items under a section heading are read to hear whether they ask.
_LONGEST_SECTION = 12


def _group_label(letter: Letter, unit: Unit) -> bool:
    """A bare letter between numbered questions names the group the next ones belong to
    ("a) At fires ... b) At other incidents ... C" then "7. Total rescues?"): it is no answer.
    A lone figure under a question is one ("41"), so only letters count."""
    if not _LONE_LETTER.match(unit.text):
        return False
    following = next_unit(letter.units, unit)
    return following is not None and read_item(following.text) is not None


def _answer_label(text: str, first_line: str) -> bool:
    """A bare question label ("Q1", "Question 2") heading the authority's words, not a question.

    Pages that answer in turn label each answer with its question's number; when the words
    under the label are the authority speaking (and ask nothing), the label heads an answer.
    """
    if not _BARE_LABEL.match(first_line):
        return False
    rest = text.split("\n", 1)[1] if "\n" in text else ""
    return bool(rest.strip()) and voice.authority_speaks(rest) and not voice.asks(rest)


def _bare_answer_label(reader: _Reader, unit: Unit, first_line: str) -> bool:
    """A bare question label alone in its block ("Q2 -"), met among the answers once the
    request is read, over words that ask nothing ("NOTICE OF REFUSAL"): the label of an
    answer laid out on the lines below it. Were a question under it, the letter would be
    quoting each question again before its answer."""
    if reader.state != "answer" or not reader.letter.pieces or "\n" in unit.text.strip():
        return False
    if not _BARE_LABEL.match(first_line):
        return False
    units = reader.letter.units
    following = next_unit(units, unit)
    return following is not None and not following.asks


def _labelled_answer(reader: _Reader, text: str) -> bool:
    """A question's label opening the authority's words on its own line, once the request is
    read ("Q1: I am not obliged to provide you with a response ..."): the answer to Q1."""
    if reader.state != "answer" or not reader.letter.pieces:
        return False
    label = _QUESTION_LABEL.match(text)
    if label is None:
        return False
    rest = text[label.end() :]
    if voice.asks(rest):
        return False
    if voice.authority_speaks(rest):
        return True
    # "Q2: The annual spend has been provided below ...": words that ask nothing, under the
    # number of a question already asked.
    number = re.search(r"\d+", label.group(0))
    asked = {
        item.value
        for piece in reader.letter.pieces
        for u in piece.units
        if (item := read_item(u.text)) is not None and item.kind == "num"
    }
    return number is not None and number.group(0) in asked


#: A question's label and its mark at the start of a line: "Q1:", "Question 2 -".
_QUESTION_LABEL = re.compile(r"^\s*(?:q|questions?)\s*\.?\s*\d{1,2}[a-z]?\s*[.:\-–]\s*", re.I)

#: A question's label alone on its line: "Q1", "Question 2:", "Q3 -".
_BARE_LABEL = re.compile(
    r"^\s*(?:q|questions?)(?:\s+(?:number|no\.?))?\s*\.?\s*\d{1,2}[a-z]?\s*[.:\-–]?\s*$", re.I
)

#: A line holding only a date (and perhaps a dash before it).
_DATE_ONLY = re.compile(
    r"^\W*(?:\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9},?\s+\d{4}|"
    r"[A-Za-z]{3,9}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{4}-\d{2}-\d{2})\W*$"
)


#: Words that tie an introduction to the request ("your request", "you asked"): without them,
#: "... as follows:" among the answers introduces the authority's own figures.
_NAMES_NO_REQUEST = re.compile(r"\b(?:you|your|request(?:ed|s)?|asked|questions?)\b", re.I)
#: A line naming the request by its number only: "Original Request 202500497219".
_REQUEST_NUMBER = re.compile(
    r"^\W*(?:original\s+|initial\s+)?(?:request|case)(?:\s+(?:no\.?|number|ref(?:erence)?))?"
    r"\s*:?\s*[A-Z]{0,6}[-/]?\d[\w/\-]{3,}\W*$",
    re.IGNORECASE,
)
#: The name of a field of a disclosure-log record, alone on its line (its value is on the
#: next): "- Reference", "Request Date", "Date responded", "Disclosure ID".
_FIELD_LABEL = re.compile(
    rf"^\s*(?:[{BULLETS}]\s*)?(?:(?:our\s+|case\s+|request\s+)?ref(?:erence)?(?:\s+(?:no|number))?|"
    r"(?:disclosure|request|case|foi)\s+id|"
    r"(?:request|response|received|responded|publication|published)\s+date|"
    r"date\s+(?:of\s+)?(?:request|response|received|responded|published)|status|outcome)\s*:?\s*$",
    re.IGNORECASE,
)
#: The authority deciding: a request never says it "is exempt" or "is not held" (it asks).
_DECIDING = re.compile(
    r"\b(?:is|are|was|were|being|been)\s+(?:(?:therefore|considered|deemed)\s+)?"
    r"(?:exempt|withheld|not\s+held|refused)\b|\b(?:we|I)\s+(?:do|did|does)\s+not\s+hold\b|"
    r"\b(?:will|can|shall)\s+neither\s+confirm\s+nor\s+deny\b|\bby\s+virtue\s+of\s+(?:section|regulation)|"
    # "exemptions will be applicable", "we are unable to divulge details": refusing, not asking.
    r"\b(?:exemptions?|exceptions?)\s+(?:will\s+be|is|are)\s+(?:applicable|engaged|applied)\b|"
    r"\b(?:we|I)\s+(?:are|am)\s+(?:unable|not\s+able)\s+to\s+(?:release|disclose|divulge)\b|"
    # The authority named in the third person: "the council have applied S12 of the Act", "the
    # department is not required to provide information ...", "it isn't possible to provide a
    # retrospective snapshot" (a requester's "If it is not possible to provide ..." asks).
    r"\b(?:have|has)\s+(?:applied|relied\s+(?:on|upon))\s+(?:s\.?\s*|section\s+|regulation\s+)\d|"
    r"\b(?:is|are)\s+not\s+(?:required|obliged)\s+to\s+(?:provide|disclose|release|supply)\b|"
    r"(?<!if )\bit\s+(?:is|was)(?:\s+not|n[’']t)\s+possible\s+to\s+(?:provide|supply|give)\b",
    re.IGNORECASE,
)


def _cut_swallowed_answer(piece: Piece) -> None:
    """A piece that runs on into the authority's decision ("... is exempt under section 43")
    has swallowed the answer: the piece ends before it. A quotation of the request never
    decides anything; only the last resort when the voice and headings did not end it."""
    if piece.question is not None or piece.source != "response":
        return
    for position, unit in enumerate(piece.units):
        if position and _decides(unit) and not _asked_then_answered(unit):
            for rest in piece.units[position:]:
                rest.role = Role.ANSWER
            piece.units = piece.units[:position]
            return


def _asked_then_answered(unit: Unit) -> bool:
    """A numbered item that asks, then answers on its own line ("2. How many have accepted
    extra children through appeals. This information is not held by the council."): a list
    answered item by item, whose answers are split from their questions later."""
    label = read_item(unit.text)
    if label is None or "\n" in unit.text:
        return False
    sentences = re.split(r"(?<=[.?!])\s+", unit.text[label.end :].strip())
    return len(sentences) > 1 and voice.asks(sentences[0]) and not _DECIDING.search(sentences[0])


def _decides(unit: Unit) -> bool:
    """A sentence of the unit is the authority deciding, and that sentence asks nothing (a
    paragraph may open "When referrals are received ..." and still refuse)."""
    if not _DECIDING.search(unit.text):
        return False
    if not unit.asks:
        return True
    return any(
        _DECIDING.search(sentence) and not voice.asks(sentence)
        for sentence in re.split(r"(?<=[.?!])\s+", unit.text)
    )


def _table_pair(reader: _Reader, unit: Unit) -> bool:
    """A table row holding a question and its answer ("How many officers? | 52")."""
    text = unit.text
    if "\n" in text or text.count("|") < 1:
        return False
    cells = [m for m in re.finditer(r"[^|]+", text) if m.group(0).strip()]
    if len(cells) < 2:
        return False
    asking = [i for i, cell in enumerate(cells[:-1]) if voice.asks(cell.group(0))]
    if not asking:
        return False
    question = cells[asking[0]]
    answer_start = cells[asking[0] + 1].start()
    start = unit.span.start
    question_span = Span.of(reader.letter.text, start + question.start(), start + question.end())
    answer = Span.of(reader.letter.text, start + answer_start, unit.span.end)
    reader.close()
    unit.role = Role.REQUEST
    reader.letter.pieces.append(Piece([unit], answer=answer, question=question_span))
    reader.state = "answer"
    reader.spoken = True
    return True


def _drop_title_block(reader: _Reader, *, at_top: bool = False) -> None:
    """A "piece" before a request heading that asks nothing and lists nothing was the page's
    heading block ("FOI ID number / 06558"), not the request; so was a title read as the
    request only because it opened the page ("Copies of the annual report."), once the
    letter introduces the request itself."""
    pieces = reader.letter.pieces
    if not pieces:
        return
    last = pieces[-1]
    if _asks_for_nothing(last) or (at_top and last.at_top and len(pieces) == 1):
        for unit in pieces[-1].units:
            unit.role = Role.ANSWER
        pieces.pop()


def _only_titles(pieces: list[Piece]) -> bool:
    """No request read yet, or only one piece that asks for nothing and lists nothing."""
    return not pieces or (
        len(pieces) == 1 and pieces[0].answer is None and _asks_for_nothing(pieces[0])
    )


def _asks_for_nothing(piece: Piece) -> bool:
    """A piece with no ask and no list in it: a heading read as the request, not a request."""
    return not any(u.asks or _listed(u.text) for u in piece.units)


def _title(reader: _Reader, unit: Unit) -> bool:
    """A request heading that is the page's or letter's title ("Request for information"),
    followed by the letter itself rather than by the request."""
    following = next_unit(reader.letter.units, unit)
    return following is not None and following.role in (Role.SALUTATION, Role.LETTERHEAD)


def _last_sentence(text: str) -> str:
    return re.split(r"(?<=[.?!])\s+", text.strip())[-1]


def _item_of_question(question: str, line: str) -> bool:
    """ "How many officers hold each of the following qualifications?" then "Dog Handler":
    a short name on its own line is an item of the list the question introduces."""
    return (
        bool(re.search(r"\bthe\s+following\b", question, re.IGNORECASE))
        and len(line) <= 60
        and "\n" not in line
        and not line.rstrip().endswith((".", "?", "!"))
    )


def _follows_on(text: str) -> bool:
    """ "The data should be broken down by year": more of the ask before, not an answer."""
    return bool(FOLLOW_ON.match(text))


def _bulleted_asks(reader: _Reader, unit: Unit) -> bool:
    """``unit`` and the unit after it are bullets of one style, each asking in the requester's
    voice and not the authority's (an answer under a restated question breaks the run)."""
    style = bullet_style(unit.text)
    if style is None:
        return False
    following = next_unit(reader.letter.units, unit)
    return _requester_asks(following) and bullet_style(following.text) == style


def _leads_a_list(reader: _Reader, unit: Unit) -> bool:
    """A lead-in ("... the following information:") whose next unit opens a numbered list."""
    if _LEAD_IN.search(unit.text.rstrip()) is None:
        return False
    following = next_unit(reader.letter.units, unit)
    return (
        following is not None
        and following.role in ANSWERING
        and not following.authority
        and (_starts_a_list(following.text) or _bullet_naming_a_thing(following.text))
    )


def _bullet_naming_a_thing(text: str) -> bool:
    """ "· Any briefing notes about ...": a bullet that asks, or names a thing wanted."""
    if bullet_style(text) is None:
        return False
    item = _BULLET.sub("", text, count=1)
    return voice.asks(item) or ITEM_PARAGRAPH.match(item.split("\n", 1)[0]) is not None


#: The end of a lead-in over a list: "... the following information:", "... as follows?".
_LEAD_IN = re.compile(r"\b(?:the\s+following|as\s+follows)\b[^.]*$|:$", re.IGNORECASE)


def _starts_a_list(text: str) -> bool:
    """A labelled line that opens a numbering: "1.", "Question 1:", "(a)", "(i)"."""
    label = read_item(text)
    return label is not None and label.value in ("1", "a", "i") and not label.sub


def _repeats(text: str, piece: Piece, *, relabelled: bool = False) -> bool:
    """Whether ``text`` is a question of the piece quoted again (word for word, near enough).

    Two items of one list ("a. marked vehicles", "b. unmarked vehicles") are alike but
    not a repeat: a line with a different label is none, unless ``relabelled`` and it
    repeats a question of five words or more whole (an answer list numbered afresh: "1. How
    many employees work in your Trust? – 8453" under question 4).
    """
    if _BRACKETED_NOTE.match(text):
        return False  # "(Please separate by year)" under each question: a note, not a question
    label = read_item(text)
    words = _words(voice.own_words(text))
    if len(words) < 3:
        return False
    for unit in piece.units:
        other = read_item(unit.text)
        if label is not None and other is not None and not _same(label, other):
            if relabelled and _repeated_whole(words, unit):
                return True
            continue
        if relabelled:
            continue  # the same label: the caller's numbering rules decide
        for asked in unit.sentence_words:
            if asked and len(words & asked) >= 0.85 * max(len(words), len(asked)):
                return True
    return False


#: A line wholly in brackets: the asker's note on the question above it, which each question
#: of a list may carry word for word.
_BRACKETED_NOTE = re.compile(r"^\s*\([^()]*\)\W*$")

#: The fewest distinctive words a question repeated under another label must have.
_WHOLE_REPEAT_WORDS = 5


def _repeated_whole(words: set[str], unit: Unit) -> bool:
    """Every distinctive word of one of ``unit``'s questions is in ``words`` (its answer may add
    a figure), and the question is long enough not to be a list item like its neighbours."""
    return any(
        len(asked) >= _WHOLE_REPEAT_WORDS and asked <= words and len(words) <= len(asked) + 3
        for asked in unit.sentence_words
    )


def _signpost(reader: _Reader, unit: Unit) -> bool:
    """A line set between the answers: after something other than the request (a
    "Response" heading, an answer) and before the authority speaking. A line there that
    names an ask names it again, over its answer."""
    units = reader.letter.units
    following = next_unit(units, unit)
    return (
        reader.previous is not None
        and reader.previous.role is not Role.REQUEST
        and following is not None
        and following.authority
        and not following.asks
    )


def _restates(text: str, pieces: list[Piece]) -> bool:
    """Whether a line in the answers names an ask already made, in its words or fewer
    ("- the number of licence holders in each age band" over its answer): a signpost for
    the answer that follows, not a further ask."""
    if read_item(text) is not None:
        return False  # "2. Between April and March, what ...": the next number is the next ask
    words = _words(voice.own_words(text))
    if len(words) < _FEWEST_ITEM_WORDS:
        return False
    return any(
        len(words & asked) >= 0.85 * len(words) and not _word_swapped(words, asked)
        for asked in _asked_sentences(pieces)
    )


def _word_swapped(words: set[str], asked: set[str]) -> bool:
    """The ask's words with a word or two swapped for others ("... fines for overdue books",
    then "... fines for damaged books"): the next of a list of alike asks, not the ask named
    again (which keeps its words, or drops some)."""
    mine, theirs = words - asked, asked - words
    return 1 <= len(mine) <= _SWAPPED and 1 <= len(theirs) <= _SWAPPED and len(words) >= len(asked)


def _asked_sentences(pieces: list[Piece]) -> Iterator[set[str]]:
    """The words of every sentence the request's pieces hold, one set a sentence."""
    for piece in pieces:
        for unit in piece.units:
            yield from (asked for asked in unit.sentence_words if asked)


def _last_item_unmarked(listed: list[Unit], unit: Unit) -> bool:
    """Bulleted asks each answered beside it ("- how many officers are suspended - 9"), then a
    line worded like an item ("The reasons for each of those officers being suspended"): the
    list's last ask, its bullet lost, not the answer - the bullets' answers are given."""
    return (
        "\n" not in unit.text.strip()
        and not unit.authority
        and ITEM_PARAGRAPH.match(unit.text) is not None
        and ANSWERED_BESIDE.search(unit.text) is None
        and all(ANSWERED_BESIDE.search(u.text) for u in listed)
    )


def _about_the_law(text: str) -> bool:
    """Whether ``text`` opens by describing the law in general (what the Act gives everyone),
    as a page's furniture or an answer's preamble does, rather than asking."""
    first = text.strip().split("\n", 1)[0]
    return phrase_book().find("skip", "general_law", first) is not None


def _leads_more_asks(reader: _Reader, unit: Unit) -> bool:
    """In the answers, the requester's lead-in ("Please also provide details of all new
    planting. Information to include;") straight over a list in the request's own bullets:
    the next piece of the request starts with it, not with its first bullet."""
    if not unit.text.rstrip().endswith((":", ";")) or not unit.asks or unit.authority:
        return False  # the ending first: it costs nothing, the voice is worked out
    if _listed(unit.text):
        return False
    following = next_unit(reader.letter.units, unit)
    style = bullet_style(following.text) if following is not None else None
    return style is not None and style in reader.styles and not following.authority


def _asked_again(text: str, pieces: list[Piece]) -> bool:
    """A listed line in the answers whose question is one the request already asked, word for
    word ("• How many were paid/unpaid? Paid 42, unpaid 5"): the request restated with each
    answer after its question, not a further ask. Two asks of one list may differ in a word
    ("... the number of 101 calls?", "... the number of 999 calls?"), so the words must all but
    match, and the answer must follow the question on its line."""
    own = voice.own_words(text)
    cut = own.find("?")
    if cut < 0 or not own[cut + 1 :].strip():
        return False  # nothing after the question: no answer given beside it
    words = _words(own[: cut + 1])
    if len(words) < 3:
        return False
    return any(
        len(words & asked) >= _SAME_WORDS * max(len(words), len(asked))
        for asked in _asked_sentences(pieces)
    )


#: How many words two alike asks may swap.
_SWAPPED = 2

#: Share of words two questions must have in common to be one question asked again.
_SAME_WORDS = 0.95


def _words(value: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", value.lower()) if len(w) > 2}


def _listed(text: str) -> bool:
    return read_item(text) is not None or bullet_style(text) is not None


def _continuation_list(previous: Unit | None) -> bool:
    """A list completing the authority's own sentence ("... because it helps to:")."""
    if previous is None or previous.role is Role.REQUEST:
        return False
    line = previous.text.rstrip()
    if _AS_FOLLOWS.match(line):
        return True  # "2. As follows:" in the answers, over the authority's figures
    return (
        line.endswith(":")
        and voice.authority_speaks(previous.text)
        and not (voice.introduces_request(_last_sentence(previous.text)))
    )


#: The authority opening its answer: "We ...", "Our ...", "The Council ...".
_AUTHORITY_OPENING = re.compile(
    r"^\W*(?:we|our|I\s+(?:can|am|have|will|write)|the\s+(?:council|trust|authority|force|"
    r"university|service|department|board|college))\b",
    re.IGNORECASE,
)
#: The authority pointing to its answer: "Please see the links below", "Please find attached"
#: (the requester hands over their own: "Please find below my questions").
_POINTING_OPENING = re.compile(
    r"^\W*please\s+(?:see|find|note|be\s+advised)\b(?!\s+(?:\w+\s+)?my\b)", re.IGNORECASE
)
#: A line that opens the authority's answer straight under a quoted question without
#: punctuation: "Please note ...", "We ...", "Our ...", "The Council ...".
_ANSWER_OPENING = re.compile(rf"{_AUTHORITY_OPENING.pattern}|^\W*please\s+note\b", re.IGNORECASE)
#: An answer that only announces the list under it: "2. As follows:", "See below:".
_AS_FOLLOWS = re.compile(
    r"^\W*(?:(?:\d{1,2}[a-z]?|[a-z])[.)]\s+)?(?:as\s+follows|see\s+below|(?:details|figures)"
    r"\s+(?:are\s+)?below)\s*:$",
    re.IGNORECASE,
)


def _indent(text: str, unit: Unit) -> int:
    """How far the unit's first line is indented (a nested list sits deeper)."""
    return indent_at(text, unit.span.start)


def _new_sub_list(seen: list[ItemLabel], label: ItemLabel) -> bool:
    """A first part ("a)", "(i)") right after a numbered item that follows an earlier run of
    parts: the new item's own parts, not the request's list starting again."""
    return (
        label.kind in ("alpha", "roman")
        and label.value in ("a", "i")
        and bool(seen)
        and seen[-1].kind == "num"
        and any(other.kind == label.kind for other in seen)
    )


def _all_first(labels: list[ItemLabel]) -> bool:
    """Whether every label of a list is "1." (an ordered list whose numbers the page lost)."""
    return all((label.kind, label.value, label.sub) == ("num", "1", None) for label in labels)


def _same(label: ItemLabel, other: ItemLabel) -> bool:
    return (label.kind, label.value, label.sub) == (other.kind, other.value, other.sub)


def _follows(seen: list[ItemLabel], label: ItemLabel) -> bool:
    """A label that continues the request's numbering: the next number (or letter)."""
    same_kind = [s for s in seen if s.kind == label.kind]
    if not same_kind or label.sub:
        return False
    last = same_kind[-1]
    if label.kind == "num":
        return int(label.value) == int(last.value) + 1
    if label.kind == "alpha":
        return ord(label.value) == ord(last.value) + 1
    return False


def _join_adjacent(letter: Letter) -> None:
    """Two pieces with nothing the authority wrote between them are one stretch of request
    (a list whose items were read one at a time)."""
    joined: list[Piece] = []
    for piece in letter.pieces:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.source == piece.source == "response"
            and previous.answer is None
            and previous.question is None
            and piece.question is None
            and not piece.reported
            and piece.heading is None  # a section under its own heading stays its own
            and _nothing_between(letter, previous, piece)
        ):
            previous.units.extend(piece.units)
            continue
        joined.append(piece)
    letter.pieces = joined


def _nothing_between(letter: Letter, first: Piece, second: Piece) -> bool:
    after, before = first.units[-1].index + 1, second.units[0].index
    return all(
        u.role not in (Role.ANSWER, Role.TABLE, Role.REASONS) for u in letter.units[after:before]
    )


def _pair_answers(letter: Letter) -> None:
    """Each piece's answer is the text after it, up to the next piece (or a rights heading)."""
    _join_adjacent(letter)
    pieces = [p for p in letter.pieces if p.source == "response"]
    if len(pieces) < 2:
        letter.interleaved = bool(pieces) and pieces[0].answer is not None
        return
    answered = 0
    for index, piece in enumerate(pieces):
        if piece.answer is not None:  # a table row gave it with its question
            answered += 1
            continue
        after = piece.units[-1].index + 1
        stop = pieces[index + 1].units[0].index if index + 1 < len(pieces) else letter.main[1]
        body = [u for u in letter.units[after:stop] if u.role in ANSWERING]
        if any(u.role is not Role.HEADING for u in body):
            start, end = body[0].span.start, body[-1].span.end
            piece.answer = Span(start, end, letter.text[start:end])
            answered += 1
    letter.interleaved = answered > 0 and all(p.answer is not None for p in pieces[:-1])


def _reported(
    letter: Letter, units: list[Unit], finds: Callable[[str], re.Match[str] | None]
) -> None:
    """ "You asked us for copies of ..." in the opening sentences: the request in running text,
    found by ``finds`` (an ask reported, or one named in the thanks for it)."""
    for unit in units[:40]:
        if unit.role not in ANSWERING:
            continue
        for sentence in letter.layout.sentences_in(unit.span.start, unit.span.end):
            match = finds(sentence.text)
            if match:
                start = sentence.start + match.end()
                received = _RECEIVED_CLAUSE.search(sentence.text, match.end())
                end = sentence.start + received.start() if received else sentence.end
                span = Span.of(letter.text, start, end)
                if not any(c.isalnum() for c in span.text):
                    continue  # "We hold some of the information you asked for.": no ask named
                piece_unit = Unit(span, unit.index, False, Role.REQUEST)
                piece = Piece([piece_unit], reported=True)
                letter.pieces.append(piece)
                _reported_rest(letter, units, piece, sentence.end)
                return


#: "... which we received on 10 May": when the request came, not what it asked.
_RECEIVED_CLAUSE = re.compile(
    r",?\s+(?:which|that)\s+(?:we|was|were)\s+(?:first\s+)?received\b", re.IGNORECASE
)


def _reported_rest(letter: Letter, units: list[Unit], piece: Piece, end: int) -> None:
    """A reported request that opens a quotation runs on to where it closes ("requesting
    “details ... for the last 5 years:" / "Date, time, ...”."), and a sentence after it that
    reports one more ask ("In addition, X was also requested.") is a further point."""
    following = [u for u in units if u.span.start >= end and u.role in ANSWERING]
    open_quotes = piece.units[0].text.count("“") - piece.units[0].text.count("”")
    for unit in following[:_LONGEST_REPORTED]:
        if open_quotes <= 0:
            break
        piece.units.append(unit)
        unit.role = Role.REQUEST
        open_quotes += unit.text.count("“") - unit.text.count("”")
        end = unit.span.end
    if open_quotes > 0:
        piece.units[1:] = []  # no closing mark: only the first sentence is sure
        return
    for unit in (u for u in units if u.span.start >= end and u.role in ANSWERING):
        if not (voice.further_ask(unit.text) or _asks_on(unit)):
            return
        unit.role = Role.REQUEST
        letter.pieces.append(Piece([unit], reported=True))
        end = unit.span.end


def _asks_on(unit: Unit) -> bool:
    """A question in the requester's words straight after the request reported in running
    text ("Thank you for your request concerning Can you confirm ...?" then "Where no
    applications have been made, can you confirm ...?"): the request goes on."""
    return unit.text.rstrip().endswith(("?", "?.")) and unit.asks and not unit.authority


#: An answer naming the ask it answers: "In relation to your request for the committee
#: minutes, ...", "With regard to your request to see the plans, ...".
_ANSWER_NAMES_ASK = re.compile(
    r"^\W*(?:in\s+(?:relation|regard|respect|response|reply)\s+to|with\s+(?:regards?|respect)\s+to|"
    r"regarding|as\s+(?:for|regards|to))\s+your\s+(?:request|question|query|enquiry)\s+"
    r"(?:for|to\s+(?:see|view|inspect|have)|about|regarding|on|concerning|asking\s+for)\s+"
    r"(?P<ask>[^,.;:]{3,160})",
    re.IGNORECASE,
)


def _reported_by_topic(letter: Letter, units: list[Unit]) -> None:
    """Paragraphs that each open by naming the ask they answer, where the letter quotes no
    request: each names one point of the request, in reading order."""
    named = []
    for unit in units[:_LONGEST_TOPICAL]:
        if unit.role not in ANSWERING:
            continue
        match = _ANSWER_NAMES_ASK.match(unit.text)
        if match:
            named.append((unit, match))
    if len(named) < 2:
        return
    for unit, match in named:
        span = Span.of(
            letter.text, unit.span.start + match.start("ask"), unit.span.start + match.end("ask")
        )
        letter.pieces.append(Piece([Unit(span, unit.index, False, Role.REQUEST)], reported=True))


#: How far into the letter answers that name their asks are looked for.
_LONGEST_TOPICAL = 60
#: A quotation of a reported request that has not closed after this many units never will.
_LONGEST_REPORTED = 4

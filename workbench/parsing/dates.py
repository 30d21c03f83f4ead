"""Dates in a letter, and which of them is the date the request arrived or was answered.

A letter mentions many dates (the period asked about, a committee hearing, a
retention rule); only two matter for the deadline. Each date is judged by the
words just before it in its own sentence, or by the label on its line
("Date received:", "Response date"), never by its position alone, because a
web page's "Published" date or a requester's "as of 18 May" is not a response
date. When nothing says what a date is, it is left out: null is better than
a guess.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from .literals import quick_start
from .text import Layout, Span

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<{name}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?,?\s+)?"
#: A written-out date may run straight into the next block when a web page is flattened
#: ("Responded Wed 30 July 2025Please consider ...", "... September 20231. How long ..."):
#: after a month's name, its year may be followed by a capital or a list label. A typed date
#: may lose the space between day and month ("your request of 01May 2025").
_DATE = re.compile(
    rf"""\b{_WEEKDAY}(?:
        (?P<d1>[0-3]?\d)(?:st|nd|rd|th)?(?:\s+of)?
            (?:[\s-]+|(?=(?-i:[A-Z][a-z])))  # "28February 2011": a PDF lost the space
            {_MONTH.format(name="m1")},?[\s-]+(?P<y1>\d{{4}})
      | {_MONTH.format(name="m2")}\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})
      | (?P<d3>[0-3]?\d)(?P<sep>[/.])(?P<m3>[01]?\d)(?P=sep)(?P<y3>\d{{4}}|\d{{2}})(?![\d/]|\.\d)
      | (?P<d5>[0-3]?\d)-(?P<m5>[01]?\d)-(?P<y5>\d{{4}})(?![\d-])
      | (?P<y4>\d{{4}})-(?P<m4>[01]\d)-(?P<d4>[0-3]\d)(?![\d-])
    )(?:\b|(?<=[A-Za-z,]\s\d{{4}})(?=[A-Z]|\d[.)]\s))""",
    re.IGNORECASE | re.VERBOSE,
)
#: Every letter is scanned whole for dates: told which characters a date opens with, the
#: engine turns most offsets away at once (the same matches, in half the time).
_DATE = quick_start(_DATE)

Role = Literal["received", "response", "clarified"]


@dataclass(frozen=True)
class FoundDate:
    """A date written in the text and where."""

    date: dt.date
    start: int
    end: int


def parse_date(value: str) -> dt.date | None:
    """Read one written date ("25th October 2023", "25/10/2023", "2023-10-25"), UK order."""
    match = _DATE.search(value)
    return _to_date(match) if match else None


def read_date(value: str) -> dt.date | None:
    """The date ``value`` is, when it is a date and nothing else; else None.

    How people type a date into a form or a command: ``4/12/2023``, ``04/12/2023``,
    ``4.12.23``, ``4-12-2023``, ``4 Dec 2023``, ``Monday 4th December 2023``,
    ``December 4, 2023`` or ISO ``2023-12-04``; numbers are read day first, as in the UK.
    """
    match = _DATE.fullmatch(value.strip().rstrip(".").strip())
    return _to_date(match) if match else None


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[FoundDate]:
    """Every real calendar date written in ``text[start:end]``."""
    end = len(text) if end is None else end
    found = []
    for match in _DATE.finditer(text, start, end):
        date = _to_date(match)
        if date is not None:
            found.append(FoundDate(date, match.start(), match.end()))
    return found


def _to_date(match: re.Match[str]) -> dt.date | None:
    groups = match.groupdict()
    try:
        if groups["d1"]:
            day, month, year = int(groups["d1"]), _MONTHS[groups["m1"][:3].lower()], groups["y1"]
            month = 9 if groups["m1"].lower().startswith("sept") else month
        elif groups["d2"]:
            day, month, year = int(groups["d2"]), _MONTHS[groups["m2"][:3].lower()], groups["y2"]
        elif groups["d3"]:
            day, month, year = int(groups["d3"]), int(groups["m3"]), groups["y3"]
        elif groups["d5"]:
            day, month, year = int(groups["d5"]), int(groups["m5"]), groups["y5"]
        else:
            day, month, year = int(groups["d4"]), int(groups["m4"]), groups["y4"]
        full_year = int(year) + (2000 if len(year) == 2 else 0)
        if not 1990 <= full_year <= 2100:
            return None
        return dt.date(full_year, month, day)
    except (ValueError, KeyError):
        return None


# --------------------------------------------------------------------------- roles

#: Words that, just before a date, say the request arrived then.
_RECEIVED_CUE = re.compile(
    r"\b(?:received|receipt|arrived|came in|reached us|logged)\b", re.IGNORECASE
)
#: Weaker: the date the requester wrote, which is the receipt date for email in practice.
_REQUEST_DATED_CUE = re.compile(
    # The authority's own earlier letter ("Further to my letter of 18 December") is not the
    # request.
    r"(?<!\bmy\s)(?<!\bour\s)"
    # "your request for information, dated 9th February", "your 2 emails of 12 December",
    # "your enquiry dated 3 June".
    r"\b(?:request|e-?mail|letter|correspondence|communication|application|enquiry|inquiry)s?"
    r"(?:\s+for\s+information)?,?\s+(?:dated|of|sent on|made on|submitted on)\b"
    # "the information requested on 6th September": the request's own date.
    r"|\b(?:information|you)\s+requested\s+on\b",
    re.IGNORECASE,
)
#: Words that, just before a date, say the response was sent then.
_RESPONSE_CUE = re.compile(
    r"\b(?:respon(?:se|ded)|repl(?:y|ied)|answered|sent|issued|date of (?:this )?letter)\b",
    re.IGNORECASE,
)
#: Dates that belong to something else: a web page, a review request, an extension.
_OTHER_CUE = re.compile(
    r"\b(?:publish(?:ed)?|updated|posted|modified|printed|created|extend(?:ed)?|extension|"
    r"deadline|due|period|between|until|since|expect(?:ed)?)\b",
    re.IGNORECASE,
)
#: A date straight after one of these words is the edge of a period, whatever came before.
_PERIOD_WORD = re.compile(
    r"\b(?:from|since|until|till|between|to|before|after|by|no\s+later\s+than)\s*$", re.I
)
#: "Your request, received by 19 May 2019": by then, so then; not a deadline ("reply by").
_RECEIVED_BY = re.compile(r"\breceived\s+by\s*$", re.IGNORECASE)
#: Words that, just before a date, say the requester's clarification arrived then (the
#: clock starts again, FOIA s.1(3)): "you clarified your request on", "clarification
#: received".
_CLARIFIED_CUE = re.compile(r"\bclarif(?:ied|ication|ying|y)\b", re.IGNORECASE)
#: A label at the start of a line: "Date:", "Date received:", "Response date", "Received".
_LABEL = re.compile(
    r"^\s*(?P<label>(?:[A-Za-z]+\s+){0,3}?(?:dates?|received|responded|response|sent|replied|"
    r"published|updated|dated|released|issued|clarified|clarification|requested|"
    r"request(?:\s+details)?)"
    r"(?:\s+[A-Za-z]+){0,3}?)"
    # A Welsh body's letterhead gives each label in both languages: "Date / Dyddiad:".
    r"(?:\s*/\s*dyddiad\b[^:\n]{0,20})?\s*[:\-–]?\s*$",
    re.IGNORECASE,
)
_WELSH_LABEL = re.compile(r"\s*/\s*dyddiad\b[^:\n]{0,20}", re.IGNORECASE)
_CUE_WINDOW = 90
#: The receipt of a review request itself, said as such.
_REVIEW_RECEIVED = re.compile(
    r"\b(?:request(?:ed)?|requirement|ask(?:ed)?|application)\s+(?:for\s+)?(?:an?\s+)?"
    r"(?:internal\s+)?review\b"
    r"[^.]{0,40}\b(?:received|receipt)\b[^.]{0,30}$"
    # "I am writing in response to your review request of 1 July 2019": the review request's
    # own date, as "your request of" is a first request's ("a review of 3 May" may be the date
    # of what is reviewed, so not that).
    r"|\breview\s+request\s+(?:of|dated|made\s+on|sent\s+on|submitted\s+on)\s*$",
    re.IGNORECASE,
)


#: After a date: the requester asking for the review ("..., you requested that the Authority
#: review this decision", "you asked for an internal review").
_REVIEW_ASKED_AFTER = re.compile(
    r",?\s*you\s+(?:requested|asked|required|sought)\b[^.]{0,40}?\breview\b", re.IGNORECASE
)


@dataclass(frozen=True)
class DatedRole:
    """A date with the role the text gives it, and the sentence that says so."""

    date: dt.date
    role: Role
    strong: bool
    evidence: Span
    #: How surely the text gives the role: 0 a label ("Date received:"), 1 the letter's own
    #: date line, 2 a cue in a sentence ("we received your request on"), 3 a weak cue
    #: ("your email of").
    rank: int = 2


def classify_dates(text: str, layout: Layout | None = None, top: int = 0) -> list[DatedRole]:
    """Each date whose role the text makes clear, in reading order.

    ``top`` is where the letter itself begins: on a thread page the reply comes after the
    request and its acknowledgement, and its date stands near its own top, not the page's.
    """
    layout = layout or Layout(text)
    top_line = layout.line_index(top) or 0 if top else 0
    roles = []
    for found in find_dates(text):
        judged = _judge(text, layout, found, top_line)
        if judged is not None:
            roles.append(judged)
    return roles


def _judge(text: str, layout: Layout, found: FoundDate, top_line: int = 0) -> DatedRole | None:
    line = layout.line_at(found.start)
    if line is None:
        return None
    label = _line_label(text, layout, line, found)
    if label is not None:
        label = _WELSH_LABEL.sub("", label)
        role = _role_of_label(label)
        if role is None:
            return None
        # "Dated: 11 Sep 2014" over "Date of response: 02/09/14" on a log page: a bare "Date"
        # may be the page's own; a label that names the response says which date it is.
        rank = 1 if _BARE_DATE_LABEL.match(_MARK.sub("", label)) else 0
        if _ANOTHER_DATE.match(text[found.end : line.end].strip(" .,;")):
            # "Issue dates: 19.12.25 and 07.01.26": the first is taken, but the field holds
            # two, and which answered the request the text does not say.
            rank = 3
        return DatedRole(found.date, role, True, _evidence(text, layout, line, found), rank)
    sentence = layout.sentence_at(found.start) or line
    before = text[max(sentence.start, found.start - _CUE_WINDOW) : found.start]
    before = _after_last_date(before)
    role = _role_of_words(before)
    if role is not None:
        return DatedRole(found.date, role[0], role[1], sentence, 2 if role[1] else 3)
    if _REVIEW_ASKED_AFTER.match(text, found.end, sentence.end):
        # "On 27 February 2024 you requested that the Authority review this decision": the
        # request a review outcome answers, dated before the words that say so.
        return DatedRole(found.date, "received", True, sentence, 2)
    if _is_letter_date_line(text, layout, line, found, top_line):
        return DatedRole(found.date, "response", False, line, 1)
    return None


def _line_label(text: str, layout: Layout, line: Span, found: FoundDate) -> str | None:
    """The label of a "Label: date" line, or of a label line just above a lone date.

    Flattened web tables put a dash before labels and values ("- Date Received" /
    "- 27/05/2024"); the dash is not part of either.
    """
    prefix = _MARK.sub("", text[line.start : found.start])
    rest = text[found.end : line.end].strip(" .,;")
    if _ANOTHER_DATE.match(rest):
        rest = ""  # "Issue dates: 19.12.25 and 07.01.26" - the first is the date labelled
    if rest and found.end < line.end and text[found.end].isalnum():
        rest = ""  # "Responded Wed 30 July 2025Please consider ...": the next block, glued on
    if _TIME_ONLY.match(rest):
        rest = ""  # "Date Request Replied To: 15/12/2025 00:00:00": a date field with its time
    if _LETTER_OPENS.match(rest):
        rest = ""  # "Date: 11/09/2018 I write in connection with ...": the letter's first line
    if _NEXT_FIELD.match(rest):
        rest = ""  # "Date: 22 February 2021 Tel: 01443 ...": the letterhead's next field
    if prefix.strip() and _LABEL.match(prefix) and not rest:
        return prefix
    beside = _DATE_AFTER_REFERENCE.match(prefix)
    if beside is not None and not rest:
        return beside.group("label")  # "Our Ref: IM-FOI-2021-0942 Date: 31st May 2021"
    if not prefix.strip() and not rest:
        previous = _previous_line(layout, line)
        if previous is not None and _LABEL.match(_MARK.sub("", previous.text)):
            return previous.text
    return None


_MARK = re.compile(r"^\s*[-–—•*]\s*")
_BARE_DATE_LABEL = re.compile(r"^\s*dated?\s*[:\-–]?\s*$", re.IGNORECASE)
_TIME_ONLY = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?$", re.IGNORECASE)
#: The opening words of a letter's first sentence, run onto its date line by a flattened page.
_LETTER_OPENS = re.compile(
    r"^(?:I|We)\s+(?:write|am\s+writing|are\s+writing|refer)\b|^Thank\s+you\b|^Dear\s+[A-Z]"
)
#: A header line holding several fields, the reference first and then the date (a letter's
#: top lines flattened from a PDF): the date's own label is the one just before it ("Our Ref:
#: IM-FOI-2021-0942 Date: 31st May 2021", "Your Ref: Our Ref: CT_65_21 Date/Dyddiad: ...").
_DATE_AFTER_REFERENCE = re.compile(
    r"^\s*(?:our\s+|your\s+)?ref(?:erence)?\b[^:\n]{0,12}:[^\n]{0,60}?\s"
    r"(?P<label>date(?:\s+of\s+(?:letter|response))?)(?:\s*/\s*dyddiad)?\s*:\s*$",
    re.IGNORECASE,
)
#: The next field of a letterhead after a date: "Tel/ffôn: 01443 ...", "Email: ...".
_NEXT_FIELD = re.compile(r"^[A-Z][A-Za-z]{1,12}(?:\s*/\s*\w+)?\s*:")
#: "7 August 2012 / Ref FO005949", "31 March 2014Case Reference Number IRQ0532897": the
#: reference field after the date.
_REFERENCE_AFTER = re.compile(
    r"^[/|,;–-]?\s*(?:(?:our|your|case|request)\s+)?ref(?:erence)?\b", re.IGNORECASE
)
#: "Our Ref: SIR1555/A2999 12 July 2019", "Our reference: 20642 EIR 29 November 2022": a
#: letterhead's reference and date flattened onto one line, the reference first. The code is
#: a few capitalised or numbered words with a digit among them; words of a sentence are not.
_REFERENCE_BEFORE = re.compile(
    r"^\s*(?i:our\s+)?(?i:ref(?:erence)?)\s*(?i:no\.?|number)?\s*[:#.]?\s*"
    r"(?=[^\n]*\d)(?:(?:[A-Z0-9][\w/.\-]*|[a-z][\w/.\-]*\d[\w/.\-]*)\s*[/|,;–-]?\s*){1,3}$"
)
_ANOTHER_DATE = re.compile(r"^(?:and|&|,)\s*\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\s*$", re.IGNORECASE)


def _previous_line(layout: Layout, line: Span) -> Span | None:
    index = layout.line_index(line.start)
    return layout.lines[index - 1] if index else None


def _role_of_label(label: str) -> Role | None:
    lowered = label.lower()
    if re.search(r"publish|updated|posted|modified|printed|created|review|due|deadline", lowered):
        return None
    if re.search(r"clarif", lowered):
        return "clarified"
    if re.search(r"receiv|receipt", lowered):
        return "received"
    if re.search(r"respon|repl(?:y|ied)|answered", lowered):
        return "response"  # "Date Request Replied To": the reply, though the request is named
    if re.search(r"request", lowered):
        return "received"
    if re.search(
        r"respon|repl|sent|issue|releas|complet|decision|decided|^\s*dated?\s*[:\-–]?\s*$|"
        r"date of letter",
        lowered,
    ):
        return "response"  # "Date of decision": a log's date for the answer
    return None


def _after_last_date(before: str) -> str:
    """Only the words after any earlier date in the window speak for this date."""
    matches = list(_DATE.finditer(before))
    return before[matches[-1].end() :] if matches else before


def _role_of_words(before: str) -> tuple[Role, bool] | None:
    """The role the nearest cue before the date gives it (cue, strength), if any."""
    cues: list[tuple[int, Role | None, bool]] = []
    for pattern, role, strong in (
        (_RECEIVED_CUE, "received", True),
        (_REQUEST_DATED_CUE, "received", False),
        (_RESPONSE_CUE, "response", True),
        (_CLARIFIED_CUE, "clarified", True),
        (_OTHER_CUE, None, False),
    ):
        for match in pattern.finditer(before):
            cues.append((match.end(), _whose_reply(before, match, role), strong))
    if not cues or (_PERIOD_WORD.search(before) and not _RECEIVED_BY.search(before)):
        return None
    nearest = max(cues, key=lambda cue: cue[0])
    if nearest[1] is None:
        # "received ... for the period from 1 April" - the date is a period, not a receipt,
        # unless the cue is "on" right after a received cue ("received by TfL on").
        return None
    if re.search(r"\breview\b", before, re.IGNORECASE):
        if nearest[1] == "received" and _REVIEW_RECEIVED.search(before):
            # "your request for an internal review, received on 4 January": in a review
            # outcome letter the review request is the request the letter answers.
            return "received", True
        return None  # a review request's date, not the original request's
    return nearest[1], nearest[2]


def _whose_reply(before: str, match: re.Match[str], role: Role | None) -> Role | None:
    """ "You replied on 10 June": the requester's reply, not the response. Replying to a
    request to clarify, it is the clarification (the clock starts again then)."""
    if role != "response" or not _REQUESTER_REPLIED.search(before[: match.start()]):
        return role
    return "clarified" if _CLARIFIED_CUE.search(before) else None


#: "you replied", "you responded", "you wrote back": the requester answering the authority.
_REQUESTER_REPLIED = re.compile(r"\byou\s+(?:have\s+|then\s+|kindly\s+)?$", re.IGNORECASE)


def _is_letter_date_line(
    text: str, layout: Layout, line: Span, found: FoundDate, top_line: int = 0
) -> bool:
    """A date standing alone on a line near the top (of the page or the letter): the date
    of the letter."""
    rest = text[found.end : line.end].strip(" .,")
    before = text[line.start : found.start]
    alone = (before.strip() == "" or bool(_REFERENCE_BEFORE.match(before))) and (
        rest == ""
        or bool(_REFERENCE_AFTER.match(rest))  # "7 August 2012 / Ref FO005949"
        or bool(_LETTER_OPENS.match(rest))  # "14 December 2015 Dear Mr Hale,": lines run on
    )
    index = layout.line_index(line.start) or 0
    if not alone or (index > 25 and not 0 <= index - top_line <= 25):
        return False
    previous = _previous_line(layout, line)
    if previous is not None and re.search(
        r"publish|updated|posted|modified|printed", previous.text, re.IGNORECASE
    ):
        return False
    following = layout.lines[index + 1] if index + 1 < len(layout.lines) else None
    # "1 January 2020" then "1 February 2020": a table's column of dates, not the letter's;
    # "|" then "14/03/2024" then "|": a web table's cell, flattened a cell a line.
    return not any(
        near is not None and (_LONE_DATE.match(near.text) or near.text.strip() == "|")
        for near in (previous, following)
    )


#: A line holding a date and nothing else ("1 February 2020", "03/02/2021").
_LONE_DATE = re.compile(
    r"^\W*(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9},?\s+\d{4}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})\W*$"
)


def _evidence(text: str, layout: Layout, line: Span, found: FoundDate) -> Span:
    """The label and the date: the line itself, or the label line through the date."""
    if text[line.start : found.start].strip():
        return line
    previous = _previous_line(layout, line)
    start = previous.start if previous is not None else line.start
    return Span.of(text, start, line.end)


def pick(
    roles: list[DatedRole], role: Role, *, not_before: dt.date | None = None
) -> DatedRole | None:
    """The date the letter gives for ``role``: the surest kind first, then the earliest written.

    ``not_before`` drops candidates before another date (a response cannot precede
    the request it answers), which removes dates of earlier correspondence.
    """
    candidates = [
        r for r in roles if r.role == role and (not_before is None or r.date >= not_before)
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda r: (r.rank, r.evidence.start))


#: "which we received on 27 May.", "your request received on 11 December", "your request dated
#: 16 March" (read as the receipt, as a dated request with its year is): a receipt dated with no
#: year (the letter's own date gives it); so is the requester's "your email of 23 July", as a
#: dated email with its year is, but not the authority's own "my letter of 18 December".
_RECEIVED_NO_YEAR = re.compile(
    r"\b(?:(?:(?:we|I)\s+received|was\s+received|received\s+by\s+us|request\s+received)\s+on|"
    r"request\s+dated|(?<!\bmy\s)(?<!\bour\s)\b(?:request|e-?mail|letter)\s+(?:of|dated))\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+"
    r"(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b"
    r"(?!,?\s*(?:19|20)\d\d)",
    re.IGNORECASE,
)


def received_without_year(text: str, letter_date: dt.date) -> tuple[dt.date, Span] | None:
    """The receipt a letter dates without a year ("which we received on 27 May"), in the
    year that puts it on or before the letter's own date (a request comes before its answer)."""
    match = _RECEIVED_NO_YEAR.search(text, 0, 5000)
    if match is None:
        return None
    month, day = _MONTHS[match.group("month").lower()[:3]], int(match.group("day"))
    year = (
        letter_date.year
        if (month, day) <= (letter_date.month, letter_date.day)
        else letter_date.year - 1
    )
    try:
        return dt.date(year, month, day), Span.of(text, match.start(), match.end())
    except ValueError:
        return None

"""The authority's own reference for a request ("Our ref: FOI 2023/123", "IC-266000-V6Y0").

Authorities write their reference in many ways: a labelled line ("Our ref:",
"FOI reference:", "Case reference", "Request ID"), a label on one line and the
value on the next (flattened web tables), a bare code on its own line at the
head of a letter, or a code in brackets after a disclosure-log title. The
candidates are ranked by how surely each form names *this* request: the
letter's own "Our ref" beats a page's "Request ID", which beats a bare code.
"Your ref" is the requester's, never the authority's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import unquote

from .dates import find_dates
from .literals import Anchored
from .text import Layout, Span

#: Labels, strongest first. Each label is followed by ":" / "-" / "#" / "no." or nothing.
#: What a line must hold (lowercased) for each label to be tried on it: a quick test.
_LABEL_WORDS: tuple[tuple[str, ...], ...] = (
    ("ref",),
    ("ref",),
    ("ref", "id", "no", "number"),
    ("request",),
    ("ref",),
    ("request", "response"),
)
_LABELS: list[tuple[int, re.Pattern[str]]] = [
    (0, re.compile(r"\bour\s*ref(?:erence)?\b\.?(?:\s*(?:no|number)\b\.?)?", re.I)),
    # "Your reference number is 304-2122, please quote it": the number the authority gave the
    # request (unlike a letterhead's "Your ref:", the requester's own).
    (1, re.compile(r"\byour\s+reference(?:\s+number)?(?=\s+is\b)", re.I)),
    (
        1,
        re.compile(
            r"\b(?:FOI(?:SA)?|EIR|freedom\s+of\s+information|information\s+request|request|"
            r"case|internal\s+review|review|IR|RFI)\s+(?:ref(?:erence)?|id|no|number)\b\.?"
            r"(?:\s*(?:no|number)\b\.?)?",
            re.I,
        ),
    ),
    # "FOI request 202000077960": names a request, which may be another one the page is about;
    # a label saying "reference" (above) names the page's own. A log page's heading may say
    # "Freedom of information request response - 05592".
    (
        2,
        re.compile(
            r"(?:\b(?:FOI(?:SA)?|EIR|information|freedom\s+of\s+information|environmental\s+"
            r"information)\s+request|\brequest\s+for\s+information)(?:\s+response)?"
            r"(?:\s+(?:no|number)\b\.?)?"
            r"(?=\s*[:#\-–]?\s*[A-Z]{0,6}[-/ ]?\d)",
            re.I,
        ),
    ),
    (2, re.compile(r"(?<!your )(?<!your\s)\b(?:ref(?:erence)?)(?:\s*(?:no|number)\b\.?)?", re.I)),
    # "Request 101003112513", "Request: F-013412" or "Response 2564682" heading a disclosure-log
    # record: a long code, alone after the word (a short number is the request's own
    # numbering: "Request 1:").
    (
        1,
        re.compile(
            r"^\s*re(?:quest|sponse)(?=\s*[:#\-–]?\s*(?:[A-Z]{0,4}[-/]?\d{5,}|\d{2,}[-/]\d{2,}[\w/-]*)\s*$)",
            re.I,
        ),
    ),
]
#: Each label tried only where its opening words stand in a line (the same matches).
_LABEL_FINDERS = tuple(Anchored(label) for _, label in _LABELS)
_ANY_LABEL_WORD = frozenset(word for words in _LABEL_WORDS for word in words)
_YOUR_REF = re.compile(r"\byour\s+ref", re.I)
#: Words naming the request before its reference label at the start of a line: "Enquiry
#: Reference:", "FOI Request Reference:", "Case Reference:".
_REQUEST_WORDS = re.compile(
    r"(?:(?:foi|foia|eir|freedom\s+of\s+information|information)\s+)?"
    r"(?:enquiry|request|case|foi|foia|eir)",
    re.I,
)
#: Words just before a labelled code saying it names another request than this one.
_OTHER_REQUEST = re.compile(
    r"\b(?:separate|another|other|previous|earlier|different)\s+(?:\w+\s+){0,2}?"
    r"(?:request|case|enquiry|FOI)\b[^.;]{0,30}$",
    re.I,
)
_LABEL_WORD = re.compile(r"(?:ref(?:erence)?|no|number)\b\.?\s*[:#]?\s*", re.I)
#: A Welsh body's letterhead gives the label in both languages: "Our ref / Ein cyf:".
_SEPARATOR = re.compile(
    r"(?:\s*/\s*(?:ein\s+)?cyf(?:eirnod)?\b\.?)?\s*(?:[:#=]|[-–—](?=\s)|\bis\b)?\s*", re.I
)
#: A reference value: starts with a letter or digit, has a digit, may hold / - _ . and
#: spaced dashes or slashes ("2022 – 280 / WE5500").
#: A regime word may stand before the code, spaced: "FOI 2023/123", "FOI/EIR 23-0771".
_VALUE = re.compile(
    r"(?:(?:FOI(?:SA)?|EIR|RFI|IR)(?:/(?:FOI(?:SA)?|EIR))?\s(?=\d)|[A-Z]{2,6}\s(?=\d)|"
    r"[A-Za-z]{1,3}/[A-Za-z]{1,3}\s(?=\d))?"
    # (a dash before a space is no part of the first token: "89- 26" is one code, spaced)
    r"[A-Za-z0-9](?:[A-Za-z0-9/_.&\-]*[A-Za-z0-9/_.&])?"
    # Spaced dashes or slashes join parts that hold digits ("2022 – 280 / WE5500"); a dash
    # before a word starts the title ("ATISN 15980 – Location of coal tips").
    # A date after a spaced slash is the letter's date: "FOI 99134 / 13 August 2015".
    r"(?:\s*[/–-]\s*(?!\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\b)"
    r"(?=[A-Za-z/_.&\-]*\d)[A-Za-z0-9][A-Za-z0-9/_.&\-]*){0,4}"
    # A year after the number: "FOI 123 2019/20", or the short form "BFRS Ref: 87 19/20".
    r"(?:\s(?:(?:19|20)\d\d|[0-9]\d)/\d\d(?![\d/]))?"
    # Groups of digits spaced apart: "FOI 19 1413" (a year alone is not one).
    r"(?:\s(?!(?:19|20)\d\d\b)\d{3,6}(?![\d/:.,]))?"
    # A number, then the month and year in pairs: "FOI 224 08 23".
    r"(?:\s\d\d\s\d\d(?![\d/:.,]))?"
)
#: A code standing on its own: letters and digits joined by - or /, with at least 3 digits.
_BARE_CODE = re.compile(
    r"^(?:[A-Z]{1,6}[-/ ]?)?\d[\dA-Z]*(?:[-/][A-Z0-9]+)+$|^[A-Z]{2,6}-?\d{3,}[A-Z0-9]*$|"
    # "ATISN 16387" on its own line under "Dear": a code spaced from its prefix (not "MAY 2024",
    # nor the two letters of an address box, "BM 6283")
    r"^[A-Z]{3,6} (?!(?:19|20)\d\d$)\d{4,}$|"
    r"^[A-Za-z]{1,3}/[A-Za-z]{1,3}\s\d{4,}$"
)
#: "ATISN 18234 - Second homes premium": a disclosure-log title opening with its code.
_CODE_TITLE = re.compile(
    r"^(?P<code>[A-Z]{2,6}(?:\s*/\s*|[ _-])?\d{3,}(?:\s*[/-]\s*\w+)*(?:\s\d{2,6}(?!\d))?)"
    r"\s+[-–:]\s+\S"
)  # "ATISN 18234 - Second homes premium", "FOI / 3678 / 2017 - False alarms", "FOI 2023 150 - ..."
#: "Notification requirements - 138/15": a disclosure-log title ending with its code.
_TITLE_CODE = re.compile(r"\s[-–]\s(?P<code>[A-Z]{0,4}\d{1,6}[A-Z]?[/_-]\d{2,4})\s*$")
#: "FOI 2023/123", "EIR2026/17373", "FOI-1234": a code with a regime prefix, in running text.
_PREFIXED = re.compile(
    r"(?<![A-Za-z0-9])(?:FOI(?:SA)?/EIR|EIR/FOI|FOI(?:SA)?|EIR|RFI|FOIR|IR)(?::\s?|[ \-/_])?"
    r"\d[\d/\-]*\d(?:[-/][A-Z0-9]+)*\b"
)
#: "(828A/23)" after a disclosure-log title.
_UNIT_PREFIX = re.compile(r"(?<![A-Za-z])[A-Z]{1,4}-$")
_BRACKETED = re.compile(
    r"\((?P<code>[A-Z]{0,4}\d{1,6}[A-Z]?[/_-]\d{2,4})\s?\)"
)  # "(1284A/23 )" too
#: A date, a year span ("2017/18", "2019-20", "2021/2022": a table's row of years) or a bare
#: number: not a reference ("3300/18" is one).
_NOT_A_REFERENCE = re.compile(
    r"^(?:\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|(?:19|20)\d{2}[/-](?:(?:19|20)\d{2}|\d{2})|\d{4}-\d{2}-\d{2}|\d+)$"
)
_TOP_LINES = 30
#: A reference heads the letter or its first pages; a long bundle's annexes are not searched.
_LABELLED_LINES = 400
_INLINE_CHARS = 40_000


@dataclass(frozen=True)
class FoundReference:
    """A reference and the text that shows it."""

    value: str
    rank: int
    evidence: Span


def find_reference(
    text: str, layout: Layout | None = None, skip: Sequence[Span] = ()
) -> FoundReference | None:
    """The authority's reference for the request, or None when the text gives none.

    ``skip`` holds the request quoted in the letter: a code the requester wrote
    ("planning application reference no. 12/AP/1092") is not the authority's.
    """
    layout = layout or Layout(text)
    candidates = _labelled(text, layout) + _standalone(layout) + _inline(text, layout)
    candidates = [
        c for c in candidates if not any(s.start <= c.evidence.start < s.end for s in skip)
    ]
    # "... the emails disclosed in the Freedom of Information Act request FOI2024/04564": a code
    # the request itself names is the one asked about, not this request's own (when the letter
    # gives another).
    asked = [text[s.start : s.end] for s in skip]
    own = [c for c in candidates if not any(c.value in words for words in asked)]
    candidates = own or candidates
    if not candidates:
        return None
    best = min(candidates, key=lambda c: (c.rank, c.evidence.start))
    # The same code read whole by another form ("FOI 2023 150 - Title" read as "FOI 2023"
    # by the running-text form): the whole code wins.
    longer = [
        c
        for c in candidates
        if c.evidence.start == best.evidence.start
        and len(c.value) > len(best.value)
        and c.value.startswith(best.value)
    ]
    return max(longer, key=lambda c: len(c.value)) if longer else best


def _labelled(text: str, layout: Layout) -> list[FoundReference]:
    """ "Label: value" references; a label inside a sentence ("under application reference
    22/0123/FUL") is a weaker sign than one opening a line."""
    found = []
    for index, line in enumerate(layout.lines[:_LABELLED_LINES]):
        lowered = line.text.lower()
        present = {word for word in _ANY_LABEL_WORD if word in lowered}
        for (rank, _), words, label in zip(_LABELS, _LABEL_WORDS, _LABEL_FINDERS, strict=True):
            if present.isdisjoint(words):
                continue
            for match in label.finditer(line.text, lowered=lowered):
                own = match.group(0).lower().startswith("your")  # "Your reference number is"
                if not own and _YOUR_REF.search(line.text[max(0, match.start() - 6) : match.end()]):
                    continue
                if _OTHER_REQUEST.search(line.text[max(0, match.start() - 80) : match.start()]):
                    continue  # "a separate request under reference 2025...": not this one
                value = _value_after(text, line, line.start + match.end())
                evidence = line
                if value is None and not line.text[match.end() :].strip(" :#-–"):
                    following = layout.lines[index + 1] if index + 1 < len(layout.lines) else None
                    if following is not None:
                        value = _value_after(text, following, following.start)
                        evidence = Span.of(text, line.start, following.end)
                if value is None and not line.text[match.end() :].strip(" :#-–"):
                    # "Reference:" / "825"; "FOI Number" / "16": a label naming a number
                    # vouches for a shorter one.
                    numbered = _NAMES_NUMBER.search(match.group(0)) is not None
                    value = _short_value_after(layout, index, numbered=numbered)
                if value is not None:
                    before = line.text[: match.start()].strip(" (-–:")
                    # "Enquiry Reference: 82 - 25": a word naming the request may stand first.
                    opens_line = not before or rank == 0 or bool(_REQUEST_WORDS.fullmatch(before))
                    found.append(FoundReference(value, rank if opens_line else 6, evidence))
                    break
    return found


def _short_value_after(layout: Layout, index: int, *, numbered: bool = False) -> str | None:
    """A labelled line's value on the next line when it is a short number ("825"): too short
    to be taken for a code alone, but the label says what it is. A label that names a number
    ("FOI Number", "Request No.") vouches for one of one or two digits too ("16")."""
    following = layout.lines[index + 1] if index + 1 < len(layout.lines) else None
    if following is None:
        return None
    value = following.text.strip()
    return value if re.fullmatch(r"\d{1,3}" if numbered else r"\d{3}", value) else None


#: A label naming a number: "FOI Number", "Request No.".
_NAMES_NUMBER = re.compile(r"\b(?:number|no)\b", re.IGNORECASE)


def _value_after(text: str, line: Span, offset: int) -> str | None:
    """The reference value starting at ``offset`` on ``line``, if it looks like one."""
    sep = _SEPARATOR.match(text, offset, line.end)
    begin = sep.end() if sep else offset
    word = _LABEL_WORD.match(text, begin, line.end)  # "FOI request ref 30412"
    if word:
        begin = word.end()
    match = _VALUE.match(text, begin, line.end)
    if not match:
        return None
    value = match.group(0).rstrip(".-/– ")
    if not _plausible(value):
        return None
    return value


def _plausible(value: str, *, may_be_a_phone: bool = True) -> bool:
    """A reference has a digit, is not just a date or a year, and is not a word.

    In running text ten digits opening with 0 are most likely a telephone number; a code
    that follows "foi-" in a page address is not (``may_be_a_phone=False``): police logs
    file requests as "foi-0861-202425", a number and the financial year."""
    compact = value.replace(" ", "")
    if not re.search(r"\d", compact) or len(compact) > 40:
        return False
    digits = re.sub(r"\D", "", compact)
    if (
        may_be_a_phone
        and re.fullmatch(r"\+?[\d\-()]+", compact)
        and 10 <= len(digits) <= 13
        and (digits.startswith(("0", "44")))
    ):
        return False  # a telephone number
    if find_dates(value) or re.fullmatch(r"\d{1,3}|(?:19|20)\d\d", compact):
        return False  # a date, a year or a small number is not a reference
    return True


def _standalone(layout: Layout) -> list[FoundReference]:
    """A code alone on a line near the top of a letter, such as ``IC-266000-V6Y0``."""
    found = []
    for line in layout.lines[:_TOP_LINES]:
        value = line.text.strip(" .,;:")
        if _BARE_CODE.match(value) and _plausible(value) and not _NOT_A_REFERENCE.match(value):
            found.append(FoundReference(value, 3, line))
    return found


def _inline(text: str, layout: Layout) -> list[FoundReference]:
    """A regime-prefixed code in running text, or a code in brackets in a title line."""
    found = []
    for match in _PREFIXED.finditer(text, 0, _INLINE_CHARS):
        if _OTHER_REQUEST.search(text[max(0, match.start() - 80) : match.start()]):
            continue  # "aggregated with your previous request, FOI 775/12": another request's
        if _plausible(match.group(0)):
            start = match.start()
            unit = _UNIT_PREFIX.search(text, max(0, start - 5), start)  # "IM-FOI-2018-1421"
            if unit is not None:
                start = unit.start()
            label = text.find(":", start, match.end())
            if label >= 0:  # "your current request FOI: 2024/08785": the prefix labels the code
                start = label + 1
                while text[start].isspace():
                    start += 1
            found.append(
                FoundReference(text[start : match.end()], 4, Span.of(text, start, match.end()))
            )
    for line in layout.lines[:5]:
        opening = _CODE_TITLE.match(line.text)
        if opening and _plausible(opening.group("code")):
            start = line.start + opening.start("code")
            end = line.start + opening.end("code")
            found.append(FoundReference(opening.group("code"), 5, Span.of(text, start, end)))
        title = _TITLE_CODE.search(line.text)
        if (
            title
            and _plausible(title.group("code"))
            and not _NOT_A_REFERENCE.match(title.group("code"))
        ):
            start = line.start + title.start("code")
            # A log page's title ending with its code ("Informants - 910/12") names the page's
            # own request as surely as a coded reference in running text, and stands first:
            # the same rank, so a code met further down ("FOI 811/12 is relevant") loses to it.
            found.append(
                FoundReference(
                    title.group("code"), 4, Span.of(text, start, start + len(title.group("code")))
                )
            )
        for match in _BRACKETED.finditer(line.text):
            code = match.group("code")
            if _plausible(code) and not _NOT_A_REFERENCE.match(code):
                start = line.start + match.start("code")
                found.append(FoundReference(code, 5, Span.of(text, start, start + len(code))))
    return found


#: A request's code in a page address or file name: "foi-202500486342", "foi230038-letters-...",
#: "FOI 4530.pdf", "referenceId=FOI-2725-2223", "foi-2023-023r-independent-review" (a review's
#: code, the first request's with a letter after it).
_NAMED_CODE = re.compile(
    r"(?:^|[/=_\s])(?P<prefix>foisa|foir|foi|eir|rfi|atisn|ir)(?P<sep>[-_ ]?)_?"
    r"(?P<code>\d+(?:[-_/]\d+)*[a-z]?)(?=$|[-_.\s/?#&]+[A-Za-z]|[/?#&.]|\s)",
    re.IGNORECASE,
)


def as_written(found: FoundReference | None, text: str) -> FoundReference | None:
    """A code read from a page address, spelled as the letter itself writes it: the address
    "atisn16332" is the letter's "ATISN 16332"."""
    if found is None or found.rank != 7:
        return found
    parts = re.fullmatch(r"([A-Za-z]+)[-_ ]?(\d[\d/-]*)", found.value)
    if parts is None:
        return found
    prefix, digits = parts.groups()
    written = re.search(
        rf"(?<![A-Za-z0-9]){re.escape(prefix)}[ \-_/]?{re.escape(digits)}(?![\d/-])",
        text[:_INLINE_CHARS],
        re.IGNORECASE,
    )
    if written is None:
        return found
    return FoundReference(written.group(0), found.rank, found.evidence)


def reference_from_name(name: str | None) -> FoundReference | None:
    """The reference a document's name or page address gives, for a text that states none.

    Disclose-log pages often carry the code only in their address, and a saved
    letter's file name is often its reference. A prefix joined to the digits is part
    of the code ("FOI230038"); one set off by a dash is the address's wording
    ("foi-82525" is request 82525).
    """
    if not name:
        return None
    decoded = unquote(name)
    for match in _NAMED_CODE.finditer(decoded):
        code = match.group("code")
        if len(re.sub(r"\D", "", code)) < 4 or not _plausible(code, may_be_a_phone=False):
            continue
        sep = match.group("sep")
        value = code if sep in ("-", "_") else match.group("prefix").upper() + sep + code
        return FoundReference(value, 7, Span(0, 0, decoded[match.start("prefix") : match.end()]))
    match = _LOG_PAGE_CODE.search(decoded)
    if match is not None:
        code = match.group("code")
        if _plausible(code) and not _COMPACT_DATE.fullmatch(code):
            return FoundReference(code, 7, Span(0, 0, code))
    return None


#: "20230115": a date written without separators, not a number.
_COMPACT_DATE = re.compile(r"(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])")
#: A disclosure log's page for one request, filed under its number alone: the address's last
#: part is the number, under a part naming the log ("/foi-requests/8293933"). (A number ending
#: a title's slug, "restriction-orders-44018", may be the case number run together, 440/18;
#: a request-tracking site's own page numbers sit under "/request/", which names no log.)
_LOG_PAGE_CODE = re.compile(
    r"/[^/?#]*(?:foi|disclosure|freedom-of-information|information-requests?)[^/?#]*/"
    r"(?:[^/?#]+/)*?(?P<code>\d{5,8})/?(?=$|[?#])",
    re.IGNORECASE,
)


#: Ranks of forms that may name someone else's code: a label inside a sentence ("the court
#: case reference number XA10/23", "planning application reference 22/0123/FUL").
_IN_PASSING = 6
#: From this rank on, a code stands with no label naming it as the letter's reference.
_UNLABELLED = 3


def choose_reference(
    in_text: FoundReference | None,
    in_name: FoundReference | None,
    *,
    asked_about: str = "",
) -> FoundReference | None:
    """The text's reference, unless the text only mentions a code in passing and the page
    address or file name files the document under its own request code: a disclosure page's
    address names the request it publishes, a code labelled mid-sentence may be anyone's.

    ``asked_about`` is the request's own text: an unlabelled code the requester names
    ("all files about FOI 201900009848") is what they ask about, not this letter's
    reference, so the address's code is preferred to it."""
    if in_text is None:
        return in_name
    if in_name is not None and in_text.rank >= _IN_PASSING:
        return in_name
    if in_name is not None and in_text.rank >= _UNLABELLED and in_text.value in asked_about:
        return in_name
    return in_text


def normalise_reference(value: str | None) -> str | None:
    """A reference compared case-insensitively, ignoring surrounding punctuation and spacing."""
    if value is None:
        return None
    cleaned = re.sub(r"\s+", " ", value).strip(" \t.,;:()[]{}\"'“”‘’").lower()
    # "SDR- 339659", "SDR – 339659": one code, whatever dash and spacing the writer used.
    cleaned = re.sub(r"\s*([-–—/])\s*", lambda m: "-" if m.group(1) in "-–—" else "/", cleaned)
    return cleaned or None

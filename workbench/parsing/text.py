"""Cutting a letter into lines, paragraphs and sentences without losing offsets.

Every conclusion the extractor draws must point back at the exact characters
behind it, so nothing here copies or cleans the text: each piece is a
:class:`Span` holding offsets into the original string, and its ``text`` is
always ``original[start:end]``.

Real letters are messy: hard-wrapped lines, web pages flattened to one line
per element, numbered lists without full stops. The rules below are the
ordinary conventions of written English, not anything tuned to one letter.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property


@dataclass(frozen=True)
class Span:
    """A stretch of the original text, ``text == original[start:end]``."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, original: str, start: int, end: int) -> Span:
        """The span ``start:end`` of ``original``, with surrounding whitespace trimmed."""
        while start < end and original[start].isspace():
            start += 1
        while end > start and original[end - 1].isspace():
            end -= 1
        return cls(start, end, original[start:end])

    def __len__(self) -> int:
        return self.end - self.start

    def __bool__(self) -> bool:
        return self.end > self.start


def inside(offset: int, spans: Iterable[Span]) -> bool:
    """Whether ``offset`` falls within one of ``spans``."""
    return any(span.start <= offset < span.end for span in spans)


_BLANK_RUN = re.compile(r"\n[ \t\u00a0]*\n\s*")

#: Abbreviations whose full stop does not end a sentence ("under s. 40(2)", "e.g. the").
_ABBREVIATIONS = frozenset(
    "s ss reg regs para paras no nos e.g i.e eg ie mr mrs ms dr st cf vs art sch pt ch "
    "sect sec approx etc incl ref tel fig vol".split()
)
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9£•–-])")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")
_LABEL_ONLY = re.compile(
    r"\s*(?:(?:Q|Question|Request|Point|Part|Item)\s?)?\(?(?:\d{1,2}[a-z]?|[a-z]|[ivx]{1,5})[.)]\s*$",
    re.IGNORECASE,
)

#: The marks that open a bulleted line, as word processors, web pages and PDF converters
#: write them ("o" is Word's second-level bullet; U+F0B7 and friends are Symbol-font bullets
#: a PDF converter leaves in the text).
BULLETS = "•·●▪◦∙‣⁃■□►▸➢✓*\\-–—o\uf0b7\uf0a7\uf076\uf0d8\uf0fc"
#: A line that opens a list item: bullets, "1.", "a)", "(ii)", "Q3", "Question 2:".
LIST_ITEM = re.compile(
    rf"""^[ \t]*(?:
        [{BULLETS}]\s                                  # bullet
      | \(?(?:\d{{1,2}}[a-z]?|[a-z]|[ivx]{{1,5}})[.)]\s     # 1.  3a)  a)  (ii)
      | \d{{1,2}},\s+(?=[A-Z])                        # 1, Please provide ...
      | (?:Q|Question|Request|Point|Part|Item)(?:\s+(?:Number|No\.?))?\s?\d  # Q3  Question No. 2
    )""",
    re.VERBOSE | re.IGNORECASE,
)


def line_lead(text: str, start: int) -> str:
    """What stands before ``start`` on its line: spaces alone when ``start`` opens the line."""
    return text[text.rfind("\n", 0, start) + 1 : start]


def indent_at(text: str, start: int) -> int:
    """How far ``start`` stands from its line's beginning (a tab as four spaces): the items
    of a nested list sit deeper than those of the list they belong to."""
    return len(line_lead(text, start).expandtabs(4))


def lines(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """The non-blank lines of ``text[start:end]``, trimmed."""
    end = len(text) if end is None else end
    found = []
    cursor = start
    while cursor <= end:
        stop = text.find("\n", cursor, end)
        stop = end if stop == -1 else stop
        span = Span.of(text, cursor, stop)
        if span:
            found.append(span)
        cursor = stop + 1
    return found


def paragraphs(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Blocks of ``text[start:end]`` separated by blank lines, trimmed."""
    end = len(text) if end is None else end
    found = []
    cursor = start
    for match in _BLANK_RUN.finditer(text, start, end):
        span = Span.of(text, cursor, match.start())
        if span:
            found.append(span)
        cursor = match.end()
    span = Span.of(text, cursor, end)
    if span:
        found.append(span)
    return found


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentences of ``text[start:end]``.

    A sentence never crosses a blank line. A single line break ends a sentence
    unless the next line carries on in lower case (a hard-wrapped line); a list
    item always starts a new sentence, because flattened tables and numbered
    requests rarely end their lines with a full stop.
    """
    found: list[Span] = []
    for block in paragraphs(text, start, end):
        for unit in line_units(text, block):
            found.extend(_split_unit(text, unit))
    return found


def line_units(text: str, block: Span) -> list[Span]:
    """Join the lines of a paragraph that continue one another."""
    units: list[Span] = []
    current: Span | None = None
    for line in lines(text, block.start, block.end):
        if current is not None and _continues(current.text, line.text):
            current = Span(current.start, line.end, text[current.start : line.end])
            continue
        if current is not None:
            units.append(current)
        current = line
    if current is not None:
        units.append(current)
    return units


def _continues(previous: str, line: str) -> bool:
    if LIST_ITEM.match(line):
        return False
    if not line[:1].islower():
        # "... received at this office on" / "19/11/21, ...": a wrapped line may open with a
        # figure, where the line before stopped on a word no sentence ends with.
        return line[:1].isdigit() and _last_word(previous) in _OPEN_ENDED
    return not previous.rstrip().endswith((".", "?", "!", ":", ";"))


def _last_word(line: str) -> str:
    words = line.rsplit(None, 1)
    return words[-1].lower() if words else ""


#: The last word of a line that leaves its sentence open: a preposition or an article.
_OPEN_ENDED = frozenset(
    {"on", "of", "in", "at", "by", "from", "to", "since", "until", "dated", "the", "a", "an"}
)


#: An answer label run into the question before it ("... the StrategyA1 / We do not hold"),
#: where a two-column table was flattened: a sentence starts there.
_GLUED_ANSWER = re.compile(r"A\s?\d{1,2}\s*[/:]\s")
#: "... in temporary accommodation.The current shortfall ...": a web form that ran its
#: sentences together, the space after the stop lost (a word of two letters before the stop,
#: so "J.Smith" or "U.K." are not split). The match is the stop itself, ending where the next
#: sentence starts: a pattern that opens with a plain class is tried only at the few stops of
#: a unit, where one opening with the look back would be tried at every offset.
_GLUED_SENTENCE = re.compile(r"[.?!:](?<=[a-z)][a-z)][.?!:])(?=[A-Z][a-z]|I\s)")


def _glued_answers(text: str, start: int, end: int) -> list[int]:
    """Where answer labels run into the text before them ("...StrategyA1 / ...")."""
    found = []
    for match in _GLUED_ANSWER.finditer(text, start, end):
        at = match.start()
        before = at - 1 if at > start and text[at - 1] == " " else at
        if before > start and text[before - 1] in "abcdefghijklmnopqrstuvwxyz.?)":
            found.append(before)
    return found


def _split_unit(text: str, unit: Span) -> list[Span]:
    pieces = []
    cursor = unit.start
    ends = {m.end(): m.start() for m in _SENTENCE_END.finditer(text, unit.start, unit.end)}
    for m in _GLUED_SENTENCE.finditer(text, unit.start, unit.end):
        ends[m.end()] = m.end() - 1
    glued = _glued_answers(text, unit.start, unit.end)
    for end in sorted({*ends, *glued}):
        if end in ends:
            mark = ends[end]
            before = _WORD_BEFORE.search(text, max(unit.start, mark - 12), mark)
            if before and before.group(1).lower().rstrip(".") in _ABBREVIATIONS:
                continue
            if _LABEL_ONLY.match(text, cursor, end):
                continue  # "1. Has the ICO ..." is one sentence, not "1." and the rest
        if end <= cursor:
            continue
        pieces.append(Span.of(text, cursor, end))
        cursor = end
    pieces.append(Span.of(text, cursor, unit.end))
    return [p for p in pieces if p]


class Layout:
    """The lines, paragraphs and sentences of one text, computed once and shared.

    Lookups by offset use binary search, so a 200-page document stays fast.
    """

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def lines(self) -> list[Span]:
        return lines(self.text)

    @cached_property
    def paragraphs(self) -> list[Span]:
        return paragraphs(self.text)

    @cached_property
    def sentences(self) -> list[Span]:
        return sentences(self.text)

    @cached_property
    def _line_starts(self) -> list[int]:
        return [line.start for line in self.lines]

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [sentence.start for sentence in self.sentences]

    def sentences_in(self, start: int, end: int) -> list[Span]:
        """The sentences lying inside ``start:end``."""
        first = bisect_left(self._sentence_starts, start)
        last = bisect_left(self._sentence_starts, end)
        return [s for s in self.sentences[first:last] if s.end <= end]

    def lines_in(self, start: int, end: int) -> list[Span]:
        """The lines lying inside ``start:end``."""
        first = bisect_left(self._line_starts, start)
        last = bisect_left(self._line_starts, end)
        return [line for line in self.lines[first:last] if line.end <= end]

    def sentence_at(self, offset: int) -> Span | None:
        """The sentence containing ``offset``, if any."""
        index = bisect_right(self._sentence_starts, offset) - 1
        if index >= 0 and offset < self.sentences[index].end:
            return self.sentences[index]
        return None

    def line_index(self, offset: int) -> int | None:
        """The index in :attr:`lines` of the line containing ``offset``, if any."""
        index = bisect_right(self._line_starts, offset) - 1
        if index >= 0 and offset <= self.lines[index].end:
            return index
        return None

    def line_at(self, offset: int) -> Span | None:
        index = self.line_index(offset)
        return None if index is None else self.lines[index]


def is_heading(line: str) -> bool:
    """A short line with no closing punctuation: a heading such as "Next steps" or "Response"."""
    stripped = line.strip()
    if not stripped or len(stripped) > 70 or LIST_ITEM.match(stripped):
        return False
    if stripped.endswith((".", ",", ";", "?", "!")):
        return False
    return stripped[0].isupper() or stripped[0].isdigit()


def normalise_space(value: str) -> str:
    """Collapse runs of whitespace into one space (for quoting in summaries)."""
    return re.sub(r"\s+", " ", value).strip()

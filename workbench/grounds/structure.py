"""A review request cut the way its writer laid it out: blocks, then sentences and clauses.

A requester states one objection per list item, per sentence or per clause ("I do
not believe the exemptions apply to all of it, and where they do, the public
interest favours disclosure"). The reader scores each of these *units*; this module
only finds them, keeping every offset into the original text.

* A **block** is a list item (with its wrapped lines) or a paragraph outside a list.
  Paragraphs that follow a list item, before the next item, continue that item.
* A **unit** is a sentence of a block, cut again at the clause boundaries that join
  two objections (a semicolon, ", but", ", and where", ", whereas").

What is not the requester's own argument is set aside: messages quoted below an
email ("On 3 May, ... wrote:", "-----Original Message-----"), lines quoted with ">",
and long passages in double quotation marks (guidance or the authority's words,
quoted in support): they stay in the text and in a ground's passage, but their words
are blanked out of the copy the cues are matched against.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..parsing.labels import read_item
from ..parsing.quoted import earlier_correspondence
from ..parsing.text import LIST_ITEM, Layout, Span, lines, paragraphs, sentences


@dataclass(frozen=True)
class Block:
    """A list item or a paragraph; ``item`` is the list item it belongs to, if any."""

    start: int
    end: int
    paragraph: int  # index of the paragraph the block starts in
    item: int | None  # index (in reading order) of the list item this block is or continues
    label: str | None  # the item's number ("2" for "2)"), when it has one
    label_is_point: bool  # whether that number refers to the original request's points
    is_item: bool  # the block opens with the item's marker (a continuation does not)
    in_list_of_reasons: bool  # the item belongs to a list introduced as the reasons for review


@dataclass(frozen=True)
class Unit:
    """A sentence or clause of a block, ``text[start:end]``."""

    start: int
    end: int
    block: int  # index into the list of blocks


@dataclass(frozen=True)
class Structure:
    """The text, the copy the cues read (quotations blanked) and its blocks and units."""

    text: str
    masked: str
    end: int  # where the requester's own text ends (quoted messages below it are left out)
    blocks: list[Block]
    units: list[Unit]


#: Where one objection ends and another begins inside a sentence.
_CLAUSE_BREAK = re.compile(
    r";\s+|,\s+(?:but|whereas|while|although|and\s+where|and\s+if|and\s+that\s+where)\s+"
    r"|\s+but\s+(?=if\b|where\b|when\b)|(?<=[.!?]['\"’”)])\s+(?=\()|(?<=[.!?])\s+(?=\()",
    re.IGNORECASE,
)
#: A clause shorter than this many words is not cut off on its own.
_MIN_CLAUSE_WORDS = 5
#: A passage in double quotation marks at least this long is someone else's words.
_LONG_QUOTE = re.compile(r"[\"“](?:(?!\n[ \t]*\n)[^\"“”]){40,1500}[\"”]")
_QUOTED_LINE = re.compile(r"(?m)^[ \t]*>.*$")
#: A line ending like this introduces what follows ("for the following reasons:").
_INTRODUCES = re.compile(r":\s*$")
#: ... and this introduces the reasons for the review ("the reasons for my dissatisfaction are:").
_REASONS = re.compile(
    r"\b(?:reasons?|grounds?|matters?|points?|concerns?|issues?|dissatisf\w*|because|following|"
    r"objections?|complaints?)\b",
    re.IGNORECASE,
)
#: Item markers that say the number is the original request's ("Question 2", "Q3").
_POINT_WORD = re.compile(r"^\s*[\"“‘]?\s*(?:Q|Qu|Question|Request|Point|Part|Item)\b", re.I)


def read_structure(text: str) -> Structure:
    """Blocks and units of the requester's own text in ``text``."""
    end = earlier_correspondence(Layout(text)) or len(text)
    masked = _mask(text, end)
    blocks = _blocks(text, end)
    units = [
        unit
        for index, block in enumerate(blocks)
        for sentence in sentences(text, block.start, block.end)
        for unit in _clauses(text, sentence, index)
    ]
    return Structure(text, masked, end, blocks, units)


# --------------------------------------------------------------------------- masking


def _mask(text: str, end: int) -> str:
    """``text`` with quotations and quoted messages blanked (same length, same offsets)."""
    chars = list(text)
    spans = [(m.start(), m.end()) for m in _LONG_QUOTE.finditer(text, 0, end)]
    spans += [(m.start(), m.end()) for m in _QUOTED_LINE.finditer(text, 0, end)]
    spans.append((end, len(text)))
    for start, stop in spans:
        for index in range(start, stop):
            if chars[index] != "\n":
                chars[index] = " "
    return "".join(chars)


# --------------------------------------------------------------------------- blocks


@dataclass
class _ListState:
    """The list being read: its current item, and how its numbers are to be read."""

    item: int | None = None
    label: str | None = None
    label_is_point: bool = False
    kind: str | None = None  # "bullet", "num", "alpha", "roman"
    introduced: bool = False
    of_reasons: bool = False
    count: int = 0


def _blocks(text: str, end: int) -> list[Block]:
    """List items (a new one at every marker line) and paragraphs, in reading order.

    A paragraph that is not itself an item, coming after an item, continues it: a
    requester often follows "2) Please release the full report." with paragraphs
    explaining why.
    """
    blocks: list[Block] = []
    state = _ListState()
    for p_index, paragraph in enumerate(paragraphs(text, 0, end)):
        pieces: list[list[Span]] = []
        for line in lines(text, paragraph.start, paragraph.end):
            if LIST_ITEM.match(line.text) or not pieces:
                pieces.append([line])
            else:
                pieces[-1].append(line)
        for piece in pieces:
            is_item = LIST_ITEM.match(piece[0].text) is not None
            if is_item:
                _open_item(text, piece[0], state)
            start, stop = piece[0].start, piece[-1].end
            blocks.append(
                Block(
                    start,
                    stop,
                    p_index,
                    state.item,
                    state.label,
                    state.label_is_point,
                    is_item,
                    state.item is not None and state.of_reasons,
                )
            )
    return blocks


def _open_item(text: str, line: Span, state: _ListState) -> None:
    """Start a new item; a marker of another kind, or the first one, starts a new list."""
    kind = _marker_kind(line.text)
    if state.item is None or kind != state.kind:
        state.kind = kind
        state.introduced = _introduced(text, line.start)
        intro = _line_before(text, line.start)
        state.of_reasons = state.introduced and _REASONS.search(intro) is not None
    state.item = state.count
    state.count += 1
    state.label, state.label_is_point = _item_label(line.text, state.introduced)


def _marker_kind(line: str) -> str:
    item = read_item(line)
    return "bullet" if item is None else item.kind


def _line_before(text: str, start: int) -> str:
    before = text[:start].rstrip()
    return before[before.rfind("\n") + 1 :]


def _introduced(text: str, start: int) -> bool:
    """Whether the text just before a list ends with a colon ("my reasons are:")."""
    before = text[:start].rstrip()
    return bool(before) and _INTRODUCES.search(before) is not None


def _item_label(line: str, introduced: bool) -> tuple[str | None, bool]:
    """The item's number, and whether it is a point of the original request.

    A list the requester introduces ("for the following reasons:") numbers the
    grounds themselves; numbers written as "Question 2" always name the request's
    points; other numbered paragraphs are the requester's own numbered points.
    """
    item = read_item(line)
    if item is None or item.kind != "num":
        return None, False
    value = item.value + (item.sub or "")
    return value, bool(_POINT_WORD.match(line)) or not introduced


# --------------------------------------------------------------------------- units


def _clauses(text: str, sentence: Span, block: int) -> list[Unit]:
    """The sentence cut at clause boundaries, keeping only cuts that leave real clauses."""
    pieces = [(sentence.start, sentence.end)]
    for match in _CLAUSE_BREAK.finditer(text, sentence.start, sentence.end):
        start, _ = pieces[-1]
        left = text[start : match.start()]
        right = text[match.end() : sentence.end]
        if _words(left) >= _MIN_CLAUSE_WORDS and _words(right) >= _MIN_CLAUSE_WORDS:
            pieces[-1] = (start, match.start())
            pieces.append((match.end(), sentence.end))
    units = []
    for start, stop in pieces:
        span = Span.of(text, start, stop)
        if span:
            units.append(Unit(span.start, span.end, block))
    return units


def _words(value: str) -> int:
    return len(value.split())

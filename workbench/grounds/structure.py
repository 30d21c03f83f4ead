"""A review request cut the way its writer laid it out: blocks, then sentences and clauses.

A requester states one objection per list item, per sentence or per clause ("I do
not believe the exemptions apply to all of it, and where they do, the public
interest favours disclosure"). The reader scores each of these *units*; this module
only finds them, keeping every offset into the original text.

* A **block** is a list item (with its wrapped lines) or a paragraph outside a list.
  Items numbered with a bare number ("1 In my view ...", "2 The information ...") are
  items too, when the numbers count 1, 2, ... at the start of sentences.
  Paragraphs that follow a list item, before the next item, continue that item.
* A **unit** is a sentence of a block, cut again at the clause boundaries that join
  two objections (a semicolon, ", but", ", and where", ", whereas") or a request for
  review to its reason ("I request a review because ...").

What is not the requester's own argument is set aside: messages quoted below an
email ("On 3 May, ... wrote:", "-----Original Message-----"), lines quoted with ">",
and long passages in double quotation marks (guidance or the authority's words,
quoted in support): they stay in the text and in a ground's passage, but their words
are blanked out of the copy the cues are matched against.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..parsing.labels import read_item
from ..parsing.structure import earlier_correspondence
from ..parsing.text import LIST_ITEM, Layout, Span, is_heading, lines, paragraphs, sentences


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
    nested: bool = False  # a point of a sub-list arguing the item it is nested in
    enumerates: bool = False  # an item completing the sentence that introduced its list
    headed: bool = False  # the block opens with a title-case heading ("Timeliness is Not ...")


@dataclass(frozen=True)
class Unit:
    """A sentence or clause of a block, ``text[start:end]``, and the sentence it is part of."""

    start: int
    end: int
    block: int  # index into the list of blocks
    sentence_start: int
    sentence_end: int
    reason: bool = False  # the clause gives the reason for the one before ("... because ...")
    contrast: bool = False  # the clause answers the one before (", but ...", ", whereas ...")


@dataclass(frozen=True)
class Structure:
    """The text, the copy the cues read (quotations blanked) and its blocks and units."""

    text: str
    masked: str
    end: int  # where the requester's own text ends (quoted messages below it are left out)
    blocks: list[Block]
    units: list[Unit]
    messages: tuple[int, ...] = ()  # where earlier messages pasted below a signed one begin


#: Where one objection ends and another begins inside a sentence.
_CLAUSE_BREAK = re.compile(
    r";\s+|,\s+(?:but|whereas|while|although|and\s+where|and\s+if|and\s+when|and\s+that\s+where)\s+"
    r"|\s+but\s+(?=if\b|where\b|when\b)"
    # "You relied on section 21 but the information is not reasonably accessible to me": the
    # decision reported, then the answer to it with a subject and verb of its own
    r"|\s+but\s+(?=(?:the|this|these|those|it|they|I|we|there|nothing|none|no)\b"
    r"(?:\s+[\w'’-]+){0,5}?\s+(?:has|have|had|is|are|was|were|should|would|could|did|does|do"
    r"|must|will|can|cannot)\b)"
    # "Your response refused the request but gave no indication of how ...": a second verb
    # of the same subject, the decision reported and then what it lacked
    # "... charged me for postage when I asked for everything by email": what was done, then
    # what the requester had asked for
    r"|\s+when\s+(?=(?:I|we)\s+(?:had\s+)?(?:clearly\s+|specifically\s+|only\s+)?(?:asked"
    r"|requested|specified|wanted)\b)"
    r"|\s+but\s+(?=(?:then\s+)?(?:gave|provided|offered|made|did|does|failed|fails|ignored"
    r"|omitted|included|said|says|went\s+on)\b)|(?<=[.!?]['\"’”)])\s+(?=\()|(?<=[.!?])\s+(?=\()"
    # "You withheld the report and gave no reasons why ...": the same second verb after "and",
    # saying what the decision lacked
    r"|\s+and\s+(?=(?:then\s+)?(?:gave|offered|failed|ignored|omitted)\s+(?:me\s+|us\s+)?(?:no|any"
    r"|to|nothing)\b)"
    r"|\s+because\s+|,\s+(?:as|since)\s+|(?<=\breview)\s+(?:as|since)\s+"
    r"|\s+(?:as|since)\s+(?=(?:I|we)\s+(?:believe|think|consider|feel|do\s+not|don't|am|are)\b)"
    r"|,\s+and\s+(?=(?:the|this|that|these|those|it|they|I|we|you|your|my|our|there)\b)"
    # "... has not been applied correctly and the public interest test has not been considered":
    # two statements joined without a comma, the second with its own subject and verb
    r"|\s+and\s+(?=(?:the|this|that|these|those|it|they|I|we|you|your|my|our|there)\b"
    r"(?:\s+[\w'’-]+){0,5}?\s+(?:has|have|had|is|are|was|were|should|would|could|did|does|do"
    r"|must|will|can|cannot|favours?|favors?|outweighs?|lies)\b)"
    r"|,\s+(?=which\s+(?:I|we)\s+(?:did|do|have|had|never|was|were)\b)"
    # "... incomplete for the purpose of my request, I believe the exemptions do not apply":
    # a comma splice before the requester's own view opens another statement
    r"|,\s+(?=(?:I|we)\s+(?:also\s+|still\s+|further\s+)?(?:believe|think|consider|feel|contend"
    r"|maintain|submit)\b)"
    # "You took three months to answer and then told me you hold no figures": a second
    # decision reported after the first, each open to its own objection
    r"|,?\s+and\s+then\s+(?=(?:told|said|claimed|refused|replied|stated|informed|wrote|decided)\b)",
    re.IGNORECASE,
)
#: A cut that introduces the reason for what comes before it.
_GIVES_REASON = re.compile(r"\b(?:because|as|since)\b", re.IGNORECASE)
#: A cut that introduces an answer to what comes before it ("You said X, but Y").
_CONTRASTS = re.compile(r"\b(?:but|whereas|yet)\b", re.IGNORECASE)
#: A clause shorter than this many words is not cut off on its own.
_MIN_CLAUSE_WORDS = 5
#: "The response is incomplete and the exemptions claimed do not apply": a short statement
#: joined by a bare "and" to another with its own subject and verb is a clause all the same.
_JOINED = re.compile(r"\s+and\s+", re.IGNORECASE)
_MIN_JOINED_WORDS = 4
#: A passage in double quotation marks at least this long is someone else's words.
_LONG_QUOTE = re.compile(r"[\"“](?:(?!\n[ \t]*\n)[^\"“”]){40,1500}[\"”]")
_QUOTED_LINE = re.compile(r"(?m)^[ \t]*>.*$")
#: A condition put by inversion ("... should the response I receive be unclear, incomplete
#: ..."): it says what might happen, so what it names is no complaint about what did.
_HYPOTHETICAL = re.compile(
    r"\bshould\s+(?:the|my|a|an|your|this|that|these|those|any|it|I|we|they|you)\s+"
    r"(?!have\b|be\b)[^.;:!?\n]*",
    re.IGNORECASE,
)
#: A line before a list saying it gives the reasons for the review ("my reasons are:").
_REASONS = re.compile(
    r"\b(?:(?:my|our|the|these|those|several|some|two|three|four|five|main|specific|further|other"
    r"|following)\s+(?:\w+\s+)?(?:reasons?|grounds?|matters?|points?|concerns?|issues?|objections?"
    r"|complaints?|arguments?)|reasons?|grounds|dissatisf\w*|because|following|review\w*)\b",
    re.IGNORECASE,
)
#: An initial and a name ("S. Ahmed"), which the list-item pattern would take for item S.
_INITIAL = re.compile(r"^\s*[A-Z]\.\s+[A-Z][a-z]")
#: Item markers that say the number is the original request's ("Question 2", "Q3").
_POINT_WORD = re.compile(r"^\s*[\"“‘]?\s*(?:Q|Qu|Question|Request|Point|Part|Item)\b", re.I)


#: A line opening with a bare number and a capital ("1 In my view ..."), not a date ("3 May").
_BARE_NUMBER = re.compile(
    r"^[ \t]*(?P<number>\d{1,2})[ \t]+(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    r"[a-z]*\b)(?=[A-Z])",
    re.MULTILINE,
)


#: An attribution line wrapped before its "wrote:" ("On Tue, 2 Mar 2024 at 10:01, J. Smith
#: <j@example.org>" then "wrote:"), as mail programs wrap long ones.
_WRAPPED_ATTRIBUTION = re.compile(r"(?m)^[ \t]*On\s[^\n]{5,120}\n[ \t]*wrote:[ \t]*$")
#: A sign-off line, and a salutation opening a message.
_SIGNED = re.compile(
    r"(?mi)^[ \t]*(?:yours\b|kind\s+regards|best\s+regards|regards\b|best\s+wishes|many\s+thanks)"
)
_SALUTATION = re.compile(r"(?m)^[ \t]*Dear\b")


def read_structure(text: str) -> Structure:
    """Blocks and units of the requester's own text in ``text``."""
    end = earlier_correspondence(Layout(text)) or _wrapped_attribution(text) or len(text)
    masked = _mask(text, end)
    blocks = _blocks(text, end)
    units = [
        unit
        for index, block in enumerate(blocks)
        for sentence in _sentences(text, block)
        for unit in _clauses(text, sentence, index)
    ]
    return Structure(text, masked, end, blocks, units, _pasted_messages(text, end))


def _wrapped_attribution(text: str) -> int | None:
    """Where an earlier message quoted under a wrapped "On ... wrote:" line begins."""
    found = _WRAPPED_ATTRIBUTION.search(text)
    return None if found is None or found.start() == 0 else found.start()


def _pasted_messages(text: str, end: int) -> tuple[int, ...]:
    """Where each earlier message pasted below a signed-off one opens ("Dear ...").

    A requester chasing a review often signs a short new message and pastes their earlier
    one under it, salutation and all, with no header to mark it as quoted: the reader
    reads both, and a ground the new message states again is not read twice.
    """
    starts = []
    signed = _SIGNED.search(text, 0, end)
    while signed is not None:
        opening = _SALUTATION.search(text, signed.end(), end)
        if opening is None:
            break
        starts.append(opening.start())
        signed = _SIGNED.search(text, opening.end(), end)
    return tuple(starts)


# --------------------------------------------------------------------------- masking


def _mask(text: str, end: int) -> str:
    """``text`` with quotations, quoted messages and conditions blanked (same offsets)."""
    chars = list(text)
    spans = []
    published_until = 0  # the text so far is only the requester's words in quotation marks
    for m in _LONG_QUOTE.finditer(text, 0, end):
        if not text[published_until : m.start()].strip(" \t\n.,;:!?") and _whole_paragraph(
            text, m.start(), m.end()
        ):
            published_until = m.end()
        elif not _adopts_quotation(text, m.start()):
            spans.append((m.start(), m.end()))
    spans += [(m.start(), m.end()) for m in _HYPOTHETICAL.finditer(text, 0, end)]
    spans += [(m.start(), m.end()) for m in _QUOTED_LINE.finditer(text, 0, end)]
    spans += _pasted_without_opening_mark(text, end)
    spans.append((end, len(text)))
    for start, stop in spans:
        for index in range(start, stop):
            if chars[index] != "\n":
                chars[index] = " "
    return "".join(chars)


#: Words citing the Commissioner's guidance or a tribunal just before a quotation ("in the ICO
#: guidance it states that if there is a “plausible suspicion of wrongdoing, ...”"): the
#: requester adopts the words quoted as their own argument, so they are read, not blanked
#: (inside the requester's sentence only: a quotation set out on lines of its own after
#: "the guidance states:" is the guidance, read as such).
_CITES_GUIDANCE = re.compile(
    r"\b(?:guidance|Commissioner|ICO|Tribunal|Code\s+of\s+Practice)\b[^.;\"“”\n]{0,80}?"
    r"\b(?:states?|says?|said|held|explains?|notes?|advises?|provides?|reads?)\b"
    r"[^.;:\"“”\n]{0,40}\Z",
    re.IGNORECASE,
)


def _adopts_quotation(text: str, start: int) -> bool:
    """Whether the requester's own sentence cites guidance and quotes it as their argument.

    "You must also be aware that in the ICO guidance it states that if there is a
    “plausible suspicion of wrongdoing, ...”": the requester speaks ("you", "I") and makes the
    words quoted theirs. "The Code of Practice reads “...”" only sets the guidance out.
    """
    if not _CITES_GUIDANCE.search(text, max(0, start - 120), start):
        return False
    opening = max(text.rfind(stop, 0, start) for stop in (".", "!", "?", "\n"))
    return _SPEAKS.search(text, opening + 1, start) is not None


#: The requester or the authority in a sentence ("you", "I").
_SPEAKS = re.compile(r"\b(?:you|your|we|my|our)\b|\bI\b", re.IGNORECASE)


#: A paragraph, with the blank lines that close it.
_PARAGRAPH = re.compile(r"(?:[^\n]|\n(?![ \t]*\n))+")
#: A line that introduces someone else's words ("I received a letter dated 14th February
#: stating that:", "Your reply said:").
_INTRODUCES_WORDS = re.compile(
    r"\b(?:stating|stated|states|said|says|saying|wrote|writes|reads|replied|responded)"
    r"\b(?:\s+that)?\s*:\s*$",
    re.IGNORECASE,
)


def _pasted_without_opening_mark(text: str, end: int) -> list[tuple[int, int]]:
    """Paragraphs of someone else's words pasted after "... stating that:" and closed by a mark.

    A requester quoting the refusal often pastes it as its own paragraph under the line
    that introduces it, and types only the closing quotation mark ("... where the public
    interest lay."). With no opening mark the quotation is not found as one; the paragraph
    after such a line that ends with a closing mark and holds no other is the authority's.
    """
    spans = []
    previous: re.Match[str] | None = None
    for paragraph in _PARAGRAPH.finditer(text, 0, end):
        body = paragraph.group(0).rstrip()
        if (
            previous is not None
            and _INTRODUCES_WORDS.search(previous.group(0).rstrip())
            and body.endswith(('"', "”"))
            and body.count('"') + body.count("“") + body.count("”") == 1
        ):
            spans.append((paragraph.start(), paragraph.end()))
        previous = paragraph
    return spans


def _whole_paragraph(text: str, start: int, stop: int) -> bool:
    """Whether a quotation is a paragraph of its own, nothing before or after it on its lines.

    An authority publishing a review quotes the requester's words whole ("Your review
    request: “... now that the embargo has passed, could you please re-issue the
    report ...”"), and only those words are kept: a text that is nothing but such
    quotations is the requester's own. A quotation after the requester's own words is
    someone else's (guidance, the response), however it is laid out.
    """
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return False  # the quotation opens inside a sentence
    line_end = text.find("\n", stop)
    return not text[stop : len(text) if line_end < 0 else line_end].strip(" \t.,;:!?")


# --------------------------------------------------------------------------- blocks


def _blocks(text: str, end: int) -> list[Block]:
    """List items (a new one at every marker line) and paragraphs, in reading order.

    A paragraph that is not itself an item, coming after an item, continues it: a
    requester often follows "2) Please release the full report." with paragraphs
    explaining why.
    """
    pieces: list[tuple[int, list[Span]]] = []  # (paragraph index, lines)
    bare = _bare_numbered(text, end)
    for p_index, paragraph in enumerate(paragraphs(text, 0, end)):
        previous = ""
        for line in lines(text, paragraph.start, paragraph.end):
            if (
                (_is_item(line.text) or line.start in bare)
                and not _attribution(previous, line.text)
                or not pieces
                or pieces[-1][0] != p_index
                or _is_title(line.text, previous)
            ):
                pieces.append((p_index, [line]))
            else:
                pieces[-1][1].append(line)
            previous = line.text
    blocks: list[Block] = []
    lists: list[list[int]] = []  # the block indexes of each list's items
    item: int | None = None
    kind: str | None = None
    of_reasons = False
    enumerates = False
    nested: str | None = None  # the marker of a sub-list inside the current item
    for p_index, piece in pieces:
        is_item = _is_item(piece[0].text) or piece[0].start in bare
        headed = not is_item and _is_title(piece[0].text, _line_before(text, piece[0].start))
        if headed:
            item = kind = nested = None  # a heading ends the list before it
        marker = _marker_kind(piece[0].text) if is_item else None
        if is_item and item is not None and marker != kind:
            if marker == nested or (nested is None and _introduces(text, blocks[-1])):
                nested, is_item = marker, False  # "... for the following reasons:" then "o ..."
        if is_item:
            nested = None
            if item is None or marker != kind:
                kind = _marker_kind(piece[0].text)
                introduction = _line_before(text, piece[0].start)
                of_reasons = _REASONS.search(introduction) is not None
                # "No evidence has been provided that my correspondence:" then "- Has
                # harassed staff;": the points complete the sentence, they are not grounds;
                # a semicolon there does the colon's work ("the department needs to
                # demonstrate that;" then "(a) disclosure is likely to prejudice ...")
                enumerates = not of_reasons and introduction.rstrip().endswith((":", ";"))
                lists.append([])
            item = 0 if item is None else item + 1
            lists[-1].append(len(blocks))
        label = _number(piece[0].text) if is_item else blocks[-1].label if blocks else None
        in_sublist = not is_item and nested is not None
        blocks.append(
            Block(
                start=piece[0].start,
                end=piece[-1].end,
                paragraph=p_index,
                item=item,
                label=label if item is not None else None,
                label_is_point=False,
                is_item=is_item,
                in_list_of_reasons=item is not None and of_reasons,
                nested=in_sublist,
                enumerates=is_item and enumerates,
                headed=headed,
            )
        )
    return _mark_point_labels(text, blocks, lists)


def _mark_point_labels(text: str, blocks: list[Block], lists: list[list[int]]) -> list[Block]:
    """Decide, list by list, whether item numbers are the original request's points.

    Numbers written as "Question 2" always are. Otherwise a list numbered 1, 2, 3 ...
    is the requester counting their own grounds, while numbers that start elsewhere
    or skip ("2)", then "5)") follow another numbering: the request's.
    """
    marked = list(blocks)
    for members in lists:
        numbers = [blocks[index].label for index in members]
        counted = numbers == [str(n) for n in range(1, len(numbers) + 1)]
        for index in members:
            worded = _POINT_WORD.match(text, blocks[index].start) is not None
            is_point = blocks[index].label is not None and (worded or not counted)
            item = blocks[index].item
            for follower in range(index, len(blocks)):
                if blocks[follower].item != item:
                    break
                marked[follower] = replace(blocks[follower], label_is_point=is_point)
    return marked


def _bare_numbered(text: str, end: int) -> set[int]:
    """Where the items of a list numbered with bare numbers ("1 In my view ...") start.

    Some requesters number their reasons with a number and a space, no dot or bracket.
    A line can open with a number for other reasons (a wrapped "3 May"), so only lines
    that open a sentence count, and only when their numbers run 1, 2, ... (two at least).
    """
    found: set[int] = set()
    run: list[int] = []
    for match in _BARE_NUMBER.finditer(text, 0, end):
        before = text[: match.start()].rstrip(" \t")
        if before and not (before.endswith("\n\n") or _ENDS_SENTENCE.search(before)):
            continue  # the line carries on a sentence
        number = int(match.group("number"))
        if number == 1:
            found.update(run if len(run) >= 2 else [])
            run = [match.start("number")]
        elif run and number == len(run) + 1:
            run.append(match.start("number"))
    found.update(run if len(run) >= 2 else [])
    return found


def _attribution(previous: str, line: str) -> bool:
    """A dash line naming the source of the quotation above it ("— ICO Guidance"): no item."""
    return line.lstrip().startswith(("—", "–")) and previous.rstrip().endswith(("”", '"'))


def _is_item(line: str) -> bool:
    """A list item's first line; "S. Ahmed" under a letter is a name, not item S."""
    if not LIST_ITEM.match(line):
        return False
    return _INITIAL.match(line) is None


def _marker_kind(line: str) -> str:
    """The kind of an item's marker: "num", "alpha", "roman", or the bullet itself."""
    item = read_item(line)
    if item is None and _BARE_NUMBER.match(line):
        return "num"
    return "bullet " + line.strip()[:1] if item is None else item.kind


def _introduces(text: str, block: Block) -> bool:
    """Whether an item ends by introducing what follows ("... for the following reasons:").

    A list of another kind right after such an item is nested in it: its points argue
    the item's ground rather than stating grounds of their own.
    """
    return block.item is not None and text[block.start : block.end].rstrip().endswith(":")


def _number(line: str) -> str | None:
    """The item's number ("2" for "2)", "3a" for "3a."), if it is numbered."""
    item = read_item(line)
    bare = _BARE_NUMBER.match(line) if item is None else None
    if bare is not None:
        return bare.group("number")
    if item is None or item.kind != "num":
        return None
    return item.value + (item.sub or "")


def _line_before(text: str, start: int) -> str:
    before = text[:start].rstrip()
    return before[before.rfind("\n") + 1 :]


# --------------------------------------------------------------------------- units

#: A line this long that ends without punctuation was wrapped, not ended: "I am writing
#: to request an internal review of University of / Birmingham's handling of my request".
_WRAPPED_LINE = 45
_ENDS_SENTENCE = re.compile(r"[.!?:;\"”'’)\]]\s*$")
_SIGN_OFF = re.compile(
    r"^\W*(?:yours\b|kind\s+regards|best\s+regards|regards\b|many\s+thanks|thanks\b|best\s+wishes"
    r"|dear\b)",
    re.IGNORECASE,
)


def _sentences(text: str, block: Block) -> list[Span]:
    """The block's sentences, rejoining those a hard wrap cut before a capital letter.

    The shared sentence splitter ends a sentence at a line break followed by a capital
    (flattened web pages put one element per line); in a hard-wrapped letter a long
    line without closing punctuation carries on, whatever the next line starts with.
    """
    joined: list[Span] = []
    for sentence in sentences(text, block.start, block.end):
        if joined and _wrapped(text, joined[-1], sentence):
            joined[-1] = Span(joined[-1].start, sentence.end, text[joined[-1].start : sentence.end])
        else:
            joined.append(sentence)
    return joined


def _wrapped(text: str, previous: Span, following: Span) -> bool:
    gap = text[previous.end : following.start]
    if gap.count("\n") != 1 or _ENDS_SENTENCE.search(previous.text):
        return False
    last_line = previous.text[previous.text.rfind("\n") + 1 :]
    if _in_capitals(previous.text) and _in_capitals(following.text):
        return True  # in a text written in capitals every line opens with one
    if _SIGN_OFF.match(following.text) or ("\n" not in previous.text and _is_title(last_line)):
        return False  # a heading, or the letter's sign-off, is never a wrapped line
    return len(last_line) >= _WRAPPED_LINE and not _is_item(following.text)


def _in_capitals(value: str) -> bool:
    """Whether a passage is written in capitals ("IT IS IN THE PUBLIC INTEREST THAT")."""
    letters = [c for c in value if c.isalpha()]
    return len(letters) >= 12 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def _is_title(line: str, previous: str = "") -> bool:
    """A heading written in title case: "No Evident Justification for Escalation".

    Requesters who argue at length put headings over their points; a heading starts a
    new block and is never read as the start of the sentence under it. A hard-wrapped
    line of a sentence full of names ("Birmingham's handling of my FOI request 'The
    Russell Group of") is not one: a heading follows the end of a sentence (or opens
    its paragraph) and does not end introducing something (":") or mid-phrase.
    """
    stripped = line.strip()
    if not is_heading(stripped) or stripped.endswith(":"):
        return False
    if previous and not _ENDS_SENTENCE.search(previous):
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", stripped) if len(w) > 3]
    capitalised = sum(w[0].isupper() for w in words)
    last = stripped.split()[-1].lower()
    return len(words) >= 2 and capitalised >= 0.75 * len(words) and last not in _FUNCTION_WORDS


_FUNCTION_WORDS = frozenset("of the and to a an in on for with by or at from as".split())


def _clauses(text: str, sentence: Span, block: int) -> list[Unit]:
    """The sentence cut at clause boundaries, keeping only cuts that leave real clauses."""
    pieces = [(sentence.start, sentence.end, "")]
    for match in _CLAUSE_BREAK.finditer(text, sentence.start, sentence.end):
        start, _, cut = pieces[-1]
        left = text[start : match.start()]
        right = text[match.end() : sentence.end]
        shortest = _MIN_JOINED_WORDS if _JOINED.fullmatch(match.group(0)) else _MIN_CLAUSE_WORDS
        if _words(left) >= shortest and _words(right) >= _MIN_CLAUSE_WORDS:
            pieces[-1] = (start, match.start(), cut)
            pieces.append((match.end(), sentence.end, match.group(0)))
    units = []
    for start, stop, cut in pieces:
        span = Span.of(text, start, stop)
        if span:
            reason = _GIVES_REASON.search(cut) is not None
            contrast = _CONTRASTS.search(cut) is not None
            units.append(
                Unit(span.start, span.end, block, sentence.start, sentence.end, reason, contrast)
            )
    return units


def _words(value: str) -> int:
    return len(value.split())

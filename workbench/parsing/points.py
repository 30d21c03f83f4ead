"""The request's points: how a request divides into the questions it asks.

Points follow the request's own numbering ("1.", "Q2", "Request 1:", "3a",
"(ii)", "a)"); where there is none, each question or ask ("Please provide...",
"How many...?") is a point, numbered in reading order, and sentences that only
qualify the previous ask ("The data should be broken down by year", "If yes,
please provide copies") stay with it. Where the request sits - its own
document or quoted inside the response - is :mod:`workbench.parsing.structure`'s
question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from itertools import pairwise

from .labels import (
    ItemLabel,
    format_label,
    label_key,
    next_letter,
    next_roman,
    read_item,
    run_on_items,
)
from .literals import Alternation
from .text import BULLETS, Span, indent_at, line_lead, lines, sentences

#: A sign-off ends a request: "Yours faithfully", "Kind regards".
SIGN_OFF = re.compile(
    r"^\s*(?:yours\s+(?:sincerely|faithfully|truly)|kind\s+regards|best\s+(?:regards|wishes)|"
    r"many\s+thanks|regards|with\s+thanks|thank\s+you(?:\s+in\s+advance)?[.,!]?\s*$)",
    re.IGNORECASE,
)
QUOTE_OPEN = "\"“'‘"


@dataclass
class RequestPoint:
    """One point of the request, with its label as the letter writes it."""

    label: str
    span: Span  # the point's text, in the text it came from
    source: str  # "response" (quoted in it) or "request" (a separate document)
    answer: Span | None = None  # the answer paired with it on a Request:/Response: page
    order: int = 0
    part: str | None = None  # for a part the response answers separately: what the part covers
    context: str = ""  # the words of the item this point is a part of ("2. How many ...: a) ...")
    #: How the request was divided to find it: "numbered", "inline", "bullets", "asks", "whole".
    by: str = "numbered"
    #: The heading of the request's section the point is in, when the request is divided into
    #: sections each numbered from 1 ("Street lighting"); its label then starts with it.
    section: str = ""

    @property
    def key(self) -> str:
        return label_key(self.label)


@dataclass
class RequestLayout:
    """Where the request sits in the response, and the points it holds."""

    points: list[RequestPoint] = field(default_factory=list)
    regions: list[Span] = field(default_factory=list)  # quoted request text inside the response
    paired: bool = False  # True when each point came with its own answer block


# --------------------------------------------------------------------------- asks

#: A sentence that asks for something: one phrase each, searched as one alternation (an
#: :class:`~.literals.Alternation` tries only the phrases whose words a sentence holds).
ASK = Alternation(
    (
        # "... for investing in public services?.": a question whose writer added a stop.
        r"""\?\s*["”’']?\s*\.?\s*$""",
        r"\b(?:please|kindly)\b",
        r"\b(?:could|can|would|will)\s+you\b",
        r"\b(?:can|could|may)\s+I\s+(?:please\s+)?(?:have|get|receive|obtain|see|ask|request)\b",
        r"^\W*I\s+am\s+(?:looking|searching)\s+for\b",
        # "We would like to request ...": a newsroom or a group asks in the plural
        r"""\b(?:I|we)\s+(?:would|'d|’d|should|shall)\s+(?:also\s+)?(?:like|be\s+grateful|appreciate)
            (?!\s+to\s+(?:apologi[sz]e|thank|take\s+this|confirm|advise|inform|explain|reassure|
                assure|acknowledge|point\s+out|clarify|draw|remind|offer|make\s+clear))""",
        r"\bI\s+(?:wish|want|need)\s+to\s+(?:know|see|request|receive|obtain|ask)",
        # "I'm writing to request ...", "I write to ask for ...": the same ask, contracted
        r"\bI(?:\s+am|['’]m)\s+(?:requesting|asking|seeking|writing\s+to\s+(?:you\s+to\s+)?"
        r"(?:request|ask))",
        r"\b(?:I|we)\s+write\s+to\s+(?:you\s+to\s+)?(?:request|ask)\b",
        r"\bwe\s+are\s+(?:requesting|asking|seeking)\b",  # a group asking in the plural
        r"\b(?:I|we)\s+(?:hereby\s+|also\s+|further\s+)?(?:request|require|seek|ask\s+for)\b",
        # "I would also request the full Project Initiation Document for each project."
        r"\b(?:I|we)\s+(?:would|'d|’d|should)\s+(?:also\s+|further\s+)?(?:request|ask\s+for)\b",
        r"\bmy\s+request\s+is\b",
        r"\bto\s+be\s+provided\s+with\b",
        r"\bhow\s+(?:many|much|often|long|frequently)\b",
        r"^\W*(?:what|which|who|why|whether|has|have|does|do|did|is|are|was|were)\b",
        # "Will all buses be electric by 2030.": a question opening on its verb, its mark lost
        r"^\W*will\s+(?!be\b|you\b)\w",
        # "When was ...", "Where are ...": a question; "Where relevant information is held
        # deeper in a record, a manual assessment is required" opens a condition, and states.
        r"""^\W*(?:when|where)\s+(?:is|are|was|were|do|does|did|has|have|had|can|could|will|
            would|should|shall|may|might)\b""",
        # ("Our aim is to provide information ...", "The second duty is to disclose information
        # ...", "we are unable to release details": what the authority can or must do, no ask)
        r"""(?<!\bis\sto\s)(?<!\bare\sto\s)(?<!\baim\sto\s)(?<!\bable\sto\s)(?<!\bduty\sto\s)
            (?<!\bobliged\sto\s)(?<!\brequired\sto\s)
            \b(?:provide|send|supply|disclose|release)\s+(?:me\s+)?(?:with\s+)?
            (?:a\s+|the\s+|any\s+|all\s+)?
            (?:cop(?:y|ies)|details|information|data|number|list|breakdown|figures)""",
        r"""^\W*(?:(?:an?\s+)?cop(?:y|ies)\s+of|any\s+(?:\w+\s+){0,3}(?:messages|e-?mails|
            correspondence|records|documents|documentation|reports|minutes|information|data|communications)|all\s+(?:\w+\s+){0,3}
            (?:correspondence|e-?mails|records|documents|documentation|communications|information)|
            the\s+(?:total\s+)?(?:number|total|amount|cost|list|names?|percentage|proportion)
            (?:\s+and\s+(?:number|percentage|proportion))?\s+of|(?:a\s+)?breakdown\s+of|details\s+of)\b""",
    ),
    re.IGNORECASE | re.VERBOSE,
)
#: A sentence that introduces the asks that follow ("I would like the following information:").
_INTRO = re.compile(
    r"\bthe\s+following\b|:\s*$|\bas\s+follows\b|"
    # "May I enquire if" over bullets: each bullet finishes the sentence
    r"\b(?:if|whether|about|regarding|concerning)\s*$|"
    # "Please could you let me know" over the questions: a lead-in whose object is below
    r"\b(?:let\s+(?:me|us)\s+know|tell\s+(?:me|us)|like\s+to\s+know)\s*[,;]?\s*$|"
    # "I would like to make a request under the Act about parking at your hospitals.": the
    # subject of the questions after it, not a point of its own.
    r"\b(?:make|submit)\s+a\s+(?:\w+\s+){0,4}?request\s+(?:under\s+[^,.?]{3,60}?\s+)?"
    r"(?:about|regarding|concerning|in\s+relation\s+to|relating\s+to)\b",
    re.IGNORECASE,
)
#: A sentence that continues the previous ask rather than making a new one.
FOLLOW_ON = re.compile(
    r"""^\W*(?:if\s+(?:yes|so|not|no|this|that|there\s+(?:is|are|was|were|has|have)|any|
            applicable|possible|available|held|known|the\s+answer|you\s+are\s+(?:unable|not\s+able))\b
      | I\s+would\s+(?:also\s+)?(?:request|ask|like)\s+that\s+(?:this|these|it|they|the\s+list)\s+
            (?:includes?|contains?|covers?|shows?|lists?)\b
      | please\s+(?:provide|send|include|supply|give)\s+(?:full\s+)?
            (?:copies|a\s+copy|copy|details|them|it|this|these|those)\b
      | (?:and|or)\s+(?:if|please)\b | this\s+(?:should|would|could|can|may)\b
      # "Any such reports should be counted as within scope ...": "such" points back to the ask
      | (?:the\s+above|these|they|(?:any|all)\s+such)\s+(?:\w+\s+)?
            (?:should|would|could|can|may|must|shall|will)\b
      | it\s+(?:should|must|shall)\b
      | I\s+would\s+(?:also\s+)?like\s+(?:the\s+|this\s+|that\s+)?
            (?:data|information|figures|list)\s+
            (?:to\s+(?:include|be\s+broken\s+down|be\s+split)|broken\s+down|split)\b
      # "I would like to request this information for the last 4 years": the period of the ask
      | I\s+would\s+like\s+to\s+(?:request|receive|have|see)\s+(?:this|that|these|the\s+above)\s+
            (?:information|data|figures)\s+(?:for|from|covering|over|between|since)\b
      | please\s+(?:provide|send|supply|give)\s+(?:me\s+)?(?:the|this|that)\s+(?:data|information|
            figures|numbers)\s+(?:from|for|between|covering|over|since|in|by|as|broken)\b
      | please\s+(?:also\s+)?(?:provide|send|supply|include)\s+(?:any\s+|all\s+|the\s+)?
            (?:annex(?:es)?|appendi(?:ces|xes)|attachments|enclosures)\b
      | the\s+(?:data|information|figures|response|answer|list)\s+should\b
      | please\s+(?:break|split|include)\b | broken\s+down\b | including\b | to\s+include\b
      # "As a minimum, please make sure to include the date, value and recipient": the fields
      | (?:(?:as\s+a|at\s+(?:a|the))\s+minimum,?\s+)?please\s+(?:make\s+sure\s+(?:to|you)|
            ensure\s+(?:that\s+)?(?:you\s+)?)\s*include\b
      | (?:please\s+)?(?:could|can|would)\s+you\s+(?:please\s+)?(?:also\s+)?(?:give|provide)\s+
            (?:me\s+)?(?:a|the)\s+break\s*-?\s*down\b
            # ("... a breakdown of the recorded ethnicity of those ...": a new thing asked for)
            (?!\s+of\s+(?!(?:these|those|this|that|them|it|each|the\s+(?:above|figures?|data|numbers?|
                information|totals?)\b)))
      | (?:please\s+)?(?:could|can|would)\s+you\s+(?:please\s+)?(?:also\s+)?(?:break|split)\s+
            (?:this|it|these|that|them|the\s+(?:figures?|data|information|numbers?))\b
      | for\s+(?:each|every|both)\b | in\s+(?:each|both)\s+case
      | (?:and\s+)?(?:for|of)\s+(?:those|these|them)(?:\s+(?:who|which|that|where|with)\b|\s*,)
      | (?:my|this)\s+request\s+(?:relates|covers|concerns|is\s+for\s+the\s+period)
      | (?:by\s+[^,.?]{1,60},\s*)?I\s+(?:mean|am\s+referring\s+to)\b
      | (?:I\s+(?:would\s+like|wish|want)\s+to\s+|please\s+)?(?:restrict|limit|confine)\s+
            (?:the|this|my|your)\b
      | to\s+(?:clarify|be\s+clear)\b | for\s+(?:clarity|the\s+avoidance\s+of\s+doubt)\b
      | (?:could|can|would|may)\s+(?:I|you|we)\s+(?:have|get|see|receive)\s+
            (?:this|that|these|the\s+same)\s+(?:information|data|figures?)\s+(?:broken\s+down|split|separated|by)\b
      # "If I could please receive this as a total for each year ...": the ask before, said how
      | (?:if\s+)?(?:(?:I|you|we)\s+)?(?:could|can|would|may)\s+(?:(?:I|you|we)\s+)?(?:please\s+)?
            (?:also\s+)?(?:receive|have|get|see|provide|send|supply|give)\s+(?:me\s+|us\s+)?
            (?:this|it|these|them|that)\s+(?:as|broken|split|separated|by|for\s+each|per)\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
#: Polite words that ask for no information: "please do get in touch", "I am requesting the
#: same from other councils".
_NOT_AN_ASK = Alternation(
    (
        r"\bplease\s+(?:do\s+)?(?:get\s+in\s+touch|contact\s+(?:me|us)|do\s+not\s+hesitate)",
        # "Please let me know if you need more", not "Please let me know how many ...": the
        # courtesy names no information after it
        r"\bplease\s+let\s+(?:me|us)\s+know\b(?!\s+(?:how|what|which|who|when|where|why|"
        r"the\s+(?:number|total|amount|cost|names?|date)|(?:if|whether)\s+(?!(?:you|I|we|there|"
        r"this|that|it|my|the\s+request|any|anything)\b)(?![^.?!\n]*\b(?:unclear|clarif\w*|"
        r"queries|questions|need|require|problems?|difficult\w*|help|assist\w*)\b)))",
        r"\bif\s+you\s+need\s+any\s+(?:further\s+)?(?:assistance|clarification)",
        r"\b(?:requesting|asking\s+for)\s+the\s+same\s+(?:information\s+)?from\b",
        r"\bmy\s+request\s+is\s+(?:sufficiently\s+|quite\s+|reasonably\s+)?(?:clear|reasonable|simple)\b",
        # The requester's procedural lines: "If the cost limit would be exceeded, please provide
        # advice and assistance", "If you have any queries please don't hesitate to contact me".
        r"\badvice\s+and\s+assistance\b",
        r"\b(?:refine|narrow)\w*\s+(?:my|the|this)\s+request\b",
        r"\brequest\s+(?:could|can|might|may|should|would)\s+be\s+(?:refined|narrowed|reduced)\b",
        r"\bdon[’']?t\s+hesitate\b",
        r"\bdo\s+not\s+hesitate\b",
        r"^\W*if\s+you\s+have\s+any\s+(?:queries|questions)\b",
        r"^\W*(?:also,?\s+)?please\s+(?:note|be\s+aware)\b",
        # "I am not sure if this needs to be put in to a new request or not?": about the request
        r"\b(?:if|whether)\s+(?:this|it)\s+(?:needs?|should|has)\s+(?:to\s+)?(?:be\s+)?"
        r"(?:put\s+in\s*(?:to\s+)?|made\s+(?:as\s+|in\s+)?|submitted\s+(?:as\s+)?|treated\s+as\s+)?"
        r"(?:a\s+)?(?:new|separate|fresh)\s+request\b",
        # A request template's provisos: "If all this information is already in the public
        # domain, please direct me to it", "If the release of any of this information is ..."
        r"^\W*if\s+(?:all\s+|any\s+(?:of\s+)?)?(?:this|the)\s+information\s+is\s+(?:already\s+)?"
        r"(?:in\s+the\s+public\s+domain|published|publicly\s+available)\b",
        r"^\W*if\s+the\s+release\s+of\s+any\s+(?:of\s+)?(?:this|the)\s+information\s+is\s+"
        r"(?:prohibited|refused|withheld)\b",
        # "... so please exclude information relating to that system": narrows what is asked
        r"\bplease\s+(?:exclude|disregard|ignore|omit)\b",
        # "To view the full document please open the PDF above": a web page's note on reading it
        r"^\W*to\s+(?:access|view|read|see|download|open)\b[^.?]{0,80}?\bplease\s+(?:open|use|"
        r"click|see|select|download|follow|go\s+to)\b",
        # "Please acknowledge receipt of this request": about the letter, not information.
        r"\backnowledg\w*\s+(?:of\s+)?(?:the\s+)?receipt\b",
        # "Could you also confirm receipt of my email.": the same, asked as a question
        r"\bconfirm\s+(?:the\s+)?receipt\b",
        # "I am requesting information under the Freedom of Information Act 2000.": the law the
        # request is made under, said alone; what is wanted comes after it.
        r"^\W*I(?:\s+am|['’]m|\s+write)\s+(?:requesting|seeking|(?:writing\s+)?to\s+request)\s+"
        r"information\s+under\s+"
        r"(?:the\s+)?[^.?]{0,60}?\b(?:Act|Regulations)(?:\s+\d{4})?\W*$",
    ),
    re.IGNORECASE,
)
_GREETING = re.compile(
    r"^\s*(?:dear\b[^,\n]*,?|to\s+whom\s+it\s+may\s+concern,?|hello\b[^,\n]*,?|hi\b[^,\n]*,)\s*",
    re.I,
)

# --------------------------------------------------------------------------- splitting


def split_region(text: str, region: Span, source: str) -> list[RequestPoint]:
    """Points of one request region: by its numbering, else by its bullets, else by its asks."""
    if not region:
        return []
    points: list[RequestPoint] = []
    dividers = [
        ("numbered", numbered_points),
        ("inline", inline_points),
        ("bullets", _inline_bullet_points),
        ("bullets", _bulleted_points),
        ("inline", _inline_bare_numbers),
        ("asks", _asked_points),
    ]
    if _bullets_over_parts(text, region):
        dividers.insert(0, dividers.pop(3))  # bulleted asks with lettered parts of their own
    for by, divide in dividers:
        points = divide(text, region, source)
        if points:
            for point in points:
                point.by = by
            break
    if len(points) == 1 and points[0].by == "asks":
        points[0].by = "whole"
    renumber_orders(points)
    return points


def renumber_orders(points: list[RequestPoint]) -> None:
    for order, point in enumerate(points):
        point.order = order


@dataclass
class _Item:
    label: ItemLabel
    line: Span
    level: int
    parent: str | None  # formatted label of the parent item


def numbered_points(
    text: str, region: Span, source: str, *, continued: bool = False
) -> list[RequestPoint]:
    """``continued``: the region carries on a numbering begun before it (a request quoted
    question by question), so its first number need not be 1."""
    items = _accepted_items(text, region, continued=continued)
    if not items or (len(items) == 1 and items[0].label.word is None):
        return []
    if items[0].label.kind != "num" and _bullets_over_parts(text, region):
        return []  # the bullets are the asks; their lettered lines are parts (_bulleted_points)
    has_children = {item.parent for item in items if item.parent}
    points = []
    parents: dict[str, str] = {}
    for index, item in enumerate(items):
        label = _full_label(item)
        end = items[index + 1].line.start if index + 1 < len(items) else region.end
        span = Span.of(text, item.line.start + item.label.end, end)
        if label in has_children:
            parents[label] = (
                span.text
            )  # "3. Please provide: a) ... b) ..." - the parts are the points
            if not _asks_besides_parts(text, items, index):
                continue
        joint = _joint_points(text, item, span, source)
        if joint:
            points += joint
            continue
        point = RequestPoint(label, strip_quotes(text, span), source)
        point.context = parents.get(item.parent or "", "")
        points.append(point)
    last = items[-1]
    if points and last.level == 0 and last.label.kind == "num" and not last.label.word:
        points += _unnumbered_next(text, points, last, source) or _asked_after_list(
            text, points[-1], last, source
        )
    return points


#: Words a list's items must share at their start for a line after the last to be one more.
_SHARED_OPENING = 3


def _unnumbered_next(
    text: str, points: list[RequestPoint], item: _Item, source: str
) -> list[RequestPoint]:
    """ "1. The number of FOIs cleared by X ..." "2. The number of FOIs cleared by Y ..." then,
    on the next line, "The number of FOIs cleared by Z ...": worded as every item before it,
    the line is the list's next item, its number lost when the list was copied (the letter
    answers "question 3"), not more of the last item."""
    if len(points) < 2 or "\n" not in points[-1].span.text:
        return []
    opening = _first_words(points[0].span.text)
    if not opening or any(_first_words(p.span.text) != opening for p in points[1:]):
        return []
    span = points[-1].span
    line_end = text.find("\n", item.line.start, span.end)
    if line_end < 0:
        return []
    following = text[line_end + 1 : span.end]
    line = following.split("\n", 1)[0]
    if not line.strip() or _first_words(line) != opening:
        return []  # a blank line or other words: the last item goes on, or the list ended
    start = line_end + 1 + len(line) - len(line.lstrip())
    points[-1].span = strip_quotes(text, Span.of(text, span.start, line_end))
    rest = strip_quotes(text, Span.of(text, start, span.end))
    return [RequestPoint(str(int(item.label.value) + 1), rest, source)]


def _first_words(value: str) -> tuple[str, ...]:
    words = re.findall(r"[a-z]+", value.lower())
    return tuple(words[:_SHARED_OPENING]) if len(words) > _SHARED_OPENING else ()


#: A paragraph after a numbered list that asks for more in so many words: "As a
#: supplementary, I would also ask that you provide ...", "I would also like ...".
_MORE_ASKED = re.compile(
    r"\b(?:I\s+(?:would|'d|should)\s+also\s+(?:like|ask|request|be\s+grateful)|"
    r"I\s+also\s+(?:want|wish|request|ask)\b|please\s+also\s+(?:provide|send|supply|give|tell))",
    re.IGNORECASE,
)


def asks_for_more(paragraph: str) -> bool:
    """A paragraph that opens by asking for more in so many words ("As a supplementary, I
    would also ask that you provide ...")."""
    if "also" not in paragraph[: _MORE_ASKED_WITHIN + 40].lower():
        return False
    match = _MORE_ASKED.search(paragraph, 0, _MORE_ASKED_WITHIN + 40)
    return match is not None and match.start() <= _MORE_ASKED_WITHIN


def _asked_after_list(
    text: str, point: RequestPoint, item: _Item, source: str
) -> list[RequestPoint]:
    """A paragraph of its own after a numbered list, set apart by a blank line, that asks for
    more in so many words ("As a supplementary, I would also ask that you provide some detail
    about the recording processes"): the list's next point, numbered on, as the requester
    would count it - not more of the last item. Paragraphs between that qualify an item
    ("Regarding part 1, ideally ...") stay with it."""
    span = point.span
    if "also" not in span.text.lower():
        return []  # the cheap test first: every such ask says "also"
    for gap in _PARAGRAPH_BREAK.finditer(text, item.line.end, span.end):
        paragraph_end = text.find("\n\n", gap.end(), span.end)
        paragraph = text[gap.end() : span.end if paragraph_end < 0 else paragraph_end]
        if asks_for_more(paragraph):
            point.span = strip_quotes(text, Span.of(text, span.start, gap.start()))
            rest = strip_quotes(text, Span.of(text, gap.end(), span.end))
            return [RequestPoint(str(int(item.label.value) + 1), rest, source)]
    return []


#: A blank line between paragraphs.
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
#: How far into its paragraph the ask for more must come (its first sentence or so).
_MORE_ASKED_WITHIN = 80


#: The rest of a heading that names two or more questions: "Question 2 and 3", "Q4 - 6".
_JOINT_HEADING = re.compile(
    r"^\s*(?:and|&|to|-|–)\s*(?:(?:Q|Question|Part|Request|Point)\s*\.?\s*)?(?P<last>\d{1,2})\s*[.:]?\s*$",
    re.IGNORECASE,
)


def _joint_last(line: str, label: ItemLabel) -> int | None:
    """The last number a heading such as "Question 2 and 3" names, if it names more than one."""
    match = _JOINT_HEADING.match(line[label.end :])
    if match is None or label.sub:
        return None
    last = int(match.group("last"))
    return last if int(label.value) < last <= int(label.value) + 5 else None


def _joint_points(text: str, item: _Item, span: Span, source: str) -> list[RequestPoint]:
    """ "Question 2 and 3" over two asks answered together: each ask is its own point, numbered
    as the heading names them (when the asks under it are as many as it names)."""
    if item.label.kind != "num" or item.parent is not None:
        return []
    last = _joint_last(item.line.text, item.label)
    if last is None:
        return []
    body = Span.of(text, item.line.end, span.end)
    asks = _asked_points(text, body, source) if body else []
    first = int(item.label.value)
    named = last - first + 1
    if len(asks) < named:
        return []
    if len(asks) > named:  # what follows the last ask is still its text
        asks[named - 1].span = Span.of(text, asks[named - 1].span.start, asks[-1].span.end)
        asks = asks[:named]
    for number, ask in enumerate(asks, start=first):
        ask.label = format_label(replace(item.label, value=str(number)))
    return asks


#: A part that asks for more besides its item's own question: "a) Please also provide ...".
_ALSO_PART = re.compile(
    r"^\W*(?:(?:please|kindly)\s+(?:could\s+you\s+)?also|(?:could|can|would|will)\s+you\s+"
    r"(?:please\s+)?also|I\s+(?:would|'d|should)\s+also|also)\b",
    re.IGNORECASE,
)


def _asks_besides_parts(text: str, items: list[_Item], index: int) -> bool:
    """ "2. How many complaints were made? a) Please also give the number over three years":
    the item asks its own question and its parts ask for more, so it is a point beside them
    (unlike "3. Please provide: a) ... b) ...", whose parts are what it asks for)."""
    item, part = items[index], items[index + 1] if index + 1 < len(items) else None
    if part is None or part.parent != _full_label(item):
        return False
    own = text[item.line.start + item.label.end : part.line.start].strip()
    part_text = text[part.line.start + part.label.end : part.line.end]
    return _part_beside(own, part_text)


def _part_beside(own: str, part: str) -> bool:
    """Whether an item's first part asks for more than the item does: "please also ...",
    "if yes, what ...?", or a question of its own under an item that is a question too."""
    if not ASK.search(own) or own.rstrip().endswith(":"):
        return False
    if _ALSO_PART.match(part) or _CONDITIONAL_PART.match(part):
        return True
    # "5. Please detail any contracts with X? a. How much has been spent on X?": two questions;
    # "1. Please provide the number of X. a. Can you break this down by year?": a whole ask,
    # then a question of its own
    if not part.rstrip().endswith("?") or not ASK.search(part):
        return False
    own = own.rstrip(" )\"'”’")
    return own.endswith("?") or (own.endswith(".") and not _LEAD_IN.search(own))


#: Words that make an item's sentence a lead-in to its parts: "... the following.".
_LEAD_IN = re.compile(r"\b(?:following|below|these|as\s+follows)\b", re.IGNORECASE)


#: A part asked only on the answer to its item's own question: "a. If yes, what is it used
#: for?", "b. If it has not yet been removed, when ...?". The item asks first, so it is a
#: point beside its parts.
_CONDITIONAL_PART = re.compile(
    r"^\W*if\s+(?:yes|so|not|no|it|they|this|there|the\s+answer)\b[^?]*\?", re.IGNORECASE
)


def _full_label(item: _Item) -> str:
    own = format_label(item.label)
    if item.parent is None:
        return own
    if item.label.kind == "num":
        return f"{item.parent}.{own}"  # a question numbered within its numbered section: "2.1"
    if item.label.kind == "roman":
        return f"{item.parent}({item.label.value})"
    return f"{item.parent}{item.label.value}"


#: Fewest items for a list numbered "1." throughout to be read as numbered in turn.
_FLATTENED_LIST = 3


def _bullets_over_parts(text: str, region: Span) -> bool:
    """ "- How many times was a Taser deployed in the periods:" / "a) 2017-18" / "b) 2018-19" /
    "- In what number of deployments did the person:" / "a) ...": bulleted asks, each with its
    own lettered parts. A region that opens with a bullet, with lettered lines under it and
    another bullet to come, is divided by its bullets; the letters are their parts."""
    found = _lines_in(text, region)
    bullets = [i for i, line in enumerate(found) if _BULLET_LINE.match(line.text)]
    if len(bullets) < 2 or bullets[0] != 0:
        return False
    between = [read_item(line.text) for line in found[bullets[0] + 1 : bullets[1]]]
    return any(label is not None and label.kind != "num" for label in between)


def _numbered_all_one(lines: list[Span]) -> dict[int, int]:
    """A list whose every item is numbered "1." (an ordered list copied from a web page
    loses its numbers): the items' places in reading order, keyed by line start."""
    labels = [(line, read_item(line.text)) for line in lines]
    numbered = [(line, label) for line, label in labels if label and label.kind == "num"]
    if len(numbered) < _FLATTENED_LIST or any(
        label.value != "1" or label.sub for _, label in numbered
    ):
        return {}
    return {line.start: place for place, (line, _) in enumerate(numbered, start=1)}


#: "1 How many claims ...": a number and a space before a capital, the list's stop lost.
_BARE_NUMBER = re.compile(r"^[ \t]*[\"“]?[ \t]*(\d{1,2})[ \t]+(?=[A-Z])")


def _bare_numbers(lines: list[Span]) -> dict[int, ItemLabel]:
    """Lines numbered "1 How ...", "2 Proportion ...", "3 ..." with no stop or bracket after
    the number (a PDF copied to text drops it): labels, when no line of the region has a
    label of another kind and the bare numbers run 1, 2, 3 ... in order. A figure opening a
    line of prose ("12 officers were ...") does not start at 1 and run on. (A bare number
    before a question is a label wherever it stands, :data:`.labels.ITEM`; this finds the
    items of the same list that do not ask in so many words: "2 Proportion of claims ...".)"""
    found: dict[int, ItemLabel] = {}
    for line in lines:
        match = _BARE_NUMBER.match(line.text)
        if match is None:
            if read_item(line.text) is not None:
                return {}  # the region has labels of its own
            continue
        if int(match.group(1)) != len(found) + 1:
            return {}
        found[line.start] = ItemLabel("num", match.group(1), None, None, match.end())
    return found if len(found) >= _FLATTENED_LIST else {}


def _accepted_items(text: str, region: Span, *, continued: bool = False) -> list[_Item]:
    """Labelled lines that form a proper sequence (1, 2, 3 / a, b / i, ii), with their levels.

    A sequence must start at its first value, so "2021." or "5 -" in running
    text is never taken for a point.
    """
    items: list[_Item] = []
    top_kind: str | None = None
    last_top: int | None = None
    last_top_label: str | None = None
    last_letter: str | None = None
    last_roman: str | None = None
    letter_parent: str | None = None
    #: Under a part labelled with its point ("Q2 (A)"), lettered lines are that part's fields.
    in_part = False
    lines = _with_run_on_items(text, _with_inline_first(text, _lines_in(text, region)))
    ones = _numbered_all_one(lines)
    bare = _bare_numbers(lines)
    top_indent: int | None = None  # how far the list's own numbers are indented
    nested: list[_Item] = []  # numbers indented deeper, each run from 1 under its item
    for line in lines:
        label = bare.get(line.start) or read_item(line.text)
        if label is None:
            continue
        if line.start in ones:
            label = replace(label, value=str(ones[line.start]))
        if label.kind == "num" and top_kind == "num" and last_top_label is not None:
            indent = _own_indent(text, line)
            if top_indent is not None and indent is not None and indent > top_indent:
                under = [n for n in nested if n.parent == last_top_label]
                if not label.sub and int(label.value) == len(under) + 1:
                    nested.append(_Item(label, line, 1, last_top_label))
                    continue
                # A deeper line numbered on from the outer list ("1." then "2." "3." indented
                # more, as a page may flatten a list) is the outer list's next item.
        if in_part and label.kind != "num":
            continue
        if label.kind != "num" and period_only(line.text[label.end :]):
            continue  # "i. 2012/13", "ii. 2013/14": the years a question asks for, not its parts
        if label.kind == "alpha" and label.value == "i" and last_letter != "h":
            label = ItemLabel("roman", "i", None, None, label.end)
        if label.kind == "roman" and _letter_after(last_letter, label.value):
            label = ItemLabel("alpha", label.value, None, None, label.end)
        top_kind = top_kind or label.kind
        if label.kind == "num" and top_kind == "num":
            number = int(label.value)
            if not _continues_numbering(last_top, number) and not (continued and last_top is None):
                continue
            in_part = bool(label.sub)
            if label.sub:
                if number != last_top:
                    last_top, last_top_label = (
                        number,
                        format_label(ItemLabel("num", label.value, None, label.word, label.end)),
                    )
                items.append(_Item(label, line, 1, None))
                continue
            if number == last_top:
                continue
            last_top_label = format_label(label)
            last_top, last_letter, last_roman = _joint_last(line.text, label) or number, None, None
            if top_indent is None:
                top_indent = _own_indent(text, line)
            items.append(_Item(label, line, 0, None))
        elif label.kind == "alpha":
            if label.value != next_letter(last_letter):
                continue
            last_letter, last_roman = label.value, None
            parent = last_top_label if top_kind == "num" and last_top is not None else None
            letter_parent = (parent or "") + label.value
            items.append(_Item(label, line, 1 if parent else 0, parent))
        elif label.kind == "roman":
            if label.value != next_roman(last_roman):
                continue
            last_roman = label.value
            if last_letter is not None and top_kind != "roman":
                parent = letter_parent
            elif top_kind == "num" and last_top is not None:
                parent = last_top_label
            else:
                parent = None
            items.append(_Item(label, line, 2 if parent else 0, parent))
    if nested and _numbered_sections(text, items, nested):
        items = sorted(items + nested, key=lambda item: item.line.start)
    return items


def _own_indent(text: str, line: Span) -> int | None:
    """How far a line is indented, None for a stretch that does not open its line (an item
    run on after another on the same line)."""
    return None if line_lead(text, line.start).strip() else indent_at(text, line.start)


def _numbered_sections(text: str, items: list[_Item], nested: list[_Item]) -> bool:
    """A request in numbered sections, each a title over questions numbered from 1 and indented
    under it ("1. Recording of cases" over "1. The systems you use ..." "2. Whether ..."):
    every item of the outer list is a title (it asks nothing itself) with a list of its own.
    Under an ask ("3. For each plot repossessed:" over "1. The reason ...") the nested lines
    are what that one question asks for, and the question stays the point."""
    tops = [item for item in items if item.level == 0 and item.label.kind == "num"]
    parents = {item.parent for item in nested}
    if len(tops) < 2 or len(tops) != len(items):
        return False
    for top in tops:
        title = top.line.text[top.label.end :].strip()
        if format_label(top.label) not in parents or title.endswith((":", "?", ";")):
            return False
        if ASK.search(title) or len(title.split()) > _TITLE_WORDS:
            return False
    return True


#: The most words a numbered section's title has.
_TITLE_WORDS = 10


#: A year or a span of years, and nothing more ("2012/13", "2017/18 (providing the figure at
#: 01/10/17)", "2019-2020").
_PERIOD_ONLY = re.compile(
    r"\s*(?:(?:financial|calendar)\s+year\s+)?(?:19|20)\d\d(?:\s*[/\-–]\s*(?:19|20)?\d\d)?"
    r"(?:\s*\([^)\n]*\))?\s*[.;,:]?\s*$",
    re.IGNORECASE,
)


def period_only(item: str) -> bool:
    """An item that names only a year or a span of years: a period a question asks about."""
    return _PERIOD_ONLY.match(item) is not None


#: "... the following information: 1. The incident report." - a list whose first item
#: follows its lead-in on the same line.
_INLINE_FIRST = re.compile(r"[:\-–]\s+(?=\(?1[.)]\s+\S)")


#: "Responded Mon 18 September 20231. How long ...": a page's field run into the list's first
#: item, its "1." glued to the year (or word) before it.
_GLUED_FIRST = re.compile(r"(?:(?<=\d{4})|(?<=[a-z]{2}))(?=1[.)]\s+[A-Z][a-z])")


def _with_inline_first(text: str, found: list[Span]) -> list[Span]:
    """Lines, with a first item that shares its line with the lead-in made a line of its own,
    when the next numbered line is item 2."""
    for index, line in enumerate(found):
        label = read_item(line.text)
        if label is None or label.kind != "num":
            continue
        if label.value != "2" or label.sub or index == 0:
            return found
        previous = found[index - 1]
        match = next(reversed(list(_INLINE_FIRST.finditer(previous.text))), None)
        match = match or _GLUED_FIRST.search(previous.text)
        if match is None or read_item(previous.text) is not None:
            return found
        item = Span.of(text, previous.start + match.end(), previous.end)
        return [*found[: index - 1], previous, item, *found[index:]]
    return found


def _with_run_on_items(text: str, found: list[Span]) -> list[Span]:
    """Lines, with each item of a numbered list run on after the first on its line ("1. ...
    received. 2. ... answered.") made a line of its own. Items run on with lettered parts
    ("1. ...? a. If yes, ...? 2. ...") are left whole, for :func:`inline_points`."""
    out: list[Span] = []
    for line in found:
        starts = [offset for offset, _ in run_on_items(line.text)] if "." in line.text else []
        if not starts or _INLINE_PART.search(line.text):
            out.append(line)
            continue
        cuts = [0, *starts, len(line.text)]
        out += [Span.of(text, line.start + a, line.start + b) for a, b in pairwise(cuts)]
    return out


def _letter_after(last_letter: str | None, value: str) -> bool:
    """ "v)" after "u)" is a letter, not the roman five."""
    return value in ("v", "x") and last_letter == chr(ord(value) - 1)


def _continues_numbering(last: int | None, number: int) -> bool:
    """A numbered list starts at 1, then each item repeats or follows the last number."""
    return number == 1 if last is None else number in (last, last + 1)


def _lines_in(text: str, region: Span) -> list[Span]:
    return lines(text, region.start, region.end)


_INLINE_LABEL = re.compile(
    r"(?<![\w(])\((?P<p>[ivx]{1,4}|[a-z]|\d{1,2})\)\s+|(?<![\w(.])(?P<b>[a-z]|\d{1,2})\)\s+|"
    # "...following data: 1. Number of passengers; 2. Number by type ... 3. What kind ...?"
    # A page that lost its line breaks glues them: "information:1.The total ... Standard.2.A".
    r"(?:(?<=[:;?!.)])|(?<=[:;?!.)]\s))\s*(?P<d>\d{1,2})\.(?:\s+|(?=[A-Z][a-z]|A\s))(?=[A-Z])|"
    # "... from 31st October 2018 - 31st November 2019 4. The total you spent ...": an item
    # that ends without a stop; only read as the next number of a list already under way.
    r"(?<=[\w)])\s+(?P<e>\d{1,2})\.\s+(?=[A-Z][a-z])|"
    # "1. Does your force use ...? a. If yes, ...? 2. Does ...": the list's first number opens
    # its line, the others run on after it
    r"(?m:^)[ \t]*(?P<f>1)\.\s+(?=[A-Z])"
)
#: A lettered part run on after a question: "...? a. If yes, what is it used for?".
_INLINE_PART = re.compile(r"(?<=[?.!])\s+(?P<l>[a-h])[.)]\s+(?=[A-Z])")
#: The joining words left at the end of an inline list item: "...; and", "..., or".
_LIST_TAIL = re.compile(r"[\s;,]*(?:\b(?:and|or)\b)?[\s;,]*$")


def inline_points(text: str, region: Span, source: str) -> list[RequestPoint]:
    """ "Please tell me (i) how many ...; (ii) how many ...; (iii) ..." in running text."""
    found = [
        (m, (m.group("p") or m.group("b") or m.group("d") or m.group("e") or m.group("f")).lower())
        for m in _INLINE_LABEL.finditer(text, region.start, region.end)
    ]
    for first, kind in (("1", "num"), ("a", "alpha"), ("i", "roman")):
        sequence = []
        expected: str | None = first
        for match, value in found:
            if match.group("e") and len(sequence) < 2:
                continue  # a number after a word opens no list: it only carries one on
            if value == expected:
                sequence.append((match, value))
                expected = _following(kind, value)
        if len(sequence) >= 2 and _alternatives(text, sequence):
            return []  # "failed either (a) a security check or (b) a vetting check": one ask
        if len(sequence) >= 2 and _categories(text, sequence, region):
            return []  # "how many of those are a) suspended; b) on restricted duties": one ask
        if len(sequence) >= 2:
            points = []
            for index, (match, value) in enumerate(sequence):
                end = sequence[index + 1][0].start() if index + 1 < len(sequence) else region.end
                span = Span.of(text, match.end(), end)
                tail = _LIST_TAIL.search(span.text)
                span = Span.of(text, span.start, span.start + tail.start()) if tail else span
                if kind == "num":
                    points += _inline_parts(text, strip_quotes(text, span), value, source)
                else:
                    points.append(RequestPoint(value, strip_quotes(text, span), source))
            return points
    return []


#: A bare number before a capital on a line that opens with "1 ": "1 Gender 2 Religion 3
#: Nationality" (a list whose line breaks and stops were lost together).
_BARE_INLINE = re.compile(r"(?:(?m:^)[ \t]*|(?<=[A-Za-z)])[ \t]+)(\d{1,2})[ \t]+(?=[A-Z])")
#: Fewest items of such a list: two bare numbers in a line are as often a date or a count.
_BARE_INLINE_ITEMS = 3


def _inline_bare_numbers(text: str, region: Span, source: str) -> list[RequestPoint]:
    """ "I would like the statistics in the following categories:" over "1 Gender 2 Religion 3
    Nationality 4 Reason for detention": a list on one line, numbered 1, 2, 3 ... with no
    stops; each item a point, unless the items only break down the one question before them
    (as :func:`_categories`)."""
    for line in _lines_in(text, region):
        if not re.match(r"[ \t]*1[ \t]+[A-Z]", line.text):
            continue
        sequence: list[tuple[re.Match[str], str]] = []
        for match in _BARE_INLINE.finditer(text, line.start, line.end):
            if match.group(1) == str(len(sequence) + 1):
                sequence.append((match, match.group(1)))
        if len(sequence) < _BARE_INLINE_ITEMS or _categories(text, sequence, region):
            continue
        ends = [m.start() for m, _ in sequence[1:]] + [line.end]
        return [
            RequestPoint(value, strip_quotes(text, Span.of(text, m.end(), end)), source)
            for (m, value), end in zip(sequence, ends, strict=True)
        ]
    return []


def _inline_parts(text: str, span: Span, number: str, source: str) -> list[RequestPoint]:
    """ "1. Does your force use X? a. If yes, what for?": a numbered item run on with its
    lettered parts, each part a point ("1a"); the item itself is one too when it asks its own
    question and its parts only follow on from the answer (as :func:`_asks_besides_parts`)."""
    marks = []
    for match in _INLINE_PART.finditer(text, span.start, span.end):
        if match.group("l") == chr(ord("a") + len(marks)):
            marks.append(match)
    if not marks:
        return [RequestPoint(number, span, source)]
    own = Span.of(text, span.start, marks[0].start())
    ends = [m.start() for m in marks[1:]] + [span.end]
    parts = [
        RequestPoint(number + m.group("l"), strip_quotes(text, Span.of(text, m.end(), end)), source)
        for m, end in zip(marks, ends, strict=True)
    ]
    asks_itself = _part_beside(own.text, parts[0].span.text)
    for part in parts:
        part.context = own.text
    return [RequestPoint(number, strip_quotes(text, own), source), *parts] if asks_itself else parts


def _alternatives(text: str, sequence: list[tuple[re.Match[str], str]]) -> bool:
    """Inline labels that name the alternatives of one phrase ("either (a) X or (b) Y"): the
    items are joined by "or" alone and share one sentence, so they are one ask. So are the
    pairs of one relation ("correspondence between (a) the council and its contractor and
    (b) the council and the regulator"): "between" before the first, "and" alone after each."""
    joins = [
        text[sequence[n][0].end() : sequence[n + 1][0].start()] for n in range(len(sequence) - 1)
    ]
    joined = r"\bor\s*$"
    if re.search(
        r"\bbetween\s*$", text[max(0, sequence[0][0].start() - 12) : sequence[0][0].start()]
    ):
        joined = r"\b(?:and|or)\s*$"
    return all(
        re.search(joined, join) and not re.search(r"[.?;]", join) and len(join) <= 80
        for join in joins
    )


_ASKS_ITSELF = re.compile(
    r"\?|\b(?:please|kindly|(?:could|can|would|will)\s+you|how\s+(?:many|much|often|long)|what|"
    r"which|who|when|where|why|whether)\b",
    re.IGNORECASE,
)
#: Most words an inline item may have and still be a category of the ask it ends.
_CATEGORY_WORDS = 5


def _categories(text: str, sequence: list[tuple[re.Match[str], str]], region: Span) -> bool:
    """Inline labels naming the categories one question counts ("how many of those officers
    are a) suspended; b) on restricted duties; c) working as normal"): every item is a few
    words that ask nothing, all in the sentence of the question before them, so the question
    and its breakdown are one ask - unless the answers take the parts one by one."""
    ends = [m.start() for m, _ in sequence[1:]] + [region.end]
    items = [text[m.end() : end] for (m, _), end in zip(sequence, ends, strict=True)]
    last = re.split(r"(?<=[.?!])\s", items[-1], maxsplit=1)[0]
    items[-1] = last
    after = text[region.end :]
    if all(
        re.search(rf"^\W*\(?{re.escape(value)}[.)]\s", after, re.MULTILINE | re.IGNORECASE)
        for _, value in sequence[:2]
    ):
        return False  # the answers take the parts in turn ("a) 1,204 ..." "b) Not held"): parts
    lead = text[region.start : sequence[0][0].start()]
    lead_sentence = re.split(r"(?<=[.?!])\s+", lead.strip())[-1]
    return (
        bool(ASK.search(lead_sentence))
        and not lead_sentence.rstrip().endswith(":")
        and all(
            len(item.split()) <= _CATEGORY_WORDS
            and not re.search(r"[.?!]\s", item)
            and not _ASKS_ITSELF.search(item)
            for item in items
        )
    )


def _following(kind: str, value: str) -> str | None:
    if kind == "num":
        return str(int(value) + 1)
    if kind == "alpha":
        return next_letter(value)
    return next_roman(value)


#: A lead-in whose bullets are the fields of one ask, not asks of their own: "For each one,
#: could you provide:", "broken down by:", "including:".
_FIELDS_LEAD = re.compile(
    r"\bfor\s+(?:each|every)\b|\bbroken\s+down\b|\bbreak\s*down\s+(?:of|by)\b|"
    r"\bbreak\s*down\s+(?:\w+\s+){1,6}by\s*:?\s*$|\bbreak\s+(?:\w+\s+){1,6}down\s+by\b|"
    r"\bsplit\s+(?:by|into)\b|\bincluding\s*:?\s*$|\bin\s+each\s+case\b|"
    # "This shall include but not be limited to:", "the reports should present one table for each
    # of four home types:": the contents of the ask before it
    r"\b(?:shall|should|will|must|to)\s+(?:\w+\s+){0,2}(?:include|present|show|contain|cover|"
    r"set\s+out)\b[^.?]*:\s*$|\bnot\s+(?:be\s+)?limited\s+to\s*:?\s*$|"
    # "All ministerial correspondence ... that refers to:" then one species a bullet: the
    # subjects of one ask
    r"\b(?:refers?|referring|relates?|relating|mentions?|mentioning)\s+to\s*:\s*$|"
    # "I would like you to provide this information in the following format." over the
    # columns of the table wanted
    r"\b(?:in|using|with)\s+the\s+following\s+(?:format|layout|columns?|headings?|fields?)\b",
    re.IGNORECASE,
)
#: A lead-in naming the form of the answer, whose bullets are that form's parts.
_FORM_OF_ANSWER = re.compile(
    r"\bthe\s+following\s+(?:format|layout|columns?|headings?|fields?)\b", re.IGNORECASE
)
_BULLET_LINE = re.compile(rf"^[{BULLETS}]\s")
#: A bullet, or a stop opening a line before a capital (". Details of ..."): a PDF copied to
#: text may turn a list's bullet glyph into a stop.
_BULLET_OR_STOP = re.compile(rf"^(?:[{BULLETS}]|\.(?=\s+[A-Z]))\s")
#: A list item answered on its own line after a spaced dash: "- how many staff are suspended - 3".
ANSWERED_BESIDE = re.compile(
    r"\s[-–]\s+(?:£?\d[\d,.]*%?|yes|no|none|nil)\b[^\n]{0,30}$", re.IGNORECASE
)


#: A bullet glyph inside a line: a PDF copied to text runs its list onto one line
#: ("You asked for: \uf0b7 The findings of ... \uf0b7 Any information on ...").
_INLINE_BULLET = re.compile(r"(?:(?<=\s)|^)[•●▪■\uf0b7\uf0a7](?=\s+\S)")


def _inline_bullet_points(text: str, region: Span, source: str) -> list[RequestPoint]:
    """Bullets run together on one line: each glyph starts an item (the line breaks were lost)."""
    for line in _lines_in(text, region):
        marks = list(_INLINE_BULLET.finditer(text, line.start, line.end))
        if len(marks) < 2:
            continue
        starts = [m.end() for m in _INLINE_BULLET.finditer(text, line.start, region.end)]
        ends = [m.start() for m in _INLINE_BULLET.finditer(text, line.start, region.end)][1:]
        ends.append(region.end)
        return [
            RequestPoint(str(n), strip_quotes(text, _trimmed(text, start, end)), source)
            for n, (start, end) in enumerate(zip(starts, ends, strict=True), start=1)
        ]
    return []


def _parallel(lead: Span, items: list[Span]) -> bool:
    """A lead line written like the bullets after it ("The number of gull licences applied
    for ..." then "• The number of eggs ...", "• The number of licences approved ..."): the
    first ask of a list whose bullet the page dropped, not a lead-in."""
    if not lead or "\n" in lead.text.strip() or lead.text.rstrip().endswith(":"):
        return False
    opening = _opening(lead.text)
    alike = sum(_opening(item.text) == opening for item in items)
    return bool(opening) and len(items) >= 2 and alike >= 2


def _opening(text: str) -> str:
    """The first two words of a line, lowercased: "the number"."""
    return " ".join(re.findall(r"[a-z]+", text.lower())[:2])


def _trimmed(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span.of(text, start, end)


def _bulleted_points(text: str, region: Span, source: str) -> list[RequestPoint]:
    """Bulleted asks: after a lead-in ("Please provide the following:") each bullet is a point;
    bullets that ask for themselves ("- I would also like ...") are points beside the ask that
    leads them; the fields of one ask ("For each one, could you provide: - age - sex") are not.
    """
    found = _lines_in(text, region)
    bullets = [i for i, line in enumerate(found) if _BULLET_LINE.match(line.text)]
    if bullets:
        # ". Details of ...": a bullet turned into a stop, among bullets kept
        bullets = [i for i, line in enumerate(found) if _BULLET_OR_STOP.match(line.text)]
        # A bullet indented under another is a part of it ("- Staffing:" / "  - grades").
        top = min(indent_at(text, found[i].start) for i in bullets)
        bullets = [i for i in bullets if indent_at(text, found[i].start) == top]
    if not bullets or (len(bullets) < 2 and bullets[0] > 0):
        return []
    if _chained(text, found, bullets):
        return []  # "premises that are; - Currently vacant, and - ...": one sentence, one ask
    lead = Span.of(text, region.start, found[bullets[0]].start)
    lead_sentences = sentences(text, lead.start, lead.end) if lead else []
    last_lead = lead_sentences[-1].text if lead_sentences else ""
    firsts = [found[i] for i in bullets]
    parallel = _parallel(lead, firsts)
    if (
        _FIELDS_LEAD.search(last_lead)
        and (
            not re.search(r"\bthe\s+following\b", last_lead, re.I)
            or _FORM_OF_ANSWER.search(last_lead)
            or _each_listed(lead_sentences)
        )
        and not parallel
        and not all(ASK.search(first.text) for first in firsts)
    ):
        return []  # "For each one, could you provide: - age - sex" (but not "the following
        # information for each year:", nor "For each year, please provide details of:" over
        # "- How many ...?" bullets: those are asks of their own)
    items = []
    fields = False  # after "Please break the figures down by:", bullets are fields of the ask
    for n, index in enumerate(bullets):
        following = bullets[n + 1] if n + 1 < len(bullets) else None
        end = found[following].start if following is not None else region.end
        between = [line.text for line in found[bullets[n - 1] + 1 : index]] if n else []
        if between:
            fields = any(
                _FIELDS_LEAD.search(line) and line.rstrip().endswith(":") for line in between
            )
        if fields and items:
            items[-1] = Span.of(text, items[-1].start, end)
            continue
        items.append(Span.of(text, found[index].start + 2, end))
    items += _unmarked_last_item(text, found, bullets, items)
    if _names_within_an_ask(last_lead, items):
        return []  # "each complaint at the following prisons between May and June:" - one ask
    introduced = not lead or any(
        _INTRO.search(s.text) and not re.search(r"\?\s*$", s.text) for s in lead_sentences
    )
    asking = [bool(ASK.search(item.text)) for item in items]
    if introduced:
        spans = items
        unmarked = _unmarked_first_item(text, found, bullets[0])
        if unmarked is not None:
            spans = [unmarked, *items]
        own = _own_ask_before_intro(text, lead_sentences)
        if own is not None:
            spans = [own, *spans]
    elif parallel:
        spans = [lead, *items]  # "The number of X." then "• The number of Y.": asks in a row
    elif any(asking) and any(
        ASK.search(s.text) and not _NOT_AN_ASK.search(s.text) for s in lead_sentences
    ):
        spans = [lead]
        for item, asks in zip(items, asking, strict=True):
            if asks:
                spans.append(item)
            else:
                spans[-1] = Span.of(text, spans[-1].start, item.end)
    elif len(items) >= 2 and (all(asking) or _things_wanted(items, asking)):
        # A lead-in that only says what the request is about ("I am writing to you under the
        # Act to request data related to dog attacks."), then "- Could you confirm ...?" /
        # "- I would also like ...", or "- Any briefing notes ..." / "- Any contracts ...":
        # each bullet asks for itself.
        spans = items
    else:
        return []
    points = [
        RequestPoint(str(n), strip_quotes(text, span), source)
        for n, span in enumerate(spans, start=1)
    ]
    _labels_from_tags(points)
    return points + _numbered_after_bullets(text, points, source)


#: A label written after the item rather than before it: "... recreation as part of phase one
#: of lockdown easing (Part B)". The letter answers "Part B" under that name.
_TRAILING_TAG = re.compile(
    r"\((?P<label>(?:Part|Question|Request|Item|Point)\s+(?:[A-Z]|\d{1,2}))\)\W*$", re.IGNORECASE
)


def _labels_from_tags(points: list[RequestPoint]) -> None:
    """Unlabelled bullets that each end in their own tag ("(Part A)", "(Part B)") take the tags
    as labels, when every bullet has one and no two are alike."""
    if len(points) < 2 or "(" not in points[-1].span.text:
        return
    tags = [_TRAILING_TAG.search(point.span.text.rstrip()) for point in points]
    if any(tag is None for tag in tags):
        return
    labels = [" ".join(tag.group("label").split()) for tag in tags if tag is not None]
    if len({label_key(label) for label in labels}) < len(labels):
        return
    for point, label in zip(points, labels, strict=True):
        word, value = label.rsplit(" ", 1)
        # "Part A" is point "A" (a letter is its own label); "Question 3" keeps its word
        point.label = value.upper() if value.isalpha() else f"{word.capitalize()} {value}"


#: An item that opens by naming a set of records or things wanted: "Any briefing notes about
#: ...", "All contracts with ...", "Copies of ...".
_WANTED_OPENING = re.compile(
    r"^\W*(?:any|all|copies\s+of|a\s+copy\s+of)\s+(?:[\w’'-]+[,;]?\s+){2,}\w", re.IGNORECASE
)
#: An item that is a noun phrase of its own, opening with a capital (not the rest of the
#: sentence above it, "- are suspended"): "The software that ...", "Information on ...".
_THING_NAMED = re.compile(
    r"^\W*(?:Any|All|The|A|An|Copies|Copy|Details|Information|Documents?|Records?|Reports?|"
    r"Minutes|Correspondence|Guidance|Policies|Policy|Data|Lists?)\s+(?:\S+\s+){2,}\S"
)
#: Fewest items for a list of things wanted.
_WANTED_LIST = 3


#: A lead line broken off inside its clause, the bullets under it finishing it: "... for
#: commercial premises that are;", "... the number of officers who:".
_OPEN_CLAUSE = re.compile(
    r"\b(?:are|is|were|was|have|has|had|who|which|that|where|whose|being|been)\s*[:;,\-–]?\s*$",
    re.IGNORECASE,
)


def _chained(text: str, found: list[Span], bullets: list[int]) -> bool:
    """The first run of bullets finishes the sentence of the line above it, which breaks off
    inside its clause ("commercial premises that are;" / "- Currently vacant, and" / "- Where
    the rateable value exceeds £10,000"): the items are the conditions of that one ask, not
    asks of their own (unless they ask in so many words)."""
    first = bullets[0]
    if first == 0 or not _OPEN_CLAUSE.search(found[first - 1].text):
        return False
    run = [first]
    for index in bullets[1:]:
        if index != run[-1] + 1:
            break
        run.append(index)
    return len(run) >= 2 and not any(ASK.search(found[i].text) for i in run)


def _things_wanted(items: list[Span], asking: list[bool]) -> bool:
    """Under a lead that asks for nothing itself, bullets most of which name in full a set of
    records wanted ("Any briefing notes ...", "Any contracts ...") and the rest of which are
    noun phrases too ("The software that ..."): separate asks written as a list of what is
    wanted. (Not the fields of one ask, "- Location", "- Date of works", nor the rest of the
    sentence above them, "- are suspended".)"""
    if len(items) < _WANTED_LIST:
        return False
    wanted = sum(bool(_WANTED_OPENING.match(item.text)) for item in items)
    return wanted * 2 > len(items) and all(
        asks or _THING_NAMED.match(item.text) for item, asks in zip(items, asking, strict=True)
    )


#: "... at the following prisons between 1 January and 18 March." - "the following" inside a
#: sentence that carries on after it (it does not end at the colon over the list).
_FOLLOWING_MID_SENTENCE = re.compile(r"\bthe\s+following\s+\w+\s+\w+[^:]*[.?]\s*$", re.I)
#: An item that is only a name: capitalised words and the small words between them.
_NAME_ONLY = re.compile(
    r"^\W*[A-Z][\w'’&.-]*(?:\s+(?:of|and|the|on|upon|in|&|[A-Z][\w'’&.-]*)){0,5}\W*$"
)


def _each_listed(lead: list[Span]) -> bool:
    """ "Can you please send me a list of the accounts." then "For each account, please give
    the following information:": the bullets describe every item of the list asked for."""
    if len(lead) < 2:
        return False
    listed = _LIST_OF.search(lead[-2].text)
    each = _FOR_EACH.search(lead[-1].text)
    return bool(listed and each) and listed.group(1)[:5].lower() == each.group(1)[:5].lower()


#: "a list of the accounts", "list all contracts": what the ask lists.
_LIST_OF = re.compile(r"\blist\s+(?:of\s+)?(?:all\s+)?(?:the\s+|your\s+)?(\w{3,})", re.I)
#: "For each account", "for every contract": the item each bullet describes.
_FOR_EACH = re.compile(r"\bfor\s+(?:each|every)\s+(\w{3,})", re.I)


def _names_within_an_ask(lead: str, items: list[Span]) -> bool:
    """Bullets that only name places or bodies ("HMP Frankland", "Durham") under a sentence
    that asks for one thing "at the following prisons" and goes on past the list's mention:
    the names say where the one ask reaches, they are not asks of their own."""
    return (
        len(items) >= 2
        and bool(ASK.search(lead))
        and _FOLLOWING_MID_SENTENCE.search(lead) is not None
        and all(_NAME_ONLY.match(item.text.strip()) for item in items)
    )


def _own_ask_before_intro(text: str, lead: list[Span]) -> Span | None:
    """ "Could you please provide me with a listing of all callsigns ... Please include the
    following metadata:" then bullets: the sentences before the lead-in ask for something of
    their own (the listing), a point before the bullets; a sentence that only announces the
    request ("I am writing to request information about ...") asks for nothing."""
    intro = next((i for i, s in enumerate(lead) if _INTRO.search(s.text)), None)
    if not intro:
        return None
    before = lead[:intro]
    if not any(_asks_for_something(s.text) for s in before):
        return None
    return strip_quotes(text, Span.of(text, before[0].start, before[-1].end))


#: An ask that names no thing asked for: "I am writing to request information under the Act".
_ANNOUNCES_REQUEST = re.compile(
    r"\b(?:request\w*|ask\w*|seek\w*)\s+(?:for\s+)?(?:some\s+)?(?:information|data)\b"
    r"(?!\s+(?:on|of)\s+the\s+(?:number|total|amount|cost))",
    re.IGNORECASE,
)


def _asks_for_something(sentence: str) -> bool:
    body = _GREETING.sub("", sentence)
    return (
        bool(ASK.search(body))
        and not _NOT_AN_ASK.search(body)
        and not _ANNOUNCES_REQUEST.search(body)
        and not FOLLOW_ON.match(body)
    )


def _unmarked_last_item(
    text: str, lines: list[Span], bullets: list[int], items: list[Span]
) -> list[Span]:
    """ "- how many staff are suspended - 3" ... then "The reasons for each suspension": bullets
    each answered beside it, then one line after the last, worded as an item: the list's last
    ask, its bullet lost (the last bullet's own answer is already given), not more of it."""
    last = bullets[-1]
    if last + 2 != len(lines) or not all(ANSWERED_BESIDE.search(lines[i].text) for i in bullets):
        return []
    if not ITEM_PARAGRAPH.match(lines[last + 1].text):
        return []
    rest = Span.of(text, lines[last + 1].start, items[-1].end)
    items[-1] = Span.of(text, items[-1].start, lines[last].end)
    return [rest]


def _unmarked_first_item(text: str, lines: list[Span], first_bullet: int) -> Span | None:
    """ "Please send me details about:" / "The number of operators ..." / "- The number of
    drones ...": the line between the lead-in and the bullets, worded like them, is the list's
    first item, its bullet lost when the page was flattened."""
    if first_bullet < 2:
        return None
    lead, line = lines[first_bullet - 2], lines[first_bullet - 1]
    if not lead.text.rstrip().endswith(":") or line.text.rstrip().endswith(":"):
        return None
    opening = _opening_words(line.text)
    bulleted = (_BULLET_LINE.sub("", found.text, count=1) for found in lines[first_bullet:])
    if not opening or all(_opening_words(item) != opening for item in bulleted):
        return None
    return Span.of(text, line.start, line.end)


def _opening_words(value: str) -> tuple[str, ...]:
    """The first two words of a line, lowercased: "The number ..." in a list of figures."""
    words = re.findall(r"[a-z]+", value.lower())
    return tuple(words[:2]) if len(words) >= 4 else ()


def _numbered_after_bullets(
    text: str, points: list[RequestPoint], source: str
) -> list[RequestPoint]:
    """ "- How many ...?" / "- How many ...?" / "3A) ..." / "4. ...": a list begun with bullets
    whose numbering takes over from the bullets' count. The last bullet ends where the
    numbers start, and each numbered item is a point of its own."""
    if not points:
        return []
    last = points[-1]
    lines = _lines_in(text, last.span)
    for index, line in enumerate(lines):
        label = read_item(line.text)
        if index == 0 or label is None or label.kind != "num":
            continue
        if int(label.value) != len(points) + 1:
            return []
        rest = Span.of(text, line.start, last.span.end)
        numbered = numbered_points(text, rest, source, continued=True)
        if not numbered:
            return []
        last.span = strip_quotes(text, Span.of(text, last.span.start, line.start))
        return numbered
    return []


def _asked_points(text: str, region: Span, source: str) -> list[RequestPoint]:
    """Unnumbered request: each ask starts a point; qualifying sentences stay with it."""
    groups: list[list[Span]] = []
    intros: list[Span] = []
    lead_in = ""  # the last intro's words, without a bullet glyph after them
    background: list[Span] = []
    dangling = listing = clarifying = False
    previous_end, glyph_before = region.start, False
    before: list[Span] = []  # what the region names before its first ask, if it asks nothing
    found = sentences(text, region.start, region.end)
    for index, sentence in enumerate(found):
        # A line of its own (a web page puts each paragraph on a line), or a sentence glued to
        # the last with no space ("...accommodation.The current ..."): a web form's lost breaks
        new_paragraph = (
            text.count("\n", previous_end, sentence.start) >= 1
            or (index > 0 and sentence.start == previous_end)
            or glyph_before
        )
        # "... concerning the systems. ·" / "Any overviews ...": a PDF copied to text may put
        # each bullet at the end of the line before its item; the glyph breaks the list there.
        ending = sentence.text.rstrip()[-2:]
        glyph = (
            _TRAILING_GLYPH.search(sentence.text)
            if (ending and ending[-1] in _GLYPHS) or ending == " ."
            else None
        )
        alone = (
            index + 1 == len(found)
            or "\n" in text[sentence.end : found[index + 1].start]
            or found[index + 1].start == sentence.end
            or glyph is not None
        )
        previous_end, glyph_before = sentence.end, glyph is not None
        body = _GREETING.sub("", sentence.text[: glyph.start() if glyph else None])
        if not body or SIGN_OFF.match(body):
            continue
        if _BULLET_LINE.match(body) and groups and not _ASKS_ANEW.match(body[2:]):
            groups[-1].append(sentence)  # the fields of the ask before them
            continue
        asks = bool(ASK.search(body)) and not _NOT_AN_ASK.search(body)
        if asks and groups and _DELIVERY.search(body) and _GENERIC_OBJECT.search(body):
            asks = False  # "Please provide the information in Excel format": how, not what
        # A paragraph of its own naming what is wanted ("The total income raised in 2022-23.")
        # is an item of the request, as a bullet would be; a paragraph that goes on is prose.
        # Lines that complete a sentence left open ("... from and to" / "The Scottish
        # Government," / "in relation to:") are what it names, not items of their own.
        asks = asks or (
            (new_paragraph or index == 0)
            and (bool(groups) or glyph is not None)  # "Any overviews of ... ·": a list's first
            and not dangling
            and not listing
            and bool(ITEM_PARAGRAPH.match(body))
            # "The software used. Also, please note we do not want ...": a note after it on
            # the same line asks for nothing, and leaves the item standing alone
            and (alone or _NOT_AN_ASK.search(found[index + 1].text) is not None)
        )
        dangling = (
            bool(_DANGLING.search(body))
            or (dangling and not _ENDED.search(body))
            # "FOI Postal Address:" over "The Complaints Team, 2 Watling Street, ...": the line
            # under a field's label is its value
            or (not asks and body.rstrip().endswith(":") and len(body.split()) <= _LABEL_WORDS)
        )
        if asks and _INTRO.search(body) and not re.search(r"\?\s*$", body):
            if listing and groups and _BARE_LEAD.match(body):
                # "... evidence that supports cars being:" over features, then "Please
                # provide:" over the things wanted: the first list named what the request is
                # about; a bare lead-in asks for its lines, each an item of its own.
                groups.pop()
                listing = False
            intros.append(sentence)
            lead_in = body
            continue
        if asks and groups and _ABOUT_THE_SEARCH.search(body):
            asks = False  # "I presume you store records by board?": help with the last ask
        if groups and _CLARIFICATION.match(body):
            clarifying = True  # "Clarification received 2 May:" - what follows refines the ask
        follows = groups and (
            (FOLLOW_ON.match(body) and not _new_question(body))
            or _BACK_REFERENCE.search(body)
            or clarifying
        )
        if follows and new_paragraph and _ALSO_ASKED.search(body):
            follows = False  # "For each year, I would also like the hours spent": a new item
        if (
            asks
            and not groups
            and before
            and (FOLLOW_ON.match(body) or (_DELIVERY.search(body) and _GENERIC_OBJECT.search(body)))
        ):
            # "All transactions over £25,000 from March 2022." then "Please provide the data in
            # a machine-readable format": how it should come presupposes what is asked, the
            # thing the paragraph before names.
            groups.append([*before, sentence])
            before, background, listing = [], [], False
            continue
        if asks and not follows:
            groups.append([sentence])
            background, listing = [], False
        elif (
            not groups
            and intros
            and not asks
            and new_paragraph
            and _LIST_LEAD.search(lead_in)
            and not _COURTESY.match(body)
        ):
            # "Please confirm whether any of the following are included:" over lines that ask
            # nothing themselves: the list is what the lead-in asks about, one point. Under
            # "Please provide the following information:" each line naming a thing wanted
            # ("The current number of ...") is an item of its own.
            groups.append([*intros, sentence])
            listing = not (
                _ITEMS_WANTED.search(lead_in) and ITEM_PARAGRAPH.match(body)
            )  # the lines after it are more of the same list
            intros = []
        elif groups and not asks and not follows and (new_paragraph or background):
            # "The provider also investigated. I assume you hold its report. I also request a
            # copy of it.": a paragraph opening on the background of the ask it leads to
            # belongs to no point until it turns out to ask nothing.
            background.append(sentence)
            if alone:
                groups[-1].extend(background)
                background = []
        elif groups:
            groups[-1].extend([*background, sentence])
            background = []
        elif not asks and not intros and ITEM_PARAGRAPH.match(body):
            before.append(sentence)
    if groups and background:
        groups[-1].extend(background)
    if not groups and intros:
        # Lead-ins whose lists the page lost ("Please provide the following information, for
        # ...:" / "Please also, for the same years, provide the following information:"): one
        # that asks for more ("also") is a point of its own.
        groups = [[intros[0]]]
        for intro in intros[1:]:
            if _ALSO.search(intro.text):
                groups.append([intro])
            else:
                groups[-1].append(intro)
    if not groups:
        whole = Span.of(text, region.start, region.end)
        return [RequestPoint("1", strip_quotes(text, whole), source)] if whole else []
    return [
        RequestPoint(str(n), strip_quotes(text, Span.of(text, g[0].start, g[-1].end)), source)
        for n, g in enumerate(groups, start=1)
    ]


#: A bullet glyph closing a sentence, the mark of the next item: "... the systems. ·", and a
#: stray stop after the sentence's own ("... the systems. . Any contracts ...").
_GLYPHS = "·•\uf0b7\uf0a7"
_TRAILING_GLYPH = re.compile(r"(?<=\S)\s+[·•\uf0b7\uf0a7]\s*$|(?<=[.?!:;])\s+\.\s*$")


_ALSO = re.compile(r"\balso\b", re.IGNORECASE)


#: The heading of the requester's clarification, set under the request it clarifies:
#: "CLARIFICATION", "Clarification received 25/08/2022:".
_CLARIFICATION = re.compile(
    r"^\W*(?:requester'?s\s+)?clarifications?\b(?:\s+(?:received|given|provided|sent|from)\b)?"
    r"[^.?!]{0,40}:?\s*$",
    re.IGNORECASE,
)
#: A lead-in asking for the things listed under it: "the following information", "details".
_ITEMS_WANTED = re.compile(
    r"\b(?:provide|send|supply|give|disclose|tell\s+me)\b[^.?!]{0,20}\bthe\s+following\s+"
    r"(?:information|details|data|figures|statistics)\b|"
    # "Specifically, we are requesting:", "I would like the following:": the verb of asking
    # straight over the list, each line of which is a thing wanted
    r"\b(?:requesting|request|like|seeking|want|provide|send|supply)(?:\s+the\s+following)?"
    r"\s*:\s*$",
    re.IGNORECASE,
)
#: A lead-in that names nothing itself, only asks for the lines below: "Please provide:",
#: "Specifically, please send:", "I would like:".
_BARE_LEAD = re.compile(
    r"^\W*(?:(?:specifically|in\s+particular|also|and),?\s+)?(?:please\s+(?:also\s+)?"
    r"(?:provide|send|supply|give|disclose|include)|I\s+(?:would|'d)\s+(?:also\s+)?like)"
    r"(?:\s+(?:me|us))?\s*:\s*$",
    re.IGNORECASE,
)
#: A lead-in over a list: "any of the following:", "as follows:".
_LIST_LEAD = re.compile(r"\bthe\s+following\b|\bas\s+follows\b|:\s*$", re.IGNORECASE)
#: Courtesies that close a request, never an item of its list.
_COURTESY = re.compile(r"^\W*(?:thank|many\s+thanks|I\s+look\s+forward|I\s+hope)\b", re.IGNORECASE)


#: A sentence broken off after a preposition, its object on the lines below: "copies of all
#: correspondence from and to", "in relation to:".
_DANGLING = re.compile(
    r"\b(?:to|from|of|for|by|with|between|about|regarding|concerning|involving|and|or)\s*:?\s*$",
    re.IGNORECASE,
)
#: Most words of a field's label ("FOI Postal Address:").
_LABEL_WORDS = 4
_ENDED = re.compile(r"""[.?!]["”’']?\s*$""")


#: How the answer should come (a format, a medium), said of the answer as a whole.
_DELIVERY = re.compile(
    r"\b(?:format|electronic(?:ally)?|excel|csv|spreadsheet|pdf|by\s+e-?mail|via\s+e-?mail|"
    r"by\s+post|machine[- ]readable)\b",
    re.IGNORECASE,
)
_GENERIC_OBJECT = re.compile(
    r"\b(?:the|this|that|your|my)\s+(?:information|data|response|reply|answer|requested\s+"
    r"information)\b|\b(?:it|this|them)\s+(?:in|by|via|electronically|as)\b|\breceive\b",
    re.IGNORECASE,
)


#: A paragraph that names a thing asked for, not a sentence about the request.
ITEM_PARAGRAPH = re.compile(
    r"^\W*(?:the|a|an|all|any|copies|copy|details|information|number|total|list|names?)\s+"
    r"(?!(?:data|information|figures|response|answer|list|request|above)\s+\w*\s*should\b)"
    r"(?:[^.?!]|\b(?:e\.g|i\.e|etc)\.){3,200}[.?]?\s*$",  # "(e.g. hotels, B&Bs)." inside
    re.IGNORECASE,
)


#: An ask whose only object points back to what was just asked ("As for the minutes, please
#: provide them for every meeting"): it says how much of the last ask is wanted.
_BACK_REFERENCE = re.compile(
    r"^\W*(?:as\s+(?:for|regards|to)|regarding|with\s+regards?\s+to|in\s+(?:respect|relation)\s+"
    r"(?:of|to)|concerning|for)\s+[^,?]{1,60},\s*please\s+(?:also\s+)?(?:provide|send|supply|"
    r"include)\s+(?:them|it|these|those)\b(?!\s+(?:of|which|that|who)\b)[^?]*$",
    re.IGNORECASE,
)


#: The requester reasoning about how the authority keeps or could search its records ("I
#: presume you file them by board?", "could you use keyword searches?"): it helps with the
#: ask before it and asks for nothing new.
_ABOUT_THE_SEARCH = re.compile(
    r"^\W*(?:I\s+(?:presume|assume|imagine|suppose|guess|know|think|believe|understand|expect|"
    r"don[’']?t\s+know|do\s+not\s+know)\b|(?:with\s+regards?\s+to\s+[^,?]{1,40},?\s*)?"
    r"(?:could|can|would)\s+you\s+(?:not\s+)?(?:use|run|do|conduct|filter|search|limit|restrict|"
    r"narrow)\b|"
    # "I would be grateful if you could use the words 'school' ... to locate crimes": how to search
    r"I\s+would\s+be\s+grateful\s+if\s+you\s+(?:could|would)\s+(?:use|search|filter)\b)",
    re.IGNORECASE,
)


#: A bullet that asks for something in its own words ("- Please provide the contact details
#: of ..."), not a field of the ask above it.
_ASKS_ANEW = re.compile(
    r"\s*(?:please\s+(?:also\s+)?(?:provide|send|supply|confirm|tell|give)|"
    r"(?:could|can|would)\s+you\s+(?:please\s+)?(?:also\s+)?(?:provide|send|supply|confirm|tell)|"
    r"I\s+(?:would|'d)\s+(?:also\s+)?like)\b",
    re.IGNORECASE,
)


#: The requester saying in so many words that they want something more ("I would also like
#: ...", "I also request ..."): in a paragraph of its own, a point beside the one before.
_ALSO_ASKED = re.compile(
    r"\bI\s+(?:would|'d|should)\s+also\s+(?:like|be\s+grateful)|"
    r"\bI\s+also\s+(?:want|wish|need|request|require|ask)\b",
    re.IGNORECASE,
)


def _new_question(body: str) -> bool:
    """ "If so, which product, and how much did it cost?" asks for something new;
    "If yes, please provide copies." only extends the previous ask."""
    if not re.search(r"\?\s*[\"”’']?\s*$", body):
        return False
    # "If there are no free zones, what would it cost to park?": a question of its own after
    # the condition, not a qualifier of the ask before.
    return bool(
        re.match(r"^\W*if\s+(?:so|yes)\b", body, re.IGNORECASE)
        or re.match(r"^\W*if\b[^?]{3,160},\s*(?:what|how|which|who|when|where)\b", body, re.I)
    )


def strip_quotes(text: str, span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and text[start] in QUOTE_OPEN + " \n":
        start += 1
    while end > start and text[end - 1] in "\"”'’ \n":
        end -= 1
    return Span.of(text, start, end)


def first_sentence(value: str) -> str:
    """The first sentence or line of ``value``."""
    return re.split(r"(?<=[.?!])\s|\n", value.strip(), maxsplit=1)[0]

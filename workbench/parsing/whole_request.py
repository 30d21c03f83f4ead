"""What a letter says of the whole request, carried to each point once its own answer is read.

A point's own answer is read first (:mod:`workbench.parsing.extract`); then what the letter says
of everything asked settles the points their own answers leave open: a refusal of the whole
request on cost (FOIA s.12 with the Fees Regulations' aggregation), a notice that none of it is
held, the grounds cited outside every answer, and, in a text cut short, the points whose answers
were lost with the rest. Each rule here changes readings already made; none reads a point's
answer itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from .answers import Answers, marker_keys
from .decide import DECIDING, Reading, fits
from .grounds import Ground, implied_determination, most_specific
from .model import Determination
from .points import RequestPoint
from .structure import Letter
from .text import Layout, Span, inside, paragraphs

#: Confidence kept by a reading shared by several points (the whole response read for each).
SHARED_ANSWER = 0.92
#: Confidence kept by a reading of what is left over beside the answers that name their points.
LEFT_OVER = 0.6


def lost_with_the_cut(
    readings: list[tuple[RequestPoint, Reading]], answers: Answers, zones: list[Span]
) -> None:
    """A text cut short in its answers, given one by one ("1. ...", "2. ..." or each question
    then its answer), has lost the answers of the points after the last one it reaches: a
    point asked after every point answered decides nothing in the stored text (the corpus
    convention), whatever the rest of the letter says of some of the information ("some of it
    is withheld under section 43") or another point's refusal. Only what is said of them all
    before the cut still stands: a refusal of the whole request (s.12, s.14, s.14(2)) stated
    outside every point's own answer, or a decision the letter says covers "all" of it. When
    the letter goes on past its last answer (a closing paragraph, a page's footer), the cut is
    not in the answers and the points it skipped are left as read."""
    answered = [i for i, (point, _) in enumerate(readings) if answers.by_key.get(point.key)]
    if not answered:
        return
    own = [span for spans in answers.by_key.values() for span in spans]
    last = max(span.end for span in own)
    if any(span.end > last and span.text.strip() for span in answers.general):
        return  # the answers end before the cut: the letter goes on past them (and then stops)
    whole = any(_WHOLE_COST.search(zone.text) for zone in zones)
    for index in range(answered[-1] + 1, len(readings)):
        point, reading = readings[index]
        if reading.determination is None or _said_of_all(reading, own, whole):
            continue
        readings[index] = (point, Reading(None, [], [], _LOST, "lost_with_cut"))


def _said_of_all(reading: Reading, own: list[Span], whole: bool) -> bool:
    """Whether ``reading`` is what the letter said of the whole request."""
    if reading.determination in _REFUSES_ALL and (
        whole or not any(inside(span.start, own) for span in reading.evidence)
    ):
        return True
    return any(
        any(word in span.text.lower() for word in ("all", "none", "each", "every", "any", "whole"))
        and _FOR_ALL.search(span.text)
        for span in reading.evidence
    )


def cut_before_any_answer(
    readings: list[tuple[RequestPoint, Reading]], answers: Answers, zones: list[Span]
) -> None:
    """A text cut short inside its request (a review report quoting the request, a page
    stopping before the reply) holds no answer at all: nothing of the letter's own words stands
    after the last point asked, so a point read as disclosed only for want of a refusal decides
    nothing in the stored text (the corpus convention). A decision worded before the request
    (a review's opening "the request was refused under section 14") is kept."""
    if not readings or answers.by_key:
        return
    asked_to = max(point.span.end for point, _ in readings)
    if any(zone.end > asked_to and zone.text.strip() for zone in zones):
        return
    for index, (point, reading) in enumerate(readings):
        if reading.basis == "assumed":
            readings[index] = (point, Reading(None, [], [], _LOST, "lost_with_cut"))


def assumed_for_all(readings: list[tuple[RequestPoint, Reading]], answers: Answers) -> None:
    """In a text cut short, a point with no answer of its own, taken as disclosed only because
    the letter refuses nothing before the cut, may have lost its refusal with the rest."""
    for point, reading in readings:
        if reading.basis == "assumed" and not answers.by_key.get(point.key):
            reading.confidence = min(reading.confidence, _LOST)


#: Refusals that cover a request as a whole (FOIA s.12 with the Fees Regulations' aggregation,
#: s.14(1), s.14(2)) when stated outside any one point's answer.
_REFUSES_ALL = frozenset(
    {Determination.COST_LIMIT, Determination.VEXATIOUS, Determination.REPEATED}
)
#: A decision said of everything asked: "none of the information you requested is held",
#: "all of the documents are enclosed", "your whole request".
_FOR_ALL = re.compile(
    r"\b(?:all|none|each|every)\s+(?:of\s+)?(?:the\s+|your\s+|these\s+|this\s+)?"
    r"(?:information|questions|points|parts|items|requests|elements|documents|records)\b|"
    r"\bany\s+of\s+(?:the\s+|your\s+|this\s+)?(?:information|questions|points|parts|items|"
    r"documents|records)\b|\b(?:whole|entire)\s+(?:of\s+)?(?:your\s+|the\s+|this\s+)?request\b",
    re.IGNORECASE,
)
#: Confidence of a point whose answer is lost with the cut, or taken as disclosed for want of it.
_LOST = 0.3


#: The letter says the cost limit covers the whole request: "if one part of a request exceeds
#: the fees limit then S12 of the Act applies to the whole request", "the cost of compliance
#: with the whole of your request is above the amount ...".
_WHOLE_COST = re.compile(
    r"\b(?:s\.?\s*12|section\s+12|(?:cost|fees?|appropriate)\s+limit)\b[^.]{0,80}?\bappl(?:y|ies)\s+"
    r"to\s+the\s+whole\b|\b(?:cost|time)\s+of\s+compl(?:ying|iance)\s+with\s+the\s+whole\s+of\s+"
    r"(?:your|the|this)\s+request\b",
    re.IGNORECASE,
)
#: What a point's own words may give beside a refusal of the whole request on cost: figures
#: retrieved before the limit was reached, or a link to what is published (FOIA s.16 help).
_GIVEN_AS_HELP = frozenset(
    {
        Determination.HELD_DISCLOSED,
        Determination.HELD_PARTLY_DISCLOSED,
        Determination.PUBLISHED_ELSEWHERE,
    }
)


def cost_covers_the_whole(
    readings: list[tuple[RequestPoint, Reading]], letter: Letter, zones: list[Span]
) -> None:
    """A refusal on cost that the letter says covers the whole request refuses every point
    (FOIA s.12(1) with the Fees Regulations' aggregation: one part over the limit takes the
    whole request over it); what a point is given beside it ("statistics for question 1a) -
    c) are published at ...") is help under s.16, not the point's answer. A point the letter
    says is not held, or refuses on another ground, keeps its reading."""
    costly = [r for _, r in readings if r.determination is Determination.COST_LIMIT]
    if not costly or len(costly) == len(readings):
        return
    if "whole" not in letter.text or not any(_WHOLE_COST.search(zone.text) for zone in zones):
        return
    refusal = max(costly, key=lambda r: r.confidence)
    for index, (point, reading) in enumerate(readings):
        if reading.determination in _GIVEN_AS_HELP:
            readings[index] = (
                point,
                replace(refusal, confidence=refusal.confidence * SHARED_ANSWER),
            )


#: Readings of a disclosure said to be only part of what was asked ("some of the information").
_PART_GIVEN = frozenset({"partly_not_held", "disclosed_in_part", "partial_only"})


def not_held_part_named(readings: list[tuple[RequestPoint, Reading]], answers: Answers) -> None:
    """ "I attach some of the information you requested. ... we do not have some of it, so we
    refuse ... in respect of your first question": the part not given is the point the refusal
    names (not held, or withheld). A point answered only by what is left over is then
    disclosed, not partly so; its confidence stays as low as the left-over reading's."""
    named_not_held = any(
        answers.by_key.get(point.key)
        and reading.determination in (Determination.NOT_HELD, Determination.HELD_WITHHELD)
        for point, reading in readings
    )
    if not named_not_held:
        return
    for index, (point, reading) in enumerate(readings):
        if answers.by_key.get(point.key) or reading.basis not in _PART_GIVEN:
            continue
        readings[index] = (
            point,
            replace(
                reading,
                determination=Determination.HELD_DISCLOSED,
                provisions=[],
                basis="disclosed_rest",
            ),
        )


def whole_request_for_undecided(
    readings: list[tuple[RequestPoint, Reading]],
    answers: Answers,
    layout: Layout,
    decide: Callable[[list[Span]], Reading],
) -> None:
    """A refusal of the whole request (s.12), or a notice that none of it is held, made before
    or after the numbered answers decides the points whose own answers decide nothing ("faults
    are logged on paper job sheets"),
    unless a point's own answer gives that refusal: then it is that point's reason, and its
    neighbours are not refused by it."""
    undecided = [
        i
        for i, (point, reading) in enumerate(readings)
        if answers.by_key.get(point.key) and reading.basis not in DECIDING
    ]
    if not undecided:
        return
    # A paragraph headed by point labels ("Part 2 and Part 3") answers those points, not all.
    unlabelled = [
        block
        for span in answers.general
        for block in paragraphs(layout.text, span.start, span.end)
        if not marker_keys(block.text.split("\n", 1)[0])
    ]
    whole = decide(unlabelled)
    if not (whole.determination in WHOLE_REQUEST or whole.basis in _WHOLE_NOT_HELD) or any(
        reading.determination is whole.determination
        for point, reading in readings
        if answers.by_key.get(point.key)
    ):
        return
    for index in undecided:
        point, _ = readings[index]
        reading = replace(whole, confidence=whole.confidence * LEFT_OVER)
        readings[index] = (point, reading)


#: "The Scottish Government does not have the information you have requested. This is a formal
#: notice under section 17(1) of FOISA ... In answer to your specific questions:": a notice that
#: nothing asked for is held, with nothing given beside it, covers the points whose own answers
#: only explain (who holds it instead, why none exists) and decide nothing themselves.
_WHOLE_NOT_HELD = frozenset({"not_held", "not_held+ground"})


def cost_refuses_the_rest(readings: list[tuple[RequestPoint, Reading]], answers: Answers) -> None:
    """A point refused by name on the cost limit, its neighbours answered by nothing but "the
    information is held but cannot be disclosed for the following reasons": the reasons are
    that cost refusal, and it covers the whole request (FOIA s.12(1) lets an authority refuse
    a request whose any part would exceed the appropriate limit; ICO guidance on s.12). A
    neighbour whose left-over text discloses, or cites an exemption, keeps its own reading."""
    costly = [
        reading
        for point, reading in readings
        if answers.by_key.get(point.key) and reading.determination is Determination.COST_LIMIT
    ]
    if not costly:
        return
    for index, (point, reading) in enumerate(readings):
        if answers.by_key.get(point.key) or reading.basis not in _UNGROUNDED:
            continue
        refusal = replace(costly[0], confidence=costly[0].confidence * LEFT_OVER)
        readings[index] = (point, refusal)


#: Readings that name no ground and give nothing: "held", "held but cannot be disclosed". (A
#: neighbour the letter says nothing of at all is left for the reviewer: a refusal "of this
#: part of your request" does not cover it.)
_UNGROUNDED = frozenset({"withheld_words", "held_only"})


#: Refusals that rest on one ground for the whole request: s.12 refuses every point it covers.
WHOLE_REQUEST = frozenset(
    {
        Determination.COST_LIMIT,
        Determination.VEXATIOUS,
        Determination.REPEATED,
        Determination.PUBLISHED_ELSEWHERE,
        Determination.NCND,
    }
)


def attach_implied_grounds(
    readings: list[tuple[RequestPoint, Reading]], grounds: list[Ground]
) -> None:
    """A point refused on the cost limit (or as vexatious, repeated, published, NCND) with no
    ground in its own answer relies on the ground the letter cites for that refusal."""
    for _, reading in readings:
        if reading.determination not in WHOLE_REQUEST or reading.provisions:
            continue
        implied = [g.id for g in grounds if implied_determination(g.id) is reading.determination]
        if implied:
            reading.provisions = most_specific(implied)


def attach_loose_grounds(
    readings: list[tuple[RequestPoint, Reading]], answers: Answers, grounds: list[Ground]
) -> None:
    """Grounds cited outside every answer ("FOIA section 40(2)" after the answers) go to
    the points whose decision they fit."""
    answered = [span for spans in answers.by_key.values() for span in spans]
    loose = [g for g in grounds if not inside(g.start, answered)]
    for _, reading in readings:
        extra = [g.id for g in loose if fits(reading.determination, g.id)]
        if extra:
            reading.provisions = most_specific([*reading.provisions, *extra])

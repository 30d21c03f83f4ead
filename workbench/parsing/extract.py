"""The first pass over a response: what was asked, what was decided, on what grounds.

:func:`extract` ties the readers together. Each reader looks at one subject
(dates, reference, regime, points, decisions, searches, rights) and returns
what it found with the span of text behind it, so every value in the
:class:`~workbench.parsing.model.Extraction` can be shown to the reviewer next
to its evidence. Nothing is guessed: a field the text does not settle stays
``None``.

Usage::

    >>> from workbench.parsing.extract import extract
    >>> result = extract(open("response.txt").read())
    >>> result.reference, [p.determination for p in result.points]
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..documents import Document, load_document
from .answers import Answers, answers_for_paired, find_answers
from .dates import classify_dates, pick
from .determinations import Reading, SentenceCache, fits, read_decision
from .grounds import Ground, find_grounds, most_specific
from .model import Determination, Evidence, Extraction, Point
from .points import RequestPoint
from .quoted import RequestLayout, earlier_correspondence, quoted_request, request_points
from .reference import find_reference
from .regime import detect_regime, named_regime_hint
from .rights import find_rights, is_rights_sentence
from .searches import find_searches
from .text import Layout, Span, is_heading

__all__ = ["extract", "extract_document", "guess_case_metadata"]


def extract(response_text: str, request_text: str | None = None) -> Extraction:
    """Read a response (and, if given, the request it answers).

    Offsets in the result index ``response_text``; evidence drawn from the
    request says so in its ``source``.
    """
    layout = Layout(response_text)
    grounds = find_grounds(response_text, named_regime_hint(response_text))
    earlier = earlier_correspondence(layout)
    quoted = _find_request(response_text, layout, request_text, earlier)
    zones = _outside(response_text, quoted.regions)
    grounds = [g for g in grounds if _inside(g.start, zones)]
    points, answers = _points_and_answers(response_text, layout, quoted, zones, request_text)
    result = Extraction()
    _read_header(response_text, layout, result, earlier)
    regime = detect_regime(response_text, [g.id for g in grounds], layout)
    result.regime = regime.regime  # type: ignore[assignment]
    _note(result, "regime", regime.evidence)
    after = min((r.end for r in quoted.regions), default=0)
    result.points = _read_points(layout, points, answers, zones, grounds, after)
    result.provisions_cited = most_specific(g.id for g in grounds)
    result.searches = [_evidence(s) for s in find_searches(response_text, layout, quoted.regions)]
    _read_rights(response_text, layout, quoted.regions, result)
    return result


# --------------------------------------------------------------------------- header fields


def _read_header(text: str, layout: Layout, result: Extraction, earlier: int | None) -> None:
    """Reference and dates. A date heading the requester's own message quoted below a
    reply ("Sent: 13 December 2023") is when the request was sent, not the response."""
    reference = find_reference(text, layout)
    if reference is not None:
        result.reference = reference.value
        _note(result, "reference", reference.evidence)
    roles = classify_dates(text, layout)
    if earlier is not None:
        roles = [
            replace(r, role="received", rank=3)
            if r.role == "response" and r.evidence.start >= earlier
            else r
            for r in roles
        ]
    received = pick(roles, "received")
    responded = pick(roles, "response", not_before=received.date if received else None)
    if received is not None:
        result.date_received = received.date
        _note(result, "date_received", received.evidence)
    if responded is not None:
        result.date_of_response = responded.date
        _note(result, "date_of_response", responded.evidence)


def _read_rights(text: str, layout: Layout, skip: list[Span], result: Extraction) -> None:
    rights = find_rights(text, layout, skip)
    result.review_rights_given = rights.review is not None
    result.complaint_rights_given = rights.complaint is not None
    result.advice_and_assistance = rights.advice is not None
    _note(result, "review_rights_given", rights.review)
    _note(result, "complaint_rights_given", rights.complaint)
    _note(result, "advice_and_assistance", rights.advice)


def _note(result: Extraction, name: str, span: Span | None) -> None:
    if span:
        result.field_evidence[name] = _evidence(span)


def _evidence(span: Span, source: str = "response") -> Evidence:
    return Evidence(quote=span.text, start=span.start, end=span.end, source=source)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- points


def _find_request(
    text: str, layout: Layout, request_text: str | None, boundary: int | None
) -> RequestLayout:
    """The request as quoted in the response; in an email reply, the reply's own part only.

    The requester's message quoted below a reply (from ``boundary``) is not part
    of the response: it becomes one more region to leave out, and the source of
    the points when the reply itself does not restate the request.
    """
    if boundary is None:
        return quoted_request(text, layout)
    own = text[:boundary]
    quoted = quoted_request(own, Layout(own))
    earlier = Span(boundary, len(text), text[boundary:])
    if not quoted.points and not request_text:
        points = request_points(earlier.text, offset=boundary, source="response")
        return RequestLayout(points, [earlier])
    return RequestLayout(quoted.points, [*quoted.regions, earlier], quoted.paired)


def _points_and_answers(
    text: str,
    layout: Layout,
    quoted: RequestLayout,
    zones: list[Span],
    request_text: str | None,
) -> tuple[list[RequestPoint], Answers]:
    """The request's points (from the request if given, else as quoted) and their answers."""
    points = request_points(request_text) if request_text and request_text.strip() else []
    if points and quoted.paired and len(points) == len(quoted.points):
        for point, paired in zip(points, quoted.points, strict=True):
            point.answer = paired.answer
    elif not points:
        points = quoted.points
    if not points:
        points = [RequestPoint("1", Span(0, 0, ""), "response")]
    if any(p.answer is not None for p in points):
        answers = answers_for_paired(text, layout, points)
    else:
        answers = find_answers(text, layout, points, zones)
    return answers.new_points, answers


def _read_points(
    layout: Layout,
    points: list[RequestPoint],
    answers: Answers,
    zones: list[Span],
    grounds: list[Ground],
    after_request: int,
) -> list[Point]:
    """Each point's decision: from its own answer, else the whole response, else nothing.

    ``after_request`` is where the quoted request ends; a response answering all
    points together is read from there first, for its evidence.
    """
    readings: list[tuple[RequestPoint, Reading]] = []
    cache = SentenceCache()
    for point in points:
        own = answers.by_key.get(point.key)
        if own:
            reading = _decide(layout, own, grounds, cache, default=True)
        elif not answers.signposted:
            in_order = [z for z in zones if z.start >= after_request] + [
                z for z in zones if z.start < after_request
            ]
            reading = _decide(layout, in_order, grounds, cache, default=True)
        else:
            reading = _decide(layout, answers.general, grounds, cache, default=False)
        readings.append((point, reading))
    if answers.signposted:
        _attach_loose_grounds(readings, answers, grounds)
    return [_point(point, reading) for point, reading in readings]


def _decide(
    layout: Layout,
    spans: list[Span],
    grounds: list[Ground],
    cache: SentenceCache,
    *,
    default: bool,
) -> Reading:
    """The decision in ``spans``; a substantive answer with no refusal in it is a disclosure."""
    reading = read_decision(layout, spans, grounds, cache)
    if reading.determination is None and default:
        substantive = _first_substantive(layout, spans)
        if substantive is not None:
            return Reading(Determination.HELD_DISCLOSED, [], [substantive])
    return reading


def _first_substantive(layout: Layout, spans: list[Span]) -> Span | None:
    """The first sentence that answers something: not a heading, greeting or rights notice.

    When the request is quoted, the answer follows it, so sentences after the
    quotation come first; page furniture ("Menu") and salutations never count.
    """
    sentences = [s for span in spans for s in layout.sentences_in(span.start, span.end)]
    answers = [s for s in sentences if _answers_something(s.text)]
    return answers[0] if answers else None


_NOT_AN_ANSWER = re.compile(
    r"^\W*(?:dear\b|thank\s+you|thanks\b|yours\b|kind\s+regards|re:)|\byour\s+(?:\w+\s+)?request\b|"
    r"\b(?:ref(?:erence)?|date)\s*:",
    re.IGNORECASE,
)


def _answers_something(sentence: str) -> bool:
    if is_heading(sentence) and len(sentence.split()) < 4 and not re.search(r"\d", sentence):
        return False
    return not _NOT_AN_ANSWER.search(sentence) and not is_rights_sentence(sentence)


def _attach_loose_grounds(
    readings: list[tuple[RequestPoint, Reading]], answers: Answers, grounds: list[Ground]
) -> None:
    """Grounds cited outside every answer ("FOIA section 40(2)" after the answers) go to
    the points whose decision they fit."""
    answered = [span for spans in answers.by_key.values() for span in spans]
    loose = [g for g in grounds if not _inside(g.start, answered)]
    for _, reading in readings:
        extra = [g.id for g in loose if fits(reading.determination, g.id)]
        if extra:
            reading.provisions = most_specific([*reading.provisions, *extra])


def _point(point: RequestPoint, reading: Reading) -> Point:
    return Point(
        label=point.label,
        text=_point_text(point),
        determination=reading.determination,
        provisions=reading.provisions,
        evidence=[_evidence(span) for span in reading.evidence],
    )


def _point_text(point: RequestPoint) -> str:
    text = re.sub(r"\s+", " ", point.span.text).strip()
    if point.part:
        text = f"(part: {point.part}) {text}".strip()
    return text


# --------------------------------------------------------------------------- spans


def _outside(text: str, regions: list[Span]) -> list[Span]:
    """The parts of ``text`` not covered by ``regions`` (the quoted request)."""
    zones = []
    cursor = 0
    for region in sorted(regions, key=lambda r: r.start):
        if region.start > cursor:
            zones.append(Span(cursor, region.start, text[cursor : region.start]))
        cursor = max(cursor, region.end)
    if cursor < len(text):
        zones.append(Span(cursor, len(text), text[cursor:]))
    return [z for z in zones if z.text.strip()]


def _inside(offset: int, spans: list[Span]) -> bool:
    return any(span.start <= offset < span.end for span in spans)


# --------------------------------------------------------------------------- documents


def extract_document(path: str | Path, request_path: str | Path | None = None) -> Extraction:
    """Load a response (and request) with the document loader, then :func:`extract`.

    An email's own headers fill what its body does not say: the Date header is
    when the response was sent, and the subject often carries the reference.
    """
    response = load_document(path)
    request = load_document(request_path) if request_path is not None else None
    result = extract(response.text, request.text if request is not None else None)
    _fill_from_email(response, result)
    return result


def _fill_from_email(document: Document, result: Extraction) -> None:
    if not document.is_email:
        return
    if result.date_of_response is None and document.metadata.get("date"):
        try:
            sent = dt.datetime.fromisoformat(document.metadata["date"]).date()
        except ValueError:
            sent = None
        if sent is not None and (result.date_received is None or sent >= result.date_received):
            result.date_of_response = sent
    subject = document.metadata.get("subject")
    if result.reference is None and subject:
        found = find_reference(subject)
        if found is not None:
            result.reference = found.value


def guess_case_metadata(sources: dict[str, Path]) -> dict[str, Any]:
    """Case metadata read from a new case's documents (used by ``workbench.cases.new_case``).

    Returns ``id`` (the reference made safe as a case id), ``reference``,
    ``regime``, ``date_received`` and ``date_responded``, leaving out any the
    documents do not state.
    """
    response = sources.get("response")
    if response is None:
        return {}
    result = extract_document(response, sources.get("request"))
    found: dict[str, Any] = {
        "reference": result.reference,
        "regime": result.regime,
        "date_received": result.date_received,
        "date_responded": result.date_of_response,
    }
    if result.reference:
        case_id = case_id_from_reference(result.reference)
        if case_id:
            found["id"] = case_id
    return {key: value for key, value in found.items() if value is not None}


def case_id_from_reference(reference: str) -> str | None:
    """A reference made into a valid case id: letters, digits, ``.``, ``-``, ``_`` only.

    "FOI 2023/123" becomes ``FOI-2023-123``; "2022 – 280 / WE5500" becomes
    ``2022-280-WE5500``.
    """
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "-", reference)
    cleaned = re.sub(r"-{2,}", "-", cleaned)
    cleaned = re.sub(r"\.{2,}", ".", cleaned).strip("-._")
    return cleaned[:80].rstrip("-._") or None

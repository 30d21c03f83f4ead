"""A plain-text account of an extraction, each conclusion followed by the words behind it.

Used by ``workbench extract`` without ``--json``; a reviewer reads it top to
bottom the way they would read the letter, and can check every value against
the quoted sentence and its position in the text.
"""

from __future__ import annotations

from .model import DETERMINATION_LABELS, Evidence, Extraction, Point, needs_check
from .text import normalise_space

_QUOTE_WIDTH = 110


def format_summary(result: Extraction) -> str:
    """The extraction as readable lines (no trailing newline).

    Each value ends with how sure the extractor is of it; below the threshold the
    line says "check this".
    """
    lines = ["Reference:         " + _value(result.reference, result, "reference")]
    lines.append("Regime:            " + _value(result.regime, result, "regime"))
    lines.append("Kind of letter:    " + _value(_words(result.kind), result, "kind"))
    if result.kind == "internal_review_outcome":
        lines.append(
            "Review outcome:    " + _value(_words(result.review_outcome), result, "review_outcome")
        )
    lines.append(
        "Date received:     " + _value(_iso(result.date_received), result, "date_received")
    )
    if result.date_clarified is not None:
        lines.append(
            "Date clarified:    " + _value(_iso(result.date_clarified), result, "date_clarified")
        )
    lines.append(
        "Date of response:  " + _value(_iso(result.date_of_response), result, "date_of_response")
    )
    lines.append("Provisions cited:  " + (", ".join(result.provisions_cited) or "none found"))
    if result.text_cut_short:
        lines.append("Text:              stops mid-sentence, so the letter may be incomplete")
        evidence = result.field_evidence.get("text_cut_short")
        if evidence is not None:
            lines.append(_quote(evidence))
    lines.append("")
    lines.append(f"Points ({len(result.points)}){_sure(result.confidence.get('points'))}:")
    for point in result.points:
        lines.extend(_point_lines(point))
    lines.append("")
    lines.append(f"Searches described: {len(result.searches) or 'none found'}")
    lines.extend(_quote(e) for e in result.searches)
    lines.append("")
    for name, label in (
        ("review_rights_given", "Review rights given:    "),
        ("complaint_rights_given", "Complaint rights given: "),
        ("advice_and_assistance", "Advice and assistance:  "),
    ):
        given = getattr(result, name)
        lines.append(label + ("yes" if given else "not found"))
        evidence = result.field_evidence.get(name)
        if given and evidence is not None:
            lines.append(_quote(evidence))
    return "\n".join(lines)


def _point_lines(point: Point) -> list[str]:
    decided = (
        DETERMINATION_LABELS[point.determination]
        if point.determination is not None
        else "no answer found"
    )
    grounds = f"  [{', '.join(point.provisions)}]" if point.provisions else ""
    lines = [f"  {point.label}: {decided}{grounds}{_sure(point.confidence)}"]
    if point.text:
        lines.append(f"      asked: {_shorten(point.text)}")
    lines.extend("  " + _quote(e) for e in point.evidence)
    return lines


def _value(value: object, result: Extraction, name: str) -> str:
    sure = _sure(result.confidence.get(name))
    if value is None:
        return "not stated" + sure
    evidence = result.field_evidence.get(name)
    if evidence is None:
        return f"{value}{sure}"
    quoted = f'"{_shorten(evidence.quote, 70)}" [{evidence.start}-{evidence.end}]'
    return f"{value}{sure}    <- {quoted}"


def _sure(confidence: float | None) -> str:
    """ "  (confidence 0.92)", or "  (check this: confidence 0.55)" below the threshold."""
    if confidence is None:
        return ""
    if needs_check(confidence):
        return f"  (check this: confidence {confidence:.2f})"
    return f"  (confidence {confidence:.2f})"


def _words(value: str | None) -> str | None:
    return value.replace("_", " ") if value else value


def _quote(evidence: Evidence) -> str:
    where = f"[{evidence.start}-{evidence.end}]"
    source = "" if evidence.source == "response" else f" ({evidence.source})"
    return f'    > "{_shorten(evidence.quote)}" {where}{source}'


def _shorten(value: str, width: int = _QUOTE_WIDTH) -> str:
    flat = normalise_space(value)
    return flat if len(flat) <= width else flat[: width - 3].rstrip() + "..."


def _iso(value: object) -> str | None:
    return value.isoformat() if value is not None else None  # type: ignore[attr-defined]

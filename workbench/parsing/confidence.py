"""How sure the extractor is of each field it read.

Each figure is the share of readings of that kind that were right on the
development letters (``tests/letters/real/dev``), rounded down a little: a
labelled "Date received:" line is surer than a date the letter only says it
"received" in passing, and a regime named in a handling statement ("We have
dealt with your request under the EIR") is surer than one guessed from a bare
mention of freedom of information. A field the letter does not state gets the
confidence that "not stated" is right, which is lower where letters often hide
the value (a reference only in a web page's address, say). Points carry their
own confidence (:mod:`workbench.parsing.decide`).
"""

from __future__ import annotations

from dataclasses import dataclass

from .dates import DatedRole
from .model import Extraction
from .reference import FoundReference
from .regime import RegimeFinding

#: Reference, by the rank of the form it was found in (see ``reference._LABELS``):
#: 0 "Our ref", 1 a request or case label, 2 a bare "Ref", 3 a code alone at the top,
#: 4 a regime-prefixed code in running text, 5 a code in brackets in a title, 6 a label
#: inside a sentence.
#: 7 a code in the document's name or page address only.
REFERENCE = {0: 0.95, 1: 0.9, 2: 0.85, 3: 0.8, 4: 0.7, 5: 0.7, 6: 0.6, 7: 0.6}
REFERENCE_NOT_STATED = 0.5
#: Dates, by rank (see ``dates.DatedRole``): 0 a label, 1 the letter's date line, 2 a cue
#: in a sentence, 3 a weak cue (the date the request was written).
DATE = {0: 0.95, 1: 0.85, 2: 0.9, 3: 0.65}
DATE_NOT_STATED = 0.7
CLARIFIED_NOT_STATED = 0.9
REGIME = {
    "handled": 0.95,
    "grounds": 0.9,
    "named": 0.85,
    "named_both": 0.5,
    "mention": 0.7,
    "request": 0.5,
    "address": 0.5,
    "": 0.4,
}
#: The number of points, by how the request was found (see ``request.RequestReading``).
POINTS = {
    "request": 0.9,
    "paired": 0.9,
    "quoted": 0.85,
    "earlier": 0.7,
    "reported": 0.8,
    "none": 0.3,
    "answers": 0.5,
}
#: A request quoted without numbering or bullets, divided by its asks.
POINTS_FROM_ASKS = 0.6
PROVISIONS = {True: 0.9, False: 0.8}
RIGHTS = {True: 0.9, False: 0.75}


@dataclass(frozen=True)
class HeaderFound:
    """What the header readers found, with the strength of each find."""

    reference: FoundReference | None
    received: DatedRole | None
    responded: DatedRole | None
    clarified: DatedRole | None


def field_confidence(
    result: Extraction,
    *,
    regime: RegimeFinding,
    how: str,
    header: HeaderFound,
    by_asks: bool = False,
) -> dict[str, float]:
    """Confidence of every scalar field of ``result`` (kind and outcome are set elsewhere)."""
    out = {
        "reference": REFERENCE[header.reference.rank]
        if header.reference is not None
        else REFERENCE_NOT_STATED,
        "date_received": _date(header.received, DATE_NOT_STATED),
        "date_of_response": _date(header.responded, DATE_NOT_STATED),
        "date_clarified": _date(header.clarified, CLARIFIED_NOT_STATED),
        "regime": REGIME.get(regime.basis, 0.4),
        "points": POINTS_FROM_ASKS if by_asks else POINTS.get(how, 0.5),
        "provisions_cited": PROVISIONS[bool(result.provisions_cited)],
    }
    for name in ("review_rights_given", "complaint_rights_given", "advice_and_assistance"):
        out[name] = RIGHTS[bool(getattr(result, name))]
    return out


def _date(found: DatedRole | None, missing: float) -> float:
    return DATE.get(found.rank, 0.6) if found is not None else missing

"""What the extractor reports, with the evidence behind each conclusion.

Offsets (``start``, ``end``) index the text as loaded by
:func:`workbench.documents.load_document`, so the dashboard can highlight the
exact sentence behind every extracted value.

Every value carries a confidence between 0 and 1: how often a reading of that
kind, backed by evidence of that strength, was right on the development letters.
A reading below :data:`CHECK_THRESHOLD` is shown to the reviewer as "check this".
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

#: Readings with a confidence below this are marked "check this" for the reviewer. At or
#: above it, at least 95% of determinations were right on the development letters.
CHECK_THRESHOLD = 0.8

Confidence = Annotated[float, Field(ge=0.0, le=1.0)]

Regime = Literal["FOIA", "EIR", "FOISA", "EISR", "mixed"]

#: What kind of letter the text is: a first response (disclosing, refusing or both), a
#: refusal notice refusing everything asked, a holding notice (an extension or a promised
#: date; no decision yet), or the outcome of an internal review.
LetterKind = Literal["response", "refusal_notice", "holding_notice", "internal_review_outcome"]

#: What an internal review decided about the original response: kept it (``upheld``),
#: changed part of it, or changed it (``overturned``).
ReviewOutcome = Literal["upheld", "partly_upheld", "overturned"]


def needs_check(confidence: float | None) -> bool:
    """Whether a reading is unsure enough to be marked "check this"."""
    return confidence is None or confidence < CHECK_THRESHOLD


class Determination(StrEnum):
    """What the original response decided for one request point."""

    HELD_DISCLOSED = "held_disclosed"
    HELD_PARTLY_DISCLOSED = "held_partly_disclosed"
    HELD_WITHHELD = "held_withheld"
    NOT_HELD = "not_held"
    NCND = "ncnd"
    COST_LIMIT = "cost_limit"
    VEXATIOUS = "vexatious"
    REPEATED = "repeated"
    PUBLISHED_ELSEWHERE = "published_elsewhere"
    OTHER = "other"


DETERMINATION_LABELS = {
    Determination.HELD_DISCLOSED: "Held, disclosed",
    Determination.HELD_PARTLY_DISCLOSED: "Held, partly disclosed",
    Determination.HELD_WITHHELD: "Held, withheld",
    Determination.NOT_HELD: "Not held",
    Determination.NCND: "Neither confirmed nor denied",
    Determination.COST_LIMIT: "Refused: cost limit",
    Determination.VEXATIOUS: "Refused: vexatious",
    Determination.REPEATED: "Refused: repeated request",
    Determination.PUBLISHED_ELSEWHERE: "Published elsewhere",
    Determination.OTHER: "Other",
}


class Evidence(BaseModel):
    """A span of the loaded text that supports a conclusion."""

    model_config = ConfigDict(frozen=True)

    quote: str
    start: int
    end: int
    #: Which document the span is in: the response, the original request, or the
    #: requester's review request (where a ground of the review is quoted from).
    source: Literal["response", "request", "review_request"] = "response"


class Point(BaseModel):
    """One numbered (or reading-order) point of the request and how it was answered."""

    label: str
    text: str = ""
    determination: Determination | None = None
    provisions: list[str] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    #: How sure the reading of this point (its determination and provisions) is, 0 to 1.
    confidence: Confidence = 0.0


class Extraction(BaseModel):
    """Everything the first pass read from a response (and its request, if given).

    ``None`` means the text does not say; the extractor never guesses.
    """

    reference: str | None = None
    regime: Regime | None = None
    kind: LetterKind | None = None
    #: For an internal review outcome only.
    review_outcome: ReviewOutcome | None = None
    date_received: dt.date | None = None
    #: When the requester's clarification arrived, where the letter says (FOIA s.1(3)): the
    #: clock runs from then.
    date_clarified: dt.date | None = None
    date_of_response: dt.date | None = None
    points: list[Point] = Field(default_factory=list)
    provisions_cited: list[str] = Field(default_factory=list)
    searches: list[Evidence] = Field(default_factory=list)
    review_rights_given: bool = False
    complaint_rights_given: bool = False
    advice_and_assistance: bool = False
    #: The text stops in the middle of a sentence: the letter may be incomplete, so its
    #: points' readings are less sure (:mod:`workbench.parsing.ending`).
    text_cut_short: bool = False
    #: Evidence for the scalar fields, keyed by field name (reference, dates, regime, rights).
    field_evidence: dict[str, Evidence] = Field(default_factory=dict)
    #: How sure each field's reading is, 0 to 1, keyed by field name: every scalar field
    #: above, ``provisions_cited`` and ``points`` (the number of points found).
    confidence: dict[str, Confidence] = Field(default_factory=dict)

    def to_json_dict(self) -> dict:
        """The documented JSON shape of ``workbench extract --json``."""
        return self.model_dump(mode="json")

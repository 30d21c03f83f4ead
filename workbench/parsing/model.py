"""What the extractor reports, with the evidence behind each conclusion.

Offsets (``start``, ``end``) index the text as loaded by
:func:`workbench.documents.load_document`, so the dashboard can highlight the
exact sentence behind every extracted value.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


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


class Extraction(BaseModel):
    """Everything the first pass read from a response (and its request, if given).

    ``None`` means the text does not say; the extractor never guesses.
    """

    reference: str | None = None
    regime: Literal["FOIA", "EIR", "FOISA", "mixed"] | None = None
    date_received: dt.date | None = None
    date_of_response: dt.date | None = None
    points: list[Point] = Field(default_factory=list)
    provisions_cited: list[str] = Field(default_factory=list)
    searches: list[Evidence] = Field(default_factory=list)
    review_rights_given: bool = False
    complaint_rights_given: bool = False
    advice_and_assistance: bool = False
    #: Evidence for the scalar fields, keyed by field name (reference, dates, regime, rights).
    field_evidence: dict[str, Evidence] = Field(default_factory=dict)

    def to_json_dict(self) -> dict:
        """The documented JSON shape of ``workbench extract --json``."""
        return self.model_dump(mode="json")

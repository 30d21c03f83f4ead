"""The reviewer's record for one case: findings, remedies, outcome and sign-off.

This is the pure domain model (no database, widgets or documents): the store
persists it as JSON, the dashboard edits it, and the letter and spreadsheet
render it.  Everything a renderer needs has a plain name and a ``*_label``.

The rules it encodes:

* A review is run on a case's original response (s.45 Code 2018 / EIR reg 11 /
  FOISA s.21): point by point, provision by provision, search by search, plus
  the handling (timeliness, s.16 advice and assistance, s.17 refusal notice).
* Its own due date is 20 working days from the review request, 40 under EIR
  or when marked exceptional (:func:`workbench.deadlines.review_deadline`).
* The outcome is derived from the item findings (:func:`derive_outcome`) unless
  the reviewer overrides it with a reason, and is stored as a neutral
  :class:`~workbench.outcomes.Outcome` whose words depend on the reporting scheme.
* A review moves draft -> in progress -> completed.  Completing signs it off and
  freezes it; a later change starts a new version (:meth:`Review.new_version`).

Usage::

    review = review_from_case(load_case("IC-1"), extraction)
    review = review.with_value("points.0.finding", "incorrect")   # a new, validated Review
    review.complete("A. Reviewer")        # raises ReviewError listing anything missing
    review.outcome_label("cabinet_office")
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from enum import IntEnum
from typing import Any, Literal, Protocol

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    JsonValue,
    PrivateAttr,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import to_jsonable_python

from .cases import SEARCH_COLUMNS, SearchRecord, case_id_problem
from .deadlines import Deadline, review_deadline
from .errors import ReviewError
from .labelled import LabelledEnum
from .outcomes import CHANGED_OUTCOMES, DEFAULT_SCHEME, ChangeReason, Outcome, outcome_label
from .parsing.model import DETERMINATION_LABELS, Determination, Evidence, Extraction

#: Version of the review's JSON shape; a newer one is refused rather than misread.
#: 2: each point keeps what the first pass read for it (``read``) and its evidence; the
#: review keeps the requester, the kind of letter, provisions set aside and read passages
#: that are not searches.  A version 1 review is read as if every point were as read.
#: 3: the requester's grounds one by one (``requester_grounds``), each with what the grounds
#: reader proposed and the reviewer's finding, and which text they were read from
#: (``grounds_read``).  A version 2 review has no grounds yet: they are read from its review
#: request when it is next opened (its free-text ``grounds`` stays the requester's words).
SCHEMA_VERSION = 3

#: Fields managed by the lifecycle methods, never by a field edit.
LIFECYCLE_FIELDS = frozenset({"schema_version", "case_id", "version", "status", "sign_off"})

#: The columns of a case's search record (``workbench.cases.SEARCH_COLUMNS``).
#: The search record's columns, in the order the case folder's record lists them.
SEARCH_RECORD_FIELDS = SEARCH_COLUMNS

Regime = Literal["FOIA", "EIR", "FOISA", "EISR", "mixed"]
PathLike = str | Sequence[str | int]


class ReviewStatus(LabelledEnum):
    """Where the review is in its life."""

    DRAFT = "draft", "Draft"
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETED = "completed", "Completed"


class Route(LabelledEnum):
    """How the requester asked for the review."""

    EMAIL = "email", "Email"
    LETTER = "letter", "Letter"
    WEB_FORM = "web_form", "Web form"
    OTHER = "other", "Other"


class PointFinding(LabelledEnum):
    """The reviewer's view of the original determination of one request point."""

    CORRECT = "correct", "Correct"
    INCORRECT = "incorrect", "Incorrect"
    PARTLY_CORRECT = "partly_correct", "Partly correct"


class Remedy(LabelledEnum):
    """What the authority will now do for a point."""

    DISCLOSE = "disclose", "Disclose the information"
    DISCLOSE_IN_PART = "disclose_in_part", "Disclose the information in part"
    NEW_SEARCHES = "new_searches", "Carry out new searches"
    PROPER_REFUSAL_NOTICE = "proper_refusal_notice", "Issue a proper refusal notice"
    ADVICE_AND_ASSISTANCE = "advice_and_assistance", "Give advice and assistance"
    CONFIRM_OR_DENY = "confirm_or_deny", "Confirm or deny whether the information is held"
    APOLOGISE_FOR_DELAY = "apologise_for_delay", "Apologise for the delay"


#: Remedies that change what the requester gets, as opposed to how they were treated.
SUBSTANTIVE_REMEDIES = frozenset(
    {Remedy.DISCLOSE, Remedy.DISCLOSE_IN_PART, Remedy.NEW_SEARCHES, Remedy.CONFIRM_OR_DENY}
)


class Engaged(LabelledEnum):
    """Whether a provision is engaged at all (before any public interest test)."""

    YES = "yes", "Yes"
    NO = "no", "No"
    UNSURE = "unsure", "Unsure"


class ProvisionFinding(LabelledEnum):
    """The reviewer's view of the authority's reliance on one provision."""

    UPHELD = "upheld", "Upheld"
    NOT_UPHELD = "not_upheld", "Not upheld"
    UPHELD_IN_PART = "upheld_in_part", "Upheld in part"


class PublicInterestFavours(LabelledEnum):
    """Which way the public interest balance falls."""

    DISCLOSURE = "disclosure", "Favours disclosure"
    WITHHOLDING = "withholding", "Favours maintaining the exemption"


class LetterKind(LabelledEnum):
    """What kind of letter is under review (the same vocabulary as the letter corpus)."""

    RESPONSE = "response", "Response"
    REFUSAL_NOTICE = "refusal_notice", "Refusal notice"
    HOLDING_NOTICE = "holding_notice", "Holding notice or extension letter"
    INTERNAL_REVIEW_OUTCOME = "internal_review_outcome", "Internal review outcome"


class Timeliness(LabelledEnum):
    """Whether the original response was on time."""

    ON_TIME = "on_time", "On time"
    LATE = "late", "Late"


class GroundFinding(LabelledEnum):
    """The reviewer's finding on one ground of the review request: is the requester right?"""

    UPHELD = "upheld", "Upheld"
    PARTLY_UPHELD = "partly_upheld", "Partly upheld"
    NOT_UPHELD = "not_upheld", "Not upheld"


#: Below this confidence the grounds reader was unsure of a ground: the reviewer checks it first.
UNSURE_BELOW = 0.4

#: Findings that agree with the requester, wholly or in part: these need a remedy.
GROUND_FINDINGS_FOR_REQUESTER = frozenset({GroundFinding.UPHELD, GroundFinding.PARTLY_UPHELD})


def yes_no_label(value: bool | None) -> str:
    """The words for a yes/no finding that may not have been made yet."""
    return {True: "Yes", False: "No", None: "Not decided"}[value]


@dataclass(frozen=True)
class Needed:
    """One thing a review still needs before it can be signed off.

    Structured so that each front end lays the list out its own way (the dashboard points to
    the box to tick) without reading the model's English.  ``field`` is the path of the
    field concerned (``"points.2.finding"``, ``"change_reasons"``); ``choices`` are the
    values to pick from, named for a reader with no box to tick (the CLI).  ``str(item)``
    is the item as the model says it.
    """

    field: str
    message: str
    choices: tuple[str, ...] = ()

    def __str__(self) -> str:
        return f"{self.message}: {', '.join(self.choices)}" if self.choices else self.message

    def within(self, path: str) -> Needed:
        """The same item, its field given inside ``path`` (a ground's, within the review)."""
        return replace(self, field=f"{path}.{self.field}")


def incomplete(case_id: str, needed: Sequence[Needed], *, marked: bool = False) -> ReviewError:
    """The error saying a review cannot be signed off yet, listing everything it needs.

    The one place that sentence is built.  ``marked``: the review already says it is
    completed (a bulk load), so the sentence says it is marked so but falls short.
    """
    why = "is marked completed but needs" if marked else "cannot be completed yet; it needs"
    return ReviewError(
        f"The review of {case_id} {why} " + "; ".join(str(item) for item in needed),
        case_id=case_id,
        missing=[str(item) for item in needed],
        needed=list(needed),
    )


class _Part(BaseModel):
    """Base of every piece of a review: strict fields, validated assignment, freezable.

    A completed review locks all its parts, so assigning to any field of any part
    raises :class:`ReviewError` (the store separately refuses to save a changed
    completed version, which also covers in-place list mutation).
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    _locked: bool = PrivateAttr(default=False)

    def __setattr__(self, name: str, value: Any) -> None:
        if not name.startswith("_") and self._locked:
            raise ReviewError(
                "This review is completed and frozen; start a new version to change it",
                field=name,
            )
        super().__setattr__(name, value)


_CONTAINERS = (_Part, list, dict)


def _walk_parts(value: Any) -> Iterator[_Part]:
    """Every part inside ``value`` (itself included), in no particular order.

    Iterative, and only containers are descended into: every completed review read from
    the store is locked through here, so this stays quick for 100,000 of them.
    """
    stack = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, _Part):
            yield node
            children: Iterable[Any] = node.__dict__.values()  # the model's field values
        elif isinstance(node, list):
            children = node
        elif isinstance(node, dict):
            children = node.values()
        else:
            continue
        stack.extend(child for child in children if isinstance(child, _CONTAINERS))


class Reviewer(_Part):
    """Who carries out the review, and whether they were involved in the original request.

    The s.45 Code (2018) and the ICO ask for the review to be done, *where possible*, by
    someone not involved in the original decision.  ``involved_in_original`` is the
    reviewer's own confirmation: False (confirmed not involved), True (involved, because
    no one else could do it: say why in ``independence_note``), None (not yet confirmed).
    The letter claims independence only when it is False.
    """

    name: str = ""
    role: str = ""
    involved_in_original: bool | None = None
    independence_note: str = ""

    @property
    def independence_label(self) -> str:
        return {
            False: "Not involved in the original request",
            True: "Involved in the original request",
            None: "Not confirmed",
        }[self.involved_in_original]


class PointReading(_Part):
    """What the first pass read for one point, kept so "as read" shows beside "as corrected".

    Kept in the review (not read again from the letter) because the extractor improves:
    what the reviewer corrected must stay measured against what they were shown.
    """

    label: str
    text: str = ""
    determination: Determination | None = None
    provisions: list[str] = Field(default_factory=list)


class PointReview(_Part):
    """One point of the request as the reviewer accepts it, and their finding on it.

    The label, request text, determination and provisions start as the first pass read
    them (``read``) and are the reviewer's to correct (:mod:`workbench.reading`); a point
    the reviewer added has no ``read``.
    """

    label: str = Field(min_length=1)
    request_text: str = ""
    #: What the original response decided, as the extractor read it.
    original_determination: Determination | None = None
    #: The reviewer's correction of the extracted determination, when the extractor was wrong.
    corrected_determination: Determination | None = None
    #: Provision ids the original response relied on for this point.
    provisions: list[str] = Field(default_factory=list)
    finding: PointFinding | None = None
    reasons: str = ""
    remedies: list[Remedy] = Field(default_factory=list)
    remedy_date: dt.date | None = None
    #: What the first pass read for this point; None for a point the reviewer added.
    read: PointReading | None = None
    #: The passages of the letter this point's answer was read from.
    evidence: list[Evidence] = Field(default_factory=list)
    #: Where the request text was taken from, when the reviewer selected it in a document.
    text_source: Evidence | None = None

    @model_validator(mode="before")
    @classmethod
    def _reading_of_older_reviews(cls, data: Any) -> Any:
        """A point saved before points kept their reading is taken as read (schema 1)."""
        if isinstance(data, dict) and "read" not in data and data.get("label"):
            data = dict(data)
            data["read"] = {
                "label": data["label"],
                "text": data.get("request_text", ""),
                "determination": data.get("original_determination"),
                "provisions": list(data.get("provisions") or []),
            }
        return data

    @field_validator("remedies")
    @classmethod
    def _each_remedy_once(cls, value: list[Remedy]) -> list[Remedy]:
        return list(dict.fromkeys(value))

    @field_validator("provisions")
    @classmethod
    def _each_provision_once(cls, value: list[str]) -> list[str]:
        return list(dict.fromkeys(value))

    @property
    def determination(self) -> Determination | None:
        """The original determination as the reviewer accepts it (corrected where wrong)."""
        return self.corrected_determination or self.original_determination

    @property
    def determination_corrected(self) -> bool:
        """True when the reviewer changed what the extractor read."""
        return (
            self.corrected_determination is not None
            and self.corrected_determination != self.original_determination
        )

    @property
    def determination_label(self) -> str:
        return DETERMINATION_LABELS[self.determination] if self.determination else "Not known"

    @property
    def added_by_reviewer(self) -> bool:
        """True for a point the first pass did not read (the reviewer added it)."""
        return self.read is None

    def corrected_values(self) -> list[str]:
        """Which of label, text, determination and provisions differ from what was read."""
        if self.read is None:
            return ["label", "text", "determination", "provisions"]
        changed = []
        if self.label != self.read.label:
            changed.append("label")
        if self.request_text != self.read.text:
            changed.append("text")
        if self.determination != self.read.determination:
            changed.append("determination")
        if self.provisions != self.read.provisions:
            changed.append("provisions")
        return changed

    @property
    def finding_label(self) -> str:
        return self.finding.label if self.finding else "No finding yet"

    @property
    def remedy_labels(self) -> list[str]:
        return [remedy.label for remedy in self.remedies]


class GroundReading(_Part):
    """What the grounds reader read for one ground, kept so "as read" shows beside the ground.

    Kept in the review for the same reason as :class:`PointReading`: the reader improves,
    and what the reviewer corrected must stay measured against what they were shown.
    """

    category: str
    summary: str = ""
    quote: str = ""
    start: int | None = None
    end: int | None = None
    provisions: list[str] = Field(default_factory=list)
    points: list[str] = Field(default_factory=list)
    confidence: float = Field(default=0.0, ge=0.0, le=1.0)


class GroundReview(_Part):
    """One ground of the review request: what the requester objects to, and the finding on it.

    The grounds reader (:mod:`workbench.grounds`) proposes each ground; the reviewer corrects
    it (:mod:`workbench.review_grounds`) and must record a finding on every one before the
    review can be completed: upheld (the requester is right), partly upheld or not upheld,
    with the reasons, and where it is upheld what the authority will do about it.
    """

    #: ``g1``, ``g2``, ... in the order raised; the parts of a split ground ``g2a``, ``g2b``.
    id: str = Field(min_length=1, max_length=20)
    #: One of the 16 categories of :data:`workbench.grounds.CATEGORIES`.
    category: str
    #: One line saying what the requester objects to (the letter's heading for the ground).
    summary: str = ""
    #: The requester's words carrying the ground, and where they are in the review request.
    quote: str = ""
    start: int | None = None
    end: int | None = None
    #: Provisions the requester names for this ground, normalised (``s.40(2)``).
    provisions: list[str] = Field(default_factory=list)
    #: Labels of the request's points the ground concerns, as the requester refers to them.
    points: list[str] = Field(default_factory=list)
    #: How sure the reader was (0..1); None for a ground the reviewer added.
    confidence: float | None = Field(default=None, ge=0.0, le=1.0)
    read: GroundReading | None = None
    finding: GroundFinding | None = None
    reasons: str = ""
    remedies: list[Remedy] = Field(default_factory=list)
    #: What the authority will now do, in the reviewer's words (with or beside ``remedies``).
    remedy: str = ""

    @field_validator("category")
    @classmethod
    def _known_category(cls, value: str) -> str:
        from .grounds.categories import CATEGORIES

        if value not in CATEGORIES:
            raise ValueError(f"unknown category {value!r}; use one of {', '.join(CATEGORIES)}")
        return value

    @field_validator("remedies")
    @classmethod
    def _each_remedy_once(cls, value: list[Remedy]) -> list[Remedy]:
        return list(dict.fromkeys(value))

    @field_validator("provisions", "points")
    @classmethod
    def _each_once(cls, value: list[str]) -> list[str]:
        return list(dict.fromkeys(value))

    @property
    def added_by_reviewer(self) -> bool:
        return self.read is None

    @property
    def unsure(self) -> bool:
        """The reader was unsure of this ground (confidence under :data:`UNSURE_BELOW`)."""
        return self.confidence is not None and self.confidence < UNSURE_BELOW

    @property
    def finding_label(self) -> str:
        return self.finding.label if self.finding else "No finding yet"

    @property
    def remedy_labels(self) -> list[str]:
        return [remedy.label for remedy in self.remedies]

    @property
    def has_remedy(self) -> bool:
        return bool(self.remedies) or bool(self.remedy.strip())

    def corrected_values(self) -> list[str]:
        """Which of category, summary, quote, provisions and points differ from what was read."""
        names = ("category", "summary", "quote", "provisions", "points")
        if self.read is None:
            return list(names)
        return [name for name in names if getattr(self, name) != getattr(self.read, name)]

    def needed(self) -> list[Needed]:
        """What this ground still needs before the review can be completed (fields its own)."""
        if self.finding is None:
            return [Needed("finding", f"a finding for ground {self.id}")]
        needed = []
        if not self.reasons.strip():
            needed.append(Needed("reasons", f"the reasons for the finding on ground {self.id}"))
        if self.finding in GROUND_FINDINGS_FOR_REQUESTER and not self.has_remedy:
            needed.append(
                Needed(
                    "remedy",
                    f"a remedy for ground {self.id} ({self.finding.label.lower()}: say what "
                    "the authority will now do)",
                )
            )
        return needed

    def missing(self) -> list[str]:
        """What this ground still needs before the review can be completed, in words."""
        return [str(item) for item in self.needed()]


class GroundsRead(_Part):
    """Which text the grounds were read from, so a changed review request can be noticed.

    ``source`` is ``"review_request"`` (the case's review request document) or ``"grounds"``
    (the requester's words typed into the review, when there is no document).  ``digest``
    is the SHA-256 of the text read: the grounds' offsets index that text.
    """

    source: Literal["review_request", "grounds"]
    digest: str
    regime: str | None = None


class PublicInterest(_Part):
    """The public interest test for a qualified provision: both sides, the balance, the result."""

    for_disclosure: str = ""
    for_withholding: str = ""
    balance: str = ""
    favours: PublicInterestFavours | None = None

    @property
    def favours_label(self) -> str:
        return self.favours.label if self.favours else "Not decided"


class ProvisionReview(_Part):
    """The reviewer's finding on one provision (exemption or exception) the response relied on."""

    provision_id: str = Field(min_length=1)
    #: Labels of the request points the provision was applied to.
    points: list[str] = Field(default_factory=list)
    engaged: Engaged | None = None
    #: Answers to the catalogue's reviewer questions, keyed by question id: "yes", "no",
    #: "unsure" or the reviewer's own words.
    answers: dict[str, str] = Field(default_factory=dict)
    #: None where no public interest test applies (absolute exemptions).
    public_interest: PublicInterest | None = None
    finding: ProvisionFinding | None = None
    reasons: str = ""

    @property
    def engaged_label(self) -> str:
        return self.engaged.label if self.engaged else "Not decided"

    @property
    def finding_label(self) -> str:
        return self.finding.label if self.finding else "No finding yet"


class SearchReview(_Part, SearchRecord):
    """One search behind the original response (or one the reviewer found missing).

    The record's own columns come from :class:`workbench.cases.SearchRecord`, so a
    column added to the search record is reviewed without a second edit here.
    """

    added_by_reviewer: bool = False
    adequate: bool | None = None
    further_search_needed: str = ""

    @classmethod
    def from_record(cls, record: Any) -> SearchReview:
        """A search review for a row of the case's search record (a ``SearchRecord``)."""
        return cls(**{name: str(getattr(record, name, "") or "") for name in SEARCH_RECORD_FIELDS})

    @property
    def adequate_label(self) -> str:
        return yes_no_label(self.adequate)


class ProceduralFindings(_Part):
    """How the request was handled, apart from what was decided."""

    timeliness: Timeliness | None = None
    timeliness_notes: str = ""
    #: FOIA s.16 / EIR reg 9.
    advice_and_assistance_adequate: bool | None = None
    advice_and_assistance_notes: str = ""
    #: FOIA s.17 (content of the refusal notice).
    refusal_notice_adequate: bool | None = None
    refusal_notice_notes: str = ""
    notes: str = ""

    @property
    def timeliness_label(self) -> str:
        return self.timeliness.label if self.timeliness else "Not decided"


class CheckDecision(_Part):
    """The reviewer's verdict on one automated check; a dismissal must say why."""

    accepted: bool
    reason: str = ""

    @model_validator(mode="after")
    def _dismissal_needs_reason(self) -> CheckDecision:
        if not self.accepted and not self.reason.strip():
            raise ValueError("dismissing an automated check needs a reason")
        return self


class Correction(_Part):
    """An extracted value the reviewer corrected, kept so the edit shows as theirs."""

    extracted: JsonValue = None
    corrected: JsonValue = None


class OutcomeOverride(_Part):
    """The reviewer's own outcome in place of the derived one, with the reason."""

    outcome: Outcome
    reason: str

    @field_validator("reason")
    @classmethod
    def _reason_given(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("overriding the outcome needs a reason")
        return value


class SignOff(_Part):
    """Who completed the review, when, and the outcome they signed off."""

    name: str = Field(min_length=1)
    date: dt.date
    #: Recorded at sign-off so a completed review's outcome never shifts with later code.
    outcome: Outcome


class _Effect(IntEnum):
    KEPT = 0
    PARTLY = 1
    CHANGED = 2


def _point_effect(point: PointReview) -> _Effect | None:
    if point.finding is None:
        return None
    if point.finding is PointFinding.INCORRECT:
        partial = (
            Remedy.DISCLOSE_IN_PART in point.remedies and Remedy.DISCLOSE not in point.remedies
        )
        return _Effect.PARTLY if partial else _Effect.CHANGED
    if point.finding is PointFinding.PARTLY_CORRECT:
        return _Effect.PARTLY
    return _Effect.PARTLY if SUBSTANTIVE_REMEDIES & set(point.remedies) else _Effect.KEPT


_PROVISION_EFFECT = {
    ProvisionFinding.UPHELD: _Effect.KEPT,
    ProvisionFinding.UPHELD_IN_PART: _Effect.PARTLY,
    ProvisionFinding.NOT_UPHELD: _Effect.CHANGED,
}


def derive_outcome(
    points: Sequence[PointReview], provisions: Sequence[ProvisionReview] = ()
) -> Outcome | None:
    """The outcome the item findings add up to, or None when nothing has been found yet.

    Each finding is read as keeping, partly changing or changing the original decision:

    * a point found **correct** keeps it, unless the reviewer still orders a substantive
      remedy (disclose, disclose in part, new searches, confirm or deny), which partly
      changes it;
    * a point **partly correct** partly changes it;
    * a point **incorrect** changes it, except where the only release ordered is
      *disclose in part*, which partly changes it;
    * a provision **upheld** keeps it, **upheld in part** partly changes it, **not upheld**
      changes it.

    Then: every item kept -> ``maintained``; every item changed -> ``reversed``; anything
    else -> ``partly_changed``.  Items without a finding are left out, so the result is
    provisional until every item has one.  Procedural findings (lateness, s.16, s.17) and
    procedural remedies (apology, advice, a proper refusal notice) never change the
    outcome: the reviewer overrides it, with a reason, where a scheme counts them.
    ``withdrawn`` is never derived; it is always an override.
    """
    effects = [_point_effect(point) for point in points]
    effects += [_PROVISION_EFFECT.get(p.finding) for p in provisions if p.finding]
    found = [effect for effect in effects if effect is not None]
    if not found:
        return None
    if all(effect is _Effect.KEPT for effect in found):
        return Outcome.MAINTAINED
    if all(effect is _Effect.CHANGED for effect in found):
        return Outcome.REVERSED
    return Outcome.PARTLY_CHANGED


class Review(_Part):
    """One version of the internal review of one case.

    Build a first draft with :func:`review_from_case`; change it with
    :meth:`with_value` (validated, returns a new Review) or by assigning fields;
    persist it with :class:`workbench.store.Store`.
    """

    schema_version: int = SCHEMA_VERSION
    case_id: str  # checked by cases.case_id_problem, the one rule for case ids
    version: int = Field(default=1, ge=1)
    status: ReviewStatus = ReviewStatus.DRAFT
    regime: Regime | None = None
    #: The original request's facts, copied from the case folder (or the extraction) when the
    #: draft is made, so the register reports on them without opening 100,000 case folders.
    #: Optional: reviews saved before they existed simply lack them.
    reference: str | None = None
    authority: str | None = None
    #: Who made the request (the letter opens "Dear <requester>").
    requester: str | None = None
    #: The kind of letter under review (response, refusal notice, ...).
    kind: LetterKind | None = None
    date_received: dt.date | None = None
    date_responded: dt.date | None = None
    reviewer: Reviewer = Field(default_factory=Reviewer)
    #: The sign-in name of the team member the review is allocated to ("" when nobody);
    #: a manager allocates it, and in a team only they may edit it (``workbench.roles``).
    allocated_to: str = Field(default="", max_length=200)
    review_requested: dt.date | None = None
    route: Route | None = None
    #: The requester's grounds for asking for a review, in their own words: the review
    #: request's text where there is no document of it (the grounds are then read from this).
    grounds: str = ""
    #: The grounds of the review request one by one, in the order raised: read from the
    #: review request as a proposal, corrected by the reviewer, each with its finding.
    requester_grounds: list[GroundReview] = Field(default_factory=list)
    #: The text the grounds were read from; None while they have not been read.
    grounds_read: GroundsRead | None = None
    #: FOIA only: the s.45 Code allows 40 working days instead of 20 in exceptional cases.
    exceptional: bool = False
    #: The authority never decided the request (no response), so the review makes the first
    #: decision (FOISA s.21(4)(c)).
    no_original_decision: bool = False
    points: list[PointReview] = Field(default_factory=list)
    provisions: list[ProvisionReview] = Field(default_factory=list)
    #: Provision reviews no point relies on any more, kept with their answers so that
    #: relying on the provision again brings them back.
    set_aside: list[ProvisionReview] = Field(default_factory=list)
    searches: list[SearchReview] = Field(default_factory=list)
    #: Passages the first pass read as searches that the reviewer marked "not a search".
    not_searches: list[Evidence] = Field(default_factory=list)
    procedural: ProceduralFindings = Field(default_factory=ProceduralFindings)
    #: Automated check id -> the reviewer's verdict.
    check_decisions: dict[str, CheckDecision] = Field(default_factory=dict)
    #: Extracted field (e.g. "date_received") -> the extracted value and the reviewer's correction.
    corrections: dict[str, Correction] = Field(default_factory=dict)
    #: The reviewer's overall conclusion, in their words (kept verbatim in the letter).
    conclusion: str = ""
    outcome_override: OutcomeOverride | None = None
    change_reasons: list[ChangeReason] = Field(default_factory=list)
    sign_off: SignOff | None = None

    @field_validator("schema_version")
    @classmethod
    def _known_schema(cls, value: int) -> int:
        if value > SCHEMA_VERSION:
            raise ValueError(
                f"this review was saved by a newer workbench (format {value}, this one reads "
                f"up to {SCHEMA_VERSION}); update the workbench"
            )
        return SCHEMA_VERSION  # an older review is read in today's shape (see PointReview)

    @field_validator("case_id")
    @classmethod
    def _plain_case_id(cls, value: str) -> str:
        problem = case_id_problem(value)
        if problem:
            raise ValueError(problem)
        return value

    @field_validator("change_reasons")
    @classmethod
    def _each_reason_once(cls, value: list[ChangeReason]) -> list[ChangeReason]:
        return list(dict.fromkeys(value))

    @model_validator(mode="after")
    def _consistent(self) -> Review:
        labels = [point.label for point in self.points]
        repeated = sorted({label for label in labels if labels.count(label) > 1})
        if repeated:
            raise ValueError(f"point labels must be unique; repeated: {', '.join(repeated)}")
        ids = [ground.id for ground in self.requester_grounds]
        repeated = sorted({gid for gid in ids if ids.count(gid) > 1})
        if repeated:
            raise ValueError(f"ground ids must be unique; repeated: {', '.join(repeated)}")
        for provision in self.provisions:
            unknown = [label for label in provision.points if label not in labels]
            if unknown:
                raise ValueError(
                    f"provision {provision.provision_id} refers to unknown point(s) "
                    f"{', '.join(unknown)}; points are {', '.join(labels) or '(none)'}"
                )
        if self.status is ReviewStatus.COMPLETED and self.sign_off is None:
            raise ValueError("a completed review must have a sign-off")
        return self

    def model_post_init(self, context: Any) -> None:
        if self.status is ReviewStatus.COMPLETED:
            self._lock()

    def _lock(self) -> None:
        for part in _walk_parts(self):
            part._locked = True

    # -- reading ---------------------------------------------------------------------------

    @classmethod
    def from_json(cls, data: Any) -> Review:
        """A review from its JSON form, with one clear :class:`ReviewError` if it is invalid."""
        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            case_id = data.get("case_id") if isinstance(data, dict) else None
            raise ReviewError(
                f"Invalid review{f' for {case_id}' if case_id else ''}: {explain(exc)}",
                case_id=case_id,
            ) from exc

    def to_json(self) -> dict[str, Any]:
        """The review as plain JSON values (what the store saves and export-json writes)."""
        return self.model_dump(mode="json")

    @property
    def is_frozen(self) -> bool:
        return self.status is ReviewStatus.COMPLETED

    @property
    def status_label(self) -> str:
        return self.status.label

    @property
    def route_label(self) -> str:
        return self.route.label if self.route else "Not recorded"

    def point(self, label: str) -> PointReview:
        """The point labelled ``label``."""
        for point in self.points:
            if point.label == label:
                return point
        raise ReviewError(f"No point {label!r} in the review of {self.case_id}", field="points")

    def ground(self, ground_id: str) -> GroundReview:
        """The ground with id ``ground_id`` (``g2``)."""
        for ground in self.requester_grounds:
            if ground.id == ground_id:
                return ground
        raise ReviewError(
            f"No ground {ground_id!r} in the review of {self.case_id}", field="requester_grounds"
        )

    # -- time ------------------------------------------------------------------------------

    def deadline(self) -> Deadline | None:
        """The review's own due date with the working shown, or None before a request date.

        A mixed FOIA/EIR case is counted on FOIA's 20 days, the shorter target.
        """
        if self.review_requested is None:
            return None
        regime = "FOIA" if self.regime in (None, "mixed") else self.regime
        return review_deadline(self.review_requested, regime, exceptional=self.exceptional)

    @property
    def due_date(self) -> dt.date | None:
        deadline = self.deadline()
        return deadline.due if deadline else None

    def is_late(self, today: dt.date | None = None) -> bool:
        """Whether the review missed (or has already missed) its due date.

        A completed review is judged on its sign-off date, an open one on ``today``.
        """
        due = self.due_date
        if due is None:
            return False
        if self.sign_off is not None:
            return self.sign_off.date > due
        return (today or dt.date.today()) > due

    # -- outcome ---------------------------------------------------------------------------

    @property
    def derived_outcome(self) -> Outcome | None:
        """The outcome the findings add up to (see :func:`derive_outcome`)."""
        return derive_outcome(self.points, self.provisions)

    @property
    def working_outcome(self) -> Outcome | None:
        """The outcome sign-off would record: the reviewer's override, else the derived one."""
        if self.outcome_override is not None:
            return self.outcome_override.outcome
        return self.derived_outcome

    @property
    def outcome(self) -> Outcome | None:
        """The outcome signed off, else the working one (:attr:`working_outcome`)."""
        if self.sign_off is not None:
            return self.sign_off.outcome
        return self.working_outcome

    @property
    def outcome_overridden(self) -> bool:
        return self.outcome_override is not None

    def outcome_label(self, scheme: str = DEFAULT_SCHEME) -> str:
        """The outcome in ``scheme``'s words ("Not decided" before there is one)."""
        if self.outcome is None:
            return "Not decided"
        return outcome_label(self.outcome, scheme, no_original_decision=self.no_original_decision)

    def override_outcome(self, outcome: Outcome | str, reason: str) -> None:
        """Replace the derived outcome with the reviewer's own, which must give a reason."""
        if not str(reason or "").strip():
            raise ReviewError(
                "Overriding the outcome needs a reason", case_id=self.case_id, field="outcome"
            )
        try:
            self.outcome_override = OutcomeOverride(outcome=Outcome(outcome), reason=reason)
        except ValueError as exc:
            raise ReviewError(
                f"Unknown outcome {outcome!r}: use {', '.join(Outcome.choices())}",
                case_id=self.case_id,
                field="outcome",
            ) from exc

    def clear_override(self) -> None:
        self.outcome_override = None

    def suggested_change_reasons(self) -> list[ChangeReason]:
        """Change categories the findings point to, for the reviewer to confirm (not applied)."""
        found: list[ChangeReason] = []
        missed = any(s.adequate is False for s in self.searches) or any(
            Remedy.NEW_SEARCHES in p.remedies for p in self.points
        )
        if missed:
            found.append(ChangeReason.SEARCHES_INADEQUATE)
        not_upheld = (ProvisionFinding.NOT_UPHELD, ProvisionFinding.UPHELD_IN_PART)
        for provision in self.provisions:
            if provision.finding not in not_upheld:
                continue
            if provision.engaged is Engaged.NO:
                found.append(ChangeReason.EXEMPTION_WRONGLY_ENGAGED)
            balance = provision.public_interest
            if (
                provision.engaged is Engaged.YES
                and balance is not None
                and balance.favours is PublicInterestFavours.DISCLOSURE
            ):
                found.append(ChangeReason.PUBLIC_INTEREST_WRONGLY_BALANCED)
        redacted = any(
            p.determination is Determination.HELD_PARTLY_DISCLOSED
            and p.finding in (PointFinding.INCORRECT, PointFinding.PARTLY_CORRECT)
            and {Remedy.DISCLOSE, Remedy.DISCLOSE_IN_PART} & set(p.remedies)
            for p in self.points
        )
        if redacted:
            found.append(ChangeReason.EXCESSIVE_REDACTION)
        return list(dict.fromkeys(found))

    # -- the reviewer's other records ------------------------------------------------------

    def decide_check(self, check_id: str, accepted: bool, reason: str = "") -> None:
        """Record that the reviewer accepted or dismissed an automated check."""
        if not accepted and not reason.strip():
            raise ReviewError(
                f"Dismissing check {check_id!r} needs a reason",
                case_id=self.case_id,
                field=f"check_decisions.{check_id}",
            )
        decisions = dict(self.check_decisions)
        decisions[check_id] = CheckDecision(accepted=accepted, reason=reason)
        self.check_decisions = decisions

    def correct(self, field: str, extracted: Any, corrected: Any) -> None:
        """Record the reviewer's correction of an extracted value, so it shows as theirs."""
        corrections = dict(self.corrections)
        corrections[field] = Correction(
            extracted=to_jsonable_python(extracted), corrected=to_jsonable_python(corrected)
        )
        self.corrections = corrections

    def add_search(self, **fields: Any) -> SearchReview:
        """Add a search the case's record lacks (marked as the reviewer's)."""
        search = SearchReview(**fields, added_by_reviewer=True)
        self.searches = [*self.searches, search]
        return search

    # -- field edits -----------------------------------------------------------------------

    def value_at(self, path: PathLike) -> Any:
        """The JSON value at ``path`` (e.g. ``"points.2.finding"``)."""
        node: Any = self.to_json()
        for segment in split_path(path):
            node = _child(node, segment, path)
        return node

    def with_value(self, path: PathLike, value: Any) -> Review:
        """A new, validated review with ``path`` set to ``value``; this one is unchanged.

        Paths are dot-separated field names, list indices and dictionary keys
        (``"points.2.finding"``, ``"check_decisions.s17_named"``); ``-`` as the last
        list index appends.  Editing a draft moves it to in progress.

        :raises ReviewError: for a frozen review, a lifecycle field, an unknown path or a
            value the model refuses (the message names the field).
        """
        segments = split_path(path)
        if self.is_frozen:
            raise ReviewError(
                f"The review of {self.case_id} (version {self.version}) is completed and "
                "frozen; start a new version to change it",
                case_id=self.case_id,
                field=join_path(segments),
            )
        if not segments or segments[0] in LIFECYCLE_FIELDS:
            raise ReviewError(
                f"{join_path(segments) or 'The whole review'} cannot be edited as a field; "
                "use start, complete or new version",
                case_id=self.case_id,
                field=join_path(segments),
            )
        data = self.to_json()
        parent: Any = data
        for segment in segments[:-1]:
            parent = _child(parent, segment, path)
        _assign(parent, segments[-1], to_jsonable_python(value), path)
        if self.status is ReviewStatus.DRAFT:
            data["status"] = ReviewStatus.IN_PROGRESS.value
        try:
            return Review.model_validate(data)
        except ValidationError as exc:
            shown = join_path(segments)
            raise ReviewError(
                f"Cannot set {shown}: {explain(exc).removeprefix(shown + ': ')}",
                case_id=self.case_id,
                field=join_path(segments),
            ) from exc

    # -- lifecycle -------------------------------------------------------------------------

    def start(self) -> None:
        """Move a draft to in progress (editing a field does this too)."""
        if self.status is ReviewStatus.COMPLETED:
            raise ReviewError(
                f"The review of {self.case_id} is completed; start a new version instead",
                case_id=self.case_id,
            )
        self.status = ReviewStatus.IN_PROGRESS

    def needed_for_completion(self, signed_by: str = "") -> list[Needed]:
        """What still has to be done before the review can be signed off by ``signed_by``.

        The one home of the rule: the model's :meth:`complete`, the store's checks and the
        dashboard's list all ask here.
        """
        needed = []
        if not signed_by.strip():
            needed.append(Needed("sign_off", "the name of the reviewer signing it off"))
        needed += [
            Needed(f"points.{i}.finding", f"a finding for point {p.label}")
            for i, p in enumerate(self.points)
            if p.finding is None
        ]
        needed += [
            Needed(f"provisions.{i}.finding", f"a finding for provision {p.provision_id}")
            for i, p in enumerate(self.provisions)
            if p.finding is None
        ]
        needed += self._missing_remedy_dates()
        needed += [
            item.within(f"requester_grounds.{i}")
            for i, ground in enumerate(self.requester_grounds)
            for item in ground.needed()
        ]
        outcome = self.working_outcome
        if outcome is None:
            needed.append(
                Needed(
                    "outcome", "an outcome (record findings or override the outcome with a reason)"
                )
            )
        elif outcome in CHANGED_OUTCOMES and not self.change_reasons:
            needed.append(
                Needed(
                    "change_reasons",
                    f"at least one reason for the change (the outcome is '{outcome.label}')",
                    tuple(ChangeReason.choices()),
                )
            )
        return needed

    def missing_for_completion(self, signed_by: str = "") -> list[str]:
        """What still has to be done before sign-off, in words (:meth:`needed_for_completion`)."""
        return [str(item) for item in self.needed_for_completion(signed_by)]

    def check_completable(self, signed_by: str, *, marked: bool = False) -> None:
        """Refuse sign-off by ``signed_by`` while anything is still needed.

        :param marked: the review already says it is completed (a bulk load).
        :raises ReviewError: listing everything still needed (``needed`` in its context).
        """
        needed = self.needed_for_completion(signed_by)
        if needed:
            raise incomplete(self.case_id, needed, marked=marked)

    def _missing_remedy_dates(self) -> list[Needed]:
        """EIR reg 11(5)(c): remedial action needs the period within which it will be taken.

        Under the EIR a review that finds a failure to comply must state the action the
        authority will take and the period for it, so every remedy other than an apology
        needs a date before the review can be completed.
        """
        if self.regime not in ("EIR", "mixed"):
            return []
        return [
            Needed(
                f"points.{i}.remedy_date",
                f"a date for the remedial action on point {p.label} (EIR reg 11(5)(c) requires "
                "the period within which it will be taken)",
            )
            for i, p in enumerate(self.points)
            if p.remedy_date is None and set(p.remedies) - {Remedy.APOLOGISE_FOR_DELAY}
        ]

    def complete(self, signed_by: str, on: dt.date | None = None) -> None:
        """Sign the review off and freeze it.

        :raises ReviewError: listing everything still missing, or when the review is not
            in progress.
        """
        self._check_completes_from(self.status)
        self.check_completable(signed_by)
        outcome = self.working_outcome
        assert outcome is not None  # check_completable checked it
        self.sign_off = SignOff(name=signed_by.strip(), date=on or dt.date.today(), outcome=outcome)
        self.status = ReviewStatus.COMPLETED
        self._lock()

    def _check_completes_from(self, status: ReviewStatus) -> None:
        """Only a review in progress can be completed (a draft has had no work yet)."""
        if status is not ReviewStatus.IN_PROGRESS:
            raise ReviewError(
                f"Only a review in progress can be completed; the review of {self.case_id} is "
                f"{status.label.lower()}",
                case_id=self.case_id,
                field="status",
            )

    def check_replaces(self, stored: Review) -> None:
        """Refuse to save this review over ``stored`` (the version saved now) if it may not.

        The rules of a review's life, for whatever saves a whole review (the store): it must
        be the same version, the stored one not frozen, the status never goes backwards,
        and completing needs a review in progress with everything sign-off needs.

        :raises ReviewError: saying which rule the change breaks.
        """
        if self.version != stored.version:
            raise ReviewError(
                f"This is version {self.version} of the review of {self.case_id}, but the "
                f"current version is {stored.version}; reload it",
                case_id=self.case_id,
            )
        if stored.is_frozen:
            raise ReviewError(
                f"Version {stored.version} of the review of {stored.case_id} is completed and "
                "frozen; start a new version to change it",
                case_id=stored.case_id,
            )
        order = list(ReviewStatus)
        if order.index(self.status) < order.index(stored.status):
            raise ReviewError(
                f"A review cannot go back from {stored.status.label.lower()} to "
                f"{self.status.label.lower()}",
                case_id=self.case_id,
                field="status",
            )
        if self.status is ReviewStatus.COMPLETED:
            self._check_completes_from(stored.status)
            self.check_completable(self.sign_off.name if self.sign_off else "")

    def new_version(self) -> Review:
        """A new draft version copying this completed one (which stays as it is)."""
        if not self.is_frozen:
            raise ReviewError(
                f"Version {self.version} of the review of {self.case_id} is not completed; "
                "edit it instead of starting a new version",
                case_id=self.case_id,
            )
        data = self.to_json()
        data.update(version=self.version + 1, status=ReviewStatus.DRAFT.value, sign_off=None)
        return Review.model_validate(data)


def split_path(path: PathLike) -> list[str | int]:
    """``"points.2.finding"`` -> ``["points", 2, "finding"]``; sequences pass through."""
    if isinstance(path, str):
        parts: Sequence[str | int] = [p for p in path.split(".")] if path else []
    else:
        parts = list(path)
    return [int(p) if isinstance(p, str) and p.isdigit() else p for p in parts]


def join_path(segments: Sequence[str | int]) -> str:
    return ".".join(str(segment) for segment in segments)


def _child(node: Any, segment: str | int, path: PathLike) -> Any:
    shown = path if isinstance(path, str) else join_path(list(path))
    if isinstance(node, list) and isinstance(segment, int):
        if 0 <= segment < len(node):
            return node[segment]
        raise ReviewError(
            f"No item {segment} in {shown!r}: there are {len(node)} (numbered from 0)", field=shown
        )
    if isinstance(node, dict) and str(segment) in node:
        return node[str(segment)]
    raise ReviewError(f"The review has no field {shown!r}", field=shown)


def _assign(parent: Any, segment: str | int, value: Any, path: PathLike) -> None:
    shown = path if isinstance(path, str) else join_path(list(path))
    if isinstance(parent, list):
        if segment == "-":
            parent.append(value)
        elif isinstance(segment, int) and 0 <= segment < len(parent):
            parent[segment] = value
        else:
            raise ReviewError(
                f"No item {segment} in {shown!r}: there are {len(parent)} (use '-' to add one)",
                field=shown,
            )
    elif isinstance(parent, dict):
        parent[str(segment)] = value
    else:
        raise ReviewError(f"The review has no field {shown!r}", field=shown)


def explain(exc: ValidationError) -> str:
    """One readable line per problem pydantic found ("points.1.finding: Input should be ...")."""
    lines = []
    for error in exc.errors():
        where = join_path([p for p in error["loc"] if isinstance(p, str | int)])
        message = error["msg"].removeprefix("Value error, ")
        lines.append(f"{where}: {message}" if where else message)
    return "; ".join(lines)


class _CaseLike(Protocol):
    """What :func:`review_from_case` needs of a :class:`workbench.cases.Case`."""

    @property
    def id(self) -> str: ...

    @property
    def meta(self) -> Any: ...

    def searches(self) -> list[Any]: ...


def review_from_case(
    case: _CaseLike,
    extraction: Extraction | None = None,
    *,
    reviewer: str = "",
    role: str = "",
) -> Review:
    """A first draft review of ``case``: its points, provisions and searches, nothing decided.

    Points and provisions come from the extraction (the automated first pass) when one is
    given; the searches from the case's search record.  The request's reference, authority
    and dates come from ``case.json`` (what a person confirmed), the extraction filling gaps.
    Findings are left empty so the reviewer makes a fresh decision rather than confirming a
    guess.
    """
    meta = case.meta
    points = []
    provision_ids: list[str] = []
    if extraction is not None:
        for point in extraction.points:
            points.append(
                PointReview(
                    label=point.label,
                    request_text=point.text,
                    original_determination=point.determination,
                    provisions=list(point.provisions),
                    read=PointReading(
                        label=point.label,
                        text=point.text,
                        determination=point.determination,
                        provisions=list(dict.fromkeys(point.provisions)),
                    ),
                    evidence=list(point.evidence),
                )
            )
            provision_ids += point.provisions
        provision_ids += extraction.provisions_cited
    provisions = [
        ProvisionReview(provision_id=pid, points=[p.label for p in points if pid in p.provisions])
        for pid in dict.fromkeys(provision_ids)
    ]
    kind = getattr(extraction, "kind", None) if extraction is not None else None
    return Review(
        case_id=case.id,
        regime=getattr(meta, "regime", None) or (extraction.regime if extraction else None),
        reference=getattr(meta, "reference", None)
        or (extraction.reference if extraction else None),
        authority=getattr(meta, "authority", None),
        requester=getattr(meta, "requester", None)
        or (getattr(extraction, "requester", None) if extraction else None),
        kind=kind if kind in LetterKind.choices() else None,
        date_received=getattr(meta, "date_received", None)
        or (extraction.date_received if extraction else None),
        date_responded=getattr(meta, "date_responded", None)
        or (extraction.date_of_response if extraction else None),
        reviewer=Reviewer(name=reviewer, role=role),
        review_requested=getattr(meta, "date_review_requested", None),
        points=points,
        provisions=provisions,
        searches=[SearchReview.from_record(record) for record in case.searches()],
    )

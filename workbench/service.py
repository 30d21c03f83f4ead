"""The review of one case as the dashboard works on it: read, edit, decide, export.

Why a layer between the widgets and the store: a page should only say *what* the
reviewer did ("point 2 is incorrect"), never how it is kept.  A
:class:`ReviewSession` holds the case, the saved review and the store's
optimistic-lock token, and turns each action into one store transaction, so
every change is validated by the model, audited, and refused (never silently
overwritten) when someone else saved first.  It has no widgets, so it is tested
on its own, and every mistake a reviewer can make comes back as a
:class:`~workbench.errors.WorkbenchError` whose message the page shows as it is.

When someone else saved first, the session merges field by field
(:mod:`workbench.merge`): a change to a field they did not touch is applied again on
their version and saved; the same field changed by both raises
:class:`~workbench.errors.EditConflict` with both values, for the page to show.
The rules for correcting the reading itself (points, determinations, provisions,
searches, facts) are in :mod:`workbench.reading`, and those for the requester's grounds
(read from the review request, corrected, each given a finding) in
:mod:`workbench.review_grounds`; each is one method here, so the dashboard and the
``workbench review`` commands share them.

Usage::

    session = ReviewSession.open("IC-266000-V6Y0", who="A. Reviewer")
    session.edit("points.1.finding", "incorrect")
    session.split_point("3", ["3a", "3b"])               # the reading: workbench.reading
    session.set_ground_finding("g2", "upheld", reasons="...", remedies="disclose")
    session.set_fact("requester", "Ms L. Bamford")      # marked as the reviewer's
    session.decide_check(finding_id, accepted=False, reason="The searches are in annex A")
    paths = session.export(["docx", "xlsx"])
    links = [session.download_url(path) for path in paths]  # given download_url= at open

The session never imports the server that shows it (:mod:`workbench.serve`): the
dashboard hands in the function that turns an exported file into its download link.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from . import reading, review_grounds, roles, settings
from .cases import CASE_FILE, Case, case_path, load_case
from .catalogue import Catalogue, load_catalogue
from .checks.base import Finding
from .deadlines import Deadline
from .errors import (
    ConflictError,
    EditConflict,
    ExportError,
    InvalidCaseId,
    ReviewError,
    StoreError,
    WorkbenchError,
)
from .export.facts import CaseFacts, case_facts
from .ground_links import GroundLinks, Proposal, links_for, proposal_for
from .merge import field_conflicts, retarget
from .outcomes import Outcome
from .parsing.model import Determination, Evidence, Extraction
from .reading import FACT_FIELDS, REGIMES, FactField, fact_field
from .review import (
    CheckDecision,
    GroundFinding,
    GroundReview,
    PathLike,
    PointReview,
    Remedy,
    Review,
    ReviewStatus,
    Route,
    explain,
    join_path,
    review_from_case,
    split_path,
)
from .review_grounds import RequestText, with_grounds_read
from .roles import signed_in_user
from .store import Place, ReviewNotFound, ReviewSummary, Store, diff_json
from .uploads import Upload, attach_uploaded_review_request

log = logging.getLogger(__name__)


#: How many times a change is merged onto someone else's newer version before giving up.
MERGE_ATTEMPTS = 3

__all__ = ["FACT_FIELDS", "REGIMES", "Fact", "FactField", "ReviewSession", "saved_place"]


@dataclass(frozen=True)
class Fact:
    """A fact as the reviewer sees it: the value in force, what was read, and the evidence."""

    field: FactField
    #: What the case record (else the first pass) says, before any correction.
    extracted: Any
    #: The value in force: the reviewer's correction where there is one.
    value: Any
    corrected: bool
    evidence: Evidence | None
    #: How sure the first pass is of what it read (0 to 1); None when a person set the value
    #: (the case record or the reviewer's correction).
    confidence: float | None = None

    @property
    def name(self) -> str:
        return self.field.name

    @property
    def label(self) -> str:
        return self.field.label


class ReviewSession:
    """One reviewer's work on one case's review, saved through the store as it happens.

    Construct with :meth:`open`.  ``review`` is always the version last saved (or
    reloaded), and ``token`` the store's row version the next write quotes.
    """

    def __init__(
        self,
        case: Case,
        review: Review,
        token: int,
        store: Store,
        *,
        who: str | None = None,
        owns_store: bool = False,
        download_url: Callable[[Path], str] | None = None,
    ) -> None:
        self._case = case
        self._review = review
        self.token = token
        self.store = store
        self._who = who.strip() if who and who.strip() else None
        self._owns_store = owns_store
        self._extraction: Extraction | None = None
        self._checks: tuple[str, list[Finding]] | None = None
        #: Set when the first pass failed on this letter (the page says so).
        self.extraction_problem: str | None = None
        #: The case's review request document (its file name and text), read once.
        self._request_document: tuple[str | None, str | None] | None = None
        #: Set when the case's review request cannot be read (the Grounds tab says so).
        self.grounds_problem: str | None = None
        self._permissions: roles.Permissions | None = None
        self._download_url = download_url

    # -- opening -----------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        case_id: str,
        who: str | None = None,
        *,
        store: Store | None = None,
        case: Case | None = None,
        create: bool = True,
        download_url: Callable[[Path], str] | None = None,
    ) -> ReviewSession:
        """Open the saved review of ``case_id``, or start its first draft from the letter.

        :param who: the name the audit records; default the review's reviewer, else
            ``"reviewer"``.
        :param store: default a :class:`Store` at the setting, closed by :meth:`close`.
        :param case: the case already loaded (default: loaded from the cases folder).
        :param create: start a draft when there is no review (else :class:`ReviewNotFound`).
        :param download_url: the link that downloads an exported file, from the server
            showing the session (the dashboard passes ``workbench.serve.download_url``).
        :raises CaseError: the case cannot be found or read.
        :raises StoreError: the store cannot be read or written.
        """
        case = case if case is not None else load_case(case_id)
        owns = store is None
        store = store if store is not None else Store()
        try:
            session = cls(
                case,
                Review(case_id=case.id),
                0,
                store,
                who=who,
                owns_store=owns,
                download_url=download_url,
            )
            session._load_or_start(create)
        except BaseException:
            if owns:
                store.close()
            raise
        return session

    @staticmethod
    def start(
        case: Case,
        who: str,
        *,
        store: Store,
        extraction: Extraction | str | None = "letter",
        reviewer: str = "",
        role: str = "",
        requested: dt.date | None = None,
        route: Route | None = None,
        grounds: str = "",
        exceptional: bool = False,
    ) -> Review:
        """Start the first draft review of ``case`` and save it; returns the draft.

        :param extraction: ``"letter"`` (default) reads the letter now, so the draft holds
            the points, determinations and provisions read from it, for the reviewer to
            confirm or correct; an :class:`Extraction` uses that reading; None starts
            with no points at all.
        :raises StoreError: the case already has a review.
        """
        if extraction == "letter":
            try:
                extraction = case.first_pass()
            except WorkbenchError:
                raise
            except Exception as exc:  # noqa: BLE001 - said in one line, and logged
                log.exception("extraction failed for case %s", case.id)
                raise ReviewError(
                    f"The letter of {case.id} could not be read automatically "
                    f"({type(exc).__name__}); start with --no-extraction and add the points",
                    case_id=case.id,
                ) from exc
        reading_ = extraction if isinstance(extraction, Extraction) else None
        draft = review_from_case(case, reading_, reviewer=reviewer, role=role)
        if requested is not None:
            draft.review_requested = requested
        draft.route = route
        draft.grounds = grounds
        draft.exceptional = exceptional
        draft = with_grounds_read(case, draft)
        store.create(draft, who)
        return draft

    def _load_or_start(self, create: bool = True) -> None:
        try:
            self._review, self.token = self.store.open_review(self.case.id)
            return
        except ReviewNotFound:
            if not create:
                raise
        draft = with_grounds_read(self.case, review_from_case(self.case, self.extraction))
        if not draft.reviewer.name and roles.Role.REVIEWER in self.permissions.roles:
            draft.reviewer.name = signed_in_user() or ""  # the letter's name, pre-filled
        try:
            self.token = self.store.create(draft, self.who)
            self._review = draft
        except StoreError:
            if not self.store.exists(self.case.id):
                raise
            # Someone else started it between our read and our write: use theirs.
            self._review, self.token = self.store.open_review(self.case.id)

    def close(self) -> None:
        """Release the store, when this session opened it."""
        if self._owns_store:
            self.store.close()

    def __enter__(self) -> ReviewSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- what the pages read ---------------------------------------------------------------

    @property
    def case(self) -> Case:
        return self._case

    @property
    def case_id(self) -> str:
        return self._case.id

    @property
    def review(self) -> Review:
        """The review as last saved or reloaded (never an unsaved copy)."""
        return self._review

    @property
    def who(self) -> str:
        """The name the audit records for this session's changes.

        Signed in through JupyterHub, that is the signed-in name, whatever was typed or
        given (:func:`workbench.roles.signed_in_user`); otherwise the name given, else the
        review's reviewer, else the person running the workbench (``WORKBENCH_USER``, else
        the login name: :func:`workbench.settings.user`), so even the first rows of the
        audit trail, made before anyone typed a name, name a real person.
        """
        return (
            signed_in_user() or self._who or self._review.reviewer.name.strip() or settings.user()
        )

    @property
    def extraction(self) -> Extraction:
        """The first pass over the case's letter, read once per session.

        A letter the extractor cannot follow gives an empty extraction and sets
        :attr:`extraction_problem`, so the reviewer can still record everything by hand.
        """
        if self._extraction is None:
            try:
                self._extraction = self.case.first_pass()
            except WorkbenchError:
                raise
            except Exception as exc:  # noqa: BLE001 - reported in the page, and logged
                log.exception("extraction failed for case %s", self.case_id)
                self.extraction_problem = (
                    f"The letter could not be read automatically ({type(exc).__name__}); "
                    "record the facts and points by hand."
                )
                self._extraction = Extraction()
        return self._extraction

    def reading(self) -> Extraction:
        """The corrected reading: the first pass with the reviewer's corrections applied.

        What the checks and the exports read (:func:`workbench.reading.corrected_reading`).
        """
        return reading.corrected_reading(self.review, self.extraction)

    @property
    def catalogue(self) -> Catalogue:
        return load_catalogue()

    def checks(self) -> list[Finding]:
        """The automated checks' findings on the corrected reading, most serious first.

        Run again only when the reading changes (a point split, a determination set), so
        a point given a determination no longer "has no answer".
        """
        from .checks.runner import run_case_checks

        corrected = self.reading()
        grounds = [(g.id, g.finding) for g in self.review.requester_grounds]
        key = corrected.model_dump_json() + repr(grounds)
        if self._checks is None or self._checks[0] != key:
            self._checks = (key, run_case_checks(self.case, self.extraction, review=self.review))
        return self._checks[1]

    def facts(self) -> CaseFacts:
        """Reference, regime and dates as the letter and spreadsheet will state them."""
        return case_facts(self.review, self.case, self.extraction)

    def response_deadline(self) -> Deadline | None:
        """The original response's statutory deadline, worked out step by step.

        None when the received or response date is not known (or the response is dated
        before the request), which the page explains rather than guessing.
        """
        return self.facts().deadline

    def fact(self, name: str) -> Fact:
        """One fact of the case with its evidence, as read and as the reviewer corrected it."""
        field = fact_field(name)
        extracted = self.read_value(name)
        correction = self.review.corrections.get(name)
        own = getattr(self.review, field.review_field) if field.review_field else None
        if own is not None:
            value = own
        elif correction is not None:
            value = _typed(field, correction.corrected)
        else:
            value = extracted
        corrected = correction is not None or (own is not None and not _same(own, extracted))
        evidence = self.extraction.field_evidence.get(name)
        from_record = (
            field.meta_field is not None
            and getattr(self.case.meta, field.meta_field, None) is not None
        )
        read = None if corrected or from_record else self.extraction.confidence.get(name)
        return Fact(field, extracted, value, corrected, evidence, read)

    def all_facts(self) -> list[Fact]:
        return [self.fact(field.name) for field in FACT_FIELDS]

    def read_value(self, name: str) -> Any:
        """A fact as read: from the case record where it has it, else from the letter."""
        field = fact_field(name)
        if field.meta_field is not None:
            value = getattr(self.case.meta, field.meta_field, None)
            if value is not None:
                return value
        return getattr(self.extraction, field.name, None)

    def point_evidence(self, label: str) -> list[Evidence]:
        """The sentences of the letter behind the reading of point ``label``."""
        for point in self.reading().points:
            if point.label == label:
                return list(point.evidence)
        return []

    def point_confidence(self, label: str) -> float | None:
        """How sure the first pass is of its reading of point ``label``; None once the
        reviewer has corrected the reading (or the first pass never read that point)."""
        for point in self.review.points:
            if point.label == label and point.determination_corrected:
                return None
        for point in self.extraction.points:
            if point.label == label:
                return point.confidence
        return None

    def check_decision(self, check_id: str) -> CheckDecision | None:
        """The reviewer's decision on a check (``accepted``, ``reason``), or None."""
        return self.review.check_decisions.get(check_id)

    # -- changing the review ---------------------------------------------------------------

    def edit(self, field_path: PathLike, value: Any) -> Review:
        """Set one field of the review (``"points.1.finding"``), saved and audited at once.

        :raises ReviewError: the value is not allowed there (the message names the field).
        :raises EditConflict: someone else changed the same field since this session read
            it; the session has their version, and nothing of this edit was written.
        :raises PermissionDenied: the signed-in user's role does not let them edit it.
        """
        return self.edit_many([(field_path, value)], action="edit")

    def edit_many(self, changes: Sequence[tuple[PathLike, Any]], action: str = "save") -> Review:
        """Set several fields in one transaction (all saved, or none)."""
        base = self.review

        def apply(review: Review) -> Review:
            for path, value in changes:
                review = review.with_value(self._same_field(path, base, review), value)
            return review

        return self._apply(apply, action=action)

    def reload(self) -> Review:
        """Read the review again from the store (someone else may have changed it)."""
        self._review, self.token = self.store.open_review(self.case_id)
        return self._review

    def set_fact(self, name: str, value: Any) -> Review:
        """Correct a fact of the case (``"requester"``, ``"date_received"``, ``"kind"`` ...).

        Dates may be given as ``YYYY-MM-DD`` text.  Setting a fact back to what was read,
        or clearing it, removes the correction (the letter then states what was read).

        :raises DateError: a date that cannot be read.
        :raises ReviewError: an unknown fact or a value it cannot take.
        """
        read = self.read_value(name)
        return self._apply(lambda r: reading.set_fact(r, name, value, read), action="set_fact")

    def correct(self, field: str, value: Any) -> Review:
        """The older name of :meth:`set_fact` (a fact the first pass read, corrected)."""
        return self.set_fact(field, value)

    # -- the reading: points -----------------------------------------------------------------

    def add_point(
        self,
        label: str,
        text: str = "",
        determination: Determination | str | None = None,
        provisions: str | Sequence[str] = (),
        *,
        after: str | None = None,
    ) -> Review:
        """Add a point the first pass missed (see :func:`workbench.reading.add_point`)."""

        def change(review: Review) -> Review:
            return reading.add_point(review, label, text, determination, provisions, after=after)

        return self._restructure("add_point", change, _added)

    def delete_point(self, label: str) -> Review:
        """Delete a point (kept, with all said about it, in the audit trail)."""
        base = self.review
        return self._restructure(
            "delete_point", lambda review: self._delete(review, base, label), _deleted
        )

    def relabel_point(self, label: str, new_label: str) -> Review:
        return self._restructure(
            "relabel_point", lambda r: reading.relabel_point(r, label, new_label), _relabelled
        )

    def split_point(
        self, label: str, into: str | Sequence[str], texts: Sequence[str] | None = None
    ) -> Review:
        return self._restructure(
            "split_point", lambda r: reading.split_point(r, label, into, texts), _split
        )

    def merge_points(self, first: str, second: str, label: str | None = None) -> Review:
        return self._restructure(
            "merge_points", lambda r: reading.merge_points(r, first, second, label), _merged
        )

    def move_point(self, label: str, to: int) -> Review:
        return self._restructure(
            "move_point", lambda r: reading.move_point(r, label, to), _reordered
        )

    def set_point_text(self, label: str, text: str, *, source: Evidence | None = None) -> Review:
        return self._apply(
            lambda r: reading.set_point_text(r, label, text, source=source),
            action="set_point_text",
        )

    def set_point_answer(self, label: str, passages: Sequence[Evidence]) -> Review:
        """Where the letter answers point ``label`` (the passages the reviewer selected)."""
        return self._apply(
            lambda r: reading.set_point_answer(r, label, passages), action="set_answer"
        )

    def set_point_determination(self, label: str, determination: Determination | str | None):
        return self._apply(
            lambda r: reading.set_point_determination(r, label, determination),
            action="set_determination",
        )

    def set_point_provisions(self, label: str, provisions: str | Sequence[str]) -> Review:
        return self._apply(
            lambda r: reading.set_point_provisions(r, label, provisions),
            action="set_provisions",
        )

    def set_point(
        self,
        label: str,
        *,
        new_label: str | None = None,
        text: str | None = None,
        determination: Determination | str | None = None,
        provisions: str | Sequence[str] | None = None,
    ) -> Review:
        """Change several things about one point at once (one transaction)."""

        def change(review: Review) -> Review:
            current = label
            if text is not None:
                review = reading.set_point_text(review, current, text)
            if determination is not None:
                review = reading.set_point_determination(review, current, determination)
            if provisions is not None:
                review = reading.set_point_provisions(review, current, provisions)
            if new_label is not None and new_label != current:
                review = reading.relabel_point(review, current, new_label)
            return review

        return self._apply(change, action="set_point")

    def set_aside_provision(self, provision_id: str) -> Review:
        """Set aside a provision no point relies on (its answers come back if re-added)."""
        return self._apply(
            lambda r: reading.set_aside_provision(r, provision_id), action="set_aside"
        )

    # -- the requester's grounds (workbench.review_grounds) ---------------------------------

    def review_request(self) -> RequestText | None:
        """The review request the grounds are read from: the case's document, else the
        requester's words typed into the review; None when there is neither.

        A document that cannot be read counts as none and sets :attr:`grounds_problem`.
        """
        name = self.case.meta.documents.review_request
        if self._request_document is None or self._request_document[0] != name:
            try:
                text = review_grounds.read_review_request(self.case)
                self.grounds_problem = None
            except WorkbenchError as exc:
                text = None
                self.grounds_problem = f"The review request cannot be read: {exc}"
            self._request_document = (name, text)
        return review_grounds.review_request_text(self._request_document[1], self.review)

    def propose_grounds_if_due(self) -> bool:
        """Read the review request's grounds into a review that has none yet, as a proposal.

        Done when a case is opened: a review started before its review request was filed,
        or saved by a workbench that did not read grounds, gets them.  Never over grounds
        the review has, never twice from the same text, never into a completed review.
        Returns whether grounds were read.
        """
        request = self.review_request()
        if not review_grounds.grounds_due(self.review, request):
            return False
        if self.refusal(roles.Action.EDIT) is not None:
            return False  # someone who may only look at the review leaves it as it is
        assert request is not None

        def change(review: Review) -> Review:
            if not review_grounds.grounds_due(review, request):
                return review  # someone else read them, or added grounds, meanwhile
            return review_grounds.read_grounds(review, request)

        self._apply(change, action="read_grounds", structural=True, starts=False)
        return True

    def read_grounds(self, replace: bool = False) -> Review:
        """Read the grounds of the review request into the review (a proposal to check).

        :param replace: replace the grounds the review has (the audit trail keeps them).
        :raises ReviewError: there is no review request, or the review has grounds already.
        """
        request = self.review_request()
        if request is None:
            raise ReviewError(
                self.grounds_problem
                or f"Case {self.case_id} has no review request to read the grounds from: add "
                "one (a file, or the email pasted in)",
                case_id=self.case_id,
                field="requester_grounds",
            )
        return self._apply(
            lambda r: review_grounds.read_grounds(r, request, replace=replace),
            action="read_grounds",
        )

    def attach_review_request(self, upload: Upload, *, replace: bool = False) -> Case:
        """Add the requester's review request to the case (a file uploaded, or an email
        pasted in: :func:`workbench.uploads.pasted_upload`), then read its grounds into the
        review if it has none yet.

        :raises DocumentError: the file is refused (name, size, type, unreadable, empty).
        :raises CaseError: the case has one already and ``replace`` was not given.
        """
        self._require(roles.Action.EDIT)
        if self.review.is_frozen:
            raise ReviewError(
                f"The review of {self.case_id} is completed; start a new version before "
                "adding a review request",
                case_id=self.case_id,
            )
        self._case = attach_uploaded_review_request(self.case, upload, replace=replace)
        self._request_document = None
        self.propose_grounds_if_due()
        return self._case

    def ground_links(self, ground_id: str) -> GroundLinks:
        """The points, provisions, searches and handling findings a ground is about."""
        return links_for(self.review, self.review.ground(ground_id))

    def ground_proposal(self, ground_id: str) -> Proposal | None:
        """The finding the reviewer's other findings propose for a ground (never applied)."""
        return proposal_for(self.review, self.review.ground(ground_id))

    def add_ground(
        self,
        category: str,
        summary: str = "",
        *,
        quote: Evidence | None = None,
        points: str | Sequence[str] = (),
        provisions: str | Sequence[str] = (),
        ground_id: str | None = None,
        after: str | None = None,
    ) -> Review:
        """Add a ground the reader missed (see :func:`workbench.review_grounds.add_ground`)."""

        def change(review: Review) -> Review:
            return review_grounds.add_ground(
                review,
                category,
                summary,
                quote=quote,
                points=points,
                provisions=provisions,
                ground_id=ground_id,
                after=after,
            )

        return self._restructure("add_ground", change, _item_added(_GROUNDS), _GROUNDS)

    def add_ground_from_words(self, quote: Evidence, category: str | None = None) -> Review:
        """A ground for words selected in the review request, read by the reader as a
        proposal (see :func:`workbench.review_grounds.add_ground_from_words`)."""
        return self._restructure(
            "add_ground",
            lambda r: review_grounds.add_ground_from_words(r, quote, category),
            _item_added(_GROUNDS),
            _GROUNDS,
        )

    def delete_ground(self, ground_id: str) -> Review:
        """Delete a ground (kept, with its finding, in the audit trail)."""
        base = self.review

        def change(review: Review) -> Review:
            self._refuse_changed_since(base, review, _GROUNDS, ground_id)
            return review_grounds.delete_ground(review, ground_id)

        return self._restructure("delete_ground", change, _item_deleted(_GROUNDS), _GROUNDS)

    def split_ground(
        self,
        ground_id: str,
        into: str | Sequence[str] | None = None,
        quotes: Sequence[Evidence | None] | None = None,
    ) -> Review:
        return self._restructure(
            "split_ground",
            lambda r: review_grounds.split_ground(r, ground_id, into, quotes),
            _item_split(_GROUNDS),
            _GROUNDS,
        )

    def merge_grounds(self, first: str, second: str, new_id: str | None = None) -> Review:
        request = self.review_request()
        text = request.text if request is not None else None
        return self._restructure(
            "merge_grounds",
            lambda r: review_grounds.merge_grounds(r, first, second, new_id, text=text),
            _item_merged(_GROUNDS),
            _GROUNDS,
        )

    def move_ground(self, ground_id: str, to: int) -> Review:
        return self._restructure(
            "move_ground",
            lambda r: review_grounds.move_ground(r, ground_id, to),
            _item_reordered(_GROUNDS),
            _GROUNDS,
        )

    def set_ground_summary(self, ground_id: str, summary: str) -> Review:
        return self._apply(
            lambda r: review_grounds.set_ground_summary(r, ground_id, summary),
            action="set_ground_summary",
        )

    def set_ground_category(self, ground_id: str, category: str) -> Review:
        return self._apply(
            lambda r: review_grounds.set_ground_category(r, ground_id, category),
            action="set_ground_category",
        )

    def set_ground_points(self, ground_id: str, points: str | Sequence[str]) -> Review:
        return self._apply(
            lambda r: review_grounds.set_ground_points(r, ground_id, points),
            action="set_ground_points",
        )

    def set_ground_provisions(self, ground_id: str, provisions: str | Sequence[str]) -> Review:
        return self._apply(
            lambda r: review_grounds.set_ground_provisions(r, ground_id, provisions),
            action="set_ground_provisions",
        )

    def set_ground_quote(self, ground_id: str, quote: Evidence | None) -> Review:
        """The requester's words for a ground, as selected in the review request."""
        return self._apply(
            lambda r: review_grounds.set_ground_quote(r, ground_id, quote),
            action="set_ground_quote",
        )

    def set_ground(
        self,
        ground_id: str,
        *,
        category: str | None = None,
        summary: str | None = None,
        points: str | Sequence[str] | None = None,
        provisions: str | Sequence[str] | None = None,
    ) -> Review:
        """Correct several things about one ground at once (one transaction)."""

        def change(review: Review) -> Review:
            if category is not None:
                review = review_grounds.set_ground_category(review, ground_id, category)
            if summary is not None:
                review = review_grounds.set_ground_summary(review, ground_id, summary)
            if points is not None:
                review = review_grounds.set_ground_points(review, ground_id, points)
            if provisions is not None:
                review = review_grounds.set_ground_provisions(review, ground_id, provisions)
            return review

        return self._apply(change, action="set_ground")

    def set_ground_finding(
        self,
        ground_id: str,
        finding: GroundFinding | str | None = review_grounds._KEEP,
        *,
        reasons: str | None = None,
        remedies: str | Sequence[Remedy | str] | None = None,
        remedy: str | None = None,
    ) -> Review:
        """The finding on a ground, its reasons and the remedy (only what is given changes)."""
        return self._apply(
            lambda r: review_grounds.set_ground_finding(
                r, ground_id, finding, reasons=reasons, remedies=remedies, remedy=remedy
            ),
            action="set_ground_finding",
        )

    def accept_ground_proposal(self, ground_id: str) -> Review:
        """Record the finding the reviewer's other findings propose for a ground."""
        return self._apply(
            lambda r: review_grounds.accept_proposal(r, ground_id),
            action="accept_ground_proposal",
        )

    # -- the reading: searches ---------------------------------------------------------------

    def add_search(self, **fields: Any) -> Review:
        """Add a search the case's record lacks (marked as added by the reviewer)."""

        def apply(review: Review) -> Review:
            try:
                review.add_search(**fields)
            except ValidationError as exc:
                raise ReviewError(
                    f"Cannot add the search: {explain(exc)}",
                    case_id=review.case_id,
                    field="searches",
                ) from exc
            return review

        return self._apply(apply, action="add_search")

    def edit_search(self, index: int, **fields: str) -> Review:
        """Change columns of search row ``index`` (from 0)."""
        return self._apply(lambda r: reading.edit_search(r, index, **fields), action="edit_search")

    def delete_search(self, index: int) -> Review:
        """Delete search row ``index`` (the audit trail keeps it)."""
        return self._apply(lambda r: reading.delete_search(r, index), action="delete_search")

    def mark_not_a_search(self, passage: Evidence, not_a_search: bool = True) -> Review:
        """Mark a passage read as a search "not a search" (or undo that)."""
        return self._apply(
            lambda r: reading.mark_not_a_search(r, passage, not_a_search), action="not_a_search"
        )

    # -- the reviewer's other records --------------------------------------------------------

    def decide_check(self, check_id: str, accepted: bool, reason: str = "") -> Review:
        """Accept or dismiss an automated check; a dismissal needs a reason."""

        def apply(review: Review) -> Review:
            review.decide_check(check_id, accepted, reason or "")
            return review

        return self._apply(apply, action="decide_check")

    def override_outcome(self, outcome: Outcome | str, reason: str) -> Review:
        """Replace the derived outcome with the reviewer's own; the reason is required."""

        def apply(review: Review) -> Review:
            review.override_outcome(outcome, reason)
            return review

        return self._apply(apply)

    def clear_override(self) -> Review:
        """Go back to the outcome the findings add up to."""

        def apply(review: Review) -> Review:
            review.clear_override()
            return review

        return self._apply(apply)

    def complete(self, signed_by: str, on: dt.date | None = None) -> Review:
        """Sign the review off and freeze it.

        Refused (never merged) when someone else saved since: a sign-off must be of the
        version the reviewer has seen.

        :raises ReviewError: listing everything still missing.
        :raises PermissionDenied: the signed-in user may not sign it off (a manager does; with
            a second signature required, never the person it is allocated to).
        """
        self._require(roles.Action.SIGN_OFF)
        with self._conflicts_reload():
            self._review, self.token = self.store.complete(
                self.case_id, signed_by, self.who, self.token, on=on
            )
        return self._review

    def new_version(self) -> Review:
        """Start a new draft version from the completed one (which stays as signed off)."""
        self._require(roles.Action.REOPEN)
        with self._conflicts_reload():
            self._review, self.token = self.store.new_version(self.case_id, self.who, self.token)
        return self._review

    # -- saving, merging ---------------------------------------------------------------------

    def _apply(
        self,
        change: Callable[[Review], Review],
        *,
        action: str = "save",
        audit: Callable[[Review, Review], tuple[str, Any, Any]] | None = None,
        structural: bool = False,
        items: _Items | None = None,
        starts: bool = True,
    ) -> Review:
        """Save ``change`` applied to a copy of the review, in one audited transaction.

        When someone else saved first, ``change`` is applied again to their version,
        unless (for a field edit) they changed one of the same fields differently, which
        raises :class:`EditConflict`.  A structural change (split, merge, ...) names its
        points (or grounds) by label, so it is simply made again on their version.

        :param audit: for a structural change, the one audit row describing it, given the
            review before and after; fields outside ``items`` (default the points) are
            audited one by one.
        :param starts: whether the change moves a draft to in progress (the reviewer's work
            does; the workbench reading the grounds when a case is opened does not).
        """
        self._require(roles.Action.EDIT)
        if self.review.is_frozen:
            raise ReviewError(
                f"The review of {self.case_id} (version {self.review.version}) is completed "
                "and frozen; start a new version to change it",
                case_id=self.case_id,
            )
        describe = _describer(audit, items or _POINTS) if audit is not None else None
        for attempt in range(MERGE_ATTEMPTS + 1):
            base = self.review
            updated = change(Review.from_json(base.to_json()))
            if updated.to_json() == base.to_json():
                return self._review  # nothing to save (someone else had already done it)
            if starts and updated.status is ReviewStatus.DRAFT:
                updated.start()
            try:
                self.token = self.store.save(
                    updated, self.who, self.token, action=action, audit=describe
                )
                self._review = updated
                return self._review
            except ConflictError as refused:
                theirs, token = self.store.open_review(self.case_id)
                self._review, self.token = theirs, token
                if attempt == MERGE_ATTEMPTS:
                    raise
                if not structural:
                    self._refuse_clashes(base, updated, theirs, refused)
        raise AssertionError("unreachable")  # pragma: no cover

    def _restructure(
        self,
        action: str,
        change: Callable[[Review], Review],
        audit: Callable[[Review, Review], tuple[str, Any, Any]],
        items: _Items | None = None,
    ) -> Review:
        return self._apply(change, action=action, audit=audit, structural=True, items=items)

    def _refuse_clashes(
        self, base: Review, mine: Review, theirs: Review, refused: ConflictError
    ) -> None:
        """Raise EditConflict when they changed a field this change also changes."""
        clashes = field_conflicts(base, mine, theirs)
        if not clashes:
            return
        first = clashes[0]
        who = refused.context.get("changed_by", "someone else")
        if first.removed:
            raise EditConflict(
                f"The item holding {_field_words(first.path)} was removed or renamed by {who} "
                "since you opened it",
                case_id=self.case_id,
                field=first.path,
                mine=first.mine,
                theirs=None,
                conflicts=clashes,
                **refused.context,
            )
        raise EditConflict(
            f"{_field_words(first.path).capitalize()} was changed by {who} since you opened "
            "it; both versions are shown beside it: keep theirs or use yours",
            case_id=self.case_id,
            field=first.path,
            mine=first.mine,
            theirs=first.theirs,
            conflicts=clashes,
            **refused.context,
        )

    def _same_field(self, path: PathLike, base: Review, review: Review) -> PathLike:
        """``path`` in ``base`` as the same field of ``review`` (someone else's newer version)."""
        if review.to_json() == base.to_json():
            return path
        found = retarget(path, base, review)
        if found is None:
            raise EditConflict(
                f"The item holding {_field_words(join_path(split_path(path)))} was "
                "removed or renamed by someone else since you opened it",
                case_id=self.case_id,
                field=join_path(split_path(path)),
            )
        return found

    def _delete(self, review: Review, base: Review, label: str) -> Review:
        """Delete point ``label``, unless someone else changed it since ``base`` was read."""
        self._refuse_changed_since(base, review, _POINTS, label)
        return reading.delete_point(review, label)

    def _refuse_changed_since(self, base: Review, review: Review, items: _Items, key: str) -> None:
        """Refuse to delete an item someone else changed since ``base`` was read."""
        mine = items.find(base, key)
        theirs = items.find(review, key)
        if mine is not None and theirs is not None and _j(mine) != _j(theirs):
            raise EditConflict(
                f"{items.noun.capitalize()} {key} was changed by someone else since you opened "
                "it; look at their change, then delete it again if it should go",
                case_id=self.case_id,
                field=f"{items.field}.{items.of(review).index(theirs)}",
                mine=None,
                theirs=_j(theirs),
            )

    # -- who may do what (workbench.roles) ----------------------------------------------------

    @property
    def permissions(self) -> roles.Permissions:
        """What the signed-in user may do (everything without sign-in); read once a session."""
        if self._permissions is None:
            self._permissions = roles.current()
        return self._permissions

    def refusal(self, action: roles.Action) -> str | None:
        """Why the signed-in user may not do ``action`` to this review, or None: for pages."""
        return self.permissions.refusal(action, self.review.allocated_to)

    def _require(self, action: roles.Action) -> None:
        self.permissions.check(action, self.review.allocated_to, case_id=self.case_id)

    def _conflicts_reload(self) -> _ReloadOnConflict:
        return _ReloadOnConflict(self)

    # -- the reviewer's place ----------------------------------------------------------------

    def remember_place(self, tab: str) -> None:
        """Keep this case and ``tab`` as where the reviewer is; a reopened page resumes here."""
        self.store.set_place(self.case_id, tab, user=signed_in_user())

    def forget_place(self) -> None:
        """The reviewer has left the case: a reopened page shows the list of cases."""
        self.store.clear_place(user=signed_in_user())

    # -- exports ---------------------------------------------------------------------------

    def output_dir(self) -> Path:
        """Where this case's exports go: ``<output folder>/<case id>/``."""
        return settings.output_dir() / self.case_id

    def export(self, formats: Iterable[str] = ("docx", "html", "xlsx")) -> list[Path]:
        """Write the letter and spreadsheet of the saved review; returns the files."""
        from .export import export_case

        return export_case(
            self.case, self.output_dir(), formats, review=self.review, store=self.store
        )

    def download_url(self, path: str | Path) -> str:
        """The link that downloads an exported file, from the server showing this session.

        Only that server knows its addresses, so it is handed in at :meth:`open`.

        :raises ExportError: no server was given (say, a session opened in a notebook),
            or the server refuses the file.
        """
        if self._download_url is None:
            raise ExportError(
                f"{Path(path).name} has no download link outside the dashboard: "
                f"open it from {Path(path).parent}",
                path=path,
            )
        return self._download_url(Path(path))


def saved_place(store: Store | None = None) -> Place | None:
    """Where the reviewer was when the dashboard was last used, if that case is still there.

    There is one place per installation without sign-in, one per user signed in through
    JupyterHub.  A place whose case has been removed, or whose id is not a case id, is no
    place: the page then opens on the list of cases, with nothing to apologise for.

    :param store: default a :class:`Store` at the setting, opened and closed here.
    :raises StoreError: the store cannot be read.
    """
    if store is None:
        with Store() as opened:
            return saved_place(opened)
    place = store.get_place(signed_in_user())
    if place is None:
        return None
    try:
        folder = case_path(place.case_id)
    except InvalidCaseId:
        return None
    return place if (folder / CASE_FILE).is_file() else None


def review_summaries(
    today: dt.date | None = None, store: Store | None = None
) -> list[ReviewSummary]:
    """One summary per review (status, reviewer, due date, outcome): the list of cases' column.

    :param today: the day the working days left are counted from (default: today).
    :param store: default a :class:`Store` at the setting, opened and closed here.
    :raises StoreError: the store cannot be read.
    """
    if store is None:
        with Store() as opened:
            return opened.list_reviews(today)
    return store.list_reviews(today)


def allocate_case(
    case_id: str, to: str, *, who: str | None = None, store: Store | None = None
) -> Review:
    """Allocate the review of ``case_id`` to the team member signed in as ``to``.

    The case's first draft is made from its letter if nobody has opened it yet, and its
    Reviewer name (the letter's display name) is pre-filled with ``to`` when empty.

    :param who: who allocates, when not signed in (the command line); the signed-in user
        otherwise.
    :raises PermissionDenied: the signed-in user is not a manager (``workbench.roles``).
    """
    to = (to or "").strip()
    permissions = roles.current()
    permissions.check(roles.Action.ALLOCATE, case_id=case_id)
    team = permissions.roster
    if to and team.configured and to not in team.members:
        raise ReviewError(
            f"{to} is not in the roles file; allocate to one of "
            + ", ".join(sorted(team.reviewers | team.managers)),
            case_id=case_id,
            field="allocated_to",
        )
    with ReviewSession.open(case_id, who=who, store=store) as session:
        review, _ = session.store.allocate(
            case_id, to, session.who, session.token, fill_reviewer_name=True
        )
        return review


class _ReloadOnConflict:
    """On a ConflictError, reload the other person's version, then let the error through."""

    def __init__(self, session: ReviewSession) -> None:
        self._session = session

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, _tb) -> bool:
        if isinstance(exc, ConflictError):
            try:
                self._session.reload()
            except WorkbenchError:
                log.exception("could not reload %s after a conflict", self._session.case_id)
        return False


# -- audit rows for structural changes ---------------------------------------------------------


@dataclass(frozen=True)
class _Items:
    """A list of the review whose items have an identity: the points, or the grounds."""

    field: str
    key: str
    noun: str

    def of(self, review: Review) -> list[Any]:
        return getattr(review, self.field)

    def keys(self, review: Review) -> list[str]:
        return [getattr(item, self.key) for item in self.of(review)]

    def find(self, review: Review, key: str) -> Any:
        return next((item for item in self.of(review) if getattr(item, self.key) == key), None)


_POINTS = _Items("points", "label", "point")
_GROUNDS = _Items("requester_grounds", "id", "ground")


def _describer(
    summary: Callable[[Review, Review], tuple[str, Any, Any]], items: _Items = _POINTS
) -> Callable[[dict[str, Any], dict[str, Any]], list[tuple[str, Any, Any]]]:
    """Audit rows: one describing the change to the list, then every other field changed."""

    def describe(before: dict[str, Any], after: dict[str, Any]) -> list[tuple[str, Any, Any]]:
        rows = [summary(Review.from_json(before), Review.from_json(after))]
        rows += [
            row
            for row in diff_json(before, after)
            if row[0] != items.field and not row[0].startswith(items.field + ".")
        ]
        return rows

    return describe


def _gone(before: Review, after: Review, items: _Items = _POINTS) -> list[tuple[int, Any]]:
    kept = set(items.keys(after))
    return [(i, p) for i, p in enumerate(items.of(before)) if getattr(p, items.key) not in kept]


def _new(before: Review, after: Review, items: _Items = _POINTS) -> list[tuple[int, Any]]:
    had = set(items.keys(before))
    return [(i, p) for i, p in enumerate(items.of(after)) if getattr(p, items.key) not in had]


def _item_added(items: _Items) -> Callable[[Review, Review], tuple[str, Any, Any]]:
    def added(before: Review, after: Review) -> tuple[str, Any, Any]:
        ((index, item),) = _new(before, after, items)
        return f"{items.field}.{index}", None, _j(item)

    return added


def _item_deleted(items: _Items) -> Callable[[Review, Review], tuple[str, Any, Any]]:
    def deleted(before: Review, after: Review) -> tuple[str, Any, Any]:
        ((index, item),) = _gone(before, after, items)
        return f"{items.field}.{index}", _j(item), None

    return deleted


def _item_split(items: _Items) -> Callable[[Review, Review], tuple[str, Any, Any]]:
    def split(before: Review, after: Review) -> tuple[str, Any, Any]:
        gone = _gone(before, after, items)
        index = gone[0][0] if gone else next(i for i, _ in _new(before, after, items)) - 1
        old = items.of(before)[index]
        grown = len(items.of(after)) - len(items.of(before))
        parts = items.of(after)[index : index + grown + 1]
        return f"{items.field}.{index}", _j(old), [_j(part) for part in parts]

    return split


def _item_merged(items: _Items) -> Callable[[Review, Review], tuple[str, Any, Any]]:
    def merged(before: Review, after: Review) -> tuple[str, Any, Any]:
        gone = {getattr(p, items.key) for _, p in _gone(before, after, items)}
        changed = [
            p
            for p in items.of(before)
            if getattr(p, items.key) in gone or items.find(after, getattr(p, items.key)) != p
        ]
        made = [p for p in items.of(after) if items.find(before, getattr(p, items.key)) != p]
        return (
            items.field,
            [_j(p) for p in changed],
            _j(made[0]) if len(made) == 1 else [_j(p) for p in made],
        )

    return merged


def _item_reordered(items: _Items) -> Callable[[Review, Review], tuple[str, Any, Any]]:
    def reordered(before: Review, after: Review) -> tuple[str, Any, Any]:
        return items.field, items.keys(before), items.keys(after)

    return reordered


_added = _item_added(_POINTS)
_deleted = _item_deleted(_POINTS)
_split = _item_split(_POINTS)
_merged = _item_merged(_POINTS)
_reordered = _item_reordered(_POINTS)


def _relabelled(before: Review, after: Review) -> tuple[str, Any, Any]:
    for index, (old, new) in enumerate(zip(before.points, after.points, strict=True)):
        if old.label != new.label:
            return f"points.{index}.label", old.label, new.label
    return "points", _POINTS.keys(before), _POINTS.keys(after)


def _field_words(path: str) -> str:
    """How a message names a field: ``points.1.reasons`` -> "this field (points.1.reasons)"."""
    return f"this field ({path})"


def _typed(field: FactField, value: Any) -> Any:
    """A stored correction read back (dates are kept as ISO text)."""
    if field.kind == "date" and isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return value


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value.value if hasattr(value, "value") else value


def _same(a: Any, b: Any) -> bool:
    return _jsonable(a) == _jsonable(b)


def _j(item: PointReview | GroundReview) -> dict[str, Any]:
    """A point or ground as the audit trail records it (plain JSON)."""
    return item.model_dump(mode="json")

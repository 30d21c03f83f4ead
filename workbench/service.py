"""The review of one case as the dashboard works on it: read, edit, decide, export.

Why a layer between the widgets and the store: a page should only say *what* the
reviewer did ("point 2 is incorrect"), never how it is kept.  A
:class:`ReviewSession` holds the case, the saved review and the store's
optimistic-lock token, and turns each action into one store transaction, so
every change is validated by the model, audited, and refused (never silently
overwritten) when someone else saved first.  It has no widgets, so it is tested
on its own, and every mistake a reviewer can make comes back as a
:class:`~workbench.errors.WorkbenchError` whose message the page shows as it is.

Usage::

    session = ReviewSession.open("IC-266000-V6Y0", who="A. Reviewer")
    session.edit("points.1.finding", "incorrect")
    session.correct("date_received", "2023-10-26")      # marked as the reviewer's
    session.decide_check(finding_id, accepted=False, reason="The searches are in annex A")
    paths = session.export(["docx", "xlsx"])
    links = [session.download_url(path) for path in paths]
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from . import roles, settings
from .cases import CASE_FILE, Case, case_path, load_case
from .catalogue import Catalogue, load_catalogue
from .checks.base import Finding
from .deadlines import Deadline, parse_date
from .errors import ConflictError, InvalidCaseId, ReviewError, StoreError, WorkbenchError
from .export.facts import CaseFacts, case_facts
from .outcomes import Outcome
from .parsing.model import Evidence, Extraction
from .review import CheckDecision, PathLike, Review, ReviewStatus, explain, review_from_case
from .roles import signed_in_user
from .store import Place, ReviewNotFound, Store

log = logging.getLogger(__name__)

#: Who the audit names when the reviewer has not given their name.
DEFAULT_WHO = "reviewer"


@dataclass(frozen=True)
class FactField:
    """One fact the first pass reads from the letter, and how the reviewer may correct it."""

    #: The extraction's field name, which is also the key in ``review.corrections``.
    name: str
    label: str
    #: ``"text"``, ``"date"``, ``"regime"`` or ``"yes_no"``: how the value is typed.
    kind: str
    #: The case record's field that outranks the extraction, if there is one.
    meta_field: str | None = None
    #: The review's own copy of the fact (kept in step with a correction), if there is one.
    review_field: str | None = None


#: The facts the Overview shows, in its order.
FACT_FIELDS: tuple[FactField, ...] = (
    FactField("reference", "Reference", "text", "reference", "reference"),
    FactField("regime", "Regime", "regime", "regime", "regime"),
    FactField("date_received", "Request received", "date", "date_received", "date_received"),
    FactField("date_of_response", "Response sent", "date", "date_responded", "date_responded"),
    FactField("review_rights_given", "Right to a review given", "yes_no"),
    FactField("complaint_rights_given", "Right to complain to the regulator given", "yes_no"),
    FactField("advice_and_assistance", "Advice and assistance offered", "yes_no"),
)
_FACTS_BY_NAME = {fact.name: fact for fact in FACT_FIELDS}
REGIMES = ("FOIA", "EIR", "FOISA", "mixed")


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
    ) -> None:
        self._case = case
        self._review = review
        self.token = token
        self.store = store
        self._who = who.strip() if who and who.strip() else None
        self._owns_store = owns_store
        self._extraction: Extraction | None = None
        self._checks: list[Finding] | None = None
        #: Set when the first pass failed on this letter (the page says so).
        self.extraction_problem: str | None = None
        self._permissions: roles.Permissions | None = None

    # -- opening -----------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        case_id: str,
        who: str | None = None,
        *,
        store: Store | None = None,
        case: Case | None = None,
    ) -> ReviewSession:
        """Open the saved review of ``case_id``, or start its first draft from the letter.

        :param who: the name the audit records; default the review's reviewer, else
            ``"reviewer"``.
        :param store: default a :class:`Store` at the setting, closed by :meth:`close`.
        :param case: the case already loaded (default: loaded from the cases folder).
        :raises CaseError: the case cannot be found or read.
        :raises StoreError: the store cannot be read or written.
        """
        case = case if case is not None else load_case(case_id)
        owns = store is None
        store = store if store is not None else Store()
        try:
            session = cls(case, Review(case_id=case.id), 0, store, who=who, owns_store=owns)
            session._load_or_start()
        except BaseException:
            if owns:
                store.close()
            raise
        return session

    def _load_or_start(self) -> None:
        try:
            self._review, self.token = self.store.open_review(self.case.id)
            return
        except ReviewNotFound:
            pass
        draft = review_from_case(self.case, self.extraction)
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
        review's reviewer, else ``"reviewer"``.
        """
        return (
            signed_in_user() or self._who or self._review.reviewer.name.strip() or DEFAULT_WHO
        )

    @property
    def extraction(self) -> Extraction:
        """The first pass over the case's letter, read once per session.

        A letter the extractor cannot follow gives an empty extraction and sets
        :attr:`extraction_problem`, so the reviewer can still record everything by hand.
        """
        if self._extraction is None:
            from .export import first_pass

            try:
                self._extraction = first_pass(self.case)
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

    @property
    def catalogue(self) -> Catalogue:
        return load_catalogue()

    def checks(self) -> list[Finding]:
        """The automated checks' findings on the letter, most serious first (run once)."""
        if self._checks is None:
            from .checks.runner import run_case_checks

            self._checks = run_case_checks(self.case, self.extraction)
        return self._checks

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
        """One extracted fact with its evidence, as read and as the reviewer corrected it."""
        field = _fact_field(name)
        extracted = self._extracted_value(field)
        correction = self.review.corrections.get(name)
        corrected = correction is not None
        value = _typed(field, correction.corrected) if correction is not None else extracted
        evidence = self.extraction.field_evidence.get(name)
        return Fact(field, extracted, value, corrected, evidence)

    def all_facts(self) -> list[Fact]:
        return [self.fact(field.name) for field in FACT_FIELDS]

    def _extracted_value(self, field: FactField) -> Any:
        if field.meta_field is not None:
            value = getattr(self.case.meta, field.meta_field, None)
            if value is not None:
                return value
        return getattr(self.extraction, field.name, None)

    def point_evidence(self, label: str) -> list[Evidence]:
        """The sentences of the letter behind the first pass's reading of point ``label``."""
        for point in self.extraction.points:
            if point.label == label:
                return list(point.evidence)
        return []

    def check_decision(self, check_id: str) -> CheckDecision | None:
        """The reviewer's decision on a check (``accepted``, ``reason``), or None."""
        return self.review.check_decisions.get(check_id)

    # -- changing the review ---------------------------------------------------------------

    def edit(self, field_path: PathLike, value: Any) -> Review:
        """Set one field of the review (``"points.1.finding"``), saved and audited at once.

        :raises ReviewError: the value is not allowed there (the message names the field).
        :raises ConflictError: someone else saved first; the session has reloaded their
            version, and nothing of this edit was written.
        :raises PermissionDenied: the signed-in user's role does not let them edit it.
        """
        self._require(roles.Action.EDIT)
        with self._conflicts_reload():
            self._review, self.token = self.store.edit(
                self.case_id, field_path, value, self.who, self.token
            )
        return self._review

    def edit_many(self, changes: Sequence[tuple[PathLike, Any]]) -> Review:
        """Set several fields in one transaction (all saved, or none)."""

        def apply(review: Review) -> Review:
            for path, value in changes:
                review = review.with_value(path, value)
            return review

        return self._apply(apply)

    def reload(self) -> Review:
        """Read the review again from the store (someone else may have changed it)."""
        self._review, self.token = self.store.open_review(self.case_id)
        return self._review

    def correct(self, field: str, value: Any) -> Review:
        """Correct a fact the first pass read (``"date_received"``); shown as the reviewer's.

        Dates may be given as ``YYYY-MM-DD`` text.  Setting a fact back to what was read,
        or clearing it, removes the correction (the letter then states what was read).
        Where the review keeps its own copy of the fact (reference, regime, dates), that
        is updated in the same transaction.

        :raises DateError: a date that cannot be read.
        :raises ReviewError: an unknown fact or a value it cannot take.
        """
        fact_field = _fact_field(field)
        extracted = self._extracted_value(fact_field)
        corrected = _parse_fact(fact_field, value)
        if corrected is None:
            corrected = extracted

        def apply(review: Review) -> Review:
            corrections = {
                name: c.model_dump(mode="json") for name, c in review.corrections.items()
            }
            if _same(corrected, extracted):
                corrections.pop(fact_field.name, None)
            else:
                corrections[fact_field.name] = {
                    "extracted": _jsonable(extracted),
                    "corrected": _jsonable(corrected),
                }
            review = review.with_value("corrections", corrections)
            if fact_field.review_field is not None:
                review = review.with_value(fact_field.review_field, corrected)
            return review

        return self._apply(apply)

    def decide_check(self, check_id: str, accepted: bool, reason: str = "") -> Review:
        """Accept or dismiss an automated check; a dismissal needs a reason."""

        def apply(review: Review) -> Review:
            review.decide_check(check_id, accepted, reason or "")
            return review

        return self._apply(apply)

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

        return self._apply(apply)

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

    def _apply(self, change: Callable[[Review], Review]) -> Review:
        """Save ``change`` applied to a copy of the review, in one audited transaction."""
        self._require(roles.Action.EDIT)
        if self.review.is_frozen:
            raise ReviewError(
                f"The review of {self.case_id} (version {self.review.version}) is completed "
                "and frozen; start a new version to change it",
                case_id=self.case_id,
            )
        updated = change(Review.from_json(self.review.to_json()))
        if updated.status is ReviewStatus.DRAFT and updated.to_json() != self.review.to_json():
            updated.start()
        with self._conflicts_reload():
            self.token = self.store.save(updated, self.who, self.token)
            self._review = updated
        return self._review

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

    @staticmethod
    def download_url(path: str | Path) -> str:
        """The link that downloads an exported file from the dashboard's server."""
        from .serve import download_url

        return download_url(path)


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


def _fact_field(name: str) -> FactField:
    try:
        return _FACTS_BY_NAME[name]
    except KeyError:
        raise ReviewError(
            f"{name!r} is not a fact read from the letter; one of " + ", ".join(_FACTS_BY_NAME),
            field=name,
        ) from None


def _parse_fact(field: FactField, value: Any) -> Any:
    """The reviewer's value for a fact, typed; None for an empty one."""
    if isinstance(value, str):
        value = value.strip()
    if value in (None, ""):
        return None
    if field.kind == "date":
        return parse_date(value, field_name=field.label)
    if field.kind == "regime":
        if value not in REGIMES:
            raise ReviewError(
                f"{field.label}: {value!r} is not a regime; choose {', '.join(REGIMES)}",
                field=field.name,
            )
        return value
    if field.kind == "yes_no":
        answers = {"yes": True, "no": False, True: True, False: False}
        key = value.lower() if isinstance(value, str) else value
        if key not in answers:
            raise ReviewError(f"{field.label}: answer yes or no, not {value!r}", field=field.name)
        return answers[key]
    return str(value)


def _typed(field: FactField, value: Any) -> Any:
    """A stored correction read back (dates are kept as ISO text)."""
    if field.kind == "date" and isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return value


def _jsonable(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def _same(a: Any, b: Any) -> bool:
    return _jsonable(a) == _jsonable(b)

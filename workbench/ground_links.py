"""What each ground of the review request is about in the review, and what the findings say.

Why: a ground is rarely new work.  "Section 43 does not apply" is answered by the finding
on s.43; "you did not look in the right places" by the search record; "the reply was
late" by the timeliness finding.  This module finds those links (:func:`links_for`) and,
where the reviewer's findings on them already answer the ground, proposes the finding on
it (:func:`proposal_for`).  A proposal is only ever shown: the reviewer accepts it
(:func:`workbench.review_grounds.accept_proposal`) or records their own.

How a ground is linked (all from what the ground and the review record, never guessed
from wording):

* **provisions**: those the ground names, matched with the review's provisions at any
  level (a ground naming s.40 links to the review's s.40(2)); a ground naming only
  provisions the review does not hold links to none (and says so); for a ground about an
  exemption that names none, the provisions its points relied on, else the cost-limit or
  vexatious provision for a ground about those, else the review's only provision;
* **points**: those the ground names, matched by label ("3" links to 3a and 3b);
* **the search record**, for a ground about searches or more information being held;
* **the timeliness finding**, for "delay" and "no response" (or a ground naming s.10 /
  FOISA s.10 / EIR reg 5 or 7);
* **advice and assistance** (s.16, FOISA s.15, EIR / EISR reg 9) and **the refusal notice**
  (s.17, FOISA s.16, EIR reg 14, EISR reg 13), for a ground naming them.

How a finding is proposed: each linked item the reviewer has decided says the requester is
right (a provision not upheld, a point incorrect, a search inadequate, a late response, an
inadequate refusal notice or advice), right in part, or wrong; all right -> upheld, all
wrong -> not upheld, anything else -> partly upheld.  Items not decided yet are listed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from .catalogue import ancestor_ids, root_of
from .review import (
    SUBSTANTIVE_REMEDIES,
    GroundFinding,
    GroundReview,
    PointFinding,
    PointReview,
    ProvisionFinding,
    ProvisionReview,
    Remedy,
    Review,
    SearchReview,
    Timeliness,
)

#: Categories of ground about the authority's reliance on a provision.
PROVISION_CATEGORIES = frozenset(
    {
        "exemption_disputed",
        "public_interest",
        "excessive_redaction",
        "ncnd_disputed",
        "cost_limit_disputed",
        "vexatious_disputed",
    }
)
#: Categories answered (also) by the search record.
SEARCH_CATEGORIES = frozenset({"searches_inadequate", "more_information_held"})
#: Categories answered by the timeliness finding.
TIMELINESS_CATEGORIES = frozenset({"delay", "no_response"})
#: Provisions (roots) that say which duty a ground is about.
#: (The EISR number their regulations differently from the EIR: reg 13 is the refusal.)
TIMELINESS_PROVISIONS = frozenset(
    {"s.10", "foisa.s.10", "reg.5", "reg.7", "eisr.reg.5", "eisr.reg.7"}
)
ADVICE_PROVISIONS = frozenset({"s.16", "foisa.s.15", "reg.9", "eisr.reg.9"})
REFUSAL_NOTICE_PROVISIONS = frozenset({"s.17", "foisa.s.16", "reg.14", "eisr.reg.13"})
#: The provisions that are a cost limit or a vexatious / repeated request, by category.
CATEGORY_PROVISIONS = {
    "cost_limit_disputed": ("s.12", "foisa.s.12", "reg.12(4)(b)"),
    "vexatious_disputed": ("s.14", "foisa.s.14", "reg.12(4)(b)"),
}


class Vote(Enum):
    """What one decided item says about the requester's ground."""

    FOR = "for"  # the requester is right
    PARTLY = "partly"
    AGAINST = "against"


@dataclass(frozen=True)
class GroundLinks:
    """The parts of the review a ground is about."""

    points: tuple[PointReview, ...] = ()
    provisions: tuple[ProvisionReview, ...] = ()
    #: The search record, when the ground is about searches (empty when it has no rows).
    searches: tuple[SearchReview, ...] = ()
    about_searches: bool = False
    timeliness: bool = False
    advice: bool = False
    refusal_notice: bool = False
    #: How a link was made when the ground does not name it ("the review's only provision").
    notes: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not (
            self.points
            or self.provisions
            or self.about_searches
            or self.timeliness
            or self.advice
            or self.refusal_notice
        )

    def words(self) -> list[str]:
        """What the ground is linked to, in words ("point 2", "s.40(2)", "the search record")."""
        found = [f"point {p.label}" for p in self.points]
        found += [p.provision_id for p in self.provisions]
        named = (
            (self.about_searches, "the search record"),
            (self.timeliness, "timeliness"),
            (self.advice, "advice and assistance"),
            (self.refusal_notice, "the refusal notice"),
        )
        return found + [words for linked, words in named if linked]

    @property
    def to_findings(self) -> bool:
        """Whether the ground is linked to a point or provision (whose findings answer it)."""
        return bool(self.points or self.provisions)


@dataclass(frozen=True)
class Proposal:
    """The finding the reviewer's other findings propose for one ground, and why."""

    finding: GroundFinding
    #: Why, in plain words: "s.40(2) was not upheld", "point 2 was found incorrect".
    basis: tuple[str, ...]
    #: The reviewer's own reasons on the linked items, or a sentence made from the basis.
    reasons: str
    remedies: tuple[Remedy, ...] = ()
    #: Linked items with no finding yet (the proposal may change once they have one).
    undecided: tuple[str, ...] = ()

    @property
    def sentence(self) -> str:
        """The proposal in one line, for the page and the command line."""
        text = f"{self.finding.label}: " + _and_list(list(self.basis)) + "."
        if self.undecided:
            text += f" Not decided yet: {', '.join(self.undecided)}."
        return text


@dataclass
class _Ballot:
    votes: list[Vote] = field(default_factory=list)
    basis: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    remedies: list[Remedy] = field(default_factory=list)
    undecided: list[str] = field(default_factory=list)

    def cast(self, vote: Vote, basis: str, reasons: str = "", remedies=()) -> None:
        self.votes.append(vote)
        self.basis.append(basis)
        if reasons.strip():
            self.reasons.append(reasons.strip())
        if vote is not Vote.AGAINST:
            self.remedies += list(remedies)


# -- links --------------------------------------------------------------------------------------


def links_for(review: Review, ground: GroundReview) -> GroundLinks:
    """The points, provisions, searches and handling findings ``ground`` is about."""
    points = tuple(_linked_points(review, ground.points))
    provisions, notes = _linked_provisions(review, ground, points)
    roots = {_root(pid) for pid in ground.provisions}
    about_searches = ground.category in SEARCH_CATEGORIES
    return GroundLinks(
        points=points,
        provisions=tuple(provisions),
        searches=tuple(review.searches) if about_searches else (),
        about_searches=about_searches,
        timeliness=ground.category in TIMELINESS_CATEGORIES or bool(roots & TIMELINESS_PROVISIONS),
        advice=ground.category == "advice_and_assistance" or bool(roots & ADVICE_PROVISIONS),
        refusal_notice=bool(roots & REFUSAL_NOTICE_PROVISIONS),
        notes=tuple(notes),
    )


def same_provision(named: str, held: str) -> bool:
    """Whether a provision a ground names is one the review holds, at any level of detail."""
    return named == held or named in ancestor_ids(held) or held in ancestor_ids(named)


def _root(provision_id: str) -> str:
    """``s.17(1)(c)`` -> ``s.17``; ``eisr.reg.13(1)`` -> ``eisr.reg.13``."""
    return root_of(provision_id)


def _label_key(label: str) -> str:
    """A point label as a requester may write it: "Q3", "(3)", "3." -> "3"."""
    text = label.strip().lower().strip("().")
    return re.sub(r"^(?:q|question|point|part|item)\s*", "", text)


def _linked_points(review: Review, labels: list[str]) -> list[PointReview]:
    wanted = [_label_key(label) for label in labels]
    found = []
    for point in review.points:
        key = _label_key(point.label)
        number = re.match(r"\d+", key)
        if key in wanted or (number is not None and number.group() in wanted):
            found.append(point)
    return found


def _linked_provisions(
    review: Review, ground: GroundReview, points: tuple[PointReview, ...]
) -> tuple[list[ProvisionReview], list[str]]:
    named = [
        p
        for p in review.provisions
        if any(same_provision(pid, p.provision_id) for pid in ground.provisions)
    ]
    if named or ground.category not in PROVISION_CATEGORIES:
        return named, []
    if ground.provisions:  # it names provisions the review does not hold: no guessing
        missing = ", ".join(ground.provisions)
        return [], [f"{missing}, which the ground names, is not among the review's provisions"]
    labels = {point.label for point in points}
    on_points = [p for p in review.provisions if labels & set(p.points)]
    if on_points:
        return on_points, []
    kinds = CATEGORY_PROVISIONS.get(ground.category)
    if kinds is not None:
        return [p for p in review.provisions if _is_one_of(p.provision_id, kinds)], []
    special = [k for kinds in CATEGORY_PROVISIONS.values() for k in kinds]
    exemptions = [p for p in review.provisions if not _is_one_of(p.provision_id, special)]
    if len(exemptions) == 1:
        only = exemptions[0].provision_id
        return exemptions, [f"{only} is the only exemption the review holds"]
    return [], []


def _is_one_of(provision_id: str, kinds: tuple[str, ...] | list[str]) -> bool:
    return any(same_provision(kind, provision_id) for kind in kinds)


# -- proposals ----------------------------------------------------------------------------------


def proposal_for(review: Review, ground: GroundReview) -> Proposal | None:
    """The finding the reviewer's decided points, provisions, searches and handling findings
    propose for ``ground``; None when nothing linked to it is decided yet."""
    links = links_for(review, ground)
    ballot = _Ballot()
    for provision in links.provisions:
        _provision_vote(ballot, provision)
    for point in links.points:
        _point_vote(ballot, point)
    if links.about_searches:
        _search_vote(ballot, links.searches)
    if links.timeliness:
        _timeliness_vote(ballot, review, ground)
    if links.advice:
        _yes_no_vote(
            ballot,
            review.procedural.advice_and_assistance_adequate,
            review.procedural.advice_and_assistance_notes,
            "advice and assistance",
            Remedy.ADVICE_AND_ASSISTANCE,
        )
    if links.refusal_notice:
        _yes_no_vote(
            ballot,
            review.procedural.refusal_notice_adequate,
            review.procedural.refusal_notice_notes,
            "the refusal notice",
            Remedy.PROPER_REFUSAL_NOTICE,
        )
    if not ballot.votes:
        return None
    finding = _tally(ballot.votes)
    reasons = "\n\n".join(dict.fromkeys(ballot.reasons)) or (
        "I found that " + _and_list(ballot.basis) + "."
    )
    remedies = () if finding is GroundFinding.NOT_UPHELD else tuple(dict.fromkeys(ballot.remedies))
    return Proposal(
        finding=finding,
        basis=tuple(ballot.basis),
        reasons=reasons,
        remedies=remedies,
        undecided=tuple(ballot.undecided),
    )


def _tally(votes: list[Vote]) -> GroundFinding:
    if all(vote is Vote.FOR for vote in votes):
        return GroundFinding.UPHELD
    if all(vote is Vote.AGAINST for vote in votes):
        return GroundFinding.NOT_UPHELD
    return GroundFinding.PARTLY_UPHELD


_PROVISION_VOTES = {
    ProvisionFinding.NOT_UPHELD: (Vote.FOR, "was not upheld"),
    ProvisionFinding.UPHELD_IN_PART: (Vote.PARTLY, "was upheld in part"),
    ProvisionFinding.UPHELD: (Vote.AGAINST, "was upheld"),
}


def _provision_vote(ballot: _Ballot, provision: ProvisionReview) -> None:
    pid = provision.provision_id
    if provision.finding is None:
        ballot.undecided.append(pid)
        return
    vote, words = _PROVISION_VOTES[provision.finding]
    ballot.cast(vote, f"{pid} {words}", provision.reasons)


def _point_vote(ballot: _Ballot, point: PointReview) -> None:
    if point.finding is None:
        ballot.undecided.append(f"point {point.label}")
        return
    if point.finding is PointFinding.INCORRECT:
        vote, words = Vote.FOR, "was found incorrect"
    elif point.finding is PointFinding.PARTLY_CORRECT:
        vote, words = Vote.PARTLY, "was found partly correct"
    elif SUBSTANTIVE_REMEDIES & set(point.remedies):
        vote, words = Vote.PARTLY, "was found correct, with a further remedy"
    else:
        vote, words = Vote.AGAINST, "was found correct"
    ballot.cast(vote, f"point {point.label} {words}", point.reasons, point.remedies)


def _search_vote(ballot: _Ballot, searches: tuple[SearchReview, ...]) -> None:
    if not searches:
        return
    assessed = [s for s in searches if s.adequate is not None]
    inadequate = [s for s in assessed if s.adequate is False]
    notes = "\n".join(s.further_search_needed for s in inadequate if s.further_search_needed)
    if inadequate:
        ballot.cast(
            Vote.FOR,
            f"{len(inadequate)} of {len(searches)} searches were found inadequate",
            notes,
            [Remedy.NEW_SEARCHES],
        )
    elif assessed and len(assessed) == len(searches):
        ballot.cast(Vote.AGAINST, "the searches were found adequate")
    else:
        ballot.undecided.append("the searches")


def _timeliness_vote(ballot: _Ballot, review: Review, ground: GroundReview) -> None:
    proc = review.procedural
    if ground.category == "no_response" and review.no_original_decision:
        ballot.cast(
            Vote.FOR, "the authority made no decision on the request", proc.timeliness_notes
        )
        return
    if proc.timeliness is None:
        ballot.undecided.append("timeliness")
    elif proc.timeliness is Timeliness.LATE:
        ballot.cast(
            Vote.FOR, "the response was late", proc.timeliness_notes, [Remedy.APOLOGISE_FOR_DELAY]
        )
    else:
        ballot.cast(Vote.AGAINST, "the response was on time", proc.timeliness_notes)


def _yes_no_vote(
    ballot: _Ballot, adequate: bool | None, notes: str, what: str, remedy: Remedy
) -> None:
    if adequate is None:
        ballot.undecided.append(what)
    elif adequate:
        ballot.cast(Vote.AGAINST, f"{what} was adequate", notes)
    else:
        ballot.cast(Vote.FOR, f"{what} was not adequate", notes, [remedy])


def _and_list(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]

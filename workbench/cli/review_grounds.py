"""``workbench review grounds|ground``: the requester's grounds, corrected and answered.

Each command opens the case's saved review through
:class:`~workbench.service.ReviewSession` (the same calls the dashboard's Grounds tab
makes), makes one change, audited under ``--who``, and prints the grounds.  A mistake
(an unknown ground, category, provision or finding) is one ``Error:`` line listing the
valid values, and nothing is saved.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click

from ..ground_links import links_for, proposal_for
from ..review import Remedy, Review
from ..review_grounds import category_label, category_labels
from ..service import ReviewSession
from . import main  # noqa: F401 - the group below belongs to it
from .review import review, who_option

_CATEGORY_HELP = "The ground's category: one of " + ", ".join(category_labels()) + "."
_FINDING_HELP = (
    'Your finding: upheld (the requester is right), partly_upheld or not_upheld; "" for none.'
)
_REMEDIES_HELP = (
    "What will be done where it is upheld, separated by ';': " + ", ".join(Remedy.choices()) + "."
)
_POINTS_HELP = "Comma-separated labels of the request's points it concerns (e.g. 2,3a)."
_PROVISIONS_HELP = (
    'Comma-separated provisions it is about: s.40(2), reg.12(5)(b), foisa.s.30(b)(ii) or "section '
    '40(2)"; "" for none.'
)


@contextmanager
def _session(case_id: str, who: str) -> Iterator[ReviewSession]:
    """The saved review of ``case_id`` (never a new one: ``review start`` makes that)."""
    with ReviewSession.open(case_id, who, create=False) as session:
        yield session


def grounds_json(review: Review) -> dict[str, Any]:
    """The grounds as ``review grounds --json`` prints them."""
    grounds = []
    for ground in review.requester_grounds:
        proposal = proposal_for(review, ground)
        read = ground.read
        grounds.append(
            {
                "id": ground.id,
                "category": ground.category,
                "summary": ground.summary,
                "quote": ground.quote,
                "start": ground.start,
                "end": ground.end,
                "provisions": ground.provisions,
                "points": ground.points,
                "confidence": ground.confidence,
                "check_this": ground.unsure,
                "added_by_reviewer": ground.added_by_reviewer,
                "corrected": ground.corrected_values() if read is not None else [],
                "linked_to": links_for(review, ground).words(),
                "proposal": None
                if proposal is None
                else {
                    "finding": proposal.finding.value,
                    "basis": list(proposal.basis),
                    "undecided": list(proposal.undecided),
                },
                "finding": ground.finding.value if ground.finding else None,
                "reasons": ground.reasons,
                "remedies": [remedy.value for remedy in ground.remedies],
                "remedy": ground.remedy,
                "missing": ground.missing(),
            }
        )
    read = review.grounds_read
    return {
        "case_id": review.case_id,
        "version": review.version,
        "read_from": None if read is None else {"source": read.source, "regime": read.regime},
        "grounds": grounds,
    }


def format_grounds(review: Review) -> str:
    """One block per ground: category, summary, the requester's words, links and finding."""
    lines = [
        f"Grounds of the review request of {review.case_id}, in the order raised "
        "(+ added by the reviewer, * corrected)"
    ]
    if not review.requester_grounds:
        lines.append(
            "  (no grounds: add the review request with 'workbench case add-review-request', "
            "or a ground with 'workbench review ground add')"
        )
    for ground in review.requester_grounds:
        mark = "+" if ground.added_by_reviewer else ("*" if ground.corrected_values() else "")
        facts = [category_label(ground.category)]
        if ground.confidence is not None:
            sure = f"confidence {ground.confidence:.2f}"
            facts.append(sure + (" CHECK THIS" if ground.unsure else ""))
        if ground.points:
            facts.append("points " + ", ".join(ground.points))
        if ground.provisions:
            facts.append(", ".join(ground.provisions))
        lines += ["", f"  {ground.id}{mark}  " + "; ".join(facts)]
        lines.append(f"      {ground.summary or '(no summary)'}")
        if ground.quote:
            lines.append(f'      "{_one_line(ground.quote)}"')
        linked = links_for(review, ground).words()
        if linked:
            lines.append(f"      linked to: {', '.join(linked)}")
        proposal = proposal_for(review, ground)
        if proposal is not None:
            lines.append(f"      your findings propose: {proposal.sentence}")
        lines.append(f"      finding: {ground.finding_label}")
        if ground.reasons:
            lines.append(f"      reasons: {_one_line(ground.reasons)}")
        if ground.has_remedy:
            remedy = "; ".join([*ground.remedy_labels, *([ground.remedy] if ground.remedy else [])])
            lines.append(f"      remedy: {_one_line(remedy)}")
    missing = [item for ground in review.requester_grounds for item in ground.missing()]
    if missing:
        lines += ["", "Still needed: " + "; ".join(missing)]
    return "\n".join(lines)


def _one_line(text: str, limit: int = 110) -> str:
    words = " ".join(text.split())
    return words if len(words) <= limit else words[: limit - 3].rstrip() + "..."


@review.command("grounds")
@click.argument("case_id")
@click.option("--json", "as_json", is_flag=True, help="Print the grounds as JSON.")
@who_option
def review_grounds(case_id: str, as_json: bool, who: str) -> None:
    """The grounds of CASE_ID's review request: each one's category, summary, the
    requester's words, what it is linked to, the finding proposed and the finding made.

    A review with no grounds yet whose case has a review request gets them read now (a
    proposal, audited under --who).

    In the order raised, each with how sure the reader was ("CHECK THIS" under 0.4), what it is
    linked to (points, provisions, the search record, timeliness, advice and assistance, the
    refusal notice), and the finding, reasons and remedy recorded.
    """
    with _session(case_id, who) as session:
        read = session.propose_grounds_if_due()
        found = session.review
        problem = session.grounds_problem
    if as_json:
        click.echo(json.dumps(grounds_json(found), indent=2, ensure_ascii=False))
        return
    if problem:
        click.echo(problem)
    if read:
        click.echo(
            f"Read {len(found.requester_grounds)} ground(s) from the review request: a proposal "
            "to check against the request itself."
        )
    click.echo(format_grounds(found))


@review.group("ground")
def ground() -> None:
    """Correct and answer the grounds: add, set, delete, split, merge, move, read, accept."""


@ground.command("add")
@click.argument("case_id")
@click.option("--category", required=True, help=_CATEGORY_HELP)
@click.option("--summary", required=True, help="What the requester objects to, in one line.")
@click.option("--points", default="", help=_POINTS_HELP)
@click.option("--provisions", default="", help=_PROVISIONS_HELP)
@click.option("--id", "ground_id", help="Its id (default: the next free, g4).")
@click.option("--after", help="Put it after this ground (default: at the end).")
@who_option
def ground_add(
    case_id: str,
    category: str,
    summary: str,
    points: str,
    provisions: str,
    ground_id: str | None,
    after: str | None,
    who: str,
) -> None:
    """Add a ground the reader missed.

    Categories as `workbench grounds` lists them, by value or label.
    """
    with _session(case_id, who) as session:
        session.add_ground(
            category, summary, points=points, provisions=provisions, ground_id=ground_id,
            after=after,
        )  # fmt: skip
        _report("Added a ground", session)


@ground.command("set")
@click.argument("case_id")
@click.argument("ground_id")
@click.option("--category", help=_CATEGORY_HELP)
@click.option("--summary", help="What the requester objects to, in one line.")
@click.option("--points", help=_POINTS_HELP)
@click.option("--provisions", help=_PROVISIONS_HELP)
@click.option("--finding", help=_FINDING_HELP)
@click.option("--reasons", help="Why: your reasons, as the letter will give them.")
@click.option("--remedies", help=_REMEDIES_HELP)
@click.option("--remedy", help="What will be done, in your words.")
@who_option
def ground_set(
    case_id: str,
    ground_id: str,
    category: str | None,
    summary: str | None,
    points: str | None,
    provisions: str | None,
    finding: str | None,
    reasons: str | None,
    remedies: str | None,
    remedy: str | None,
    who: str,
) -> None:
    """Correct ground GROUND_ID (category, summary, points, provisions) or record the
    finding on it (finding, reasons, remedies, remedy).

    Upheld means the requester is right; a ground upheld (wholly or in part) needs a remedy
    (`disclose`, `new_searches`, `apologise_for_delay` ... or your words in --remedy).
    """
    reading = (category, summary, points, provisions)
    answer = (finding, reasons, remedies, remedy)
    if all(value is None for value in (*reading, *answer)):
        raise click.UsageError(
            "Give at least one of --category, --summary, --points, --provisions, --finding, "
            "--reasons, --remedies, --remedy"
        )
    with _session(case_id, who) as session:
        if any(value is not None for value in reading):
            session.set_ground(
                ground_id, category=category, summary=summary, points=points,
                provisions=provisions,
            )  # fmt: skip
        if any(value is not None for value in answer):
            changes: dict[str, Any] = {"reasons": reasons, "remedies": remedies, "remedy": remedy}
            if finding is not None:
                changes["finding"] = finding
            session.set_ground_finding(ground_id, **changes)
        _report(f"Changed ground {ground_id}", session)


@ground.command("delete")
@click.argument("case_id")
@click.argument("ground_id")
@who_option
def ground_delete(case_id: str, ground_id: str, who: str) -> None:
    """Delete ground GROUND_ID (the audit trail keeps it, with its finding).

    For a passage that is not a ground after all.
    """
    with _session(case_id, who) as session:
        session.delete_ground(ground_id)
        _report(f"Deleted ground {ground_id}", session)


@ground.command("split")
@click.argument("case_id")
@click.argument("ground_id")
@click.option("--into", help="The parts' ids, comma-separated (default: g2a,g2b).")
@who_option
def ground_split(case_id: str, ground_id: str, into: str | None, who: str) -> None:
    """Split ground GROUND_ID into parts, each starting as a copy to correct.

    For a ground read as one.
    """
    with _session(case_id, who) as session:
        session.split_ground(ground_id, into)
        _report(f"Split ground {ground_id}", session)


@ground.command("merge")
@click.argument("case_id")
@click.argument("first")
@click.argument("second")
@click.option("--id", "new_id", help="The merged ground's id (default: FIRST's).")
@who_option
def ground_merge(case_id: str, first: str, second: str, new_id: str | None, who: str) -> None:
    """Merge grounds FIRST and SECOND into one (summaries and reasons joined).

    The requester's words become the passage spanning both.
    """
    with _session(case_id, who) as session:
        session.merge_grounds(first, second, new_id)
        _report(f"Merged grounds {first} and {second}", session)


@ground.command("move")
@click.argument("case_id")
@click.argument("ground_id")
@click.option("--to", "position", required=True, type=int, help="Its new place, from 1.")
@who_option
def ground_move(case_id: str, ground_id: str, position: int, who: str) -> None:
    """Move ground GROUND_ID to another place (the order the letter answers them in)."""
    with _session(case_id, who) as session:
        session.move_ground(ground_id, position - 1)
        _report(f"Moved ground {ground_id} to place {position}", session)


@ground.command("read")
@click.argument("case_id")
@click.option(
    "--replace", is_flag=True, help="Replace the grounds the review has (and their findings)."
)
@who_option
def ground_read(case_id: str, replace: bool, who: str) -> None:
    """Read the grounds of the case's review request into the review (a proposal to check).

    --replace reads them over the grounds the review has, findings and all.
    """
    with _session(case_id, who) as session:
        session.read_grounds(replace=replace)
        _report("Read the grounds from the review request", session)


@ground.command("accept")
@click.argument("case_id")
@click.argument("ground_id")
@who_option
def ground_accept(case_id: str, ground_id: str, who: str) -> None:
    """Record the finding your point, provision, search and handling findings propose for
    GROUND_ID (shown by `workbench review grounds`).

    Only on your say-so: nothing is set without it.
    """
    with _session(case_id, who) as session:
        proposal = session.ground_proposal(ground_id)
        session.accept_ground_proposal(ground_id)
        assert proposal is not None  # accepting refuses a ground with no proposal
        _report(f"Ground {ground_id}: {proposal.sentence}", session)


def _report(done: str, session: ReviewSession) -> None:
    click.echo(f"{done}.")
    click.echo(format_grounds(session.review))

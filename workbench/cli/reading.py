"""``workbench review points|point|set|search|complete|new-version``: the reading and sign-off.

Each command opens the case's saved review through
:class:`~workbench.service.ReviewSession` (the same calls the dashboard makes), makes one
change, which is audited under ``--who``, and prints the result.  A mistake (an unknown
label, provision or determination) is one ``Error:`` line listing the valid values, and
nothing is saved.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click

from ..deadlines import parse_date
from ..parsing.model import DETERMINATION_LABELS, Determination
from ..reading import FACTS_BY_NAME, point_provisions
from ..review import Review
from ..service import ReviewSession
from . import main  # noqa: F401 - the group below belongs to it
from .review import review, who_option

DETERMINATIONS = [d.value for d in Determination]
#: What the reviewer may correct about a point, each marked as read or corrected.
VALUES = ("label", "text", "determination", "provisions")


@contextmanager
def _session(case_id: str, who: str) -> Iterator[ReviewSession]:
    """The saved review of ``case_id`` (never a new one: ``review start`` makes that)."""
    with ReviewSession.open(case_id, who, create=False) as session:
        yield session


def reading_json(review: Review) -> dict[str, Any]:
    """The corrected reading as ``review points --json`` prints it."""
    points = []
    for point in review.points:
        changed = point.corrected_values()
        read = point.read
        points.append(
            {
                "label": point.label,
                "text": point.request_text,
                "determination": point.determination.value if point.determination else None,
                "provisions": point_provisions(review, point),
                "added_by_reviewer": point.added_by_reviewer,
                "corrected": {name: name in changed for name in VALUES},
                "as_read": None
                if read is None
                else {
                    "label": read.label,
                    "text": read.text,
                    "determination": read.determination.value if read.determination else None,
                    "provisions": read.provisions,
                },
            }
        )
    return {
        "case_id": review.case_id,
        "version": review.version,
        "points": points,
        "provisions": [
            {"provision_id": p.provision_id, "points": p.points} for p in review.provisions
        ],
        "set_aside": [p.provision_id for p in review.set_aside],
    }


def format_points(review: Review) -> str:
    """One line per point: label, determination, provisions and text, each marked if corrected."""
    lines = [
        f"Points of {review.case_id} as the reviewer reads them "
        "(* corrected by the reviewer, + added by the reviewer)"
    ]
    if not review.points:
        lines.append("  (no points yet: add them with 'workbench review point add')")
    for point in review.points:
        changed = [] if point.added_by_reviewer else point.corrected_values()
        mark = "+" if point.added_by_reviewer else ""
        star = {name: "*" if name in changed else "" for name in VALUES}
        read = point.read
        read_as = f" (read as {read.label})" if read and read.label != point.label else ""
        determination = DETERMINATION_LABELS.get(point.determination, "Not known")
        provisions = ", ".join(point_provisions(review, point)) or "no provisions"
        lines.append(
            f"  {point.label}{mark}{star['label']}{read_as}\t{determination}"
            f"{star['determination']}\t{provisions}{star['provisions']}"
        )
        text = " ".join(point.request_text.split()) or "(no request text)"
        lines.append(f"     {text}{star['text']}")
    unattached = [p.provision_id for p in review.provisions if not p.points]
    if unattached:
        lines.append(f"Cited in the letter, relied on by no point: {', '.join(unattached)}")
    if review.set_aside:
        lines.append(
            "Set aside (no point relies on them; their answers are kept): "
            + ", ".join(p.provision_id for p in review.set_aside)
        )
    return "\n".join(lines)


@review.command("points")
@click.argument("case_id")
@click.option("--json", "as_json", is_flag=True, help="Print the reading as JSON.")
@who_option
def review_points(case_id: str, as_json: bool, who: str) -> None:
    """The corrected reading of CASE_ID: each point's label, text, determination, provisions.

    Each value is marked as read from the letter or corrected by the reviewer.

    Also lists provisions cited but relied on by no point, and provisions set aside.
    """
    with _session(case_id, who) as session:
        found = session.review
    if as_json:
        click.echo(json.dumps(reading_json(found), indent=2, ensure_ascii=False))
    else:
        click.echo(format_points(found))


@review.group("point")
def point() -> None:
    """Correct the points read from the letter: add, set, delete, split, merge, move."""


_DETERMINATION_HELP = "What the response decided: " + ", ".join(DETERMINATIONS) + "."
_PROVISIONS_HELP = (
    "Comma-separated provisions relied on: s.40(2), reg.12(5)(b), foisa.s.38(1)(b) or "
    '"section 40(2)"; "" for none.'
)


@point.command("add")
@click.argument("case_id")
@click.option("--label", required=True, help="The point's label, as the letter numbers it.")
@click.option("--text", required=True, help="What the requester asked for in this point.")
@click.option("--determination", help=_DETERMINATION_HELP)
@click.option("--provisions", default="", help=_PROVISIONS_HELP)
@click.option("--after", help="Put it after this point (default: at the end).")
@who_option
def point_add(
    case_id: str,
    label: str,
    text: str,
    determination: str | None,
    provisions: str,
    after: str | None,
    who: str,
) -> None:
    """Add a point the letter has and the reading missed."""
    with _session(case_id, who) as session:
        session.add_point(label, text, determination, provisions, after=after)
        _report(f"Added point {label.strip()}", session)


@point.command("set")
@click.argument("case_id")
@click.argument("label")
@click.option("--label", "new_label", help="A new label for the point.")
@click.option("--text", help="What the requester asked for in this point.")
@click.option("--determination", help=_DETERMINATION_HELP)
@click.option("--provisions", help=_PROVISIONS_HELP)
@who_option
def point_set(
    case_id: str,
    label: str,
    new_label: str | None,
    text: str | None,
    determination: str | None,
    provisions: str | None,
    who: str,
) -> None:
    """Correct point LABEL: its label, request text, determination or provisions.

    What the response decided: `held_disclosed`, `held_partly_disclosed`, `held_withheld`,
    `not_held`, `ncnd`, `cost_limit`, `vexatious`, `repeated`, `published_elsewhere`, `other`;
    the provisions relied on: `s.40(2)`, `reg.12(5)(b)`, `foisa.s.38(1)(b)` or "section 40(2)"
    (`""` for none).
    """
    if all(v is None for v in (new_label, text, determination, provisions)):
        raise click.UsageError(
            "Give at least one of --label, --text, --determination, --provisions"
        )
    with _session(case_id, who) as session:
        session.set_point(
            label,
            new_label=new_label,
            text=text,
            determination=determination,
            provisions=provisions,
        )
        _report(f"Corrected point {label}", session)


@point.command("delete")
@click.argument("case_id")
@click.argument("label")
@who_option
def point_delete(case_id: str, label: str, who: str) -> None:
    """Delete point LABEL (the audit trail keeps it, with everything said about it).

    For a fragment read as a point.
    """
    with _session(case_id, who) as session:
        session.delete_point(label)
        _report(f"Deleted point {label}", session)


@point.command("split")
@click.argument("case_id")
@click.argument("label")
@click.option("--into", required=True, help="The parts' labels, comma-separated: 3a,3b.")
@who_option
def point_split(case_id: str, label: str, into: str, who: str) -> None:
    """Split point LABEL into parts, each starting as a copy to correct.

    Each copy has the text, determination, provisions and reasons.
    """
    with _session(case_id, who) as session:
        session.split_point(label, into)
        _report(f"Split point {label} into {into}", session)


@point.command("merge")
@click.argument("case_id")
@click.argument("first")
@click.argument("second")
@click.option("--label", help="The merged point's label (default: FIRST's).")
@who_option
def point_merge(case_id: str, first: str, second: str, label: str | None, who: str) -> None:
    """Merge points FIRST and SECOND into one (texts and reasons joined).

    Provisions are combined.
    """
    with _session(case_id, who) as session:
        session.merge_points(first, second, label)
        _report(f"Merged points {first} and {second}", session)


@point.command("move")
@click.argument("case_id")
@click.argument("label")
@click.option("--to", "position", required=True, type=int, help="Its new place, from 1.")
@who_option
def point_move(case_id: str, label: str, position: int, who: str) -> None:
    """Move point LABEL to another place in the list (reorder the points).

    --to N puts it at place N.
    """
    with _session(case_id, who) as session:
        session.move_point(label, position - 1)
        _report(f"Moved point {label} to place {position}", session)


@review.command("set")
@click.argument("case_id")
@click.argument("field", type=click.Choice(list(FACTS_BY_NAME)), metavar="FIELD")
@click.argument("value")
@who_option
def review_set(case_id: str, field: str, value: str, who: str) -> None:
    """Correct a fact of the case: FIELD is one of authority, requester, kind, reference,
    regime, date_received, date_of_response, review_requested (or a yes/no fact:
    review_rights_given, complaint_rights_given, advice_and_assistance).

    VALUE "" goes back to what was read.  Dates are day first (4/12/2023, 4 Dec 2023 or
    2023-12-04); kind is response, refusal_notice, holding_notice or internal_review_outcome.

    `requester` is the name the letter opens with ("Dear <requester>").
    """
    with _session(case_id, who) as session:
        session.set_fact(field, value)
        fact = session.fact(field)
    state = "corrected by the reviewer" if fact.corrected else "as read"
    shown = fact.value.value if hasattr(fact.value, "value") else fact.value
    click.echo(f"{fact.label} of {case_id}: {shown if shown not in (None, '') else '-'} ({state})")


@review.group("search")
def search() -> None:
    """Correct the searches behind the response: edit or delete a row, mark one not a search."""


@search.command("edit")
@click.argument("case_id")
@click.argument("number", type=int)
@click.option("--date", help="When it was made.")
@click.option("--by", "who_searched", help="Who made it.")
@click.option("--where", help="Where (system, mailbox, drive).")
@click.option("--terms", help="The search terms.")
@click.option("--date-range", help="The period searched.")
@click.option("--results", help="What it found.")
@click.option("--notes", help="Anything else.")
@who_option
def search_edit(case_id: str, number: int, who: str, **columns: str | None) -> None:
    """Correct search NUMBER (from 1, as `review show` lists them)."""
    fields = {
        ("who" if name == "who_searched" else name): value
        for name, value in columns.items()
        if value is not None
    }
    if not fields:
        raise click.UsageError("Give at least one column to change (e.g. --where, --terms)")
    with _session(case_id, who) as session:
        session.edit_search(number - 1, **fields)
    click.echo(f"Corrected search {number} of {case_id}")


@search.command("delete")
@click.argument("case_id")
@click.argument("number", type=int)
@who_option
def search_delete(case_id: str, number: int, who: str) -> None:
    """Delete search NUMBER (from 1); the audit trail keeps it."""
    with _session(case_id, who) as session:
        session.delete_search(number - 1)
    click.echo(f"Deleted search {number} of {case_id}")


@search.command("not-a-search")
@click.argument("case_id")
@click.argument("number", type=int)
@click.option("--undo", is_flag=True, help="It is a search after all.")
@who_option
def search_not_a_search(case_id: str, number: int, undo: bool, who: str) -> None:
    """Mark passage NUMBER (from 1) of those the letter was read as describing searches as
    not a search, so the checks stop counting it."""
    with _session(case_id, who) as session:
        passages = session.extraction.searches
        if not 1 <= number <= len(passages):
            raise click.BadParameter(
                f"the letter was read as describing {len(passages)} search(es)", param_hint="NUMBER"
            )
        session.mark_not_a_search(passages[number - 1], not undo)
    state = "a search" if undo else "not a search"
    click.echo(f"Passage {number} of {case_id} marked {state}: {passages[number - 1].quote}")


@review.command("complete")
@click.argument("case_id")
@click.option("--signed-by", required=True, help="The name the letter is signed with.")
@click.option("--on", "on", help="The sign-off date (e.g. 4/12/2023; default today).")
@who_option
def review_complete(case_id: str, signed_by: str, on: str | None, who: str) -> None:
    """Sign off CASE_ID's review and freeze it (refused, with what is missing, if incomplete).

    Refused, listing what is missing, while a point, provision or ground of the review request
    has no finding (or a ground its reasons, or an upheld ground its remedy).
    """
    day = parse_date(on, field_name="--on") if on else None
    with _session(case_id, who) as session:
        done = session.complete(signed_by, on=day)
    assert done.sign_off is not None
    click.echo(
        f"Completed version {done.version} of the review of {case_id}: "
        f"{done.outcome.label if done.outcome else '-'}, signed off by {done.sign_off.name} "
        f"on {done.sign_off.date:%d %b %Y}"
    )


@review.command("new-version")
@click.argument("case_id")
@who_option
def review_new_version(case_id: str, who: str) -> None:
    """Start a new draft version of CASE_ID's completed review (the old one stays signed off)."""
    with _session(case_id, who) as session:
        fresh = session.new_version()
    click.echo(f"Started version {fresh.version} of the review of {case_id} (draft)")


def _report(done: str, session: ReviewSession) -> None:
    click.echo(f"{done}.")
    click.echo(format_points(session.review))

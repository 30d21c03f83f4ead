"""``workbench review``: start, list and show reviews, move them between installations, and
update one from its findings spreadsheet."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .. import settings
from ..outcomes import DEFAULT_SCHEME
from . import main
from .lazy import LazyChoice, LazyGroup

if TYPE_CHECKING:
    from ..parsing.model import Extraction
    from ..review import Review

#: The modules adding commands to ``workbench review``, imported when it runs.
REVIEW_COMMAND_MODULES = ("reading", "review_grounds", "allocate")


def _default_user() -> str:
    """``WORKBENCH_USER``, else the login name: who a command's changes are recorded as."""
    return settings.user()


def who_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """``--who NAME``, which every ``workbench review`` command takes."""
    return click.option(
        "--who",
        default=_default_user,
        help="Your name, recorded in the audit trail with every change "
        "(default: WORKBENCH_USER, else your login name).",
    )(command)


def _routes() -> list[str]:
    from ..review import Route

    return list(Route.choices())


@main.group(cls=LazyGroup, command_modules=REVIEW_COMMAND_MODULES)
def review() -> None:
    """Internal reviews, kept in the review store (WORKBENCH_DB, default data/workbench.db)."""


@review.command("list")
@who_option
def review_list(who: str) -> None:
    """List every review: status, reviewer, due date and outcome."""
    from ..store import Store

    with Store() as store:
        summaries = store.list_reviews()
    if not summaries:
        click.echo("No reviews yet. Start one with: workbench review start CASE_ID --reviewer NAME")
        return
    for s in summaries:
        due = f"due {s.due_date:%Y-%m-%d}{' LATE' if s.late else ''}" if s.due_date else "due -"
        outcome = s.outcome.label if s.outcome else "no outcome yet"
        click.echo(
            f"{s.case_id}\tv{s.version}\t{s.status.label}\t{s.reviewer or '-'}\t{due}\t"
            f"{s.points_decided}/{s.points} points decided\t{outcome}"
        )


@review.command("show")
@click.argument("case_id")
@click.option("--version", type=int, help="An earlier version (default: the current one).")
@click.option(
    "--scheme",
    default=DEFAULT_SCHEME,
    show_default=True,
    help="Outcome wording: cabinet_office, foisa, authority or a team's own scheme.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the review as JSON.")
@who_option
def review_show(case_id: str, version: int | None, scheme: str, as_json: bool, who: str) -> None:
    """Show the review of CASE_ID.

    --version N shows an earlier version.
    """
    from ..store import Store

    with Store() as store:
        found = store.get(case_id, version)
    if as_json:
        click.echo(json.dumps(found.to_json(), indent=2, ensure_ascii=False))
        return
    click.echo(format_review(found, scheme))


@review.command("start")
@click.argument("case_id")
@click.option("--reviewer", help="Who carries out the review (default: --who).")
@click.option("--role", default="", help="The reviewer's role.")
@click.option("--requested", help="Date the review was requested (default: case.json).")
@click.option("--route", type=LazyChoice(_routes), help="How it was requested.")
@click.option("--grounds", default="", help="The requester's grounds, in their words.")
@click.option("--exceptional", is_flag=True, help="FOIA exceptional case: 40 working days.")
@click.option(
    "--extraction",
    type=click.Path(exists=True, dir_okay=False),
    help="A first pass saved as JSON (workbench extract --json) to use instead of reading "
    "the letter now.",
)
@click.option(
    "--no-extraction",
    is_flag=True,
    help="Start an empty review: no points or provisions read from the letter.",
)
@who_option
def review_start(
    case_id: str,
    reviewer: str | None,
    role: str,
    requested: str | None,
    route: str | None,
    grounds: str,
    exceptional: bool,
    extraction: str | None,
    no_extraction: bool,
    who: str,
) -> None:
    """Start a draft review of CASE_ID: the letter is read and its points proposed.

    The points, determinations and provisions the extractor reads are a proposal to
    check: correct them with `workbench review point ...` (or in the dashboard).

    --no-extraction starts with no points; --extraction takes a first pass saved by `workbench
    extract --json`.
    """
    from ..cases import load_case
    from ..deadlines import parse_date
    from ..review import Route
    from ..service import ReviewSession
    from ..store import Store

    if no_extraction and extraction:
        raise click.UsageError("Give --extraction FILE or --no-extraction, not both")
    case = load_case(case_id)
    reading: Extraction | None | str = (
        None if no_extraction else _read_extraction(extraction) if extraction else "letter"
    )
    with Store() as store:
        draft = ReviewSession.start(
            case,
            who,
            store=store,
            extraction=reading,
            reviewer=reviewer or who,
            role=role,
            requested=parse_date(requested, field_name="--requested") if requested else None,
            route=Route(route) if route else None,
            grounds=grounds,
            exceptional=exceptional,
        )
    due = f"; due {draft.due_date:%a %d %b %Y}" if draft.due_date else ""
    click.echo(
        f"Started the review of {draft.case_id} (version 1, draft) with {len(draft.points)} "
        f"point(s), {len(draft.provisions)} provision(s), {len(draft.searches)} search(es){due}"
    )
    if draft.points:
        click.echo(
            f"The points were read from the letter: check them with "
            f"'workbench review points {draft.case_id}'"
        )


def _read_extraction(path: str | None) -> Extraction | None:
    """The first pass's result saved as JSON (``Extraction.to_json_dict``), checked."""
    from pydantic import ValidationError

    from ..errors import DocumentError
    from ..parsing.model import Extraction
    from ..review import explain

    if path is None:
        return None
    try:
        return Extraction.model_validate_json(Path(path).read_bytes())
    except ValidationError as exc:
        raise DocumentError(f"{path} is not an extraction: {explain(exc)}", path=path) from exc


@review.command("export-json")
@click.argument("case_id")
@click.option("--out", type=click.Path(dir_okay=False), help="File to write (default: print).")
@who_option
def review_export_json(case_id: str, out: str | None, who: str) -> None:
    """Write every version of CASE_ID's review, with its audit trail, as JSON.

    Each version comes with the hashes of every content it has had.
    """
    from ..store import Store

    with Store() as store:
        exported = store.export_json(case_id)
    text = json.dumps(exported, indent=2, ensure_ascii=False) + "\n"
    if out is None:
        click.echo(text, nl=False)
        return
    from ..cases import atomic_write_text

    atomic_write_text(Path(out), text)
    click.echo(f"Wrote the review of {case_id} ({len(exported['versions'])} version(s)) to {out}")


@review.command("import-json")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--who",
    "--as",
    "who",
    default=_default_user,
    help="Your name, for the audit trail (default: WORKBENCH_USER, else your login name).",
)
@click.option(
    "--force",
    is_flag=True,
    help="Replace unfinished work saved here that the file does not build on.",
)
def review_import_json(file: str, who: str, force: bool) -> None:
    """Import a review written by export-json (never over work it does not build on).

    Versions this store lacks are added; an unfinished version here is replaced only when the
    file's copy builds on it (by content hash, never by a date in the file), otherwise --force
    is needed; completed versions are never replaced. The file's audit trail is kept apart,
    marked with the file, the importer and the time; what the import changes here is audited
    field by field under --who.
    """
    from ..store import Store

    data = Store.read_export(file)
    with Store() as store:
        result = store.import_json(data, who, force=force, source=Path(file).name)
    click.echo(result.message)


@review.command("import-xlsx")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@who_option
@click.option("--case", "case_id", help="Refuse the workbook unless it is for this case id.")
def review_import_xlsx(file: str, who: str, case_id: str | None) -> None:
    """Update a review from a findings spreadsheet filled in offline (changes are audited).

    Findings, reasons, remedies (on the Grounds, Points and Provisions sheets), search adequacy,
    check decisions and the outcome are saved through the store and audited; a workbook for
    another case, an older version or a review changed since export is refused, and so is a
    Grounds row naming a ground the review does not have.
    """
    from ..export.import_xlsx import import_findings

    report = import_findings(file, who, case_id=case_id)
    click.echo(report.message)


def format_review(
    review: Review, scheme: str = DEFAULT_SCHEME, today: dt.date | None = None
) -> str:
    """The review as plain text, section by section (what ``review show`` prints)."""
    from ..review import yes_no_label

    lines = [
        f"Review of {review.case_id} (version {review.version}, {review.status_label.lower()})"
    ]
    who = ", ".join(part for part in (review.reviewer.name, review.reviewer.role) if part)
    lines.append(f"Reviewer: {who or '-'}")
    if review.review_requested:
        late = " (late)" if review.is_late(today) else ""
        lines.append(
            f"Requested: {review.review_requested:%d %b %Y} by {review.route_label.lower()}; "
            f"due {review.due_date:%d %b %Y}{late}"
        )
    if review.grounds:
        lines.append(f"Grounds (the requester's words): {review.grounds}")
    if review.requester_grounds:
        lines += ["", f"Grounds of the review request ({len(review.requester_grounds)})"]
        for ground in review.requester_grounds:
            what = ground.summary or ground.category.replace("_", " ")
            lines.append(f"  {ground.id}. {what}: {ground.finding_label}")
    lines += ["", f"Points ({len(review.points)})"]
    for p in review.points:
        corrected = " (corrected)" if p.determination_corrected else ""
        lines.append(f"  {p.label}. {p.determination_label}{corrected}: {p.finding_label}")
        if p.remedies:
            when = f" by {p.remedy_date:%d %b %Y}" if p.remedy_date else ""
            lines.append(f"     remedies: {'; '.join(p.remedy_labels)}{when}")
        if p.reasons:
            lines.append(f"     {p.reasons}")
    lines += ["", f"Provisions ({len(review.provisions)})"]
    for v in review.provisions:
        on = f" (points {', '.join(v.points)})" if v.points else ""
        lines.append(f"  {v.provision_id}{on}: engaged {v.engaged_label}; {v.finding_label}")
        if v.public_interest and v.public_interest.favours:
            lines.append(f"     public interest: {v.public_interest.favours_label}")
    lines += ["", f"Searches ({len(review.searches)})"]
    for s in review.searches:
        added = " [added by reviewer]" if s.added_by_reviewer else ""
        lines.append(f"  {s.where or '-'}: {s.terms or '-'}; adequate: {s.adequate_label}{added}")
        if s.further_search_needed:
            lines.append(f"     further search: {s.further_search_needed}")
    proc = review.procedural
    lines += [
        "",
        f"Timeliness: {proc.timeliness_label}; "
        f"advice and assistance adequate: {yes_no_label(proc.advice_and_assistance_adequate)}; "
        f"refusal notice adequate: {yes_no_label(proc.refusal_notice_adequate)}",
    ]
    if review.check_decisions:
        accepted = sum(1 for d in review.check_decisions.values() if d.accepted)
        dismissed = len(review.check_decisions) - accepted
        lines.append(f"Automated checks: {accepted} accepted, {dismissed} dismissed")
    outcome = "not decided yet"
    if review.outcome is not None:
        source = " (reviewer's override)" if review.outcome_overridden else ""
        outcome = f"{review.outcome.label}{source}; {scheme}: {review.outcome_label(scheme)}"
    lines += ["", f"Outcome: {outcome}"]
    if review.change_reasons:
        lines.append("Why it changed: " + "; ".join(r.label for r in review.change_reasons))
    if review.sign_off:
        lines.append(f"Signed off by {review.sign_off.name} on {review.sign_off.date:%d %b %Y}")
    return "\n".join(lines)

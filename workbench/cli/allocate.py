"""``workbench review allocate``: a team's manager allocates a review to a reviewer."""

from __future__ import annotations

import click

from .. import roles
from ..service import allocate_case
from .review import _default_user, review


@review.command("allocate")
@click.argument("case_id")
@click.option(
    "--to", "to", required=True, help="The sign-in name to allocate it to ('' for nobody)."
)
@click.option(
    "--who",
    default=None,
    help="Who allocates, for the audit trail (default: the signed-in user, else your login).",
)
def review_allocate(case_id: str, to: str, who: str | None) -> None:
    """Allocate a case's review to a team member (a manager's task in a team; see README)."""
    review = allocate_case(case_id, to, who=roles.signed_in_user() or who or _default_user())
    if review.allocated_to:
        click.echo(f"Allocated the review of {case_id} to {review.allocated_to}")
    else:
        click.echo(f"The review of {case_id} is allocated to nobody")

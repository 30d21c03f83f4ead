"""``workbench review allocate``: a team's manager allocates a review to a reviewer."""

from __future__ import annotations

import click

from ..service import allocate_case
from .review import review, who_option


@review.command("allocate")
@click.argument("case_id")
@click.option(
    "--to", "to", required=True, help="The sign-in name to allocate it to ('' for nobody)."
)
@who_option
def review_allocate(case_id: str, to: str, who: str) -> None:
    """Allocate a case's review to a team member (a manager's task in a team; see README).

    Signed in through JupyterHub (JUPYTERHUB_USER), the allocation is recorded as the
    signed-in user and only a manager may make it.

    The team member is named by sign-in name (`--to ''` for nobody); the draft is started if
    nobody has opened the review yet.
    """
    allocated = allocate_case(case_id, to, who=who)
    if allocated.allocated_to:
        click.echo(f"Allocated the review of {case_id} to {allocated.allocated_to}")
    else:
        click.echo(f"The review of {case_id} is allocated to nobody")

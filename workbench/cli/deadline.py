"""``workbench deadline``: statutory time limits with the working shown."""

from __future__ import annotations

import json

import click

from . import main


@main.command()
@click.argument("received")
@click.option(
    "--regime",
    type=click.Choice(["FOIA", "EIR", "FOISA", "EISR"], case_sensitive=False),
    default="FOIA",
    show_default=True,
    help="The access regime, which decides which bank holidays count.",
)
@click.option(
    "--responded", help="Date of the response (e.g. 4/12/2023 or 4 Dec 2023): reports days taken."
)
@click.option(
    "--extension",
    type=int,
    default=0,
    help="Extra working days (FOIA s.10(3), EIR reg 7, EISR reg 7(1)).",
)
@click.option(
    "--clarified", help="Date clarification was received (FOIA s.1(3)): restarts the clock."
)
@click.option("--fee-notice", help="Date a fees notice was given (FOIA s.10(2)).")
@click.option("--fee-paid", help="Date the fee was received (FOIA s.10(2)).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of the working.")
def deadline(
    received: str,
    regime: str,
    responded: str | None,
    extension: int,
    clarified: str | None,
    fee_notice: str | None,
    fee_paid: str | None,
    as_json: bool,
) -> None:
    """When a response to a request RECEIVED (day first: 4/12/2023, 4 Dec 2023) is due.

    Prints the statutory due date with its working: day 1, every bank holiday skipped and the
    nation it belongs to, the last day; the working days taken and whether on time. Every DATE
    is day first: `4/12/2023`, `4 Dec 2023` or `2023-12-04`.
    """
    from .. import deadlines

    response = deadlines.response_deadline(
        received,
        regime,
        responded=responded,
        extension_days=extension,
        clarification_received=clarified,
        fee_notice=fee_notice,
        fee_paid=fee_paid,
    )
    window = deadlines.review_request_deadline(
        responded or response.due, regime, received=received, clarification_received=clarified
    )
    review_days = deadlines.review_working_days(regime)
    if as_json:
        out = response.to_dict()
        out["review_request_by"] = window.due.isoformat()
        out["review_working_days"] = review_days
        click.echo(json.dumps(out, indent=2))
        return
    click.echo("\n".join(response.working()))
    start = "the response" if responded else "the due date"
    if window.start != deadlines.parse_date(responded or response.due):
        start = "the expiry of the time for compliance (FOISA s.20(5))"
    click.echo(
        f"\nThe requester may ask for a review until {window.due:%a %d %b %Y} "
        f"(40 working days after {start})."
    )
    click.echo(f"A review should be completed within {review_days} working days of the request.")

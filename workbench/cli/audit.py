"""``workbench audit``: check that the review store's history has not been tampered with."""

from __future__ import annotations

import click

from . import main


@main.group()
def audit() -> None:
    """The audit trail of the review store (WORKBENCH_DB)."""


@audit.command("verify")
@click.argument("case_id", required=False)
def audit_verify(case_id: str | None) -> None:
    """Check the audit trail's hash chain (of CASE_ID, or of every case) and its guards.

    Prints the first broken link of each case whose trail was edited, cut short or
    rewritten, and exits with status 1; otherwise prints the seal to note elsewhere.

    Each row of the audit trail carries a hash of its content and of the row before, so an
    edited, deleted, replaced or slipped-in row, rows cut from the end, a review deleted behind
    the store's back, or a missing database guard is reported. A later seal for the same history
    that differs shows the history was rewritten.
    """
    from ..store import Store

    with Store() as store:
        verdict = store.verify_audit(case_id)
    if not verdict.intact:
        for found in verdict.breaks:
            click.echo(f"Broken: {found}")
        raise SystemExit(1)
    which = f"The audit trail of {case_id}" if case_id else "The audit trail"
    click.echo(
        f"{which} is intact: {verdict.rows} row(s) in {verdict.cases} case(s); seal {verdict.seal}"
    )

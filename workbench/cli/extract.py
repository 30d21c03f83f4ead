"""``workbench extract``: the first read of a response, with the evidence behind it."""

from __future__ import annotations

import json
from pathlib import Path

import click

from . import main


@main.command()
@click.argument("response", type=click.Path(path_type=Path))
@click.option(
    "--request",
    type=click.Path(path_type=Path),
    help="The original request, when it is a separate document.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the extraction as JSON.")
def extract(response: Path, request: Path | None, as_json: bool) -> None:
    """Read RESPONSE: reference, regime, dates, each point's decision and grounds, rights.

    Prints the reference, regime, the kind of letter (`response`, `refusal_notice`,
    `holding_notice`, `internal_review_outcome`) and a review's outcome, dates (received,
    clarified, responded), each point's determination and provisions, searches described, review
    and complaint rights, each with the evidence quoted and a confidence from 0 to 1 (--json:
    `confidence` on every point and a `confidence` map for the fields).
    """
    from ..parsing.extract import extract_document
    from ..parsing.summary import format_summary

    result = extract_document(response, request)
    if as_json:
        click.echo(json.dumps(result.to_json_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(format_summary(result))

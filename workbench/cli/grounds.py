"""``workbench grounds``: what a review request objects to, ground by ground."""

from __future__ import annotations

import json
from pathlib import Path

import click

from . import main


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--regime",
    metavar="FOIA|EIR|FOISA|EISR",  # grounds.references.REGIMES, not imported for --help
    help="How to read bare section numbers (default: from the Acts the text names).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the grounds as JSON.")
def grounds(file: Path, regime: str | None, as_json: bool) -> None:
    """Read the grounds of the review request FILE (.txt, .eml, .msg, .docx, .pdf ...).

    FILE is anything the document loader reads. Prints each ground of dissatisfaction in the
    order raised, with its category, the provisions and request points it concerns, the
    requester's words (and their offsets), a one-line summary and a confidence; an empty list
    when no ground is stated (see "Reading a review request's grounds" in the README).
    """
    from ..documents import load_document
    from ..grounds import grounds_to_json, read_grounds
    from ..grounds.reader import resolve_regime
    from ..grounds.summary import format_grounds

    text = load_document(file).text
    used = resolve_regime(text, regime)
    found = read_grounds(text, used)
    if as_json:
        data = {"file": file.name, "regime": used, "grounds": grounds_to_json(found)}
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        click.echo(format_grounds(found, file.name, used))

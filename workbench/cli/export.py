"""``workbench export``: the outcome letter and the findings spreadsheet of a case."""

from __future__ import annotations

import click

from ..cases import find_case
from ..export import FORMATS, export_case, parse_formats
from ..store import Store
from . import main


@main.command("export")
@click.argument("case_dir")
@click.option(
    "--out", required=True, type=click.Path(file_okay=False), help="Folder to write the files to."
)
@click.option(
    "--format",
    "formats",
    default=",".join(FORMATS),
    show_default=True,
    help="Comma-separated formats: docx, html, md (the letter) and xlsx (the findings).",
)
def export(case_dir: str, out: str, formats: str) -> None:
    """Write the outcome letter and findings spreadsheet of a case (CASE_DIR: folder or id).

    Uses the review saved in the store, or the automated first pass when none exists yet.
    """
    wanted = parse_formats(formats)
    case = find_case(case_dir)
    with Store() as store:
        saved = store.exists(case.id)
        written = export_case(case, out, wanted, store=store)
    source = "the saved review" if saved else "the automated first pass (no review saved yet)"
    click.echo(f"Exported {case.id} from {source}:")
    for file in written:
        click.echo(f"  {file}")

"""``workbench export``: the outcome letter and the findings spreadsheet of a case."""

from __future__ import annotations

import click

from . import main


@main.command("export")
@click.argument("case_dir")
@click.option(
    "--out", required=True, type=click.Path(file_okay=False), help="Folder to write the files to."
)
@click.option(
    "--format",
    "formats",
    help="Comma-separated formats: docx, html, md (the letter) and xlsx (the findings); "
    "all four unless given.",
)
def export(case_dir: str, out: str, formats: str | None) -> None:
    """Write the outcome letter and findings spreadsheet of a case (CASE_DIR: folder or id).

    Uses the review saved in the store, or the automated first pass when none exists yet.

    The letter is written as Word, HTML and Markdown, the findings as a spreadsheet, named like
    `IC-266000-V6Y0-review-v1.docx`.
    """
    from ..cases import find_case
    from ..export import FORMATS, export_case, parse_formats
    from ..store import Store

    wanted = parse_formats(FORMATS if formats is None else formats)
    case = find_case(case_dir)
    with Store() as store:
        saved = store.exists(case.id)
        written = export_case(case, out, wanted, store=store)
    source = "the saved review" if saved else "the automated first pass (no review saved yet)"
    click.echo(f"Exported {case.id} from {source}:")
    for file in written:
        click.echo(f"  {file}")

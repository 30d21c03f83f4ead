"""``workbench export`` and ``workbench review import-xlsx``: letters and spreadsheets."""

from __future__ import annotations

from pathlib import Path

import click

from . import main
from .review import review, who_option


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
    from ..cases import load_case
    from ..export import FORMATS, export_case, parse_formats
    from ..store import Store

    wanted = parse_formats(FORMATS if formats is None else formats)
    path = Path(case_dir)
    case = load_case(path if (path / "case.json").is_file() else case_dir)
    with Store() as store:
        saved = store.exists(case.id)
        written = export_case(case, out, wanted, store=store)
    source = "the saved review" if saved else "the automated first pass (no review saved yet)"
    click.echo(f"Exported {case.id} from {source}:")
    for file in written:
        click.echo(f"  {file}")


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

"""``workbench case``: create and list case folders."""

from __future__ import annotations

import click

from . import main


@main.group()
def case() -> None:
    """Create, import and list cases (folders under data/cases/)."""


@case.command("new")
@click.option(
    "--response", required=True, type=click.Path(dir_okay=False), help="The original response."
)
@click.option(
    "--request", type=click.Path(dir_okay=False), help="The original request, if separate."
)
@click.option("--searches", type=click.Path(dir_okay=False), help="Search record (.csv or .xlsx).")
@click.option(
    "--review-request", type=click.Path(dir_okay=False), help="The requester's review request."
)
@click.option("--id", "case_id", help="Case id (default: the reference found in the response).")
@click.option(
    "--regime",
    type=click.Choice(["FOIA", "EIR", "FOISA", "EISR", "mixed"]),
    help="Regime, if known.",
)
@click.option("--authority", help="The public authority that answered.")
def case_new(
    response: str,
    request: str | None,
    searches: str | None,
    review_request: str | None,
    case_id: str | None,
    regime: str | None,
    authority: str | None,
) -> None:
    """Create a case folder from a response and, optionally, its request and search record."""
    from .. import cases

    created = cases.new_case(
        response,
        request=request,
        searches=searches,
        review_request=review_request,
        case_id=case_id,
        regime=regime,
        authority=authority,
    )
    meta = created.meta
    click.echo(f"Created case {meta.id} at {created.path}")
    click.echo(f"  reference: {meta.reference or '(not found)'}")
    click.echo(f"  regime: {meta.regime or '(not known)'}")
    click.echo(f"  received: {meta.date_received or '(not found)'}")
    click.echo(f"  responded: {meta.date_responded or '(not found)'}")


@case.command("add-review-request")
@click.argument("case_id")
@click.argument("file", type=click.Path(dir_okay=False), required=False)
@click.option("--text", help="The review request as text (an email body), instead of FILE.")
@click.option("--replace", is_flag=True, help="Replace the review request the case has.")
def case_add_review_request(
    case_id: str, file: str | None, text: str | None, replace: bool
) -> None:
    """Give CASE_ID the requester's review request (FILE: .txt, .eml, .msg, .docx, .pdf).

    Its grounds are read into the review when it is next opened (`workbench review grounds
    CASE_ID`, or the dashboard), if the review has none yet.

    The review request can be given later, as a document or as an email body (--text).
    """
    if (file is None) == (text is None):
        raise click.UsageError("Give the review request as FILE or as --text, not both")
    from .. import cases

    updated = cases.attach_review_request(
        cases.load_case(case_id), file, text=text, replace=replace
    )
    shown = updated.meta.original_filenames.get("review_request", "")
    click.echo(f"Case {case_id} now has its review request ({shown})")
    click.echo(f"Read its grounds with: workbench review grounds {case_id}")


@case.command("list")
def case_list() -> None:
    """List the cases in the data folder."""
    from .. import cases

    found = cases.list_cases()
    if not found:
        click.echo("No cases yet. Add one with: workbench case new --response FILE")
        return
    for item in found:
        meta = item.meta
        click.echo(
            f"{meta.id}\t{meta.reference or '-'}\t{meta.regime or '-'}\t{meta.date_received or '-'}"
        )


@case.command("import")
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
def case_import_folder(folder: str) -> None:
    """Make one case of each sub-folder of FOLDER (response, request, searches, review request).

    Each document's role is found by its kind (a .csv or .xlsx is the search record), its
    name ("response", "request", "review") or an email's subject; a folder that cannot be
    made into a case is refused with the reason, and the others are still imported.

    A progress bar shows, then a summary of the cases made, the folders refused and why, and any
    file left out (see "Importing many cases" in the README); the exit status is 1 when a folder
    was refused.
    """
    from .. import case_import

    folders = case_import.case_folders(folder)
    with click.progressbar(folders, label="Importing", item_show_func=_folder_name) as bar:
        results = [case_import.import_case_folder(sub) for sub in bar]
    click.echo(case_import.summary(results))
    refused = sum(1 for result in results if not result.imported)
    if refused:
        raise click.ClickException(f"{refused} of {len(results)} folders were refused (above)")


def _folder_name(path: object) -> str:
    return getattr(path, "name", "") or ""

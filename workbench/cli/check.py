"""``workbench check``: run the automated checks on a case and print the findings."""

from __future__ import annotations

import json
import textwrap
from typing import TYPE_CHECKING

import click

from . import main

if TYPE_CHECKING:
    from ..checks import Finding, Severity
    from ..review import Review

#: Each severity's heading, by its value ("issue", "warning", "info").
_HEADINGS = {"issue": "Issues", "warning": "Warnings", "info": "Information"}
_WIDTH = 100
_QUOTE_LIMIT = 240


@main.command()
@click.argument("case_dir")
@click.option("--json", "as_json", is_flag=True, help="Print the findings as a JSON list.")
@click.option(
    "--as-read",
    is_flag=True,
    help="Check the letter as the extractor reads it, ignoring the reviewer's corrections.",
)
def check(case_dir: str, as_json: bool, as_read: bool) -> None:
    """Run every automated check on a case (CASE_DIR: a case folder or a case id).

    When the case has a review, the checks read the reviewer's corrected reading
    (points, determinations, provisions, facts) unless --as-read is given.

    Findings are grouped by severity, each with its provision and the evidence (see
    `docs/checks.md`); with --as-read the checks read the letter as the extractor reads it.
    """
    from ..cases import find_case
    from ..checks import run_case_checks

    case = find_case(case_dir)
    review = None if as_read else _saved_review(case.id)
    findings = run_case_checks(case, review=review)
    if as_json:
        click.echo(json.dumps([f.to_json_dict() for f in findings], indent=2, ensure_ascii=False))
        return
    click.echo(format_findings(case.id, findings))


def _saved_review(case_id: str) -> Review | None:
    """The case's review in the store, if it has one."""
    from ..store import ReviewNotFound, Store

    with Store() as store:
        try:
            return store.get(case_id)
        except ReviewNotFound:
            return None


def format_findings(case_id: str, findings: list[Finding]) -> str:
    """Findings grouped by severity, each with its explanation and the words behind it."""
    from ..checks import Severity

    counts = {s: sum(1 for f in findings if f.severity == s) for s in Severity}
    summary = ", ".join(f"{n} {_plural(s, n)}" for s, n in counts.items())
    lines = [f"Case {case_id}: {summary}"]
    for severity in Severity:
        group = [f for f in findings if f.severity == severity]
        if not group:
            continue
        lines += ["", f"{_HEADINGS[severity.value].upper()} ({len(group)})"]
        for f in group:
            lines += ["", *_format_one(f)]
    return "\n".join(lines)


def _plural(severity: Severity, n: int) -> str:
    word = {"issue": "issue", "warning": "warning", "info": "note"}[severity.value]
    return word if n == 1 else word + "s"


def _format_one(f: Finding) -> list[str]:
    out = [f"  [{f.check}] {f.title}"]
    out += textwrap.wrap(f.explanation, _WIDTH, initial_indent="    ", subsequent_indent="    ")
    about = [part for part in (_about("Provision", f.provision), _about("Point", f.point)) if part]
    if about:
        out.append("    " + "   ".join(about))
    for e in f.evidence:
        quote = " ".join(e.quote.split())
        if len(quote) > _QUOTE_LIMIT:
            quote = quote[: _QUOTE_LIMIT - 1].rstrip() + "\u2026"
        where = f"{e.source} {e.start}-{e.end}"
        out.append(f"    > \u201c{quote}\u201d ({where})")
    return out


def _about(label: str, value: str | None) -> str:
    return f"{label}: {value}" if value else ""

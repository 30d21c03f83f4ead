"""The checks' documentation, generated from the registry so it cannot fall out of date.

``python -m workbench.checks --markdown > docs/checks.md`` writes it;
tests/test_checks_docs.py fails when the file and the registry disagree.
"""

from __future__ import annotations

from ..catalogue import load_catalogue
from ..law import load_law
from .base import all_checks

_HEADER = """\
# Automated checks

`workbench check CASE_DIR` runs every check below on a case and reports findings,
each with a severity (`issue`, `warning`, `info`), a plain-English explanation,
the provision and request point it concerns, and the exact words of the letter
behind it. The checks flag what a careful reviewer would question; the reviewer
decides.

This file is generated from the checks' own docstrings:
`python -m workbench.checks --markdown > docs/checks.md`. Do not edit it by hand.

"""


def law_section() -> str:
    """Which text of each regime's law, and which data protection law, the checks follow."""
    lines = ["## The law the checks follow\n\n", "| regime | text | as at |\n|---|---|---|\n"]
    for regime, text in load_catalogue().law.items():
        note = f" {text.notes}" if text.notes else ""
        lines.append(
            f"| {regime} | [{text.title}]({text.url}){note} | {text.as_at.isoformat()} |\n"
        )
    lines.append(
        "\nPersonal data is judged under the data protection law in force at the date of the "
        "response:\n\n"
    )
    for period in load_law().data_protection:
        if period.start is None:
            when = f"until {period.until.isoformat()}"
        elif period.until is None:
            when = f"from {period.start.isoformat()}"
        else:
            when = f"{period.start.isoformat()} to {period.until.isoformat()}"
        lines.append(f"- {when}: {period.name}\n")
    lines.append(
        "\nEach check below names the provisions it applies and the date of their text "
        "(`Law:`), and its sources (`Source:`).\n\n"
    )
    return "".join(lines)


def markdown() -> str:
    """All registered checks as a Markdown document, in registration order."""
    parts = [_HEADER, law_section(), "| id | title | looks for |\n|---|---|---|\n"]
    parts += [f"| `{c.id}` | {c.title} | {c.doc} |\n" for c in all_checks()]
    for c in all_checks():
        parts.append(f"\n## `{c.id}`: {c.title}\n\n{c.doc}\n\n{c.docstring}\n")
    return "".join(parts)

"""The checks' documentation, generated from the registry so it cannot fall out of date.

``python -m workbench.checks --markdown > docs/checks.md`` writes it;
tests/test_checks_docs.py fails when the file and the registry disagree.
"""

from __future__ import annotations

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


def markdown() -> str:
    """All registered checks as a Markdown document, in registration order."""
    parts = [_HEADER, "| id | title | looks for |\n|---|---|---|\n"]
    parts += [f"| `{c.id}` | {c.title} | {c.doc} |\n" for c in all_checks()]
    for c in all_checks():
        parts.append(f"\n## `{c.id}`: {c.title}\n\n{c.doc}\n\n{c.docstring}\n")
    return "".join(parts)
